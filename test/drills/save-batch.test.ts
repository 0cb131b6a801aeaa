import { randomUUID } from 'node:crypto';
import { Role } from '../../src/auth/role';
import { DomainError } from '../../src/common/errors';
import { idOf, toGlobalId } from '../../src/common/relay';
import type { DrillTaker } from '../../src/drills/taking/drill-token';
import { ok, startTestServer, type TestServer } from '../helpers/server';
import { createEnterprise, createWorker } from '../helpers/registry';
import { mutate } from '../helpers/competition';
import { createDrill, ENTER, ISSUE, MINE, SAVE, seedBank, START, TRADE } from './taking-fixture';

/*
 * Answers saved in batches (src/drills/taking/save-batch.ts): many takers' saves in one statement and
 * commit, each acknowledged as the one-by-one path would acknowledge it, and stored exactly.
 */

let t: TestServer;
interface Taker { token: string; taker: DrillTaker; attemptId: string; attemptUuid: string; questions: string[]; questionUuids: string[] }
const takers: Taker[] = [];

beforeAll(async () => {
  t = await startTestServer();
  const admin = (await t.user([Role.ADMIN])).token;
  const organizer = await t.user([Role.ORGANIZER]);
  const ent = await createEnterprise(t, admin);
  const contact = await t.user([Role.NOMINATOR]);
  await mutate(t, admin, 'setUserEnterprise', 'SetUserEnterpriseInput', { userId: contact.globalId, enterpriseId: ent.id }, 'user { id }');
  const workers: { id: string; employeeNumber: string }[] = [];
  for (let i = 0; i < 4; i++) workers.push({ ...(await createWorker(t, admin, ent.id, { employeeNumber: `SB${i}`, trade: TRADE })), employeeNumber: `SB${i}` });
  await seedBank(t, organizer.id);
  const drill = await createDrill(t, { organizerUserId: organizer.id });
  const issued = ok(await t.gql(ISSUE, { input: { drillId: drill.id, enterpriseId: ent.id } }, contact.token)).issueDrillPasses;
  const codes = new Map<string, string>(issued.passes.map((p: any) => [p.worker.id, p.code]));
  for (const w of workers) {
    const { token } = ok(await t.gql(ENTER, { input: { drillId: drill.id, pass: codes.get(w.id), employeeNumber: w.employeeNumber, deviceId: `phone-${w.employeeNumber}` } })).enterDrill;
    const { attempt } = ok(await t.gql(START, { input: { drillId: drill.id } }, token)).startAttempt;
    const questions: string[] = attempt.questions.map((q: any) => q.questionId);
    takers.push({
      token, taker: (await t.server.app.drillTokens.verify(token))!, attemptId: attempt.id, attemptUuid: idOf(attempt.id, 'DrillAttempt')!,
      questions, questionUuids: questions.map((q) => idOf(q, 'Question')!),
    });
  }
}, 60_000);
afterAll(async () => t.close());

const answersOf = async (x: Taker) => ok(await t.gql(MINE, {}, x.token)).myDrillAttempts[0].questions.map((q: any) => q.answer);
/** Saves the batch did not store (they went one by one): the batch's own answer must not depend on that path. */
const alone = async () => (await t.server.app.metrics.answerSavesAlone.get()).values[0]?.value ?? 0;
const codeOf = (err: unknown) => (err instanceof DomainError ? err.errors[0]!.code : String(err));

it('stores every taker’s saves sent at once, exactly as sent, however the answers are written', async () => {
  const tricky = [['他说"对"', 'a\\b'], ['{x,y}', 'it’s', "it's"], ['NULL', ' 空格 '], ['\\"}', '答案']];
  const before = await alone();
  const results = await Promise.all(takers.flatMap((x, n) => x.questions.map((q, i) =>
    t.gql(SAVE, { input: { attemptId: x.attemptId, questionId: q, answer: tricky[(i + n) % 4], seq: 100 + i } }, x.token))));
  for (const r of results) expect(ok(r).saveAnswer).toMatchObject({ saved: true, userErrors: [] });
  expect(await alone()).toBe(before);
  for (const [n, x] of takers.entries()) expect(await answersOf(x)).toEqual(x.questions.map((_, i) => tricky[(i + n) % 4]));
});

