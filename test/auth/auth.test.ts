import { AuthService } from '../../src/auth/auth.service';
import { Role } from '../../src/auth/role';
import { LoginAttempt } from '../../src/auth/login-attempt.entity';
import { TokenService } from '../../src/auth/tokens';
import { errorCode, ok, startTestServer, TEST_JWT_SECRET, type TestServer } from '../helpers/server';

const LOGIN = `mutation($email: String!, $password: String!) {
  login(input: { email: $email, password: $password }) { token viewer { id email roles } userErrors { code message field } }
}`;
const VIEWER = `{ viewer { id email roles disabled } }`;
const CREATE_USER = `mutation($input: CreateUserInput!) { createUser(input: $input) { user { id email roles } userErrors { code field message } } }`;

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t.close());

describe('login', () => {
  it('returns a token that identifies the viewer; email is case-insensitive', async () => {
    const u = await t.user([Role.ORGANIZER], { email: 'Li.Hua@Example.com' });
    const res = ok(await t.gql(LOGIN, { email: 'LI.HUA@example.COM', password: 'password-123' }));
    expect(res.login.userErrors).toEqual([]);
    expect(res.login.viewer).toEqual({ id: u.globalId, email: 'li.hua@example.com', roles: ['ORGANIZER'] });
    const me = ok(await t.gql(VIEWER, {}, res.login.token));
    expect(me.viewer.email).toBe('li.hua@example.com');
  });

  it('gives one generic error for an unknown email and a wrong password', async () => {
    await t.user([Role.JUDGE], { email: 'judge.generic@example.com' });
    const wrong = ok(await t.gql(LOGIN, { email: 'judge.generic@example.com', password: 'nope-nope-nope' }));
    const unknown = ok(await t.gql(LOGIN, { email: 'nobody@example.com', password: 'nope-nope-nope' }));
    expect(wrong.login.token).toBeNull();
    expect(wrong.login.userErrors).toEqual(unknown.login.userErrors);
    expect(wrong.login.userErrors[0].code).toBe('INVALID_CREDENTIALS');
  });

  it('refuses with TOO_MANY_ATTEMPTS after 10 failures in 15 minutes, even with the right password, until the window passes', async () => {
    await t.user([Role.JUDGE], { email: 'flood@example.com' });
    for (let i = 0; i < 10; i++) {
      const r = ok(await t.gql(LOGIN, { email: 'flood@example.com', password: `wrong-${i}-xxxx` }));
      expect(r.login.userErrors[0].code).toBe('INVALID_CREDENTIALS');
    }
    const blocked = ok(await t.gql(LOGIN, { email: 'flood@example.com', password: 'password-123' }));
    expect(blocked.login.userErrors[0].code).toBe('TOO_MANY_ATTEMPTS');
    expect(blocked.login.token).toBeNull();
    // Age the failures past the window: the right password works again.
    await t.orm.em.fork().nativeUpdate(LoginAttempt, { email: 'flood@example.com' }, { at: new Date(Date.now() - 16 * 60_000) });
    const again = ok(await t.gql(LOGIN, { email: 'flood@example.com', password: 'password-123' }));
    expect(again.login.userErrors).toEqual([]);
    expect(typeof again.login.token).toBe('string');
  });

  it('answers UNAUTHENTICATED (401) to a bearer token that does not verify, instead of serving it as anonymous', async () => {
    const u = await t.user([Role.ADMIN]);
    const forged = u.token.slice(0, -4) + (u.token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    const expired = await new TokenService(TEST_JWT_SECRET, -60).issue({ userId: u.id, tokenVersion: 0 });
    for (const [token, reason] of [['not-a-jwt', 'TOKEN_INVALID'], [forged, 'TOKEN_INVALID'], [expired, 'TOKEN_EXPIRED']] as const) {
      const res = await post(VIEWER, `Bearer ${token}`);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
      expect(res.body).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'UNAUTHENTICATED', reason } }] });
    }
    // No header, or another scheme (a proxy's basic auth), is anonymous as before.
    expect((await post(VIEWER, undefined)).body).toMatchObject({ data: { viewer: null } });
    expect((await post(VIEWER, 'Basic dXNlcjpwYXNz')).body).toMatchObject({ data: { viewer: null } });
  });
});

async function post(query: string, authorization: string | undefined): Promise<{ status: number; headers: Headers; body: unknown }> {
  const res = await fetch(t.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ query }),
  });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

