import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, UserErrorCode } from '../../common/errors.js';
import {
  computeEntryResult, markersPerStage, missingMarks, type EntryParties, type Mark, type MissingMarks, type PanelSeat,
} from '../../scoring/index.js';
import type { Competition } from '../setup/competition.entity.js';
import { Criterion } from '../setup/criterion.entity.js';
import { EntryStatus } from '../enums.js';
import { anonymousStageIds, markingPlan, type MarkingPlan } from '../setup/scheme.js';
import { EntryResult, storedResult } from './entry-result.entity.js';
import { MarkingGapAcceptance, type RecordedGap } from './marking-gap.entity.js';
import { m } from './messages.js';
import { currentLocale } from '../../common/i18n.js';

/**
 * A competition's whole marking as plain data (issue 12 §3): the active panel with scopes and
 * enterprises, every entry with its enterprises, every current mark. What per-entry expected marks,
 * missing marks and the recomputation after a panel change are computed from.
 */
export interface MarkingState {
  plan: MarkingPlan;
  panel: PanelSeat[];
  /** In start order. */
  entries: (EntryParties & { status: EntryStatus; startNumber: number | null })[];
  marksByEntry: Map<string, Mark[]>;
  /** Anonymous stages: the chief judge marks nothing there (markersPerStage's chiefMarksNot). */
  chiefMarksNot: Set<string>;
}

const STATE_SQL = `
  select
    (select coalesce(json_agg(json_build_object('stageIds', j.stage_ids, 'entryIds', j.entry_ids, 'enterpriseId', j.enterprise_id, 'chief', j.chief)), '[]')
       from judge_assignment j where j.competition_id = ? and j.removed_at is null) as panel,
    (select coalesce(json_agg(json_build_object('entryId', e.id, 'status', e.status, 'startNumber', e.start_number,
         'enterpriseIds', array(select distinct m.enterprise_id from entry_member m where m.entry_id = e.id))
         order by e.start_number nulls last, e.created_at, e.id), '[]')
       from entry e where e.competition_id = ? and (?::uuid is null or e.id = ?::uuid)) as entries,
    (select coalesce(json_agg(json_build_object('entryId', s.entry_id, 'criterionId', s.criterion_id, 'slot', s.slot, 'value', s.value)), '[]')
       from score s where s.competition_id = ? and (?::uuid is null or s.entry_id = ?::uuid)) as marks`;

/**
 * Locks every entry of the competition (in id order), before the competition row. A mark locks its
 * entry first and the competition last (to raise the version), so a panel change or a close that held
 * the competition and then wrote an entry's result would deadlock with a mark in flight, or miss it
 * (a mark read the panel and the stage as they were, and commits after the close). Taking the entries
 * first, in the marks' order, waits for marks in flight and keeps new ones out until commit.
 */
export async function lockEntriesOf(tx: EntityManager, competitionId: string): Promise<void> {
  await tx.execute('select id from entry where competition_id = ? order by id for update', [competitionId]);
}

/** Three sub-selects in one statement, plus the (cached) marking plan; `entryId` narrows it to one entry. */
export async function loadMarkingState(em: EntityManager, competition: Pick<Competition, 'id' | 'status' | 'aggregation'>, entryId: string | null = null): Promise<MarkingState> {
  const plan = await markingPlan(em, competition);
  const [row] = await em.execute<{ panel: PanelSeat[]; entries: MarkingState['entries']; marks: { entryId: string; criterionId: string; slot: string; value: number }[] }[]>(
    STATE_SQL, [competition.id, competition.id, entryId, entryId, competition.id, entryId, entryId],
  );
  const marksByEntry = new Map<string, Mark[]>();
  for (const m of row!.marks) {
    const list = marksByEntry.get(m.entryId) ?? [];
    list.push({ entryId: m.entryId, criterionId: m.criterionId, judgeId: m.slot, value: Number(m.value) });
    marksByEntry.set(m.entryId, list);
  }
  return { plan, panel: row!.panel, entries: row!.entries, marksByEntry, chiefMarksNot: anonymousStageIds(plan) };
}

/**
 * Recomputes and stores every entry's result under the current panel, in the caller's transaction:
 * a panel change moves what each entry expects (issue 12 §3), so marksExpected and the completeness
 * it drives must follow at once, not at the entry's next mark.
 */
