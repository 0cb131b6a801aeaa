import { Role } from '../../src/auth/role';
import { idOf } from '../../src/common/relay';
import { DrillAttempt } from '../../src/drills/taking/attempt.entity';
import { AttemptStatus, AttemptSubmission, DrillCounting } from '../../src/drills/enums';
import { Drill } from '../../src/drills/setup/drill.entity';
import { ok, startTestServer, type TestServer } from '../helpers/server';
import { createEnterprise, createWorker } from '../helpers/registry';
import { createDrill, ENTER, ISSUE, seedBank, START, SUBMIT, TRADE } from './taking-fixture';
import { record, subscriptionsActive, wsClient } from '../helpers/ws';

/* Drill results (issue 16 "Results"): the leaderboard, read by the drill's organizer and admins only. */
let t: TestServer;
let admin: string;
let organizer: { id: string; token: string };
let other: { id: string; token: string };
let ent: { id: string };
beforeAll(async () => {
  t = await startTestServer();
  admin = (await t.user([Role.ADMIN])).token;
  organizer = await t.user([Role.ORGANIZER]);
  other = await t.user([Role.ORGANIZER]);
  ent = await createEnterprise(t, admin);
  await seedBank(t, organizer.id);
}, 60_000);
afterAll(async () => t.close());

interface Try { score: number | null; minutes: number; status?: AttemptStatus }

/** Attempts written through the ORM: what taking and marking (tested in taking.test.ts) leave behind. */
async function attempts(drillUuid: string, workerId: string, tries: Try[]): Promise<void> {
  const em = t.orm.em.fork();
  const start = Date.now() - 3600_000;
  tries.forEach((x, i) => em.create(DrillAttempt, {
    drill: em.getReference(Drill, drillUuid), worker: em.getReference('Worker', idOf(workerId, 'Worker')!),
    number: i + 1, seed: i, paper: [], status: x.status ?? AttemptStatus.SUBMITTED, maxScore: 10,
    startedAt: new Date(start), submittedAt: new Date(start + x.minutes * 60_000), submittedBy: AttemptSubmission.TAKER,
    score: x.score,
  } as never));
  await em.flush();
}

const BOARD = `query($id: ID!, $first: Int, $after: String, $last: Int, $before: String) { drill(id: $id) { leaderboard(first: $first, after: $after, last: $last, before: $before) {
  totalCount pageInfo { hasNextPage hasPreviousPage endCursor startCursor }
  nodes { rank score maxScore timeUsedSeconds attemptNumber passed worker { id name } } } } }`;

async function world(counting: DrillCounting) {
  const drill = await createDrill(t, { organizerUserId: organizer.id, eligibleEnterpriseIds: [ent.id] });
  if (counting !== DrillCounting.BEST) await t.orm.em.fork().nativeUpdate(Drill, { id: drill.uuid }, { counting });
  const w = [];
  for (let i = 0; i < 5; i++) w.push(await createWorker(t, admin, ent.id, { trade: TRADE }));
  // Passing mark 6. w0: 9 then 5 (BEST 9, LAST 5); w1: 9 in 20 min; w2: 9 in 20 min (tie with w1);
  // w3: a voided 10 and a 4; w4: only an attempt under way (never counts).
  await attempts(drill.uuid, w[0]!.id, [{ score: 9, minutes: 10 }, { score: 5, minutes: 5 }]);
  await attempts(drill.uuid, w[1]!.id, [{ score: 9, minutes: 20 }]);
  await attempts(drill.uuid, w[2]!.id, [{ score: 9, minutes: 20 }]);
  await attempts(drill.uuid, w[3]!.id, [{ score: 10, minutes: 1, status: AttemptStatus.VOIDED }, { score: 4, minutes: 30 }]);
  await attempts(drill.uuid, w[4]!.id, [{ score: null, minutes: 1, status: AttemptStatus.IN_PROGRESS }]);
  return { drill, w };
}

