import { benchDatabase, startServerProcess } from './lib/env.js';
import { hammer } from './lib/load.js';
import { cpuSeconds, fmt, table } from './lib/stats.js';

/** `{ __typename }`, anonymous: what Apollo, Express and our context cost before any resolver runs. */
export async function floor(opts: { seconds: number; clients: number }): Promise<void> {
  const db = await benchDatabase();
  const server = await startServerProcess(db.url);
  try {
    const body = { query: '{ __typename }' };
    await hammer(server.url, body, { connections: 10, seconds: 2 }); // warm-up
    const cpu0 = cpuSeconds(server.pid);
    const r = await hammer(server.url, body, { connections: opts.clients, seconds: opts.seconds });
    const cpu = cpuSeconds(server.pid) - cpu0;
    console.log(table(`framework floor: { __typename } at ${opts.clients} clients, ${opts.seconds} s`, [
      ['requests per second', fmt(r.perSecond, 0)],
      ['latency ms', `p50 ${fmt(r.p50, 0)}  p99 ${fmt(r.p99, 0)}${r.failed ? `  (${r.failed} failed)` : ''}`],
      ['server CPU per request', `${fmt((1000 * cpu) / r.requests, 2)} ms`],
    ]));
  } finally {
    await server.stop();
    await db.stop();
  }
}
