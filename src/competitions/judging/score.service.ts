import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { domainError, forbidden, notFound, UserErrorCode } from '../../common/errors.js';
import { checkIdempotencyKey, priorOutcome, requestHash } from '../../common/idempotency.js';
import { InputCheck } from '../../common/validate.js';
import type { Viewer } from '../../context.js';
import { randomUUID } from 'node:crypto';
import { computeEntryResult, inScope, conflicted, markersPerStage, type JudgesPerStage, type Mark, type PanelSeat } from '../../scoring/index.js';
import { Competition } from '../setup/competition.entity.js';
import { EntryResult, storedResult } from './entry-result.entity.js';
import { CompetitionStatus, CriterionKind, EntryStatus } from '../enums.js';
import { anonymousStageIds, markingPlan, type MarkingPlan } from '../setup/scheme.js';
import { raiseVersionStatement } from '../leaderboard/board-version.js';
import { entriesWithoutCode, slipForJudge } from '../marking/marking-code.service.js';
import { completionStages, correctionAfterPanel } from './independent-marking.js';
import { invalidateSignOffs } from '../results/sign-off-state.js';
import { m } from './messages.js';
import { m as markingMessage } from '../marking/messages.js';
import { commonMessage } from '../../common/messages.js';
import { labelOf } from '../../common/enum-labels.js';
import { bilingual } from '../../common/i18n.js';
import { m as resultMessage } from '../results/messages.js';

export interface SubmitScoreData {
  /** Exactly one of entryId (a stage marked in the open) and markingId (an anonymous stage: the code's uuid). */
  entryId?: string | null;
  markingId?: string | null;
  criterionId: string;
  value: number;
  comment?: string | null;
  reason?: string | null;
  idempotencyKey?: string | null;
}

export interface SubmitScoreOutcome {
  scoreId: string;
  revised: boolean;
  replayed: boolean;
  /** The leaderboard version that includes this mark. */
  version: number;
}

/** Stores one entry's result computed from that entry's marks only; `judgesPerStage` is this entry's (markersPerStage). */
export async function storeEntryResult(em: EntityManager, plan: MarkingPlan, judgesPerStage: JudgesPerStage, competitionId: string, entryId: string, marks: Mark[]): Promise<void> {
  const result = computeEntryResult(plan.scheme, marks, judgesPerStage);
  await em.upsert(EntryResult, { entryId, competitionId, ...storedResult(result), updatedAt: new Date() } as never);
}

/** A mark's value: 0 to the criterion's maximum, at most two decimals. Every path that sets a mark checks it here; false when it failed. */
export function checkValue(check: InputCheck, value: number, maxScore: number): boolean {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    check.fail('value', m('valueNotANumber', { max: maxScore }));
    return false;
  }
  if (value < 0 || value > maxScore) {
    check.fail('value', value < 0 ? m('valueNegative', { max: maxScore }) : m('valueTooHigh', { max: maxScore, value }));
    return false;
  }
  if (Math.abs(Math.round(value * 100) - value * 100) > 1e-6) {
    check.fail('value', m('twoDecimals'));
    return false;
  }
  return true;
}

/**
 * A judge's mark (评分). Rules: an assigned judge of the criterion's stage, while IN_PROGRESS and the
 * stage's marking is open, on an entry in their scope (a substitute's named entries), not on an entry
 * with a worker of the judge's own enterprise; a second mark by the same judge (for MEASUREMENT:
 * by anyone) is a correction that needs a reason and keeps the old value as a revision. The entry's
 * result, the leaderboard version, the live events and the idempotency record are written in one
 * transaction, so a retry with the same key returns the first outcome and records nothing new.
 */