export async function recomputeEntryResults(tx: EntityManager, competition: Pick<Competition, 'id' | 'status' | 'aggregation'>, entryId: string | null = null): Promise<void> {
  const state = await loadMarkingState(tx, competition, entryId);
  if (!state.entries.length) return;
  const now = new Date();
  const rows = state.entries.map((e) => {
    const r = computeEntryResult(state.plan.scheme, state.marksByEntry.get(e.entryId) ?? [], markersPerStage(state.plan.scheme, state.panel, e, state.chiefMarksNot));
    return { entryId: e.entryId, competitionId: competition.id, ...storedResult(r), updatedAt: now };
  });
  await tx.upsertMany(EntryResult, rows as never[]);
}

/**
 * One entry's stored result from its marks as they stand, with the marks it can be given (scope,
 * conflicts): what a change of a mark outside submitScore (an approved correction, a re-check, an
 * appeal's re-mark) must store, exactly as a mark does.
 */
export function recomputeEntryResult(tx: EntityManager, competition: Pick<Competition, 'id' | 'status' | 'aggregation'>, entryId: string): Promise<void> {
  return recomputeEntryResults(tx, competition, entryId);
}

/** An active entry still short of marks, with its short criteria. */
export interface EntryGaps {
  entryId: string;
  startNumber: number | null;
  gaps: MissingMarks[];
}

/** The marks missing now, per active entry (absent, withdrawn and disqualified entries need none); `stageIds` limits the stages. */
export function currentGaps(state: MarkingState, stageIds: readonly string[] | null): EntryGaps[] {
  const out: EntryGaps[] = [];
  for (const e of state.entries) {
    if (e.status !== EntryStatus.ACTIVE) continue;
    const gaps = missingMarks(state.plan.scheme, state.marksByEntry.get(e.entryId) ?? [], markersPerStage(state.plan.scheme, state.panel, e, state.chiefMarksNot), stageIds);
    if (gaps.length) out.push({ entryId: e.entryId, startNumber: e.startNumber, gaps });
  }
  return out;
}

/** The gaps as an acceptance records them. */
export function recordedGaps(gaps: readonly EntryGaps[]): RecordedGap[] {
  return gaps.flatMap((e) => e.gaps.map((g) => ({ entryId: e.entryId, criterionId: g.criterionId, missing: g.expected - g.received })));
}

/** Gaps not covered by an acceptance: one covers a criterion of an entry when it accepted at least as many missing marks there. */
export function uncoveredGaps(gaps: readonly EntryGaps[], accepted: readonly RecordedGap[]): EntryGaps[] {
  const allowance = new Map<string, number>();
  for (const a of accepted) {
    const key = `${a.entryId}|${a.criterionId}`;
    allowance.set(key, Math.max(allowance.get(key) ?? 0, a.missing));
  }
  return gaps
    .map((e) => ({ ...e, gaps: e.gaps.filter((g) => (allowance.get(`${e.entryId}|${g.criterionId}`) ?? 0) < g.expected - g.received) }))
    .filter((e) => e.gaps.length > 0);
}

/**
 * Refuses (one userError per entry, naming its start number and the criteria short of marks) while
 * marks of the given stages (all when null) are missing and not accepted by the chief judge.
 */
export async function assertMarkingComplete(tx: EntityManager, competition: Competition, stageIds: readonly string[] | null, action: 'closeScoring' | 'closeStageMarking'): Promise<void> {
  const state = await loadMarkingState(tx, competition);
  const gaps = currentGaps(state, stageIds);
  if (!gaps.length) return;
  const accepted = (await tx.find(MarkingGapAcceptance, { competition }, { fields: ['gaps'] })).flatMap((a) => a.gaps);
  const open = uncoveredGaps(gaps, accepted);
  if (!open.length) return;
  const names = new Map((await tx.find(Criterion, { competition }, { fields: ['name'] })).map((c) => [c.id, c.name]));
  throw new DomainError(open.map((e) => {
    const number = e.startNumber ?? '—';
    const gaps = e.gaps
      .map((g) => m('gap', { criterion: names.get(g.criterionId) ?? g.criterionId, missing: g.expected - g.received, expected: g.expected }))
      
      // The list's comma is punctuation of the reader's language, not a message.
      .join(currentLocale() === 'en' ? ', ' : '，');
    return {
      code: UserErrorCode.INVALID_STATE,
      message: m(action === 'closeScoring' ? 'marksMissingBeforeCloseScoring' : 'marksMissingBeforeCloseStage', { number, gaps }),
      field: ['input', stageIds ? 'stageId' : 'competitionId'],
    };
  }));
}
