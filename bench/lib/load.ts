import { createRequire } from 'node:module';

/** autocannon ships no types; this is the slice of its API the bench uses. */
interface Histogram { average: number; p50: number; p99: number; max: number }
interface AutocannonResult { requests: Histogram & { total: number }; latency: Histogram; duration: number; errors: number; timeouts: number; non2xx: number; throughput: Histogram & { total: number } }
type Autocannon = (opts: Record<string, unknown>) => Promise<AutocannonResult>;
const autocannon = createRequire(__filename)('autocannon') as Autocannon;

const countOf = (r: AutocannonResult & { statusCodeStats?: Record<string, { count: number }> }, status: number) => r.statusCodeStats?.[status]?.count ?? 0;

export interface LoadResult {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  failed: number;
  /** 304 Not Modified answers (a revalidation the cache could answer): counted as answered. */
  notModified: number;
  bytesPerResponse: number;
}

/** POSTs one GraphQL request over `connections` keep-alive connections for `seconds`; `headers` are added to each. */
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
  const failed = r.errors + r.timeouts + r.non2xx - countOf(r, 304);
  const ok = r.requests.total - failed;
  return {
    requests: r.requests.total,
    perSecond: r.requests.total / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    failed,
    notModified: countOf(r, 304),
    bytesPerResponse: ok > 0 ? r.throughput.total / r.requests.total : NaN,
  };
}
