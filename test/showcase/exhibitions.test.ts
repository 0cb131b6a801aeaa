import { Role } from '../../src/auth/role';
import { MethodStatus } from '../../src/methods/enums';
import { ProjectStage } from '../../src/incubation/enums';
import { StudioStatus } from '../../src/studios/enums';
import { toGlobalId } from '../../src/common/relay';
import { errorCode, ok, startTestServer, type TestServer } from '../helpers/server';
import { fixture, makeInnovation, makeMethod, makeProject, makeStudio, setStudioStatus, type Fixture } from './fixtures';

const E_FIELDS = `id title venue online startsAt endsAt viewerCanEdit`;
const CREATE = `mutation($input: CreateExhibitionInput!) { createExhibition(input: $input) { exhibition { ${E_FIELDS} } userErrors { code field message } } }`;
const ADD = `mutation($input: ExhibitInput!) { addExhibit(input: $input) {
  exhibition { id } exhibit { __typename ... on Innovation { id title } ... on OperatingMethod { id officialName } ... on IncubationProject { id title } }
  userErrors { code field message } } }`;
const REMOVE = `mutation($input: ExhibitInput!) { removeExhibit(input: $input) { exhibition { id } removedItemId userErrors { code field message } } }`;
const EXHIBITS = `exhibits(first: $first, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor }
  edges { cursor addedAt node { __typename ... on Innovation { id } ... on OperatingMethod { id } ... on IncubationProject { id } } } }`;
const GET = `query($id: ID!, $first: Int, $after: String) { exhibition(id: $id) { ${E_FIELDS} ${EXHIBITS} } }`;

let t: TestServer;
let f: Fixture;
let organizer: { id: string; token: string };
let otherOrganizer: { token: string };
let manager: { id: string; token: string };
let ent: { id: string; uuid: string; workerId: string };
let studio: { uuid: string };

const day = 86400_000;
const input = (over: Record<string, unknown> = {}) => ({
  title: '港城职工创新成果展', venue: '市工人文化宫', online: false,
  startsAt: new Date(Date.now() + 10 * day).toISOString(), endsAt: new Date(Date.now() + 12 * day).toISOString(), ...over,
});
async function create(token: string, over: Record<string, unknown> = {}) {
  return ok(await t.gql(CREATE, { input: input(over) }, token)).createExhibition;
}
async function add(token: string, exhibitionId: string, itemId: string) {
  return ok(await t.gql(ADD, { input: { exhibitionId, itemId } }, token)).addExhibit;
}

beforeAll(async () => {
  t = await startTestServer();
  f = await fixture(t);
  organizer = await t.user([Role.ORGANIZER]);
  otherOrganizer = await t.user([Role.ORGANIZER]);
  manager = await t.user([Role.STUDIO_MANAGER]);
  ent = await f.enterprise();
  studio = await makeStudio(t, ent, manager.id);
});
afterAll(async () => t.close());

