import { randomUUID } from 'node:crypto';
import { Role } from '../../src/auth/role';
import { enterpriseScopeOf } from '../../src/auth/scope';
import { toGlobalId } from '../../src/common/relay';
import { errorCode, ok, startTestServer, type TestServer } from '../helpers/server';
import { createEnterprise } from '../helpers/registry';

/* Issue 15 §0: a user's enterprise scope (User.enterprise), set by createUser and setUserEnterprise. */
const SET = `mutation($input: SetUserEnterpriseInput!) { setUserEnterprise(input: $input) { user { id enterprise { id name } } userErrors { code field message } } }`;
const CREATE = `mutation($input: CreateUserInput!) { createUser(input: $input) { user { id roles enterprise { id } } userErrors { code field } } }`;

let t: TestServer;
let admin: string;
let nominator: { globalId: string; token: string };
let ent: { id: string; name: string };
beforeAll(async () => {
  t = await startTestServer();
  admin = (await t.user([Role.ADMIN])).token;
  nominator = await t.user([Role.NOMINATOR]);
  ent = await createEnterprise(t, admin);
});
afterAll(async () => t.close());

it('sets and clears a user’s enterprise, which the user sees as viewer', async () => {
  const set = ok(await t.gql(SET, { input: { userId: nominator.globalId, enterpriseId: ent.id } }, admin)).setUserEnterprise;
  expect(set).toMatchObject({ userErrors: [], user: { id: nominator.globalId, enterprise: { id: ent.id, name: ent.name } } });
  expect(ok(await t.gql('{ viewer { roles enterprise { id } } }', {}, nominator.token)).viewer).toEqual({ roles: ['NOMINATOR'], enterprise: { id: ent.id } });
  const cleared = ok(await t.gql(SET, { input: { userId: nominator.globalId, enterpriseId: null } }, admin)).setUserEnterprise;
  expect(cleared).toMatchObject({ userErrors: [], user: { enterprise: null } });
});

it('createUser takes the enterprise too', async () => {
  const input = { email: 'appraiser@example.cn', displayName: '评价员', password: 'password-1', roles: ['APPRAISER'], enterpriseId: ent.id };
  const created = ok(await t.gql(CREATE, { input }, admin)).createUser;
  expect(created).toMatchObject({ userErrors: [], user: { roles: ['APPRAISER'], enterprise: { id: ent.id } } });
  const gone = ok(await t.gql(CREATE, { input: { ...input, email: 'x@example.cn', enterpriseId: toGlobalId('Enterprise', randomUUID()) } }, admin)).createUser;
  expect(gone).toMatchObject({ user: null, userErrors: [{ code: 'NOT_FOUND', field: ['input', 'enterpriseId'] }] });
});

it('names an unknown enterprise or user in a userError and changes nothing', async () => {
  ok(await t.gql(SET, { input: { userId: nominator.globalId, enterpriseId: ent.id } }, admin));
  const gone = ok(await t.gql(SET, { input: { userId: nominator.globalId, enterpriseId: toGlobalId('Enterprise', randomUUID()) } }, admin)).setUserEnterprise;
  expect(gone.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'enterpriseId'] })]);
  const noUser = ok(await t.gql(SET, { input: { userId: toGlobalId('User', randomUUID()), enterpriseId: ent.id } }, admin)).setUserEnterprise;
  expect(noUser.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'userId'] })]);
  expect(ok(await t.gql('{ viewer { enterprise { id } } }', {}, nominator.token)).viewer.enterprise).toEqual({ id: ent.id });
});

it('is for admins only', async () => {
  const input = { userId: nominator.globalId, enterpriseId: null };
  expect(errorCode(await t.gql(SET, { input }))).toBe('UNAUTHENTICATED');
  expect(errorCode(await t.gql(SET, { input }, nominator.token))).toBe('FORBIDDEN');
  expect(errorCode(await t.gql(SET, { input }, (await t.user([Role.ORGANIZER])).token))).toBe('FORBIDDEN');
});

it('enterpriseScopeOf reads a viewer or a user', () => {
  expect(enterpriseScopeOf(null)).toBeNull();
  expect(enterpriseScopeOf({ enterpriseId: 'e1' })).toBe('e1');
  expect(enterpriseScopeOf({ enterpriseId: null })).toBeNull();
  expect(enterpriseScopeOf({ enterprise: { id: 'e2' } } as never)).toBe('e2');
  expect(enterpriseScopeOf({ enterprise: null })).toBeNull();
});
