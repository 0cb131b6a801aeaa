import type { EntityManager } from '@mikro-orm/postgresql';
import { LIVE_CHANNEL, type LiveEvent } from '../../live/events.js';
import type { Competition } from '../setup/competition.entity.js';

type WithoutVersion<E> = E extends unknown ? Omit<E, 'version'> : never;
/** A live event before it has its version: the statement that raises the version adds it. */
export type UnversionedEvent = WithoutVersion<LiveEvent>;

/** Runs the statement in the caller's transaction; returns the version it produced. */
export type RaiseVersion = (tx: EntityManager, competitionId: string, event: UnversionedEvent, alongsideParams?: readonly unknown[]) => Promise<number>;

/**
 * The owner of "raise the leaderboard version and tell every instance": every change that boards
 * show goes through the statement built here, and nothing else writes leaderboard_version or NOTIFYs.
 * One statement: the UPDATE raises the version and holds the competition row's lock to commit (so
 * versions are gap-free and in commit order); pg_notify sends the event with that version merged in,
 * and, being transactional, only if the transaction commits; every instance LISTENs (live/bridge.ts).
 *
 * `alongside` are the caller's own CTEs, which may read `v.version`: the mark's hot path stores its
 * idempotency outcome that way, in the same round trip. Their parameters come right after the
 * competition id. The text is built once per call site, not per write.
 */
export function raiseVersionStatement(alongside: readonly string[] = []): RaiseVersion {
  const sql = `with v as (
       update competition set leaderboard_version = leaderboard_version + 1 where id = ? returning leaderboard_version as version
     )${alongside.map((cte) => `, ${cte}`).join('')}
     select v.version, pg_notify(?, (?::jsonb || jsonb_build_object('version', v.version))::text) from v`;
  return async (tx, competitionId, event, alongsideParams = []) => {
    const rows = await tx.execute<{ version: number }[]>(sql, [competitionId, ...alongsideParams, LIVE_CHANNEL, JSON.stringify(event)]);
    return rows[0]!.version;
  };
}

const raiseAlone = raiseVersionStatement();

/**
 * For writes made through the EntityManager, inside their transaction: raises the version, announces
 * the event with it, and sets it on the entity, so the caller's flush writes the same value and the
 * entity answers with the new version.
 */
export async function raiseLeaderboardVersion(tx: EntityManager, competition: Competition, event: UnversionedEvent): Promise<number> {
  const version = await raiseAlone(tx, competition.id, event);
  competition.leaderboardVersion = version;
  return version;
}
