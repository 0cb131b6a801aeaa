import 'reflect-metadata';
import { fanout } from './fanout.js';
import { frontendRead } from './read.js';
import { writePath } from './write.js';
import { startTimes } from './start.js';
import { floor } from './floor.js';

/**
 * `npm run bench` runs every scenario; `npm run bench -- fanout` one. Figures are printed, never
 * asserted. Sizes can be lowered for a quick look: BENCH_SECONDS, BENCH_SUBSCRIBERS, BENCH_REGISTRY.
 * Scenarios: fanout, read (vs PostGraphile), write, start, floor; see bench/README.md.
 */
const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

const scenarios: Record<string, () => Promise<void>> = {
  fanout: () =>
    fanout({
      seconds: env('BENCH_SECONDS', 30),
      subscribers: env('BENCH_SUBSCRIBERS', 1000),
      entries: env('BENCH_ENTRIES', 500),
      criteria: 20,
      judges: 5,
      concurrency: env('BENCH_CONCURRENCY', 20),
    }),
  read: () => frontendRead({ seconds: env('BENCH_SECONDS', 20), clients: [10, 50], entries: 100, registry: env('BENCH_REGISTRY', 5000) }),
  write: () => writePath({ seconds: env('BENCH_SECONDS', 20), judges: 20, entries: 100, criteria: 12, importRows: 10_000 }),
  start: () => startTimes({ warmRuns: 3 }),
  floor: () => floor({ seconds: env('BENCH_SECONDS', 20), clients: 50 }),
};

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const names = wanted.length ? wanted : Object.keys(scenarios);
  for (const name of names) {
    const run = scenarios[name];
    if (!run) throw new Error(`unknown scenario "${name}"; known: ${Object.keys(scenarios).join(', ')}`);
    await run();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
