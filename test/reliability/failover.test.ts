import { expectNothingLost, finish, openScreens, report, runLoad, setRig, SIZE, until, verdict, type Rig } from './lib/scenario';

/**
 * Issue 6 (3): two server instances on one database; one is killed (SIGKILL: no drain, sockets cut)
 * in the middle of the load with screens attached. The screens reconnect to the other instance and
 * catch up by version (refetching after the gap); judges' requests that were in flight on the dead
 * instance are retried on the other with their idempotency keys.
 */
let rig: Rig;
beforeAll(async () => {
  rig = await setRig(2);
}, 300_000);
afterAll(async () => {
  await rig?.close();
}, 60_000);

test('a server instance killed under load: screens resume on the other by version, no mark lost', async () => {
  const [a, b] = rig.servers as [typeof rig.servers[0], typeof rig.servers[0]];
  // Most screens on the instance about to die, some on the survivor.
  const screens = await openScreens(rig, SIZE.screens, () => rig.servers);
  const onA = screens.filter((s) => s.instance === a.name);
  try {
    const load = await runLoad(rig, () => rig.routes);
    await until(() => load.acked() >= SIZE.marks * 0.4, 600_000, rig);
    const versionsAtKill = onA.map((s) => s.board?.version ?? 0);
    const killedAt = Date.now();
    await a.kill();
    await until(() => onA.every((s) => s.instance === b.name && s.board !== null && s.reconnects > 0), 30_000);
    const resumedMs = Date.now() - killedAt;
    await finish(load, rig);

    const v = await verdict(rig, b, load.figures, screens);
    const catchUps = onA.flatMap((s) => s.catchUps);
    report('failover: one of two instances killed under load', load.figures, v, screens, [
      ['instance killed (SIGKILL) with screens attached', `${a.name}: ${onA.length} of ${screens.length} screens`],
      ['screens resumed on the other instance within', `${resumedMs} ms`],
      ['versions missed per reconnect (caught up by refetch)', catchUps.length ? `min ${Math.min(...catchUps)}, max ${Math.max(...catchUps)}` : 'none'],
      ['stale versions ignored by screens', String(screens.reduce((n, s) => n + s.stale, 0))],
    ]);
    expectNothingLost(load.figures, v, screens);
    expect(onA.length).toBeGreaterThan(0);
    expect(onA.every((s, i) => s.board!.version >= versionsAtKill[i]!)).toBe(true);
    expect(screens.filter((s) => s.instance === b.name)).toHaveLength(screens.length);
  } finally {
    for (const s of screens) s.close();
  }
}, 900_000);
