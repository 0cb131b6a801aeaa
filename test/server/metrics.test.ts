import { randomUUID } from 'node:crypto';
import { Role } from '../../src/auth/role';
import { errorCode, ok, startTestServer, type TestServer } from '../helpers/server';
import { setupCompetition } from '../helpers/competition';
import { record, wsClient } from '../helpers/ws';

/** GET /metrics, scraped after real operations: the counters and gauges must have moved by what was done. */
const SUBMIT = `mutation($input: SubmitScoreInput!) { submitScore(input: $input) { replayed userErrors { code } } }`;
const BOARD_SUB = `subscription($id: ID!) { leaderboardUpdated(competitionId: $id) { version } }`;

type Labels = Record<string, string>;

/** The Prometheus text format, just enough of it: `name{k="v",…} value` lines. */
function parse(text: string): { name: string; labels: Labels; value: number }[] {
  const out: { name: string; labels: Labels; value: number }[] = [];
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m) continue;
    const labels: Labels = {};
    for (const [, k, v] of (m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[k!] = v!;
    out.push({ name: m[1]!, labels, value: Number(m[3]) });
  }
  return out;
}

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t.close());

const metricsUrl = (s: TestServer) => s.url.replace(/\/graphql$/, '/metrics');

/**
 * Scrapes until `ready` holds: the socket server updates its gauges asynchronously, and a fixed
 * sleep was not always long enough on a loaded machine. Bounded by the test's timeout.
 */
