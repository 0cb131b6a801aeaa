import http from 'node:http';
import { performance } from 'node:perf_hooks';

/**
 * Thousands of phones from one bench process: GraphQL over a pool of keep-alive sockets (one
 * http.Agent), not a socket per taker, so the bench's own CPU stays small beside the server's. Each
 * phone sends its own X-Forwarded-For (the server runs with TRUST_PROXY_HOPS=1, as behind a proxy), so
 * the per-address entry throttle sees phones, not the one bench address.
 */
export class Phones {
  private readonly agents: http.Agent[];
  private readonly targets: URL[];

  /** More than one URL: server instances, each phone (by its address) always sent to the same one, as a proxy's ip_hash does. */
  constructor(urls: string | string[], sockets: number) {
    this.targets = (Array.isArray(urls) ? urls : [urls]).map((u) => new URL(u));
    const each = Math.max(1, Math.ceil(sockets / this.targets.length));
    // With a timeout set, the agent drops an idle socket a second before the server's Keep-Alive hint
    // (5 s) says the server will: else a request sent on a socket the server is closing fails with ECONNRESET.
    this.agents = this.targets.map(() => new http.Agent({ keepAlive: true, maxSockets: each, maxFreeSockets: each, timeout: 60_000 }));
  }

  /** The instance a phone's requests go to: a hash of its address (none: the first). */
  private instanceOf(address: string | undefined): number {
    if (!address || this.targets.length === 1) return 0;
    let h = 0;
    for (let i = 0; i < address.length; i++) h = (h * 31 + address.charCodeAt(i)) >>> 0;
    return h % this.targets.length;
  }

  /** One GraphQL request; resolves with the parsed body, or rejects on a transport error or a non-200. */
  post<T = any>(query: string, variables: Record<string, unknown>, opts: { token?: string; address?: string; instance?: number } = {}): Promise<{ data?: T; errors?: { message: string; extensions?: { code?: string } }[] }> {
    const body = JSON.stringify({ query, variables });
    const n = opts.instance ?? this.instanceOf(opts.address);
    return new Promise((resolve, reject) => {
      let settled = false;
      const finish = (err: Error | null, value?: any) => {
        if (settled) return;
        settled = true;
        if (err) reject(err);
        else resolve(value);
      };
      const req = http.request(this.targets[n]!, {
        method: 'POST', agent: this.agents[n]!, timeout: 60_000,
        headers: {
          'content-type': 'application/json', 'content-length': Buffer.byteLength(body),
          ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}), ...(opts.address ? { 'x-forwarded-for': opts.address } : {}),
        },
      }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', (err) => finish(err));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode !== 200) return finish(new Error(`HTTP ${res.statusCode}: ${text.slice(0, 160)}`));
          try {
            finish(null, JSON.parse(text));
          } catch (err) {
            finish(err as Error);
          }
        });
      });
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', (err) => finish(err));
      req.end(body);
    });
  }

  /**
   * Opens the pool's sockets now (n requests at once, each on its own socket), as a reverse proxy's
   * upstream keep-alive pool stands open before a window opens. Sockets opened in the middle of a burst
   * wait for the saturated server's event loop to accept them (bench/README.md, "drill").
   */
  async open(n: number): Promise<void> {
    await Promise.all(Array.from({ length: n }, (_, i) => this.post('{ __typename }', {}, { instance: i % this.targets.length })));
  }

  close(): void {
    for (const agent of this.agents) agent.destroy();
  }
}

export interface Outcome {
  /** From the moment the request was due (its place in the schedule) to its answer: an open-loop latency. */
  ms: number;
  /** 'ok', or why it failed (counted per reason). */
  result: 'ok' | string;
}

export interface PacedRun {
  outcomes: Outcome[];
  /** How late the bench sent requests against their schedule (its own event loop's lag), ms. */
  sendLagMs: number[];
  /** Wall seconds from the first due moment to the last answer. */
  elapsed: number;
  /** Seconds the schedule ran (the rate's denominator). */
  scheduled: number;
}

/**
 * An open-loop arrival schedule: `perSecond` requests evenly spaced for `seconds` (at most `count`,
 * or until `until()`), each sent when due whether or not earlier ones were answered, so a slow server shows as
 * latency instead of lowering the rate (a closed loop with fixed concurrency would hide it). Latency
 * counts from the due moment, so requests queued in the bench behind busy sockets count as waiting too.
 */
export async function paced(opts: { perSecond: number; seconds: number; count?: number; until?: () => boolean }, fire: (i: number) => Promise<'ok' | string>): Promise<PacedRun> {
  const { perSecond, seconds, count = Infinity, until } = opts;
  const run: PacedRun = { outcomes: [], sendLagMs: [], elapsed: 0, scheduled: 0 };
  const gap = 1000 / perSecond;
  const started = performance.now();
  const end = started + seconds * 1000;
  const pending: Promise<void>[] = [];
  let i = 0;
  for (;;) {
    const now = performance.now();
    if (i >= count || until?.()) break;
    // Past the end, those due before it still go (a late wake-up must not drop the schedule's last ones).
    while (started + i * gap <= now && started + i * gap < end && i < count) {
      const due = started + i * gap;
      run.sendLagMs.push(now - due);
      pending.push(fire(i).then(
        (result) => void run.outcomes.push({ ms: performance.now() - due, result }),
        (err: Error) => void run.outcomes.push({ ms: performance.now() - due, result: String(err.message ?? err).slice(0, 80) }),
      ));
      i++;
    }
    if (now >= end) break;
    await new Promise((r) => setTimeout(r, Math.min(5, Math.max(1, started + i * gap - performance.now()))));
  }
  run.scheduled = (Math.min(performance.now(), end) - started) / 1000;
  await Promise.all(pending);
  run.elapsed = (performance.now() - started) / 1000;
  return run;
}

/** Runs `fn` over `items` with at most `concurrency` at once (for setting up, not for measuring). */
export async function eachLimited<T>(items: T[], concurrency: number, fn: (item: T, i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i]!, i);
    }
  }));
}

/** Outcomes → latencies of the good ones, failures per reason. */
export function tally(outcomes: Outcome[]): { okMs: number[]; failed: number; reasons: Map<string, number> } {
  const okMs: number[] = [];
  const reasons = new Map<string, number>();
  let failed = 0;
  for (const o of outcomes) {
    if (o.result === 'ok') okMs.push(o.ms);
    else {
      failed++;
      reasons.set(o.result, (reasons.get(o.result) ?? 0) + 1);
    }
  }
  return { okMs, failed, reasons };
}

export function reasonsText(reasons: Map<string, number>): string {
  return [...reasons].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([k, n]) => `${n}× ${k}`).join('; ');
}
