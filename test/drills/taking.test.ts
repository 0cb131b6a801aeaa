import { randomUUID } from 'node:crypto';
import { Role } from '../../src/auth/role';
import { idOf, toGlobalId } from '../../src/common/relay';
import { DrillResultRelease } from '../../src/drills/enums';
import { errorCode, ok, startTestServer, type TestServer } from '../helpers/server';
import { createEnterprise, createWorker } from '../helpers/registry';
import { mutate } from '../helpers/competition';
import { buildSchema } from '../../src/schema';
import { argsFor, documentFor, operations } from '../authz/inputs';
import { MUTATIONS, PRIVATE_QUERIES } from '../authz/matrix';
import { createDrill, rightAnswer, ENTER, ISSUE, MINE, REISSUE, SAVE, seedBank, SECRET_EXPLANATION, SECRET_FILL_IN, START, SUBMIT, TRADE } from './taking-fixture';

/* Drill taking through the public API: passes, entering, the paper, saving, takeover, submission, release. */

let t: TestServer;
let admin: string;
let organizer: { id: string; token: string };
let ent: { id: string };
let nominator: { token: string };
const workers: { id: string; employeeNumber: string }[] = [];
let drill: { id: string; uuid: string };
let codes: Map<string, string>;

beforeAll(async () => {
  t = await startTestServer();
  admin = (await t.user([Role.ADMIN])).token;
  organizer = await t.user([Role.ORGANIZER]);
  ent = await createEnterprise(t, admin);
  const n = await t.user([Role.NOMINATOR]);
  await mutate(t, admin, 'setUserEnterprise', 'SetUserEnterpriseInput', { userId: n.globalId, enterpriseId: ent.id }, 'user { id }');
  nominator = n;
  for (let i = 0; i < 6; i++) {
    const employeeNumber = `DT${i}`;
    workers.push({ ...(await createWorker(t, admin, ent.id, { employeeNumber, trade: TRADE })), employeeNumber });
  }
  await createWorker(t, admin, ent.id, { employeeNumber: 'DT-ELEC', trade: '电工' });
  await seedBank(t, organizer.id);
  drill = await createDrill(t, { organizerUserId: organizer.id, attemptsAllowed: 1 });
  const issued = ok(await t.gql(ISSUE, { input: { drillId: drill.id, enterpriseId: ent.id } }, nominator.token)).issueDrillPasses;
  codes = new Map(issued.passes.map((p: any) => [p.worker.id, p.code]));
}, 60_000);
afterAll(async () => t.close());

const enter = async (w: { id: string; employeeNumber: string }, deviceId?: string, d = drill) =>
  ok(await t.gql(ENTER, { input: { drillId: d.id, pass: codes.get(w.id), employeeNumber: w.employeeNumber, deviceId } })).enterDrill;
const start = async (token: string, d = drill) => ok(await t.gql(START, { input: { drillId: d.id } }, token)).startAttempt;
const save = async (token: string, attemptId: string, questionId: string, answer: string[], seq: number) =>
  ok(await t.gql(SAVE, { input: { attemptId, questionId, answer, seq } }, token)).saveAnswer;

