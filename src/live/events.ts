import type { EntityManager } from '@mikro-orm/postgresql';

/** The one NOTIFY channel; payloads stay small (ids and versions), subscribers refetch what they show. */
export const LIVE_CHANNEL = 'jiangxin_live';

export type LiveEvent =
  | { kind: 'leaderboard'; competitionId: string; version: number; entryId: string | null }
  | { kind: 'score'; competitionId: string; scoreId: string; entryId: string; revision: boolean; version: number }
  | { kind: 'status'; competitionId: string; status: string; version: number };

/**
 * Emits an event from inside the writing transaction (pg_notify is transactional): it is delivered,
 * to every server instance, only when the transaction commits, and never for a rollback.
 * Call it with the transaction's EntityManager.
 */
export async function emitLiveEvent(em: EntityManager, event: LiveEvent): Promise<void> {
  await em.execute('select pg_notify(?, ?)', [LIVE_CHANNEL, JSON.stringify(event)]);
}

export function topicFor(kind: LiveEvent['kind'], competitionId: string): string {
  return `${kind}:${competitionId}`;
}
