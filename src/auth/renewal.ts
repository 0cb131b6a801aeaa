import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../context.js';
import { invalidToken, refusedToken } from './authenticate.js';
import type { TokenService } from './tokens.js';
import { User } from './user.entity.js';
import { m } from './messages.js';
import { loadUserStates, stateRefusal } from './user-state.js';

/**
 * A fresh token for the holder of a token that still serves. The request's token was checked when
 * the request came in (expired, forged, revoked, disabled → 401 before any resolver); the state is
 * read again here so that a password change or a disable committed in between is not outrun. The new
 * token keeps the old one's version: whatever revokes the old one (changePassword, disableUser) revokes
 * the renewed one too. Roles are not in tokens (they are read per request), so it serves the current roles.
 * A session is renewed up to SESSION_MAX_HOURS after its login, then refused (UNAUTHENTICATED, reason SESSION_TOO_LONG): a token
 * left on a shared workshop tablet must not keep its user logged in for ever.
 */
export async function renewToken(
  em: EntityManager, tokens: TokenService, viewer: Viewer, tokenVersion: number | undefined, sessionStart: number | undefined,
): Promise<{ token: string; expiresAt: Date; user: User }> {
  if (tokenVersion === undefined) throw invalidToken('TOKEN_INVALID');
  const state = (await loadUserStates(em, [viewer.id])).get(viewer.id);
  const refusal = stateRefusal(state, tokenVersion);
  if (refusal) throw invalidToken(refusal);
  if (sessionStart === undefined) throw invalidToken('TOKEN_INVALID');
  if (tokens.sessionOver(sessionStart)) {
    throw refusedToken('SESSION_TOO_LONG', m('SESSION_TOO_LONG', { hours: Math.round(tokens.maxSessionSeconds / 3600) }));
  }
  // The session's start carries over, so the new token expires at the session's maximum at the latest.
  const issued = await tokens.issueWithExpiry({ userId: viewer.id, tokenVersion, sessionStart });
  return { ...issued, user: await em.findOneOrFail(User, { id: viewer.id }) };
}
