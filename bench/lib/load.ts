import { createRequire } from 'node:module';

/** autocannon ships no types; this is the slice of its API the bench uses. */
interface Histogram { average: number; p50: number; p99: number; max: number }
interface AutocannonResult { requests: Histogram & { total: number }; latency: Histogram; duration: number; errors: number; timeouts: number; non2xx: number; throughput: Histogram & { total: number } }
type Autocannon = (opts: Record<string, unknown>) => Promise<AutocannonResult>;
const autocannon = createRequire(__filename)('autocannon') as Autocannon;

export interface LoadResult {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  failed: number;
  bytesPerResponse: number;
}

/** POSTs one GraphQL request over `connections` keep-alive connections for `seconds`. */
export async function hammer(url: string, body: { query: string; variables?: Record<string, unknown> }, opts: { connections: number; seconds: number; token?: string; headers?: Record<string, string> }): Promise<LoadResult> {
  const r = await autocannon({
    url,
    method: 'POST',
    connections: opts.connections,
    duration: opts.seconds,
    // A busy shared machine can take seconds to answer; a timeout would count as a failure and flatter req/s.
    timeout: 60,
    headers: { 'content-type': 'application/json', ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}), ...opts.headers },
    body: JSON.stringify(body),
  });
  const ok = r.requests.total - r.non2xx;
  return {
    requests: r.requests.total,
    perSecond: r.requests.total / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    failed: r.errors + r.timeouts + r.non2xx,
    bytesPerResponse: ok > 0 ? r.throughput.total / r.requests.total : NaN,
  };
}
