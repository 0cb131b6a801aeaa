import { Role } from '../../src/auth/role';
import { idOf } from '../../src/common/relay';
import { AttemptStatus, AttemptSubmission, DrillStatus } from '../../src/drills/enums';
import { Drill } from '../../src/drills/setup/drill.entity';
import { DrillAttempt } from '../../src/drills/taking/attempt.entity';
import { createEnterprise, createWorker } from '../helpers/registry';
import { errorCode, ok, startTestServer, type TestServer } from '../helpers/server';
import { approvedBank, bankWorld, call, choiceCsv, must, type BankWorld, type User } from './fixture';

/*
 * A drill's optional public board (issue 16, "public board optional"): the organizer sets publicBoard
 * (create/update, off by default); once the window has closed anyone may read Drill.publicLeaderboard —
 * name, enterprise, rank, score, time used, nothing that leads to answers or the worker's record.
 */
let t: TestServer;
let w: BankWorld;
let otherOrganizer: User;
let ent: { id: string; name: string };
const TRADE = '电工';
beforeAll(async () => {
  t = await startTestServer();
  w = await bankWorld(t);
  otherOrganizer = await t.user([Role.ORGANIZER]);
  ent = await createEnterprise(t, w.admin.token, { name: '港城电力检修有限公司' });
  await approvedBank(t, w, TRADE, choiceCsv('安全', '易', 3));
}, 120_000);
afterAll(() => t.close());

