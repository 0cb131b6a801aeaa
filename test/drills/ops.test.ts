import { Role } from '../../src/auth/role';
import { idOf } from '../../src/common/relay';
import { errorCode, ok, startTestServer, type TestServer } from '../helpers/server';
import { createEnterprise, createWorker } from '../helpers/registry';
import { mutate } from '../helpers/competition';
import { createDrill, ENTER, ISSUE, MINE, rightAnswer, SAVE, seedBank, START, SUBMIT, TRADE } from './taking-fixture';

/* The organizer's tools when things go wrong (issue 16): extending a deadline, voiding, re-marking after a correction. */

let t: TestServer;
let admin: string;
let organizer: { id: string; token: string };
let ent: { id: string };
const workers: { id: string; employeeNumber: string }[] = [];

const HISTORY = 'history { kind at reason minutes questionId revision oldScore newScore }';
const EXTEND = `mutation($input: ExtendDrillDeadlineInput!) { extendDrillDeadline(input: $input) {
  attempt { id status deadline ${HISTORY} } userErrors { code field message } } }`;
const VOID = `mutation($input: VoidDrillAttemptInput!) { voidDrillAttempt(input: $input) {
  attempt { id status voidReason score resultReleased ${HISTORY} } userErrors { code field message } } }`;
const MINE_HISTORY = `{ myDrillAttempts { id status score resultReleased voidReason ${HISTORY} } }`;

beforeAll(async () => {
  t = await startTestServer();
  admin = (await t.user([Role.ADMIN])).token;
  organizer = await t.user([Role.ORGANIZER]);
  ent = await createEnterprise(t, admin);
  for (let i = 0; i < 4; i++) {
    const employeeNumber = `OP${i}`;
    workers.push({ ...(await createWorker(t, admin, ent.id, { employeeNumber, trade: TRADE })), employeeNumber });
  }
  await seedBank(t, organizer.id);
}, 60_000);
afterAll(async () => t.close());

/** A fresh drill (closing as asked), every worker holding a pass; a token per worker. */
async function drillWithTakers(closesInMs = 3600_000) {
  const drill = await createDrill(t, { organizerUserId: organizer.id, closesAt: new Date(Date.now() + closesInMs) });
  const issued = ok(await t.gql(ISSUE, { input: { drillId: drill.id, enterpriseId: ent.id } }, organizer.token)).issueDrillPasses;
  const tokens: string[] = [];
  for (const w of workers) {
    const p = issued.passes.find((x: any) => x.worker.employeeNumber === w.employeeNumber);
    tokens.push(ok(await t.gql(ENTER, { input: { drillId: drill.id, pass: p.code, employeeNumber: w.employeeNumber } })).enterDrill.token);
  }
  return { drill, tokens };
}
const start = async (d: { id: string }, token: string) => ok(await t.gql(START, { input: { drillId: d.id } }, token)).startAttempt.attempt;
const extend = async (token: string | undefined, attemptId: string, minutes: number, reason = '企业停电') =>
  t.gql(EXTEND, { input: { attemptId, minutes, reason } }, token);

