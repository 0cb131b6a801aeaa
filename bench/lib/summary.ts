import { describeExit, unexpectedExits } from './watch.js';

/**
 * The closing table of `npm run bench`: issue 14's and 16's figures (figure | this run | target) in markdown,
 * so a closing note can paste it. Scenarios fill their rows; a row no scenario filled reads "not run".
 */
export const ROWS = {
  marksLive: ['marks/s, 500 entries, 20 judges\' requests in flight, 1,000 `leaderboardUpdated` subscribers', '≥ 150'],
  marksAlone: ['marks/s, same, no subscribers (server CPU per mark; SQL statements per mark)', '≥ 300'],
  screensLoaded: ['submit → every one of 1,000 screens holds that version, under that load, p99', '≤ 500 ms'],
  isolated: ['*isolated*: submit → every one of 1,000 screens holds it, a mark ≥ 300 ms after the last, 100 entries (p50 / p99)', 'p99 ≤ 50 ms'],
  pageUncached: ['competition page (100 entries) req/s ÷ PostGraphile 4\'s, same run, **without** the response cache (`Cache-Control: no-cache`)', '≥ 1.0×'],
  pageCached: ['the same with the cache: plain requests / with `If-None-Match` (a phone that has the page)', '≥ 3×'],
  workers: ['workers(first: 100) req/s ÷ PostGraphile\'s (personal data: no shared cache)', '≥ 1.0×'],
  rss: ['server RSS with 1,000 subscribers, the maximum of samples taken every second during the run', '≤ 300 MB'],
  spectators: ['*spectators*: 2,000 anonymous clients reading the competition page every 2 s while judges mark at 100 marks/s', '—'],
  twoInstances: ['*two instances*: the fan-out with the 1,000 subscribers split over two server processes on one PostgreSQL', '—'],
  drillStart: ['*drill* (issue 16): `startAttempt` p99 when 500 of 3,000 takers start in the same second (papers drawn ahead)', '≤ 1.5 s'],
  drillSave: ['*drill*: `saveAnswer` p99 at 300 saves/s (3,000 takers saving every 10 s)', '≤ 100 ms'],
  drillCapacity: ['*drill*: save capacity, the highest rate (steps of +100/s, open loop) whose p99 ≤ 200 ms with no errors', '≥ 800/s'],
  drillSweep: ['*drill*: every open attempt submitted after the deadline (sweeper), the last one', '≤ 5 s'],
  drillRss: ['*drill*: server RSS, the maximum of 1 s samples from the burst on', '—'],
} as const;

export type RowKey = keyof typeof ROWS;

const figures = new Map<RowKey, string>();
const failures: string[] = [];

export function report(key: RowKey, value: string): void {
  figures.set(key, value);
}

export function scenarioFailed(name: string, err: unknown): void {
  failures.push(`${name}: ${String(err instanceof Error ? err.message : err).slice(0, 300)}`);
}

export function summaryTable(scenarios: string[], minutes: number): string {
  const knobs = Object.entries(process.env).filter(([k]) => k.startsWith('BENCH_')).map(([k, v]) => `${k}=${v}`);
  const lines = [
    `\n== summary (issues 14, 16): ${scenarios.join(', ')} in ${minutes.toFixed(1)} min, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC${knobs.length ? `; sizes changed by ${knobs.join(' ')}` : ''}`,
    '',
    '| figure | this run | target |',
    '|---|---|---|',
    ...Object.entries(ROWS).map(([key, [figure, target]]) => `| ${figure} | ${figures.get(key as RowKey) ?? 'not run'} | ${target} |`),
    '',
  ];
  const exits = unexpectedExits();
  lines.push(exits.length ? `Server processes that exited by themselves: ${exits.length}` : 'Server processes that exited by themselves: none');
  for (const e of exits) lines.push(`  - ${describeExit(e)}`);
  for (const f of failures) lines.push(`Scenario failed: ${f}`);
  return lines.join('\n');
}
