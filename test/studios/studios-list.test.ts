import { ok, startTestServer, type TestServer } from '../helpers/server';
import { mutate } from '../helpers/competition';
import { setupStudio, type StudioFixture } from '../helpers/studio';
import { studioStaff, type TestUser } from './staff';

const LIST = `query($filter: StudioFilter, $first: Int, $after: String, $last: Int, $before: String, $orderBy: StudioOrder) {
  studios(filter: $filter, first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { id name status } } }`;

let t: TestServer;
let admin: TestUser;
let manager: TestUser;
let otherManager: TestUser;
let reviewer: TestUser;
let accredited: StudioFixture[];
let applied: StudioFixture;
let rejected: StudioFixture;
beforeAll(async () => {
  t = await startTestServer();
  ({ admin, manager, otherManager, reviewer } = await studioStaff(t));
  const common = { manager, reviewer, admin, members: 1 };
  accredited = [
    await setupStudio(t, { ...common, name: 'A 焊接工作室', kind: 'MODEL_WORKER', level: 'CITY', district: '湖里区', description: '机器人焊接' }),
    await setupStudio(t, { ...common, name: 'B 数控工作室', kind: 'CRAFTSMAN', level: 'PROVINCE', district: '思明区' }),
    await setupStudio(t, { ...common, name: 'C 电工工作室', kind: 'SKILL_MASTER', level: 'CITY', district: '湖里区' }),
    await setupStudio(t, { ...common, name: 'D 钳工工作室', kind: 'WORKER_INNOVATION', level: 'DISTRICT', district: '集美区' }),
  ];
  applied = await setupStudio(t, { ...common, name: 'E 申报中', until: 'APPLIED', district: '湖里区' });
  rejected = await setupStudio(t, { ...common, manager: otherManager, name: 'F 未通过', until: 'APPLIED' });
  await mutate(t, reviewer.token, 'reviewStudio', 'ReviewStudioInput', { studioId: rejected.studioId, decision: 'REJECT', comment: '条件不足' }, 'studio { id }');
});
afterAll(async () => t.close());

const names = (conn: any) => conn.nodes.map((n: any) => n.name);
const list = async (vars: Record<string, unknown> = {}, token?: string) => ok(await t.gql(LIST, vars, token)).studios;

