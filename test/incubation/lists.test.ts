import { createWorker } from '../helpers/registry';
import { errorCode, ok, startTestServer, type TestServer } from '../helpers/server';
import { createProject, gate, insertStudio, must, world, type World } from './fixture';

let t: TestServer;
let w: World;
let studioB: string;
/** title → global id */
const ids = new Map<string, string>();
let partnerId: string;
let milestoneId: string;
let decisionId: string;

beforeAll(async () => {
  t = await startTestServer();
  w = await world(t);
  const leadB = await createWorker(t, w.admin.token, w.enterpriseId);
  studioB = await insertStudio(t, { managerId: w.otherManager.id, enterpriseId: w.enterpriseId, leaderId: leadB.id });
  const make = async (title: string, field: string, studio: 'A' | 'B' | null, partners: string[]) => {
    const over = studio === 'B' ? { studioId: studioB, leadWorkerId: leadB.id } : { studioId: studio ? w.studioId : null };
    const id = await createProject(t, w, { title, field, ...over }, studio === 'B' ? w.otherManager.token : w.manager.token);
    for (const kind of partners) {
      const p = await must(t, w.admin.token, 'addProjectPartner', { projectId: id, kind, name: `${kind}伙伴`, contribution: '支持' }, 'partner { id }');
      partnerId = p.partner.id;
    }
    ids.set(title, id);
    return id;
  };
  await make('A1 焊接机器人', '智能制造', 'A', ['UNION']);
  await make('A2 数控改造', '智能制造', 'A', ['COLLEGE', 'UNION']);
  await make('A3 视觉检测', '智能制造', 'A', []);
  await make('A4 余热回收', '节能环保', 'A', ['FINANCIAL_INSTITUTION']);
  await make('B1 光伏清洗', '节能环保', 'B', ['UNION', 'MARKET_COMPANY']);
  await make('B2 节水工艺', '节能环保', 'B', []);
  await make('N1 无工作室项目', '智能制造', null, ['COLLEGE']);
  // Two projects move on: A1 and B1 to INCUBATING.
  for (const title of ['A1 焊接机器人', 'B1 光伏清洗']) {
    const d = await must(t, w.reviewer.token, 'advanceProject', gate(ids.get(title)!, 'PASS'), 'gateDecision { id }');
    decisionId = d.gateDecision.id;
  }
  await must(t, w.manager.token, 'recordFunding', { projectId: ids.get('A1 焊接机器人'), sourceKind: 'UNION', source: '市总工会', amount: '5000.00', receivedAt: '2026-01-05T00:00:00Z' }, 'funding { id }');
  milestoneId = (await must(t, w.manager.token, 'addMilestone', { projectId: ids.get('A1 焊接机器人'), title: '样机' }, 'milestone { id }')).milestone.id;
});
afterAll(() => t.close());

const LIST = `query($first: Int, $after: String, $last: Int, $before: String, $filter: IncubationProjectFilter) {
  incubationProjects(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id title } }
  }
}`;

/** Every title the filter matches, fetched `size` at a time, in list order. */
async function allPages(filter: Record<string, unknown>, size = 2): Promise<{ titles: string[]; total: number }> {
  const titles: string[] = [];
  let after: string | null = null;
  let total = -1;
  for (let guard = 0; guard < 20; guard++) {
    const page: any = ok(await t.gql(LIST, { first: size, after, filter })).incubationProjects;
    total = page.totalCount;
    titles.push(...page.edges.map((e: any) => e.node.title));
    if (!page.pageInfo.hasNextPage) return { titles, total };
    after = page.pageInfo.endCursor;
  }
  throw new Error('did not end');
}

const sorted = (xs: string[]) => [...xs].sort();