describe('extendDrillDeadline', () => {
  it('moves one taker’s deadline by the extension in total, records it, and a retry changes nothing', async () => {
    const { drill, tokens } = await drillWithTakers();
    const attempt = await start(drill, tokens[0]!);
    const before = new Date(attempt.deadline).getTime();
    const res = ok(await extend(organizer.token, attempt.id, 15)).extendDrillDeadline;
    expect(res.userErrors).toEqual([]);
    expect(new Date(res.attempt.deadline).getTime()).toBe(before + 15 * 60_000);
    expect(res.attempt.history).toEqual([expect.objectContaining({ kind: 'DEADLINE_EXTENDED', reason: '企业停电', minutes: 15 })]);
    // Total, not added: the same request again changes nothing; a larger one adds the difference.
    expect(new Date(ok(await extend(organizer.token, attempt.id, 15)).extendDrillDeadline.attempt.deadline).getTime()).toBe(before + 15 * 60_000);
    const more = ok(await extend(admin, attempt.id, 20, '再次停电')).extendDrillDeadline.attempt;
    expect(new Date(more.deadline).getTime()).toBe(before + 20 * 60_000);
    expect(more.history.map((e: any) => e.minutes)).toEqual([15, 20]);
    // The taker sees the new deadline and the record.
    const mine = ok(await t.gql(MINE, {}, tokens[0])).myDrillAttempts[0];
    expect(new Date(mine.deadline).getTime()).toBe(before + 20 * 60_000);
    // Refusals that change nothing.
    for (const [minutes, reason, field] of [[10, 'x', 'minutes'], [0, 'x', 'minutes'], [121, 'x', 'minutes'], [30, '  ', 'reason']] as const) {
      const bad = ok(await extend(organizer.token, attempt.id, minutes, reason)).extendDrillDeadline;
      expect(bad).toMatchObject({ attempt: null, userErrors: [expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', field] })] });
    }
    expect(new Date(ok(await t.gql(MINE, {}, tokens[0])).myDrillAttempts[0].deadline).getTime()).toBe(before + 20 * 60_000);
  });

  it('is refused to a taker’s token, another organizer, a JUDGE and nobody logged in', async () => {
    const { drill, tokens } = await drillWithTakers();
    const attempt = await start(drill, tokens[0]!);
    expect(errorCode(await extend(tokens[0], attempt.id, 10))).toBe('UNAUTHENTICATED');
    expect(errorCode(await extend(undefined, attempt.id, 10))).toBe('UNAUTHENTICATED');
    expect(errorCode(await extend((await t.user([Role.ORGANIZER])).token, attempt.id, 10))).toBe('FORBIDDEN');
    expect(errorCode(await extend((await t.user([Role.JUDGE])).token, attempt.id, 10))).toBe('FORBIDDEN');
    const mine = ok(await t.gql(MINE, {}, tokens[0])).myDrillAttempts[0];
    expect(mine.deadline).toBe(attempt.deadline);
  });

  it('is honoured by the sweeper and by saves, also past the window’s close (up to 120 minutes)', async () => {
    const { drill, tokens } = await drillWithTakers(5 * 60_000);
    const attempt = await start(drill, tokens[1]!);
    // The deadline is the window's close (the time limit is longer); the extension runs past it.
    const res = ok(await extend(organizer.token, attempt.id, 120)).extendDrillDeadline.attempt;
    expect(new Date(res.deadline).getTime()).toBe(new Date(attempt.deadline).getTime() + 120 * 60_000);
    // The window closes and the original deadline passes, as the clock would have it.
    const em = t.orm.em.fork();
    await em.getConnection().execute(`update "drill" set "closes_at" = now() - interval '1 minute' where "id" = ?`, [drill.uuid]);
    await em.getConnection().execute(`update "drill_attempt" set "deadline" = now() + interval '1 hour' where "id" = ?`, [idOf(attempt.id, 'DrillAttempt')]);
    expect(await t.server.app.drillSweeper!.sweep()).toBe(0);
    const resumed = await start(drill, tokens[1]!);
    expect(resumed).toMatchObject({ id: attempt.id, status: 'IN_PROGRESS' });
    const q = resumed.questions[0];
    expect(ok(await t.gql(SAVE, { input: { attemptId: attempt.id, questionId: q.questionId, answer: rightAnswer(q), seq: 1 } }, tokens[1])).saveAnswer).toMatchObject({ saved: true });
    // A taker who had not started cannot start after the close.
    const late = ok(await t.gql(START, { input: { drillId: drill.id } }, tokens[2])).startAttempt;
    expect(late.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
  });

  it('decides “past its deadline” on the database’s clock (as saves and the sweeper), not this server’s, and records it at the database’s time', async () => {
    const { drill, tokens } = await drillWithTakers();
    const attempt = await start(drill, tokens[3]!);
    const id = idOf(attempt.id, 'DrillAttempt');
    const exec = (sql: string, params: unknown[] = []) => t.orm.em.fork().getConnection().execute(sql, params);
    // Two minutes left by the database; this process's clock runs ten minutes ahead (Date only: timers and I/O run as usual).
    await exec(`update "drill_attempt" set "deadline" = clock_timestamp() + interval '2 minutes' where "id" = ?`, [id]);
    const [{ dbNow }] = await exec(`select clock_timestamp() as "dbNow"`);
    jest.useFakeTimers({ now: Date.now() + 10 * 60_000, doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'queueMicrotask', 'hrtime', 'performance'] });
    let res: any;
    try {
      res = ok(await extend(organizer.token, attempt.id, 10)).extendDrillDeadline;
    } finally {
      jest.useRealTimers();
    }
    expect(res.userErrors).toEqual([]);
    const at = new Date(res.attempt.history[0].at).getTime();
    expect(at).toBeGreaterThanOrEqual(new Date(dbNow).getTime());
    expect(at).toBeLessThan(Date.now() + 60_000);
    // Past it by the database, with this clock ten minutes behind: refused (as it is when the sweeper came first).
    await exec(`update "drill_attempt" set "deadline" = clock_timestamp() - interval '1 second' where "id" = ?`, [id]);
    jest.useFakeTimers({ now: Date.now() - 10 * 60_000, doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'queueMicrotask', 'hrtime', 'performance'] });
    try {
      res = ok(await extend(organizer.token, attempt.id, 20)).extendDrillDeadline;
    } finally {
      jest.useRealTimers();
    }
    expect(res.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
  });

  it('is refused for an attempt that is not under way', async () => {
    const { drill, tokens } = await drillWithTakers();
    const attempt = await start(drill, tokens[0]!);
    ok(await t.gql(SUBMIT, { input: { attemptId: attempt.id } }, tokens[0]));
    expect(ok(await extend(organizer.token, attempt.id, 10)).extendDrillDeadline.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
  });
});

describe('voidDrillAttempt', () => {
  it('voids a submitted attempt with the reason: no marks shown; a retry returns it; others are refused', async () => {
    const { drill, tokens } = await drillWithTakers();
    const attempt = await start(drill, tokens[0]!);
    const submitted = ok(await t.gql(SUBMIT, { input: { attemptId: attempt.id } }, tokens[0])).submitAttempt.attempt;
    expect(submitted.resultReleased).toBe(true);
    const input = { attemptId: attempt.id, reason: '替考' };
    expect(errorCode(await t.gql(VOID, { input }, tokens[0]))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(VOID, { input }, (await t.user([Role.ORGANIZER])).token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(VOID, { input }, (await t.user([Role.JUDGE])).token))).toBe('FORBIDDEN');
    expect(ok(await t.gql(VOID, { input: { ...input, reason: '' } }, organizer.token)).voidDrillAttempt.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT' })]);
    expect(ok(await t.gql(MINE_HISTORY, {}, tokens[0])).myDrillAttempts[0].status).toBe('SUBMITTED');

    const voided = ok(await t.gql(VOID, { input }, organizer.token)).voidDrillAttempt;
    expect(voided).toMatchObject({ userErrors: [], attempt: { status: 'VOIDED', voidReason: '替考', score: null, resultReleased: false } });
    expect(voided.attempt.history).toEqual([expect.objectContaining({ kind: 'VOIDED', reason: '替考' })]);
    const again = ok(await t.gql(VOID, { input: { ...input, reason: '另一个原因' } }, admin)).voidDrillAttempt;
    expect(again.attempt).toMatchObject({ voidReason: '替考' });
    expect(again.attempt.history).toHaveLength(1);
    expect(ok(await t.gql(MINE_HISTORY, {}, tokens[0])).myDrillAttempts[0]).toMatchObject({ status: 'VOIDED', score: null, voidReason: '替考' });
  });

  it('voids an attempt under way: no more saves, and the sweeper leaves it alone', async () => {
    const { drill, tokens } = await drillWithTakers();
    const attempt = await start(drill, tokens[3]!);
    ok(await t.gql(VOID, { input: { attemptId: attempt.id, reason: '作弊' } }, admin));
    const q = attempt.questions[0];
    const saved = ok(await t.gql(SAVE, { input: { attemptId: attempt.id, questionId: q.questionId, answer: rightAnswer(q), seq: 1 } }, tokens[3])).saveAnswer;
    expect(saved.saved).toBeNull();
    await t.orm.em.fork().getConnection().execute(`update "drill_attempt" set "deadline" = now() - interval '1 second' where "id" = ?`, [idOf(attempt.id, 'DrillAttempt')]);
    await t.server.app.drillSweeper!.sweep();
    expect(ok(await t.gql(MINE_HISTORY, {}, tokens[3])).myDrillAttempts[0].status).toBe('VOIDED');
  });
});

describe('re-marking on correction', () => {
  it('re-marks every submitted attempt holding the corrected question and records old and new score', async () => {
    const { drill, tokens } = await drillWithTakers();
    const attempt = await start(drill, tokens[2]!);
    let seq = 0;
    for (const q of attempt.questions) ok(await t.gql(SAVE, { input: { attemptId: attempt.id, questionId: q.questionId, answer: rightAnswer(q), seq: ++seq } }, tokens[2]));
    const submitted = ok(await t.gql(SUBMIT, { input: { attemptId: attempt.id } }, tokens[2])).submitAttempt.attempt;
    expect(submitted.score).toBe(submitted.maxScore);
    // An attempt under way holding nothing to re-mark yet.
    const open = await start(drill, tokens[0]!);

    // The key of the first question is corrected: the taker's (once right) answer is now wrong.
    const q = attempt.questions[0];
    const newKey = q.type === 'SINGLE_CHOICE' ? ['A'] : q.type === 'MULTIPLE_CHOICE' ? ['A', 'B'] : q.type === 'TRUE_FALSE' ? ['FALSE'] : ['另一个答案'];
    await mutate(t, organizer.token, 'updateQuestion', 'UpdateQuestionInput', { questionId: q.questionId, answer: newKey }, 'question { id }');

    const mine = ok(await t.gql(MINE_HISTORY, {}, tokens[2])).myDrillAttempts[0];
    expect(mine.score).toBe(submitted.maxScore - q.points);
    expect(mine.history).toEqual([expect.objectContaining({ kind: 'REMARKED', questionId: q.questionId, revision: 2, oldScore: submitted.maxScore, newScore: submitted.maxScore - q.points, reason: null })]);
    const full = ok(await t.gql(MINE, {}, tokens[2])).myDrillAttempts[0];
    expect(full.questions[0].review.correct).toBe(false);
    expect(full.breakdown.reduce((s: number, b: any) => s + b.score, 0)).toBe(submitted.maxScore - q.points);
    // Not submitted: nothing recorded (it is marked with the new key when submitted).
    expect(ok(await t.gql(MINE_HISTORY, {}, tokens[0])).myDrillAttempts[0]).toMatchObject({ id: open.id, history: [] });
  });
});

describe('who has not started', () => {
  const TURNOUT = `query($id: ID!, $ent: ID) { drill(id: $id) { ... on Drill {
    notStarted(enterpriseId: $ent, first: 10) { totalCount nodes { id employeeNumber } }
    enterpriseFigures(orderBy: { field: NOT_STARTED, direction: DESC }, first: 10) { totalCount nodes { enterprise { id } passHolders notStarted participants } } } } }`;

  it('lists the pass holders without a start, per enterprise, to the drill’s runner only', async () => {
    const other = await createEnterprise(t, admin);
    const outsider = { ...(await createWorker(t, admin, other.id, { employeeNumber: 'OPX', trade: TRADE })), employeeNumber: 'OPX' };
    const { drill, tokens } = await drillWithTakers();
    ok(await t.gql(ISSUE, { input: { drillId: drill.id, enterpriseId: other.id } }, admin));
    await start(drill, tokens[0]!);
    await start(drill, tokens[1]!);
    const all = ok(await t.gql(TURNOUT, { id: drill.id }, organizer.token)).drill;
    expect(all.notStarted.totalCount).toBe(3);
    expect(all.notStarted.nodes.map((w: any) => w.employeeNumber).sort()).toEqual(['OP2', 'OP3', 'OPX']);
    // One connection answers turnout and results: started is not yet participated (nothing submitted).
    expect(all.enterpriseFigures.nodes).toEqual([
      { enterprise: { id: ent.id }, passHolders: 4, notStarted: 2, participants: 0 },
      { enterprise: { id: other.id }, passHolders: 1, notStarted: 1, participants: 0 },
    ]);
    const ascending = ok(await t.gql(`query($id: ID!) { drill(id: $id) { enterpriseFigures(orderBy: { field: NOT_STARTED }, first: 10) { nodes { enterprise { id } } } } }`, { id: drill.id }, admin));
    expect(ascending.drill.enterpriseFigures.nodes.map((n: any) => n.enterprise.id)).toEqual([other.id, ent.id]);
    const one = ok(await t.gql(TURNOUT, { id: drill.id, ent: other.id }, admin)).drill;
    expect(one.notStarted.nodes).toEqual([{ id: outsider.id, employeeNumber: 'OPX' }]);
    // Nobody else: another organizer, a JUDGE, a taker's token, nobody logged in.
    for (const token of [(await t.user([Role.ORGANIZER])).token, (await t.user([Role.JUDGE])).token]) {
      expect(errorCode(await t.gql(TURNOUT, { id: drill.id }, token))).toBe('FORBIDDEN');
    }
    for (const token of [tokens[2], undefined]) expect(errorCode(await t.gql(TURNOUT, { id: drill.id }, token))).toBe('UNAUTHENTICATED');
  });
});

describe('Drill.attempts', () => {
  const ATTEMPTS = `query($id: ID!, $ent: ID, $status: AttemptStatus) { drill(id: $id) {
    attempts(enterpriseId: $ent, status: $status, first: 10) { totalCount nodes { id status deadline worker { employeeNumber } } } } }`;

  it('lists a drill’s attempts to its runner, by enterprise and status, so an outage can be answered; nobody else', async () => {
    const { drill, tokens } = await drillWithTakers();
    const a0 = await start(drill, tokens[0]!);
    const a1 = await start(drill, tokens[1]!);
    ok(await t.gql(SUBMIT, { input: { attemptId: a1.id } }, tokens[1]));
    const under = ok(await t.gql(ATTEMPTS, { id: drill.id, ent: ent.id, status: 'IN_PROGRESS' }, organizer.token)).drill.attempts;
    expect(under).toMatchObject({ totalCount: 1, nodes: [{ id: a0.id, status: 'IN_PROGRESS', worker: { employeeNumber: 'OP0' } }] });
    expect(ok(await t.gql(ATTEMPTS, { id: drill.id }, admin)).drill.attempts.totalCount).toBe(2);
    // Every attempt under way at the enterprise, extended: what the organizer does after an outage.
    for (const a of under.nodes) expect(ok(await extend(organizer.token, a.id, 30)).extendDrillDeadline.userErrors).toEqual([]);
    const other = await createEnterprise(t, admin);
    expect(ok(await t.gql(ATTEMPTS, { id: drill.id, ent: other.id }, admin)).drill.attempts.totalCount).toBe(0);
    expect(errorCode(await t.gql(ATTEMPTS, { id: drill.id }, (await t.user([Role.ORGANIZER])).token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(ATTEMPTS, { id: drill.id }, (await t.user([Role.JUDGE])).token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(ATTEMPTS, { id: drill.id }, tokens[0]))).toBe('UNAUTHENTICATED');
  });
});
