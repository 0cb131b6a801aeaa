import { Role } from '../../src/auth/role';
import { StudioStatus } from '../../src/studios/enums';
import { toGlobalId } from '../../src/common/relay';
import { errorCode, ok, startTestServer, type TestServer } from '../helpers/server';
import { fixture, makeStudio, setStudioStatus, type Fixture } from './fixtures';

const A_FIELDS = `id name scope region industry description`;
const CREATE = `mutation($input: CreateAllianceInput!) { createAlliance(input: $input) { alliance { ${A_FIELDS} } userErrors { code field message } } }`;
const JOIN = `mutation($input: AllianceMembershipInput!) { joinAlliance(input: $input) { alliance { id } studio { id alliances { nodes { id } } } userErrors { code field message } } }`;
const LEAVE = `mutation($input: AllianceMembershipInput!) { leaveAlliance(input: $input) { alliance { id } studio { id alliances { nodes { id } } } userErrors { code field message } } }`;
const MEMBERS = `query($id: ID!, $first: Int, $after: String) { alliance(id: $id) { ${A_FIELDS}
  members(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor joinedAt node { id name } } } } }`;

let t: TestServer;
let f: Fixture;
let organizer: { token: string };
let manager: { id: string; token: string };
let otherManager: { id: string; token: string };
let ent: { id: string; uuid: string; workerId: string };

beforeAll(async () => {
  t = await startTestServer();
  f = await fixture(t);
  organizer = await t.user([Role.ORGANIZER]);
  manager = await t.user([Role.STUDIO_MANAGER]);
  otherManager = await t.user([Role.STUDIO_MANAGER]);
  ent = await f.enterprise('湖里区', '船舶制造');
});
afterAll(async () => t.close());

async function create(token: string, input: Record<string, unknown>) {
  return ok(await t.gql(CREATE, { input }, token)).createAlliance;
}
async function join(token: string, allianceId: string, studioId: string) {
  return ok(await t.gql(JOIN, { input: { allianceId, studioId } }, token)).joinAlliance;
}

