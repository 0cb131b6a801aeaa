import { serverAudits, type AuditResult } from 'graphql-http';
import { Role } from '../../src/auth/role';
import { loadConfig } from '../../src/config';
import { startTestServer, type TestServer } from '../helpers/server';
import { rawRequest } from '../helpers/raw-http';

/**
 * Authenticated GraphQL POSTs are served by their own lane (src/graphql-post.ts), not through Express.
 * A client must not be able to tell: the GraphQL-over-HTTP audits, the body's refusals, CORS and the
 * language behave as on the Express path (test/server/graphql-over-http.test.ts, cors.test.ts).
 */
const APP = 'http://app.example.com';
const JSON_TYPE = 'application/json';
const GQL_TYPE = 'application/graphql-response+json';
const limits = loadConfig({ NODE_ENV: 'test' }).limits;

let t: TestServer;
let token: string;
beforeAll(async () => {
  t = await startTestServer({ config: { corsOrigins: [APP] } });
  token = (await t.user([Role.ORGANIZER])).token;
});
afterAll(async () => t.close());

const request = (headers: Record<string, string>, body: string | Buffer) => rawRequest(t.url, 'POST', headers, body);

const authed = (extra: Record<string, string> = {}) => ({ 'content-type': JSON_TYPE, authorization: `Bearer ${token}`, ...extra });

describe('graphql-http server audits, every request carrying a valid bearer token', () => {
  const withToken = (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    headers.set('authorization', `Bearer ${token}`);
    headers.set('apollo-require-preflight', 'true');
    return fetch(input, { ...init, headers });
  };
  const audits = serverAudits({ url: () => t.url, fetchFn: withToken });
  const failure = (r: AuditResult) => (r.status === 'ok' ? 'ok' : `${r.status}: ${r.reason} (HTTP ${r.response.status})`);

  it.each(audits.map((a) => [`${a.id} ${a.name}`, a] as const))('%s', async (_name, audit) => {
    expect(failure(await audit.fn())).toBe('ok');
  });
});

describe('the lane', () => {
  it('answers like the Express path: the same status, media type, CORS and language headers, and no ETag on a viewer’s own answer', async () => {
    const query = JSON.stringify({ query: '{ viewer { roles } }' });
    const anonymous = await request({ 'content-type': JSON_TYPE, origin: APP, 'accept-language': 'en' }, query);
    const viewer = await request(authed({ origin: APP, 'accept-language': 'en' }), query);
    expect(JSON.parse(viewer.body)).toMatchObject({ data: { viewer: { roles: ['ORGANIZER'] } } });
    for (const res of [anonymous, viewer]) {
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe(`${JSON_TYPE}; charset=utf-8`);
      expect(res.headers['access-control-allow-origin']).toBe(APP);
      expect(res.headers['access-control-expose-headers']).toMatch(/WWW-Authenticate/);
      expect(res.headers['content-language']).toBe('en');
      expect(res.headers.vary).toMatch(/\bAccept-Language\b/);
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
    // Express tags every answer it sends; a token's own answer is never stored by a cache, so the lane does not.
    expect(viewer.headers.etag).toBeUndefined();
    expect(Number(viewer.headers['content-length'])).toBe(Buffer.byteLength(viewer.body));
  });

  it('refuses a body over the limit (413), malformed JSON and a batch (400), in the reader’s language and media type', async () => {
    const big = JSON.stringify({ query: `{ viewer { id } } # ${'x'.repeat(limits.maxBodyBytes)}` });
    const cases: [string, number, string, RegExp][] = [
      [big, 413, 'PAYLOAD_TOO_LARGE', /请求体超过/],
      ['{"query": ', 400, 'BAD_REQUEST', /不是有效的 JSON/],
      ['"just a string"', 400, 'BAD_REQUEST', /不是有效的 JSON/],
      [JSON.stringify([{ query: '{ viewer { id } }' }, { query: '{ viewer { id } }' }]), 400, 'BATCHING_NOT_SUPPORTED', /批量/],
    ];
    for (const [body, status, code, zh] of cases) {
      const res = await request(authed(), body);
      expect([res.status, res.headers['content-type'], JSON.parse(res.body).errors[0].extensions.code]).toEqual([status, `${JSON_TYPE}; charset=utf-8`, code]);
      expect(JSON.parse(res.body).errors[0].message).toMatch(zh);
      const en = await request(authed({ 'accept-language': 'en', accept: GQL_TYPE }), body);
      expect([en.status, en.headers['content-type']]).toEqual([status, `${GQL_TYPE}; charset=utf-8`]);
      expect(JSON.parse(en.body).errors[0].message).toMatch(/^[\x20-\x7e]+$/);
    }
    const tooBig = JSON.parse((await request(authed(), big)).body);
    expect(tooBig.errors[0].extensions.maximumBytes).toBe(limits.maxBodyBytes);
  });

  it('refuses a token that does not verify with 401, and CSRF prevention still holds for a token’s request without a JSON body', async () => {
    const bad = await request({ 'content-type': JSON_TYPE, authorization: 'Bearer not-a-jwt' }, JSON.stringify({ query: '{ viewer { id } }' }));
    expect([bad.status, JSON.parse(bad.body).errors[0].extensions.code]).toEqual([401, 'UNAUTHENTICATED']);
    expect(bad.headers['www-authenticate']).toMatch(/^Bearer /);
    // text/plain is a "simple" request a page could send cross-site without a preflight: Express's path, refused by Apollo.
    const simple = await request({ 'content-type': 'text/plain', authorization: `Bearer ${token}` }, JSON.stringify({ query: 'mutation { logout }' }));
    expect(simple.status).toBe(400);
  });

  it('reads a JSON body declared in another charset or compressed as before (Express’s path): a charset it cannot read is 415', async () => {
    const res = await request(authed({ 'content-type': `${JSON_TYPE}; charset=latin1` }), JSON.stringify({ query: '{ viewer { id } }' }));
    expect(res.status).toBe(415);
    const utf8 = await request(authed({ 'content-type': `${JSON_TYPE}; charset="UTF-8"` }), JSON.stringify({ query: '{ viewer { id } }' }));
    expect(utf8.status).toBe(200);
    expect(utf8.headers.etag).toBeUndefined();
  });

  it('serves a mutation and its userErrors through the lane in the reader’s language', async () => {
    const body = JSON.stringify({ query: 'mutation($id: ID!) { cancelDrill(input: { drillId: $id }) { drill { id } userErrors { code message } } }', variables: { id: 'RHJpbGw6bm9wZQ==' } });
    const en = JSON.parse((await request(authed({ 'accept-language': 'en' }), body)).body);
    const zh = JSON.parse((await request(authed(), body)).body);
    expect(en.data.cancelDrill.drill).toBeNull();
    expect(en.data.cancelDrill.userErrors[0].code).toBe(zh.data.cancelDrill.userErrors[0].code);
    expect(en.data.cancelDrill.userErrors[0].message).toMatch(/^[\x20-\x7e]+$/);
    expect(zh.data.cancelDrill.userErrors[0].message).toMatch(/[\u4e00-\u9fff]/);
  });
});
