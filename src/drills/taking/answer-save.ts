import type { EntityManager } from '@mikro-orm/postgresql';
import { domainError, notFound, UserErrorCode } from '../../common/errors.js';
import { AttemptStatus } from '../enums.js';
import type { DrillTaker } from './drill-token.js';
import { m } from './messages.js';

export const MAX_ANSWER_PARTS = 10;
export const MAX_ANSWER_CHARS = 200;

export interface SaveOutcome {
  /** False when a save with this or a higher sequence number was stored already: nothing changed. */
  saved: boolean;
  /** The sequence number of the answer stored now. */
  seq: number;
}

/** The input rules of a save, checked before anything is stored or queued. */
export function checkSave(answer: string[], seq: number): void {
  if (!Number.isInteger(seq) || seq < 0) throw domainError(UserErrorCode.INVALID_INPUT, m('badSeq'), ['input', 'seq']);
  if (answer.length > MAX_ANSWER_PARTS || answer.some((a) => a.length > MAX_ANSWER_CHARS)) {
    throw domainError(UserErrorCode.INVALID_INPUT, m('answerTooLong', { max: MAX_ANSWER_PARTS, chars: MAX_ANSWER_CHARS }), ['input', 'answer']);
  }
}

/**
 * One save on its own (the batch, save-batch.ts, sends here every save it did not store). The hot path (about one save per taker every ten seconds): one statement that checks the attempt is
 * the token's, under way, before its deadline, held by this device and has the question on its paper,
 * and stores the answer unless a newer one (a higher seq) is there. Only when it stores nothing does a
 * second statement find out why. The database's clock decides the deadline, as the sweeper's does.
 * The attempt row is share-locked (`for key share`): a submission holds it `for update` while it marks
 * the answers, so a save arriving then waits, sees the attempt SUBMITTED and is refused, instead of
 * being acknowledged and stored after the marking that left it out (drill-race.test.ts).
 */
export async function saveAnswer(em: EntityManager, taker: DrillTaker, attemptId: string, questionId: string, answer: string[], seq: number): Promise<SaveOutcome> {
  checkSave(answer, seq);
  const onPaper = JSON.stringify([{ questionId }]);
  const rows = await em.execute<{ seq: number }[]>(
    `with a as (
       select "id" from "drill_attempt"
       where "id" = ? and "drill_id" = ? and "worker_id" = ? and "status" = ? and "deadline" > clock_timestamp()
         and "active_device" = ? and "paper" @> ?::jsonb
       for key share)
     insert into "drill_answer" ("id", "attempt_id", "question_id", "answer", "seq", "saved_at")
     select gen_random_uuid(), a."id", ?, ?::jsonb, ?, clock_timestamp() from a
     on conflict ("attempt_id", "question_id") do update
       set "answer" = excluded."answer", "seq" = excluded."seq", "saved_at" = excluded."saved_at"
       where "drill_answer"."seq" < excluded."seq"
     returning "seq"`,
    [attemptId, taker.drillId, taker.workerId, AttemptStatus.IN_PROGRESS, taker.deviceId, onPaper, questionId, JSON.stringify(answer), seq],
  );
  if (rows.length) return { saved: true, seq };
  const [why] = await em.execute<{ status: string; open: boolean; device: string | null; on_paper: boolean; seq: number | null }[]>(
    `select a."status", coalesce(a."deadline" > clock_timestamp(), false) as "open", a."active_device" as "device", a."paper" @> ?::jsonb as "on_paper",
            (select s."seq" from "drill_answer" s where s."attempt_id" = a."id" and s."question_id" = ?) as "seq"
     from "drill_attempt" a where a."id" = ? and a."drill_id" = ? and a."worker_id" = ?`,
    [onPaper, questionId, attemptId, taker.drillId, taker.workerId],
  );
  if (!why) throw notFound('DrillAttempt', ['input', 'attemptId']);
  if (why.status !== AttemptStatus.IN_PROGRESS || !why.open) throw domainError(UserErrorCode.INVALID_STATE, m('attemptOver'), ['input', 'attemptId']);
  if (why.device !== taker.deviceId) throw domainError(UserErrorCode.DEVICE_REPLACED, m('deviceReplaced'), ['input', 'attemptId']);
  if (!why.on_paper) throw domainError(UserErrorCode.INVALID_INPUT, m('notOnPaper'), ['input', 'questionId']);
  // A retried or reordered older save: the newer answer stays; the client is told which one is stored.
  return { saved: false, seq: why.seq ?? seq };
}
