import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../context.js';
import { invalidToken } from './authenticate.js';
import type { TokenService } from './tokens.js';
import { User } from './user.entity.js';
import { loadUserStates, stateRefusal } from './user-state.js';

/**
 * A fresh token for the holder of a token that still serves. The request's token was checked when
 * the request came in (expired, forged, revoked, disabled → 401 before any resolver); the state is
 * read again here so that a password change or a disable committed in between is not outrun. The new
 * token keeps the old one's version: whatever revokes the old one (changePassword, disableUser) revokes
 * the renewed one too. Roles are not in tokens (they are read per request), so it serves the current roles.
 */
export async function renewToken(em: EntityManager, tokens: TokenService, viewer: Viewer, tokenVersion: number | undefined): Promise<{ token: string; expiresAt: Date; user: User }> {
  if (tokenVersion === undefined) throw invalidToken('TOKEN_INVALID');
  const state = (await loadUserStates(em, [viewer.id])).get(viewer.id);
  const refusal = stateRefusal(state, tokenVersion);
  if (refusal) throw invalidToken(refusal);
  const issued = await tokens.issueWithExpiry({ userId: viewer.id, tokenVersion });
  return { ...issued, user: await em.findOneOrFail(User, { id: viewer.id }) };
}
