import { isDeepStrictEqual } from 'node:util';
import pg from 'pg';
import { idOf, toGlobalId } from '../../../src/common/relay';
import { markPaper, type KeyedQuestion } from '../../../src/drills/taking/marking';
import type { PaperItem, TopicMarks } from '../../../src/drills/taking/attempt.entity';
import type { QuestionType } from '../../../src/drills/enums';
import type { SaveAck, SubmitAck } from './takers';

export interface AttemptRow { id: string; worker_id: string; number: number; status: string; submitted_by: string | null; submitted_at: Date | null; score: string | null; max_score: string; breakdown: TopicMarks[] | null; paper: PaperItem[] }
export interface AnswerRow { attempt_id: string; question_id: string; answer: string[]; seq: number }
export interface QuestionRow { id: string; type: QuestionType; topic: string; answer_key: string[] }
export interface DrillRows { attempts: AttemptRow[]; answers: AnswerRow[]; questions: QuestionRow[] }

/** What the takers were told and did, as the audit needs it (lib/takers.ts TakerFigures). */
export interface TakerRecord {
  takers: number;
  saveAcks: SaveAck[];
  submitAcks: SubmitAck[];
  sent: Map<string, Map<number, string[]>>;
  abandoned: Set<string>;
}

export interface DrillAudit {
  acknowledgedSaves: number;
  storedAnswers: number;
  /** Acknowledged saves not in the database: no row, a lower seq, or another value than the one sent with the stored seq. */
  lost: string[];
  /** Stored answers no taker sent (a seq or value that was never sent). */
  madeUp: string[];
  /** Workers with other than one attempt (a retried start that opened another), or attempts not SUBMITTED at the end. */
  attempts: string[];
  /** Submissions told to the taker that the database does not hold as told, or told differently twice. */
  doubleSubmitted: string[];
  /** Stored score, maximum or breakdown unlike the marking of the stored answers (marking.ts markPaper). */
  scoreMismatches: string[];
  submittedBy: Record<string, number>;
}

/** The drill's attempts, their answers and the questions of their papers, read straight from the database. */
export async function readDrill(databaseUrl: string, drillUuid: string): Promise<DrillRows> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const attempts = (await db.query(`select id, worker_id, number, status, submitted_by, submitted_at, score::text as score, max_score::text as max_score, breakdown, paper from drill_attempt where drill_id = $1`, [drillUuid])).rows;
    const answers = (await db.query(`select a.attempt_id, a.question_id, a.answer, a.seq from drill_answer a join drill_attempt t on t.id = a.attempt_id where t.drill_id = $1`, [drillUuid])).rows;
    const questions = (await db.query(`select q.id, q.type, q.topic, q.answer_key from drill_question q where q.id in (select (p->>'questionId')::uuid from drill_attempt t, jsonb_array_elements(t.paper) p where t.drill_id = $1)`, [drillUuid])).rows;
    return { attempts, answers, questions };
  } finally {
    await db.end();
  }
}

