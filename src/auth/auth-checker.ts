import type { AuthChecker } from 'type-graphql';
import type { Context } from '../context.js';
import { forbidden, unauthenticated } from '../common/errors.js';
import { Role } from './role.js';
import { commonMessage } from '../common/messages.js';

/**
 * `@Authorized()` → logged in; `@Authorized(Role.X, …)` → holds one of them (ADMIN holds every role).
 * Throws our own errors so the client sees UNAUTHENTICATED vs FORBIDDEN, never a bare "Access denied".
 * Ownership (this judge, this manager) is checked in services.
 */
export const authChecker: AuthChecker<Context, Role> = ({ context }, roles) => {
  const viewer = context.viewer;
  if (!viewer) throw unauthenticated();
  if (roles.length === 0 || hasAnyRole(viewer.roles, roles)) return true;
  throw forbidden(commonMessage('needsRole', { roles: roles.join(', ') }));
};

export function hasAnyRole(held: readonly Role[], wanted: readonly Role[]): boolean {
  return held.includes(Role.ADMIN) || wanted.some((r) => held.includes(r));
}