it('gathers the saves arriving while others are under way into one statement', async () => {
  const saves = takers.flatMap((x) => x.questionUuids.map((q, i) => t.server.app.answerSaves.save(x.taker, x.attemptUuid, q, ['A'], 200 + i)));
  // Two batches go at once (a lone save each); the other saves gather behind them into one.
  let outcomes: unknown[] = [];
  const statements = await t.countStatements(async () => (outcomes = await Promise.all(saves)));
  expect(outcomes).toEqual(takers.flatMap((x) => x.questions.map((_, i) => ({ saved: true, seq: 200 + i }))));
  expect(statements).toBe(3);
  for (const x of takers) expect(await answersOf(x)).toEqual(x.questions.map(() => ['A']));
});

it('answers each save of a mixed batch as one on its own would be answered', async () => {
  const [a, b] = takers as [Taker, Taker];
  const saves = t.server.app.answerSaves;
  const settled = await Promise.allSettled([
    saves.save(a.taker, a.attemptUuid, a.questionUuids[0]!, ['B'], 305),
    saves.save(a.taker, a.attemptUuid, a.questionUuids[1]!, ['C'], 301),
    // The same question twice in one go: the newer stays whatever the order they were sent in.
    saves.save(a.taker, a.attemptUuid, a.questionUuids[0]!, ['D'], 303),
    saves.save(a.taker, a.attemptUuid, a.questionUuids[2]!, ['E'], 10), // older than the 200s above
    saves.save({ ...a.taker, deviceId: 'another-phone' }, a.attemptUuid, a.questionUuids[3]!, ['F'], 400),
    saves.save(a.taker, a.attemptUuid, randomUUID(), ['G'], 401),
    saves.save(a.taker, b.attemptUuid, b.questionUuids[0]!, ['H'], 402),
    saves.save(b.taker, b.attemptUuid, b.questionUuids[1]!, ['I'], 403),
  ]);
  expect(settled.slice(0, 4).map((s) => (s.status === 'fulfilled' ? s.value : codeOf(s.reason)))).toEqual([
    { saved: true, seq: 305 }, { saved: true, seq: 301 }, { saved: false, seq: 305 }, { saved: false, seq: 202 },
  ]);
  expect(settled.slice(4, 7).map((s) => (s.status === 'rejected' ? codeOf(s.reason) : s.value))).toEqual(['DEVICE_REPLACED', 'INVALID_INPUT', 'NOT_FOUND']);
  expect(settled[7]).toEqual({ status: 'fulfilled', value: { saved: true, seq: 403 } });
  expect(await answersOf(a)).toEqual([['B'], ['C'], ['A'], ['A']]);
  expect((await answersOf(b)).slice(0, 2)).toEqual([['A'], ['I']]);
  // Nothing of the refused saves reached another attempt's answers either.
  expect(JSON.stringify(await Promise.all(takers.slice(2).map(answersOf)))).not.toMatch(/"[FGH]"/);
});

it('refuses bad input before anything is queued', async () => {
  const [a] = takers as [Taker];
  const r = ok(await t.gql(SAVE, { input: { attemptId: a.attemptId, questionId: a.questions[0], answer: ['x'.repeat(201)], seq: 500 } }, a.token)).saveAnswer;
  expect(r.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'answer'] })]);
  expect(() => t.server.app.answerSaves.save(a.taker, a.attemptUuid, a.questionUuids[0]!, ['x'], -1)).toThrow(DomainError);
  expect(await answersOf(a)).toEqual([['B'], ['C'], ['A'], ['A']]);
  // A question ID of another type is refused by the resolver as before.
  const wrong = ok(await t.gql(SAVE, { input: { attemptId: a.attemptId, questionId: toGlobalId('Drill', randomUUID()), answer: ['A'], seq: 501 } }, a.token)).saveAnswer;
  expect(wrong.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'questionId'] })]);
});
