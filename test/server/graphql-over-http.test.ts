import { serverAudits, type Audit, type AuditResult } from 'graphql-http';
import { Role } from '../../src/auth/role';
import { loadConfig } from '../../src/config';
import { startTestServer, type TestServer } from '../helpers/server';

/**
 * GraphQL over HTTP (https://graphql.github.io/graphql-over-http/draft/): graphql-http's server audit
 * suite, then the status code and media type of each kind of answer, under both response media types.
 * README.md "GraphQL over HTTP" says the same for client developers.
 */
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t.close());

const JSON_TYPE = 'application/json';
const GQL_TYPE = 'application/graphql-response+json';
const limits = loadConfig({ NODE_ENV: 'test' }).limits;

/**
 * MAY audits that fail, each for a reason: Apollo's CSRF prevention (kept on) refuses a GET that carries
 * neither a content-type nor a preflight header (`apollo-require-preflight` or
 * `x-apollo-operation-name`), which is what these audits send. Every MUST and SHOULD passes.
 */
const REFUSED_BY_CSRF_PREVENTION: Record<string, string> = {
  '5A70': 'MAY accept application/x-www-form-urlencoded formatted GET requests',
  D6D5: 'MAY allow URL-encoded JSON string {variables} parameter in GETs when accepting application/graphql-response+json',
  '6A70': 'MAY allow URL-encoded JSON string {variables} parameter in GETs when accepting application/json',
};

function describeFailure(r: AuditResult): string {
  return r.status === 'ok' ? 'ok' : `${r.status}: ${r.reason} (HTTP ${r.response.status}, ${r.response.headers.get('content-type')})`;
}

describe('graphql-http server audits, CSRF prevention on', () => {
  const audits: Audit[] = serverAudits({ url: () => t.url });

  it('has audits to run, and the refused ones are audits that exist', () => {
    expect(audits.length).toBeGreaterThan(50);
    for (const [id, name] of Object.entries(REFUSED_BY_CSRF_PREVENTION)) expect(audits.find((a) => a.id === id)?.name).toBe(name);
  });

  it.each(audits.map((a) => [`${a.id} ${a.name}`, a] as const))('%s', async (_name, audit) => {
    const result = await audit.fn();
    if (audit.id in REFUSED_BY_CSRF_PREVENTION) {
      // Listed above: a MAY, refused with 400 by CSRF prevention. Passing now means the list is stale.
      expect(audit.name.startsWith('MAY ')).toBe(true);
      expect(result.status).not.toBe('ok');
      if (result.status !== 'ok') expect(result.response.status).toBe(400);
      return;
    }
    expect(describeFailure(result)).toBe('ok');
  });
});

describe('graphql-http server audits, as a client that sends the preflight header', () => {
  // What a non-browser client (or our frontend) adds: CSRF prevention then admits GET too, and every MAY passes.
  const preflight = (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    headers.set('apollo-require-preflight', 'true');
    return fetch(input, { ...init, headers });
  };
  const audits: Audit[] = serverAudits({ url: () => t.url, fetchFn: preflight });

  it.each(audits.map((a) => [`${a.id} ${a.name}`, a] as const))('%s', async (_name, audit) => {
    expect(describeFailure(await audit.fn())).toBe('ok');
  });
});

async function post(body: unknown, accept?: string, headers: Record<string, string> = {}) {
  const res = await fetch(t.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(accept ? { accept } : {}), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, type: res.headers.get('content-type'), headers: res.headers, body: (await res.json()) as any };
}

const cyclic = (levels: number) => {
  let inner = 'id';
  for (let i = 0; i < levels; i++) inner = `stages { competition { ${inner} } }`;
  return `{ competitions(first: 1) { nodes { ${inner} } } }`;
};

/** Request errors of well-formed requests: nothing executed, no `data`. */
const REQUEST_ERRORS: [string, unknown, string][] = [
  ['a document that does not parse', { query: '{' }, 'GRAPHQL_PARSE_FAILED'],
  ['a document that does not validate', { query: '{ nope }' }, 'GRAPHQL_VALIDATION_FAILED'],
  ['a variable that does not coerce', { query: 'query($n: Int) { competitions(first: $n) { totalCount } }', variables: { n: 'many' } }, 'BAD_USER_INPUT'],
  ['an operation name that names none', { query: 'query A { viewer { id } }', operationName: 'B' }, 'OPERATION_RESOLUTION_FAILURE'],
  ['a query deeper than the limit', { query: cyclic(8) }, 'QUERY_TOO_DEEP'],
  ['a NUL character in text', { query: 'query($s: String) { enterprises(filter: { search: $s }) { totalCount } }', variables: { s: 'a\u0000b' } }, 'BAD_USER_INPUT'],
];

describe('request errors', () => {
  it.each(REQUEST_ERRORS)('%s: 200 in application/json (also with no Accept), 400 in application/graphql-response+json', async (_what, body, code) => {
    for (const accept of [undefined, JSON_TYPE, '*/*']) {
      const res = await post(body, accept);
      expect([res.status, res.type, res.body.errors[0].extensions.code]).toEqual([200, `${JSON_TYPE}; charset=utf-8`, code]);
      expect(res.body).not.toHaveProperty('data');
    }
    for (const accept of [GQL_TYPE, `${GQL_TYPE}, ${JSON_TYPE};q=0.9`]) {
      const res = await post(body, accept);
      expect([res.status, res.type, res.body.errors[0].extensions.code]).toEqual([400, `${GQL_TYPE}; charset=utf-8`, code]);
      expect(res.body).not.toHaveProperty('data');
    }
  });
});