describe('passes', () => {
  it('go to every eligible worker of the enterprise once, in clear and as CSV', async () => {
    expect(codes.size).toBe(6);
    for (const code of codes.values()) expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const again = ok(await t.gql(ISSUE, { input: { drillId: drill.id, enterpriseId: ent.id } }, organizer.token)).issueDrillPasses;
    expect(again).toMatchObject({ passes: [], alreadyHeld: 6, notEligible: 1, userErrors: [] });
    // The CSV of a fresh issue holds each code with its employee number.
    const d2 = await createDrill(t, { organizerUserId: organizer.id });
    const fresh = ok(await t.gql(ISSUE, { input: { drillId: d2.id, enterpriseId: ent.id } }, admin)).issueDrillPasses;
    expect(fresh.csv.startsWith('\uFEFF')).toBe(true);
    expect(fresh.csv.trim().split('\r\n')).toHaveLength(7);
    for (const p of fresh.passes) expect(fresh.csv).toContain(`${p.code},${p.worker.employeeNumber},`);
  });

  it('are refused to another enterprise’s contact, another organizer and other roles', async () => {
    const other = await createEnterprise(t, admin);
    const stranger = await t.user([Role.NOMINATOR]);
    await mutate(t, admin, 'setUserEnterprise', 'SetUserEnterpriseInput', { userId: stranger.globalId, enterpriseId: other.id }, 'user { id }');
    const input = { drillId: drill.id, enterpriseId: ent.id };
    expect(errorCode(await t.gql(ISSUE, { input }, stranger.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(ISSUE, { input }, (await t.user([Role.ORGANIZER])).token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(ISSUE, { input }, (await t.user([Role.JUDGE])).token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(ISSUE, { input }))).toBe('UNAUTHENTICATED');
    const w = workers[5]!;
    expect(errorCode(await t.gql(REISSUE, { input: { drillId: drill.id, workerId: w.id } }, stranger.token))).toBe('FORBIDDEN');
  });

  it('follow the drill’s eligibility: districts and ownership too', async () => {
    // The enterprise is PRIVATE in 思明区 (test/helpers/registry.ts).
    for (const [rule, want] of [[{ eligibleDistricts: ['湖里区'] }, 0], [{ eligibleOwnerships: ['STATE_OWNED'] }, 0], [{ eligibleDistricts: ['思明区'], eligibleOwnerships: ['PRIVATE'] }, 6]] as const) {
      const d = await createDrill(t, { organizerUserId: organizer.id, ...rule });
      const res = ok(await t.gql(ISSUE, { input: { drillId: d.id, enterpriseId: ent.id } }, organizer.token)).issueDrillPasses;
      expect({ rule, issued: res.passes.length, notEligible: res.notEligible }).toEqual({ rule, issued: want, notEligible: 7 - want });
    }
  });

  it('are not issued for a draft drill or one whose window closed', async () => {
    const draft = await createDrill(t, { organizerUserId: organizer.id, status: 'DRAFT' as never });
    const closed = await createDrill(t, { organizerUserId: organizer.id, opensAt: new Date(Date.now() - 7200_000), closesAt: new Date(Date.now() - 60_000) });
    for (const d of [draft, closed]) {
      const res = ok(await t.gql(ISSUE, { input: { drillId: d.id, enterpriseId: ent.id } }, organizer.token)).issueDrillPasses;
      expect(res).toMatchObject({ passes: null, userErrors: [{ code: 'INVALID_STATE' }] });
    }
  });
});

describe('entering', () => {
  it('gives one refusal for a wrong pass and a wrong employee number, and a token for the right pair', async () => {
    const w = workers[0]!;
    const wrongPass = ok(await t.gql(ENTER, { input: { drillId: drill.id, pass: 'AAAA-AAAA-AAAA', employeeNumber: w.employeeNumber } })).enterDrill;
    const wrongNumber = ok(await t.gql(ENTER, { input: { drillId: drill.id, pass: codes.get(w.id), employeeNumber: 'DT1' } })).enterDrill;
    const otherDrill = await createDrill(t, { organizerUserId: organizer.id });
    const wrongDrill = ok(await t.gql(ENTER, { input: { drillId: otherDrill.id, pass: codes.get(w.id), employeeNumber: w.employeeNumber } })).enterDrill;
    expect(wrongPass).toMatchObject({ token: null, userErrors: [{ code: 'INVALID_CREDENTIALS', field: ['input', 'pass'] }] });
    expect(wrongNumber).toEqual(wrongPass);
    expect(wrongDrill).toEqual(wrongPass);
    // Typed loosely: lower case, spaces for dashes.
    const loose = ok(await t.gql(ENTER, { input: { drillId: drill.id, pass: codes.get(w.id)!.toLowerCase().replace(/-/g, ' '), employeeNumber: w.employeeNumber } })).enterDrill;
    expect(loose.userErrors).toEqual([]);
    expect(loose.token).toEqual(expect.any(String));
    expect(new Date(loose.expiresAt).getTime()).toBeGreaterThan(Date.now() + 3600_000);
  });

  it('lets a user linked to a worker with a pass in by their login, and nobody else', async () => {
    const AS_WORKER = `mutation($input: EnterDrillAsWorkerInput!) { enterDrillAsWorker(input: $input) { token deviceId userErrors { code field message } } }`;
    const linked = await t.user([Role.JUDGE], { workerId: workers[3]!.id });
    const res = ok(await t.gql(AS_WORKER, { input: { drillId: drill.id, deviceId: 'own-phone' } }, linked.token)).enterDrillAsWorker;
    expect(res).toMatchObject({ deviceId: 'own-phone', userErrors: [] });
    expect(ok(await t.gql(MINE, {}, res.token)).myDrillAttempts).toEqual([]);
    const unlinked = await t.user([Role.ORGANIZER]);
    expect(ok(await t.gql(AS_WORKER, { input: { drillId: drill.id } }, unlinked.token)).enterDrillAsWorker.userErrors).toEqual([expect.objectContaining({ code: 'NOT_ELIGIBLE' })]);
    const electrician = await createWorker(t, admin, ent.id, { employeeNumber: 'DT-ELEC2', trade: '电工' });
    const noPass = await t.user([Role.JUDGE], { workerId: electrician.id });
    expect(ok(await t.gql(AS_WORKER, { input: { drillId: drill.id } }, noPass.token)).enterDrillAsWorker.userErrors).toEqual([expect.objectContaining({ code: 'NOT_ELIGIBLE' })]);
    expect(errorCode(await t.gql(AS_WORKER, { input: { drillId: drill.id } }))).toBe('UNAUTHENTICATED');
  });

  it('a drill token is no login: it cannot act as a user, and a user token cannot take a drill', async () => {
    const { token } = await enter(workers[0]!);
    expect(errorCode(await t.gql('mutation($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { userErrors { code } } }',
      { input: { name: 'x', creditCode: 'x', ownership: 'PRIVATE', size: 'SMALL', industry: 'x', district: 'x' } }, token))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql('{ users(first: 1) { totalCount } }', {}, token))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(START, { input: { drillId: drill.id } }, admin))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(MINE, {}, organizer.token))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(MINE, {}))).toBe('UNAUTHENTICATED');
    // A forged or tampered drill token is refused outright.
    expect(errorCode(await t.gql(MINE, {}, `${token.slice(0, -3)}abc`))).toBe('UNAUTHENTICATED');
  });

  it('a drill token is refused by every operation that needs a login, whatever its roles', async () => {
    const { token } = await enter(workers[0]!);
    const schema = await buildSchema();
    const let_in: string[] = [];
    const walk = async (kind: 'mutation' | 'query', rules: typeof MUTATIONS) => {
      for (const [name, rule] of Object.entries(rules)) {
        if (rule.who === 'PUBLIC' || rule.who === 'DRILL_TAKER') continue;
        const field = operations(schema, kind).find((o) => o.name === name)!;
        const res = await t.gql(documentFor(kind, field, true), argsFor(field), token);
        if (errorCode(res) !== 'UNAUTHENTICATED') let_in.push(`${name}: ${JSON.stringify(res).slice(0, 200)}`);
      }
    };
    await walk('mutation', MUTATIONS);
    await walk('query', PRIVATE_QUERIES);
    expect(let_in).toEqual([]);
    expect(Object.keys(MUTATIONS).length).toBeGreaterThan(100);
  }, 120_000);
});

