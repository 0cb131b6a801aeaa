import type { EntityManager } from '@mikro-orm/postgresql';
import { domainError, UserErrorCode } from '../../common/errors.js';
import type { App } from '../../app.js';
import type { Viewer } from '../../context.js';
import { assertOwner, assertStatus, loadCompetition } from '../access.js';
import type { Competition } from '../setup/competition.entity.js';
import { CompetitionStatus } from '../enums.js';
import { boardToJson, buildBoard } from './leaderboard.service.js';
import { raiseLeaderboardVersion } from './board-version.js';
import { m } from './messages.js';

/** 封榜 (as DOMjudge): the board as it stands now is kept and served to the public until lifted or finalized. */
export async function freezeLeaderboard(em: EntityManager, _app: App, viewer: Viewer, competitionId: string): Promise<Competition> {
  return em.transactional(async (tx) => {
    const competition = await loadCompetition(tx, competitionId);
    assertOwner(viewer, competition);
    assertStatus(competition, [CompetitionStatus.IN_PROGRESS, CompetitionStatus.SCORING_CLOSED], 'Freezing the leaderboard');
    if (competition.frozenAt) throw domainError(UserErrorCode.INVALID_STATE, m('alreadyFrozen'));
    // Lock the competition row so no mark slips between the snapshot and the freeze.
    await tx.execute('select 1 from competition where id = ? for update', [competition.id]);
    await tx.refresh(competition);
    const snapshot = await buildBoard(tx, competition);
    await raiseLeaderboardVersion(tx, competition, { kind: 'leaderboard', competitionId: competition.id, entryId: null });
    competition.frozenAt = new Date();
    competition.frozenLeaderboard = boardToJson(snapshot);
    await tx.flush();
    return competition;
  });
}

/** Lifts a freeze; finalizing lifts it too (the final results are public). */
export async function unfreezeLeaderboard(em: EntityManager, viewer: Viewer, competitionId: string): Promise<Competition> {
  return em.transactional(async (tx) => {
    const competition = await loadCompetition(tx, competitionId);
    assertOwner(viewer, competition);
    if (!competition.frozenAt) throw domainError(UserErrorCode.INVALID_STATE, m('notFrozen'));
    await liftFreeze(tx, competition);
    return competition;
  });
}

/** In the caller's transaction: clears the freeze and announces the new version. */
export async function liftFreeze(tx: EntityManager, competition: Competition): Promise<void> {
  await raiseLeaderboardVersion(tx, competition, { kind: 'leaderboard', competitionId: competition.id, entryId: null });
  competition.frozenAt = null;
  competition.frozenLeaderboard = null;
  await tx.flush();
}
