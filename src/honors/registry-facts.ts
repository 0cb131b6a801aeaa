import type { Role } from '../auth/role.js';
import type { User } from '../auth/user.entity.js';
import type { Worker } from '../registry/worker.entity.js';

/*
 * The registry facts of issue 15 §0 (front-line flag, year started in the trade, a user's enterprise
 * scope, the NOMINATOR role) as this module reads them: in one place, so the campaign code does not
 * care how the registry stores them.
 */
export const NOMINATOR = 'NOMINATOR' as Role;

export function frontLineOf(worker: Worker): boolean {
  return (worker as unknown as { frontLine?: boolean }).frontLine ?? false;
}

export function tradeStartYearOf(worker: Worker): number | null {
  return (worker as unknown as { tradeStartYear?: number | null }).tradeStartYear ?? null;
}

/** The enterprise a user acts for (their scope), or null for city-wide users. */
export function scopeOf(user: User): string | null {
  return (user as unknown as { enterprise?: { id: string } | null }).enterprise?.id ?? null;
}
