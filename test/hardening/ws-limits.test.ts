import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import { Role } from '../../src/auth/role';
import { TokenService } from '../../src/auth/tokens';
import { User } from '../../src/auth/user.entity';
import { setupCompetition, type CompetitionFixture } from '../helpers/competition';
import { ok, startTestServer, TEST_JWT_SECRET, type TestServer } from '../helpers/server';
import { record, wsRequest } from '../helpers/ws';

/** WebSocket limits: they must hold on the socket as on HTTP, or the socket is the way around them. */
let t: TestServer;
let fx: CompetitionFixture;
beforeAll(async () => {
  t = await startTestServer({
    limits: { wsInitTimeoutMs: 300, wsMaxPayloadBytes: 8192, wsMaxSubscriptionsPerConnection: 2, wsMaxConnectionsPerAddress: 6, wsAuthRecheckSeconds: 1 },
  });
  fx = await setupCompetition(t, { entries: 1, judges: 2 });
});
afterAll(async () => t.close());

const clients: Client[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.dispose()));
});

/** A graphql-ws client that records how its socket closed. */
function client(token?: string, locale?: string): Client & { closed: Promise<{ code: number; reason: string }> } {
  let onClosed!: (e: { code: number; reason: string }) => void;
  const closed = new Promise<{ code: number; reason: string }>((r) => (onClosed = r));
  const c = createClient({
    url: t.wsUrl,
    webSocketImpl: WebSocket,
    connectionParams: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(locale ? { locale } : {}) },
    retryAttempts: 0,
    lazy: true,
    on: { closed: (e) => onClosed({ code: (e as { code: number }).code, reason: String((e as { reason: unknown }).reason) }) },
  });
  clients.push(c);
  return Object.assign(c, { closed });
}

/** A raw socket speaking graphql-transport-ws, for what a well-behaved client never does. */
function raw(): Promise<{ ws: WebSocket; closed: Promise<{ code: number; reason: string }> }> {
  const ws = new WebSocket(t.wsUrl, 'graphql-transport-ws');
  const closed = new Promise<{ code: number; reason: string }>((r) => ws.on('close', (code, reason) => r({ code, reason: reason.toString() })));
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ ws, closed }));
    ws.once('error', reject);
  });
}

const STATUS_SUB = `subscription($id: ID!) { competitionStatusChanged(competitionId: $id) { version } }`;

describe('connection', () => {
  it('closes a socket that does not initialise in time (4408)', async () => {
    const { closed } = await raw();
    expect(await closed).toMatchObject({ code: 4408 });
  });

  it('closes a socket that sends an oversized message (1009)', async () => {
    const { ws, closed } = await raw();
    ws.send(JSON.stringify({ type: 'connection_init', payload: {} }));
    ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: `{ __typename }`, variables: { pad: 'x'.repeat(10_000) } } }));
    expect((await closed).code).toBe(1009);
  });

  it('caps open sockets per client address (1008), and frees a place when one closes', async () => {
    const open = await Promise.all(Array.from({ length: 6 }, () => raw()));
    const extra = await raw();
    expect(await extra.closed).toMatchObject({ code: 1008, reason: '来自此地址的连接过多（最多 6 个）' });
    open[0]!.ws.close();
    await open[0]!.closed;
    const again = await raw();
    again.ws.send(JSON.stringify({ type: 'connection_init', payload: {} }));
    const ack = await new Promise((r) => again.ws.once('message', (m) => r(JSON.parse(m.toString()))));
    expect(ack).toEqual({ type: 'connection_ack' });
    for (const s of [...open.slice(1), again]) s.ws.close();
    await Promise.all([...open.slice(1), again].map((s) => s.closed));
  });
});

describe('operations on the socket', () => {
  it('caps operations per connection with TOO_MANY_SUBSCRIPTIONS, and frees a place when one ends', async () => {
    const c = client();
    const a = record(c, STATUS_SUB, { id: fx.competitionId });
    const b = record(c, STATUS_SUB, { id: fx.competitionId });
    const third = record(c, STATUS_SUB, { id: fx.competitionId });
    await waitUntil(() => third.error !== undefined);
    expect(third.error).toEqual([{ message: '一个连接上同时最多 2 个操作', extensions: { code: 'TOO_MANY_SUBSCRIPTIONS', maximum: 2 } }]);
    a.stop();
    await new Promise((r) => setTimeout(r, 100));
    const fourth = record(c, STATUS_SUB, { id: fx.competitionId });
    await new Promise((r) => setTimeout(r, 300));
    expect(fourth.error).toBeUndefined();
    expect(b.error).toBeUndefined();
  });

  it('applies the same query limits as HTTP, and a bad document does not kill the socket', async () => {
    const c = client();
    let deep = 'id';
    for (let i = 0; i < 8; i++) deep = `stages { competition { ${deep} } }`;
    await expect(wsRequest(c, `{ competitions(first: 1) { nodes { ${deep} } } }`)).rejects.toMatchObject([{ extensions: { code: 'QUERY_TOO_DEEP' } }]);
    await expect(wsRequest(c, `{ competitions(first: 101) { totalCount } }`)).rejects.toMatchObject([{ extensions: { code: 'BAD_USER_INPUT' } }]);
    await expect(wsRequest(c, `{ competitions(first: `)).rejects.toMatchObject([{ extensions: { code: 'GRAPHQL_PARSE_FAILED' } }]);
    await expect(wsRequest(c, `{ ${'a '.repeat(2100)} }`)).rejects.toMatchObject([{ extensions: { code: 'TOO_MANY_TOKENS' } }]);
    expect((await wsRequest(c, `{ competitions(first: 1) { totalCount } }`)).data).toEqual({ competitions: { totalCount: 1 } });
  });
});

