import { Role } from '../../src/auth/role';
import { toGlobalId } from '../../src/common/relay';
import { errorCode, startTestServer, type GqlResult, type TestServer } from '../helpers/server';

/**
 * Failed password checks are counted per account and client address, before the check, so parallel
 * requests cannot slip past the limit; failures from other addresses only slow the check down, so
 * strangers cannot lock a judge out. The server trusts one proxy hop: X-Forwarded-For sets the address.
 */
const LOGIN = `mutation($email: String!, $password: String!) { login(input: { email: $email, password: $password }) { token userErrors { code field } } }`;
const CHANGE = `mutation($c: String!, $n: String!) { changePassword(input: { currentPassword: $c, newPassword: $n }) { token userErrors { code field } } }`;
const CLEAR = `mutation($id: ID!) { clearLoginLockout(input: { userId: $id }) { user { email } clearedFailures userErrors { code field } } }`;
const VIEWER = `{ viewer { email } }`;

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ limits: { trustProxyHops: 1 } });
});
afterAll(async () => t.close());

async function from(address: string, query: string, variables: Record<string, unknown>, token?: string): Promise<GqlResult<any>> {
  const res = await fetch(t.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as GqlResult<any>;
}

/** What a login answered: TOKEN, or its userError code. */
function outcome(r: GqlResult<any>): string {
  const p = r.data!.login ?? r.data!.changePassword;
  return p.token ? 'TOKEN' : p.userErrors[0].code;
}

const count = (xs: string[], x: string) => xs.filter((y) => y === x).length;

describe('login throttling', () => {
  it('counts each attempt before the check: of 40 parallel logins from one address at most 10 fail on the password, the rest are refused unchecked', async () => {
    const { email } = await t.user([Role.JUDGE], { email: 'race@example.com' });
    const passwords = Array.from({ length: 39 }, (_, i) => `wrong-${i}-xxxx`);
    passwords.splice(20, 0, 'password-123');
    const got = (await Promise.all(passwords.map((password) => from('10.1.0.1', LOGIN, { email, password })))).map(outcome);
    expect(count(got, 'INVALID_CREDENTIALS')).toBeLessThanOrEqual(10);
    expect(count(got, 'TOO_MANY_ATTEMPTS')).toBeGreaterThanOrEqual(29);
    // The judge at another address is not locked out by them.
    expect(outcome(await from('10.1.0.2', LOGIN, { email, password: 'password-123' }))).toBe('TOKEN');
  });

  it('never refuses the right password from an address without failures, whatever other addresses tried in parallel', async () => {
    const { email } = await t.user([Role.JUDGE], { email: 'hall@example.com' });
    const wrong = (i: number) => from(`10.2.0.${(i % 12) + 1}`, LOGIN, { email, password: `guess-${i}-xxxx` });
    expect((await Promise.all(Array.from({ length: 24 }, (_, i) => wrong(i)))).map(outcome)).toEqual(Array(24).fill('INVALID_CREDENTIALS'));
    // One stranger address over its limit, and the hall's judges logging in meanwhile.
    const [judge1, judge2, ...strangers] = await Promise.all([
      from('10.2.1.1', LOGIN, { email, password: 'password-123' }),
      from('10.2.1.1', LOGIN, { email, password: 'password-123' }),
      ...Array.from({ length: 15 }, (_, i) => from('10.2.0.100', LOGIN, { email, password: `more-${i}-xxxx` })),
    ]);
    expect([outcome(judge1!), outcome(judge2!)]).toEqual(['TOKEN', 'TOKEN']);
    const s = strangers.map(outcome);
    expect(count(s, 'INVALID_CREDENTIALS')).toBeLessThanOrEqual(10);
    expect(count(s, 'INVALID_CREDENTIALS') + count(s, 'TOO_MANY_ATTEMPTS')).toBe(15);
  });

  it('an admin clears a lockout; anonymous callers and other roles may not, and a bad ID changes nothing', async () => {
    const u = await t.user([Role.JUDGE], { email: 'locked@example.com' });
    const admin = await t.user([Role.ADMIN]);
    const organizer = await t.user([Role.ORGANIZER]);
    await Promise.all(Array.from({ length: 10 }, (_, i) => from('10.3.0.1', LOGIN, { email: u.email, password: `wrong-${i}-xxxx` })));
    expect(outcome(await from('10.3.0.1', LOGIN, { email: u.email, password: 'password-123' }))).toBe('TOO_MANY_ATTEMPTS');

    expect(errorCode(await t.gql(CLEAR, { id: u.globalId }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(CLEAR, { id: u.globalId }, organizer.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(CLEAR, { id: u.globalId }, u.token))).toBe('FORBIDDEN');
    expect((await t.gql(CLEAR, { id: 'garbage' }, admin.token)).data!.clearLoginLockout).toEqual({ user: null, clearedFailures: null, userErrors: [{ code: 'INVALID_INPUT', field: ['input', 'userId'] }] });
    expect((await t.gql(CLEAR, { id: fx404() }, admin.token)).data!.clearLoginLockout.userErrors).toEqual([{ code: 'NOT_FOUND', field: ['input', 'userId'] }]);
    expect(outcome(await from('10.3.0.1', LOGIN, { email: u.email, password: 'password-123' }))).toBe('TOO_MANY_ATTEMPTS');

    const cleared = (await t.gql(CLEAR, { id: u.globalId }, admin.token)).data!.clearLoginLockout;
    expect(cleared).toEqual({ user: { email: u.email }, clearedFailures: 10, userErrors: [] });
    expect(outcome(await from('10.3.0.1', LOGIN, { email: u.email, password: 'password-123' }))).toBe('TOKEN');
  });
});

describe('changePassword', () => {
  it('shares the login failure counter: a token holder cannot guess the current password without limit', async () => {
    const u = await t.user([Role.JUDGE], { email: 'guess.current@example.com' });
    const got = (await Promise.all(Array.from({ length: 15 }, (_, i) => from('10.4.0.1', CHANGE, { c: `guess-${i}-xxxx`, n: 'new-password-1' }, u.token)))).map(outcome);
    expect(count(got, 'INVALID_CREDENTIALS')).toBeLessThanOrEqual(10);
    expect(count(got, 'INVALID_CREDENTIALS') + count(got, 'TOO_MANY_ATTEMPTS')).toBe(15);
    // Even the right current password is refused from that address now, and so is a login there.
    const refused = await from('10.4.0.1', CHANGE, { c: 'password-123', n: 'new-password-1' }, u.token);
    expect(refused.data!.changePassword).toEqual({ token: null, userErrors: [{ code: 'TOO_MANY_ATTEMPTS', field: ['input', 'currentPassword'] }] });
    expect(outcome(await from('10.4.0.1', LOGIN, { email: u.email, password: 'password-123' }))).toBe('TOO_MANY_ATTEMPTS');
    expect((await t.gql(VIEWER, {}, u.token)).data!.viewer.email).toBe(u.email); // nothing changed: the token serves
    expect(outcome(await from('10.4.0.2', CHANGE, { c: 'password-123', n: 'new-password-1' }, u.token))).toBe('TOKEN');
  });

  it('refuses a new password equal to the current one, and changes nothing', async () => {
    const u = await t.user([Role.JUDGE], { email: 'same.password@example.com' });
    const same = await t.gql(CHANGE, { c: 'password-123', n: 'password-123' }, u.token);
    expect(same.data!.changePassword).toEqual({ token: null, userErrors: [{ code: 'INVALID_INPUT', field: ['input', 'newPassword'] }] });
    expect((await t.gql(VIEWER, {}, u.token)).data!.viewer.email).toBe(u.email); // not revoked
  });
});

/** A well-formed User ID that names no user. */
function fx404(): string {
  return toGlobalId('User', '00000000-0000-4000-8000-000000000000');
}
