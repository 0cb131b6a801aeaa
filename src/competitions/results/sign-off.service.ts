import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { domainError, forbidden, notFound, UserErrorCode } from '../../common/errors.js';
import { User } from '../../auth/user.entity.js';
import type { Viewer } from '../../context.js';
import { isChiefJudge } from '../access.js';
import { CompetitionStatus } from '../enums.js';
import { Score } from '../judging/score.entity.js';
import { ScoreRevision } from '../judging/score-revision.entity.js';
import { announceChange, CompetitionChange } from '../leaderboard/announce.js';
import { Competition } from '../setup/competition.entity.js';
import { stageMarkingClosed } from '../setup/lifecycle.js';
import { Stage } from '../setup/stage.entity.js';
import { recheckBlocksSignOff } from '../recheck/recheck-state.js';
import { scoreSheetDigest, type SheetMark } from './score-sheet-digest.js';
import { StageSignOff } from './stage-sign-off.entity.js';
import { m } from './messages.js';

/** Every current mark of the stage with its revisions, as the canonical sheet reads them. */
export async function stageSheetMarks(em: EntityManager, stageId: string): Promise<SheetMark[]> {
  const scores = await em.find(Score, { criterion: { stage: stageId } });
  const revisions = scores.length ? await em.find(ScoreRevision, { score: { $in: scores.map((s) => s.id) } }) : [];
  const byScore = new Map<string, SheetMark['revisions'][number][]>(scores.map((s) => [s.id, []]));
  for (const r of revisions) {
    byScore.get(r.score.id)!.push({ at: r.at, judgeId: r.judge.id, reasonKind: r.reasonKind, oldValue: Number(r.oldValue), newValue: Number(r.newValue), reason: r.reason });
  }
  return scores.map((s) => ({
    entryId: s.entry.id, criterionId: s.criterion.id, judgeId: s.judge.id, value: Number(s.value), revisions: byScore.get(s.id)!,
  }));
}

export interface SignOffOutcome {
  signOff: StageSignOff;
  stage: Stage;
  /** False when the stage was already validly signed and that sign-off is returned. */
  created: boolean;
}

/**
 * signOffStage: the competition's chief judge now on the panel, and nobody else (not its organizer, not
 * an ADMIN unless an ADMIN is that chief judge: the sign-off is the chief judge's own signature).
 * Only once the stage's marking is closed. Idempotent: a stage already validly signed returns that
 * sign-off; of two sign-offs at once the partial unique index keeps one and the other returns it.
 */
export async function signOffStage(em: EntityManager, viewer: Viewer, stageId: string): Promise<SignOffOutcome> {
  try {
    return await em.transactional((tx) => signInTransaction(tx, viewer, stageId));
  } catch (err) {
    if (!(err instanceof UniqueConstraintViolationException)) throw err;
    const fresh = em.fork();
    const signOff = await fresh.findOneOrFail(StageSignOff, { stage: stageId, invalidatedAt: null });
    return { signOff, stage: await fresh.findOneOrFail(Stage, { id: stageId }), created: false };
  }
}

async function signInTransaction(tx: EntityManager, viewer: Viewer, stageId: string): Promise<SignOffOutcome> {
  const stage = await tx.findOne(Stage, { id: stageId });
  if (!stage) throw notFound('Stage', ['input', 'stageId']);
  const competition = await tx.findOneOrFail(Competition, { id: stage.competition.id });
  if (!(await isChiefJudge(tx, viewer, competition.id))) {
    throw forbidden(m('signOffDenied'));
  }
  const existing = await tx.findOne(StageSignOff, { stage, invalidatedAt: null });
  if (existing) return { signOff: existing, stage, created: false };
  // Raising the version first takes the competition row's lock, which status moves and every mark's
  // end also take: the state and the marks read below are then those this sign-off is committed over.
  await announceChange(tx, competition, CompetitionChange.STAGE_SIGNED_OFF, stage.id);
  const [now] = await tx.execute<{ status: CompetitionStatus; marking_closed_at: Date | null }[]>(
    `select c.status, s.marking_closed_at from stage s join competition c on c.id = s.competition_id where s.id = ?`, [stage.id],
  );
  if (now!.status === CompetitionStatus.CANCELLED || !stageMarkingClosed({ markingClosedAt: now!.marking_closed_at }, now!.status)) {
    throw domainError(UserErrorCode.INVALID_STATE, m('markingOpen'), ['input', 'stageId']);
  }
  // Re-check first (复核, issue 12 §6): a drawn sample's unchecked marks, or a full re-check its error rate forced.
  const recheck = await recheckBlocksSignOff(tx, stage.id);
  if (recheck) throw domainError(UserErrorCode.INVALID_STATE, recheck, ['input', 'stageId']);
  const digest = scoreSheetDigest(await stageSheetMarks(tx, stage.id));
  const signOff = tx.create(StageSignOff, {
    competition, stage, signedBy: tx.getReference(User, viewer.id), signedAt: new Date(), digest,
  } as never);
  await tx.flush();
  return { signOff, stage, created: true };
}