export async function submitScore(em: EntityManager, viewer: Viewer, input: SubmitScoreData): Promise<SubmitScoreOutcome> {
  const key = checkIdempotencyKey(input.idempotencyKey);
  // The request as the client sent it (by entry or by marking ID), so a retry is recognised before anything is looked up.
  const target = input.markingId != null && input.entryId == null ? { k: input.markingId } : { e: input.entryId };
  const hash = requestHash({ ...target, c: input.criterionId, v: input.value, m: input.comment ?? null, r: input.reason ?? null });
  // A retry is recognised by the context read once the entry is locked (MARK_CONTEXT_SQL's `prior`),
  // not by a statement of its own before: retries are rare, every mark would pay for that one.
  const data = await resolveTarget(em, viewer, input);
  try {
    return await em.transactional((tx) => markInTransaction(tx, viewer, data, key, hash));
  } catch (err) {
    if (!(err instanceof UniqueConstraintViolationException)) throw err;
    // A concurrent retry with the same key committed first: answer with its outcome.
    if (key) {
      const prior = await priorOutcome<SubmitScoreOutcome>(em.fork(), viewer.id, 'submitScore', key, hash);
      if (prior) return { ...prior, replayed: true };
    }
    // Another judge's first MEASUREMENT mark on this cell committed while we waited for the entry lock:
    // the marks we read were from before it (READ COMMITTED snapshots the statement before the lock
    // wait). Once more, on a fresh snapshot, ours is then a correction of theirs.
    return em.fork().transactional((tx) => markInTransaction(tx, viewer, data, key, hash));
  }
}

/** A mark's target, resolved: the entry, and the stage of the marking ID when marked by one. */
type Target = SubmitScoreData & { entryId: string; slipStageId: string | null };

/**
 * entryId or markingId, exactly one. A marking ID the judge may not mark (unknown, not theirs, an
 * entry of their own enterprise) gets one answer, so the refusal tells nothing about whose it is.
 */
async function resolveTarget(em: EntityManager, viewer: Viewer, data: SubmitScoreData): Promise<Target> {
  if ((data.entryId == null) === (data.markingId == null)) {
    // Who is not on the criterion's panel hears so first, as with any other input.
    const [seat] = await em.execute(
      `select 1 from judge_assignment j join criterion c on c.competition_id = j.competition_id
        where c.id = ? and j.user_id = ? and j.removed_at is null and c.stage_id = any(j.stage_ids)`, [data.criterionId, viewer.id]);
    if (!seat) throw forbidden(m('notJudgeOfStage'));
    throw domainError(UserErrorCode.INVALID_INPUT, m('entryOrMarkingId'), ['input', 'markingId']);
  }
  if (data.markingId == null) return { ...data, entryId: data.entryId!, slipStageId: null };
  const slip = await slipForJudge(em, viewer.id, data.markingId);
  if (!slip) throw domainError(UserErrorCode.NOT_FOUND, markingMessage('noSuchMarkingId'), ['input', 'markingId']);
  return { ...data, entryId: slip.entryId, slipStageId: slip.stageId };
}

/** Everything a mark is checked against, read in one statement once the entry is locked. */
export interface MarkContext {
  competition_id: string;
  entry_status: EntryStatus;
  status: CompetitionStatus;
  aggregation: Competition['aggregation'];
  leaderboard_version: number;
  panel: (PanelSeat & { userId: string; stageIds: string[]; chief: boolean })[];
  enterprise_ids: string[];
  /** Stages of the competition whose marking is closed on their own (closeStageMarking). */
  closed_stage_ids: string[];
  marks: { id: string; criterionId: string; slot: string; value: number; comment: string | null }[];
  /** Stages of the competition with a valid sign-off: a mark on one voids it. */
  signed_stage_ids: string[];
  /** The outcome already recorded under this request's idempotency key, if any. */
  prior: { hash: string; outcome: Omit<SubmitScoreOutcome, 'replayed'> } | null;
  /** Criteria filled from an online drill (the stage_drill table, read by SQL: competitions never import drills), with the drill's title. */
  drill_fed: { criterionId: string; title: string }[];
}

/*
 * Marks of one entry are serialized by the entry's row lock, taken by its own statement first: under
 * READ COMMITTED each statement sees what was committed when it began, so the marks are read by a
 * second statement that starts after the lock is held (read in the locking statement itself, they
 * could miss a mark committed by the transaction it waited for, and the entry's result would be stale).
 */
const LOCK_ENTRY_SQL = `select 1 from entry where id = ? for update`;

