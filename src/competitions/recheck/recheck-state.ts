import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../context.js';
import { juryStanding } from '../access.js';
import type { Competition } from '../setup/competition.entity.js';
import { OfficialDuty } from '../enums.js';
import { JudgeAssignment } from '../judging/judge-assignment.entity.js';
import { dutiesOf } from '../officials/official.service.js';
import { stageFigures, type StageFigures } from './figures.js';
import { RecheckItemStatus, RecheckSample } from './recheck.entity.js';
import { m } from './messages.js';

/**
 * Reading a competition's re-check: who sees it, its per-stage figures, and the sign-off gate that
 * signOffStage asks (issue 12 §6: a stage is signed off only once its re-check is done).
 */

export interface RecheckView {
  /** Reads the sample: the competition's jury (its organizer, ADMIN, its chief judge) and its arbitrators (the re-checkers). */
  sees: boolean;
  /**
   * Stages whose items are not shown to this viewer: an arbitrator who judges or judged a stage (they
   * may not re-check it anyway) must not learn from its items which entry got which mark — in an
   * anonymous stage that would undo the marking codes. Empty for the jury.
   */
  hiddenStageIds: string[];
}

export async function recheckView(em: EntityManager, viewer: Viewer | null, competition: Pick<Competition, 'id' | 'owner'>): Promise<RecheckView> {
  if (!viewer) return { sees: false, hiddenStageIds: [] };
  if ((await juryStanding(em, viewer, competition)).jury) return { sees: true, hiddenStageIds: [] };
  if (!(await dutiesOf(em, competition.id, viewer.id)).includes(OfficialDuty.ARBITRATOR)) return { sees: false, hiddenStageIds: [] };
  const seats = await em.find(JudgeAssignment, { competition: competition.id, user: viewer.id }, { fields: ['stageIds'] });
  return { sees: true, hiddenStageIds: [...new Set(seats.flatMap((a) => a.stageIds.map(String)))] };
}

export async function seesRecheck(em: EntityManager, viewer: Viewer | null, competition: Pick<Competition, 'id' | 'owner'>): Promise<boolean> {
  return (await recheckView(em, viewer, competition)).sees;
}

/** Per stage of the competition (position order), from the sample's items: one statement. */
export async function loadStageFigures(em: EntityManager, sample: RecheckSample): Promise<StageFigures[]> {
  const rows = await em.execute<{ stage_id: string; full: boolean; status: RecheckItemStatus }[]>(
    `select i.stage_id, i."full", i.status from recheck_item i where i.sample_id = ?`,
    [sample.id],
  );
  const stages = await em.execute<{ id: string }[]>(`select id from stage where competition_id = ? order by position`, [sample.competition.id]);
  const items = rows.map((r) => ({ stageId: r.stage_id, full: r.full, pending: r.status === RecheckItemStatus.PENDING, corrected: r.status === RecheckItemStatus.CORRECTED }));
  return stageFigures(stages.map((s) => s.id), items, Number(sample.errorThreshold));
}

/**
 * Why a stage may not be signed off yet because of the re-check (a message in the reader's language), or null: its sampled marks are not
 * all checked, or its error rate forced a full re-check that is unfinished. No sample drawn → null
 * (whether a sample must be drawn before sign-off is the sign-off's own rule). Call it in the
 * sign-off's transaction, after locking the competition, so no check slips in between.
 */
export async function recheckBlocksSignOff(em: EntityManager, stageId: string): Promise<string | null> {
  const [row] = await em.execute<{ pending: string; full: boolean }[]>(
    `select count(i.id) filter (where i.status = 'PENDING') as pending, st.id::text = any(s.full_recheck_stage_ids) as full
       from stage st join recheck_sample s on s.competition_id = st.competition_id
       left join recheck_item i on i.sample_id = s.id and i.stage_id = st.id
      where st.id = ? group by st.id, s.full_recheck_stage_ids`,
    [stageId],
  );
  const pending = Number(row?.pending ?? 0);
  if (!row || pending === 0) return null;
  return row.full
    ? m('fullRecheckPending', { pending })
    : m('samplePending', { pending });
}