describe('studios', () => {
  it('shows the public accredited studios only; the manager also their own applications; reviewers and admins everything', async () => {
    expect(names(await list())).toEqual(['A 焊接工作室', 'B 数控工作室', 'C 电工工作室', 'D 钳工工作室']);
    expect(names(await list({}, manager.token))).toEqual(['A 焊接工作室', 'B 数控工作室', 'C 电工工作室', 'D 钳工工作室', 'E 申报中']);
    expect(names(await list({}, otherManager.token))).toEqual(['A 焊接工作室', 'B 数控工作室', 'C 电工工作室', 'D 钳工工作室', 'F 未通过']);
    expect((await list({}, reviewer.token)).totalCount).toBe(6);
    expect((await list({}, admin.token)).totalCount).toBe(6);
    expect((await list({ filter: { status: 'APPLIED' } })).totalCount).toBe(0);
    expect(names(await list({ filter: { managedByMe: true } }, otherManager.token))).toEqual(['F 未通过']);
    expect((await list({ filter: { managedByMe: true } })).totalCount).toBe(0);
  });

  it('filters by kind, status, level, enterprise, district, search and re-evaluation due date', async () => {
    expect(names(await list({ filter: { kind: 'CRAFTSMAN' } }))).toEqual(['B 数控工作室']);
    expect(names(await list({ filter: { level: 'CITY' } }))).toEqual(['A 焊接工作室', 'C 电工工作室']);
    expect(names(await list({ filter: { status: 'REJECTED' } }, reviewer.token))).toEqual(['F 未通过']);
    expect(names(await list({ filter: { enterpriseId: accredited[3]!.enterpriseId } }))).toEqual(['D 钳工工作室']);
    expect(names(await list({ filter: { district: '湖里区' } }))).toEqual(['A 焊接工作室', 'C 电工工作室']);
    expect(names(await list({ filter: { district: '湖里区' } }, reviewer.token))).toEqual(['A 焊接工作室', 'C 电工工作室', 'E 申报中']);
    expect(names(await list({ filter: { search: '机器人' } }))).toEqual(['A 焊接工作室']);
    expect(names(await list({ filter: { search: '数控' } }))).toEqual(['B 数控工作室']);
    expect(names(await list({ filter: { search: '%' } }))).toEqual([]);
    const threeYears = Date.now() + 3 * 365.25 * 86_400_000;
    expect((await list({ filter: { reviewDueBefore: new Date(threeYears + 86_400_000).toISOString() } })).totalCount).toBe(4);
    expect((await list({ filter: { reviewDueBefore: new Date(threeYears - 30 * 86_400_000).toISOString() } })).totalCount).toBe(0);
    expect((await list({ filter: { level: 'CITY', district: '湖里区', kind: 'SKILL_MASTER' } })).totalCount).toBe(1);
  });

  it('pages forward and backward with stable cursors, and orders by application date', async () => {
    const p1 = await list({ first: 3 });
    expect(names(p1)).toEqual(['A 焊接工作室', 'B 数控工作室', 'C 电工工作室']);
    expect(p1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const p2 = await list({ first: 3, after: p1.pageInfo.endCursor });
    expect(names(p2)).toEqual(['D 钳工工作室']);
    expect(p2.pageInfo.hasNextPage).toBe(false);
    const back = await list({ last: 2, before: p2.pageInfo.startCursor });
    expect(names(back)).toEqual(['B 数控工作室', 'C 电工工作室']);
    const newest = await list({ first: 2, orderBy: { field: 'APPLIED_AT', direction: 'DESC' } }, reviewer.token);
    expect(names(newest)).toEqual(['F 未通过', 'E 申报中']);
    const bad = await t.gql(LIST, { after: 'not-a-cursor' });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('loads leaders, members, reports, innovations and decisions with a constant number of statements', async () => {
    for (const f of accredited.slice(0, 3)) {
      await mutate(t, manager.token, 'registerInnovation', 'RegisterInnovationInput', {
        studioId: f.studioId, title: '成果', category: 'QC_ACHIEVEMENT', inventorWorkerIds: [f.leaderWorkerId, f.memberWorkerIds[0]],
      }, 'innovation { id }');
    }
    const q = (first: number) => t.gql(`query($first: Int) { studios(first: $first) { nodes {
      name leaderName leader { name } enterprise { name } manager { displayName } members(first: 3) { nodes { name role mentorName worker { name } } }
      reports { nodes { year } } innovations { nodes { title inventorNames } } decisions { nodes { action decidedBy { displayName } } } } } }`, { first }, reviewer.token);
    const one = await t.countStatements(async () => expect(ok(await q(1)).studios.nodes).toHaveLength(1));
    const all = await t.countStatements(async () => {
      const nodes = ok(await q(6)).studios.nodes;
      expect(nodes).toHaveLength(6);
      expect(nodes.every((n: any) => n.members.nodes.length === 2 && n.members.nodes[0].role === 'LEADER' && n.decisions.nodes.length >= 1)).toBe(true);
      expect(nodes.filter((n: any) => n.innovations.nodes[0]?.inventorNames.length === 2)).toHaveLength(3);
    });
    // studios + count; per level one batch each: workers, enterprises, managers, members, reports, innovations, decisions;
    // then members' workers, deciders and inventors (the last two worker batches merge when they land in the same tick).
    // A query per studio on any field would add at least five statements for six studios.
    expect(one).toBeLessThanOrEqual(13);
    expect(all).toBeLessThanOrEqual(13);
    expect(Math.abs(all - one)).toBeLessThanOrEqual(1);
  });

  it('reviewDueBefore lists the studios awaiting re-evaluation: accredited and suspended, never revoked or unaccredited ones', async () => {
    const common = { manager, reviewer, admin, members: 0, district: '翔安区' };
    await setupStudio(t, { ...common, name: 'G 认定' });
    const [suspended, revoked] = [
      await setupStudio(t, { ...common, name: 'H 暂停' }),
      await setupStudio(t, { ...common, name: 'I 撤销' }),
    ];
    await setupStudio(t, { ...common, name: 'J 申报中', until: 'APPLIED' });
    const reevaluate = (studioId: string, decision: string) =>
      mutate(t, reviewer.token, 'reevaluateStudio', 'ReevaluateStudioInput', { studioId, decision, comment: '复评' }, 'studio { status }');
    await reevaluate(suspended.studioId, 'SUSPEND');
    await reevaluate(revoked.studioId, 'SUSPEND');
    await reevaluate(revoked.studioId, 'REVOKE');
    const due = { district: '翔安区', reviewDueBefore: new Date(Date.now() + 4 * 365 * 86_400_000).toISOString() };
    expect(names(await list({ filter: due }, reviewer.token))).toEqual(['G 认定', 'H 暂停']);
    expect(names(await list({ filter: due }, admin.token))).toEqual(['G 认定', 'H 暂停']);
    expect(names(await list({ filter: due }))).toEqual(['G 认定']); // the public sees accredited studios only
    expect(names(await list({ filter: { ...due, status: 'REVOKED' } }, reviewer.token))).toEqual([]);
    expect(names(await list({ filter: { district: '翔安区', status: 'REVOKED' } }, reviewer.token))).toEqual(['I 撤销']);
  });
});

describe('studio(id) and node(id)', () => {
  const GET = `query($id: ID!) { studio(id: $id) { id manager { displayName } decisions { nodes { action } } viewerIsManager } node(id: $id) { id } }`;

  it('returns an accredited studio to everyone, without its file (manager, decisions) for the public', async () => {
    const id = accredited[0]!.studioId;
    expect(ok(await t.gql(GET, { id }))).toEqual({ studio: { id, manager: null, decisions: null, viewerIsManager: false }, node: { id } });
    expect(ok(await t.gql(GET, { id }, otherManager.token)).studio).toMatchObject({ manager: null, decisions: null });
    expect(ok(await t.gql(GET, { id }, manager.token)).studio).toMatchObject({ manager: { displayName: expect.any(String) }, decisions: { nodes: [{ action: 'APPLY' }, { action: 'ACCREDIT' }] }, viewerIsManager: true });
    expect(ok(await t.gql(GET, { id }, reviewer.token)).studio.decisions.nodes).toHaveLength(2);
  });

  it('hides an application and a rejected studio from everyone but its manager, reviewers and admins', async () => {
    for (const f of [applied, rejected]) {
      const id = f.studioId;
      expect(ok(await t.gql(GET, { id }))).toEqual({ studio: null, node: null });
      const stranger = f === applied ? otherManager : manager;
      expect(ok(await t.gql(GET, { id }, stranger.token))).toEqual({ studio: null, node: null });
      expect(ok(await t.gql(GET, { id }, f.manager.token)).node).toEqual({ id });
      expect(ok(await t.gql(GET, { id }, reviewer.token)).node).toEqual({ id });
      expect(ok(await t.gql(GET, { id }, admin.token)).studio.id).toBe(id);
    }
  });

  it('resolves members, reports and decisions by node(id) under the studio’s rules', async () => {
    const ids = async (studioId: string, token: string) => {
      await mutate(t, token, 'submitStudioReport', 'SubmitStudioReportInput', {
        studioId, year: 2025, trainees: 1, apprenticesMentored: 0, projectsCompleted: 0, patentsFiled: 0, economicBenefit: '0', summary: '年报',
      }, 'report { id }');
      const s = ok(await t.gql(`query($id: ID!) { studio(id: $id) { members { nodes { id } } reports { nodes { id } } decisions { nodes { id } } } }`, { id: studioId }, token)).studio;
      return { member: s.members.nodes[0].id, report: s.reports.nodes[0].id, decision: s.decisions.nodes[0].id };
    };
    const node = async (id: string, token?: string) => ok(await t.gql(`query($id: ID!) { node(id: $id) { id __typename } }`, { id }, token)).node;
    const pub = await ids(accredited[1]!.studioId, manager.token);
    expect(await node(pub.member)).toEqual({ id: pub.member, __typename: 'StudioMember' });
    expect(await node(pub.report)).toEqual({ id: pub.report, __typename: 'StudioReport' });
    expect(await node(pub.decision)).toBeNull();
    expect(await node(pub.decision, manager.token)).toEqual({ id: pub.decision, __typename: 'StudioDecision' });
    expect(await node(pub.decision, otherManager.token)).toBeNull();
    const hidden = await ids(applied.studioId, manager.token);
    for (const id of Object.values(hidden)) {
      expect(await node(id)).toBeNull();
      expect(await node(id, otherManager.token)).toBeNull();
      expect(await node(id, reviewer.token)).toMatchObject({ id });
    }
  });
});
