import { Role } from '../../src/auth/role';
import { errorCode, ok, startTestServer, type TestServer } from '../helpers/server';
import { mutate } from '../helpers/competition';
import { setupStudio, type StudioFixture } from '../helpers/studio';

/*
 * The lists on a studio (members, reports, innovations, methods) are connections paged by nestedConnection:
 * first pages of a whole page of studios in one statement per list, later pages by cursor, both directions.
 * And the root `innovations` list takes orderBy.
 */
let t: TestServer;
let admin: { token: string };
let manager: { id: string; globalId: string; token: string };
let reviewer: { id: string; globalId: string; token: string };
const studios: StudioFixture[] = [];
const innovationTitles = ['张氏焊接法', '李氏刀具改进', '王氏装配工艺'];

beforeAll(async () => {
  t = await startTestServer();
  admin = await t.user([Role.ADMIN]);
  manager = await t.user([Role.STUDIO_MANAGER]);
  reviewer = await t.user([Role.REVIEWER]);
  for (let i = 0; i < 5; i++) studios.push(await setupStudio(t, { manager, reviewer, admin, members: 4, name: `列表工作室${i}` }));
  const s = studios[0]!;
  for (const year of [2021, 2022, 2023, 2024]) {
    await mutate(t, manager.token, 'submitStudioReport', 'SubmitStudioReportInput', {
      studioId: s.studioId, year, trainees: year - 2000, apprenticesMentored: 1, projectsCompleted: 1, patentsFiled: 0, economicBenefit: '100.00', summary: `${year} 年度报告`,
    }, 'report { id }');
  }
  for (const title of innovationTitles) {
    await mutate(t, manager.token, 'registerInnovation', 'RegisterInnovationInput', {
      studioId: s.studioId, title, category: 'TECHNICAL_INNOVATION', inventorWorkerIds: [s.leaderWorkerId],
    }, 'innovation { id }');
  }
}, 180_000); // five studios with their members, reports and innovations, all through the API
afterAll(async () => t.close());

const PAGE = `pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount`;
const MEMBERS = `query($id: ID!, $first: Int, $after: String, $last: Int, $before: String, $orderBy: StudioMemberOrder) {
  studio(id: $id) { members(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) { nodes { name role worker { id } } ${PAGE} } } }`;
const members = async (vars: Record<string, unknown>, id = studios[0]!.studioId) => ok(await t.gql(MEMBERS, { id, ...vars }, admin.token)).studio.members;
const ids = (page: any) => page.nodes.map((n: any) => n.worker.id);

describe('Studio.members', () => {
  it('lists the leader (who joined with the application) first, then by joining date; a second page follows after the cursor', async () => {
    const s = studios[0]!;
    const all = await members({ first: 10 });
    expect(all.totalCount).toBe(5);
    expect(ids(all)).toEqual([s.leaderWorkerId, ...s.memberWorkerIds]);
    expect(all.nodes[0].role).toBe('LEADER');
    const p1 = await members({ first: 2 });
    expect(ids(p1)).toEqual(ids(all).slice(0, 2));
    expect(p1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const p2 = await members({ first: 2, after: p1.pageInfo.endCursor });
    expect(ids(p2)).toEqual(ids(all).slice(2, 4));
    const p3 = await members({ first: 2, after: p2.pageInfo.endCursor });
    expect(ids(p3)).toEqual(ids(all).slice(4));
    expect(p3.pageInfo.hasNextPage).toBe(false);
    // Back from the end with last/before: the same items in the same order.
    const back = await members({ last: 2, before: p3.pageInfo.endCursor });
    expect(ids(back)).toEqual(ids(all).slice(2, 4));
  });

  it('orders both ways: DESC is the ascending list reversed, and pages the same way', async () => {
    const asc = ids(await members({ first: 10, orderBy: { field: 'JOINED_AT', direction: 'ASC' } }));
    const desc = await members({ first: 3, orderBy: { field: 'JOINED_AT', direction: 'DESC' } });
    expect(ids(desc)).toEqual([...asc].reverse().slice(0, 3));
    const next = await members({ first: 3, after: desc.pageInfo.endCursor, orderBy: { field: 'JOINED_AT', direction: 'DESC' } });
    expect(ids(next)).toEqual([...asc].reverse().slice(3));
    // A garbled cursor and an oversized page are client errors, never a SQL error.
    expect(errorCode(await t.gql(MEMBERS, { id: studios[0]!.studioId, first: 2, after: 'garbled!' }, admin.token))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.gql(MEMBERS, { id: studios[0]!.studioId, first: 101 }, admin.token))).toBe('BAD_USER_INPUT');
  });

  it('loads the first page of members, reports, innovations and methods of 2 studios and of 5 in the same number of statements', async () => {
    const Q = `query($first: Int) { studios(first: $first, filter: { search: "列表工作室" }) { nodes { id
      members(first: 3) { totalCount nodes { name role } pageInfo { hasNextPage endCursor } }
      reports(first: 2) { totalCount nodes { year } } innovations(first: 2) { nodes { title } } methods(first: 2) { totalCount nodes { id } } } } }`;
    for (const token of [undefined, admin.token]) {
      const two = await t.countStatements(async () => {
        const nodes = ok(await t.gql(Q, { first: 2 }, token)).studios.nodes;
        expect(nodes).toHaveLength(2);
      });
      const five = await t.countStatements(async () => {
        const nodes = ok(await t.gql(Q, { first: 5 }, token)).studios.nodes;
        expect(nodes).toHaveLength(5);
        expect(nodes.every((n: any) => n.members.totalCount === 5 && n.members.nodes.length === 3 && n.members.pageInfo.hasNextPage)).toBe(true);
      });
      expect(five).toBe(two);
    }
  });
});

