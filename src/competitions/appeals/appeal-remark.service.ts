import type { EntityManager } from '@mikro-orm/postgresql';
import { domainError, forbidden, notFound, UserErrorCode } from '../../common/errors.js';
import { InputCheck } from '../../common/validate.js';
import type { Viewer } from '../../context.js';
import { User } from '../../auth/user.entity.js';
import { CompetitionStatus as S, MarkSource, RevisionReasonKind } from '../enums.js';
import { fromDrill } from '../judging/score-correction.service.js';
import { Score } from '../judging/score.entity.js';
import { ScoreRevision } from '../judging/score-revision.entity.js';
import { recomputeEntryResult } from '../judging/marking-state.js';
import { raiseLeaderboardVersion } from '../leaderboard/board-version.js';
import { announceChange, CompetitionChange } from '../leaderboard/announce.js';
import { invalidateSignOffs } from '../results/sign-off-state.js';
import { checkValue } from '../judging/score.service.js';
import { lockCompetition } from '../setup/competition.service.js';
import { markingPlan } from '../setup/scheme.js';
import { Appeal } from './appeal.entity.js';
import { AppealStatus } from './appeal.enums.js';
import { AppealRemark } from './appeal-remark.entity.js';
import { m } from './messages.js';
import { labelOf } from '../../common/enum-labels.js';
import { bilingual } from '../../common/i18n.js';
import { m as resultMessage } from '../results/messages.js';

export interface AppealMarkData {
  appealId: string;
  scoreId?: string | null;
  criterionId?: string | null;
  value: number;
  comment?: string | null;
}

/**
 * 复评: a judge named by an upheld appeal re-marks one contested mark. Everything a mark does happens,
 * in one transaction: the score takes the new value and the re-marker as its judge (its slot, the
 * panel seat it fills, stays), a revision of reason kind APPEAL pointing at the appeal keeps the old
 * value, the entry's result is recomputed, the stage's sign-off is voided (the chief judge signs the
 * changed sheet again) and the leaderboard version is raised. The last re-mark resolves the appeal.
 */
export async function submitAppealMark(em: EntityManager, viewer: Viewer, data: AppealMarkData): Promise<{ appeal: Appeal; remark: AppealRemark }> {
  return em.transactional(async (tx) => {
    const found = await tx.findOne(Appeal, { id: data.appealId }, { fields: ['competition'] });
    if (!found) throw notFound('Appeal', ['input', 'appealId']);
    const competition = await lockCompetition(tx, found.competition.id, ['input', 'appealId']);
    const appeal = await tx.findOneOrFail(Appeal, { id: data.appealId }, { refresh: true });
    if (!appeal.remarkJudgeIds.includes(viewer.id)) throw forbidden(m('notNamedRemarker'));
    const check = new InputCheck();
    if ((data.scoreId == null) === (data.criterionId == null)) check.fail('scoreId', m('scoreOrCriterion'));
    const comment = data.comment != null ? check.text('comment', data.comment, { max: 2000, optional: true }) || null : null;
    check.throwIfAny();

    const remarks = await tx.find(AppealRemark, { appeal }, { orderBy: { criterion: 'asc', id: 'asc' } as never });
    // A retry of the viewer's own re-mark (same mark, same value) answers with it and records nothing.
    const own = remarks.find((r) => r.judge?.id === viewer.id && (data.scoreId != null ? r.score.id === data.scoreId : r.criterion.id === data.criterionId));
    if (own && Number(own.value) === data.value) return { appeal, remark: own };
    if (appeal.status !== AppealStatus.UPHELD) {
      throw domainError(UserErrorCode.INVALID_STATE, m('notBeingRemarked', { status: labelOf('AppealStatus', appeal.status) }), ['input', 'appealId']);
    }
    if (competition.status !== S.RESULTS_PUBLISHED) {
      throw domainError(UserErrorCode.INVALID_STATE, m('remarkWhilePublished', { status: labelOf('CompetitionStatus', competition.status) }), ['input', 'appealId']);
    }
    const mine = new Set(remarks.filter((r) => r.judge?.id === viewer.id).map((r) => r.criterion.id));
    const remark = data.scoreId != null
      ? remarks.find((r) => r.score.id === data.scoreId)
      : remarks.find((r) => r.criterion.id === data.criterionId && !r.markedAt) ?? remarks.find((r) => r.criterion.id === data.criterionId);
    if (!remark) {
      throw domainError(UserErrorCode.NOT_FOUND, m('noSuchContestedMark'), ['input', data.scoreId != null ? 'scoreId' : 'criterionId']);
    }
    if (remark.markedAt) throw domainError(UserErrorCode.INVALID_STATE, m('alreadyRemarked'), ['input', data.scoreId != null ? 'scoreId' : 'criterionId']);
    if (mine.has(remark.criterion.id)) {
      throw domainError(UserErrorCode.INVALID_STATE, m('oneMarkPerCriterion'), ['input', 'appealId']);
    }
    const plan = await markingPlan(tx, competition);
    const criterion = plan.criteria.get(remark.criterion.id)!;
    const value = checkedValue(data.value, criterion.maxScore);

    const score = await tx.findOneOrFail(Score, { id: remark.score.id }, { refresh: true });
    // A mark filled from an online drill is re-marked by the drill (a corrected question, a voided attempt), not by a judge.
    if (score.source !== MarkSource.JUDGE) throw await fromDrill(tx, criterion.id);
    const now = new Date();
    const revision = tx.create(ScoreRevision, {
      score, competition, judge: tx.getReference(User, viewer.id), oldValue: Number(score.value), newValue: value,
      reason: `${bilingual(m, 'remarkReason')}: ${appeal.rulingReason ?? ''}`.slice(0, 1000), reasonKind: RevisionReasonKind.APPEAL, appeal, at: now,
    } as never);
    Object.assign(score, { value, comment, judge: tx.getReference(User, viewer.id), updatedAt: now });
    Object.assign(remark, { judge: tx.getReference(User, viewer.id), value, markedAt: now, revision });
    await tx.flush();

    await recomputeEntryResult(tx, competition, appeal.entry.id);
    await invalidateSignOffs(tx, competition.id, [appeal.stage.id], bilingual(resultMessage, 'signOffAppealRemark', { id: appeal.id }));
    await raiseLeaderboardVersion(tx, competition, { kind: 'leaderboard', competitionId: competition.id, entryId: appeal.entry.id });
    if (remarks.every((r) => r.markedAt)) {
      appeal.status = AppealStatus.RESOLVED;
      appeal.resolvedAt = now;
      appeal.marksChanged = remarks.filter((r) => Number(r.value) !== Number(r.contestedValue)).length;
      await announceChange(tx, competition, CompetitionChange.APPEAL_RESOLVED, appeal.stage.id);
    }
    await tx.flush();
    return { appeal, remark };
  });
}

function checkedValue(value: number, maxScore: number): number {
  const check = new InputCheck();
  checkValue(check, value, maxScore);
  check.throwIfAny();
  return value;
}

