import type { EntityManager } from '@mikro-orm/postgresql';
import { AttemptStatus, AttemptSubmission } from '../enums.js';
import { Question } from '../bank/question.entity.js';
import type { DrillAttempt, PaperItem } from './attempt.entity.js';
import { markPaper, type KeyedQuestion } from './marking.js';
import { announceSubmissions } from '../results/live.js';
import { selectByKeys } from '../../common/loaders.js';

/** The answer keys of these questions (never leaves the server from here). */
export async function keyedQuestions(em: EntityManager, ids: Iterable<string>): Promise<Map<string, KeyedQuestion>> {
  const list = [...new Set(ids)];
  if (!list.length) return new Map();
  const rows = await em.find(Question, { id: { $in: list } }, { fields: ['type', 'topic', 'answerKey'] });
  return new Map(rows.map((q) => [q.id, { type: q.type, topic: q.topic, answerKey: q.answerKey }]));
}

/** The stored answers of these attempts, by attempt then question: plain rows, read only to mark. */
export async function answersOf(em: EntityManager, attemptIds: string[]): Promise<Map<string, Map<string, string[]>>> {
  const byAttempt = new Map<string, Map<string, string[]>>();
  if (!attemptIds.length) return byAttempt;
  const rows = (await selectByKeys(em, `select "attempt_id", "question_id", "answer" from "drill_answer" where "attempt_id" = any(?::uuid[])`, attemptIds)) as {
    attempt_id: string; question_id: string; answer: string[];
  }[];
  for (const r of rows) byAttempt.set(r.attempt_id, (byAttempt.get(r.attempt_id) ?? new Map<string, string[]>()).set(r.question_id, r.answer));
  return byAttempt;
}

/** What a submission writes on an attempt. A submission at the deadline is dated at the deadline: the time used is the full time. */
function submission(attempt: { paper: PaperItem[]; deadline: Date | null }, answers: ReadonlyMap<string, string[]> | undefined, questions: ReadonlyMap<string, KeyedQuestion>, by: AttemptSubmission, now: Date) {
  const marks = markPaper(attempt.paper, answers ?? new Map(), questions);
  return {
    status: AttemptStatus.SUBMITTED, submittedBy: by, submittedAt: by === AttemptSubmission.DEADLINE && attempt.deadline ? attempt.deadline : now,
    score: marks.score, maxScore: marks.maxScore, breakdown: marks.breakdown,
  };
}

/**
 * Submits and marks attempts under way, in the caller's transaction (rows locked by the caller): two
 * statements for any number of attempts (their answers, their questions' keys) before the flush.
 */
export async function submitAndMark(tx: EntityManager, attempts: DrillAttempt[], by: AttemptSubmission, now = new Date()): Promise<void> {
  if (!attempts.length) return;
  const answers = await answersOf(tx, attempts.map((a) => a.id));
  const questions = await keyedQuestions(tx, attempts.flatMap((a) => a.paper.map((i) => i.questionId)));
  for (const attempt of attempts) Object.assign(attempt, submission(attempt, answers.get(attempt.id), questions, by, now));
  await tx.flush();
  // The organizer's live results (drillResultsUpdated) hear of it once this commits.
  await announceSubmissions(tx, attempts);
}

/**
 * The sweeper's batch: claims up to `limit` attempts under way whose deadline passed (`skip locked`, so
 * instances share the work), marks them and submits them at their deadlines, in four statements and no
 * entities — for hundreds of attempts a transaction, MikroORM's hydration and change sets of the attempts
 * and their answers were ~60 % of a sweep's CPU. Writes what submitAndMark's flush would, the version too.
 */
export async function submitDueAtDeadline(tx: EntityManager, limit: number): Promise<number> {
  const due = await tx.execute<{ id: string; drill_id: string; paper: PaperItem[]; deadline: Date }[]>(
    `select "id", "drill_id", "paper", "deadline" from "drill_attempt" where "status" = ? and "deadline" <= clock_timestamp()
     order by "deadline" limit ${Number(limit)} for update skip locked`,
    [AttemptStatus.IN_PROGRESS],
  );
  if (!due.length) return 0;
  const answers = await answersOf(tx, due.map((a) => a.id));
  const questions = await keyedQuestions(tx, due.flatMap((a) => a.paper.map((i) => i.questionId)));
  // Only the marks vary by row: every one is a deadline submission, dated at its deadline (as submission() would date it).
  const done = due.map((a) => ({ id: a.id, ...markPaper(a.paper, answers.get(a.id) ?? new Map(), questions) }));
  await tx.execute(
    `update "drill_attempt" a set "status" = ?, "submitted_by" = ?, "submitted_at" = a."deadline", "score" = v."score",
       "max_score" = v."max_score", "breakdown" = v."breakdown", "version" = a."version" + 1
     from unnest(array[?]::uuid[], array[?]::numeric[], array[?]::numeric[], array[?]::jsonb[]) as v("id", "score", "max_score", "breakdown")
     where a."id" = v."id"`,
    [AttemptStatus.SUBMITTED, AttemptSubmission.DEADLINE, done.map((d) => d.id), done.map((d) => d.score), done.map((d) => d.maxScore), done.map((d) => JSON.stringify(d.breakdown))],
  );
  await announceSubmissions(tx, due.map((a) => ({ drill: { id: a.drill_id } })));
  return due.length;
}