describe('createExhibition', () => {
  it('creates an exhibition that the public reads and its organizer may curate', async () => {
    const res = await create(organizer.token, { online: true, venue: 'https://expo.example.cn' });
    expect(res.userErrors).toEqual([]);
    expect(res.exhibition).toMatchObject({ title: '港城职工创新成果展', online: true, venue: 'https://expo.example.cn', viewerCanEdit: true });
    const pub = ok(await t.gql(GET, { id: res.exhibition.id })).exhibition;
    expect(pub).toMatchObject({ title: '港城职工创新成果展', viewerCanEdit: false, exhibits: { totalCount: 0, edges: [] } });
    const node = ok(await t.gql(`query($id: ID!) { node(id: $id) { __typename ... on Exhibition { title } } }`, { id: res.exhibition.id })).node;
    expect(node).toEqual({ __typename: 'Exhibition', title: '港城职工创新成果展' });
  });

  it('refuses an end not after the start, and empty title and venue, changing nothing', async () => {
    const startsAt = new Date(Date.now() + 5 * day).toISOString();
    const res = await create(organizer.token, { title: ' ', venue: '', startsAt, endsAt: startsAt });
    expect(res.exhibition).toBeNull();
    expect(res.userErrors.map((e: { field: string[] }) => e.field.join('.')).sort()).toEqual(['input.title', 'input.venue']);
    const bad = await create(organizer.token, { startsAt, endsAt: new Date(Date.now() + 4 * day).toISOString() });
    expect(bad.userErrors).toEqual([{ code: 'INVALID_INPUT', field: ['input', 'endsAt'], message: '结束时间（endsAt）须晚于开始时间（startsAt）' }]);
    const far = await create(organizer.token, { startsAt: '1900-01-01T00:00:00.000Z', endsAt: '9999-01-01T00:00:00.000Z' });
    expect(far.userErrors).toEqual([
      { code: 'INVALID_INPUT', field: ['input', 'startsAt'], message: 'startsAt 太早' },
      { code: 'INVALID_INPUT', field: ['input', 'endsAt'], message: 'endsAt 太晚' },
    ]);
    const all = ok(await t.gql(`{ exhibitions(filter: { search: "港城" }) { totalCount } }`)).exhibitions;
    expect(all.totalCount).toBe(1);
  });

  it('needs an organizer or admin', async () => {
    expect(errorCode(await t.gql(CREATE, { input: input() }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(CREATE, { input: input() }, manager.token))).toBe('FORBIDDEN');
    expect((await create(f.admin.token)).userErrors).toEqual([]);
  });
});

describe('updateExhibition', () => {
  const UPDATE = `mutation($input: UpdateExhibitionInput!) { updateExhibition(input: $input) { exhibition { ${E_FIELDS} } userErrors { code field message } } }`;
  it('changes the fields given, keeps endsAt after startsAt, and only for its organizer or an admin', async () => {
    const { exhibition } = await create(organizer.token, { title: '待改展览' });
    const update = async (token: string | null, over: Record<string, unknown>) => t.gql(UPDATE, { input: { exhibitionId: exhibition.id, ...over } }, token);
    const res = ok(await update(organizer.token, { venue: '会展中心', online: true })).updateExhibition;
    expect(res).toMatchObject({ userErrors: [], exhibition: { title: '待改展览', venue: '会展中心', online: true, startsAt: exhibition.startsAt } });
    const late = new Date(Date.parse(exhibition.endsAt) + day).toISOString();
    expect(ok(await update(organizer.token, { startsAt: late })).updateExhibition.userErrors)
      .toEqual([{ code: 'INVALID_INPUT', field: ['input', 'startsAt'], message: '结束时间（endsAt）须晚于开始时间（startsAt）' }]);
    expect(ok(await update(f.admin.token, { title: '改好的展览', startsAt: late, endsAt: new Date(Date.parse(late) + day).toISOString() })).updateExhibition.exhibition)
      .toMatchObject({ title: '改好的展览', startsAt: late });
    expect(errorCode(await update(null, { title: 'x' }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await update(manager.token, { title: 'x' }))).toBe('FORBIDDEN');
    expect(errorCode(await update(otherOrganizer.token, { title: 'x' }))).toBe('FORBIDDEN');
    expect(ok(await t.gql(GET, { id: exhibition.id })).exhibition).toMatchObject({ title: '改好的展览', venue: '会展中心' });
  });
});

describe('exhibits', () => {
  let exhibitionId: string;
  let innovation: { id: string };
  let method: { id: string };
  let project: { id: string };
  beforeAll(async () => {
    exhibitionId = (await create(organizer.token, { title: '成果展二' })).exhibition.id;
    innovation = await makeInnovation(t, studio.uuid, manager.id);
    method = await makeMethod(t, ent, manager.id);
    project = await makeProject(t, ent, manager.id);
  });

  it('shows an innovation, a named method and a project, each once, in the order added', async () => {
    expect((await add(organizer.token, exhibitionId, innovation.id)).exhibit).toMatchObject({ __typename: 'Innovation', id: innovation.id });
    expect((await add(organizer.token, exhibitionId, method.id)).exhibit).toMatchObject({ __typename: 'OperatingMethod', id: method.id });
    expect((await add(f.admin.token, exhibitionId, project.id)).exhibit).toMatchObject({ __typename: 'IncubationProject', id: project.id });
    const again = await add(organizer.token, exhibitionId, method.id);
    expect(again).toMatchObject({ exhibit: null, userErrors: [{ code: 'ALREADY_EXISTS', field: ['input', 'itemId'] }] });

    const page1 = ok(await t.gql(GET, { id: exhibitionId, first: 2 })).exhibition.exhibits;
    expect(page1.totalCount).toBe(3);
    expect(page1.edges.map((e: any) => e.node.__typename)).toEqual(['Innovation', 'OperatingMethod']);
    expect(page1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const page2 = ok(await t.gql(GET, { id: exhibitionId, first: 2, after: page1.pageInfo.endCursor })).exhibition.exhibits;
    expect(page2.edges.map((e: any) => e.node.id)).toEqual([project.id]);
    expect(page2.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(errorCode(await t.gql(GET, { id: exhibitionId, after: 'not-a-cursor' }))).toBe('BAD_USER_INPUT');
  });

  it('refuses unnamed or rejected methods, innovations of unaccredited studios, terminated projects, other types and unknown items', async () => {
    const submitted = await makeMethod(t, ent, manager.id, { status: MethodStatus.SUBMITTED });
    const rejected = await makeMethod(t, ent, manager.id, { status: MethodStatus.REJECTED });
    const applied = await makeStudio(t, ent, manager.id, { status: StudioStatus.APPLIED });
    const hidden = await makeInnovation(t, applied.uuid, manager.id);
    const dead = await makeProject(t, ent, manager.id, { stage: ProjectStage.TERMINATED });
    for (const [item, message] of [
      [submitted.id, '只能展出已命名的先进操作法（该操作法尚未命名）'],
      [rejected.id, '只能展出已命名的先进操作法（该操作法未通过评审）'],
      [hidden.id, '只能展出已认定工作室的创新成果'],
      [dead.id, '已终止的项目不能展出'],
    ] as const) {
      expect(await add(organizer.token, exhibitionId, item)).toEqual({ exhibition: null, exhibit: null, userErrors: [{ code: 'NOT_ELIGIBLE', field: ['input', 'itemId'], message }] });
    }
    expect((await add(organizer.token, exhibitionId, ent.id)).userErrors[0]).toMatchObject({ code: 'INVALID_INPUT', field: ['input', 'itemId'] });
    const ghost = toGlobalId('Innovation', '00000000-0000-4000-8000-000000000000');
    expect((await add(organizer.token, exhibitionId, ghost)).userErrors[0]).toMatchObject({ code: 'NOT_FOUND', field: ['input', 'itemId'] });
    expect((await add(organizer.token, toGlobalId('Exhibition', '00000000-0000-4000-8000-000000000000'), method.id)).userErrors[0]).toMatchObject({ code: 'NOT_FOUND', field: ['input', 'exhibitionId'] });
    expect(ok(await t.gql(GET, { id: exhibitionId })).exhibition.exhibits.totalCount).toBe(3);
  });

  it('lets only its organizer or an admin change the exhibits', async () => {
    const other = await makeProject(t, ent, manager.id, { title: '另一项目' });
    expect(errorCode(await t.gql(ADD, { input: { exhibitionId, itemId: other.id } }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(ADD, { input: { exhibitionId, itemId: other.id } }, manager.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(ADD, { input: { exhibitionId, itemId: other.id } }, otherOrganizer.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(REMOVE, { input: { exhibitionId, itemId: project.id } }, otherOrganizer.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(REMOVE, { input: { exhibitionId, itemId: project.id } }))).toBe('UNAUTHENTICATED');
    expect(ok(await t.gql(GET, { id: exhibitionId })).exhibition.exhibits.totalCount).toBe(3);
  });

  it('takes an exhibit off show, once', async () => {
    const res = ok(await t.gql(REMOVE, { input: { exhibitionId, itemId: project.id } }, organizer.token)).removeExhibit;
    expect(res).toEqual({ exhibition: { id: exhibitionId }, removedItemId: project.id, userErrors: [] });
    const again = ok(await t.gql(REMOVE, { input: { exhibitionId, itemId: project.id } }, organizer.token)).removeExhibit;
    expect(again.userErrors).toEqual([{ code: 'NOT_FOUND', field: ['input', 'itemId'], message: '展品不存在' }]);
    expect(ok(await t.gql(GET, { id: exhibitionId })).exhibition.exhibits.totalCount).toBe(2);
    expect((await add(organizer.token, exhibitionId, project.id)).userErrors).toEqual([]);
  });

  it('shows an item once even when two clicks race', async () => {
    const item = await makeProject(t, ent, manager.id, { title: '并发项目' });
    const both = await Promise.all([add(organizer.token, exhibitionId, item.id), add(f.admin.token, exhibitionId, item.id)]);
    expect(both.map((r) => r.userErrors.map((e: { code: string }) => e.code).join()).sort()).toEqual(['', 'ALREADY_EXISTS']);
    expect((await t.gql(REMOVE, { input: { exhibitionId, itemId: item.id } }, organizer.token)).data!.removeExhibit.userErrors).toEqual([]);
    expect(errorCode(await t.gql(GET, { id: exhibitionId, first: 101 }))).toBe('BAD_USER_INPUT');
  });

  it('leaves out an exhibit whose item stopped being public', async () => {
    const s2 = await makeStudio(t, ent, manager.id);
    const inv = await makeInnovation(t, s2.uuid, manager.id, { title: '后来暂停的成果' });
    expect((await add(organizer.token, exhibitionId, inv.id)).userErrors).toEqual([]);
    expect(ok(await t.gql(GET, { id: exhibitionId })).exhibition.exhibits.totalCount).toBe(4);
    await setStudioStatus(t, s2.uuid, StudioStatus.SUSPENDED);
    const after = ok(await t.gql(GET, { id: exhibitionId })).exhibition.exhibits;
    expect(after.totalCount).toBe(3);
    expect(after.edges.map((e: any) => e.node.id)).not.toContain(inv.id);
  });
});

describe('exhibitions list', () => {
  const LIST = `query($filter: ExhibitionFilter, $first: Int, $after: String, $orderBy: ExhibitionOrder) {
    exhibitions(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
      totalCount pageInfo { hasNextPage endCursor } nodes { title online }
    } }`;
  const at = (days: number) => new Date(Date.now() + days * day).toISOString();
  beforeAll(async () => {
    // Past, running, upcoming; online and not; all titled 列表 so other tests' exhibitions stay out.
    await create(organizer.token, { title: '列表-往届', startsAt: at(-30), endsAt: at(-28) });
    await create(organizer.token, { title: '列表-进行中', startsAt: at(-1), endsAt: at(1), online: true });
    await create(organizer.token, { title: '列表-下月', startsAt: at(30), endsAt: at(32) });
    await create(organizer.token, { title: '列表-线上下月', startsAt: at(31), endsAt: at(40), online: true });
  });
  const titles = async (filter: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    ok(await t.gql(LIST, { filter: { search: '列表', ...filter }, ...extra })).exhibitions;

  it('filters by upcoming, period and online, soonest first', async () => {
    expect((await titles({})).nodes.map((n: any) => n.title)).toEqual(['列表-往届', '列表-进行中', '列表-下月', '列表-线上下月']);
    expect((await titles({ upcoming: true })).nodes.map((n: any) => n.title)).toEqual(['列表-进行中', '列表-下月', '列表-线上下月']);
    expect((await titles({ upcoming: false })).nodes.map((n: any) => n.title)).toEqual(['列表-往届']);
    expect((await titles({ from: at(20), to: at(30.5) })).nodes.map((n: any) => n.title)).toEqual(['列表-下月']);
    expect((await titles({ online: true, upcoming: true })).nodes.map((n: any) => n.title)).toEqual(['列表-进行中', '列表-线上下月']);
  });

  it('pages through a filtered list with keyset cursors, either direction of order', async () => {
    const p1 = await titles({ upcoming: true }, { first: 2 });
    expect(p1).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    const p2 = await titles({ upcoming: true }, { first: 2, after: p1.pageInfo.endCursor });
    expect(p2.nodes.map((n: any) => n.title)).toEqual(['列表-线上下月']);
    expect(p2.pageInfo.hasNextPage).toBe(false);
    const desc = await titles({}, { first: 1, orderBy: { field: 'STARTS_AT', direction: 'DESC' } });
    expect(desc.nodes.map((n: any) => n.title)).toEqual(['列表-线上下月']);
  });

  it('loads exhibits of a whole page in a constant number of statements', async () => {
    const Q = `query($first: Int) { exhibitions(first: $first, filter: { search: "批量" }) { nodes { id
      exhibits(first: 10) { totalCount nodes { __typename ... on Innovation { title } ... on OperatingMethod { officialName } ... on IncubationProject { title } } } } } }`;
    const fill = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const ex = (await create(organizer.token, { title: `批量${i}` })).exhibition.id;
        for (const item of [await makeInnovation(t, studio.uuid, manager.id), await makeMethod(t, ent, manager.id), await makeProject(t, ent, manager.id)]) {
          expect((await add(organizer.token, ex, item.id)).userErrors).toEqual([]);
        }
      }
    };
    await fill(2);
    const small = await t.countStatements(async () => {
      const page = ok(await t.gql(Q, { first: 20 })).exhibitions.nodes;
      expect(page).toHaveLength(2);
      expect(page[0].exhibits.totalCount).toBe(3);
    });
    await fill(4);
    const big = await t.countStatements(async () => {
      const page = ok(await t.gql(Q, { first: 20 })).exhibitions.nodes;
      expect(page).toHaveLength(6);
      expect(page.every((e: any) => e.exhibits.nodes.length === 3)).toBe(true);
    });
    expect(big).toBe(small);
    expect(big).toBeLessThanOrEqual(8);
  });
});
