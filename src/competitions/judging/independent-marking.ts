import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../context.js';
import { domainError, UserErrorCode } from '../../common/errors.js';
import { juryStanding, SEATS_SQL, standingFrom, type JuryStanding, type PanelSeat } from '../access.js';
import type { Competition } from '../setup/competition.entity.js';
import { CompetitionStatus, CriterionKind } from '../enums.js';
import { stageMarkingClosed } from '../setup/lifecycle.js';
import { m } from './messages.js';

/*
 * Independent marking (issue 12 §2): a judge sees only their own marks on an entry until they have
 * submitted every criterion of that entry they are assigned to (the criteria of the stages they judge
 * now), or until the stage's marking is closed; then the panel's marks on it. The jury (the
 * competition's own organizer, ADMIN, the chief judge on the panel) sees everything live.
 *
 * A MEASUREMENT criterion has one mark per entry, whoever gives it (objective, the panel's shared
 * record): it counts as submitted once anyone measured it, and its mark is shown to the stage's judges.
 * Independence is about JUDGEMENT marks, which are the judges' opinions.
 */

/** What the rule reads of a criterion and of a mark. */
export interface CriterionShape { id: string; stageId: string; kind: string }
export interface MarkShape { criterionId: string; slot: string }

/** True when the judge has a mark on every criterion of the stages they judge (pure; marks of one entry). */
export function completedEntry(criteria: Iterable<CriterionShape>, stageIds: readonly string[], marks: readonly MarkShape[], judgeId: string): boolean {
  const judged = new Set(stageIds);
  for (const c of criteria) {
    if (!judged.has(c.stageId)) continue;
    const slot = c.kind === CriterionKind.MEASUREMENT ? 'M' : judgeId;
    if (!marks.some((m) => m.criterionId === c.id && m.slot === slot)) return false;
  }
  return true;
}

/**
 * The stages whose criteria make an entry "completed" for a mark of `stageId` (with anonymous marking,
 * issue 12 §1): an anonymous stage's paper is a unit of its own, and the open stages are one together.
 * Counted across both, a colleague's mark on a code turning visible (or a correction being refused)
 * once the judge marked some entry at the station would tell them which entry the code is.
 */
export function completionStages(stageId: string, judged: readonly string[], anonymous: ReadonlySet<string>): string[] {
  return anonymous.has(stageId) ? [stageId] : judged.filter((id) => !anonymous.has(id));
}

/**
 * Whether a judge's correction of their mark comes after the panel's marks on the entry became
 * visible to them, from the entry's marks before it (pure). The chief judge sees every mark live, so
 * theirs always does and is recorded as approved by themself; any other judge who has completed the
 * entry is refused (APPROVAL_REQUIRED) and must ask the chief judge (requestScoreCorrection).
 */
export function correctionAfterPanel(criteria: Iterable<CriterionShape>, judge: { chief: boolean; stageIds: readonly string[] }, marks: readonly MarkShape[], judgeId: string): boolean {
  if (judge.chief) return true;
  if (completedEntry(criteria, judge.stageIds, marks, judgeId)) throw domainError(UserErrorCode.APPROVAL_REQUIRED, m('approvalNeeded'), ['input', 'value']);
  return false;
}

/**
 * The entries (of those asked) on which the judge has marked every criterion of the stages they judge:
 * one statement. A judge with no criterion to mark has nothing to wait for.
 */
const COMPLETED_SQL = `
  select e.id from entry e
  where e.id = any(array[?]::uuid[]) and not exists (
    select 1 from criterion c where c.stage_id = any(array[?]::uuid[]) and not exists (
      select 1 from score s where s.entry_id = e.id and s.criterion_id = c.id
        and (c.kind = 'MEASUREMENT' or s.slot = ?)))`;

export async function completedEntries(em: EntityManager, judgeId: string, stageIds: readonly string[], entryIds: readonly string[]): Promise<Set<string>> {
  if (!entryIds.length) return new Set();
  const rows = await em.execute<{ id: string }[]>(COMPLETED_SQL, [[...new Set(entryIds)], [...stageIds], judgeId]);
  return new Set(rows.map((r) => r.id));
}

/** Which marks of some entries one viewer may see now. */
export interface MarkSight {
  /** The jury: every mark, live. */
  all: boolean;
  viewerId: string | null;
  /** Stages the viewer judges now (empty for the public and removed judges). */
  stageIds: Set<string>;
  /** Stages whose marking is closed: their panels' marks are open to their judges. */
  closedStageIds: Set<string>;
  /** Entries (of those asked) the judge has completed in the open stages they judge. */
  completed: Set<string>;
  /** Anonymous stages: each is completed on its own (completionStages); per stage, the entries completed in it. */
  anonymousStageIds?: Set<string>;
  completedIn?: Map<string, Set<string>>;
}

/** A mark as the rule reads it; `judgeId` is whoever gave (or last corrected) it. */
export interface SeenMark { entryId: string; stageId: string; kind: string; judgeId: string }