describe('executed operations', () => {
  it('answers 200 with data in the media type asked for', async () => {
    for (const [accept, type] of [[undefined, JSON_TYPE], [GQL_TYPE, GQL_TYPE], [`${JSON_TYPE}, ${GQL_TYPE}`, JSON_TYPE], [`${GQL_TYPE}, ${JSON_TYPE}`, GQL_TYPE], [`${JSON_TYPE};q=0.5, ${GQL_TYPE}`, GQL_TYPE]] as const) {
      const res = await post({ query: '{ viewer { id } }' }, accept);
      expect([res.status, res.type, res.body.data]).toEqual([200, `${type}; charset=utf-8`, { viewer: null }]);
    }
  });

  it('answers a field the viewer may not see (UNAUTHENTICATED, FORBIDDEN) with 200 and data in both media types: a field error, not a refused request', async () => {
    const reviewer = await t.user([Role.REVIEWER]);
    for (const [token, code] of [[undefined, 'UNAUTHENTICATED'], [reviewer.token, 'FORBIDDEN']] as const) {
      for (const accept of [JSON_TYPE, GQL_TYPE]) {
        const res = await post({ query: '{ viewer { id } users(first: 1) { totalCount } }' }, accept, token ? { authorization: `Bearer ${token}` } : {});
        expect([res.status, res.type]).toEqual([200, `${accept}; charset=utf-8`]);
        expect(res.body).toHaveProperty('data', null);
        expect(res.body.errors[0].extensions.code).toBe(code);
      }
    }
  });

  it('answers a bearer token that does not verify with 401 in both media types', async () => {
    for (const accept of [JSON_TYPE, GQL_TYPE]) {
      const res = await post({ query: '{ viewer { id } }' }, accept, { authorization: 'Bearer not-a-jwt' });
      expect([res.status, res.type, res.body.errors[0].extensions.code]).toEqual([401, `${accept}; charset=utf-8`, 'UNAUTHENTICATED']);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer /);
    }
  });

  it('answers an Accept it cannot serve with 406', async () => {
    const res = await post({ query: '{ viewer { id } }' }, 'text/html');
    expect(res.status).toBe(406);
  });
});

describe('requests that are not well-formed (our own refusals before Apollo)', () => {
  const cases: [string, string, number, string][] = [
    ['malformed JSON', '{"query": ', 400, 'BAD_REQUEST'],
    ['a batch', JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]), 400, 'BATCHING_NOT_SUPPORTED'],
    ['a body too large', JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(limits.maxBodyBytes) } }), 413, 'PAYLOAD_TOO_LARGE'],
    ['no query', JSON.stringify({ variables: {} }), 400, 'BAD_REQUEST'],
  ];
  it.each(cases)('%s: 4xx in the media type asked for', async (_what, body, status, code) => {
    for (const [accept, type] of [[undefined, JSON_TYPE], [JSON_TYPE, JSON_TYPE], [GQL_TYPE, GQL_TYPE]] as const) {
      const res = await post(body, accept);
      expect([res.status, res.type, res.body.errors[0].extensions.code]).toEqual([status, `${type}; charset=utf-8`, code]);
    }
  });
});

describe('a spent budget', () => {
  it('is 429 with Retry-After in both media types', async () => {
    const frozen = () => 1_000_000;
    // A query costing more than the whole budget (10 > 5) is refused however long the client waited.
    const tight = await startTestServer({ shareWith: t, limits: { costBudget: 5, costRestorePerSecond: 1 }, now: frozen });
    try {
      const ask = async (accept: string, query: string) => {
        const res = await fetch(tight.url, { method: 'POST', headers: { 'content-type': 'application/json', accept }, body: JSON.stringify({ query }) });
        return { status: res.status, type: res.headers.get('content-type'), retryAfter: res.headers.get('retry-after'), body: (await res.json()) as any };
      };
      expect((await ask(GQL_TYPE, '{ viewer { id } }')).status).toBe(200);
      for (const accept of [JSON_TYPE, GQL_TYPE]) {
        const res = await ask(accept, '{ competitions(first: 8) { nodes { id } } }');
        expect([res.status, res.type, res.body.errors[0].extensions.code]).toEqual([429, `${accept}; charset=utf-8`, 'THROTTLED']);
        expect(Number(res.retryAfter)).toBeGreaterThan(0);
      }
    } finally {
      await tight.close();
    }
  });
});

describe('CSRF prevention (Apollo csrfPrevention, on)', () => {
  it('refuses a simple-request POST (text/plain) and does not run it', async () => {
    const res = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/CSRF/);
  });

  it('refuses a GET without a preflight header, and answers one with it', async () => {
    const url = `${t.url}?query=${encodeURIComponent('{ viewer { id } }')}`;
    const refused = await fetch(url);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toMatch(/CSRF/);
    const answered = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(answered.status).toBe(200);
    expect(await answered.json()).toMatchObject({ data: { viewer: null } });
  });
});
