import { Role } from '../../src/auth/role';
import { errorCode, ok, startTestServer, type TestServer } from '../helpers/server';
import { createEnterprise, creditCode } from '../helpers/registry';

const CREATE = `mutation($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { enterprise { id name creditCode isNonPublic } userErrors { code field message } } }`;
const UPDATE = `mutation($input: UpdateEnterpriseInput!) { updateEnterprise(input: $input) { enterprise { id name ownership isNonPublic } userErrors { code field } } }`;

let t: TestServer;
let admin: string;
let organizer: string;
beforeAll(async () => {
  t = await startTestServer();
  admin = (await t.user([Role.ADMIN])).token;
  organizer = (await t.user([Role.ORGANIZER])).token;
});
afterAll(async () => t.close());

const base = { name: '厦门港务集团', ownership: 'STATE_OWNED', size: 'LARGE', industry: '港口物流', district: '湖里区' };

describe('createEnterprise', () => {
  it('creates with a valid credit code (normalized to upper case) and derives isNonPublic', async () => {
    const code = creditCode(1);
    const res = ok(await t.gql(CREATE, { input: { ...base, creditCode: ` ${code.toLowerCase()} ` } }, organizer));
    expect(res.createEnterprise.userErrors).toEqual([]);
    expect(res.createEnterprise.enterprise).toMatchObject({ name: '厦门港务集团', creditCode: code, isNonPublic: false });
  });

  it('refuses an invalid credit code with a userError on the field, and stores nothing', async () => {
    const good = creditCode(2);
    const badCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    for (const bad of [badCheck, 'ABC', good.slice(0, 17) + 'I', '91ZZ0200000000002X']) {
      const res = ok(await t.gql(CREATE, { input: { ...base, creditCode: bad } }, admin));
      expect(res.createEnterprise.enterprise).toBeNull();
      expect(res.createEnterprise.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'creditCode'] })]);
    }
    const list = ok(await t.gql(`{ enterprises(filter: { search: "${badCheck}" }) { totalCount } }`));
    expect(list.enterprises.totalCount).toBe(0);
  });

  it('refuses a duplicate credit code', async () => {
    await t.gql(CREATE, { input: { ...base, creditCode: creditCode(3) } }, admin);
    const res = ok(await t.gql(CREATE, { input: { ...base, name: 'Other', creditCode: creditCode(3) } }, admin));
    expect(res.createEnterprise.userErrors).toEqual([expect.objectContaining({ code: 'ALREADY_EXISTS', field: ['input', 'creditCode'] })]);
  });

  it('is refused to anonymous viewers and to roles other than ADMIN and ORGANIZER', async () => {
    const input = { ...base, creditCode: creditCode(4) };
    expect(errorCode(await t.gql(CREATE, { input }))).toBe('UNAUTHENTICATED');
    for (const role of [Role.JUDGE, Role.REVIEWER, Role.STUDIO_MANAGER]) {
      const u = await t.user([role]);
      expect(errorCode(await t.gql(CREATE, { input }, u.token))).toBe('FORBIDDEN');
    }
    expect(ok(await t.gql(`{ enterprises(filter: { search: "${creditCode(4)}" }) { totalCount } }`)).enterprises.totalCount).toBe(0);
  });
});

describe('updateEnterprise', () => {
  it('changes only the fields given; refuses a bad ID, a taken code, and other roles', async () => {
    const e = await createEnterprise(t, admin, { ownership: 'STATE_OWNED' });
    const res = ok(await t.gql(UPDATE, { input: { enterpriseId: e.id, ownership: 'FOREIGN_INVESTED' } }, organizer));
    expect(res.updateEnterprise.enterprise).toMatchObject({ name: e.name, ownership: 'FOREIGN_INVESTED', isNonPublic: true });
    const other = await createEnterprise(t, admin);
    const taken = ok(await t.gql(`{ enterprise(id: "${other.id}") { creditCode } }`)).enterprise.creditCode;
    const dup = ok(await t.gql(UPDATE, { input: { enterpriseId: e.id, creditCode: taken } }, organizer));
    expect(dup.updateEnterprise.userErrors).toEqual([{ code: 'ALREADY_EXISTS', field: ['input', 'creditCode'] }]);
    const wrongType = ok(await t.gql(UPDATE, { input: { enterpriseId: Buffer.from('Worker:00000000-0000-0000-0000-000000000000').toString('base64url'), name: 'x' } }, organizer));
    expect(wrongType.updateEnterprise.userErrors).toEqual([{ code: 'INVALID_INPUT', field: ['input', 'enterpriseId'] }]);
    const missing = ok(await t.gql(UPDATE, { input: { enterpriseId: Buffer.from('Enterprise:00000000-0000-0000-0000-000000000000').toString('base64url'), name: 'x' } }, organizer));
    expect(missing.updateEnterprise.userErrors).toEqual([{ code: 'NOT_FOUND', field: ['input', 'enterpriseId'] }]);
    const judge = await t.user([Role.JUDGE]);
    expect(errorCode(await t.gql(UPDATE, { input: { enterpriseId: e.id, name: 'Hijack' } }, judge.token))).toBe('FORBIDDEN');
    expect(ok(await t.gql(`{ enterprise(id: "${e.id}") { name } }`)).enterprise.name).toBe(e.name);
  });
});

