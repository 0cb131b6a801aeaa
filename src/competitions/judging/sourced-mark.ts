import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { domainError, notFound, UserErrorCode } from '../../common/errors.js';
import { InputCheck } from '../../common/validate.js';
import { labelOf } from '../../common/enum-labels.js';
import { CompetitionStatus, CriterionKind, EntryStatus, MarkSource, RevisionReasonKind } from '../enums.js';
import { raiseVersionStatement } from '../leaderboard/board-version.js';
import { invalidateSignOffs } from '../results/sign-off-state.js';
import { markingPlan } from '../setup/scheme.js';
import { checkValue, entryResultParams, lockedMarkContext, NOW_MS, STORE_RESULT_CTE } from './score.service.js';
import { m } from './messages.js';
import { bilingual } from '../../common/i18n.js';
import { m as resultMessage } from '../results/messages.js';

/**
 * A mark that no judge gives: its value comes from a source the competition reads (an online drill's
 * attempt). The competitions side knows only the source's kind and id, never what it is; the source's
 * room decides the value and calls this inside its own transaction. It goes through the same statement
 * as a judge's mark (score or revision, the entry's result, the leaderboard version, NOTIFY) after the
 * same lock and context read, and under the same state rules: IN_PROGRESS, the stage's marking open,
 * the entry ACTIVE. The accountable person (the organizer who linked the source) stands as the judge.
 */
export interface SourcedMarkData {
  entryId: string;
  criterionId: string;
  value: number;
  source: MarkSource;
  /** The source's record the value came from (a drill attempt); null when none counted (e.g. voided). */
  sourceId: string | null;
  /** The user accountable for the mark: written as its judge and as the revision's author. */
  actorUserId: string;
  /** For a revision: why the value changed (names the source and the cause). */
  reason: string;
}

export type SourcedMarkOutcome = { written: 'FIRST' | 'REVISION'; scoreId: string; version: number } | { written: 'UNCHANGED'; scoreId: string };

/** A first sourced mark on its cell. */
const INSERT_SOURCED_CTE = `mark as (
       insert into score (id, competition_id, entry_id, criterion_id, judge_id, slot, value, comment, source, source_id, created_at, updated_at, version)
       values (?, ?, ?, ?, ?, 'M', ?, null, ?, ?, ${NOW_MS}, ${NOW_MS}, 1)
     )`;

/** A re-mark from the source: the revision (reason kind DRILL for a drill) keeps the old value. */
const REVISE_SOURCED_CTE = `revision as (
       insert into score_revision (id, score_id, competition_id, judge_id, old_value, new_value, reason, reason_kind, at, after_panel_visible)
       values (?, ?, ?, ?, ?, ?, ?, ?, ${NOW_MS}, false)
     ), mark as (
       update score set value = ?, judge_id = ?, source = ?, source_id = ?, updated_at = ${NOW_MS}, version = version + 1 where id = ?
     )`;

const firstSourced = raiseVersionStatement([INSERT_SOURCED_CTE, STORE_RESULT_CTE]);
const revisedSourced = raiseVersionStatement([REVISE_SOURCED_CTE, STORE_RESULT_CTE]);

/** Which revision reason a source's re-mark records. */
const REVISION_KIND: Record<MarkSource, RevisionReasonKind> = {
  [MarkSource.JUDGE]: RevisionReasonKind.CORRECTION,
  [MarkSource.DRILL]: RevisionReasonKind.DRILL,
};

/**
 * Writes (or revises) the entry's mark on a MEASUREMENT criterion from a source, in the caller's
 * transaction; a value equal to the current one writes nothing. Throws a DomainError where a judge's
 * mark would be refused (not IN_PROGRESS, stage closed, entry not ACTIVE, value out of range).
 */
export async function submitSourcedMark(tx: EntityManager, data: SourcedMarkData): Promise<SourcedMarkOutcome> {
  const ctx = await lockedMarkContext(tx, data.entryId, data.actorUserId, null);
  const competitionId = ctx.competition_id;
  const plan = await markingPlan(tx, { id: competitionId, status: ctx.status, aggregation: ctx.aggregation });
  const criterion = plan.criteria.get(data.criterionId);
  if (!criterion || criterion.kind !== CriterionKind.MEASUREMENT) throw notFound('Criterion', ['input', 'criterionId']);
  if (ctx.status !== CompetitionStatus.IN_PROGRESS) {
    throw domainError(UserErrorCode.INVALID_STATE, m('marksOnlyInProgress', { status: labelOf('CompetitionStatus', ctx.status) }));
  }
  if (ctx.closed_stage_ids.includes(criterion.stageId)) throw domainError(UserErrorCode.INVALID_STATE, m('stageClosedNoMarks'), ['input', 'criterionId']);
  if (ctx.entry_status !== EntryStatus.ACTIVE) {
    throw domainError(UserErrorCode.INVALID_STATE, m('entryTakesNoMarks', { status: labelOf('EntryStatus', ctx.entry_status) }), ['input', 'entryId']);
  }
  const check = new InputCheck();
  checkValue(check, data.value, criterion.maxScore);
  check.throwIfAny();

  const existing = ctx.marks.find((x) => x.criterionId === criterion.id && x.slot === 'M');
  if (existing && Number(existing.value) === data.value) return { written: 'UNCHANGED', scoreId: existing.id };
  const scoreId = existing?.id ?? randomUUID();
  if (ctx.signed_stage_ids.includes(criterion.stageId)) {
    await invalidateSignOffs(tx, competitionId, [criterion.stageId], bilingual(resultMessage, 'signOffMarkChanged'));
  }
  const resultParams = entryResultParams(plan, ctx, data.entryId, { id: scoreId, criterionId: criterion.id, slot: 'M', value: data.value });
  const event = { kind: 'score' as const, competitionId, scoreId, entryId: data.entryId, revision: !!existing };
  if (!existing) {
    const version = await firstSourced(tx, competitionId, event, [
      scoreId, competitionId, data.entryId, criterion.id, data.actorUserId, data.value, data.source, data.sourceId, ...resultParams,
    ]);
    return { written: 'FIRST', scoreId, version };
  }
  const version = await revisedSourced(tx, competitionId, event, [
    randomUUID(), scoreId, competitionId, data.actorUserId, Number(existing.value), data.value, data.reason.slice(0, 1000), REVISION_KIND[data.source],
    data.value, data.actorUserId, data.source, data.sourceId, scoreId, ...resultParams,
  ]);
  return { written: 'REVISION', scoreId, version };
}
