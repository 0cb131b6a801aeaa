import { Role } from '../../src/auth/role';
import { creditCode } from '../helpers/registry';
import { ok, startTestServer, type TestServer } from '../helpers/server';
import { wsClient, wsRequest } from '../helpers/ws';

/**
 * Per-client budgets (token buckets, per instance): query cost per user (per address when
 * anonymous) and writes per user. Small values here so a test can run them dry.
 *
 * The buckets run on a clock that stands still until a test advances it: in real time a slow
 * machine refilled them between a test's requests (5 writes at 1 per second, then a 6th admitted).
 */
const clock = { ms: 1_000_000 };
const now = () => clock.ms;
const advance = (ms: number) => {
  clock.ms += ms;
};

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ limits: { costBudget: 100, costRestorePerSecond: 10, writeBurst: 5, writesPerSecond: 1 }, now });
});
afterAll(async () => t.close());

async function post(query: string, token?: string, variables?: Record<string, unknown>) {
  const res = await fetch(t.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as any };
}

/** Asks for the same visible object 40 times: costs 40 asked and 40 returned (nothing refunded). */
const Q40 = 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }';
const forty = (id: string) => ({ ids: Array(40).fill(id) });

describe('query cost budget', () => {
  it('spends the budget by each query’s cost and says what is left in extensions.cost', async () => {
    const u = await t.user([Role.REVIEWER]);
    const first = await post(Q40, u.token, forty(u.globalId));
    expect(first.body.extensions.cost).toEqual({
      requestedQueryCost: 40,
      actualQueryCost: 40,
      throttleStatus: { maximumAvailable: 100, currentlyAvailable: expect.any(Number), restoreRate: 10 },
    });
    expect(first.body.extensions.cost.throttleStatus.currentlyAvailable).toBe(60);
    const second = await post(Q40, u.token, forty(u.globalId));
    expect(second.body.extensions.cost.throttleStatus.currentlyAvailable).toBe(20);
  });

  it('refunds what was asked but not returned (as Shopify does)', async () => {
    const u = await t.user([Role.REVIEWER]);
    const res = await post('{ competitions(first: 98) { nodes { id } } }', u.token); // no competitions here
    expect(res.body.extensions.cost).toMatchObject({ requestedQueryCost: 100, actualQueryCost: 1 });
    expect(res.body.extensions.cost.throttleStatus.currentlyAvailable).toBe(99);
  });

  it('refunds nothing when the operation fails (a late error must not make a costly query free)', async () => {
    const u = await t.user([Role.REVIEWER]);
    const res = await post('{ competitions(first: 50) { nodes { id } } users(first: 1) { totalCount } }', u.token);
    expect(res.body.errors.map((e: any) => e.extensions.code)).toEqual(['FORBIDDEN']);
    expect(res.body.extensions.cost.actualQueryCost).toBeUndefined();
    expect(res.body.extensions.cost.throttleStatus.currentlyAvailable).toBeLessThanOrEqual(100 - 54 + 1);
  });

  it('answers THROTTLED (429, Retry-After) once it is spent, runs nothing, and serves again after the wait', async () => {
    const u = await t.user([Role.REVIEWER]);
    ok((await post(Q40, u.token, forty(u.globalId))).body);
    ok((await post(Q40, u.token, forty(u.globalId))).body);
    const refused = await post(Q40, u.token, forty(u.globalId));
    expect(refused.status).toBe(429);
    expect(refused.body.data).toBeUndefined();
    const err = refused.body.errors[0];
    expect(err.extensions).toMatchObject({ code: 'THROTTLED', cost: { requestedQueryCost: 40 } });
    expect(err.extensions.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(refused.retryAfter).toBe(String(err.extensions.retryAfterSeconds));
    expect(refused.body.extensions.cost.throttleStatus.currentlyAvailable).toBe(20);

    // Others are not slowed by this client.
    const other = await t.user([Role.REVIEWER]);
    expect((await post(Q40, other.token, forty(other.globalId))).status).toBe(200);

    // Retry-After is exact: a moment before it, still refused; at it, served.
    expect(err.extensions.retryAfterSeconds).toBe(2); // 20 missing at 10 per second
    advance(err.extensions.retryAfterSeconds * 1000 - 1);
    expect((await post(Q40, u.token, forty(u.globalId))).status).toBe(429);
    advance(1);
    expect((await post(Q40, u.token, forty(u.globalId))).status).toBe(200);
  });

  it('keys anonymous clients by address', async () => {
    // A fresh server so earlier anonymous tests do not share the bucket.
    const s = await startTestServer({ limits: { costBudget: 100, costRestorePerSecond: 1 }, now });
    try {
      const organizer = await s.user([Role.ORGANIZER]);
      const e = ok(await s.gql(`mutation { ${create(99)} }`, {}, organizer.token)) as any;
      const vars = forty(e.createEnterprise.enterprise.id);
      const run = () => fetch(s.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: Q40, variables: vars }) });
      expect((await run()).status).toBe(200);
      expect((await run()).status).toBe(200);
      expect((await run()).status).toBe(429);
      const u = await s.user([Role.REVIEWER]);
      expect((await s.gql(Q40, vars, u.token)).errors).toBeUndefined();
    } finally {
      await s.close();
    }
  });
});

