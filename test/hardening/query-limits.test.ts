import { loadConfig } from '../../src/config';
import { errorCode, ok, startTestServer, type TestServer } from '../helpers/server';
import { wsClient, wsRequest } from '../helpers/ws';

/**
 * Static limits on one HTTP request (OWASP GraphQL cheat sheet), at their default values: each
 * refusal has its own code, so a client (or its developer) can tell which limit it hit.
 */
let t: TestServer;
const limits = loadConfig({ NODE_ENV: 'test' }).limits;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t.close());

/** Asks for application/graphql-response+json, whose refusals are 4xx (application/json's are 200: test/server/graphql-over-http.test.ts). */
async function post(body: string, url = t.url) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' }, body });
  return { status: res.status, headers: res.headers, body: (await res.json()) as any };
}

/** Stage.competition and Competition.stages form a cycle: `levels` hops nest 2 × levels deep. */
function cyclic(levels: number, innermost = 'id'): string {
  let inner = innermost;
  for (let i = 0; i < levels; i++) inner = `stages { competition { ${inner} } }`;
  return `{ competitions(first: 1) { nodes { ${inner} } } }`;
}

describe('query depth', () => {
  it(`accepts a query ${limits.maxDepth} levels deep`, async () => {
    // competitions > nodes > (stages > competition) × 4 > stages > id
    ok(await t.gql(cyclic(4, 'stages { id }')));
    expect(errorCode(await t.gql(cyclic(4, 'stages { competition { id } }')))).toBe('QUERY_TOO_DEEP');
  });

  it('refuses a deeper one with QUERY_TOO_DEEP, before running it', async () => {
    const res = await post(JSON.stringify({ query: cyclic(8) }));
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe('QUERY_TOO_DEEP');
    expect(res.body.errors[0].message).toBe(`查询嵌套过深：最多 ${limits.maxDepth} 层`);
    expect(res.body.data).toBeUndefined();
  });

  it('counts through fragments too', async () => {
    let q = 'fragment F0 on Competition { id }';
    for (let i = 1; i <= 8; i++) q += ` fragment F${i} on Competition { stages { competition { ...F${i - 1} } } }`;
    const res = await t.gql(`{ competitions(first: 1) { nodes { ...F8 } } } ${q}`);
    expect(errorCode(res)).toBe('QUERY_TOO_DEEP');
  });
});

describe('aliases, directives, tokens', () => {
  it(`refuses more than ${limits.maxAliases} aliases with TOO_MANY_ALIASES`, async () => {
    const fine = Array.from({ length: limits.maxAliases }, (_, i) => `a${i}: viewer { id }`).join(' ');
    ok(await t.gql(`{ ${fine} }`));
    const res = await t.gql(`{ ${fine} extra: viewer { id } }`);
    expect(errorCode(res)).toBe('TOO_MANY_ALIASES');
  });

  it(`refuses more than ${limits.maxDirectives} directives with TOO_MANY_DIRECTIVES`, async () => {
    const many = Array.from({ length: limits.maxDirectives + 1 }, () => '@include(if: true)').join(' ');
    const res = await t.gql(`{ viewer ${many} { id } }`);
    expect(errorCode(res)).toBe('TOO_MANY_DIRECTIVES');
  });

  it(`refuses a document over ${limits.maxTokens} tokens with TOO_MANY_TOKENS, without parsing it all`, async () => {
    const res = await post(JSON.stringify({ query: `{ ${'__typename '.repeat(limits.maxTokens)} }` }));
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe('TOO_MANY_TOKENS');
    expect(res.body.errors[0].message).toBe(`查询过长：最多 ${limits.maxTokens} 个词法单元`);
  });
});