describe('user administration', () => {
  it('lets an admin create users; refuses anonymous (UNAUTHENTICATED) and other roles (FORBIDDEN)', async () => {
    const admin = await t.user([Role.ADMIN]);
    const organizer = await t.user([Role.ORGANIZER]);
    const input = { email: 'new.judge@example.com', displayName: '张伟', password: 'long-enough-1', roles: ['JUDGE'] };
    expect(errorCode(await t.gql(CREATE_USER, { input }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(CREATE_USER, { input }, organizer.token))).toBe('FORBIDDEN');
    const created = ok(await t.gql(CREATE_USER, { input }, admin.token));
    expect(created.createUser.userErrors).toEqual([]);
    expect(created.createUser.user.roles).toEqual(['JUDGE']);
    const dup = ok(await t.gql(CREATE_USER, { input: { ...input, email: 'NEW.judge@example.com' } }, admin.token));
    expect(dup.createUser.userErrors).toEqual([{ code: 'ALREADY_EXISTS', field: ['input', 'email'], message: expect.any(String) }]);
  });

  it('reports every invalid field at once and creates nothing', async () => {
    const admin = await t.user([Role.ADMIN]);
    const res = ok(
      await t.gql(CREATE_USER, { input: { email: 'not-an-email', displayName: '  ', password: 'short', roles: [] } }, admin.token),
    );
    expect(res.createUser.user).toBeNull();
    expect(res.createUser.userErrors.map((e: { field: string[] }) => e.field.join('.')).sort()).toEqual(
      ['input.displayName', 'input.email', 'input.password', 'input.roles'],
    );
    const list = ok(await t.gql(`{ users(filter: { search: "not-an-email" }) { totalCount } }`, {}, admin.token));
    expect(list.users.totalCount).toBe(0);
  });

  it('changes roles, with effect on existing tokens at once', async () => {
    const admin = await t.user([Role.ADMIN]);
    const u = await t.user([Role.JUDGE]);
    const create = `mutation { createEnterprise(input: { name: "X", creditCode: "91350200MA2XYZ1234", ownership: PRIVATE, size: SMALL, industry: "制造", district: "思明区" }) { userErrors { code } } }`;
    expect(errorCode(await t.gql(create, {}, u.token))).toBe('FORBIDDEN');
    const upd = ok(
      await t.gql(
        `mutation($id: ID!) { updateUserRoles(input: { userId: $id, roles: [ORGANIZER, JUDGE] }) { user { roles } userErrors { code } } }`,
        { id: u.globalId },
        admin.token,
      ),
    );
    expect(upd.updateUserRoles.user.roles).toEqual(['ORGANIZER', 'JUDGE']);
    expect(errorCode(await t.gql(create, {}, u.token))).toBeUndefined();
  });

  it('disabling a user stops their tokens and their login; enabling lets them log in again', async () => {
    const admin = await t.user([Role.ADMIN]);
    const u = await t.user([Role.REVIEWER], { email: 'to.disable@example.com' });
    expect(ok(await t.gql(VIEWER, {}, u.token)).viewer).toMatchObject({ email: 'to.disable@example.com', disabled: false });
    const res = ok(
      await t.gql(`mutation($id: ID!) { disableUser(input: { userId: $id }) { user { disabled } userErrors { code } } }`, { id: u.globalId }, admin.token),
    );
    expect(res.disableUser.user.disabled).toBe(true);
    expect(errorCode(await t.gql(VIEWER, {}, u.token))).toBe('UNAUTHENTICATED');
    expect(ok(await t.gql(LOGIN, { email: 'to.disable@example.com', password: 'password-123' })).login.userErrors[0].code).toBe('INVALID_CREDENTIALS');
    ok(await t.gql(`mutation($id: ID!) { enableUser(input: { userId: $id }) { userErrors { code } } }`, { id: u.globalId }, admin.token));
    expect(errorCode(await t.gql(VIEWER, {}, u.token))).toBe('UNAUTHENTICATED'); // old tokens stay dead
    expect(ok(await t.gql(LOGIN, { email: 'to.disable@example.com', password: 'password-123' })).login.token).toEqual(expect.any(String));
  });

  it('refuses to disable yourself or a non-user ID, and other roles may not disable', async () => {
    const admin = await t.user([Role.ADMIN]);
    const judge = await t.user([Role.JUDGE]);
    const DISABLE = `mutation($id: ID!) { disableUser(input: { userId: $id }) { user { id } userErrors { code field } } }`;
    expect(ok(await t.gql(DISABLE, { id: admin.globalId }, admin.token)).disableUser.userErrors[0].code).toBe('INVALID_STATE');
    expect(ok(await t.gql(DISABLE, { id: 'garbage' }, admin.token)).disableUser.userErrors[0]).toEqual({ code: 'INVALID_INPUT', field: ['input', 'userId'] });
    expect(errorCode(await t.gql(DISABLE, { id: admin.globalId }, judge.token))).toBe('FORBIDDEN');
  });

  it('lists users for admins only, with filters and pagination', async () => {
    const admin = await t.user([Role.ADMIN]);
    const judge = await t.user([Role.JUDGE]);
    expect(errorCode(await t.gql(`{ users { totalCount } }`, {}, judge.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(`{ users { totalCount } }`))).toBe('UNAUTHENTICATED');
    const page = ok(await t.gql(`{ users(first: 2, filter: { role: JUDGE }) { totalCount edges { cursor node { roles } } pageInfo { hasNextPage endCursor } } }`, {}, admin.token));
    expect(page.users.edges).toHaveLength(2);
    expect(page.users.totalCount).toBeGreaterThan(2);
    for (const e of page.users.edges) expect(e.node.roles).toContain('JUDGE');
    expect(page.users.pageInfo.hasNextPage).toBe(true);
  });
});

describe('changePassword', () => {
  it('needs the current password, returns a new token and ends other sessions', async () => {
    const u = await t.user([Role.JUDGE], { email: 'pw.change@example.com' });
    const CHANGE = `mutation($c: String!, $n: String!) { changePassword(input: { currentPassword: $c, newPassword: $n }) { token userErrors { code field } } }`;
    expect(errorCode(await t.gql(CHANGE, { c: 'password-123', n: 'new-password-9' }))).toBe('UNAUTHENTICATED');
    const wrong = ok(await t.gql(CHANGE, { c: 'wrong-password', n: 'new-password-9' }, u.token));
    expect(wrong.changePassword.userErrors).toEqual([{ code: 'INVALID_CREDENTIALS', field: ['input', 'currentPassword'] }]);
    const short = ok(await t.gql(CHANGE, { c: 'password-123', n: 'short' }, u.token));
    expect(short.changePassword.userErrors[0].code).toBe('INVALID_INPUT');
    const done = ok(await t.gql(CHANGE, { c: 'password-123', n: 'new-password-9' }, u.token));
    expect(done.changePassword.userErrors).toEqual([]);
    expect((await t.gql(VIEWER, {}, u.token)).errors).toEqual([{ message: expect.stringMatching(/登录已失效/), extensions: { code: 'UNAUTHENTICATED', reason: 'TOKEN_REVOKED' } }]);
    expect(ok(await t.gql(VIEWER, {}, done.changePassword.token)).viewer.email).toBe('pw.change@example.com');
    expect(ok(await t.gql(LOGIN, { email: 'pw.change@example.com', password: 'new-password-9' })).login.token).toEqual(expect.any(String));
  });
});

describe('bootstrap admin', () => {
  it('creates the first admin only when no user exists', async () => {
    const fresh = await startTestServer();
    try {
      const svc = () => new AuthService(fresh.orm.em.fork(), fresh.server.app.tokens);
      expect(await svc().bootstrapAdmin('first@example.com', 'first-password')).toBe(true);
      expect(await svc().bootstrapAdmin('second@example.com', 'second-password')).toBe(false);
      const res = ok(await fresh.gql(LOGIN, { email: 'first@example.com', password: 'first-password' }));
      expect(res.login.viewer.roles).toEqual(['ADMIN']);
      expect(ok(await fresh.gql(LOGIN, { email: 'second@example.com', password: 'second-password' })).login.token).toBeNull();
    } finally {
      await fresh.close();
    }
  });
});

describe('users (ADMIN)', () => {
  const USERS = `query($order: UserOrder, $after: String, $search: String) {
    users(first: 2, after: $after, orderBy: $order, filter: { search: $search }) { totalCount nodes { displayName email } pageInfo { hasNextPage endCursor } } }`;

  it('orders by display name (pinyin), email or creation, both ways, with a second page through after', async () => {
    const admin = await t.user([Role.ADMIN]);
    const tag = `order${Date.now()}`;
    const service = new AuthService(t.orm.em.fork(), new TokenService(TEST_JWT_SECRET, 3600));
    // Created in this order; names sort 李 < 王 < 张 in pinyin, emails c < a < b would not.
    for (const [name, local] of [['张伟', 'a'], ['李娜', 'c'], ['王芳', 'b']] as const) {
      await service.createUser({ email: `${local}.${tag}@example.com`, displayName: name, password: 'password-123', roles: [Role.JUDGE] });
    }
    const page = async (order: unknown, after?: string) => ok(await t.gql(USERS, { order, after, search: tag }, admin.token)).users;
    const names = (p: any) => p.nodes.map((n: any) => n.displayName);
    const byName = await page({ field: 'DISPLAY_NAME' });
    expect(byName.totalCount).toBe(3);
    expect(names(byName)).toEqual(['李娜', '王芳']);
    expect(names(await page({ field: 'DISPLAY_NAME' }, byName.pageInfo.endCursor))).toEqual(['张伟']);
    const byNameDesc = await page({ field: 'DISPLAY_NAME', direction: 'DESC' });
    expect(names(byNameDesc)).toEqual(['张伟', '王芳']);
    expect(names(await page({ field: 'DISPLAY_NAME', direction: 'DESC' }, byNameDesc.pageInfo.endCursor))).toEqual(['李娜']);
    expect(names(await page({ field: 'EMAIL' }))).toEqual(['张伟', '王芳']);
    expect(names(await page({ field: 'EMAIL', direction: 'DESC' }))).toEqual(['李娜', '王芳']);
    const created = await page({ field: 'CREATED_AT', direction: 'DESC' });
    expect(names(created)).toEqual(['王芳', '李娜']);
    expect(names(await page({ field: 'CREATED_AT', direction: 'DESC' }, created.pageInfo.endCursor))).toEqual(['张伟']);
    // Default: by email.
    expect(names(await page(null))).toEqual(['张伟', '王芳']);
    expect(errorCode(await t.gql(USERS, { search: tag }, (await t.user([Role.ORGANIZER])).token))).toBe('FORBIDDEN');
  });
});
