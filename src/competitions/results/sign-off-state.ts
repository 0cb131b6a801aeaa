import type { EntityManager } from '@mikro-orm/postgresql';
import { announceChangeById, CompetitionChange } from '../leaderboard/announce.js';

/**
 * Which stages are signed off, and voiding sign-offs: every change that touches a stage's marks or
 * entries after its sign-off (a correction, a re-check, an appeal's re-mark, reopening, a withdrawal or
 * disqualification) calls invalidateSignOffs in its own transaction, so a sign-off never vouches for a
 * score sheet that has changed since.
 */

/** Ids of the competition's stages without a valid sign-off, in position order. */
export async function unsignedStageIds(em: EntityManager, competitionId: string): Promise<string[]> {
  const rows = await em.execute<{ id: string }[]>(
    `select s.id from stage s where s.competition_id = ?
       and not exists (select 1 from stage_sign_off o where o.stage_id = s.id and o.invalidated_at is null)
     order by s.position`,
    [competitionId],
  );
  return rows.map((r) => r.id);
}

/**
 * Voids the valid sign-offs of the given stages (all of the competition's when null); returns the
 * voided stages' ids, and announces each (SIGN_OFF_VOIDED to competitionStatusChanged, on commit).
 */
export async function invalidateSignOffs(tx: EntityManager, competitionId: string, stageIds: readonly string[] | null, reason: string): Promise<string[]> {
  // As a Postgres array literal: a JS array parameter would be expanded into a list of values.
  const ids = stageIds === null ? null : `{${stageIds.join(',')}}`;
  const rows = await tx.execute<{ stage_id: string }[]>(
    `update stage_sign_off set invalidated_at = now(), invalidated_reason = ?
      where competition_id = ? and invalidated_at is null and (?::uuid[] is null or stage_id = any(?::uuid[]))
      returning stage_id`,
    [reason.slice(0, 1000), competitionId, ids, ids],
  );
  for (const r of rows) await announceChangeById(tx, competitionId, CompetitionChange.SIGN_OFF_VOIDED, r.stage_id);
  return rows.map((r) => r.stage_id);
}
