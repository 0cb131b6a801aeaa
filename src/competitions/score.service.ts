import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { domainError, forbidden, notFound, UserErrorCode } from '../common/errors.js';
import { checkIdempotencyKey, priorOutcome, recordOutcome, requestHash } from '../common/idempotency.js';
import { InputCheck } from '../common/validate.js';
import type { Viewer } from '../context.js';
import { emitLiveEvent } from '../live/events.js';
import { computeEntryResult, type Mark } from '../scoring/index.js';
import { User } from '../auth/user.entity.js';
import { activeAssignment } from './access.js';
import { Competition } from './competition.entity.js';
import { Criterion } from './criterion.entity.js';
import { Entry } from './entry.entity.js';
import { EntryMember } from './entry-member.entity.js';
import { EntryResult } from './entry-result.entity.js';
import { CompetitionStatus, CriterionKind, EntryStatus } from './enums.js';
import { loadScheme } from './scheme.js';
import { Score } from './score.entity.js';
import { ScoreRevision } from './score-revision.entity.js';

export interface SubmitScoreData {
  entryId: string;
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

/** Raises the competition's leaderboard version by one, atomically (a row lock held to commit keeps versions gap-free and ordered). */
export async function bumpLeaderboardVersion(em: EntityManager, competitionId: string): Promise<number> {
  const rows = await em.execute<{ leaderboard_version: number }[]>(
    'update competition set leaderboard_version = leaderboard_version + 1 where id = ? returning leaderboard_version',
    [competitionId],
  );
  return rows[0]!.leaderboard_version;
}

/** Recomputes one entry's stored result from that entry's marks only. */
export async function recomputeEntryResult(em: EntityManager, competition: Competition, entryId: string): Promise<void> {
  const loaded = await loadScheme(em, competition);
  const scores = await em.find(Score, { entry: entryId });
  const marks: Mark[] = scores.map((s) => ({ entryId, criterionId: s.criterion.id, judgeId: s.slot, value: Number(s.value) }));
  const result = computeEntryResult(loaded.scheme, marks, loaded.judgesPerStage);
  await em.upsert(EntryResult, {
    entryId,
    competitionId: competition.id,
    stageScores: Object.fromEntries(result.stageScores.map((s) => [s.stageId, s.score])),
    total: result.total,
    marksReceived: result.marksReceived,
    marksExpected: result.marksExpected,
    updatedAt: new Date(),
  } as never);
}

function checkValue(check: InputCheck, value: number, maxScore: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > maxScore) {
    check.fail('value', `value must be between 0 and ${maxScore}`);
  } else if (Math.abs(Math.round(value * 100) - value * 100) > 1e-6) {
    check.fail('value', 'value has at most two decimals');
  }
}

/**
 * A judge's mark (评分). Rules: an assigned judge of the criterion's stage, while IN_PROGRESS, not on an
 * entry with a worker of the judge's own enterprise; a second mark by the same judge (for MEASUREMENT:
 * by anyone) is a correction that needs a reason and keeps the old value as a revision. The entry's
 * result, the leaderboard version, the live events and the idempotency record are written in one
 * transaction, so a retry with the same key returns the first outcome and records nothing new.
 */
export async function submitScore(em: EntityManager, viewer: Viewer, data: SubmitScoreData): Promise<SubmitScoreOutcome> {
  const key = checkIdempotencyKey(data.idempotencyKey);
  const hash = requestHash({ e: data.entryId, c: data.criterionId, v: data.value, m: data.comment ?? null, r: data.reason ?? null });
  if (key) {
    const prior = await priorOutcome<SubmitScoreOutcome>(em, viewer.id, 'submitScore', key, hash);
    if (prior) return { ...prior, replayed: true };
  }
  try {
    return await em.transactional((tx) => markInTransaction(tx, viewer, data, key, hash));
  } catch (err) {
    // A concurrent retry with the same key committed first: answer with its outcome.
    if (key && err instanceof UniqueConstraintViolationException) {
      const prior = await priorOutcome<SubmitScoreOutcome>(em.fork(), viewer.id, 'submitScore', key, hash);
      if (prior) return { ...prior, replayed: true };
    }
    throw err;
  }
}