describe('an attempt', () => {
  it('hands out the paper without answers, with the server’s deadline; saves keep the newest; submission marks at once', async () => {
    const w = workers[1]!;
    const { token } = await enter(w, 'phone-1');
    const res = await t.gql(START, { input: { drillId: drill.id } }, token);
    const text = JSON.stringify(res);
    expect(text).not.toContain(SECRET_FILL_IN);
    expect(text).not.toContain(SECRET_EXPLANATION);
    const { attempt, userErrors } = ok(res).startAttempt;
    expect(userErrors).toEqual([]);
    expect(attempt).toMatchObject({ number: 1, status: 'IN_PROGRESS', score: null, breakdown: null, resultReleased: false, maxScore: expect.any(Number) });
    expect(attempt.questions).toHaveLength(4);
    for (const q of attempt.questions) expect(q).toMatchObject({ answer: null, review: null });
    const limit = new Date(attempt.startedAt).getTime() + 30 * 60_000;
    expect(new Date(attempt.deadline).getTime()).toBe(limit);
    // Starting again resumes the same attempt.
    expect((await start(token)).attempt.id).toBe(attempt.id);

    // Answer every question right; one of them twice, the older save arriving last.
    const right = rightAnswer;
    let seq = 0;
    for (const q of attempt.questions) expect(await save(token, attempt.id, q.questionId, right(q), ++seq)).toEqual({ saved: true, seq, userErrors: [] });
    const first = attempt.questions[0];
    expect(await save(token, attempt.id, first.questionId, ['D'], 10)).toMatchObject({ saved: true, seq: 10 });
    expect(await save(token, attempt.id, first.questionId, right(first), 9)).toEqual({ saved: false, seq: 10, userErrors: [] });
    expect(await save(token, attempt.id, first.questionId, ['D'], 10)).toEqual({ saved: false, seq: 10, userErrors: [] });
    expect(await save(token, attempt.id, first.questionId, right(first), 11)).toEqual({ saved: true, seq: 11, userErrors: [] });
    // The hot path: one statement a save (no lookup of the token, the attempt or the question first).
    expect(await t.countStatements(() => save(token, attempt.id, first.questionId, right(first), 12))).toBe(1);
    // A question not on this paper.
    const notOnPaper = await save(token, attempt.id, toGlobalId('Question', randomUUID()), ['A'], 13);
    expect(notOnPaper.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'questionId'] })]);
    const mine = ok(await t.gql(MINE, {}, token)).myDrillAttempts;
    expect(mine[0].questions.map((q: any) => q.answer)).toEqual(attempt.questions.map((q: any) => right(q)));
    expect(JSON.stringify(mine)).not.toContain(SECRET_EXPLANATION);

    const submitted = ok(await t.gql(SUBMIT, { input: { attemptId: attempt.id } }, token)).submitAttempt;
    expect(submitted.userErrors).toEqual([]);
    expect(submitted.attempt).toMatchObject({ status: 'SUBMITTED', submittedBy: 'TAKER', resultReleased: true, score: attempt.maxScore });
    expect(submitted.attempt.breakdown.map((b: any) => b.topic).sort()).toEqual(['安全', '工艺']);
    for (const q of submitted.attempt.questions) expect(q.review).toMatchObject({ correct: true, explanation: SECRET_EXPLANATION });
    // Submitting again is harmless; saving after it is not possible; no second attempt (one allowed).
    expect(ok(await t.gql(SUBMIT, { input: { attemptId: attempt.id } }, token)).submitAttempt.attempt.id).toBe(attempt.id);
    expect((await save(token, attempt.id, first.questionId, ['A'], 99)).userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
    expect((await start(token)).userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
  });

  it('is taken over by a second device; the first learns it on its next save or submit', async () => {
    const w = workers[2]!;
    const one = (await enter(w, 'phone-1')).token;
    const { attempt } = await start(one);
    const q = attempt.questions[0].questionId;
    expect((await save(one, attempt.id, q, ['A'], 1)).saved).toBe(true);
    const two = (await enter(w, 'tablet-2')).token;
    expect((await save(one, attempt.id, q, ['B'], 2)).userErrors).toEqual([expect.objectContaining({ code: 'DEVICE_REPLACED' })]);
    expect(ok(await t.gql(SUBMIT, { input: { attemptId: attempt.id } }, one)).submitAttempt.userErrors).toEqual([expect.objectContaining({ code: 'DEVICE_REPLACED' })]);
    // The new device sees the attempt and its answers as saved, and carries on.
    const resumed = (await start(two)).attempt;
    expect(resumed.id).toBe(attempt.id);
    expect(resumed.questions[0].answer).toEqual(['A']);
    expect((await save(two, attempt.id, q, ['C'], 3)).saved).toBe(true);
  });

  it('of another worker is out of reach of a token', async () => {
    const mineToken = (await enter(workers[3]!)).token;
    const theirs = (await start((await enter(workers[2]!, 'tablet-2')).token)).attempt;
    const q = theirs.questions[0].questionId;
    expect((await save(mineToken, theirs.id, q, ['A'], 50)).userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND' })]);
    expect(ok(await t.gql(SUBMIT, { input: { attemptId: theirs.id } }, mineToken)).submitAttempt.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND' })]);
    expect(ok(await t.gql('query($id: ID!) { node(id: $id) { id } }', { id: theirs.id }, mineToken)).node).toBeNull();
    expect(ok(await t.gql(MINE, {}, mineToken)).myDrillAttempts).toEqual([]);
    // Nor a token of another drill.
    expect((await start(mineToken, { id: (await createDrill(t, { organizerUserId: organizer.id })).id, uuid: '' })).userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND' })]);
  });

  it('hides the result of a contest until its window closes', async () => {
    const contest = await createDrill(t, { organizerUserId: organizer.id, resultRelease: DrillResultRelease.AFTER_WINDOW, closesAt: new Date(Date.now() + 10 * 60_000) });
    const issued = ok(await t.gql(ISSUE, { input: { drillId: contest.id, enterpriseId: ent.id } }, nominator.token)).issueDrillPasses;
    const w = workers[4]!;
    const code = issued.passes.find((p: any) => p.worker.id === w.id).code;
    const { token } = ok(await t.gql(ENTER, { input: { drillId: contest.id, pass: code, employeeNumber: w.employeeNumber } })).enterDrill;
    const { attempt } = await start(token, contest);
    // The window closes before the time limit runs out: the deadline is the close.
    expect(new Date(attempt.deadline).getTime()).toBeLessThanOrEqual(Date.now() + 10 * 60_000);
    const done = ok(await t.gql(SUBMIT, { input: { attemptId: attempt.id } }, token)).submitAttempt.attempt;
    expect(done).toMatchObject({ status: 'SUBMITTED', resultReleased: false, score: null, breakdown: null });
    expect(JSON.stringify(done)).not.toContain(SECRET_EXPLANATION);
    // The window closes: now it shows.
    await t.orm.em.fork().getConnection().execute(`update "drill" set "closes_at" = now() - interval '1 second' where "id" = ?`, [contest.uuid]);
    const after = ok(await t.gql(MINE, {}, token)).myDrillAttempts[0];
    expect(after).toMatchObject({ resultReleased: true, score: expect.any(Number) });
    expect(after.questions[0].review).toMatchObject({ explanation: SECRET_EXPLANATION });
    // And the pass is useless now.
    const late = ok(await t.gql(ENTER, { input: { drillId: contest.id, pass: code, employeeNumber: w.employeeNumber } })).enterDrill;
    expect(late.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
  });
});

describe('a lost pass', () => {
  it('is reissued: the old code stops working, and a token from it cannot start', async () => {
    const w = workers[5]!;
    const oldToken = (await enter(w)).token;
    const re = ok(await t.gql(REISSUE, { input: { drillId: drill.id, workerId: w.id } }, nominator.token)).reissueDrillPass;
    expect(re.userErrors).toEqual([]);
    expect(re.pass.code).not.toBe(codes.get(w.id));
    expect((await enter(w)).userErrors).toEqual([expect.objectContaining({ code: 'INVALID_CREDENTIALS' })]);
    expect((await start(oldToken)).userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
    codes.set(w.id, re.pass.code);
    const fresh = await enter(w);
    expect((await start(fresh.token)).attempt.status).toBe('IN_PROGRESS');
  });

  it('stops a device already in an attempt with the old pass at once; the new pass takes the attempt over', async () => {
    const w = workers[4]!;
    const finder = (await enter(w, 'found-it')).token;
    const attempt = (await start(finder)).attempt;
    const q = attempt.questions[0];
    expect((await save(finder, attempt.id, q.questionId, ['A'], 1)).saved).toBe(true);
    const re = ok(await t.gql(REISSUE, { input: { drillId: drill.id, workerId: w.id } }, nominator.token)).reissueDrillPass;
    expect(re.userErrors).toEqual([]);
    expect((await save(finder, attempt.id, q.questionId, ['B'], 2)).userErrors).toEqual([expect.objectContaining({ code: 'DEVICE_REPLACED' })]);
    expect(ok(await t.gql(SUBMIT, { input: { attemptId: attempt.id } }, finder)).submitAttempt.userErrors).toEqual([expect.objectContaining({ code: 'DEVICE_REPLACED' })]);
    codes.set(w.id, re.pass.code);
    const owner = (await enter(w, 'own-phone')).token;
    expect((await start(owner)).attempt.id).toBe(attempt.id);
    expect(await save(owner, attempt.id, q.questionId, ['C'], 3)).toMatchObject({ saved: true, userErrors: [] });
  });
});

describe('papers drawn ahead', () => {
  it('are drawn by the organizer before the window, hidden until started, then handed out as drawn', async () => {
    const soon = await createDrill(t, { organizerUserId: organizer.id, opensAt: new Date(Date.now() + 3600_000), closesAt: new Date(Date.now() + 7200_000) });
    const issued = ok(await t.gql(ISSUE, { input: { drillId: soon.id, enterpriseId: ent.id } }, organizer.token)).issueDrillPasses;
    const DRAW = `mutation($input: DrawDrillPapersInput!) { drawDrillPapers(input: $input) { drawn userErrors { code field message } } }`;
    expect(errorCode(await t.gql(DRAW, { input: { drillId: soon.id } }, (await t.user([Role.ORGANIZER])).token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(DRAW, { input: { drillId: soon.id } }, nominator.token))).toBe('FORBIDDEN');
    expect(ok(await t.gql(DRAW, { input: { drillId: soon.id } }, organizer.token)).drawDrillPapers).toEqual({ drawn: 6, userErrors: [] });
    expect(ok(await t.gql(DRAW, { input: { drillId: soon.id } }, organizer.token)).drawDrillPapers).toEqual({ drawn: 0, userErrors: [] });
    const w = workers[0]!;
    const code = issued.passes.find((p: any) => p.worker.id === w.id).code;
    const { token } = ok(await t.gql(ENTER, { input: { drillId: soon.id, pass: code, employeeNumber: w.employeeNumber } })).enterDrill;
    const [drawn] = ok(await t.gql(MINE, {}, token)).myDrillAttempts;
    expect(drawn).toMatchObject({ status: 'DRAWN', startedAt: null, deadline: null, questions: [] });
    expect((await start(token, soon)).userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
    // The window opens: the drawn paper is the one started; no more drawing ahead.
    await t.orm.em.fork().getConnection().execute(`update "drill" set "opens_at" = now() - interval '1 second' where "id" = ?`, [soon.uuid]);
    let started: any;
    // Handed out in one statement (the opening burst's path), then the paper's questions and saved answers are read.
    const statements = await t.countStatements(async () => { started = (await start(token, soon)).attempt; });
    expect(started).toMatchObject({ id: drawn.id, status: 'IN_PROGRESS' });
    expect(started.questions).toHaveLength(4);
    expect(new Date(started.deadline).getTime() - new Date(started.startedAt).getTime()).toBe(30 * 60_000);
    expect(statements).toBeLessThanOrEqual(4);
    // Again (a double tap, or another phone): the same attempt resumes.
    expect((await start(token, soon)).attempt).toMatchObject({ id: drawn.id, status: 'IN_PROGRESS', startedAt: started.startedAt });
    expect(ok(await t.gql(DRAW, { input: { drillId: soon.id } }, organizer.token)).drawDrillPapers.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
  });

  it('hand out a question as it is now after it was corrected between two starts (questions are kept per process by version)', async () => {
    const soon = await createDrill(t, { organizerUserId: organizer.id, opensAt: new Date(Date.now() + 3600_000), closesAt: new Date(Date.now() + 7200_000) });
    const issued = ok(await t.gql(ISSUE, { input: { drillId: soon.id, enterpriseId: ent.id } }, organizer.token)).issueDrillPasses;
    ok(await t.gql(`mutation($input: DrawDrillPapersInput!) { drawDrillPapers(input: $input) { drawn } }`, { input: { drillId: soon.id } }, organizer.token));
    await t.orm.em.fork().getConnection().execute(`update "drill" set "opens_at" = now() - interval '1 second' where "id" = ?`, [soon.uuid]);
    const enter = async (w: { id: string; employeeNumber: string }) => {
      const code = issued.passes.find((p: any) => p.worker.id === w.id).code;
      return ok(await t.gql(ENTER, { input: { drillId: soon.id, pass: code, employeeNumber: w.employeeNumber } })).enterDrill.token as string;
    };
    const first = (await start(await enter(workers[0]!), soon)).attempt;
    // A question of the first paper that another worker's drawn paper holds too (4 of 12 approved questions a paper:
    // two papers share none about one time in seven, so look through every other worker's paper).
    const papers = await t.orm.em.fork().getConnection().execute<{ worker_id: string; paper: { questionId: string }[] }[]>(
      `select "worker_id", "paper" from "drill_attempt" where "drill_id" = ? and "status" = 'DRAWN' order by "worker_id"`, [soon.uuid],
    );
    const pairs = papers.flatMap((p) => first.questions.filter((q: any) => p.paper.some((i) => toGlobalId('Question', i.questionId) === q.questionId)).map((q: any) => ({ p, q })));
    expect(pairs.length).toBeGreaterThan(0);
    const shared = pairs[0]!.q;
    const other = workers.find((w) => idOf(w.id, 'Worker') === pairs[0]!.p.worker_id)!;
    const UPDATE = `mutation($input: UpdateQuestionInput!) { updateQuestion(input: $input) { question { id stem } userErrors { code message } } }`;
    expect(ok(await t.gql(UPDATE, { input: { questionId: shared.questionId, stem: '更正后的题干' } }, organizer.token)).updateQuestion.userErrors).toEqual([]);
    const later = (await start(await enter(other), soon)).attempt;
    expect(later.questions.find((q: any) => q.questionId === shared.questionId)).toMatchObject({ stem: '更正后的题干' });
    expect(later.questions.every((q: any) => typeof q.stem === 'string' && q.stem.length > 0)).toBe(true);
  });
});
