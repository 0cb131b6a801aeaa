import WebSocket from 'ws';
import { performance } from 'node:perf_hooks';
import { gql } from './lib/gql.js';
import { benchDatabase, startServerProcess } from './lib/env.js';
import { seedCompetition } from './lib/seed.js';
import { cpuSeconds, fmt, summarize, table } from './lib/stats.js';

const SUB = `subscription($id: ID!) { leaderboardUpdated(competitionId: $id) {
  version updatedAt rows(first: 20) { nodes { rank startNumber station displayName enterpriseNames total completeness stageTotals { score } } } } }`;

interface Subscriber {
  ws: WebSocket;
  arrivals: { version: number; at: number }[];
  bytes: number;
  messages: number;
}

/** One graphql-ws subscriber speaking the protocol directly, so the client side stays cheap. */
function subscribe(wsUrl: string, competitionId: string): Promise<Subscriber> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(wsUrl, 'graphql-transport-ws');
    const sub: Subscriber = { ws, arrivals: [], bytes: 0, messages: 0 };
    ws.on('open', () => ws.send(JSON.stringify({ type: 'connection_init', payload: {} })));
    ws.on('message', (raw: Buffer) => {
      const text = raw.toString();
      if (text.startsWith('{"type":"connection_ack"')) {
        ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: SUB, variables: { id: competitionId } } }));
        setTimeout(() => resolve(sub), 20);
        return;
      }
      const m = /"version":(\d+)/.exec(text);
      if (m) {
        sub.arrivals.push({ version: Number(m[1]), at: performance.now() });
        sub.bytes += raw.length;
        sub.messages += 1;
      }
    });
    ws.on('error', reject);
  });
}

function firstAtOrAfter(arrivals: Subscriber['arrivals'], version: number): number | null {
  let lo = 0;
  let hi = arrivals.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (arrivals[mid]!.version < version) lo = mid + 1;
    else hi = mid;
  }
  return lo < arrivals.length ? arrivals[lo]!.at : null;
}

export async function fanout(opts: { seconds: number; subscribers: number; entries: number; criteria: number; judges: number; concurrency: number }): Promise<void> {
  const db = await benchDatabase();
  const server = await startServerProcess(db.url);
  try {
    const seeded = await seedCompetition(server.url, opts);
    const full = JSON.stringify(await gql(server.url, `query($id: ID!) { node(id: $id) { ... on Competition { leaderboard { version rows(first: 1000) { nodes { rank startNumber station displayName enterpriseNames total completeness stageTotals { score } } } } } } }`, { id: seeded.competitionId }));
    const subs: Subscriber[] = [];
    for (let i = 0; i < opts.subscribers; i += 50) {
      subs.push(...(await Promise.all(Array.from({ length: Math.min(50, opts.subscribers - i) }, () => subscribe(server.wsUrl, seeded.competitionId)))));
    }
    const rssBefore = server.rssMb();
    // Every (judge, entry, criterion) once, shuffled: judges mark as fast as they can.
    const work: { judge: number; entry: string; criterion: string }[] = [];
    for (let j = 0; j < seeded.judgeTokens.length; j++) for (const entry of seeded.entryIds) for (const c of seeded.criteria) work.push({ judge: j, entry, criterion: c.id });
    for (let i = work.length - 1; i > 0; i--) {
      const k = Math.floor(Math.random() * (i + 1));
      [work[i], work[k]] = [work[k]!, work[i]!];
    }
    const sentAt = new Map<number, number>();
    const submitMs: number[] = [];
    let next = 0;
    let errors = 0;
    const deadline = performance.now() + opts.seconds * 1000;
    const loop = async () => {
      while (performance.now() < deadline && next < work.length) {
        const w = work[next++]!;
        const t0 = performance.now();
        try {
          const d = await gql(server.url, `mutation($i: SubmitScoreInput!) { submitScore(input: $i) { leaderboardVersion userErrors { message } } }`, {
            i: { entryId: w.entry, criterionId: w.criterion, value: Math.round(Math.random() * 1000) / 100, reason: 'bench', idempotencyKey: `${w.judge}:${w.entry}:${w.criterion}` },
          }, seeded.judgeTokens[w.judge]);
          if (d.submitScore.userErrors.length) errors++;
          else sentAt.set(d.submitScore.leaderboardVersion, t0);
          submitMs.push(performance.now() - t0);
        } catch {
          errors++;
        }
      }
    };
    const started = performance.now();
    const cpu0 = cpuSeconds(server.pid);
    await Promise.all(Array.from({ length: opts.concurrency }, loop));
    const elapsed = (performance.now() - started) / 1000;
    const cpu = cpuSeconds(server.pid) - cpu0;
    await new Promise((r) => setTimeout(r, 1000)); // let the last deliveries land
    const rssAfter = server.rssMb();
    const latencies: number[] = [];
    let missing = 0;
    for (const [version, t0] of sentAt) {
      // A version counts once every subscriber holds it or a later one (screens skip superseded boards).
      let worst = 0;
      let all = true;
      for (const s of subs) {
        const at = firstAtOrAfter(s.arrivals, version);
        if (at === null) {
          missing++;
          all = false;
        } else worst = Math.max(worst, at - t0);
      }
      if (all) latencies.push(worst);
    }
    let skipped = 0;
    for (const s of subs) for (let i = 1; i < s.arrivals.length; i++) skipped += Math.max(0, s.arrivals[i]!.version - s.arrivals[i - 1]!.version - 1);
    const lat = summarize(latencies);
    const sub = summarize(submitMs);
    const messages = subs.reduce((n, s) => n + s.messages, 0);
    const bytes = subs.reduce((n, s) => n + s.bytes, 0);
    console.log(table(`fan-out: ${opts.entries} entries, 3 stages, ${seeded.criteria.length} criteria, ${opts.judges} judges, ${opts.subscribers} subscribers, ${opts.seconds} s`, [
      ['marks accepted', `${sentAt.size} (${errors} failed)`],
      ['marks per second', fmt(sentAt.size / elapsed)],
      ['submitScore latency ms', `p50 ${fmt(sub.p50)}  p95 ${fmt(sub.p95)}  p99 ${fmt(sub.p99)}  (${opts.concurrency} in flight)`],
      ['submit → every subscriber holds it, ms', `p50 ${fmt(lat.p50)}  p95 ${fmt(lat.p95)}  p99 ${fmt(lat.p99)}  max ${fmt(lat.max)}`],
      ['subscriber-versions never delivered', String(missing)],
      ['versions skipped by a screen (superseded)', String(skipped)],
      ['messages delivered', `${messages} (${fmt(messages / elapsed, 0)}/s)`],
      // The steadiest figures on a shared machine: the server's CPU for the marks and every board message they caused.
      ['server CPU', `${fmt((1000 * cpu) / elapsed, 0)} ms/s; ${fmt((1000 * cpu) / (sentAt.size || 1))} ms per mark; ${fmt((1e6 * cpu) / (messages || 1), 0)} µs per message delivered (all of it ÷ messages)`],
      ['payload per message (top 20 rows)', `${fmt(bytes / (messages || 1), 0)} bytes`],
      ['full leaderboard (500 rows) over HTTP', `${full.length} bytes`],
      ['server RSS MB', `${fmt(rssBefore)} with subscribers → ${fmt(rssAfter)} after the run`],
    ]));
    for (const s of subs) s.ws.terminate();
  } finally {
    await server.stop();
    await db.stop();
  }
}