describe('createAlliance', () => {
  it('creates regional and industry alliances, public to read and by node(id)', async () => {
    const regional = await create(organizer.token, { name: '湖里区职工技术创新联盟', scope: 'REGIONAL', region: '湖里区', description: '区域联盟' });
    expect(regional).toMatchObject({ userErrors: [], alliance: { name: '湖里区职工技术创新联盟', scope: 'REGIONAL', region: '湖里区', industry: null, description: '区域联盟' } });
    const industry = await create(f.admin.token, { name: '船舶行业创新联盟', scope: 'INDUSTRY', industry: '船舶制造' });
    expect(industry.alliance).toMatchObject({ scope: 'INDUSTRY', industry: '船舶制造', region: null, description: '' });
    const node = ok(await t.gql(`query($id: ID!) { node(id: $id) { __typename ... on Alliance { name } } }`, { id: industry.alliance.id })).node;
    expect(node).toEqual({ __typename: 'Alliance', name: '船舶行业创新联盟' });
  });

  it('refuses a REGIONAL alliance without region, an INDUSTRY one without industry, and a taken name', async () => {
    expect((await create(organizer.token, { name: '缺区域', scope: 'REGIONAL', industry: '制造业' })).userErrors)
      .toEqual([{ code: 'INVALID_INPUT', field: ['input', 'region'], message: '区域联盟须填写地区（region）' }]);
    expect((await create(organizer.token, { name: '缺行业', scope: 'INDUSTRY', region: '  ' })).userErrors)
      .toEqual([{ code: 'INVALID_INPUT', field: ['input', 'industry'], message: '行业联盟须填写行业（industry）' }]);
    await create(organizer.token, { name: '重名联盟', scope: 'REGIONAL', region: '思明区' });
    expect((await create(organizer.token, { name: ' 重名联盟 ', scope: 'REGIONAL', region: '集美区' })).userErrors)
      .toEqual([{ code: 'ALREADY_EXISTS', field: ['input', 'name'], message: '已有同名的联盟' }]);
    const names = ok(await t.gql(`{ alliances(filter: { search: "缺" }) { totalCount } }`)).alliances;
    expect(names.totalCount).toBe(0);
  });

  it('says why in English when asked', async () => {
    const res = ok(await t.gql(CREATE, { input: { name: '缺区域英文', scope: 'REGIONAL' } }, organizer.token, { locale: 'en' })).createAlliance;
    expect(res.userErrors).toEqual([{ code: 'INVALID_INPUT', field: ['input', 'region'], message: 'A REGIONAL alliance needs a region' }]);
  });

  it('orders alliances by name in pinyin or by creation, both ways, page after page', async () => {
    // Created 张, 李, 王: by name 李 (lǐ) < 王 (wáng) < 张 (zhāng); by creation as created.
    for (const name of ['排序张联盟', '排序李联盟', '排序王联盟']) await create(organizer.token, { name, scope: 'REGIONAL', region: '海沧区' });
    const LIST = `query($first: Int, $after: String, $orderBy: AllianceOrder) { alliances(first: $first, after: $after, orderBy: $orderBy, filter: { search: "排序" }) {
      nodes { name } pageInfo { hasNextPage endCursor } totalCount } }`;
    const list = async (vars: Record<string, unknown>) => ok(await t.gql(LIST, vars)).alliances;
    const names = (page: any) => page.nodes.map((n: any) => n.name);
    expect(names(await list({}))).toEqual(['排序李联盟', '排序王联盟', '排序张联盟']);
    const d1 = await list({ first: 2, orderBy: { field: 'NAME', direction: 'DESC' } });
    expect(names(d1)).toEqual(['排序张联盟', '排序王联盟']);
    expect(d1.pageInfo.hasNextPage).toBe(true);
    const d2 = await list({ first: 2, after: d1.pageInfo.endCursor, orderBy: { field: 'NAME', direction: 'DESC' } });
    expect(names(d2)).toEqual(['排序李联盟']);
    expect(d2.pageInfo.hasNextPage).toBe(false);
    const c1 = await list({ first: 1, orderBy: { field: 'CREATED_AT', direction: 'ASC' } });
    expect(names(c1)).toEqual(['排序张联盟']);
    expect(names(await list({ first: 5, after: c1.pageInfo.endCursor, orderBy: { field: 'CREATED_AT', direction: 'ASC' } }))).toEqual(['排序李联盟', '排序王联盟']);
    expect(names(await list({ orderBy: { field: 'CREATED_AT', direction: 'DESC' } }))).toEqual(['排序王联盟', '排序李联盟', '排序张联盟']);
  });

  it('needs an organizer or admin', async () => {
    const input = { name: '无权联盟', scope: 'REGIONAL', region: '翔安区' };
    expect(errorCode(await t.gql(CREATE, { input }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(CREATE, { input }, manager.token))).toBe('FORBIDDEN');
  });
});

describe('updateAlliance', () => {
  const UPDATE = `mutation($input: UpdateAllianceInput!) { updateAlliance(input: $input) { alliance { ${A_FIELDS} viewerCanEdit } userErrors { code field message } } }`;
  it('changes the fields given under the scope rule and a unique name, for its organizer or an admin only', async () => {
    const { alliance } = await create(organizer.token, { name: '待改联盟', scope: 'REGIONAL', region: '同安区' });
    const update = (token: string | null, over: Record<string, unknown>) => t.gql(UPDATE, { input: { allianceId: alliance.id, ...over } }, token);
    expect(ok(await update(organizer.token, { description: '新的说明', industry: '电子' })).updateAlliance).toMatchObject({
      userErrors: [], alliance: { name: '待改联盟', scope: 'REGIONAL', region: '同安区', industry: '电子', description: '新的说明', viewerCanEdit: true },
    });
    expect(ok(await update(organizer.token, { region: '' })).updateAlliance.userErrors)
      .toEqual([{ code: 'INVALID_INPUT', field: ['input', 'region'], message: '区域联盟须填写地区（region）' }]);
    await create(organizer.token, { name: '占用名联盟', scope: 'INDUSTRY', industry: '电子' });
    expect(ok(await update(organizer.token, { name: '占用名联盟' })).updateAlliance.userErrors)
      .toEqual([{ code: 'ALREADY_EXISTS', field: ['input', 'name'], message: '已有同名的联盟' }]);
    expect(ok(await update(f.admin.token, { scope: 'INDUSTRY', region: '', name: '待改联盟' })).updateAlliance.alliance)
      .toMatchObject({ name: '待改联盟', scope: 'INDUSTRY', region: null, industry: '电子' });
    expect(errorCode(await update(null, { description: 'x' }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await update(manager.token, { description: 'x' }))).toBe('FORBIDDEN');
    const otherOrganizer = await t.user([Role.ORGANIZER]);
    expect(errorCode(await update(otherOrganizer.token, { description: 'x' }))).toBe('FORBIDDEN');
    expect(ok(await t.gql(`query($id: ID!) { alliance(id: $id) { description viewerCanEdit } }`, { id: alliance.id })).alliance)
      .toEqual({ description: '新的说明', viewerCanEdit: false });
  });
});

describe('membership', () => {
  let allianceId: string;
  let studio: { id: string; uuid: string };
  beforeAll(async () => {
    allianceId = (await create(organizer.token, { name: '成员测试联盟', scope: 'INDUSTRY', industry: '船舶制造' })).alliance.id;
    studio = await makeStudio(t, ent, manager.id, { name: '王晓明劳模创新工作室' });
  });

  it('lets the studio’s manager join once, listed both ways', async () => {
    const res = await join(manager.token, allianceId, studio.id);
    expect(res).toEqual({ alliance: { id: allianceId }, studio: { id: studio.id, alliances: { nodes: [{ id: allianceId }] } }, userErrors: [] });
    const again = await join(manager.token, allianceId, studio.id);
    expect(again).toMatchObject({ alliance: null, userErrors: [{ code: 'ALREADY_EXISTS', field: ['input', 'studioId'] }] });
    const a = ok(await t.gql(MEMBERS, { id: allianceId })).alliance;
    expect(a.members).toMatchObject({ totalCount: 1, edges: [{ node: { id: studio.id, name: '王晓明劳模创新工作室' } }] });
    const mine = ok(await t.gql(`query($s: ID!) { alliances(filter: { studioId: $s }) { nodes { id } } }`, { s: studio.id })).alliances;
    expect(mine.nodes).toEqual([{ id: allianceId }]);
  });

  it('admits a studio once even when two requests race', async () => {
    const s = await makeStudio(t, ent, manager.id);
    const both = await Promise.all([join(manager.token, allianceId, s.id), join(f.admin.token, allianceId, s.id)]);
    expect(both.map((r) => r.userErrors.map((e: { code: string }) => e.code).join()).sort()).toEqual(['', 'ALREADY_EXISTS']);
    expect(ok(await t.gql(LEAVE, { input: { allianceId, studioId: s.id } }, manager.token)).leaveAlliance.userErrors).toEqual([]);
  });

  it('admits accredited studios only', async () => {
    for (const status of [StudioStatus.APPLIED, StudioStatus.SUSPENDED, StudioStatus.REVOKED]) {
      const s = await makeStudio(t, ent, manager.id, { status });
      expect((await join(manager.token, allianceId, s.id)).userErrors).toEqual([{
        code: 'NOT_ELIGIBLE', field: ['input', 'studioId'], message: expect.stringMatching(/^只有已认定的工作室可以加入联盟（该工作室当前为“.+”）$/),
      }]);
    }
    expect(ok(await t.gql(MEMBERS, { id: allianceId })).alliance.members.totalCount).toBe(1);
  });

  it('refuses anonymous viewers, other roles and other studios’ managers; an admin may act for any studio', async () => {
    const s = await makeStudio(t, ent, manager.id);
    const input = { allianceId, studioId: s.id };
    expect(errorCode(await t.gql(JOIN, { input }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(JOIN, { input }, organizer.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(JOIN, { input }, otherManager.token))).toBe('FORBIDDEN');
    expect(ok(await t.gql(MEMBERS, { id: allianceId })).alliance.members.totalCount).toBe(1);
    expect((await join(f.admin.token, allianceId, s.id)).userErrors).toEqual([]);
    expect(errorCode(await t.gql(LEAVE, { input }, otherManager.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(LEAVE, { input }))).toBe('UNAUTHENTICATED');
    expect(ok(await t.gql(LEAVE, { input }, manager.token)).leaveAlliance).toEqual({ alliance: { id: allianceId }, studio: { id: s.id, alliances: { nodes: [] } }, userErrors: [] });
    expect(ok(await t.gql(LEAVE, { input }, manager.token)).leaveAlliance.userErrors)
      .toEqual([{ code: 'NOT_FOUND', field: ['input', 'studioId'], message: '该工作室不是本联盟成员' }]);
  });

  it('names the unknown alliance or studio and the wrong kind of ID', async () => {
    const ghostAlliance = toGlobalId('Alliance', '00000000-0000-4000-8000-000000000000');
    expect((await join(manager.token, ghostAlliance, studio.id)).userErrors[0]).toMatchObject({ code: 'NOT_FOUND', field: ['input', 'allianceId'] });
    const ghostStudio = toGlobalId('Studio', '00000000-0000-4000-8000-000000000000');
    expect((await join(manager.token, allianceId, ghostStudio)).userErrors[0]).toMatchObject({ code: 'NOT_FOUND', field: ['input', 'studioId'] });
    expect((await join(manager.token, allianceId, ent.id)).userErrors[0]).toMatchObject({ code: 'INVALID_INPUT', field: ['input', 'studioId'] });
  });

  it('lists members in the order they joined, page by page, leaving out studios no longer accredited', async () => {
    const more = [];
    for (let i = 0; i < 3; i++) {
      const s = await makeStudio(t, ent, manager.id, { name: `成员工作室${i}` });
      expect((await join(manager.token, allianceId, s.id)).userErrors).toEqual([]);
      more.push(s);
    }
    const p1 = ok(await t.gql(MEMBERS, { id: allianceId, first: 2 })).alliance.members;
    expect(p1.totalCount).toBe(4);
    expect(p1.edges.map((e: any) => e.node.name)).toEqual(['王晓明劳模创新工作室', '成员工作室0']);
    const p2 = ok(await t.gql(MEMBERS, { id: allianceId, first: 2, after: p1.pageInfo.endCursor })).alliance.members;
    expect(p2.edges.map((e: any) => e.node.name)).toEqual(['成员工作室1', '成员工作室2']);
    expect(p2.pageInfo.hasNextPage).toBe(false);
    await setStudioStatus(t, more[1]!.uuid, StudioStatus.SUSPENDED);
    const after = ok(await t.gql(MEMBERS, { id: allianceId, first: 10 })).alliance.members;
    expect(after.totalCount).toBe(3);
    expect(after.edges.map((e: any) => e.node.name)).toEqual(['王晓明劳模创新工作室', '成员工作室0', '成员工作室2']);
  });

  it('pages members as every connection does: newest first with orderBy DESC, and back from the end with last/before', async () => {
    const Q = `query($id: ID!, $first: Int, $after: String, $last: Int, $before: String, $orderBy: AllianceMemberOrder) { alliance(id: $id) {
      members(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { name } } } }`;
    const page = async (v: Record<string, unknown>) => ok(await t.gql(Q, { id: allianceId, ...v })).alliance.members;
    const desc = { field: 'JOINED_AT', direction: 'DESC' };
    const d1 = await page({ first: 2, orderBy: desc });
    expect(d1.nodes.map((n: any) => n.name)).toEqual(['成员工作室2', '成员工作室0']);
    expect(d1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const d2 = await page({ first: 2, after: d1.pageInfo.endCursor, orderBy: desc });
    expect(d2.nodes.map((n: any) => n.name)).toEqual(['王晓明劳模创新工作室']);
    expect(d2.pageInfo.hasNextPage).toBe(false);
    const last = await page({ last: 2 });
    expect(last.nodes.map((n: any) => n.name)).toEqual(['成员工作室0', '成员工作室2']);
    expect(last.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    const before = await page({ last: 2, before: last.pageInfo.startCursor });
    expect(before.nodes.map((n: any) => n.name)).toEqual(['王晓明劳模创新工作室']);
    expect(before.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
    const mixed = await t.gql(Q, { id: allianceId, first: 2, before: last.pageInfo.startCursor });
    expect(mixed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('alliances list', () => {
  it('filters by scope, region and industry and pages by name', async () => {
    for (const [name, region] of [['集美C联盟', '集美区'], ['集美A联盟', '集美区'], ['集美B联盟', '集美区'], ['同安联盟', '同安区']]) {
      expect((await create(organizer.token, { name, scope: 'REGIONAL', region })).userErrors).toEqual([]);
    }
    const Q = `query($filter: AllianceFilter, $after: String) { alliances(filter: $filter, first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { name } } }`;
    const p1 = ok(await t.gql(Q, { filter: { scope: 'REGIONAL', region: '集美区' } })).alliances;
    expect(p1.totalCount).toBe(3);
    const p2 = ok(await t.gql(Q, { filter: { scope: 'REGIONAL', region: '集美区' }, after: p1.pageInfo.endCursor })).alliances;
    expect([...p1.nodes, ...p2.nodes].map((n: any) => n.name)).toEqual(['集美A联盟', '集美B联盟', '集美C联盟']);
    expect(p2.pageInfo.hasNextPage).toBe(false);
    await create(organizer.token, { name: '化工行业联盟', scope: 'INDUSTRY', industry: '化工', region: '集美区' });
    expect(ok(await t.gql(Q, { filter: { industry: '化工' } })).alliances.nodes).toEqual([{ name: '化工行业联盟' }]);
    expect(ok(await t.gql(Q, { filter: { scope: 'INDUSTRY', region: '集美区' } })).alliances.totalCount).toBe(1);
  });

  it('loads members and studios’ alliances of a whole page in a constant number of statements', async () => {
    const Q = `{ alliances(first: 20, filter: { search: "批量" }) { nodes { id members(first: 5) { totalCount nodes { id alliances(first: 5) { nodes { name } } } } } } }`;
    const fill = async (from: number, n: number) => {
      for (let i = from; i < from + n; i++) {
        const a = (await create(organizer.token, { name: `批量联盟${i}`, scope: 'REGIONAL', region: '海沧区' })).alliance.id;
        for (let k = 0; k < 2; k++) expect((await join(manager.token, a, (await makeStudio(t, ent, manager.id)).id)).userErrors).toEqual([]);
      }
    };
    await fill(0, 2);
    const small = await t.countStatements(async () => expect(ok(await t.gql(Q)).alliances.nodes).toHaveLength(2));
    await fill(2, 4);
    const big = await t.countStatements(async () => {
      const nodes = ok(await t.gql(Q)).alliances.nodes;
      expect(nodes).toHaveLength(6);
      expect(nodes.every((a: any) => a.members.totalCount === 2 && a.members.nodes[0].alliances.nodes.length === 1)).toBe(true);
    });
    expect(big).toBe(small);
  });
});