it('ranks the best attempt per taker by score then time used, ties sharing a rank, voided and unfinished attempts never counting', async () => {
  const { drill, w } = await world(DrillCounting.BEST);
  const board = ok(await t.gql(BOARD, { id: drill.id, first: 10 }, organizer.token)).drill.leaderboard;
  expect(board.totalCount).toBe(4);
  expect(board.nodes.map((n: any) => [n.worker.id, n.rank, n.score, n.timeUsedSeconds, n.attemptNumber, n.passed])).toEqual([
    [w[0]!.id, 1, 9, 600, 1, true],
    expect.arrayContaining([2, 9, 1200, 1, true]),
    expect.arrayContaining([2, 9, 1200, 1, true]),
    [w[3]!.id, 4, 4, 1800, 2, false],
  ]);
  expect(new Set(board.nodes.slice(1, 3).map((n: any) => n.worker.id))).toEqual(new Set([w[1]!.id, w[2]!.id]));
});

it('counts the last attempt when the drill counts LAST', async () => {
  const { drill, w } = await world(DrillCounting.LAST);
  const board = ok(await t.gql(BOARD, { id: drill.id, first: 10 }, admin)).drill.leaderboard;
  expect(board.nodes.map((n: any) => n.worker.id)).toEqual([expect.any(String), expect.any(String), w[0]!.id, w[3]!.id]);
  expect(board.nodes[2]).toMatchObject({ rank: 3, score: 5, attemptNumber: 2, passed: false });
});

