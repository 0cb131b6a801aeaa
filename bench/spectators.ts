import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { benchDatabase, startServerProcess } from './lib/env.js';
import { markSheet, runMarks } from './lib/marks.js';
import { seedCompetition } from './lib/seed.js';
import { cpuSeconds, fmt, summarize, table } from './lib/stats.js';
import { report } from './lib/summary.js';

/** What a spectator's phone shows: the competition, its stages, the entries and the whole board. */
export const SPECTATOR_PAGE = `query SpectatorPage($id: ID!, $n: Int!) { competition(id: $id) {
  id title kind level trade status startsAt endsAt
  stages { id name weight position }
  entries(first: $n) { totalCount nodes { id startNumber station status displayName } }
  leaderboard { version rows(first: $n) { totalCount nodes { entryId rank startNumber station displayName enterpriseNames total completeness stageTotals { stageId score } } } } } }`;

interface Tally { latencies: number[]; ok: number; notModified: number; errors: number; reasons: Map<string, number>; bytes: number; elapsed: number }

/**
 * `clients` anonymous spectators, each reading the page every `everyMs` (the next read starts
 * `everyMs` after the last one started, at once if that answer took longer) and, like a browser,
 * sending the last ETag it got as If-None-Match and accepting gzip. Bodies are counted, not parsed.
 */
async function spectate(url: string, body: string, opts: { clients: number; everyMs: number; seconds: number }): Promise<Tally> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.clients });
  const tally: Tally = { latencies: [], ok: 0, notModified: 0, errors: 0, reasons: new Map(), bytes: 0, elapsed: 0 };
  const started = performance.now();
  const fail = (why: string) => {
    tally.errors++;
    tally.reasons.set(why, (tally.reasons.get(why) ?? 0) + 1);
  };
  const deadline = performance.now() + opts.seconds * 1000;
  const one = (etag: string | undefined) =>
    new Promise<string | undefined>((resolve) => {
      const t0 = performance.now();
      const req = http.request(url, {
        method: 'POST', agent, timeout: 60_000,
        headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip', 'content-length': Buffer.byteLength(body), ...(etag ? { 'if-none-match': etag } : {}) },
      }, (res) => {
        let bytes = 0;
        res.on('data', (c: Buffer) => (bytes += c.length));
        res.on('end', () => {
          tally.latencies.push(performance.now() - t0);
          tally.bytes += bytes;
          if (res.statusCode === 200) tally.ok++;
          else if (res.statusCode === 304) tally.notModified++;
          else fail(`HTTP ${res.statusCode}`);
          resolve((res.headers.etag as string | undefined) ?? etag);
        });
      });
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', (err) => {
        fail(err.message.slice(0, 80));
        resolve(etag);
      });
      req.end(body);
    });
  await Promise.all(Array.from({ length: opts.clients }, async (_, i) => {
    // Spread the first reads over one period, as phones that opened the page at different moments.
    await new Promise((r) => setTimeout(r, (i * opts.everyMs) / opts.clients));
    let etag: string | undefined;
    while (performance.now() < deadline) {
      const start = performance.now();
      etag = await one(etag);
      const wait = start + opts.everyMs - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
  }));
  agent.destroy();
  // Until the last answer: a saturated server answers the last reads long after the deadline.
  tally.elapsed = (performance.now() - started) / 1000;
  return tally;
}

export async function spectators(opts: { seconds: number; clients: number; everyMs: number; marksPerSecond: number; entries: number }): Promise<void> {
  const db = await benchDatabase();
  const server = await startServerProcess(db.url, {}, 'spectators');
  try {
    const seeded = await seedCompetition(server.url, { entries: opts.entries, criteria: 20, judges: 5 });
    const body = JSON.stringify({ query: SPECTATOR_PAGE, variables: { id: seeded.competitionId, n: opts.entries } });
    const check = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const text = await check.text();
    if (!check.ok || text.includes('"errors"')) throw new Error(`the spectator page fails anonymously: ${check.status} ${text.slice(0, 300)}`);
    const cpu0 = cpuSeconds(server.pid);
    server.resetMaxRss();
    const [tally, marks] = await Promise.all([
      spectate(server.url, body, opts),
      runMarks(seeded, markSheet(seeded), { seconds: opts.seconds, concurrency: 20, perSecond: opts.marksPerSecond, url: server.url }),
    ]);
    const cpu = cpuSeconds(server.pid) - cpu0;
    const s = summarize(tally.latencies);
    const reads = tally.ok + tally.notModified;
    const reasons = [...tally.reasons].map(([k, n]) => `${n}× ${k}`).slice(0, 3).join('; ');
    report('spectators', `page p50 ${fmt(s.p50, 0)} ms, p99 ${fmt(s.p99, 0)} ms, ${fmt(reads / tally.elapsed, 0)} reads/s (${fmt((100 * tally.notModified) / (reads || 1), 0)} % 304), ${tally.errors} errors; ${fmt(marks.sentAt.size / marks.elapsed)} marks/s achieved`);
    console.log(table(`spectators: ${opts.clients} anonymous clients reading the page (${opts.entries} entries) every ${opts.everyMs / 1000} s with If-None-Match, judges marking at ${opts.marksPerSecond}/s, ${opts.seconds} s`, [
      ['page reads answered', `${reads} (${fmt(reads / tally.elapsed, 0)}/s): ${tally.ok} × 200, ${tally.notModified} × 304`],
      ['page latency ms', `p50 ${fmt(s.p50)}  p95 ${fmt(s.p95)}  p99 ${fmt(s.p99)}  max ${fmt(s.max)}`],
      ['errors', `${tally.errors}${reasons ? ` (${reasons})` : ''}`],
      ['bytes per answer', fmt(tally.bytes / (reads || 1), 0)],
      ['marks per second achieved', `${fmt(marks.sentAt.size / marks.elapsed)} (${marks.errors} failed${marks.reasons.size ? `: ${[...marks.reasons].slice(0, 2).join('; ')}` : ''})`],
      ['submitScore latency ms', `p50 ${fmt(summarize(marks.submitMs).p50)}  p99 ${fmt(summarize(marks.submitMs).p99)}`],
      ['server CPU', `${fmt((1000 * cpu) / (reads + marks.sentAt.size || 1), 2)} ms per request (reads and marks)`],
      ['server RSS MB, max of 1 s samples', fmt(server.maxRssMb())],
    ]));
  } finally {
    await server.stop();
    await db.stop();
  }
}