const create = (n: number) =>
  `createEnterprise(input: { name: "限流企业${n}", creditCode: "${creditCode(900_000 + n)}", ownership: PRIVATE, size: SMALL, industry: "制造业", district: "思明区" }) { enterprise { id } userErrors { code } }`;

describe('write throttle', () => {
  it('lets a burst through, then refuses writes with THROTTLED and changes nothing', async () => {
    const organizer = await t.user([Role.ORGANIZER]);
    for (let i = 1; i <= 5; i++) {
      const res = await post(`mutation { ${create(i)} }`, organizer.token);
      expect(res.body.data.createEnterprise.userErrors).toEqual([]);
    }
    const refused = await post(`mutation { ${create(6)} }`, organizer.token);
    expect(refused.status).toBe(429);
    expect(refused.body.errors[0].extensions).toMatchObject({ code: 'THROTTLED', retryAfterSeconds: 1 });
    expect(refused.body.errors[0].message).toMatch(/写入过于频繁：每秒最多/);
    const admin = await t.user([Role.ADMIN]);
    const count = ok(await t.gql(`{ enterprises(filter: { search: "限流企业6" }) { totalCount } }`, {}, admin.token)) as any;
    expect(count.enterprises.totalCount).toBe(0);

    // Reads are not writes.
    expect((await post('{ viewer { id } }', organizer.token)).status).toBe(200);
    // Another user writes freely.
    const other = await t.user([Role.ORGANIZER]);
    expect((await post(`mutation { ${create(7)} }`, other.token)).status).toBe(200);

    advance(1000); // 1 per second: one write back, and only one
    expect((await post(`mutation { ${create(8)} }`, organizer.token)).status).toBe(200);
    expect((await post(`mutation { ${create(9)} }`, organizer.token)).status).toBe(429);
  });

  it('counts each root field of a mutation as a write (aliases do not multiply writes for free)', async () => {
    const organizer = await t.user([Role.ORGANIZER]);
    const six = Array.from({ length: 6 }, (_, i) => `m${i}: ${create(20 + i)}`).join(' ');
    const res = await post(`mutation { ${six} }`, organizer.token);
    expect(res.status).toBe(429);
    expect(res.body.errors[0].extensions.code).toBe('THROTTLED');
  });

  it('holds on the WebSocket too: the socket spends the same bucket as HTTP', async () => {
    const organizer = await t.user([Role.ORGANIZER]);
    for (let i = 0; i < 5; i++) expect((await post(`mutation { ${create(40 + i)} }`, organizer.token)).status).toBe(200);
    const client = wsClient(t.wsUrl, organizer.token);
    try {
      await expect(wsRequest(client, `mutation { ${create(46)} }`)).rejects.toMatchObject([
        { extensions: { code: 'THROTTLED', retryAfterSeconds: 1 } },
      ]);
      // Still open and serving reads.
      expect((await wsRequest(client, '{ viewer { id } }')).data).toEqual({ viewer: { id: organizer.globalId } });
    } finally {
      await client.dispose();
    }
  });
});
