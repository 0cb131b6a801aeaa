import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../context.js';
import type { Role } from './role.js';
import { m } from './messages.js';

/** What decides whether a token still serves: read per HTTP request, cached per instance for sockets. */
export interface UserState {
  id: string;
  roles: Role[];
  disabled: boolean;
  tokenVersion: number;
  workerId: string | null;
  enterpriseId: string | null;
}

/** Why a bearer token does not serve; sent as `extensions.reason` (HTTP) and in the close reason (WebSocket). */
export type AuthRefusal = 'TOKEN_INVALID' | 'TOKEN_EXPIRED' | 'TOKEN_REVOKED' | 'USER_DISABLED' | 'ROLES_CHANGED';

/**
 * Why a token does not serve, in the current locale: the GraphQL error's message over HTTP, and the
 * WebSocket close reason in the socket's language (ws-auth.ts). Each fits a close frame (at most 123
 * bytes of UTF-8) in both languages; `extensions.reason` (HTTP) carries the stable code.
 */
export function refusalMessage(refusal: AuthRefusal): string {
  return m(refusal);
}

/** The channel on which every instance hears that a user changed (disabled, password, roles, worker, enterprise scope). */
export const USER_CHANNEL = 'jiangxin_user';

/**
 * Tells every instance (this one included) that a user's state changed, so cached states are dropped
 * and the user's sockets re-checked. Call it with the writing transaction's EntityManager: the notice
 * goes out only when the change commits, so whoever reloads on it reads the new state.
 */
export async function emitUserChanged(em: EntityManager, userId: string): Promise<void> {
  await em.execute('select pg_notify(?, ?)', [USER_CHANNEL, userId]);
}

/** The states of these users, in one plain statement (no entities hydrated). */
export async function loadUserStates(em: EntityManager, ids: readonly string[]): Promise<Map<string, UserState>> {
  if (ids.length === 0) return new Map();
  const rows: { id: string; roles: Role[]; disabled: boolean; token_version: number; worker_id: string | null; enterprise_id: string | null }[] = await em.getConnection().execute(
    `select "id", "roles", "disabled", "token_version", "worker_id", "enterprise_id" from "app_user" where "id" in (${ids.map(() => '?').join(', ')})`,
    [...ids],
  );
  return new Map(rows.map((r) => [r.id, { id: r.id, roles: [...r.roles], disabled: r.disabled, tokenVersion: r.token_version, workerId: r.worker_id ?? null, enterpriseId: r.enterprise_id ?? null }]));
}

/** Why a token of this version no longer serves this user (missing: deleted), or null when it does. */
export function stateRefusal(state: UserState | undefined, tokenVersion: number): AuthRefusal | null {
  if (!state || state.disabled) return 'USER_DISABLED';
  if (state.tokenVersion !== tokenVersion) return 'TOKEN_REVOKED';
  return null;
}

export function viewerOf(state: UserState): Viewer {
  return { id: state.id, roles: [...state.roles], workerId: state.workerId, enterpriseId: state.enterpriseId };
}
