import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { fanout } from './fanout.js';
import { isolated } from './isolated.js';
import { twoInstances } from './two-instances.js';
import { spectators } from './spectators.js';
import { frontendRead } from './read.js';
import { writePath } from './write.js';
import { startTimes } from './start.js';
import { floor } from './floor.js';
import { drill } from './drill.js';
import { scenarioFailed, summaryTable } from './lib/summary.js';

/**
 * `npm run bench` runs every scenario and ends with one summary table (issue 14's figures, markdown);
 * `npm run bench -- fanout read` runs some. Figures are printed, never asserted. Sizes can be lowered
 * for a quick look: BENCH_SECONDS (every load row), BENCH_SUBSCRIBERS, BENCH_SPECTATORS, BENCH_REGISTRY, BENCH_DRILL_*;
 * see bench/README.md.
 */
const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const seconds = (fallback: number) => env('BENCH_SECONDS', fallback);

const scenarios: Record<string, () => Promise<void>> = {
  fanout: () =>
    fanout({
      seconds: seconds(30),
      aloneSeconds: seconds(20),
      subscribers: env('BENCH_SUBSCRIBERS', 1000),
      entries: env('BENCH_ENTRIES', 500),
      criteria: 20,
      judges: 5,
      concurrency: env('BENCH_CONCURRENCY', 20),
    }),
  isolated: () => isolated({ seconds: seconds(30), gapMs: 300, subscribers: env('BENCH_SUBSCRIBERS', 1000), entries: 100 }),
  'two-instances': () =>
    twoInstances({ seconds: seconds(20), subscribers: env('BENCH_SUBSCRIBERS', 1000), entries: env('BENCH_ENTRIES', 500), criteria: 20, judges: 5, concurrency: env('BENCH_CONCURRENCY', 20) }),
  spectators: () => spectators({ seconds: seconds(30), clients: env('BENCH_SPECTATORS', 2000), everyMs: 2000, marksPerSecond: 100, entries: 100 }),
  read: () => frontendRead({ seconds: seconds(20), clients: [10, 50], entries: 100, registry: env('BENCH_REGISTRY', 5000) }),
  write: () => writePath({ seconds: seconds(20), judges: 20, entries: 100, criteria: 12, importRows: 10_000 }),
  start: () => startTimes({ warmRuns: 3 }),
  floor: () => floor({ seconds: seconds(20), clients: 50 }),
  drill: () => drill({
    takers: env('BENCH_DRILL_TAKERS', 3000), burst: env('BENCH_DRILL_BURST', 500), savesPerSecond: env('BENCH_DRILL_SAVES', 300), seconds: seconds(30),
    step: 100, stepSeconds: env('BENCH_DRILL_STEP_SECONDS', 5), limitMs: 200, maxRate: env('BENCH_DRILL_MAX_RATE', 3000),
    submitters: env('BENCH_DRILL_SUBMITTERS', 150), sweepAheadSeconds: 5, sockets: env('BENCH_DRILL_SOCKETS', 200), instances: env('BENCH_DRILL_INSTANCES', 1),
  }),
};

async function main(): Promise<number> {
  const wanted = process.argv.slice(2);
  const names = wanted.length ? wanted : Object.keys(scenarios);
  for (const name of names) if (!scenarios[name]) throw new Error(`unknown scenario "${name}"; known: ${Object.keys(scenarios).join(', ')}`);
  const started = performance.now();
  let failed = 0;
  for (const name of names) {
    // One scenario failing (a server that died, say) leaves the others to run; the summary says so.
    try {
      await scenarios[name]!();
    } catch (err) {
      console.error(`\n!! scenario ${name} failed:`, err);
      scenarioFailed(name, err);
      failed++;
    }
  }
  console.log(summaryTable(names, (performance.now() - started) / 60_000));
  return failed;
}

main().then(
  (failed) => process.exit(failed ? 1 : 0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
