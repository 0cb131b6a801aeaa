import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { idOf } from '../../src/common/relay';
import { startCluster, type PgCluster } from './lib/cluster';
import { auditDrill, readDrill } from './lib/drill-audit';
import { seedDrill, type SeededDrill } from './lib/drill-seed';
import { SIZE } from './lib/scenario';
import { startServer, type ServerInstance } from './lib/server-process';
import { enter, newTakerFigures, runTaker, type RequestLog, type TakerRun } from './lib/takers';

/**
 * Issue 16: a few hundred workers taking a drill on their phones (enterDrill → startAttempt →
 * saveAnswer with seq → submitAttempt) while the server is killed (SIGKILL: no drain, transactions cut)
 * and later stopped (SIGTERM: drained) and each time started again on the same database and port. The
 * takers keep going: a failed request is retried; a refused drill token would send them through
 * enterDrill again (it is stateless, so none should be). Afterwards, from the database: every
 * acknowledged save is stored (its seq or a newer one, with the value sent with that seq), every
 * attempt is submitted once, and every score is what the product's own marking makes of the stored
 * answers.
 */
let cluster: PgCluster;
let databaseUrl: string;
let server: ServerInstance;
let drill: SeededDrill;

beforeAll(async () => {
  cluster = await startCluster();
  databaseUrl = cluster.url('postgres');
  server = await startServer('A', databaseUrl);
  drill = await seedDrill(server.url, { takers: SIZE.takers, perType: 6 });
}, 300_000);
afterAll(async () => {
  await server?.stop();
  await cluster?.destroy();
}, 60_000);