const hours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
const POINTS = ['SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'TRUE_FALSE', 'FILL_IN'].map((type) => ({ type, points: 2 }));
const drillInput = (extra: Record<string, unknown> = {}) => ({
  title: '电工安全公开赛', trades: [TRADE], opensAt: hours(-1), closesAt: hours(2), timeLimitMinutes: 30, passMark: 2,
  paperRule: { sections: [{ topic: '安全', count: 3 }], pointsByType: POINTS }, ...extra,
});

/** A published drill open now, by the organizer; its window is closed by moving it into the past (no API closes a window early). */
async function publishedDrill(extra: Record<string, unknown> = {}): Promise<{ id: string; uuid: string }> {
  const { drill } = await must(t, w.organizer.token, 'createDrill', 'CreateDrillInput', drillInput(extra), 'drill { id }');
  await must(t, w.organizer.token, 'publishDrill', 'DrillIdInput', { drillId: drill.id }, 'drill { id }');
  return { id: drill.id, uuid: idOf(drill.id, 'Drill')! };
}
async function close(uuid: string): Promise<void> {
  await t.orm.em.fork().nativeUpdate(Drill, { id: uuid }, { opensAt: new Date(Date.now() - 7200_000), closesAt: new Date(Date.now() - 60_000) });
}

/** Submitted attempts of three workers (and a voided better one): what taking and marking leave behind. */
async function takers(uuid: string): Promise<{ id: string; name: string }[]> {
  const people = [];
  for (const name of ['王建国', '李小红', '赵铁柱']) people.push(await createWorker(t, w.admin.token, ent.id, { trade: TRADE, name }));
  const em = t.orm.em.fork();
  const start = Date.now() - 3 * 3600_000;
  const attempt = (worker: string, number: number, score: number, minutes: number, status = AttemptStatus.SUBMITTED) => em.create(DrillAttempt, {
    drill: em.getReference(Drill, uuid), worker: em.getReference('Worker', idOf(worker, 'Worker')!), number, seed: number, paper: [], status, maxScore: 6,
    startedAt: new Date(start), submittedAt: new Date(start + minutes * 60_000), submittedBy: AttemptSubmission.TAKER, score,
  } as never);
  attempt(people[0]!.id, 1, 4, 20);
  attempt(people[1]!.id, 1, 6, 25);
  attempt(people[2]!.id, 1, 6, 10, AttemptStatus.VOIDED); // voided: off every board
  attempt(people[2]!.id, 2, 2, 5);
  await em.flush();
  return people;
}

const PUBLIC = `query($id: ID!) { drill(id: $id) { publicBoard publicLeaderboard(first: 10) { totalCount nodes { rank displayName enterpriseName score maxScore timeUsedSeconds } } } }`;
const refusal = (res: any) => ({ code: errorCode(res), message: res.errors?.[0]?.message, board: res.data?.drill?.publicLeaderboard ?? null });

describe('the publicBoard setting', () => {
  it('is off by default, set on create and update by the drill’s runner only, and fixed once the window opens', async () => {
    const plain = await must(t, w.organizer.token, 'createDrill', 'CreateDrillInput', drillInput({ opensAt: hours(1), closesAt: hours(3) }), 'drill { id publicBoard version }');
    expect(plain.drill.publicBoard).toBe(false);
    const on = await must(t, w.organizer.token, 'createDrill', 'CreateDrillInput', drillInput({ publicBoard: true }), 'drill { publicBoard }');
    expect(on.drill.publicBoard).toBe(true);

    const input = { drillId: plain.drill.id, publicBoard: true };
    expect(errorCode(await t.gql(`mutation($input: UpdateDrillInput!) { updateDrill(input: $input) { drill { id } } }`, { input }, otherOrganizer.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(`mutation($input: UpdateDrillInput!) { updateDrill(input: $input) { drill { id } } }`, { input }, null))).toBe('UNAUTHENTICATED');
    const read = async () => ok(await t.gql(`query($id: ID!) { drill(id: $id) { publicBoard } }`, { id: plain.drill.id }, w.organizer.token)).drill.publicBoard;
    expect(await read()).toBe(false);
    // Another change leaves it as it was; naming it changes it.
    await must(t, w.organizer.token, 'updateDrill', 'UpdateDrillInput', { drillId: plain.drill.id, title: '电工安全公开赛（修订）' }, 'drill { id }');
    expect(await read()).toBe(false);
    expect((await must(t, w.organizer.token, 'updateDrill', 'UpdateDrillInput', input, 'drill { publicBoard }')).drill.publicBoard).toBe(true);
    expect((await must(t, w.admin.token, 'updateDrill', 'UpdateDrillInput', { ...input, publicBoard: false }, 'drill { publicBoard }')).drill.publicBoard).toBe(false);

    // Once open, the takers have started under the setting they were shown: it stays.
    const open = await publishedDrill();
    const late = await call(t, w.organizer.token, 'updateDrill', 'UpdateDrillInput', { drillId: open.id, publicBoard: true }, 'drill { id }');
    expect(late.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
    expect(ok(await t.gql(`query($id: ID!) { drill(id: $id) { publicBoard } }`, { id: open.id })).drill.publicBoard).toBe(false);
  });
});

describe('Drill.publicLeaderboard', () => {
  it('is refused while the window is open, to everyone, saying when it opens', async () => {
    const d = await publishedDrill({ publicBoard: true });
    await takers(d.uuid);
    for (const token of [null, w.organizer.token, w.admin.token]) {
      expect(refusal(await t.gql(PUBLIC, { id: d.id }, token))).toEqual({ code: 'FORBIDDEN', message: '排行榜在练兵活动结束后公开', board: null });
    }
    const en = await t.gql(PUBLIC, { id: d.id }, null, { locale: 'en' });
    expect(en.errors?.[0]?.message).toBe('The leaderboard is public once the drill’s window has closed');
  });

  it('is refused after the window when the organizer did not make it public, and for a cancelled drill', async () => {
    const d = await publishedDrill();
    await takers(d.uuid);
    await close(d.uuid);
    for (const token of [null, w.organizer.token]) {
      expect(refusal(await t.gql(PUBLIC, { id: d.id }, token))).toEqual({ code: 'FORBIDDEN', message: '本次练兵的排行榜不公开', board: null });
    }
    const c = await publishedDrill({ publicBoard: true });
    await must(t, w.organizer.token, 'cancelDrill', 'DrillIdInput', { drillId: c.id }, 'drill { id }');
    await close(c.uuid);
    expect(errorCode(await t.gql(PUBLIC, { id: c.id }, null))).toBe('FORBIDDEN');
    expect(ok(await t.gql(`query($id: ID!) { drill(id: $id) { status } }`, { id: c.id })).drill.status).toBe(DrillStatus.CANCELLED);
  });

  it('shows anyone, once the window has closed, name, enterprise, rank, score and time used in the leaderboard’s order', async () => {
    const d = await publishedDrill({ publicBoard: true });
    await takers(d.uuid);
    await close(d.uuid);
    const board = ok(await t.gql(PUBLIC, { id: d.id }, null)).drill;
    expect(board.publicBoard).toBe(true);
    expect(board.publicLeaderboard.totalCount).toBe(3);
    expect(board.publicLeaderboard.nodes).toEqual([
      { rank: 1, displayName: '李小红', enterpriseName: ent.name, score: 6, maxScore: 6, timeUsedSeconds: 1500 },
      { rank: 2, displayName: '王建国', enterpriseName: ent.name, score: 4, maxScore: 6, timeUsedSeconds: 1200 },
      { rank: 3, displayName: '赵铁柱', enterpriseName: ent.name, score: 2, maxScore: 6, timeUsedSeconds: 300 },
    ]);
    // The organizer's full board ranks the same takers the same way.
    const full = ok(await t.gql(`query($id: ID!) { drill(id: $id) { leaderboard(first: 10) { nodes { rank score worker { name } } } } }`, { id: d.id }, w.organizer.token)).drill.leaderboard.nodes;
    expect(full.map((n: any) => [n.rank, n.worker.name, n.score])).toEqual(board.publicLeaderboard.nodes.map((n: any) => [n.rank, n.displayName, n.score]));
    // The full board stays the runner's.
    expect(errorCode(await t.gql(`query($id: ID!) { drill(id: $id) { leaderboard(first: 10) { totalCount } } }`, { id: d.id }, null))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(`query($id: ID!) { drill(id: $id) { leaderboard(first: 10) { totalCount } } }`, { id: d.id }, otherOrganizer.token))).toBe('FORBIDDEN');
  });

  it('leads nowhere else: a public row has no attempt, answers, worker or employee number to ask for', async () => {
    const fields = ok(await t.gql(`{ __type(name: "DrillPublicStanding") { fields { name } } }`, {}, null)).__type.fields.map((f: any) => f.name);
    expect(fields.sort()).toEqual(['displayName', 'enterpriseName', 'maxScore', 'rank', 'score', 'timeUsedSeconds']);
    const d = await publishedDrill({ publicBoard: true });
    await close(d.uuid);
    for (const field of ['worker { id employeeNumber }', 'attempt { id }', 'answers', 'questions { review { answerKey explanation } }', 'attemptId', 'workerId', 'passed']) {
      const res = await t.gql(`query($id: ID!) { drill(id: $id) { publicLeaderboard(first: 1) { nodes { rank ${field} } } } }`, { id: d.id }, null);
      expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    }
  });
});
