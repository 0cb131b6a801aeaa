import { gql } from './lib/gql.js';
import { benchDatabase, startServerProcess } from './lib/env.js';
import { closeScreens, deliveries, followsChanges, openScreens, settle } from './lib/live.js';
import { markSheet, runMarks } from './lib/marks.js';
import { StatementCounter } from './lib/pgstat.js';
import { seedCompetition } from './lib/seed.js';
import { cpuSeconds, fmt, summarize, table } from './lib/stats.js';
import { report } from './lib/summary.js';

/**
 * Live scoring on one competition: judges mark as fast as `concurrency` requests in flight allow,
 * first with no screen open (the mark's own cost: marks/s, server CPU and SQL statements per mark),
 * then with `subscribers` screens on `leaderboardUpdated` (marks/s, submit → every screen, RSS).
 */
export async function fanout(opts: { seconds: number; aloneSeconds: number; subscribers: number; entries: number; criteria: number; judges: number; concurrency: number }): Promise<void> {
  const db = await benchDatabase();
  const server = await startServerProcess(db.url, {}, 'fanout');
  const counter = await StatementCounter.open(db.url);
  try {
    const seeded = await seedCompetition(server.url, opts);
    const full = JSON.stringify(await gql(server.url, `query($id: ID!) { node(id: $id) { ... on Competition { leaderboard { version rows(first: 1000) { nodes { rank startNumber station displayName enterpriseNames total completeness stageTotals { score } } } } } } }`, { id: seeded.competitionId }));
    const sheet = markSheet(seeded);

    // 1. No screen open: what a mark costs the server.
    await counter?.quiet();
    const statements0 = counter ? await counter.total() : NaN;
    const cpu0 = cpuSeconds(server.pid);
    const alone = await runMarks(seeded, sheet, { seconds: opts.aloneSeconds, concurrency: opts.concurrency, url: server.url });
    await counter?.quiet(); // the board refreshes a mark caused are the mark's cost too
    const aloneCpuMs = (1000 * (cpuSeconds(server.pid) - cpu0)) / (alone.sentAt.size || 1);
    const aloneStatements = counter ? ((await counter.total()) - statements0) / (alone.sentAt.size || 1) : NaN;
    const aloneLat = summarize(alone.submitMs);
    const aloneRate = alone.sentAt.size / alone.elapsed;
    report('marksAlone', `${fmt(aloneRate)} (${fmt(aloneCpuMs)} ms CPU, ${fmt(aloneStatements)} statements a mark)`);

    // 2. The screens.
    const screens = await openScreens(opts.subscribers, seeded.competitionId, () => server.wsUrl);
    const rssBefore = server.rssMb();
    server.resetMaxRss();
    const cpu0Live = cpuSeconds(server.pid);
    const live = await runMarks(seeded, sheet, { seconds: opts.seconds, concurrency: opts.concurrency, url: server.url });
    const cpuLive = cpuSeconds(server.pid) - cpu0Live;
    await settle(live.sentAt, screens); // the last deliveries land (up to 30 s)
    const rssMax = server.maxRssMb();
    const rssAfter = server.rssMb();
    const d = deliveries(live.sentAt, screens);
    const lat = summarize(d.latencies);
    const sub = summarize(live.submitMs);
    const liveRate = live.sentAt.size / live.elapsed;
    report('marksLive', fmt(liveRate));
    report('screensLoaded', `${fmt(lat.p99, 0)} ms (p50 ${fmt(lat.p50, 0)} ms${d.missing ? `, ${d.missing} never delivered` : ''})`);
    report('rss', `${fmt(rssMax, 0)} MB (${fmt(rssBefore, 0)} MB once the screens were open)`);
    console.log(table(`fan-out: ${opts.entries} entries, 3 stages, ${seeded.criteria.length} criteria, ${opts.judges} judges, ${opts.concurrency} requests in flight; ${opts.aloneSeconds} s alone, then ${opts.subscribers} subscribers (${followsChanges() ? 'leaderboardChanged' : 'leaderboardUpdated'}) for ${opts.seconds} s`, [
      ['no subscribers: marks accepted', `${alone.sentAt.size} (${alone.errors} failed${alone.reasons.size ? `: ${[...alone.reasons].slice(0, 2).join('; ')}` : ''})`],
      ['no subscribers: marks per second', fmt(aloneRate)],
      ['no subscribers: submitScore latency ms', `p50 ${fmt(aloneLat.p50)}  p95 ${fmt(aloneLat.p95)}  p99 ${fmt(aloneLat.p99)}`],
      ['no subscribers: server CPU per mark', `${fmt(aloneCpuMs)} ms`],
      ['no subscribers: SQL statements per mark', `${fmt(aloneStatements)} (the board refreshes included)`],
      ['marks accepted', `${live.sentAt.size} (${live.errors} failed${live.reasons.size ? `: ${[...live.reasons].slice(0, 2).join('; ')}` : ''})`],
      ['marks per second', fmt(liveRate)],
      ['submitScore latency ms', `p50 ${fmt(sub.p50)}  p95 ${fmt(sub.p95)}  p99 ${fmt(sub.p99)}`],
      ['submit → every subscriber holds it, ms', `p50 ${fmt(lat.p50)}  p95 ${fmt(lat.p95)}  p99 ${fmt(lat.p99)}  max ${fmt(lat.max)}`],
      ['subscriber-versions never delivered', String(d.missing)],
      ...(followsChanges() ? [['changes (leaderboardChanged) not applying to the version a screen held', String(screens.reduce((n, s) => n + s.offBase, 0))] as [string, string]] : []),
      ['versions skipped by a screen (superseded)', String(d.skipped)],
      ['messages delivered', `${d.messages} (${fmt(d.messages / live.elapsed, 0)}/s)`],
      // The steadiest figures on a shared machine: the server's CPU for the marks and every board message they caused.
      ['server CPU', `${fmt((1000 * cpuLive) / live.elapsed, 0)} ms/s; ${fmt((1000 * cpuLive) / (live.sentAt.size || 1))} ms per mark; ${fmt((1e6 * cpuLive) / (d.messages || 1), 0)} µs per message delivered (all of it ÷ messages)`],
      [`payload per message (top ${process.env.BENCH_SCREEN_ROWS ?? 20} rows${followsChanges() ? ', as changes' : ''})`, `${fmt(d.bytes / (d.messages || 1), 0)} bytes`],
      [`full leaderboard (${opts.entries} rows) over HTTP`, `${full.length} bytes`],
      ['server RSS MB', `${fmt(rssBefore)} with subscribers, max ${fmt(rssMax)} of 1 s samples during the run, ${fmt(rssAfter)} after it`],
    ]));
    closeScreens(screens);
  } finally {
    await counter?.close();
    await server.stop();
    await db.stop();
  }
}
