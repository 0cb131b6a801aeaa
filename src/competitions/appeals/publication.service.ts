import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, UserErrorCode, type UserErrorInit } from '../../common/errors.js';
import type { Viewer } from '../../context.js';
import { assertOwner } from '../access.js';
import { CompetitionStatus as S } from '../enums.js';
import { liftFreeze } from '../leaderboard/freeze.service.js';
import { unsignedStageIds } from '../results/sign-off-state.js';
import type { Competition } from '../setup/competition.entity.js';
import { cleanReason, lockCompetition, recordTransition } from '../setup/competition.service.js';
import { nextStatus } from '../setup/lifecycle.js';
import { Stage } from '../setup/stage.entity.js';
import { Appeal } from './appeal.entity.js';
import { OPEN_APPEAL } from './appeal.enums.js';
import { m } from './messages.js';

/** The appeal window is open: published, and its closing time not reached. Computed on read (no timer flips it). */
export function appealWindowOpen(competition: Pick<Competition, 'status' | 'appealWindowClosesAt'>, now = new Date()): boolean {
  return competition.status === S.RESULTS_PUBLISHED && !!competition.appealWindowClosesAt && now < competition.appealWindowClosesAt;
}

/** One userError per stage without a valid sign-off, naming it: results are vouched for stage by stage. */
async function unsignedStageProblems(tx: EntityManager, competition: Competition, to: 'publish' | 'finalize'): Promise<UserErrorInit[]> {
  const ids = await unsignedStageIds(tx, competition.id);
  if (!ids.length) return [];
  const stages = await tx.find(Stage, { id: { $in: ids } }, { orderBy: { position: 'asc' } });
  return stages.map((s) => ({
    code: UserErrorCode.INVALID_STATE,
    message: m(to === 'publish' ? 'stageNotSignedOffToPublish' : 'stageNotSignedOffToFinalize', { stage: s.name }),
    field: ['input', 'competitionId'],
  }));
}

/**
 * 成绩公示: SCORING_CLOSED → RESULTS_PUBLISHED by the competition's organizer, once every stage is signed
 * off. Opens the appeal window (appealWindowMinutes, 0 = none) and lifts a freeze: publication makes
 * the provisional results public, so the public board shows the real standings, not the frozen ones.
 */
export async function publishResults(em: EntityManager, viewer: Viewer, competitionId: string, reason: string | null = null): Promise<Competition> {
  return em.transactional(async (tx) => {
    const competition = await lockCompetition(tx, competitionId);
    assertOwner(viewer, competition);
    const move = nextStatus(competition.status, 'publishResults');
    if (!move.ok) throw new DomainError({ code: UserErrorCode.INVALID_STATE, message: move.message, field: ['input', 'competitionId'] });
    const problems = await unsignedStageProblems(tx, competition, 'publish');
    if (problems.length) throw new DomainError(problems);
    const now = new Date();
    if (competition.frozenAt) await liftFreeze(tx, competition);
    competition.resultsPublishedAt = now;
    competition.appealWindowClosesAt = new Date(now.getTime() + competition.appealWindowMinutes * 60_000);
    await recordTransition(tx, competition, 'publishResults', viewer, cleanReason(reason, false, 'publish the results'));
    return competition;
  });
}

/**
 * What finalizeCompetition waits for once results are published: the appeal window closed, no appeal
 * FILED or UPHELD (not yet re-marked), and every stage signed off (a re-mark voids its stage's
 * sign-off, so the chief judge signs the changed sheet again). Each reason is its own userError.
 */
export async function assertFinalizable(tx: EntityManager, competition: Competition, now = new Date()): Promise<void> {
  const problems: UserErrorInit[] = [];
  const field = ['input', 'competitionId'];
  if (appealWindowOpen(competition, now)) {
    problems.push({
      code: UserErrorCode.INVALID_STATE,
      message: m('windowStillOpen', { until: competition.appealWindowClosesAt!.toISOString() }),
      field,
    });
  }
  const open = await tx.find(Appeal, { competition, status: { $in: [...OPEN_APPEAL] } }, { orderBy: { filedAt: 'asc', id: 'asc' } });
  for (const a of open) {
    problems.push({
      code: UserErrorCode.INVALID_STATE,
      message: m(a.status === 'FILED' ? 'appealAwaitsRuling' : 'appealAwaitsRemarks', { filedAt: a.filedAt.toISOString() }),
      field,
    });
  }
  if (competition.status === S.RESULTS_PUBLISHED) problems.push(...(await unsignedStageProblems(tx, competition, 'finalize')));
  if (problems.length) throw new DomainError(problems);
}
