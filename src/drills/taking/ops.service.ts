import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { domainError, forbidden, notFound, UserErrorCode } from '../../common/errors.js';
import type { Viewer } from '../../context.js';
import { runsDrill } from '../access.js';
import type { Question } from '../bank/question.entity.js';
import { AttemptStatus } from '../enums.js';
import { Drill } from '../setup/drill.entity.js';
import { DrillAttempt, type AttemptEvent } from './attempt.entity.js';
import { answersOf, keyedQuestions } from './marking.service.js';
import { attemptVoided } from './attempt-hooks.js';
import { markPaper } from './marking.js';
import { m } from './messages.js';

/**
 * An attempt's deadline is extended by at most this many minutes in total. Its deadline never lies past
 * the window's close, so an extended one ends at most this long after the close: enough for an outage at
 * an enterprise, short enough that results after the window are not held up for long.
 */
export const MAX_EXTENSION_MINUTES = 120;
export const MAX_REASON = 500;

function checkReason(reason: string): string {
  const r = reason.trim();
  if (!r || r.length > MAX_REASON) throw domainError(UserErrorCode.INVALID_INPUT, m('reasonRequired', { max: MAX_REASON }), ['input', 'reason']);
  return r;
}

/**
 * The database's clock now, to the millisecond (as attempts' starts are stored): the one saves, starts and
 * the sweeper decide deadlines by, so an organizer's action on an attempt agrees with them even when this
 * server's clock is off. Read after the attempt is locked, so it is the moment the decision holds.
 */
async function databaseNow(tx: EntityManager): Promise<Date> {
  const [row] = await tx.execute<{ now: Date }[]>(`select date_trunc('milliseconds', clock_timestamp()) as "now"`);
  return new Date(row!.now);
}

/** The attempt, locked, once the viewer is known to run its drill (its organizer or an ADMIN). */
async function runAttempt(tx: EntityManager, viewer: Viewer, attemptId: string): Promise<DrillAttempt> {
  const attempt = await tx.findOne(DrillAttempt, { id: attemptId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!attempt) throw notFound('DrillAttempt', ['input', 'attemptId']);
  const drill = await tx.findOneOrFail(Drill, { id: attempt.drill.id });
  if (!runsDrill(viewer, drill)) throw forbidden(m('notAttemptsOrganizer'));
  return attempt;
}

/**
 * extendDrillDeadline: sets the attempt's extension to `minutes` in total (not added to it), so a retried
 * request changes nothing; it may grow, never shrink. Only an attempt under way and not yet past its
 * deadline — by the database's clock, as the sweeper, which submits one the moment its deadline passes
 * and reads the column, so it honours the new deadline with no change of its own.
 */
export async function extendDeadline(em: EntityManager, viewer: Viewer, attemptId: string, minutes: number, reason: string): Promise<DrillAttempt> {
  return em.transactional(async (tx) => {
    const attempt = await runAttempt(tx, viewer, attemptId);
    const why = checkReason(reason);
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_EXTENSION_MINUTES) {
      throw domainError(UserErrorCode.INVALID_INPUT, m('extensionRange', { max: MAX_EXTENSION_MINUTES }), ['input', 'minutes']);
    }
    if (attempt.status !== AttemptStatus.IN_PROGRESS || !attempt.deadline) throw domainError(UserErrorCode.INVALID_STATE, m('extendNotInProgress'), ['input', 'attemptId']);
    const now = await databaseNow(tx);
    if (attempt.deadline <= now) throw domainError(UserErrorCode.INVALID_STATE, m('extendNotInProgress'), ['input', 'attemptId']);
    if (minutes < attempt.deadlineExtendedBy) throw domainError(UserErrorCode.INVALID_INPUT, m('extensionShorter', { current: attempt.deadlineExtendedBy }), ['input', 'minutes']);
    if (minutes === attempt.deadlineExtendedBy) return attempt;
    attempt.deadline = new Date(attempt.deadline.getTime() + (minutes - attempt.deadlineExtendedBy) * 60_000);
    attempt.deadlineExtendedBy = minutes;
    attempt.history = [...attempt.history, { kind: 'DEADLINE_EXTENDED', at: now.toISOString(), byUserId: viewer.id, reason: why, minutes }];
    await tx.flush();
    return attempt;
  });
}

/** voidDrillAttempt: an attempt started or submitted becomes VOIDED with the reason; again on a voided one returns it. */
export async function voidAttempt(em: EntityManager, viewer: Viewer, attemptId: string, reason: string): Promise<DrillAttempt> {
  return em.transactional(async (tx) => {
    const attempt = await runAttempt(tx, viewer, attemptId);
    const why = checkReason(reason);
    if (attempt.status === AttemptStatus.VOIDED) return attempt;
    if (attempt.status === AttemptStatus.DRAWN) throw domainError(UserErrorCode.INVALID_STATE, m('voidNotStarted'), ['input', 'attemptId']);
    attempt.status = AttemptStatus.VOIDED;
    attempt.voidReason = why;
    // On the database's clock like the extension's record, so one attempt's history is in one time order.
    attempt.history = [...attempt.history, { kind: 'VOIDED', at: (await databaseNow(tx)).toISOString(), byUserId: viewer.id, reason: why }];
    await tx.flush();
    await attemptVoided(tx, attempt, why);
    return attempt;
  });
}

/**
 * The re-marker registered with onQuestionCorrected (bank/corrections.ts): in the correcting transaction,
 * every SUBMITTED attempt whose paper holds the question is marked again with the corrected key, and the
 * re-marking is recorded on it (old and new score, the question's revision) even when the score stays.
 * Voided attempts are left alone; attempts under way are marked with the new key when submitted.
 */
export async function remarkAttempts(tx: EntityManager, question: Question, _previousRevision: number): Promise<void> {
  const rows = await tx.execute<{ id: string }[]>(
    `select "id" from "drill_attempt" where "status" = ? and "paper" @> ?::jsonb for update`,
    [AttemptStatus.SUBMITTED, JSON.stringify([{ questionId: question.id }])],
  );
  if (!rows.length) return;
  const attempts = await tx.find(DrillAttempt, { id: { $in: rows.map((r) => r.id) } });
  const byAttempt = await answersOf(tx, attempts.map((a) => a.id));
  const questions = await keyedQuestions(tx, attempts.flatMap((a) => a.paper.map((i) => i.questionId)));
  // The corrected question as the correction left it (it may not be flushed yet).
  questions.set(question.id, { type: question.type, topic: question.topic, answerKey: question.answerKey });
  const at = (await databaseNow(tx)).toISOString();
  for (const attempt of attempts) {
    const marks = markPaper(attempt.paper, byAttempt.get(attempt.id) ?? new Map(), questions);
    const event: AttemptEvent = {
      kind: 'REMARKED', at, byUserId: null, reason: null, questionId: question.id, revision: question.revision, oldScore: Number(attempt.score), newScore: marks.score,
    };
    attempt.score = marks.score;
    attempt.breakdown = marks.breakdown;
    attempt.history = [...attempt.history, event];
  }
  await tx.flush();
}