/** The audit itself, pure (test/reliability-drill-audit.unit.test.ts shows it catches what it claims to). */
export function auditDrill(rows: DrillRows, record: TakerRecord): DrillAudit {
  const audit: DrillAudit = { acknowledgedSaves: record.saveAcks.length, storedAnswers: rows.answers.length, lost: [], madeUp: [], attempts: [], doubleSubmitted: [], scoreMismatches: [], submittedBy: {} };
  const stored = new Map(rows.answers.map((a) => [`${a.attempt_id}|${a.question_id}`, a]));
  const sentOf = (attemptUuid: string, questionUuid: string) => record.sent.get(`${toGlobalId('DrillAttempt', attemptUuid)}|${toGlobalId('Question', questionUuid)}`);

  for (const ack of record.saveAcks) {
    const at = `${ack.attemptId} ${ack.questionId} seq ${ack.seq}`;
    const row = stored.get(`${idOf(ack.attemptId, 'DrillAttempt')}|${idOf(ack.questionId, 'Question')}`);
    if (!row) audit.lost.push(`${at}: acknowledged, no answer stored`);
    else if (row.seq < Math.max(ack.seq, ack.storedSeq)) audit.lost.push(`${at}: acknowledged (stored seq then ${ack.storedSeq}), stored seq ${row.seq}`);
  }
  for (const row of rows.answers) {
    const sent = sentOf(row.attempt_id, row.question_id)?.get(row.seq);
    const at = `${row.attempt_id} ${row.question_id} seq ${row.seq}`;
    if (!sent) audit.madeUp.push(`${at}: stored ${JSON.stringify(row.answer)}, never sent with this seq`);
    else if (!isDeepStrictEqual(sent, row.answer)) audit.lost.push(`${at}: stored ${JSON.stringify(row.answer)}, sent ${JSON.stringify(sent)}`);
  }

  const perWorker = new Map<string, AttemptRow[]>();
  for (const a of rows.attempts) perWorker.set(a.worker_id, [...(perWorker.get(a.worker_id) ?? []), a]);
  if (perWorker.size !== record.takers) audit.attempts.push(`${perWorker.size} workers with attempts, ${record.takers} takers`);
  for (const [worker, list] of perWorker) if (list.length !== 1) audit.attempts.push(`worker ${worker}: ${list.length} attempts`);

  const keyed = new Map<string, KeyedQuestion>(rows.questions.map((q) => [q.id, { type: q.type, topic: q.topic, answerKey: q.answer_key }]));
  const answersOf = new Map<string, Map<string, string[]>>();
  for (const a of rows.answers) answersOf.set(a.attempt_id, (answersOf.get(a.attempt_id) ?? new Map()).set(a.question_id, a.answer));
  const attemptById = new Map(rows.attempts.map((a) => [a.id, a]));
  for (const a of rows.attempts) {
    audit.submittedBy[a.submitted_by ?? a.status] = (audit.submittedBy[a.submitted_by ?? a.status] ?? 0) + 1;
    if (a.status !== 'SUBMITTED') {
      audit.attempts.push(`attempt ${a.id}: ${a.status} at the end`);
      continue;
    }
    const want = record.abandoned.has(toGlobalId('DrillAttempt', a.id)) ? 'DEADLINE' : 'TAKER';
    if (a.submitted_by !== want) audit.attempts.push(`attempt ${a.id}: submitted by ${a.submitted_by}, expected ${want}`);
    const marks = markPaper(a.paper, answersOf.get(a.id) ?? new Map(), keyed);
    const got = { score: Number(a.score), maxScore: Number(a.max_score), breakdown: a.breakdown };
    const expected = { score: marks.score, maxScore: marks.maxScore, breakdown: marks.breakdown };
    if (!isDeepStrictEqual(got, expected)) audit.scoreMismatches.push(`attempt ${a.id}: stored ${JSON.stringify(got)}, marking the stored answers gives ${JSON.stringify(expected)}`);
  }

  const told = new Map<string, SubmitAck>();
  for (const ack of record.submitAcks) {
    const first = told.get(ack.attemptId);
    if (first && !isDeepStrictEqual(first, ack)) audit.doubleSubmitted.push(`${ack.attemptId}: told ${JSON.stringify(first)}, then ${JSON.stringify(ack)}`);
    told.set(ack.attemptId, first ?? ack);
    const row = attemptById.get(idOf(ack.attemptId, 'DrillAttempt') ?? '');
    const held = row && { status: row.status, submittedAt: row.submitted_at?.toISOString(), submittedBy: row.submitted_by, score: row.score === null ? null : Number(row.score), maxScore: Number(row.max_score) };
    const shown = { status: ack.status, submittedAt: ack.submittedAt, submittedBy: ack.submittedBy, score: ack.score, maxScore: ack.maxScore };
    if (!isDeepStrictEqual(held, shown)) audit.doubleSubmitted.push(`${ack.attemptId}: told ${JSON.stringify(shown)}, the database holds ${JSON.stringify(held)}`);
  }
  return audit;
}
