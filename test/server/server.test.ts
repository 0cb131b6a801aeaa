import { Role } from '../../src/auth/role';
import { errorCode, ok, startTestServer, type TestServer } from '../helpers/server';
import { wsClient, wsRequest } from '../helpers/ws';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t.close());

const base = () => t.url.replace(/\/graphql$/, '');

describe('operations endpoints', () => {
  it('answers /health and /ready with JSON', async () => {
    const health = await fetch(`${base()}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${base()}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', database: 'up' });
  });
});

describe('HTTP GraphQL', () => {
  it('refuses a simple cross-site GET/POST without a JSON content type (CSRF prevention)', async () => {
    const res = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"{ __typename }"}' });
    expect(res.status).toBe(400);
  });

  it('reports an unknown enum value as a client error, not an internal one', async () => {
    const res = await t.gql(`{ enterprises(filter: { ownership: NOPE }) { totalCount } }`);
    expect(errorCode(res)).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('WebSocket (graphql-ws) on the same port and path', () => {
  it('serves operations to an authenticated connection', async () => {
    const u = await t.user([Role.ORGANIZER], { email: 'ws.user@example.com' });
    const client = wsClient(t.wsUrl, u.token);
    try {
      const res = await wsRequest(client, `{ viewer { email roles } }`);
      expect(res.data).toEqual({ viewer: { email: 'ws.user@example.com', roles: ['ORGANIZER'] } });
    } finally {
      await client.dispose();
    }
  });

  it('serves anonymous connections as anonymous', async () => {
    const client = wsClient(t.wsUrl);
    try {
      expect((await wsRequest(client, `{ viewer { id } }`)).data).toEqual({ viewer: null });
    } finally {
      await client.dispose();
    }
  });

  it('refuses a connection whose token does not verify', async () => {
    const client = wsClient(t.wsUrl, 'forged.token.value');
    try {
      await expect(wsRequest(client, `{ viewer { id } }`)).rejects.toMatchObject({ code: 4403 });
    } finally {
      await client.dispose();
    }
  });
});

describe('shutdown', () => {
  it('lets an in-flight request finish, then refuses new connections', async () => {
    const own = await startTestServer();
    try {
      const admin = await own.user([Role.ADMIN]);
      // Import enough rows that the request is still running when close() starts.
      const rows = [...Array(2000).keys()].map((i) => ({ name: `w${i}`, gender: 'MALE', birthYear: 1990, trade: '焊工', employeeNumber: `S${i}`, joinedAt: '2020-01-01' }));
      const ent = ok(await own.gql(`mutation { createEnterprise(input: { name: "关停测试", creditCode: "91350200MA2Y0C4L7B", ownership: PRIVATE, size: SMALL, industry: "制造", district: "湖里区" }) { enterprise { id } } }`, {}, admin.token)).createEnterprise.enterprise;
      // Close once the server has the request (not after a fixed sleep: on a busy machine it may not have arrived yet).
      const arrived = new Promise((r) => own.server.httpServer.once('request', r));
      const inFlight = own.gql(`mutation($input: ImportWorkersInput!) { importWorkers(input: $input) { createdCount userErrors { code } } }`, { input: { enterpriseId: ent.id, rows } }, admin.token);
      await arrived;
      const closing = own.server.close();
      const res = ok(await inFlight);
      expect(res.importWorkers).toEqual({ createdCount: 2000, userErrors: [] });
      await closing;
      await expect(fetch(`${own.url.replace(/\/graphql$/, '')}/health`)).rejects.toThrow();
    } finally {
      // Also when an expectation failed: an open pool (tarn's reaping interval) keeps the worker alive.
      await own.orm.close(true);
      await own.close().catch(() => undefined);
    }
  });
});
