import { auditDrill, type AnswerRow, type AttemptRow, type DrillRows } from './reliability/lib/drill-audit';
import type { TakerRecord } from './reliability/lib/drill-audit';
import { toGlobalId } from '../src/common/relay';
import { QuestionType } from '../src/drills/enums';

/**
 * The drill-restart audit (test/reliability/lib/drill-audit.ts; the main suite skips test/reliability/):
 * a clean run reports nothing, and each way of losing or doubling something is caught.
 */
const ATTEMPT = '00000000-0000-4000-8000-000000000001';
const Q1 = '00000000-0000-4000-8000-0000000000a1';
const Q2 = '00000000-0000-4000-8000-0000000000a2';
const A = toGlobalId('DrillAttempt', ATTEMPT);
const G1 = toGlobalId('Question', Q1);
const G2 = toGlobalId('Question', Q2);
const SUBMITTED_AT = new Date('2026-12-07T09:00:00.000Z');

function attempt(over: Partial<AttemptRow> = {}): AttemptRow {
  return {
    id: ATTEMPT, worker_id: 'w1', number: 1, status: 'SUBMITTED', submitted_by: 'TAKER', submitted_at: SUBMITTED_AT, score: '2.00', max_score: '3.00',
    breakdown: [{ topic: '安全', score: 2, maxScore: 3, correct: 1, questions: 2 }],
    paper: [{ questionId: Q1, optionOrder: ['A', 'B'], points: 2 }, { questionId: Q2, optionOrder: [], points: 1 }],
    ...over,
  };
}
const answers: AnswerRow[] = [{ attempt_id: ATTEMPT, question_id: Q1, answer: ['B'], seq: 3 }, { attempt_id: ATTEMPT, question_id: Q2, answer: ['FALSE'], seq: 2 }];
const rows = (over: Partial<DrillRows> = {}): DrillRows => ({
  attempts: [attempt()],
  answers,
  questions: [{ id: Q1, type: QuestionType.SINGLE_CHOICE, topic: '安全', answer_key: ['B'] }, { id: Q2, type: QuestionType.TRUE_FALSE, topic: '安全', answer_key: ['TRUE'] }],
  ...over,
});
const submitAck = { attemptId: A, status: 'SUBMITTED', submittedAt: SUBMITTED_AT.toISOString(), submittedBy: 'TAKER', score: 2, maxScore: 3 };
const record = (over: Partial<TakerRecord> = {}): TakerRecord => ({
  takers: 1,
  saveAcks: [
    { attemptId: A, questionId: G1, seq: 1, saved: true, storedSeq: 1 },
    { attemptId: A, questionId: G2, seq: 2, saved: true, storedSeq: 2 },
    { attemptId: A, questionId: G1, seq: 3, saved: true, storedSeq: 3 },
  ],
  submitAcks: [submitAck],
  sent: new Map([[`${A}|${G1}`, new Map([[1, ['A']], [3, ['B']]])], [`${A}|${G2}`, new Map([[2, ['FALSE']]])]]),
  abandoned: new Set(),
  ...over,
});

describe('auditDrill', () => {
  it('a clean run: nothing to report', () => {
    const a = auditDrill(rows(), record());
    expect([a.lost, a.madeUp, a.attempts, a.doubleSubmitted, a.scoreMismatches]).toEqual([[], [], [], [], []]);
    expect(a.submittedBy).toEqual({ TAKER: 1 });
  });

  it('an acknowledged save stored with an older seq, or with another value than was sent with its seq, is lost', () => {
    const older = auditDrill(rows({ answers: [{ ...answers[0]!, seq: 1, answer: ['A'] }, answers[1]!] }), record());
    expect(older.lost).toEqual([expect.stringContaining('seq 3: acknowledged (stored seq then 3), stored seq 1')]);
    const other = auditDrill(rows({ answers: [{ ...answers[0]!, answer: ['C'] }, answers[1]!] }), record());
    expect(other.lost).toEqual([expect.stringContaining('stored ["C"], sent ["B"]')]);
    const missing = auditDrill(rows({ answers: [answers[0]!] }), record());
    expect(missing.lost).toEqual([expect.stringContaining('seq 2: acknowledged, no answer stored')]);
  });

  it('a stored seq nobody sent is made up', () => {
    const a = auditDrill(rows({ answers: [{ ...answers[0]!, seq: 4 }, answers[1]!] }), record());
    expect(a.madeUp).toEqual([expect.stringContaining('seq 4')]);
  });

  it('a second attempt, an attempt left in progress, and the wrong submitter are reported', () => {
    const second = auditDrill(rows({ attempts: [attempt(), attempt({ id: '00000000-0000-4000-8000-000000000002', number: 2 })] }), record());
    expect(second.attempts).toContain('worker w1: 2 attempts');
    const open = auditDrill(rows({ attempts: [attempt({ status: 'IN_PROGRESS', submitted_by: null, submitted_at: null, score: null })] }), record({ submitAcks: [] }));
    expect(open.attempts).toEqual([`attempt ${ATTEMPT}: IN_PROGRESS at the end`]);
    const swept = auditDrill(rows(), record({ abandoned: new Set([A]), submitAcks: [] }));
    expect(swept.attempts).toEqual([`attempt ${ATTEMPT}: submitted by TAKER, expected DEADLINE`]);
  });

  it('a submission told twice differently, or unlike what is stored (submitted again later), is double', () => {
    const twice = auditDrill(rows(), record({ submitAcks: [submitAck, { ...submitAck, submittedAt: '2026-12-07T09:00:01.000Z' }] }));
    expect(twice.doubleSubmitted).toHaveLength(2);
    const later = auditDrill(rows({ attempts: [attempt({ submitted_at: new Date('2026-12-07T09:00:05.000Z') })] }), record());
    expect(later.doubleSubmitted).toEqual([expect.stringContaining('the database holds')]);
  });

  it('a stored score unlike the marking of the stored answers is a mismatch', () => {
    const a = auditDrill(rows({ attempts: [attempt({ score: '3.00' })] }), record({ submitAcks: [{ ...submitAck, score: 3 }] }));
    expect(a.scoreMismatches).toEqual([expect.stringContaining('marking the stored answers gives {"score":2')]);
  });
});
