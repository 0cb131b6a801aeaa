import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { domainError, forbidden, notFound, UserErrorCode } from '../common/errors.js';
import { checkIdempotencyKey, priorOutcome, requestHash } from '../common/idempotency.js';
import { InputCheck } from '../common/validate.js';
import type { Viewer } from '../context.js';
import { randomUUID } from 'node:crypto';
import { LIVE_CHANNEL, type LiveEvent } from '../live/events.js';
import { computeEntryResult, type JudgesPerStage, type Mark } from '../scoring/index.js';
import { User } from '../auth/user.entity.js';
import { Competition } from './competition.entity.js';
import { Criterion } from './criterion.entity.js';
import { Entry } from './entry.entity.js';
import { EntryMember } from './entry-member.entity.js';
import { EntryResult } from './entry-result.entity.js';
import { CompetitionStatus, CriterionKind, EntryStatus } from './enums.js';
import { judgesPerStageOf, markingPlan, type MarkingPlan } from './scheme.js';
import { JudgeAssignment } from './judge-assignment.entity.js';
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

/** Recomputes one entry's stored result from that entry's marks only (read as plain rows: no entities to track). */
export async function recomputeEntryResult(em: EntityManager, plan: MarkingPlan, judgesPerStage: JudgesPerStage, competitionId: string, entryId: string): Promise<void> {
  const rows = await em.execute<{ criterion_id: string; slot: string; value: string }[]>(
    'select criterion_id, slot, value from score where entry_id = ?',
    [entryId],
  );
  const marks: Mark[] = rows.map((r) => ({ entryId, criterionId: r.criterion_id, judgeId: r.slot, value: Number(r.value) }));
  const result = computeEntryResult(plan.scheme, marks, judgesPerStage);
  await em.upsert(EntryResult, {
    entryId,
    competitionId,
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
  const competition = await tx.findOneOrFail(Competition, { id: entry.competition.id });
  const plan = await markingPlan(tx, competition);
  const criterion = plan.criteria.get(data.criterionId);
  if (!criterion) throw notFound('Criterion', ['input', 'criterionId']);
  if (competition.status !== CompetitionStatus.IN_PROGRESS) {
    throw domainError(UserErrorCode.INVALID_STATE, `Marks are accepted only while the competition is IN_PROGRESS (it is ${competition.status})`);
  }
  // The whole panel in one read: the viewer's assignment, and the judges each stage expects marks from.
  const panel = await tx.find(JudgeAssignment, { competition: competition.id, removedAt: null });
  const assignment = panel.find((a) => a.user.id === viewer.id);
  if (!assignment || !assignment.stageIds.includes(criterion.stageId)) {
    throw forbidden('You are not a judge of this criterion’s stage');
  }
  if (entry.status !== EntryStatus.ACTIVE) {
    throw domainError(UserErrorCode.INVALID_STATE, `The entry is ${entry.status} and takes no marks`, ['input', 'entryId']);
  }
  if (assignment.enterpriseId && (await tx.count(EntryMember, { entry, enterpriseId: assignment.enterpriseId }))) {
    throw domainError(UserErrorCode.CONFLICT_OF_INTEREST, 'You may not mark an entry with a worker of your own enterprise', ['input', 'entryId']);
  }
  const check = new InputCheck();
  checkValue(check, data.value, criterion.maxScore);
  const comment = data.comment != null ? check.text('comment', data.comment, { max: 2000, optional: true }) || null : null;
  const reason = data.reason != null ? check.text('reason', data.reason, { max: 1000, optional: true }) || null : null;
  check.throwIfAny();

  const slot = criterion.kind === CriterionKind.MEASUREMENT ? 'M' : viewer.id;
  const judge = tx.getReference(User, viewer.id, { wrapped: true });
  let score = await tx.findOne(Score, { entry, criterion: criterion.id, slot });
  let revised = false;
  if (!score) {
    score = tx.create(Score, { competition, entry, criterion: tx.getReference(Criterion, criterion.id), judge, slot, value: data.value, comment } as never);
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
  await recomputeEntryResult(tx, plan, judgesPerStageOf(plan.scheme, panel), competition.id, entry.id);
  const version = await publishMark(tx, {
    competitionId: competition.id,
    event: { kind: 'score', competitionId: competition.id, scoreId: score.id, entryId: entry.id, revision: revised },
    idempotency: key ? { userId: viewer.id, key, hash, outcome: { scoreId: score.id, revised, replayed: false } } : null,
  });
  return { scoreId: score.id, revised, replayed: false, version };
}

/**
 * The end of a mark's transaction in one statement: raise the leaderboard version, store the
 * idempotency outcome with it and NOTIFY every instance. One round trip, last, because the version
 * bump locks the competition row until commit and every judge's mark waits for that lock.
 */
async function publishMark(
  tx: EntityManager,
  m: { competitionId: string; event: Omit<Extract<LiveEvent, { kind: 'score' }>, 'version'>; idempotency: { userId: string; key: string; hash: string; outcome: object } | null },
): Promise<number> {
  const i = m.idempotency;
  const rows = await tx.execute<{ version: number }[]>(
    `with v as (
       update competition set leaderboard_version = leaderboard_version + 1 where id = ? returning leaderboard_version as version
     ), recorded as (
       insert into idempotency_record (id, user_id, operation, key, request_hash, outcome, created_at)
       select ?, ?, 'submitScore', ?, ?, ?::jsonb || jsonb_build_object('version', v.version), now() from v where ?::boolean
     )
     select v.version, pg_notify(?, (?::jsonb || jsonb_build_object('version', v.version))::text) from v`,
    [
      m.competitionId,
      randomUUID(), i?.userId ?? null, i?.key ?? null, i?.hash ?? null, JSON.stringify(i?.outcome ?? {}), i !== null,
      LIVE_CHANNEL, JSON.stringify(m.event),
    ],
  );
  return rows[0]!.version;
}
