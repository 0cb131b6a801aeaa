import type { EntityManager } from '@mikro-orm/postgresql';
import { domainError, forbidden, notFound, UserErrorCode } from '../../common/errors.js';
import type { Viewer } from '../../context.js';
import { User } from '../../auth/user.entity.js';
import { assertOwner, assertStatus, isChiefJudge } from '../access.js';
import { CompetitionStatus as S } from '../enums.js';
import { raiseLeaderboardVersion } from '../leaderboard/board-version.js';
import type { Competition } from '../setup/competition.entity.js';
import { cleanReason, lockCompetition } from '../setup/competition.service.js';
import { Stage } from '../setup/stage.entity.js';
import { MarkingGapAcceptance } from './marking-gap.entity.js';
import { assertMarkingComplete, currentGaps, loadMarkingState, lockEntriesOf, recordedGaps } from './marking-state.js';
import { m } from './messages.js';

/**
 * 裁判长确认缺项 (issue 12 §3): only the competition's chief judge (an active panel seat with the chief
 * flag; not the organizer, not an ADMIN) records that the marks missing now — of one stage or all —
 * may stay missing, with a reason. The exact gaps are stored, so a close later succeeds only when
 * nothing has gone missing since.
 */
export async function acceptMarkingGap(em: EntityManager, viewer: Viewer, competitionId: string, stageId: string | null, reasonRaw: string): Promise<{ acceptance: MarkingGapAcceptance; competition: Competition }> {
  return em.transactional(async (tx) => {
    const competition = await lockCompetition(tx, competitionId);
    if (!(await isChiefJudge(tx, viewer, competition.id))) throw forbidden(m('onlyChiefAcceptsGap'));
    const reason = cleanReason(reasonRaw, true, m('toAcceptGap'))!;
    assertStatus(competition, [S.IN_PROGRESS], m('acceptingGap'));
    let stage: Stage | null = null;
    if (stageId) {
      stage = await tx.findOne(Stage, { id: stageId, competition });
      if (!stage) throw notFound('Stage', ['input', 'stageId']);
      if (stage.markingClosedAt) throw domainError(UserErrorCode.INVALID_STATE, m('stageMarkingClosed'), ['input', 'stageId']);
    }
    const gaps = recordedGaps(currentGaps(await loadMarkingState(tx, competition), stage ? [stage.id] : null));
    if (!gaps.length) throw domainError(UserErrorCode.INVALID_STATE, m('noMarksMissing'), ['input', stage ? 'stageId' : 'competitionId']);
    const acceptance = tx.create(MarkingGapAcceptance, {
      competition, stage, acceptedBy: tx.getReference(User, viewer.id), acceptedAt: new Date(), reason, gaps,
    } as never);
    await tx.flush();
    return { acceptance, competition };
  });
}

/**
 * Closes one stage's marking (the competition's organizer): refused while its marks are missing and
 * not accepted by the chief judge; then submitScore refuses marks on it, and boards (which may show an
 * anonymous stage's scores only once closed) refetch.
 */
export async function closeStageMarking(em: EntityManager, viewer: Viewer, stageId: string): Promise<{ stage: Stage; competition: Competition }> {
  return em.transactional(async (tx) => {
    const found = await tx.findOne(Stage, { id: stageId });
    if (!found) throw notFound('Stage', ['input', 'stageId']);
    // Marks in flight land before the check, none after the close (see lockEntriesOf).
    await lockEntriesOf(tx, found.competition.id);
    const competition = await lockCompetition(tx, found.competition.id, ['input', 'stageId']);
    assertOwner(viewer, competition);
    assertStatus(competition, [S.IN_PROGRESS], m('closingStageMarking'));
    const stage = (await tx.findOne(Stage, { id: stageId }, { refresh: true }))!;
    if (stage.markingClosedAt) throw domainError(UserErrorCode.INVALID_STATE, m('stageMarkingClosed'), ['input', 'stageId']);
    await assertMarkingComplete(tx, competition, [stage.id], 'closeStageMarking');
    stage.markingClosedAt = new Date();
    await raiseLeaderboardVersion(tx, competition, { kind: 'leaderboard', competitionId: competition.id, entryId: null });
    await tx.flush();
    return { stage, competition };
  });
}