describe('Studio.reports and Studio.innovations', () => {
  const REPORTS = `query($id: ID!, $first: Int, $after: String, $orderBy: StudioReportOrder) {
    studio(id: $id) { reports(first: $first, after: $after, orderBy: $orderBy) { nodes { year } ${PAGE} } } }`;
  const reports = async (vars: Record<string, unknown>) => ok(await t.gql(REPORTS, { id: studios[0]!.studioId, ...vars })).studio.reports;
  const years = (page: any) => page.nodes.map((n: any) => n.year);

  it('lists reports newest year first, or by year ascending, page after page', async () => {
    expect(years(await reports({}))).toEqual([2024, 2023, 2022, 2021]);
    const p1 = await reports({ first: 3, orderBy: { field: 'YEAR', direction: 'ASC' } });
    expect(years(p1)).toEqual([2021, 2022, 2023]);
    expect(p1.pageInfo.hasNextPage).toBe(true);
    const p2 = await reports({ first: 3, after: p1.pageInfo.endCursor, orderBy: { field: 'YEAR', direction: 'ASC' } });
    expect(years(p2)).toEqual([2024]);
    expect(p2.pageInfo.hasNextPage).toBe(false);
    const desc = await reports({ first: 2, orderBy: { field: 'YEAR', direction: 'DESC' } });
    expect(years(desc)).toEqual([2024, 2023]);
    expect(years(await reports({ first: 2, after: desc.pageInfo.endCursor, orderBy: { field: 'YEAR', direction: 'DESC' } }))).toEqual([2022, 2021]);
  });

  it('orders a studio’s innovations by title in pinyin both ways, and pages them', async () => {
    const Q = `query($id: ID!, $first: Int, $after: String, $orderBy: InnovationOrder) {
      studio(id: $id) { innovations(first: $first, after: $after, orderBy: $orderBy) { nodes { title } ${PAGE} } } }`;
    const titles = async (vars: Record<string, unknown>) => {
      const page = ok(await t.gql(Q, { id: studios[0]!.studioId, ...vars })).studio.innovations;
      return { titles: page.nodes.map((n: any) => n.title), page };
    };
    // 李 (lǐ) before 王 (wáng) before 张 (zhāng).
    const asc = await titles({ first: 2, orderBy: { field: 'TITLE', direction: 'ASC' } });
    expect(asc.titles).toEqual(['李氏刀具改进', '王氏装配工艺']);
    expect((await titles({ first: 2, after: asc.page.pageInfo.endCursor, orderBy: { field: 'TITLE', direction: 'ASC' } })).titles).toEqual(['张氏焊接法']);
    expect((await titles({ orderBy: { field: 'TITLE', direction: 'DESC' } })).titles).toEqual(['张氏焊接法', '王氏装配工艺', '李氏刀具改进']);
    // Default: newest registration first.
    expect((await titles({})).titles).toEqual([...innovationTitles].reverse());
  });
});

describe('innovations(orderBy)', () => {
  const LIST = `query($filter: InnovationFilter, $first: Int, $after: String, $orderBy: InnovationOrder) {
    innovations(filter: $filter, first: $first, after: $after, orderBy: $orderBy) { nodes { title registeredAt } ${PAGE} } }`;
  const list = async (vars: Record<string, unknown>) => ok(await t.gql(LIST, { filter: { studioId: studios[0]!.studioId }, ...vars })).innovations;
  const titles = (page: any) => page.nodes.map((n: any) => n.title);

  it('orders by title in pinyin, both directions, with a second page', async () => {
    const p1 = await list({ first: 2, orderBy: { field: 'TITLE', direction: 'ASC' } });
    expect(titles(p1)).toEqual(['李氏刀具改进', '王氏装配工艺']);
    expect(titles(await list({ first: 2, after: p1.pageInfo.endCursor, orderBy: { field: 'TITLE', direction: 'ASC' } }))).toEqual(['张氏焊接法']);
    const d1 = await list({ first: 2, orderBy: { field: 'TITLE', direction: 'DESC' } });
    expect(titles(d1)).toEqual(['张氏焊接法', '王氏装配工艺']);
    expect(titles(await list({ first: 2, after: d1.pageInfo.endCursor, orderBy: { field: 'TITLE', direction: 'DESC' } }))).toEqual(['李氏刀具改进']);
  });

  it('orders by registration time both ways (newest first by default)', async () => {
    expect(titles(await list({}))).toEqual([...innovationTitles].reverse());
    const asc = await list({ first: 1, orderBy: { field: 'REGISTERED_AT', direction: 'ASC' } });
    expect(titles(asc)).toEqual([innovationTitles[0]]);
    expect(titles(await list({ first: 5, after: asc.pageInfo.endCursor, orderBy: { field: 'REGISTERED_AT', direction: 'ASC' } }))).toEqual(innovationTitles.slice(1));
    // A garbled cursor is a client error.
    expect(errorCode(await t.gql(LIST, { first: 1, after: '!!', orderBy: { field: 'TITLE', direction: 'ASC' } }))).toBe('BAD_USER_INPUT');
  });
});
