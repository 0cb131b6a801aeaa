import { Role } from '../../src/auth/role';
import { Drill } from '../../src/drills/setup/drill.entity';
import { DrillAttempt } from '../../src/drills/taking/attempt.entity';
import { createEnterprise, createWorker } from '../helpers/registry';
import { ok, startTestServer, type TestServer } from '../helpers/server';
import { createDrill, ENTER, ISSUE, seedBank, START, SUBMIT, TRADE } from './taking-fixture';

/*
 * The public drill board and the spectators' response cache (docs/response-cache.md): the board's
 * anonymous answers are cached like any public read, and the deadline sweeper, which submits an
 * attempt extended past the close without any mutation, must still empty that cache (its drill event).
 */
const PUBLIC = `query($id: ID!) { drill(id: $id) { publicLeaderboard(first: 10) { totalCount nodes { displayName } } } }`;
let t: TestServer;

beforeAll(async () => {
  t = await startTestServer({ config: { responseCacheBytes: 16 * 1024 * 1024 } });
}, 60_000);
afterAll(async () => t.close());

it('shows a submission the sweeper makes after the close, though an anonymous read of the board was cached before it', async () => {
  const admin = (await t.user([Role.ADMIN])).token;
  const organizer = await t.user([Role.ORGANIZER]);
  const ent = await createEnterprise(t, admin);
  await createWorker(t, admin, ent.id, { trade: TRADE, employeeNumber: 'C1', name: '早交卷' });
  await createWorker(t, admin, ent.id, { trade: TRADE, employeeNumber: 'C2', name: '延时者' });
  await seedBank(t, organizer.id);
  const drill = await createDrill(t, { organizerUserId: organizer.id });
  await t.orm.em.fork().nativeUpdate(Drill, { id: drill.uuid }, { publicBoard: true });
  const passes = ok(await t.gql(ISSUE, { input: { drillId: drill.id, enterpriseId: ent.id } }, admin)).issueDrillPasses.passes;
  const attemptOf = async (p: { code: string; worker: { employeeNumber: string } }) => {
    const { token } = ok(await t.gql(ENTER, { input: { drillId: drill.id, pass: p.code, employeeNumber: p.worker.employeeNumber } })).enterDrill;
    return { token, attempt: ok(await t.gql(START, { input: { drillId: drill.id } }, token)).startAttempt.attempt };
  };
  const early = await attemptOf(passes.find((p: any) => p.worker.employeeNumber === 'C1'));
  ok(await t.gql(SUBMIT, { input: { attemptId: early.attempt.id } }, early.token));
  await attemptOf(passes.find((p: any) => p.worker.employeeNumber === 'C2'));

  // The window closes; the late taker's deadline was extended past it (as extendDrillDeadline allows).
  const em = t.orm.em.fork();
  await em.nativeUpdate(Drill, { id: drill.uuid }, { opensAt: new Date(Date.now() - 7200_000), closesAt: new Date(Date.now() - 60_000) });
  const lateId = (await em.findOneOrFail(DrillAttempt, { drill: drill.uuid, status: 'IN_PROGRESS' as never })).id;
  await em.nativeUpdate(DrillAttempt, { id: lateId }, { deadline: new Date(Date.now() + 3600_000) });

  const board = async () => ok(await t.gql(PUBLIC, { id: drill.id })).drill.publicLeaderboard;
  expect((await board()).nodes).toEqual([{ displayName: '早交卷' }]);
  expect((await board()).nodes).toEqual([{ displayName: '早交卷' }]); // now from the cache

  // The extended deadline passes and the sweeper submits: no mutation, only its drill event.
  await em.nativeUpdate(DrillAttempt, { id: lateId }, { deadline: new Date(Date.now() - 1000) });
  await t.server.app.drillSweeper!.sweep();
  expect(ok(await t.gql(`query($id: ID!) { drill(id: $id) { leaderboard(first: 10) { totalCount } } }`, { id: drill.id }, organizer.token)).drill.leaderboard.totalCount).toBe(2);
  // The event reaches the cache a moment after the sweep's commit (LISTEN): read until the board shows it.
  let seen = await board();
  for (let i = 0; i < 100 && seen.totalCount < 2; i++) {
    await new Promise((r) => setTimeout(r, 50));
    seen = await board();
  }
  expect(seen.nodes.map((n: any) => n.displayName).sort()).toEqual(['延时者', '早交卷'].sort());
}, 60_000);