describe('cost', () => {
  const nested = `query($n: Int) { competitions(first: $n) { nodes { entries(first: $n) { nodes { id } } } } }`;

  it('reports the computed cost of every response in extensions.cost', async () => {
    const res = await post(JSON.stringify({ query: nested, variables: { n: 3 } }));
    expect(res.status).toBe(200);
    // competitions 2 + 3 × (competition 1 + entries 2 + 3 × entry 1) = 20
    expect(res.body.extensions.cost).toMatchObject({ requestedQueryCost: 20, throttleStatus: { maximumAvailable: expect.any(Number) } });
  });

  it('refuses a query over the maximum cost with QUERY_TOO_COSTLY, counting `first` given as a variable', async () => {
    const res = await post(JSON.stringify({ query: nested, variables: { n: 100 } }));
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', maximumCost: limits.maxCost, cost: { requestedQueryCost: 10302 } });
    expect(res.body.extensions.cost.requestedQueryCost).toBe(10302);
  });

  it('refuses `first`/`last` over 100 on any connection, nested ones included, with BAD_USER_INPUT', async () => {
    for (const q of [`{ competitions(first: 101) { totalCount } }`, `{ competitions(first: 1) { nodes { entries(last: 500) { totalCount } } } }`]) {
      const res = await t.gql(q);
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0]!.message).toMatch(/最大为 100/);
    }
    const viaVariable = await t.gql(`query($n: Int) { enterprises(first: $n) { totalCount } }`, { n: 1000 });
    expect(errorCode(viaVariable)).toBe('BAD_USER_INPUT');
  });
});

describe('request body', () => {
  it(`refuses a body over ${limits.maxBodyBytes} bytes with 413 PAYLOAD_TOO_LARGE`, async () => {
    const res = await post(JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(limits.maxBodyBytes) } }));
    expect(res.status).toBe(413);
    expect(res.body.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses batched operations (a JSON array) with BATCHING_NOT_SUPPORTED', async () => {
    const res = await post(JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]));
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe('BATCHING_NOT_SUPPORTED');
  });

  it('answers a NUL character in text with 400 BAD_USER_INPUT, not a 500', async () => {
    const res = await post(JSON.stringify({ query: 'query($s: String) { enterprises(filter: { search: $s }) { totalCount } }', variables: { s: 'a\u0000b' } }));
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('answers malformed JSON with a JSON 400', async () => {
    const res = await post('{"query": ');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('keeps Apollo’s CSRF prevention: a simple text/plain POST is refused', async () => {
    const res = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"mutation { __typename }"}' });
    expect(res.status).toBe(400);
  });
});

describe('outside production', () => {
  it('allows introspection and suggests field names', async () => {
    ok(await t.gql(`{ __schema { queryType { name } } }`));
    const res = await t.gql(`{ competitons(first: 1) { totalCount } }`);
    expect(res.errors![0]!.message).toMatch(/Did you mean "competitions/);
  });
});

describe('in production (NODE_ENV=production)', () => {
  let prod: TestServer;
  beforeAll(async () => {
    prod = await startTestServer({ config: { nodeEnv: 'production' } });
  });
  afterAll(async () => prod.close());

  it('refuses introspection', async () => {
    const res = await prod.gql(`{ __schema { queryType { name } } }`);
    expect(errorCode(res)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors![0]!.message).toMatch(/introspection/i);
  });

  it('hides field suggestions', async () => {
    const res = await prod.gql(`{ competitons(first: 1) { totalCount } }`);
    expect(errorCode(res)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors![0]!.message).toMatch(/Cannot query field "competitons"/);
    expect(res.errors![0]!.message).not.toMatch(/competitions/);
  });

  it('refuses introspection and hides suggestions on the WebSocket too', async () => {
    const c = wsClient(prod.wsUrl);
    try {
      const introspection = await wsRequest(c, `{ __schema { queryType { name } } }`).catch((e) => e);
      expect(introspection[0]).toMatchObject({ message: expect.stringMatching(/introspection has been disabled/), extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
      const err = await wsRequest(c, `{ competitons(first: 1) { totalCount } }`).catch((e) => e);
      expect(err[0].message).toMatch(/Cannot query field "competitons"/);
      expect(err[0].message).not.toMatch(/Did you mean/);
    } finally {
      await c.dispose();
    }
  });

  it('still answers ordinary queries, with their cost', async () => {
    const res = await post(JSON.stringify({ query: '{ competitions(first: 5) { totalCount } }' }), prod.url);
    expect(res.status).toBe(200);
    expect(res.body.data.competitions.totalCount).toBe(0);
    expect(res.body.extensions.cost.requestedQueryCost).toBe(2);
  });
});
