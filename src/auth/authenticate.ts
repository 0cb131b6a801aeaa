import { GraphQLError } from 'graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../context.js';
import type { TokenService, VerifiedClaims } from './tokens.js';
import { loadUserStates, refusalMessage, stateRefusal, viewerOf, type AuthRefusal, type UserState } from './user-state.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type Authentication =
  | { viewer: null; refusal?: undefined }
  | { viewer: null; refusal: AuthRefusal }
  | { viewer: Viewer; refusal?: undefined; claims: VerifiedClaims; state: UserState };

/**
 * Who an `authorization` value (header or connectionParams) names: nothing → anonymous; a token
 * → its viewer, or a refusal saying why it does not serve (bad or expired token, revoked, user disabled).
 */
export async function authenticate(em: EntityManager, tokens: TokenService, authorization: unknown): Promise<Authentication> {
  if (authorization === undefined || authorization === null || authorization === '') return { viewer: null };
  const token = typeof authorization === 'string' ? /^Bearer\s+(\S+)$/i.exec(authorization.trim())?.[1] : undefined;
  if (!token) return { viewer: null, refusal: 'TOKEN_INVALID' };
  const checked = await tokens.check(token);
  if ('refusal' in checked) return { viewer: null, refusal: checked.refusal };
  const { claims } = checked;
  if (!UUID.test(claims.userId)) return { viewer: null, refusal: 'TOKEN_INVALID' };
  // Every authenticated request runs this: one plain read of the user's state, no entity hydrated.
  const state = (await loadUserStates(em, [claims.userId])).get(claims.userId);
  const refusal = stateRefusal(state, claims.tokenVersion);
  if (refusal) return { viewer: null, refusal };
  return { viewer: viewerOf(state!), claims, state: state! };
}

/**
 * The viewer of an HTTP request. A Bearer token that does not serve is refused with UNAUTHENTICATED
 * (401), so a client with an expired token learns it instead of silently seeing less; no header is
 * anonymous, and so is another scheme (a proxy's basic auth is passed on but is not ours).
 */
export async function httpViewer(em: EntityManager, tokens: TokenService, header: string | undefined): Promise<Viewer | null> {
  return (await httpAuthentication(em, tokens, header))?.viewer ?? null;
}

/** As httpViewer, with the verified token's claims (renewToken needs its version); null when anonymous. */
export async function httpAuthentication(em: EntityManager, tokens: TokenService, header: string | undefined): Promise<{ viewer: Viewer; claims: VerifiedClaims } | null> {
  if (!header || !/^Bearer(\s|$)/i.test(header.trim())) return null;
  const auth = await authenticate(em, tokens, header);
  if (auth.refusal) throw invalidToken(auth.refusal);
  return auth.viewer ? { viewer: auth.viewer, claims: auth.claims } : null;
}

export function invalidToken(refusal: AuthRefusal): GraphQLError {
  return refusedToken(refusal, refusalMessage(refusal));
}

/** UNAUTHENTICATED (401) with `extensions.reason`: also renewToken's SESSION_TOO_LONG, whose message has the hours in it. */
export function refusedToken(refusal: AuthRefusal | 'SESSION_TOO_LONG', message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: {
      code: 'UNAUTHENTICATED',
      reason: refusal,
      http: { status: 401, headers: new Map([['www-authenticate', 'Bearer error="invalid_token"']]) },
    },
  });
}