const MARK_CONTEXT_SQL = `
  select e.competition_id, e.status as entry_status, c.status, c.aggregation, c.leaderboard_version,
    coalesce((select json_agg(json_build_object('userId', j.user_id, 'stageIds', j.stage_ids, 'entryIds', j.entry_ids, 'enterpriseId', j.enterprise_id, 'chief', j.chief))
      from judge_assignment j where j.competition_id = e.competition_id and j.removed_at is null), '[]') as panel,
    array(select distinct m.enterprise_id::text from entry_member m where m.entry_id = e.id) as enterprise_ids,
    array(select st.id::text from stage st where st.competition_id = e.competition_id and st.marking_closed_at is not null) as closed_stage_ids,
    coalesce((select json_agg(json_build_object('id', s.id, 'criterionId', s.criterion_id, 'slot', s.slot, 'value', s.value, 'comment', s.comment))
      from score s where s.entry_id = e.id), '[]') as marks,
    array(select o.stage_id::text from stage_sign_off o where o.competition_id = e.competition_id and o.invalidated_at is null) as signed_stage_ids,
    (select json_build_object('hash', r.request_hash, 'outcome', r.outcome) from idempotency_record r
      where r.user_id = ? and r.operation = 'submitScore' and r.key = ?) as prior,
    coalesce((select json_agg(json_build_object('criterionId', sd.criterion_id, 'title', d.title))
      from stage_drill sd join drill d on d.id = sd.drill_id where sd.competition_id = e.competition_id), '[]') as drill_fed
  from entry e join competition c on c.id = e.competition_id
  where e.id = ?`;

/**
 * The time a mark's raw SQL writes, to the millisecond: a keyset cursor carries a JavaScript Date
 * (milliseconds), so a column holding microseconds would compare greater than its own cursor and
 * the row would come back on the next page (scoreLog by time, Score.revisions). Rows the ORM writes
 * are already milliseconds.
 */
export const NOW_MS = `date_trunc('milliseconds', now())`;

/** Locks the entry (LOCK_ENTRY_SQL), then reads what a mark on it is checked against; `key` the request's idempotency key (null: none). */
export async function lockedMarkContext(tx: EntityManager, entryId: string, userId: string, key: string | null): Promise<MarkContext> {
  const locked = await tx.execute<unknown[]>(LOCK_ENTRY_SQL, [entryId]);
  if (!locked.length) throw notFound('Entry', ['input', 'entryId']);
  const [ctx] = await tx.execute<MarkContext[]>(MARK_CONTEXT_SQL, [userId, key, entryId]);
  if (!ctx) throw notFound('Entry', ['input', 'entryId']);
  return ctx;
}

/** STORE_RESULT_CTE's parameters: the entry's result from its marks with `mark` given (new, or replacing the one of its id). */
export function entryResultParams(plan: MarkingPlan, ctx: MarkContext, entryId: string, mark: { id: string; criterionId: string; slot: string; value: number }): unknown[] {
  const marks: Mark[] = ctx.marks
    .filter((x) => x.id !== mark.id)
    .map((x) => ({ entryId, criterionId: x.criterionId, judgeId: x.slot, value: Number(x.value) }));
  marks.push({ entryId, criterionId: mark.criterionId, judgeId: mark.slot, value: mark.value });
  const markers = markersPerStage(plan.scheme, ctx.panel, { entryId, enterpriseIds: ctx.enterprise_ids }, anonymousStageIds(plan));
  const result = storedResult(computeEntryResult(plan.scheme, marks, markers));
  return [entryId, ctx.competition_id, JSON.stringify(result.stageScores), result.total, result.marksReceived, result.marksExpected, JSON.stringify(result.stageMarks)];
}

