import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { domainError, forbidden, notFound, UserErrorCode } from '../../common/errors.js';
import { InputCheck } from '../../common/validate.js';
import type { Viewer } from '../../context.js';
import { Competition } from '../setup/competition.entity.js';
import { Criterion } from '../setup/criterion.entity.js';
import { Stage } from '../setup/stage.entity.js';
import { Entry } from '../entries/entry.entity.js';
import { CompetitionStatus, EntryStatus, MarkSource, RevisionReasonKind } from '../enums.js';
import { stageMarkingClosed } from '../setup/lifecycle.js';
import { anonymousStageIds, markingPlan } from '../setup/scheme.js';
import { raiseVersionStatement } from '../leaderboard/board-version.js';
import { invalidateSignOffs } from '../results/sign-off-state.js';
import { JudgeAssignment } from './judge-assignment.entity.js';
import { Score } from './score.entity.js';
import { ScoreRevision } from './score-revision.entity.js';
import { ScoreCorrectionRequest, ScoreCorrectionStatus } from './score-correction.entity.js';
import { checkValue } from './score.service.js';
import { recomputeEntryResult } from './marking-state.js';
import { completedEntry, completionStages } from './independent-marking.js';
import { isChiefJudge } from '../access.js';
import { m } from './messages.js';
import { labelOf } from '../../common/enum-labels.js';
import { drillFeeding } from '../setup/drill-fed.js';
import { bilingual } from '../../common/i18n.js';
import { m as resultMessage } from '../results/messages.js';

/*
 * A correction after the panel's marks became visible to the judge (issue 12 §2): the judge asks,
 * the chief judge (裁判长) decides; an approval changes the mark as a revision flagged
 * afterPanelVisible with the approver, and does everything a mark does (the entry's result, the
 * leaderboard version and the live event, voided sign-offs) in one transaction.
 */

export interface RequestCorrectionData { scoreId: string; value: number; reason: string }
export interface DecideCorrectionData { requestId: string; approve: boolean; reason?: string | null }

/** Locks the mark's entry (the lock every mark of it takes first, see score.service) and reads the mark afresh. */
async function lockedScore(tx: EntityManager, scoreId: string, field: string[]): Promise<Score> {
  const [row] = await tx.execute<{ entry_id: string }[]>(`select entry_id from score where id = ?`, [scoreId]);
  if (!row) throw notFound('Score', field);
  await tx.execute(`select 1 from entry where id = ? for update`, [row.entry_id]);
  const score = await tx.findOne(Score, { id: scoreId }, { refresh: true });
  if (!score) throw notFound('Score', field);
  return score;
}

/** A correction is possible only where a mark is: the competition IN_PROGRESS, the stage open, the entry ACTIVE. */
async function assertMarkable(tx: EntityManager, competition: Competition, stage: Stage, entryId: string): Promise<void> {
  if (competition.status !== CompetitionStatus.IN_PROGRESS || stageMarkingClosed(stage, competition.status)) {
    throw domainError(UserErrorCode.INVALID_STATE, m('correctionClosed'));
  }
  const entry = await tx.findOneOrFail(Entry, { id: entryId });
  if (entry.status !== EntryStatus.ACTIVE) {
    throw domainError(UserErrorCode.INVALID_STATE, m('entryTakesNoMarks', { status: labelOf('EntryStatus', entry.status) }));
  }
}

/** JUDGE: ask the chief judge to correct one's mark after the panel's marks on the entry became visible. */
export async function requestScoreCorrection(em: EntityManager, viewer: Viewer, data: RequestCorrectionData): Promise<ScoreCorrectionRequest> {
  try {
    return await em.transactional(async (tx) => {
      const score = await lockedScore(tx, data.scoreId, ['input', 'scoreId']);
      const competition = await tx.findOneOrFail(Competition, { id: score.competition.id });
      const criterion = await tx.findOneOrFail(Criterion, { id: score.criterion.id });
      const stage = await tx.findOneOrFail(Stage, { id: criterion.stage.id });
      const seat = await tx.findOne(JudgeAssignment, { competition, user: viewer.id, removedAt: null });
      // Whose mark it is: the judge's own JUDGEMENT mark, or the entry's MEASUREMENT mark for a judge of its stage (as submitScore).
      if (!seat || !seat.stageIds.map(String).includes(stage.id) || (score.slot !== 'M' && score.slot !== viewer.id)) {
        throw forbidden(m('notYourMark'));
      }
      if (score.source !== MarkSource.JUDGE) throw await fromDrill(tx, criterion.id);
      const check = new InputCheck();
      checkValue(check, data.value, Number(criterion.maxScore));
      const reason = check.text('reason', data.reason, { max: 1000 });
      check.throwIfAny();
      await assertMarkable(tx, competition, stage, score.entry.id);
      if (seat.chief) {
        throw domainError(UserErrorCode.INVALID_STATE, m('chiefCorrectsDirectly'), ['input', 'scoreId']);
      }
      const plan = await markingPlan(tx, competition);
      const marks = await tx.find(Score, { entry: score.entry.id });
      const unit = completionStages(stage.id, seat.stageIds.map(String), anonymousStageIds(plan));
      if (!completedEntry(plan.criteria.values(), unit, marks.map((m) => ({ criterionId: m.criterion.id, slot: m.slot })), viewer.id)) {
        throw domainError(UserErrorCode.INVALID_STATE, m('notCompletedYet'), ['input', 'scoreId']);
      }
      if (Number(score.value) === data.value) {
        throw domainError(UserErrorCode.INVALID_INPUT, m('sameValue'), ['input', 'value']);
      }
      if (await tx.count(ScoreCorrectionRequest, { score, status: ScoreCorrectionStatus.PENDING })) throw pendingExists();
      const request = tx.create(ScoreCorrectionRequest, {
        competition, score, judge: viewer.id, oldValue: Number(score.value), newValue: data.value, reason, requestedAt: new Date(),
      } as never);
      await tx.flush();
      return request;
    });
  } catch (err) {
    // The partial unique index: a request for this mark committed while we checked.
    if (err instanceof UniqueConstraintViolationException) throw pendingExists();
    throw err;
  }
}

