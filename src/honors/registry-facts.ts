import { Role } from '../auth/role.js';
import { enterpriseScopeOf } from '../auth/scope.js';
import type { User } from '../auth/user.entity.js';
import type { Worker } from '../registry/worker.entity.js';

/*
 * The registry facts of issue 15 §0 (front-line flag, year started in the trade, a user's enterprise
 * scope, the NOMINATOR role) as this module reads them, in one place.
 */
export const NOMINATOR = Role.NOMINATOR;

export function frontLineOf(worker: Worker): boolean {
  return worker.frontLine;
}

export function tradeStartYearOf(worker: Worker): number | null {
  return worker.tradeStartYear;
}

/** The enterprise a user acts for (their scope), or null for city-wide users. */
export function scopeOf(user: User): string | null {
  return enterpriseScopeOf(user);
}