async function scrapeUntil(ready: (m: Awaited<ReturnType<typeof scrape>>) => boolean) {
  for (;;) {
    const m = await scrape();
    if (ready(m)) return m;
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function scrape(s: TestServer = t) {
  const res = await fetch(metricsUrl(s));
  expect(res.status).toBe(200);
  const samples = parse(await res.text());
  /** The value of the one sample with this name and (at least) these labels; 0 when there is none yet. */
  return (name: string, labels: Labels = {}) => {
    const hits = samples.filter((x) => x.name === name && Object.entries(labels).every(([k, v]) => x.labels[k] === v));
    if (hits.length > 1) throw new Error(`${name} ${JSON.stringify(labels)} matches ${hits.length} samples`);
    return hits[0]?.value ?? 0;
  };
}

describe('GET /metrics', () => {
  it('counts GraphQL operations by root field, type and outcome, and times them', async () => {
    const before = await scrape();
    ok(await t.gql(`query Anything { __typename }`));
    ok(await t.gql(`query SomethingElse { __typename }`)); // the client's operation name is not a label
    const refused = ok(await t.gql(`mutation($input: LoginInput!) { login(input: $input) { token userErrors { code } } }`, { input: { email: 'nobody@example.com', password: 'wrong-password' } }));
    expect(refused.login.userErrors).toHaveLength(1);
    expect((await t.gql(`mutation { createEnterprise(input: { name: "x", creditCode: "x", ownership: PRIVATE, size: SMALL, industry: "x", district: "x" }) { userErrors { code } } }`)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(`{ noSuchField }`))).toBe('GRAPHQL_VALIDATION_FAILED');
    const after = await scrape();
    const moved = (name: string, labels: Labels) => after(name, labels) - before(name, labels);
    expect(moved('jiangxin_graphql_operations_total', { operation: '__typename', type: 'query', outcome: 'ok' })).toBe(2);
    expect(moved('jiangxin_graphql_operations_total', { operation: 'login', type: 'mutation', outcome: 'user_errors' })).toBe(1);
    expect(moved('jiangxin_graphql_operations_total', { operation: 'createEnterprise', type: 'mutation', outcome: 'error' })).toBe(1);
    expect(moved('jiangxin_graphql_operations_total', { operation: '(invalid)', type: 'unknown', outcome: 'error' })).toBe(1);
    expect(moved('jiangxin_graphql_operation_duration_seconds_count', { operation: '__typename', type: 'query' })).toBe(2);
    expect(moved('jiangxin_graphql_operation_duration_seconds_sum', { operation: '__typename', type: 'query' })).toBeGreaterThan(0);
    expect(moved('jiangxin_graphql_operation_duration_seconds_bucket', { operation: '__typename', type: 'query', le: '+Inf' })).toBe(2);
  });

  it('counts marks, live events and their fan-out; gauges WebSocket connections and subscriptions', async () => {
    const f = await setupCompetition(t, { judges: 1 });
    const client = wsClient(t.wsUrl);
    try {
      const sub = record<any>(client, BOARD_SUB, { id: f.competitionId });
      const before = await scrapeUntil((m) => m('jiangxin_subscriptions_active', { field: 'leaderboardUpdated' }) === 1);
      expect(before('jiangxin_websocket_connections')).toBe(1);
      expect(before('jiangxin_subscriptions_active', { field: 'leaderboardUpdated' })).toBe(1);

      const input = { entryId: f.entries[0]!.id, criterionId: f.stages[0]!.criteria[0]!.id, value: 80, idempotencyKey: randomUUID() };
      expect(ok(await t.gql(SUBMIT, { input }, f.judges[0]!.token)).submitScore.userErrors).toEqual([]);
      expect(ok(await t.gql(SUBMIT, { input }, f.judges[0]!.token)).submitScore.replayed).toBe(true); // a retry: not a new mark
      const correction = { ...input, value: 85, reason: '复核更正', idempotencyKey: randomUUID() };
      expect(ok(await t.gql(SUBMIT, { input: correction }, f.judges[0]!.token)).submitScore.userErrors).toEqual([]);
      await sub.waitFor(() => sub.results.length >= 1);
      // Until every board counted as sent has arrived (a second one, if not coalesced, may be on its way).
      const after = await scrapeUntil((m) => m('jiangxin_subscription_events_sent_total', { field: 'leaderboardUpdated' }) - before('jiangxin_subscription_events_sent_total', { field: 'leaderboardUpdated' }) === sub.results.length);
      const moved = (name: string, labels: Labels = {}) => after(name, labels) - before(name, labels);
      expect(moved('jiangxin_marks_submitted_total', { revised: 'false' })).toBe(1);
      expect(moved('jiangxin_marks_submitted_total', { revised: 'true' })).toBe(1);
      expect(moved('jiangxin_live_events_received_total', { kind: 'score' })).toBe(2);
      expect(moved('jiangxin_subscription_events_sent_total', { field: 'leaderboardUpdated' })).toBe(sub.results.length);
      expect(sub.results.length).toBeGreaterThanOrEqual(1);
    } finally {
      await client.dispose();
    }
    const closed = await scrapeUntil((m) => m('jiangxin_websocket_connections') === 0 && m('jiangxin_subscriptions_active', { field: 'leaderboardUpdated' }) === 0);
    expect(closed('jiangxin_websocket_connections')).toBe(0);
    expect(closed('jiangxin_subscriptions_active', { field: 'leaderboardUpdated' })).toBe(0);
  });

  it('reports database pool use and the default process metrics', async () => {
    const m = await scrape();
    expect(m('jiangxin_db_pool_connections', { state: 'max' })).toBe(10); // the test servers' pool size
    expect(m('jiangxin_db_pool_connections', { state: 'used' })).toBeGreaterThanOrEqual(0);
    expect(m('jiangxin_db_pool_connections', { state: 'free' }) + m('jiangxin_db_pool_connections', { state: 'used' })).toBeGreaterThan(0);
    expect(m('process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(m('nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
    const res = await fetch(metricsUrl(t));
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
  });

  it('asks for the bearer token when METRICS_TOKEN is set', async () => {
    const token = 'scrape-token-0123456789';
    const guarded = await startTestServer({ config: { metricsToken: token } });
    try {
      const noToken = await fetch(metricsUrl(guarded));
      expect(noToken.status).toBe(401);
      expect(noToken.headers.get('www-authenticate')).toBe('Bearer');
      expect((await fetch(metricsUrl(guarded), { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
      // A JWT that is good for the API is not a metrics token.
      const admin = await guarded.user([Role.ADMIN]);
      expect((await fetch(metricsUrl(guarded), { headers: { authorization: `Bearer ${admin.token}` } })).status).toBe(401);
      const res = await fetch(metricsUrl(guarded), { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('jiangxin_graphql_operations_total');
    } finally {
      await guarded.close();
    }
  });
});