/** The panel's marks on this entry in this stage: the jury always; a judge of the stage once completed or closed. */
export function seesPanelMarks(sight: MarkSight, entryId: string, stageId: string): boolean {
  if (sight.all) return true;
  if (!sight.stageIds.has(stageId)) return false;
  if (sight.closedStageIds.has(stageId)) return true;
  return sight.anonymousStageIds?.has(stageId) ? !!sight.completedIn?.get(stageId)?.has(entryId) : sight.completed.has(entryId);
}

export function seesMark(sight: MarkSight, mark: SeenMark): boolean {
  if (sight.all) return true;
  if (!sight.stageIds.has(mark.stageId)) return false;
  return mark.judgeId === sight.viewerId || mark.kind === CriterionKind.MEASUREMENT || seesPanelMarks(sight, mark.entryId, mark.stageId);
}

/** Whether a name of a colleague may be shown: to the jury only (a judge never learns who gave which mark). */
export function seesJudgeNames(standing: JuryStanding): boolean {
  return standing.jury;
}

interface StageRow { id: string; marking_closed_at: Date | null; anonymous: boolean }

/**
 * The sight of a viewer whose standing is known, for marks on the given entries: for a judge, the
 * stages' closing and their completed entries (two statements); nothing more for the jury or the public.
 */
export async function sightFrom(
  em: EntityManager, viewer: Viewer | null, competition: Pick<Competition, 'id' | 'status'>, standing: JuryStanding, entryIds: readonly string[],
): Promise<MarkSight> {
  const stageIds = new Set(standing.jury ? [] : standing.stageIds ?? []);
  const sight: MarkSight = {
    all: standing.jury, viewerId: viewer?.id ?? null, stageIds, closedStageIds: new Set(), completed: new Set(), anonymousStageIds: new Set(), completedIn: new Map(),
  };
  if (standing.jury || !viewer || !stageIds.size) return sight;
  const stages = await em.execute<StageRow[]>(`select id, marking_closed_at, anonymous from stage where competition_id = ?`, [competition.id]);
  const anonymous = sight.anonymousStageIds!;
  for (const s of stages) {
    if (stageMarkingClosed({ markingClosedAt: s.marking_closed_at }, competition.status as CompetitionStatus)) sight.closedStageIds.add(s.id);
    if (s.anonymous) anonymous.add(s.id);
  }
  const judged = [...stageIds];
  for (const stageId of judged.filter((id) => anonymous.has(id))) {
    sight.completedIn!.set(stageId, await completedEntries(em, viewer.id, [stageId], entryIds));
  }
  sight.completed = await completedEntries(em, viewer.id, judged.filter((id) => !anonymous.has(id)), entryIds);
  return sight;
}

export async function markSight(em: EntityManager, viewer: Viewer | null, competition: Competition, entryIds: readonly string[]): Promise<MarkSight> {
  return sightFrom(em, viewer, competition, await juryStanding(em, viewer, competition), entryIds);
}

/** What a live mark event is for one subscriber, read afresh per event: off the panel, hidden from them for now, or shown. */
export type MarkEventSight = 'offPanel' | 'hidden' | 'visible';

/**
 * One mark, for one viewer, now (the scoreSubmitted subscription): one statement for the mark, the
 * viewer's seats and the stage's closing, and a second for a judge's completion of the entry.
 */
export async function markEventSight(em: EntityManager, viewer: Viewer, competition: Pick<Competition, 'owner'>, scoreId: string): Promise<MarkEventSight> {
  const [row] = await em.execute<{
    entry_id: string; stage_id: string; kind: string; judge_id: string; status: CompetitionStatus; marking_closed_at: Date | null; seats: PanelSeat[] | null;
    anonymous_stage_ids: string[];
  }[]>(
    `select s.entry_id, cr.stage_id, cr.kind, s.judge_id, c.status, st.marking_closed_at, ${SEATS_SQL} as seats,
       array(select a.id::text from stage a where a.competition_id = c.id and a.anonymous) as anonymous_stage_ids
     from score s join criterion cr on cr.id = s.criterion_id join stage st on st.id = cr.stage_id
       join competition c on c.id = s.competition_id
     where s.id = ?`,
    [viewer.id, scoreId]);
  if (!row) return 'offPanel';
  const standing = standingFrom(viewer, competition, row.seats ?? []);
  if (standing.jury) return 'visible';
  if (!standing.stageIds) return 'offPanel';
  const stageIds = new Set(standing.stageIds);
  const closed = stageMarkingClosed({ markingClosedAt: row.marking_closed_at }, row.status);
  const anonymous = new Set(row.anonymous_stage_ids);
  const sight: MarkSight = {
    all: false, viewerId: viewer.id, stageIds, closedStageIds: new Set(closed ? [String(row.stage_id)] : []), completed: new Set(), anonymousStageIds: anonymous, completedIn: new Map(),
  };
  const mark: SeenMark = { entryId: String(row.entry_id), stageId: String(row.stage_id), kind: row.kind, judgeId: String(row.judge_id) };
  if (!seesMark(sight, mark) && stageIds.has(mark.stageId) && !closed) {
    const done = await completedEntries(em, viewer.id, completionStages(mark.stageId, [...stageIds], anonymous), [mark.entryId]);
    if (anonymous.has(mark.stageId)) sight.completedIn!.set(mark.stageId, done);
    else sight.completed = done;
  }
  return seesMark(sight, mark) ? 'visible' : 'hidden';
}
