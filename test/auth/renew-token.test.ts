import { decodeJwt } from 'jose';
import { GraphQLError } from 'graphql';
import { Role } from '../../src/auth/role';
import { TokenService } from '../../src/auth/tokens';
import { renewToken } from '../../src/auth/renewal';
import { errorCode, ok, startTestServer, TEST_JWT_SECRET, type TestServer } from '../helpers/server';
import { wsClient, wsRequest } from '../helpers/ws';

const RENEW = `mutation { renewToken { token expiresAt viewer { id roles } userErrors { code } } }`;
const VIEWER = `{ viewer { id email } }`;
const HOUR = 3600_000;
const now = () => Math.floor(Date.now() / 1000);

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t.close());

/** A token of this user that has only a minute left, as a tablet's at the end of a long day. */
function almostExpired(userId: string, tokenVersion = 0, sessionStart?: number): Promise<string> {
  return new TokenService(TEST_JWT_SECRET, 60).issue({ userId, tokenVersion, sessionStart });
}

async function renew(token?: string): Promise<{ status: number; body: any }> {
  const res = await fetch(t.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: RENEW }),
  });
  return { status: res.status, body: await res.json() };
}

describe('renewToken', () => {
  it('gives a token of full lifetime for a token that still serves, with the user’s current roles', async () => {
    const admin = await t.user([Role.ADMIN]);
    const u = await t.user([Role.JUDGE]);
    const old = await almostExpired(u.id);
    ok(await t.gql(`mutation($id: ID!) { updateUserRoles(input: { userId: $id, roles: [JUDGE, REVIEWER] }) { userErrors { code } } }`, { id: u.globalId }, admin.token));
    const before = Date.now();
    const { status, body } = await renew(old);
    expect(status).toBe(200);
    const r = body.data.renewToken;
    expect(r.userErrors).toEqual([]);
    expect(r.viewer).toEqual({ id: u.globalId, roles: ['JUDGE', 'REVIEWER'] });
    const expiresAt = Date.parse(r.expiresAt);
    expect(expiresAt).toBeGreaterThan(before + 12 * HOUR - 2000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 12 * HOUR);
    expect(decodeJwt(r.token).exp! * 1000).toBe(expiresAt);
    expect(ok(await t.gql(VIEWER, {}, r.token)).viewer).toEqual({ id: u.globalId, email: u.email });
  });

  it('login tells when its token expires', async () => {
    const u = await t.user([Role.JUDGE]);
    const res = ok(await t.gql(`mutation($e: String!) { login(input: { email: $e, password: "password-123" }) { token expiresAt } }`, { e: u.email }));
    expect(decodeJwt(res.login.token).exp! * 1000).toBe(Date.parse(res.login.expiresAt));
  });

  it('refuses an expired token (401, TOKEN_EXPIRED): the user logs in again', async () => {
    const u = await t.user([Role.JUDGE]);
    const expired = await new TokenService(TEST_JWT_SECRET, -60).issue({ userId: u.id, tokenVersion: 0 });
    const { status, body } = await renew(expired);
    expect(status).toBe(401);
    expect(body.errors[0].extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'TOKEN_EXPIRED' });
    expect(body.data ?? null).toBeNull();
  });

  it('refuses a token revoked by a password change, and the renewed token is revoked with it', async () => {
    const u = await t.user([Role.JUDGE]);
    const renewed = (await renew(u.token)).body.data.renewToken.token as string;
    const CHANGE = `mutation { changePassword(input: { currentPassword: "password-123", newPassword: "new-password-9" }) { token userErrors { code } } }`;
    const changed = ok(await t.gql(CHANGE, {}, u.token));
    expect(changed.changePassword.userErrors).toEqual([]);
    for (const token of [u.token, renewed]) {
      const { status, body } = await renew(token);
      expect(status).toBe(401);
      expect(body.errors[0].extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'TOKEN_REVOKED' });
    }
    // The token changePassword gave does renew.
    expect((await renew(changed.changePassword.token)).body.data.renewToken.token).toEqual(expect.any(String));
  });

  it('refuses a disabled user’s token, and after re-enabling too', async () => {
    const admin = await t.user([Role.ADMIN]);
    const u = await t.user([Role.REVIEWER]);
    ok(await t.gql(`mutation($id: ID!) { disableUser(input: { userId: $id }) { userErrors { code } } }`, { id: u.globalId }, admin.token));
    const disabled = await renew(u.token);
    expect(disabled.status).toBe(401);
    expect(disabled.body.errors[0].extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'USER_DISABLED' });
    ok(await t.gql(`mutation($id: ID!) { enableUser(input: { userId: $id }) { userErrors { code } } }`, { id: u.globalId }, admin.token));
    expect((await renew(u.token)).body.errors[0].extensions.reason).toBe('TOKEN_REVOKED');
  });

  it('works as a mutation on a WebSocket too, with the token the socket opened with', async () => {
    const u = await t.user([Role.JUDGE]);
    const client = wsClient(t.wsUrl, await almostExpired(u.id));
    try {
      const res = await wsRequest(client, RENEW);
      expect(res.data.renewToken.viewer.id).toBe(u.globalId);
      expect(Date.parse(res.data.renewToken.expiresAt)).toBeGreaterThan(Date.now() + 11 * HOUR);
    } finally {
      await client.dispose();
    }
  });

  it('refuses anonymous callers (UNAUTHENTICATED)', async () => {
    expect(errorCode((await renew()).body)).toBe('UNAUTHENTICATED');
  });

  it('reads the user again: a revocation committed after the request was authenticated is not outrun', async () => {
    const u = await t.user([Role.JUDGE]);
    const em = t.orm.em.fork();
    await em.getConnection().execute(`update "app_user" set "token_version" = "token_version" + 1 where "id" = ?`, [u.id]);
    const viewer = { id: u.id, roles: [Role.JUDGE], workerId: null };
    await expect(renewToken(em, t.server.app.tokens, viewer, 0, now())).rejects.toThrow(GraphQLError);
    await expect(renewToken(em, t.server.app.tokens, viewer, 0, now())).rejects.toMatchObject({ extensions: { reason: 'TOKEN_REVOKED' } });
    await expect(renewToken(em, t.server.app.tokens, viewer, undefined, now())).rejects.toMatchObject({ extensions: { reason: 'TOKEN_INVALID' } });
  });

  describe('a session’s maximum (SESSION_MAX_HOURS, 7 days by default)', () => {
    const DAY = 24 * 3600;

    it('renews inside it, keeping the login time, and the new token expires at the maximum at the latest', async () => {
      const u = await t.user([Role.JUDGE]);
      const start = now() - 3 * DAY;
      const r = (await renew(await almostExpired(u.id, 0, start))).body.data.renewToken;
      expect(decodeJwt(r.token).sst).toBe(start);
      expect(Date.parse(r.expiresAt)).toBeGreaterThan(Date.now() + 11 * HOUR);
      // Half an hour before the maximum: the renewed token lasts that half hour, not 12 hours.
      const late = now() - 7 * DAY + 1800;
      const last = (await renew(await almostExpired(u.id, 0, late))).body.data.renewToken;
      expect(decodeJwt(last.token).sst).toBe(late);
      expect(Date.parse(last.expiresAt)).toBe((late + 7 * DAY) * 1000);
    });

    it('a login starts a session, which its renewals carry on', async () => {
      const u = await t.user([Role.JUDGE]);
      const before = now();
      const login = ok(await t.gql(`mutation($e: String!) { login(input: { email: $e, password: "password-123" }) { token } }`, { e: u.email })).login.token;
      const sst = decodeJwt(login).sst as number;
      expect(sst).toBeGreaterThanOrEqual(before);
      expect(decodeJwt((await renew(login)).body.data.renewToken.token).sst).toBe(sst);
    });

    it('refuses to renew past it (UNAUTHENTICATED, SESSION_TOO_LONG), in the reader’s language; the token itself still serves until it expires', async () => {
      const u = await t.user([Role.JUDGE]);
      const old = await almostExpired(u.id, 0, now() - 7 * DAY - 60);
      const zh = await renew(old);
      expect(zh.body.errors[0]).toMatchObject({ message: '本次登录已超过 168 小时，不能再续期，请重新登录', extensions: { code: 'UNAUTHENTICATED', reason: 'SESSION_TOO_LONG' } });
      expect(zh.body.data ?? null).toBeNull();
      const en = await fetch(t.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': 'en', authorization: `Bearer ${old}` },
        body: JSON.stringify({ query: RENEW }),
      });
      expect(((await en.json()) as any).errors[0].message).toBe('This login is more than 168 hours old and cannot be renewed: log in again');
      expect(ok(await t.gql(VIEWER, {}, old)).viewer.id).toBe(u.globalId);
    });

    it('follows the configured maximum', async () => {
      const short = await startTestServer({ config: { sessionMaxHours: 1 } });
      try {
        const u = await short.user([Role.JUDGE]);
        // A fresh login's token lasts the hour, not the 12 hours of a token's lifetime.
        const login = ok(await short.gql(`mutation($e: String!) { login(input: { email: $e, password: "password-123" }) { expiresAt } }`, { e: u.email })).login;
        expect(Date.parse(login.expiresAt)).toBeLessThanOrEqual(Date.now() + HOUR);
        const res = await fetch(short.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${await almostExpired(u.id, 0, now() - 3601)}` },
          body: JSON.stringify({ query: RENEW }),
        });
        expect(((await res.json()) as any).errors[0].extensions.reason).toBe('SESSION_TOO_LONG');
      } finally {
        await short.close();
      }
    });
  });
});