describe('authentication is re-checked', () => {
  const SCORE_SUB = `subscription($id: ID!) { scoreSubmitted(competitionId: $id) { version } }`;

  it('ends a disabled judge’s private subscription (4401) within the re-check interval', async () => {
    const judge = fx.judges[1]!;
    const c = client(judge.token);
    const sub = record(c, SCORE_SUB, { id: fx.competitionId });
    await new Promise((r) => setTimeout(r, 300));
    expect(sub.error).toBeUndefined();
    const admin = await t.user([Role.ADMIN]);
    const res = ok(await t.gql(`mutation($id: ID!) { disableUser(input: { userId: $id }) { userErrors { code } } }`, { id: judge.globalId }, admin.token)) as any;
    expect(res.disableUser.userErrors).toEqual([]);
    const closed = await withTimeout(c.closed, 3000);
    expect(closed).toMatchObject({ code: 4401, reason: '账号已停用，请联系管理员' });
  });

  it('ends a socket when its token expires (4401)', async () => {
    const judge = fx.judges[0]!;
    const user = await t.orm.em.fork().findOneOrFail(User, { id: judge.id });
    const shortLived = await new TokenService(TEST_JWT_SECRET, 1).issue({ userId: judge.id, tokenVersion: user.tokenVersion });
    const c = client(shortLived);
    const sub = record(c, SCORE_SUB, { id: fx.competitionId });
    const closed = await withTimeout(c.closed, 3000);
    expect(closed).toMatchObject({ code: 4401, reason: '登录已过期，请重新登录' });
    await waitUntil(() => sub.error !== undefined); // the client ends the subscription with the close event
  });

  it('ends a socket whose token was revoked (a password change logs other sessions out)', async () => {
    const judge = await t.user([Role.JUDGE]);
    const c = client(judge.token);
    const sub = record(c, STATUS_SUB, { id: fx.competitionId }); // keeps the lazy client's socket open
    await wsRequest(c, `{ viewer { id } }`); // the socket is up and acknowledged (no fixed sleep: slow under load)
    expect(sub.error).toBeUndefined();
    const changed = ok(await t.gql(`mutation { changePassword(input: { currentPassword: "password-123", newPassword: "password-456" }) { token userErrors { code } } }`, {}, judge.token)) as any;
    expect(changed.changePassword.userErrors).toEqual([]);
    expect(await withTimeout(c.closed, 3000)).toMatchObject({ code: 4401, reason: expect.stringMatching(/登录已失效/) });
    // The new token serves.
    const fresh = client(changed.changePassword.token);
    expect((await wsRequest(fresh, `{ viewer { id } }`)).data).toEqual({ viewer: { id: judge.globalId } });
  });

  it('ends a socket whose user lost a role, so subscriptions authorized by it stop', async () => {
    // An ADMIN: marks are the competition's jury's, not any ORGANIZER's (issue 12 §1).
    const organizer = await t.user([Role.ADMIN]);
    // In English: connectionParams.locale, which the socket's operations (here the first) tell the watch.
    const c = client(organizer.token, 'en');
    const sub = record(c, SCORE_SUB, { id: fx.competitionId });
    await wsRequest(c, `{ viewer { id } }`); // the socket is up and acknowledged
    expect(sub.error).toBeUndefined();
    const admin = await t.user([Role.ADMIN]);
    ok(await t.gql(`mutation($id: ID!) { updateUserRoles(input: { userId: $id, roles: [REVIEWER] }) { userErrors { code } } }`, { id: organizer.globalId }, admin.token));
    expect(await withTimeout(c.closed, 3000)).toMatchObject({ code: 4401, reason: 'Your roles changed: reconnect' });
  });

  it('keeps serving a user whose token is still good', async () => {
    const organizer = fx.organizer;
    const c = client(organizer.token);
    const sub = record(c, SCORE_SUB, { id: fx.competitionId });
    await new Promise((r) => setTimeout(r, 1500)); // past one re-check
    expect(sub.error).toBeUndefined();
    expect((await wsRequest(c, `{ viewer { id } }`)).data).toEqual({ viewer: { id: organizer.globalId } });
  });
});

async function waitUntil(pred: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pred()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The timer is cleared once `p` settles: a pending one would keep this worker alive after the last test. */
async function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`not within ${ms} ms`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