async function markInTransaction(tx: EntityManager, viewer: Viewer, data: SubmitScoreData, key: string | null, hash: string): Promise<SubmitScoreOutcome> {
  // Lock the entry: marks of one entry are serialized so its recomputed result is never stale.
  const entry = await tx.findOne(Entry, { id: data.entryId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!entry) throw notFound('Entry', ['input', 'entryId']);
  const criterion = await tx.findOne(Criterion, { id: data.criterionId });
  if (!criterion || criterion.competition.id !== entry.competition.id) throw notFound('Criterion', ['input', 'criterionId']);
  const competition = await tx.findOneOrFail(Competition, { id: entry.competition.id });
  if (competition.status !== CompetitionStatus.IN_PROGRESS) {
    throw domainError(UserErrorCode.INVALID_STATE, `Marks are accepted only while the competition is IN_PROGRESS (it is ${competition.status})`);
  }
  const assignment = await activeAssignment(tx, competition.id, viewer.id);
  if (!assignment || !assignment.stageIds.includes(criterion.stage.id)) {
    throw forbidden('You are not a judge of this criterion’s stage');
  }
  if (entry.status !== EntryStatus.ACTIVE) {
    throw domainError(UserErrorCode.INVALID_STATE, `The entry is ${entry.status} and takes no marks`, ['input', 'entryId']);
  }
  if (assignment.enterpriseId && (await tx.count(EntryMember, { entry, enterpriseId: assignment.enterpriseId }))) {
    throw domainError(UserErrorCode.CONFLICT_OF_INTEREST, 'You may not mark an entry with a worker of your own enterprise', ['input', 'entryId']);
  }
  const check = new InputCheck();
  checkValue(check, data.value, Number(criterion.maxScore));
  const comment = data.comment != null ? check.text('comment', data.comment, { max: 2000, optional: true }) || null : null;
  const reason = data.reason != null ? check.text('reason', data.reason, { max: 1000, optional: true }) || null : null;
  check.throwIfAny();

  const slot = criterion.kind === CriterionKind.MEASUREMENT ? 'M' : viewer.id;
  const judge = tx.getReference(User, viewer.id, { wrapped: true });
  let score = await tx.findOne(Score, { entry, criterion, slot });
  let revised = false;
  if (!score) {
    score = tx.create(Score, { competition, entry, criterion, judge, slot, value: data.value, comment } as never);
  } else if (Number(score.value) === data.value && (comment ?? null) === (score.comment ?? null)) {
    // The same mark again without a key (a blind retry): nothing to record.
    return { scoreId: score.id, revised: false, replayed: true, version: competition.leaderboardVersion };
  } else {
    if (!reason) throw domainError(UserErrorCode.INVALID_INPUT, 'Correcting a mark needs a reason', ['input', 'reason']);
    tx.create(ScoreRevision, { score, competition, judge, oldValue: Number(score.value), newValue: data.value, reason } as never);
    score.value = data.value;
    score.comment = comment;
    score.judge = judge;
    score.updatedAt = new Date();
    revised = true;
  }
  await tx.flush();
  await recomputeEntryResult(tx, competition, entry.id);
  // Late, so the competition row lock is held only for the end of the transaction.
  const version = await bumpLeaderboardVersion(tx, competition.id);
  const outcome: SubmitScoreOutcome = { scoreId: score.id, revised, replayed: false, version };
  if (key) recordOutcome(tx, viewer.id, 'submitScore', key, hash, outcome);
  await tx.flush();
  await emitLiveEvent(tx, { kind: 'leaderboard', competitionId: competition.id, version, entryId: entry.id });
  await emitLiveEvent(tx, { kind: 'score', competitionId: competition.id, scoreId: score.id, entryId: entry.id, revision: revised, version });
  return outcome;
}
