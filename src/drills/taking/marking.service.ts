import type { EntityManager } from '@mikro-orm/postgresql';
import { AttemptStatus, AttemptSubmission } from '../enums.js';
import { Question } from '../bank/question.entity.js';
import { DrillAnswer } from './answer.entity.js';
import type { DrillAttempt } from './attempt.entity.js';
import { markPaper, type KeyedQuestion } from './marking.js';
import { announceSubmissions } from '../results/live.js';

/** The answer keys of these questions (never leaves the server from here). */
export async function keyedQuestions(em: EntityManager, ids: Iterable<string>): Promise<Map<string, KeyedQuestion>> {
  const list = [...new Set(ids)];
  if (!list.length) return new Map();
  const rows = await em.find(Question, { id: { $in: list } }, { fields: ['type', 'topic', 'answerKey'] });
  return new Map(rows.map((q) => [q.id, { type: q.type, topic: q.topic, answerKey: q.answerKey }]));
}

/**
 * Submits and marks attempts under way, in the caller's transaction (rows locked by the caller): two
 * statements for any number of attempts (their answers, their questions' keys) before the flush.
 * A submission at the deadline is dated at the deadline: the time used is the full time.
 */
export async function submitAndMark(tx: EntityManager, attempts: DrillAttempt[], by: AttemptSubmission, now = new Date()): Promise<void> {
  if (!attempts.length) return;
  const answers = await tx.find(DrillAnswer, { attempt: { $in: attempts.map((a) => a.id) } }, { fields: ['attempt', 'questionId', 'answer'] });
  const byAttempt = new Map<string, Map<string, string[]>>();
  for (const a of answers) {
    const map = byAttempt.get(a.attempt.id) ?? new Map<string, string[]>();
    byAttempt.set(a.attempt.id, map.set(a.questionId, a.answer));
  }
  const questions = await keyedQuestions(tx, attempts.flatMap((a) => a.paper.map((i) => i.questionId)));
  for (const attempt of attempts) {
    const marks = markPaper(attempt.paper, byAttempt.get(attempt.id) ?? new Map(), questions);
    attempt.status = AttemptStatus.SUBMITTED;
    attempt.submittedBy = by;
    attempt.submittedAt = by === AttemptSubmission.DEADLINE && attempt.deadline ? attempt.deadline : now;
    attempt.score = marks.score;
    attempt.maxScore = marks.maxScore;
    attempt.breakdown = marks.breakdown;
  }
  await tx.flush();
  // The organizer's live results (drillResultsUpdated) hear of it once this commits.
  await announceSubmissions(tx, attempts);
}