describe('enterprises', () => {
  it('filters by ownership, size, district and nonPublic, and orders', async () => {
    const tag = `过滤${Date.now()}`;
    await createEnterprise(t, admin, { name: `${tag}-A`, ownership: 'PRIVATE', size: 'MICRO', district: '集美区' });
    await createEnterprise(t, admin, { name: `${tag}-B`, ownership: 'STATE_OWNED', size: 'LARGE', district: '集美区' });
    await createEnterprise(t, admin, { name: `${tag}-C`, ownership: 'FOREIGN_INVESTED', size: 'MICRO', district: '同安区' });
    const q = (filter: string, order = '') => t.gql(`{ enterprises(filter: { search: "${tag}", ${filter} } ${order}) { totalCount nodes { name } } }`);
    expect(ok(await q('nonPublic: true')).enterprises.nodes.map((n: { name: string }) => n.name)).toEqual([`${tag}-A`, `${tag}-C`]);
    expect(ok(await q('nonPublic: false')).enterprises.totalCount).toBe(1);
    expect(ok(await q('size: MICRO, district: "集美区"')).enterprises.nodes).toEqual([{ name: `${tag}-A` }]);
    expect(ok(await q('ownership: STATE_OWNED')).enterprises.nodes).toEqual([{ name: `${tag}-B` }]);
    const desc = ok(await q('', ', orderBy: { field: NAME, direction: DESC }')).enterprises.nodes.map((n: { name: string }) => n.name);
    expect(desc).toEqual([`${tag}-C`, `${tag}-B`, `${tag}-A`]);
  });

  it('pages forwards and backwards with keyset cursors, seeing every item once', async () => {
    const tag = `分页${Date.now()}`;
    for (let i = 0; i < 7; i++) await createEnterprise(t, admin, { name: `${tag}-${i}` });
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: any = ok(await t.gql(`query($after: String) { enterprises(first: 3, after: $after, filter: { search: "${tag}" }) { totalCount edges { cursor node { name } } pageInfo { hasNextPage hasPreviousPage endCursor startCursor } } }`, { after }));
      const c = res.enterprises;
      expect(c.totalCount).toBe(7);
      seen.push(...c.edges.map((e: any) => e.node.name));
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    expect(seen).toEqual([...Array(7).keys()].map((i) => `${tag}-${i}`));
    const back: any = ok(await t.gql(`{ enterprises(last: 2, filter: { search: "${tag}" }) { nodes { name } pageInfo { hasPreviousPage startCursor } } }`));
    expect(back.enterprises.nodes.map((n: any) => n.name)).toEqual([`${tag}-5`, `${tag}-6`]);
    expect(back.enterprises.pageInfo.hasPreviousPage).toBe(true);
    const before: any = ok(await t.gql(`query($b: String) { enterprises(last: 2, before: $b, filter: { search: "${tag}" }) { nodes { name } } }`, { b: back.enterprises.pageInfo.startCursor }));
    expect(before.enterprises.nodes.map((n: any) => n.name)).toEqual([`${tag}-3`, `${tag}-4`]);
  });

  it('gives a clear error for a bad cursor and for first over 100', async () => {
    const bad = await t.gql(`{ enterprises(after: "not-a-cursor!") { totalCount } }`);
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0]!.message).toMatch(/`after` 不是有效的游标/);
    const wrongShape = await t.gql(`{ enterprises(after: "${Buffer.from('[1,2,3,4]').toString('base64url')}") { totalCount } }`);
    expect(errorCode(wrongShape)).toBe('BAD_USER_INPUT');
    const big = await t.gql(`{ enterprises(first: 101) { totalCount } }`);
    expect(errorCode(big)).toBe('BAD_USER_INPUT');
    expect(big.errors![0]!.message).toMatch(/`first`.*100/);
    expect(errorCode(await t.gql(`{ enterprises(first: 1, last: 1) { totalCount } }`))).toBe('BAD_USER_INPUT');
  });

  it('resolves through node(id:) and nodes(ids:); unknown and malformed IDs give null', async () => {
    const e = await createEnterprise(t, admin);
    const res = ok(await t.gql(`query($id: ID!) { node(id: $id) { __typename id ... on Enterprise { name } } }`, { id: e.id }));
    expect(res.node).toEqual({ __typename: 'Enterprise', id: e.id, name: e.name });
    const many = ok(await t.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: [e.id, 'junk', Buffer.from('Enterprise:00000000-0000-0000-0000-000000000000').toString('base64url')] }));
    expect(many.nodes).toEqual([{ id: e.id }, null, null]);
  });
});
