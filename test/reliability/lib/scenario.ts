import { performance } from 'node:perf_hooks';
import { idOf } from '../../../src/common/relay';
import { startCluster, type PgCluster } from './cluster';
import { startDropProxy } from './drop-proxy';
import { newFigures, runJudge, type Faults, type LoadFigures, type Route } from './judges';
import { seedCompetition, type Seeded } from './seed';
import { startServer, type ServerInstance } from './server-process';
import { fetchBoard, Screen, screensAt, type BoardState } from './screens';
import { auditMarks, recomputeFromScratch, rowsKey, type MarkAudit } from './verify';
import { planWorkload, type MarkOp } from './workload';

function num(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number, got "${raw}"`);
  return n;
}

/** Sizes: full by default, smaller in CI through the environment. */
export const SIZE = {
  marks: num('RELIABILITY_MARKS', 10_000),
  judges: num('RELIABILITY_JUDGES', 100),
  entries: num('RELIABILITY_ENTRIES', 40),
  criteria: num('RELIABILITY_CRITERIA', 10),
  screens: num('RELIABILITY_SCREENS', 20),
  /** drill-restart.test.ts: workers taking the drill at once, each with a phone of their own. */
  takers: num('RELIABILITY_TAKERS', 300),
  outageSeconds: num('RELIABILITY_OUTAGE_SECONDS', 5),
  /** fast: PostgreSQL's own orderly stop; immediate: a crash, with WAL replay on start. */
  stopMode: (process.env.RELIABILITY_STOP_MODE === 'immediate' ? 'immediate' : 'fast') as 'fast' | 'immediate',
  seed: num('RELIABILITY_SEED', 20261202),
};

export const FAULTS: Faults = { duplicate: 0.1, drop: 0.03, abort: 0.02 };

/** A dedicated cluster, `instances` server processes on one database, drop relays, a seeded competition. */
export interface Rig {
  cluster: PgCluster;
  databaseUrl: string;
  servers: ServerInstance[];
  routes: Route[];
  seeded: Seeded;
  competitionUuid: string;
  plan: MarkOp[][];
  close(): Promise<void>;
}

export async function setRig(instances: number): Promise<Rig> {
  const cluster = await startCluster();
  const databaseUrl = cluster.url('postgres');
  const servers: ServerInstance[] = [];
  const proxies: Awaited<ReturnType<typeof startDropProxy>>[] = [];
  const close = async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await Promise.all(proxies.map((p) => p.close()));
    await cluster.destroy();
  };
  try {
    // The first instance migrates; the others start on the migrated database.
    for (let i = 0; i < instances; i++) servers.push(await startServer(String.fromCharCode(65 + i), databaseUrl));
    const routes: Route[] = [];
    for (const s of servers) {
      const proxy = await startDropProxy(Number(new URL(s.base).port));
      proxies.push(proxy);
      routes.push({ name: s.name, url: s.url, dropUrl: proxy.url });
    }
    const seeded = await seedCompetition(servers[0]!.url, { entries: SIZE.entries, criteria: SIZE.criteria, judges: SIZE.judges });
    const plan = planWorkload(seeded, { marks: SIZE.marks, correctionShare: 0.1, seed: SIZE.seed });
    return { cluster, databaseUrl, servers, routes, seeded, competitionUuid: idOf(seeded.competitionId, 'Competition')!, plan, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/** Opens the public screens, spread over the live instances. */
export async function openScreens(rig: Rig, count: number, live: () => ServerInstance[]): Promise<Screen[]> {
  const endpoints = () => live().map((s) => ({ name: s.name, url: s.url, wsUrl: s.wsUrl }));
  const screens = Array.from({ length: count }, (_, i) => new Screen(endpoints, rig.seeded.competitionId, i));
  await Promise.all(screens.map((s) => s.start()));
  return screens;
}

/** Runs every judge at once; `acked()` tells how many marks are acknowledged so far (to time a fault). */
export async function runLoad(rig: Rig, routes: () => Route[], opts: { deadlineSeconds?: number } = {}): Promise<{ figures: LoadFigures; acked: () => number; done: Promise<void> }> {
  const figures = newFigures();
  let acked = 0;
  const started = performance.now();
  const deadline = started + (opts.deadlineSeconds ?? 600) * 1000;
  const done = Promise.all(
    rig.plan.map((ops, j) => runJudge(ops, rig.seeded.judges[j]!.token, routes, FAULTS, figures, { seed: SIZE.seed + j, deadline, progress: () => acked++ })),
  ).then(() => {
    figures.seconds = (performance.now() - started) / 1000;
  });
  return { figures, acked: () => acked, done };
}

/** Waits for `pred`; fails at once when a server of the rig ended without the test ending it. */
export async function until(pred: () => boolean, timeoutMs = 120_000, rig?: Rig): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pred()) {
    const died = rig?.servers.map((s) => s.unexpectedExit()).find((e) => e);
    if (died) throw new Error(died);
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Waits for every judge to finish, failing at once if a server died under them. */
export async function finish(load: { done: Promise<void> }, rig: Rig): Promise<void> {
  let finished = false;
  void load.done.then(() => (finished = true));
  await until(() => finished, 900_000, rig);
  await load.done;
}

export interface Verdict {
  audit: MarkAudit;
  final: BoardState;
  fromScratchMatches: boolean;
  storedResultMismatches: string[];
  screensBehind: string[];
  screensWrongRows: number;
}

/** Everything the issue asks of the end state, read from the database and the given instance. */
export async function verdict(rig: Rig, via: ServerInstance, figures: LoadFigures, screens: Screen[]): Promise<Verdict> {
  const audit = await auditMarks(rig.databaseUrl, rig.competitionUuid, rig.plan, figures.acks);
  const final = await fetchBoard(via.url, rig.seeded.competitionId, rig.seeded.organizerToken);
  const scratch = await recomputeFromScratch(rig.databaseUrl, rig.competitionUuid);
  const behind = await screensAt(screens, final.version, 15_000);
  const finalRows = rowsKey(final);
  // The screens are the hall's: they show the public board, which holds back an entry's stage score until
  // its marks there are all in (issue 12), so they are compared with the public board at the same version.
  const publicRows = rowsKey(await fetchBoard(via.url, rig.seeded.competitionId));
  return {
    audit,
    final,
    fromScratchMatches: JSON.stringify(scratch.rows) === finalRows,
    storedResultMismatches: scratch.storedResultMismatches,
    screensBehind: behind.map((s) => `${s.instance}: at ${s.board?.version ?? 'nothing'}`),
    screensWrongRows: screens.filter((s) => s.board && s.board.version === final.version && rowsKey(s.board) !== publicRows).length,
  };
}

/** The figures of a run, printed as a block the docs quote. */
export function report(title: string, figures: LoadFigures, v: Verdict, screens: Screen[], extra: [string, string][] = []): void {
  const lost = v.audit.lost.length + figures.unacknowledged;
  const lines: [string, string][] = [
    ['marks submitted (corrections)', `${figures.marks} (${figures.corrections}) by ${SIZE.judges} judges on ${SIZE.entries} entries × ${SIZE.criteria} criteria`],
    ['HTTP requests', String(figures.requests)],
    ['sent twice (duplicates)', String(figures.duplicates)],
    ['responses dropped after the server answered', String(figures.droppedResponses)],
    ['client aborts before an answer', String(figures.clientAborts)],
    ['retries (same idempotency key)', String(figures.retries)],
    ['acknowledged as a replay', String(figures.replayedAcks)],
    ['attempts failed cleanly (error, nothing acknowledged)', `${figures.failedCleanly} ${JSON.stringify(figures.failureKinds)}`],
    ...extra,
    ['marks stored / expected', `${v.audit.storedMarks} / ${v.audit.expectedMarks}`],
    ['revisions stored / expected', `${v.audit.storedRevisions} / ${v.audit.expectedRevisions}`],
    ['marks lost', String(lost)],
    ['marks or revisions doubled', String(v.audit.doubled.length)],
    ['marks or corrections never sent or never answered (not in the database)', String(v.audit.notSent.length)],
    ['wrong answers', String(figures.wrongAnswers.length + figures.duplicateDisagreements.length + v.audit.misattributed.length)],
    ['leaderboard = recomputation from scratch', `${v.fromScratchMatches} (stored results off: ${v.storedResultMismatches.length})`],
    ['final leaderboard version', String(v.final.version)],
    ['screens on the final board', `${screens.length - v.screensBehind.length - v.screensWrongRows} / ${screens.length} (messages ${screens.reduce((n, s) => n + s.messages, 0)}, reconnects ${screens.reduce((n, s) => n + s.reconnects, 0)}, refetches ${screens.reduce((n, s) => n + s.refetches, 0)})`],
    ['seconds', `${figures.seconds.toFixed(1)} (${(figures.marks / figures.seconds).toFixed(0)} marks/s)`],
  ];
  const w = Math.max(...lines.map(([k]) => k.length));
  // The offending items themselves, so a failed run says which marks, not only how many.
  const items = ([['lost', v.audit.lost], ['doubled', v.audit.doubled], ['not sent / unanswered', v.audit.notSent], ['misattributed', v.audit.misattributed]] as const)
    .filter(([, list]) => list.length)
    .map(([name, list]) => `  ${name} (first ${Math.min(5, list.length)} of ${list.length}):\n${list.slice(0, 5).map((x) => `    ${x}`).join('\n')}`);
  console.log([`== ${title}`, ...lines.map(([k, val]) => `  ${k.padEnd(w)}  ${val}`), ...items].join('\n'));
}

/** The assertions shared by all three scenarios; details first, so a failure says what went wrong. */
export function expectNothingLost(figures: LoadFigures, v: Verdict, screens: Screen[]): void {
  expect(figures.wrongAnswers.slice(0, 10)).toEqual([]);
  expect(figures.duplicateDisagreements.slice(0, 10)).toEqual([]);
  expect(figures.unacknowledged).toBe(0);
  expect(v.audit.lost.slice(0, 10)).toEqual([]);
  expect(v.audit.doubled.slice(0, 10)).toEqual([]);
  expect(v.audit.notSent.slice(0, 10)).toEqual([]);
  expect(v.audit.misattributed.slice(0, 10)).toEqual([]);
  expect(v.audit.storedMarks).toBe(v.audit.expectedMarks);
  expect(v.audit.storedRevisions).toBe(v.audit.expectedRevisions);
  expect(v.storedResultMismatches.slice(0, 5)).toEqual([]);
  expect(v.fromScratchMatches).toBe(true);
  expect(v.screensBehind).toEqual([]);
  expect(v.screensWrongRows).toBe(0);
  expect(screens.flatMap((s) => s.errors).slice(0, 5)).toEqual([]);
}