async function markInTransaction(tx: EntityManager, viewer: Viewer, data: Target, key: string | null, hash: string): Promise<SubmitScoreOutcome> {
  const ctx = await lockedMarkContext(tx, data.entryId, viewer.id, key);
  // The same request delivered twice at once: the copy that waited for the lock answers with the first outcome.
  if (key && ctx.prior) {
    if (ctx.prior.hash !== hash) throw domainError(UserErrorCode.INVALID_INPUT, commonMessage('idempotencyKeyReused'), ['input', 'idempotencyKey']);
    return { ...ctx.prior.outcome, replayed: true };
  }
  const competitionId = ctx.competition_id;
  const plan = await markingPlan(tx, { id: competitionId, status: ctx.status, aggregation: ctx.aggregation });
  const criterion = plan.criteria.get(data.criterionId);
  if (!criterion) throw notFound('Criterion', ['input', 'criterionId']);
  if (ctx.status !== CompetitionStatus.IN_PROGRESS) {
    throw domainError(UserErrorCode.INVALID_STATE, m('marksOnlyInProgress', { status: labelOf('CompetitionStatus', ctx.status) }));
  }
  const assignment = ctx.panel.find((a) => a.userId === viewer.id);
  if (!assignment || !assignment.stageIds.includes(criterion.stageId)) {
    throw forbidden(m('notJudgeOfStage'));
  }
  if (ctx.closed_stage_ids.includes(criterion.stageId)) {
    throw domainError(UserErrorCode.INVALID_STATE, m('stageClosedNoMarks'), ['input', 'criterionId']);
  }
  const fed = ctx.drill_fed.find((d) => d.criterionId === criterion.id);
  if (fed) throw domainError(UserErrorCode.INVALID_STATE, m('criterionFromDrill', { title: fed.title }), ['input', 'criterionId']);
  await checkAnonymity(tx, plan, criterion.stageId, competitionId, data.slipStageId);
  // A substitute marks only the entries named in their assignment; the refusal says nothing of whose entry it is.
  if (!inScope(assignment, data.entryId)) {
    throw domainError(UserErrorCode.FORBIDDEN, m('notAssignedEntry'), ['input', 'entryId']);
  }
  if (ctx.entry_status !== EntryStatus.ACTIVE) {
    throw domainError(UserErrorCode.INVALID_STATE, m('entryTakesNoMarks', { status: labelOf('EntryStatus', ctx.entry_status) }), ['input', 'entryId']);
  }
  if (conflicted(assignment, { enterpriseIds: ctx.enterprise_ids })) {
    throw domainError(UserErrorCode.CONFLICT_OF_INTEREST, m('ownEnterprise'), ['input', 'entryId']);
  }
  const check = new InputCheck();
  checkValue(check, data.value, criterion.maxScore);
  const comment = data.comment != null ? check.text('comment', data.comment, { max: 2000, optional: true }) || null : null;
  const reason = data.reason != null ? check.text('reason', data.reason, { max: 1000, optional: true }) || null : null;
  check.throwIfAny();

  const slot = criterion.kind === CriterionKind.MEASUREMENT ? 'M' : viewer.id;
  const existing = ctx.marks.find((m) => m.criterionId === criterion.id && m.slot === slot);
  let scoreId: string;
  let revised = false;
  let seen = false;
  if (!existing) {
    scoreId = randomUUID();
  } else if (Number(existing.value) === data.value && (comment ?? null) === (existing.comment ?? null)) {
    // The same mark again without a key (a blind retry): nothing to record.
    return { scoreId: existing.id, revised: false, replayed: true, version: ctx.leaderboard_version };
  } else {
    const unit = completionStages(criterion.stageId, assignment.stageIds.map(String), anonymousStageIds(plan));
    seen = correctionAfterPanel(plan.criteria.values(), { ...assignment, stageIds: unit }, ctx.marks, viewer.id);
    if (!reason) throw domainError(UserErrorCode.INVALID_INPUT, m('correctionNeedsReason'), ['input', 'reason']);
    scoreId = existing.id;
    revised = true;
  }
  // Marks on a closed (and so signable) stage are refused above; should one land on a signed stage all
  // the same, its sign-off no longer vouches for the sheet.
  if (ctx.signed_stage_ids.includes(criterion.stageId)) {
    await invalidateSignOffs(tx, competitionId, [criterion.stageId], bilingual(resultMessage, 'signOffMarkChanged'));
  }
  const i = key ? { userId: viewer.id, key, hash, outcome: { scoreId, revised, replayed: false } } : null;
  // The mark, the entry's result, the version, the idempotency record and the NOTIFY: one round trip (see writeMark).
  const version = await writeMark(revised)(tx, competitionId, { kind: 'score', competitionId, scoreId, entryId: data.entryId, revision: revised }, [
    ...(revised
      ? [randomUUID(), scoreId, competitionId, viewer.id, Number(existing!.value), data.value, reason, seen, seen ? viewer.id : null, data.value, comment, viewer.id, scoreId]
      : [scoreId, competitionId, data.entryId, criterion.id, viewer.id, slot, data.value, comment]),
    ...entryResultParams(plan, ctx, data.entryId, { id: scoreId, criterionId: criterion.id, slot, value: data.value }),
    randomUUID(), i?.userId ?? null, i?.key ?? null, i?.hash ?? null, JSON.stringify(i?.outcome ?? {}), i !== null,
  ]);
  return { scoreId, revised, replayed: false, version };
}

