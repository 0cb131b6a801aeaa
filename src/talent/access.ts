import type { Context, Viewer } from '../context.js';
import { forbidden } from '../common/errors.js';
import { hasAnyRole } from '../auth/auth-checker.js';
import { Role } from '../auth/role.js';
import { enterpriseScopeOf } from '../auth/scope.js';
import { REGISTRY_READERS } from '../registry/worker.resolver.js';
import { m } from './messages.js';

/**
 * Who manages an enterprise's chief technicians and skill allowance standard: an ADMIN or ORGANIZER
 * (the city's registry keepers) for any enterprise, a NOMINATOR (企业推荐人) for the enterprise that
 * is their scope only. The resolvers let these three roles in; this decides per enterprise.
 */
export const TALENT_WRITERS = [Role.ADMIN, Role.ORGANIZER, Role.NOMINATOR];

export function mayManageEnterprise(viewer: Viewer | null, enterpriseId: string): boolean {
  if (!viewer) return false;
  if (hasAnyRole(viewer.roles, [Role.ADMIN, Role.ORGANIZER])) return true;
  return viewer.roles.includes(Role.NOMINATOR) && enterpriseScopeOf(viewer) === enterpriseId;
}

export function assertMayManageEnterprise(viewer: Viewer | null, enterpriseId: string): void {
  if (!mayManageEnterprise(viewer, enterpriseId)) throw forbidden(m('notYourEnterprise'));
}

/** Designations name workers: registry readers see every enterprise's, a NOMINATOR their own enterprise's. */
export function mayReadDesignations(ctx: Context, enterpriseId: string): boolean {
  const v = ctx.viewer;
  if (!v) return false;
  return hasAnyRole(v.roles, REGISTRY_READERS) || (v.roles.includes(Role.NOMINATOR) && enterpriseScopeOf(v) === enterpriseId);
}
