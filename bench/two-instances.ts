import { benchDatabase, startServerProcess } from './lib/env.js';
import { closeScreens, deliveries, openScreens, settle } from './lib/live.js';
import { markSheet, runMarks } from './lib/marks.js';
import { seedCompetition } from './lib/seed.js';
import { fmt, summarize, table } from './lib/stats.js';
import { report } from './lib/summary.js';

/**
 * The fan-out on two server processes sharing one PostgreSQL: screens alternate between A and B, every
 * mark goes to A, so B's screens learn of each mark only across instances (LISTEN/NOTIFY). The figure
 * is what B adds: per version, the slowest screen on B minus the slowest on A.
 */
export async function twoInstances(opts: { seconds: number; subscribers: number; entries: number; criteria: number; judges: number; concurrency: number }): Promise<void> {
  const db = await benchDatabase();
  const a = await startServerProcess(db.url, {}, 'two-instances A');
  const b = await startServerProcess(db.url, {}, 'two-instances B');
  try {
    const seeded = await seedCompetition(a.url, opts);
    const screens = await openScreens(opts.subscribers, seeded.competitionId, (i) => (i % 2 ? b.wsUrl : a.wsUrl));
    const onA = screens.filter((_, i) => i % 2 === 0);
    const onB = screens.filter((_, i) => i % 2 === 1);
    a.resetMaxRss();
    b.resetMaxRss();
    const run = await runMarks(seeded, markSheet(seeded), { seconds: opts.seconds, concurrency: opts.concurrency, url: a.url });
    await settle(run.sentAt, screens); // the last deliveries land (up to 30 s)
    const all = summarize(deliveries(run.sentAt, screens).latencies);
    const perVersion = (group: typeof screens) => {
      const worst = new Map<number, number>();
      for (const [version, t0] of run.sentAt) {
        const one = deliveries(new Map([[version, t0]]), group);
        if (one.latencies.length) worst.set(version, one.latencies[0]!);
      }
      return worst;
    };
    const wa = perVersion(onA);
    const wb = perVersion(onB);
    const sa = summarize([...wa.values()]);
    const sb = summarize([...wb.values()]);
    const added = summarize([...wb].filter(([v]) => wa.has(v)).map(([v, ms]) => ms - wa.get(v)!));
    const missing = deliveries(run.sentAt, screens).missing;
    report('twoInstances', `${fmt(run.sentAt.size / run.elapsed)} marks/s; submit → every screen p99 ${fmt(all.p99, 0)} ms (A, which took the marks: ${fmt(sa.p99, 0)} ms; B: ${fmt(sb.p99, 0)} ms); B − A per version p50 ${fmt(added.p50, 0)} ms, p99 ${fmt(added.p99, 0)} ms${missing ? `; ${missing} never delivered` : ''}`);
    console.log(table(`two instances: ${opts.entries} entries, ${opts.subscribers} subscribers split over A and B on one PostgreSQL, marks to A, ${opts.concurrency} in flight, ${opts.seconds} s`, [
      ['marks accepted', `${run.sentAt.size} (${run.errors} failed${run.reasons.size ? `: ${[...run.reasons].slice(0, 2).join('; ')}` : ''})`],
      ['marks per second', fmt(run.sentAt.size / run.elapsed)],
      ['submit → every screen on A holds it, ms', `p50 ${fmt(sa.p50)}  p99 ${fmt(sa.p99)}  max ${fmt(sa.max)}`],
      ['submit → every screen on B holds it, ms', `p50 ${fmt(sb.p50)}  p99 ${fmt(sb.p99)}  max ${fmt(sb.max)}`],
      ['added by crossing instances (B − A, per version), ms', `p50 ${fmt(added.p50)}  p99 ${fmt(added.p99)}`],
      ['subscriber-versions never delivered', String(missing)],
      ['server RSS MB, max of 1 s samples', `A ${fmt(a.maxRssMb())}  B ${fmt(b.maxRssMb())}`],
    ]));
    closeScreens(screens);
  } finally {
    await b.stop();
    await a.stop();
    await db.stop();
  }
}