/**
 * An anonymous stage is marked by marking ID only, and only once every active entry has its code; a
 * marking ID marks only the criteria of its own stage (else a judge could mark a code on an open
 * stage and read the mark back by entry). The refusals name the stage, never the entry.
 */
async function checkAnonymity(tx: EntityManager, plan: MarkingPlan, stageId: string, competitionId: string, slipStageId: string | null): Promise<void> {
  const stage = plan.stages.get(stageId)!;
  if (slipStageId !== null && slipStageId !== stageId) {
    throw domainError(UserErrorCode.INVALID_INPUT, m('markingIdWrongStage'), ['input', 'markingId']);
  }
  if (!stage.anonymous) return;
  if (slipStageId === null) {
    throw domainError(UserErrorCode.INVALID_INPUT, m('markByCode', { stage: stage.name }), ['input', 'entryId']);
  }
  const missing = await entriesWithoutCode(tx, competitionId, stage.id);
  if (missing > 0) {
    throw domainError(UserErrorCode.INVALID_STATE, m('codesMissing', { stage: stage.name, missing }));
  }
}

/** A first mark on its cell. */
const INSERT_SCORE_CTE = `mark as (
       insert into score (id, competition_id, entry_id, criterion_id, judge_id, slot, value, comment, created_at, updated_at, version)
       values (?, ?, ?, ?, ?, ?, ?, ?, ${NOW_MS}, ${NOW_MS}, 1)
     )`;

/** A correction: the revision keeps the old value; the score takes the new one (and the correcting judge, for MEASUREMENT). */
const REVISE_SCORE_CTE = `revision as (
       insert into score_revision (id, score_id, competition_id, judge_id, old_value, new_value, reason, at, after_panel_visible, approved_by_id)
       values (?, ?, ?, ?, ?, ?, ?, ${NOW_MS}, ?, ?)
     ), mark as (
       update score set value = ?, comment = ?, judge_id = ?, updated_at = ${NOW_MS}, version = version + 1 where id = ?
     )`;

/** The entry's result, recomputed from its marks (storedResult's columns). */
export const STORE_RESULT_CTE = `result as (
       insert into entry_result (entry_id, competition_id, stage_scores, total, marks_received, marks_expected, stage_marks, updated_at)
       values (?, ?, ?::jsonb, ?, ?, ?, ?::jsonb, ${NOW_MS})
       on conflict (entry_id) do update set competition_id = excluded.competition_id, stage_scores = excluded.stage_scores, total = excluded.total,
         marks_received = excluded.marks_received, marks_expected = excluded.marks_expected, stage_marks = excluded.stage_marks, updated_at = excluded.updated_at
     )`;

/** The idempotency outcome, stored with the version the mark produced; the last parameter skips it when the request has no key. */
const RECORD_OUTCOME_CTE = `recorded as (
       insert into idempotency_record (id, user_id, operation, key, request_hash, outcome, created_at)
       select ?, ?, 'submitScore', ?, ?, ?::jsonb || jsonb_build_object('version', v.version), now() from v where ?::boolean
     )`;

/**
 * The end of a mark's transaction in one statement: write the mark (or its correction), store the
 * entry's result, raise the leaderboard version, store the idempotency outcome with it and NOTIFY every
 * instance. One round trip where there were four, last, because the version bump locks the
 * competition row until commit and every judge's mark waits for that lock. The CTEs touch different
 * tables and read nothing another writes, so running them in one snapshot changes nothing.
 */
const firstMark = raiseVersionStatement([INSERT_SCORE_CTE, STORE_RESULT_CTE, RECORD_OUTCOME_CTE]);
const correction = raiseVersionStatement([REVISE_SCORE_CTE, STORE_RESULT_CTE, RECORD_OUTCOME_CTE]);
const writeMark = (revised: boolean) => (revised ? correction : firstMark);
