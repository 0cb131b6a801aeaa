import { Role } from '../../src/auth/role';
import { ok, startTestServer, type TestServer } from '../helpers/server';
import { createEnterprise, createWorker } from '../helpers/registry';
import { idOf } from '../../src/common/relay';
import { createDrill, ENTER, ISSUE, MINE, rightAnswer, SAVE, seedBank, START, TRADE } from './taking-fixture';

/* The deadline sweeper: attempts under way are submitted and marked at their deadline, once, by whichever instance. */
let t: TestServer;
let second: TestServer | undefined;
let admin: string;
let organizer: { id: string; token: string };
let ent: { id: string };
beforeAll(async () => {
  t = await startTestServer();
  admin = (await t.user([Role.ADMIN])).token;
  organizer = await t.user([Role.ORGANIZER]);
  ent = await createEnterprise(t, admin);
  await seedBank(t, organizer.id);
}, 60_000);
afterAll(async () => {
  await second?.close();
  await t.close();
});

/** `n` takers of a fresh drill, each with a started attempt; returns their tokens and attempts. */
async function takers(n: number) {
  const numbers: string[] = [];
  for (let i = 0; i < n; i++) {
    const employeeNumber = `SW${Date.now() % 1e7}-${i}`;
    await createWorker(t, admin, ent.id, { employeeNumber, trade: TRADE });
    numbers.push(employeeNumber);
  }
  const drill = await createDrill(t, { organizerUserId: organizer.id, eligibleEnterpriseIds: [ent.id] });
  const issued = ok(await t.gql(ISSUE, { input: { drillId: drill.id, enterpriseId: ent.id } }, admin)).issueDrillPasses;
  const out: { token: string; attempt: any }[] = [];
  for (const p of issued.passes.filter((p: any) => numbers.includes(p.worker.employeeNumber))) {
    const { token } = ok(await t.gql(ENTER, { input: { drillId: drill.id, pass: p.code, employeeNumber: p.worker.employeeNumber } })).enterDrill;
    const { attempt } = ok(await t.gql(START, { input: { drillId: drill.id } }, token)).startAttempt;
    out.push({ token, attempt });
  }
  return { drill, out };
}

/** Moves deadlines into the past, as the clock would. */
async function overdue(attemptIds: string[]): Promise<void> {
  await t.orm.em.fork().getConnection().execute(
    `update "drill_attempt" set "deadline" = now() - interval '1 second' where "id" in (?)`,
    [attemptIds.map((id) => idOf(id, 'DrillAttempt'))],
  );
}

it('submits an overdue attempt within seconds, marked with what was saved before the deadline', async () => {
  const { out: [taker] } = await takers(1);
  const { token, attempt } = taker!;
  const q = attempt.questions[0];
  expect(ok(await t.gql(SAVE, { input: { attemptId: attempt.id, questionId: q.questionId, answer: rightAnswer(q), seq: 1 } }, token)).saveAnswer.saved).toBe(true);
  await overdue([attempt.id]);
  // Past the deadline a save is refused even before the sweeper came by.
  const late = ok(await t.gql(SAVE, { input: { attemptId: attempt.id, questionId: q.questionId, answer: ['FALSE'], seq: 2 } }, token)).saveAnswer;
  expect(late.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
  const began = Date.now();
  let mine: any;
  while (Date.now() - began < 5000) {
    mine = ok(await t.gql(MINE, {}, token)).myDrillAttempts[0];
    if (mine.status === 'SUBMITTED') break;
    await new Promise((r) => setTimeout(r, 200));
  }
  expect(mine).toMatchObject({ status: 'SUBMITTED', submittedBy: 'DEADLINE', score: q.points, resultReleased: true });
  expect(new Date(mine.submittedAt).getTime()).toBe(new Date(mine.deadline).getTime());
  // The marks per topic and per question, as a taker's own submission writes them.
  const topics = mine.breakdown.reduce((sum: number, b: any) => sum + b.questions, 0);
  expect(topics).toBe(mine.questions.length);
  expect(mine.breakdown.reduce((sum: number, b: any) => sum + b.score, 0)).toBe(q.points);
  expect(mine.breakdown.find((b: any) => b.correct === 1)).toMatchObject({ score: q.points });
  expect(mine.questions.map((x: any) => x.review.correct)).toEqual(mine.questions.map((x: any) => x.questionId === q.questionId));
});

it('shares the work between two instances and submits each attempt once', async () => {
  const { out } = await takers(30);
  // Stop the timers so only the two sweeps below run.
  second = await startTestServer({ shareWith: t });
  await t.server.app.drillSweeper!.stop();
  await second.server.app.drillSweeper!.stop();
  await overdue(out.map((o) => o.attempt.id));
  const [a, b] = await Promise.all([t.server.app.drillSweeper!.sweep(), second.server.app.drillSweeper!.sweep()]);
  expect(a + b).toBe(30);
  const [row] = await t.orm.em.fork().getConnection().execute<{ n: number; v: number }[]>(
    `select count(*)::int as n, max("version")::int as v from "drill_attempt" where "status" = 'SUBMITTED' and "submitted_by" = 'DEADLINE'`,
  );
  expect(row!.n).toBeGreaterThanOrEqual(30);
  // Each attempt was written once by the sweep: inserted when started (version 1), submitted (2); a second submission would show 3.
  expect(row!.v).toBe(2);
  expect(await t.server.app.drillSweeper!.sweep()).toBe(0);
});