/** Waits for `pred`; fails at once when the server ended without the test ending it. */
async function until(pred: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await pred())) {
    const died = server.unexpectedExit();
    if (died) throw new Error(died);
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

interface Restart {
  signal: 'SIGKILL' | 'SIGTERM';
  /** performance.now() at the signal, at the old process's exit, and when the new one answered /ready. */
  signalled: number;
  exited: number;
  ready: number;
}

/** Ends the server with `signal` and starts it again on the same database and port: the phones keep their URL. */
async function restart(signal: Restart['signal']): Promise<Restart> {
  const port = Number(new URL(server.base).port);
  const signalled = performance.now();
  await (signal === 'SIGKILL' ? server.kill() : server.stop());
  const exited = performance.now();
  server = await startServer(signal === 'SIGKILL' ? 'B' : 'C', databaseUrl, {}, { port });
  return { signal, signalled, exited, ready: performance.now() };
}

test(`${SIZE.takers} takers saving answers while the server is killed (SIGKILL) and later stopped (SIGTERM), each time started again: no acknowledged answer lost`, async () => {
  const figures = newTakerFigures();
  // Entered first, ten at a time: the entry throttle counts an address's entries still in flight.
  const tokens: string[] = [];
  for (let i = 0; i < drill.takers.length; i += 10) {
    tokens.push(...(await Promise.all(drill.takers.slice(i, i + 10).map((_, k) => enter(server.url, drill, i + k)))));
  }
  let acked = 0;
  const started = performance.now();
  const run: TakerRun = { url: server.url, drill, seed: SIZE.seed, abandonShare: 0.15, deadline: started + 600_000, figures, progress: () => acked++ };
  let finished = false;
  const done = Promise.all(tokens.map((token, i) => runTaker(run, i, token))).then(() => {
    figures.seconds = (performance.now() - started) / 1000;
    finished = true;
  });
  // About two saves per question (one to three): the faults at a third and at two thirds of them.
  const expectedSaves = drill.takers.length * drill.paperSize * 2;
  await until(() => acked >= expectedSaves / 3, 600_000);
  const restarts = [await restart('SIGKILL')];
  await until(() => acked >= (expectedSaves * 2) / 3, 600_000);
  restarts.push(await restart('SIGTERM'));
  await until(() => finished, 600_000);
  await done;

  // The abandoned attempts' time runs out (their deadlines moved to now, rather than waiting out the limit):
  // the restarted server's sweeper must submit them.
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const abandoned = [...figures.abandoned].map((id) => idOf(id, 'DrillAttempt'));
    await db.query(`update drill_attempt set deadline = clock_timestamp() where id = any($1::uuid[]) and status = 'IN_PROGRESS'`, [abandoned]);
    await until(async () => (await db.query(`select count(*)::int as n from drill_attempt where drill_id = $1 and status = 'IN_PROGRESS'`, [drill.drillUuid])).rows[0].n === 0, 60_000);
  } finally {
    await db.end();
  }

  const audit = auditDrill(await readDrill(databaseUrl, drill.drillUuid), { takers: drill.takers.length, ...figures });
  // A request across a restart: answered after the signal, sent before the new process was ready.
  const across = (l: RequestLog, r: Restart) => l.done >= r.signalled && l.sent <= r.ready;
  const kinds = (logs: RequestLog[]) => JSON.stringify(logs.reduce<Record<string, number>>((n, l) => ({ ...n, [l.failure!]: (n[l.failure!] ?? 0) + 1 }), {}));
  const during = restarts.map((r) => {
    const overlapping = figures.log.filter((l) => across(l, r));
    const failed = overlapping.filter((l) => l.failure);
    return { ...r, acked: overlapping.length - failed.length, failed: failed.length, kinds: kinds(failed) };
  });
  const failedOutside = figures.log.filter((l) => l.failure && !restarts.some((r) => across(l, r)));
  // When those were sent, in seconds after the last restart's ready (or the load's start): a fault's wake, or no fault at all.
  const after = failedOutside.map((l) => (l.sent - Math.max(started, ...restarts.filter((r) => r.ready <= l.sent).map((r) => r.ready))) / 1000);
  const latencies = figures.log.filter((l) => !l.failure).map((l) => l.done - l.sent).sort((a, b) => a - b);
  const pct = (p: number) => (latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0).toFixed(0);
  const lines: [string, string][] = [
    ['takers (papers of)', `${drill.takers.length} (${drill.paperSize} questions)`],
    ['HTTP requests (retries)', `${figures.requests} (${figures.retries})`],
    ['saves acknowledged (saved / already newer)', `${audit.acknowledgedSaves} (${figures.saveAcks.filter((a) => a.saved).length} / ${figures.saveAcks.filter((a) => !a.saved).length})`],
    ['answers stored', String(audit.storedAnswers)],
    ['last saves sent with the submission (refused: attempt over)', `${figures.racedSaves} (${figures.racedRefused})`],
    ...during.map((d): [string, string] => [`${d.signal}: down (signal → exit → ready)`, `${((d.ready - d.signalled) / 1000).toFixed(1)} s (exit after ${(d.exited - d.signalled).toFixed(0)} ms)`]),
    ...during.map((d): [string, string] => [`${d.signal}: requests across the restart`, `${d.acked} acknowledged (audited), ${d.failed} failed ${d.kinds}`]),
    ['requests failed outside the restarts', `${failedOutside.length} ${kinds(failedOutside)}${after.length ? `, sent ${Math.min(...after).toFixed(1)}–${Math.max(...after).toFixed(1)} s after the last restart (or start)` : ''}`],
    ['  by when sent (5 s buckets from the start: count)', Object.entries(failedOutside.reduce<Record<string, number>>((n, l) => { const b = `${Math.floor((l.sent - started) / 5000) * 5}s`; return { ...n, [b]: (n[b] ?? 0) + 1 }; }, {})).map(([b, n]) => `${b}:${n}`).join(' ')],
    ['restarts (signal → ready, from the start)', during.map((d) => `${d.signal} ${((d.signalled - started) / 1000).toFixed(0)}–${((d.ready - started) / 1000).toFixed(0)} s`).join(', ')],
    ['acknowledged requests: latency p50 / p99 / max', `${pct(0.5)} / ${pct(0.99)} / ${pct(1)} ms`],
    ['drill tokens refused → entered again', String(figures.reEntries)],
    ['acknowledged answers lost', String(audit.lost.length)],
    ['stored answers never sent', String(audit.madeUp.length)],
    ['attempts submitted', `${JSON.stringify(audit.submittedBy)} (${figures.abandoned.size} left to the sweeper, ${figures.submitAcks.length} submissions acknowledged)`],
    ['attempts wrong (count, state)', String(audit.attempts.length)],
    ['submissions told otherwise than stored', String(audit.doubleSubmitted.length)],
    ['scores ≠ marking of the stored answers', String(audit.scoreMismatches.length)],
    ['wrong answers (userErrors) / unfinished takers', `${figures.wrongAnswers.length} / ${figures.unfinished}`],
    ['seconds', `${figures.seconds.toFixed(1)} (${(figures.requests / figures.seconds).toFixed(0)} requests/s)`],
  ];
  const w = Math.max(...lines.map(([k]) => k.length));
  console.log(['== drill restart: the server killed and stopped under takers', ...lines.map(([k, v]) => `  ${k.padEnd(w)}  ${v}`)].join('\n'));

  // Details first, so a failure says what went wrong.
  expect(figures.wrongAnswers.slice(0, 10)).toEqual([]);
  expect(figures.unfinished).toBe(0);
  expect(audit.lost.slice(0, 10)).toEqual([]);
  expect(audit.madeUp.slice(0, 10)).toEqual([]);
  expect(audit.attempts.slice(0, 10)).toEqual([]);
  expect(audit.doubleSubmitted.slice(0, 10)).toEqual([]);
  expect(audit.scoreMismatches.slice(0, 10)).toEqual([]);
  const by = { TAKER: drill.takers.length - figures.abandoned.size, DEADLINE: figures.abandoned.size };
  expect(audit.submittedBy).toEqual(Object.fromEntries(Object.entries(by).filter(([, n]) => n > 0)));
  expect(figures.reEntries).toBe(0); // a drill token is stateless: it outlives the process that issued it
  // Both restarts were felt, and answered with errors or refused connections.
  for (const d of during) expect(d.failed).toBeGreaterThan(0);
}, 900_000);
