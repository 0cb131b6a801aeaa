import { benchDatabase, startServerProcess } from './lib/env.js';
import { closeScreens, deliveries, openScreens, settle } from './lib/live.js';
import { markSheet, runMarks } from './lib/marks.js';
import { seedCompetition } from './lib/seed.js';
import { fmt, summarize, table } from './lib/stats.js';
import { report } from './lib/summary.js';

/**
 * The isolated mark: one judge marks, waiting `gapMs` after each answer (a quiet moment before every
 * mark), while `subscribers` screens watch: submit → the slowest screen holds that version.
 */
export async function isolated(opts: { seconds: number; gapMs: number; subscribers: number; entries: number }): Promise<void> {
  const db = await benchDatabase();
  const server = await startServerProcess(db.url, {}, 'isolated');
  try {
    const seeded = await seedCompetition(server.url, { entries: opts.entries, criteria: 20, judges: 1 });
    const screens = await openScreens(opts.subscribers, seeded.competitionId, () => server.wsUrl);
    await new Promise((r) => setTimeout(r, 500));
    const run = await runMarks(seeded, markSheet(seeded), { seconds: opts.seconds, concurrency: 1, gapMs: opts.gapMs, url: server.url });
    await settle(run.sentAt, screens); // the last deliveries land (up to 30 s)
    const d = deliveries(run.sentAt, screens);
    const lat = summarize(d.latencies);
    const sub = summarize(run.submitMs);
    report('isolated', `p50 ${fmt(lat.p50, 0)} ms, p99 ${fmt(lat.p99, 0)} ms (${lat.n} marks${d.missing ? `, ${d.missing} never delivered` : ''})`);
    console.log(table(`isolated mark: ${opts.entries} entries, ${opts.subscribers} subscribers, one mark ${opts.gapMs} ms after the last answer, ${opts.seconds} s`, [
      ['marks', `${run.sentAt.size} (${run.errors} failed)`],
      ['submitScore latency ms', `p50 ${fmt(sub.p50)}  p99 ${fmt(sub.p99)}`],
      ['submit → every subscriber holds it, ms', `p50 ${fmt(lat.p50)}  p95 ${fmt(lat.p95)}  p99 ${fmt(lat.p99)}  max ${fmt(lat.max)}`],
      ['subscriber-versions never delivered', String(d.missing)],
      ['versions skipped by a screen', String(d.skipped)],
      ['messages delivered', String(d.messages)],
    ]));
    closeScreens(screens);
  } finally {
    await server.stop();
    await db.stop();
  }
}
