import { LockMode } from '@mikro-orm/core';
import { Role } from '../../src/auth/role';
import { idOf } from '../../src/common/relay';
import { AttemptSubmission } from '../../src/drills/enums';
import { DrillAttempt } from '../../src/drills/taking/attempt.entity';
import { keyedQuestions, submitAndMark } from '../../src/drills/taking/marking.service';
import { markPaper } from '../../src/drills/taking/marking';
import { ok, startTestServer, type TestServer } from '../helpers/server';
import { createEnterprise, createWorker } from '../helpers/registry';
import { createDrill, ENTER, ISSUE, SAVE, seedBank, START, TRADE } from './taking-fixture';

/*
 * A save racing a submission (found by reading while building test/reliability/drill-restart.test.ts).
 * A submission (the taker's or the sweeper's) locks the attempt row `for update`, reads the answers and
 * marks them. A save arriving meanwhile used to go through: acknowledged (saved: true) and stored after
 * the marking that left it out, so the score no longer matched the stored answers. It must wait and be
 * refused as the attempt is over. Here the submission is the product's own submitAndMark, held open
 * until the save is seen waiting on the lock (or has answered).
 */
let t: TestServer;
let token: string[];
let drill: { id: string; uuid: string };

beforeAll(async () => {
  t = await startTestServer();
  const admin = (await t.user([Role.ADMIN])).token;
  const organizer = await t.user([Role.ORGANIZER]);
  const ent = await createEnterprise(t, admin);
  for (const n of ['RACE1', 'RACE2']) await createWorker(t, admin, ent.id, { employeeNumber: n, trade: TRADE });
  await seedBank(t, organizer.id);
  drill = await createDrill(t, { organizerUserId: organizer.id });
  const issued = ok(await t.gql(ISSUE, { input: { drillId: drill.id, enterpriseId: ent.id } }, organizer.token)).issueDrillPasses;
  token = await Promise.all(issued.passes.map(async (p: { code: string; worker: { employeeNumber: string } }) =>
    ok(await t.gql(ENTER, { input: { drillId: drill.id, pass: p.code, employeeNumber: p.worker.employeeNumber } })).enterDrill.token as string));
}, 60_000);
afterAll(async () => t.close());

const save = (tk: string, attemptId: string, questionId: string, answer: string[], seq: number) =>
  t.gql(SAVE, { input: { attemptId, questionId, answer, seq } }, tk);

/** Submits the attempt with the product's marking while `during` runs with the row locked, as submitAttempt holds it. */
async function submitting(attemptUuid: string, during: () => Promise<void>): Promise<void> {
  await t.orm.em.fork().transactional(async (tx) => {
    const attempt = await tx.findOneOrFail(DrillAttempt, { id: attemptUuid }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    await during();
    await submitAndMark(tx, [attempt], AttemptSubmission.TAKER);
  });
}

/** Until a backend waits on a lock in a drill_answer statement, or the request answered (bounded, not timed). */
async function untilWaitingOrDone(done: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !done(); i++) {
    const [row] = await t.orm.em.getConnection().execute<{ n: number }[]>(
      `select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and query ilike '%insert into "drill_answer"%'`,
    );
    if (row!.n > 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

it.each([
  ['changes an answer already saved', 0, true],
  ['answers a question for the first time', 1, false],
] as const)('a save arriving while the attempt is being submitted (%s) is refused, and the score matches the stored answers', async (_label, taker, answeredBefore) => {
  const tk = token[taker]!;
  const attempt = ok(await t.gql(START, { input: { drillId: drill.id } }, tk)).startAttempt.attempt;
  const uuid = idOf(attempt.id, 'DrillAttempt')!;
  const questionId: string = attempt.questions[0].questionId;
  if (answeredBefore) expect(ok(await save(tk, attempt.id, questionId, ['A'], 1)).saveAnswer.saved).toBe(true);

  let racing!: ReturnType<typeof save>;
  let answered = false;
  await submitting(uuid, async () => {
    racing = save(tk, attempt.id, questionId, ['B'], 2);
    void racing.then(() => (answered = true));
    await untilWaitingOrDone(() => answered);
  });
  const res = ok(await racing).saveAnswer;
  expect(res).toMatchObject({ saved: null, userErrors: [{ code: 'INVALID_STATE', field: ['input', 'attemptId'] }] });

  const em = t.orm.em.fork();
  const stored = await em.getConnection().execute<{ question_id: string; answer: string[] }[]>(`select question_id, answer from drill_answer where attempt_id = ?`, [uuid]);
  expect(stored.map((s) => s.answer)).toEqual(answeredBefore ? [['A']] : []);
  const row = await em.findOneOrFail(DrillAttempt, { id: uuid });
  const marks = markPaper(row.paper, new Map(stored.map((s) => [s.question_id, s.answer])), await keyedQuestions(em, row.paper.map((i) => i.questionId)));
  expect(Number(row.score)).toBe(marks.score);
});