it('pages forwards and backwards with cursors, and a foreign cursor is a clear error', async () => {
  const { drill } = await world(DrillCounting.BEST);
  const all = ok(await t.gql(BOARD, { id: drill.id, first: 10 }, organizer.token)).drill.leaderboard.nodes.map((n: any) => n.worker.id);
  const p1 = ok(await t.gql(BOARD, { id: drill.id, first: 2 }, organizer.token)).drill.leaderboard;
  expect(p1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
  const p2 = ok(await t.gql(BOARD, { id: drill.id, first: 2, after: p1.pageInfo.endCursor }, organizer.token)).drill.leaderboard;
  expect(p2.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  expect([...p1.nodes, ...p2.nodes].map((n: any) => n.worker.id)).toEqual(all);
  const back = ok(await t.gql(BOARD, { id: drill.id, last: 2, before: p2.pageInfo.startCursor }, organizer.token)).drill.leaderboard;
  expect(back.nodes.map((n: any) => n.worker.id)).toEqual(all.slice(0, 2));
  const tail = ok(await t.gql(BOARD, { id: drill.id, last: 1 }, organizer.token)).drill.leaderboard;
  expect(tail.nodes.map((n: any) => n.worker.id)).toEqual(all.slice(3));
  const bad = await t.gql(BOARD, { id: drill.id, first: 2, after: 'bm90LWEtY3Vyc29y' }, organizer.token);
  expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
});

it('is refused to anonymous callers, to another organizer and to a worker’s drill token', async () => {
  const { drill } = await world(DrillCounting.BEST);
  expect((await t.gql(BOARD, { id: drill.id, first: 5 }, null)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  expect((await t.gql(BOARD, { id: drill.id, first: 5 }, other.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  const judge = await t.user([Role.JUDGE]);
  expect((await t.gql(BOARD, { id: drill.id, first: 5 }, judge.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  // A taker of this very drill, with their drill token.
  const issued = ok(await t.gql(ISSUE, { input: { drillId: drill.id, enterpriseId: ent.id } }, admin)).issueDrillPasses;
  const p = issued.passes[0];
  const { token } = ok(await t.gql(ENTER, { input: { drillId: drill.id, pass: p.code, employeeNumber: p.worker.employeeNumber } })).enterDrill;
  const taker = await t.gql(BOARD, { id: drill.id, first: 5 }, token);
  expect(taker.data?.drill?.leaderboard ?? null).toBeNull();
  expect(taker.errors?.[0]?.extensions?.code).toMatch(/^(FORBIDDEN|UNAUTHENTICATED)$/);
});

it('reads a page of the leaderboard in a fixed number of statements, whatever its size', async () => {
  const { drill } = await world(DrillCounting.BEST);
  const base = await t.countStatements(() => t.gql(`query($id: ID!) { drill(id: $id) { id } }`, { id: drill.id }, organizer.token));
  const one = await t.countStatements(() => t.gql(BOARD, { id: drill.id, first: 1 }, organizer.token));
  const all = await t.countStatements(() => t.gql(BOARD, { id: drill.id, first: 10 }, organizer.token));
  // Beyond reading the drill: the ranked page (total included) and one batch of the page's workers.
  expect(all - base).toBe(2);
  expect(one).toBe(all);
});

const FIGURES = `query($id: ID!, $orderBy: DrillEnterpriseFigureOrder) { drill(id: $id) { enterpriseFigures(first: 10, orderBy: $orderBy) {
  totalCount nodes { enterprise { id name } passHolders notStarted participants participationRate meanScore passRate } } } }`;

it('gives each enterprise’s pass holders, participants, participation, mean score and pass rate, for the organizer only', async () => {
  const a = await createEnterprise(t, admin, { name: '张家机械' });
  const b = await createEnterprise(t, admin, { name: '李氏焊接' });
  const drill = await createDrill(t, { organizerUserId: organizer.id, eligibleEnterpriseIds: [a.id, b.id] });
  const wa = [];
  for (let i = 0; i < 3; i++) wa.push(await createWorker(t, admin, a.id, { trade: TRADE }));
  const wb = await createWorker(t, admin, b.id, { trade: TRADE });
  ok(await t.gql(ISSUE, { input: { drillId: drill.id, enterpriseId: a.id } }, admin));
  // Pass mark 6: 张家 9 and 4 of three pass holders; 李氏 (no passes issued) one 7.
  await attempts(drill.uuid, wa[0]!.id, [{ score: 9, minutes: 10 }]);
  await attempts(drill.uuid, wa[1]!.id, [{ score: 4, minutes: 10 }, { score: 10, minutes: 1, status: AttemptStatus.VOIDED }]);
  await attempts(drill.uuid, wb.id, [{ score: 7, minutes: 10 }]);
  const byName = ok(await t.gql(FIGURES, { id: drill.id }, organizer.token)).drill.enterpriseFigures;
  expect(byName.totalCount).toBe(2);
  // Pinyin: 李 (li) before 张 (zhang).
  expect(byName.nodes).toEqual([
    { enterprise: { id: b.id, name: '李氏焊接' }, passHolders: 0, notStarted: 0, participants: 1, participationRate: null, meanScore: 7, passRate: 1 },
    { enterprise: { id: a.id, name: '张家机械' }, passHolders: 3, notStarted: 1, participants: 2, participationRate: 2 / 3, meanScore: 6.5, passRate: 0.5 },
  ]);
  const byRate = ok(await t.gql(FIGURES, { id: drill.id, orderBy: { field: 'PARTICIPATION_RATE', direction: 'DESC' } }, admin)).drill.enterpriseFigures;
  expect(byRate.nodes.map((n: any) => n.enterprise.id)).toEqual([a.id, b.id]);
  expect((await t.gql(FIGURES, { id: drill.id }, other.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  expect((await t.gql(FIGURES, { id: drill.id }, null)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
});

const LIVE = `subscription($id: ID!) { drillResultsUpdated(drillId: $id) { submitted drill { id } } }`;

it('tells the organizer live when a taker submits, and refuses the subscription to others', async () => {
  const drill = await createDrill(t, { organizerUserId: organizer.id, eligibleEnterpriseIds: [ent.id] });
  await createWorker(t, admin, ent.id, { trade: TRADE });
  const clients = [wsClient(t.wsUrl, organizer.token), wsClient(t.wsUrl, other.token), wsClient(t.wsUrl, null)];
  try {
    const [mine, theirs, anon] = clients.map((c) => record(c, LIVE, { id: drill.id }));
    await subscriptionsActive(t, 'drillResultsUpdated', 1);
    const issued = ok(await t.gql(ISSUE, { input: { drillId: drill.id, enterpriseId: ent.id } }, admin)).issueDrillPasses;
    const p = issued.passes[0];
    const { token } = ok(await t.gql(ENTER, { input: { drillId: drill.id, pass: p.code, employeeNumber: p.worker.employeeNumber } })).enterDrill;
    const { attempt } = ok(await t.gql(START, { input: { drillId: drill.id } }, token)).startAttempt;
    ok(await t.gql(SUBMIT, { input: { attemptId: attempt.id } }, token));
    expect(await mine!.waitFor((d: any) => !!d.drillResultsUpdated)).toEqual({ drillResultsUpdated: { submitted: 1, drill: { id: drill.id } } });
    const codeOf = (r: any) => r.results[0]?.errors?.[0]?.extensions?.code ?? (r.error as any)?.[0]?.extensions?.code;
    expect(codeOf(theirs)).toBe('FORBIDDEN');
    expect(codeOf(anon)).toBe('UNAUTHENTICATED');
  } finally {
    await Promise.all(clients.map((c) => c.dispose()));
  }
});

const EFFICACY = `query($filter: EfficacyFilter!) { efficacyReport(filter: $filter) { drills {
  totals { drills enterprises passHolders participants participationRate passed passRate }
  byDistrict { district participants passHolders } byOwnership { ownership participants } } } }`;

it('counts drills closed in the year in the efficacy report, by district and ownership, only for the kind ONLINE_DRILL', async () => {
  const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
  const c = await createEnterprise(t, admin, { name: '效能企业', district: '湖里区', ownership: 'STATE_OWNED' });
  const drill = await createDrill(t, { organizerUserId: organizer.id, eligibleEnterpriseIds: [c.id] });
  const ws = [await createWorker(t, admin, c.id, { trade: TRADE }), await createWorker(t, admin, c.id, { trade: TRADE })];
  ok(await t.gql(ISSUE, { input: { drillId: drill.id, enterpriseId: c.id } }, admin));
  await attempts(drill.uuid, ws[0]!.id, [{ score: 8, minutes: 5 }]);
  const before = ok(await t.gql(EFFICACY, { filter: { year, district: '湖里区' } }, organizer.token)).efficacyReport.drills;
  // Still open: not counted yet.
  expect(before.totals.participants).toBe(0);
  await t.orm.em.fork().nativeUpdate(Drill, { id: drill.uuid }, { closesAt: new Date(Date.now() - 1000) });
  const after = ok(await t.gql(EFFICACY, { filter: { year, district: '湖里区' } }, organizer.token)).efficacyReport.drills;
  expect(after.totals).toEqual({ drills: 1, enterprises: 1, passHolders: 2, participants: 1, participationRate: 0.5, passed: 1, passRate: 1 });
  expect(after.byDistrict).toEqual([{ district: '湖里区', participants: 1, passHolders: 2 }]);
  expect(after.byOwnership).toEqual([{ ownership: 'STATE_OWNED', participants: 1 }]);
  const otherKind = ok(await t.gql(EFFICACY, { filter: { year, district: '湖里区', kind: 'SKILLS_COMPETITION' } }, organizer.token)).efficacyReport.drills;
  expect(otherKind.totals.participants).toBe(0);
  expect((await t.gql(EFFICACY, { filter: { year } }, null)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
});

it('stops telling an admin who lost the role', async () => {
  const drill = await createDrill(t, { organizerUserId: organizer.id, eligibleEnterpriseIds: [ent.id] });
  const demoted = await t.user([Role.ADMIN]);
  const clients = [wsClient(t.wsUrl, organizer.token), wsClient(t.wsUrl, demoted.token)];
  try {
    const [mine, theirs] = clients.map((c) => record(c, LIVE, { id: drill.id }));
    await subscriptionsActive(t, 'drillResultsUpdated', 2);
    const roles = ok(await t.gql(`mutation($input: UpdateUserRolesInput!) { updateUserRoles(input: $input) { userErrors { code } } }`, { input: { userId: demoted.globalId, roles: ['JUDGE'] } }, admin));
    expect(roles.updateUserRoles.userErrors).toEqual([]);
    const issued = ok(await t.gql(ISSUE, { input: { drillId: drill.id, enterpriseId: ent.id } }, admin)).issueDrillPasses;
    const p = issued.passes[0];
    const { token } = ok(await t.gql(ENTER, { input: { drillId: drill.id, pass: p.code, employeeNumber: p.worker.employeeNumber } })).enterDrill;
    const { attempt } = ok(await t.gql(START, { input: { drillId: drill.id } }, token)).startAttempt;
    ok(await t.gql(SUBMIT, { input: { attemptId: attempt.id } }, token));
    await mine!.waitFor((d: any) => !!d.drillResultsUpdated);
    await new Promise((r) => setTimeout(r, 300));
    expect(theirs!.results.filter((r) => r.data?.drillResultsUpdated)).toEqual([]);
  } finally {
    await Promise.all(clients.map((c) => c.dispose()));
  }
});
