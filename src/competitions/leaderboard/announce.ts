import type { EntityManager } from '@mikro-orm/postgresql';
import { registerEnumType } from 'type-graphql';
import type { Competition } from '../setup/competition.entity.js';
import { raiseLeaderboardVersion, raiseVersionStatement } from './board-version.js';

/** What a competitionStatusChanged event announces. */
export enum CompetitionChange {
  STATUS_CHANGED = 'STATUS_CHANGED',
  STAGE_SIGNED_OFF = 'STAGE_SIGNED_OFF',
  SIGN_OFF_VOIDED = 'SIGN_OFF_VOIDED',
  RESULTS_PUBLISHED = 'RESULTS_PUBLISHED',
  APPEAL_WINDOW_CLOSED = 'APPEAL_WINDOW_CLOSED',
  APPEAL_FILED = 'APPEAL_FILED',
  APPEAL_RULED = 'APPEAL_RULED',
  APPEAL_RESOLVED = 'APPEAL_RESOLVED',
}
registerEnumType(CompetitionChange, {
  name: 'CompetitionChange',
  description: 'What changed in a competition’s state, as competitionStatusChanged announces it.',
  valuesConfig: {
    STATUS_CHANGED: { description: 'The competition moved in its lifecycle (registration opened, started, scoring closed, finalized, …); `competition.status` is the new status.' },
    STAGE_SIGNED_OFF: { description: 'The chief judge signed off a stage’s results (签字确认); `stage` is the stage.' },
    SIGN_OFF_VOIDED: { description: 'A stage’s sign-off was voided by a later change to its marks or entries; `stage` is the stage, to be signed off again.' },
    RESULTS_PUBLISHED: { description: 'The provisional results were published (成绩公示) and the appeal window opened; `competition.appealWindowClosesAt` says until when.' },
    APPEAL_WINDOW_CLOSED: { description: 'The appeal window closed (announced once, by time, after `competition.appealWindowClosesAt`).' },
    APPEAL_FILED: { description: 'An appeal (申诉) was filed; `stage` is the contested stage.' },
    APPEAL_RULED: { description: 'An arbitrator ruled on an appeal (仲裁): dismissed, or upheld with re-marking ordered; `stage` is the contested stage.' },
    APPEAL_RESOLVED: { description: 'The re-marking an upheld appeal ordered is complete, so the appeal is resolved; `stage` is the contested stage.' },
  },
});

/**
 * Announces a change of the competition's state to every instance's competitionStatusChanged
 * subscribers, in the caller's transaction (sent only if it commits), raising the leaderboard
 * version as every live event does (board-version.ts stays the only sender). The competition's
 * status sent is its current one, so set it first. For the appeals and the lifecycle:
 * `await announceChange(tx, competition, CompetitionChange.APPEAL_FILED, stageId)`.
 */
export async function announceChange(tx: EntityManager, competition: Competition, change: CompetitionChange, stageId: string | null = null): Promise<number> {
  return raiseLeaderboardVersion(tx, competition, { kind: 'status', competitionId: competition.id, status: competition.status, change, stageId });
}

const raiseById = raiseVersionStatement();

/**
 * The same for callers that hold no Competition entity (the mark path's raw SQL): the event carries
 * the status the database has; an entity of this competition loaded earlier in the transaction keeps
 * its older leaderboardVersion (its flush does not write it; a later raise reads the database's).
 */
export async function announceChangeById(tx: EntityManager, competitionId: string, change: CompetitionChange, stageId: string | null = null): Promise<number> {
  const [row] = await tx.execute<{ status: string }[]>(`select status from competition where id = ?`, [competitionId]);
  return raiseById(tx, competitionId, { kind: 'status', competitionId, status: row!.status, change, stageId });
}
