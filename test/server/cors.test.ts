import WebSocket from 'ws';
import { startTestServer, type TestServer } from '../helpers/server';
import { rawRequest } from '../helpers/raw-http';

const APP = 'http://app.example.com';
const DEV = 'http://localhost:5173';
const EVIL = 'https://evil.example.net';
const QUERY = JSON.stringify({ query: '{ viewer { id } }' });

let open: TestServer; // CORS_ORIGINS=APP,DEV
let closed: TestServer; // the default: none
beforeAll(async () => {
  open = await startTestServer({ config: { corsOrigins: [APP, DEV] } });
  closed = await startTestServer({ shareWith: open });
});
afterAll(async () => {
  await closed.close();
  await open.close();
});

const request = rawRequest;

const preflight = (t: TestServer, origin: string) =>
  request(t.url, 'OPTIONS', { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' });
const post = (t: TestServer, origin: string | undefined, contentType = 'application/json') =>
  request(t.url, 'POST', { 'content-type': contentType, ...(origin ? { origin } : {}) }, QUERY);

describe('CORS over HTTP', () => {
  it('answers an allowed origin’s preflight with the Access-Control headers, and no credentials', async () => {
    for (const origin of [APP, DEV]) {
      const res = await preflight(open, origin);
      expect(res.status).toBe(204);
      expect(res.headers['access-control-allow-origin']).toBe(origin);
      expect(res.headers['access-control-allow-methods']).toMatch(/\bPOST\b/);
      expect(res.headers['access-control-allow-headers']).toMatch(/\bAuthorization\b/);
      expect(res.headers['access-control-allow-headers']).toMatch(/\bContent-Type\b/);
      expect(res.headers['access-control-max-age']).toBe('3600');
      expect(res.headers.vary).toMatch(/\bOrigin\b/);
      expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    }
  });

  it('lets an allowed origin read the answer, and says Vary: Origin', async () => {
    const res = await post(open, APP);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ data: { viewer: null } });
    expect(res.headers['access-control-allow-origin']).toBe(APP);
    expect(res.headers['access-control-expose-headers']).toMatch(/WWW-Authenticate/);
    expect(res.headers.vary).toMatch(/\bOrigin\b/);
  });

  it('gives another origin no Access-Control headers (the browser then withholds the answer)', async () => {
    const pre = await preflight(open, EVIL);
    expect(pre.headers['access-control-allow-origin']).toBeUndefined();
    expect(pre.headers['access-control-allow-methods']).toBeUndefined();
    const res = await post(open, EVIL);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers.vary).toMatch(/\bOrigin\b/);
    // Origins are compared whole: scheme and port count.
    expect((await post(open, 'https://app.example.com')).headers['access-control-allow-origin']).toBeUndefined();
    expect((await post(open, 'http://localhost:5174')).headers['access-control-allow-origin']).toBeUndefined();
  });

  it('allows no origin by default', async () => {
    for (const origin of [APP, DEV, EVIL]) {
      expect((await preflight(closed, origin)).headers['access-control-allow-origin']).toBeUndefined();
      expect((await post(closed, origin)).headers['access-control-allow-origin']).toBeUndefined();
    }
  });

  it('keeps Apollo’s CSRF prevention: a simple request (text/plain) is refused, even from an allowed origin', async () => {
    const res = await post(open, APP, 'text/plain');
    expect(res.status).toBe(400);
    expect(res.body).toMatch(/CSRF/);
  });
});

/** Opens a graphql-ws socket with this Origin (or none): 'open', or the status of the refused upgrade. */
function connect(t: TestServer, origin?: string): Promise<'open' | number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(t.wsUrl, 'graphql-transport-ws', origin ? { origin } : {});
    ws.on('open', () => {
      ws.close();
      resolve('open');
    });
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode!);
      res.resume();
    });
    ws.on('error', (err) => reject(err));
  });
}

describe('CORS over WebSocket', () => {
  it('refuses an upgrade from an origin not allowed (403)', async () => {
    expect(await connect(open, EVIL)).toBe(403);
    expect(await connect(closed, APP)).toBe(403);
  });

  it('accepts an allowed origin, the server’s own pages, and clients that send no Origin', async () => {
    expect(await connect(open, APP)).toBe('open');
    expect(await connect(open, DEV)).toBe('open');
    expect(await connect(open)).toBe('open');
    expect(await connect(closed)).toBe('open');
    // The scoreboard page and the IDE are served by the server itself.
    expect(await connect(closed, new URL(closed.url).origin)).toBe('open');
  });
});