/** The refusal for a mark filled from an online drill: no judge changes it (the drill's re-mark does). */
export async function fromDrill(tx: EntityManager, criterionId: string) {
  return domainError(UserErrorCode.INVALID_STATE, m('criterionFromDrill', { title: (await drillFeeding(tx, { criterionId })) ?? '—' }), ['input', 'scoreId']);
}

function pendingExists() {
  return domainError(UserErrorCode.ALREADY_EXISTS, m('pendingExists'), ['input', 'scoreId']);
}

const raiseForCorrection = raiseVersionStatement();

/**
 * CHIEF JUDGE (on the panel now) only: approve or reject a request. Idempotent: the same decision again
 * answers with the request as decided and changes nothing; the opposite decision is refused.
 */
export async function decideScoreCorrection(em: EntityManager, viewer: Viewer, data: DecideCorrectionData): Promise<{ request: ScoreCorrectionRequest; replayed: boolean }> {
  return em.transactional(async (tx) => {
    const found = await tx.findOne(ScoreCorrectionRequest, { id: data.requestId });
    if (!found) throw notFound('ScoreCorrectionRequest', ['input', 'requestId']);
    const competition = await tx.findOneOrFail(Competition, { id: found.competition.id });
    if (!(await isChiefJudge(tx, viewer, competition.id))) throw forbidden(m('onlyChiefDecides'));
    const check = new InputCheck();
    const reason = check.text('reason', data.reason, { max: 1000, optional: data.approve }) || null;
    check.throwIfAny();
    // The mark's entry first (as every mark takes it), then the request: two decisions at once queue here.
    const score = await lockedScore(tx, found.score.id, ['input', 'requestId']);
    const request = await tx.findOneOrFail(ScoreCorrectionRequest, { id: found.id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    const decided = data.approve ? ScoreCorrectionStatus.APPROVED : ScoreCorrectionStatus.REJECTED;
    if (request.status !== ScoreCorrectionStatus.PENDING) {
      if (request.status === decided) return { request, replayed: true };
      throw domainError(UserErrorCode.INVALID_STATE, m('alreadyDecided', { status: labelOf('ScoreCorrectionStatus', request.status) }), ['input', 'approve']);
    }
    Object.assign(request, { status: decided, decidedBy: tx.getReference('User', viewer.id), decidedAt: new Date(), decisionReason: reason });
    if (data.approve) await applyCorrection(tx, competition, score, request, viewer);
    await tx.flush();
    return { request, replayed: false };
  });
}

/** The approved value becomes the mark, the old one a revision; then everything a mark does. */
async function applyCorrection(tx: EntityManager, competition: Competition, score: Score, request: ScoreCorrectionRequest, chief: Viewer): Promise<void> {
  const criterion = await tx.findOneOrFail(Criterion, { id: score.criterion.id });
  const stage = await tx.findOneOrFail(Stage, { id: criterion.stage.id });
  await assertMarkable(tx, competition, stage, score.entry.id);
  const revision = tx.create(ScoreRevision, {
    score, competition, judge: request.judge, oldValue: Number(score.value), newValue: Number(request.newValue), reason: request.reason,
    reasonKind: RevisionReasonKind.CORRECTION, afterPanelVisible: true, approvedBy: tx.getReference('User', chief.id), at: new Date(),
  } as never);
  Object.assign(score, { value: Number(request.newValue), judge: request.judge, updatedAt: new Date() });
  request.revision = tx.getReference(ScoreRevision, revision.id) as never;
  await tx.flush();
  // Expected marks counted as a mark counts them (per entry), so the entry's completeness and the public board's rule hold.
  await recomputeEntryResult(tx, competition, score.entry.id);
  await invalidateSignOffs(tx, competition.id, [stage.id], bilingual(resultMessage, 'signOffCorrection', { id: request.id }));
  // Last: the version raise holds the competition row's lock until commit.
  await raiseForCorrection(tx, competition.id, { kind: 'score', competitionId: competition.id, scoreId: score.id, entryId: score.entry.id, revision: true });
}
