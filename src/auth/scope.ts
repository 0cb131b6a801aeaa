import type { Viewer } from '../context.js';
import type { User } from './user.entity.js';

/**
 * The enterprise a user acts for (User.enterprise, set by an ADMIN): a NOMINATOR nominates workers of
 * this enterprise only, an APPRAISER acts for the appraisal body it is. Null means city-wide (no scope).
 * Takes the request's viewer (read fresh per request) or a loaded User.
 */
export function enterpriseScopeOf(user: Pick<Viewer, 'enterpriseId'> | Pick<User, 'enterprise'> | null | undefined): string | null {
  if (!user) return null;
  if ('enterprise' in user) return user.enterprise?.id ?? null;
  return user.enterpriseId ?? null;
}
