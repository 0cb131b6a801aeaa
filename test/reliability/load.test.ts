import { expectNothingLost, finish, openScreens, report, runLoad, setRig, SIZE, verdict, type Rig } from './lib/scenario';

/**
 * Issue 6, "Faults and load, nothing lost" (1): a hundred judges' tablets submit ten thousand marks
 * at once, some sent twice, some answered into the void, some given up on; every one is retried
 * with its idempotency key until acknowledged. The database must hold exactly the marks and
 * revisions the judges made, the leaderboard must equal a recomputation from scratch, and every
 * screen must end on that leaderboard.
 */
let rig: Rig;
beforeAll(async () => {
  rig = await setRig(1);
}, 300_000);
afterAll(async () => {
  await rig?.close();
}, 60_000);

test(`${SIZE.marks} marks from ${SIZE.judges} concurrent judges with duplicates and dropped responses: nothing lost, nothing doubled`, async () => {
  const [server] = rig.servers;
  const screens = await openScreens(rig, SIZE.screens, () => rig.servers);
  try {
    const load = await runLoad(rig, () => rig.routes);
    await finish(load, rig);
    const v = await verdict(rig, server!, load.figures, screens);
    report('load: duplicates, dropped responses, client aborts', load.figures, v, screens);
    expectNothingLost(load.figures, v, screens);
    expect(load.figures.failedCleanly).toBe(0); // no fault but the client's own: the server failed nothing
    expect(load.figures.duplicates).toBeGreaterThan(0);
    expect(load.figures.droppedResponses).toBeGreaterThan(0);
  } finally {
    for (const s of screens) s.close();
  }
}, 900_000);