describe('incubationProjects: filters and keyset pages', () => {
  it('pages through each filter, newest first, with totalCount over all pages', async () => {
    const cases: [Record<string, unknown>, string[]][] = [
      [{}, ['A1 焊接机器人', 'A2 数控改造', 'A3 视觉检测', 'A4 余热回收', 'B1 光伏清洗', 'B2 节水工艺', 'N1 无工作室项目']],
      [{ stage: 'INCUBATING' }, ['A1 焊接机器人', 'B1 光伏清洗']],
      [{ field: '节能环保' }, ['A4 余热回收', 'B1 光伏清洗', 'B2 节水工艺']],
      [{ studioId: w.studioId }, ['A1 焊接机器人', 'A2 数控改造', 'A3 视觉检测', 'A4 余热回收']],
      [{ partnerKind: 'UNION' }, ['A1 焊接机器人', 'A2 数控改造', 'B1 光伏清洗']],
      [{ partnerKind: 'COLLEGE', field: '智能制造' }, ['A2 数控改造', 'N1 无工作室项目']],
      [{ studioId: studioB, stage: 'IDEA' }, ['B2 节水工艺']],
      [{ search: '回收' }, ['A4 余热回收']],
      [{ stage: 'PILOT' }, []],
    ];
    for (const [filter, expected] of cases) {
      const { titles, total } = await allPages(filter);
      expect({ filter, titles: sorted(titles) }).toEqual({ filter, titles: sorted(expected) });
      expect(total).toBe(expected.length);
      expect(new Set(titles).size).toBe(titles.length); // each once, even with two UNION partners
    }
    // Newest first: created in order A1 … N1.
    expect((await allPages({}, 3)).titles).toEqual(['N1 无工作室项目', 'B2 节水工艺', 'B1 光伏清洗', 'A4 余热回收', 'A3 视觉检测', 'A2 数控改造', 'A1 焊接机器人']);
  });

  it('orders by title, stage and dates, both ways, continuing on later pages', async () => {
    const q = `query($after: String, $orderBy: IncubationProjectOrder) { incubationProjects(first: 3, after: $after, orderBy: $orderBy) {
      totalCount pageInfo { hasNextPage endCursor } nodes { title stage } } }`;
    const every = async (orderBy: Record<string, unknown>) => {
      const out: { title: string; stage: string }[] = [];
      let after: string | null = null;
      for (let guard = 0; guard < 5; guard++) {
        const page: any = ok(await t.gql(q, { after, orderBy })).incubationProjects;
        expect(page.totalCount).toBe(7);
        out.push(...page.nodes);
        if (!page.pageInfo.hasNextPage) return out;
        after = page.pageInfo.endCursor;
      }
      throw new Error('did not end');
    };
    const byTitle = ['A1 焊接机器人', 'A2 数控改造', 'A3 视觉检测', 'A4 余热回收', 'B1 光伏清洗', 'B2 节水工艺', 'N1 无工作室项目'];
    expect((await every({ field: 'TITLE' })).map((p) => p.title)).toEqual(byTitle);
    expect((await every({ field: 'TITLE', direction: 'DESC' })).map((p) => p.title)).toEqual([...byTitle].reverse());
    expect((await every({ field: 'CREATED_AT' })).map((p) => p.title)).toEqual(byTitle); // created in this order
    expect((await every({ field: 'STAGE' })).map((p) => p.stage)).toEqual(['IDEA', 'IDEA', 'IDEA', 'IDEA', 'IDEA', 'INCUBATING', 'INCUBATING']);
    expect((await every({ field: 'STAGE', direction: 'DESC' })).map((p) => p.stage)).toEqual(['INCUBATING', 'INCUBATING', 'IDEA', 'IDEA', 'IDEA', 'IDEA', 'IDEA']);
  });

  it('pages backwards with last/before, and refuses bad cursors, sizes and studio IDs as client errors', async () => {
    const first: any = ok(await t.gql(LIST, { first: 4, filter: { studioId: w.studioId } })).incubationProjects;
    const back: any = ok(await t.gql(LIST, { last: 2, before: first.pageInfo.endCursor, filter: { studioId: w.studioId } })).incubationProjects;
    expect(back.edges.map((e: any) => e.node.title)).toEqual(first.edges.slice(1, 3).map((e: any) => e.node.title));
    expect(back.pageInfo.hasPreviousPage).toBe(true);
    expect(errorCode(await t.gql(LIST, { first: 2, after: 'not-a-cursor!' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.gql(LIST, { first: 101 }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.gql(LIST, { first: 2, filter: { studioId: w.leadId } }))).toBe('BAD_USER_INPUT');
  });
});

describe('Studio.projects and node(id:)', () => {
  const STUDIO_PROJECTS = `query($id: ID!, $after: String) { incubationProject(id: $id) { studio { id projects(first: 2, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { title } } } } }`;

  it('lists a studio’s projects newest first; the batched first page’s cursor continues through paginate', async () => {
    const page1: any = ok(await t.gql(STUDIO_PROJECTS, { id: ids.get('A1 焊接机器人') })).incubationProject.studio.projects;
    expect(page1).toMatchObject({ totalCount: 4, pageInfo: { hasNextPage: true }, nodes: [{ title: 'A4 余热回收' }, { title: 'A3 视觉检测' }] });
    const page2: any = ok(await t.gql(STUDIO_PROJECTS, { id: ids.get('A1 焊接机器人'), after: page1.pageInfo.endCursor })).incubationProject.studio.projects;
    expect(page2).toMatchObject({ totalCount: 4, pageInfo: { hasNextPage: false }, nodes: [{ title: 'A2 数控改造' }, { title: 'A1 焊接机器人' }] });
    const countOnly = ok(await t.gql('query($id: ID!) { incubationProject(id: $id) { studio { projects(first: 0) { totalCount nodes { id } } } } }', { id: ids.get('A1 焊接机器人') }));
    expect(countOnly.incubationProject.studio.projects).toEqual({ totalCount: 4, nodes: [] });
  });

  it('resolves every incubation type by global ID, applying each type’s read rule', async () => {
    const q = `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id
      ... on IncubationProject { title } ... on ProjectPartner { kind project { id } } ... on ProjectMilestone { title project { id } }
      ... on GateDecision { decision decidedBy { id } project { id } } } }`;
    const all = [ids.get('A1 焊接机器人')!, partnerId, milestoneId, decisionId];
    const anon: any[] = ok(await t.gql(q, { ids: all })).nodes;
    expect(anon.map((n) => n?.__typename ?? null)).toEqual(['IncubationProject', 'ProjectPartner', 'ProjectMilestone', null]);
    expect(anon[2]).toMatchObject({ title: '样机', project: { id: ids.get('A1 焊接机器人') } });
    const reviewer: any[] = ok(await t.gql(q, { ids: all }, w.reviewer.token)).nodes;
    expect(reviewer[3]).toMatchObject({ __typename: 'GateDecision', id: decisionId, decision: 'PASS', decidedBy: { id: w.reviewer.globalId }, project: { id: ids.get('B1 光伏清洗') } });
    expect(ok(await t.gql(q, { ids: [decisionId] }, w.manager.token)).nodes).toEqual([null]); // B1 is not the manager's project
  });

  // Users are reached through one path only (gateHistory.decidedBy): a loader reached from two sibling branches
  // (with funding.recordedBy) may batch once or twice depending on which query returns first, which is not growth.
  it('costs the same number of SQL statements for 2 projects as for 7, nested fields and studio pages included', async () => {
    const q = `query($first: Int, $last: Int) { incubationProjects(first: $first, last: $last) { totalCount edges { node {
      title stage nextGate leadWorkerName leadWorker { name } enterprise { name } viewerCanManage
      studio { id name projects(first: 3) { totalCount nodes { id title } } }
      partners(first: 5) { totalCount nodes { kind name project { id } } } milestones { nodes { title } } funding { nodes { amount source } } fundingTotal
      gateHistory { nodes { decision decidedBy { displayName } } }
    } } } }`;
    const run = async (vars: Record<string, number>, token = w.admin.token) => {
      let data: any;
      const n = await t.countStatements(async () => {
        data = ok(await t.gql(q, vars, token));
      });
      return { n, data };
    };
    // The two oldest (A1, A2) already have every kind of child: partners, a milestone, funding, a gate decision.
    await run({ last: 2 }); // warm-up
    const small = await run({ last: 2 });
    expect(small.data.incubationProjects.edges[1].node).toMatchObject({ title: 'A1 焊接机器人', funding: { nodes: [{ amount: '5000.00' }] }, gateHistory: { nodes: [{ decision: 'PASS' }] } });
    const large = await run({ first: 7 });
    expect(large.data.incubationProjects.edges).toHaveLength(7);
    expect(large.data.incubationProjects.edges.filter((e: any) => e.node.studio).map((e: any) => e.node.studio.projects.totalCount).sort()).toEqual([2, 2, 4, 4, 4, 4]);
    expect(large.n).toBe(small.n);
    // A manager sees the money of their own studio's projects only, which needs the studios: still constant.
    const mine = await run({ last: 2 }, w.manager.token);
    const theirs = await run({ first: 7 }, w.manager.token);
    expect(theirs.data.incubationProjects.edges.map((e: any) => e.node.fundingTotal !== null)).toEqual([true, false, false, true, true, true, true]);
    expect(theirs.n).toBe(mine.n);
  });
});
