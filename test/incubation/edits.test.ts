import { errorCode, ok, startTestServer, type TestServer } from '../helpers/server';
import { call, createProject, gate, must, world, type World } from './fixture';

let t: TestServer;
let w: World;
beforeAll(async () => {
  t = await startTestServer();
  w = await world(t);
});
afterAll(() => t.close());

const PARTS = `query($id: ID!) { incubationProject(id: $id) { version partners { totalCount nodes { id kind name contribution } } milestones { totalCount nodes { id title description dueAt completedAt } } } }`;
const parts = async (id: string) => ok(await t.gql(PARTS, { id })).incubationProject;
const addPartner = (projectId: string, name: string, kind = 'UNION') =>
  must(t, w.manager.token, 'addProjectPartner', { projectId, kind, name, contribution: '场地' }, 'partner { id } project { version }');
const addMilestone = (projectId: string, title: string) => must(t, w.manager.token, 'addMilestone', { projectId, title }, 'milestone { id } project { version }');

describe('correcting and removing partners', () => {
  it('updates only the fields given, raises the version, and refuses a stale version or a duplicate, changing nothing', async () => {
    const id = await createProject(t, w);
    const a = await addPartner(id, '市总工会');
    await addPartner(id, '某职业技术学院', 'COLLEGE');
    const before = await parts(id);
    const up = await must(t, w.manager.token, 'updateProjectPartner', { partnerId: a.partner.id, contribution: '场地与资金', version: before.version }, 'partner { id kind name contribution } project { version }');
    expect(up.partner).toEqual({ id: a.partner.id, kind: 'UNION', name: '市总工会', contribution: '场地与资金' });
    expect(up.project.version).toBeGreaterThan(before.version);
    // The version read before that change is stale now.
    const stale = await call(t, w.manager.token, 'updateProjectPartner', { partnerId: a.partner.id, name: '区总工会', version: before.version }, 'partner { id }');
    expect(stale.payload).toMatchObject({ partner: null, userErrors: [{ code: 'STALE_VERSION', field: ['input', 'version'], message: expect.stringContaining('已被他人修改') }] });
    const dup = await call(t, w.manager.token, 'updateProjectPartner', { partnerId: a.partner.id, kind: 'COLLEGE', name: '某职业技术学院' }, 'partner { id }');
    expect(dup.payload.userErrors).toEqual([{ code: 'ALREADY_EXISTS', field: ['input', 'name'], message: '“某职业技术学院”已是本项目的院校合作方' }]);
    const nothing = await call(t, w.manager.token, 'updateProjectPartner', { partnerId: a.partner.id }, 'partner { id }');
    expect(nothing.payload.userErrors).toMatchObject([{ code: 'INVALID_INPUT', field: ['input', 'partnerId'] }]);
    const after = await parts(id);
    expect(after.partners.nodes.find((p: any) => p.id === a.partner.id)).toMatchObject({ kind: 'UNION', name: '市总工会', contribution: '场地与资金' });
    expect(after.version).toBe(up.project.version);
  });

  it('removes a partner, after which an IDEA project needs one again to pass its gate', async () => {
    const id = await createProject(t, w);
    const a = await addPartner(id, '市总工会');
    const removed = await must(t, w.manager.token, 'removeProjectPartner', { partnerId: a.partner.id, version: a.project.version }, 'removedPartnerId project { id partners { totalCount } }');
    expect(removed).toMatchObject({ removedPartnerId: a.partner.id, project: { id, partners: { totalCount: 0 } } });
    const pass = await call(t, w.reviewer.token, 'advanceProject', gate(id, 'PASS'), 'project { stage }');
    expect(pass.payload.userErrors).toMatchObject([{ code: 'NOT_ELIGIBLE' }]);
    const again = await call(t, w.manager.token, 'removeProjectPartner', { partnerId: a.partner.id }, 'removedPartnerId');
    expect(again.payload).toMatchObject({ removedPartnerId: null, userErrors: [{ code: 'NOT_FOUND', field: ['input', 'partnerId'], message: '合作方不存在' }] });
  });

  it('follows the rules of adding: owners only, open projects only', async () => {
    const id = await createProject(t, w);
    const a = await addPartner(id, '市总工会');
    expect(errorCode((await call(t, null, 'removeProjectPartner', { partnerId: a.partner.id }, 'removedPartnerId')).res)).toBe('UNAUTHENTICATED');
    for (const token of [w.otherManager.token, w.organizer.token]) {
      expect(errorCode((await call(t, token, 'updateProjectPartner', { partnerId: a.partner.id, name: '乙' }, 'partner { id }')).res)).toBe('FORBIDDEN');
      expect(errorCode((await call(t, token, 'removeProjectPartner', { partnerId: a.partner.id }, 'removedPartnerId')).res)).toBe('FORBIDDEN');
    }
    expect(errorCode((await call(t, w.reviewer.token, 'removeProjectPartner', { partnerId: a.partner.id }, 'removedPartnerId')).res)).toBe('FORBIDDEN');
    // An admin may, as with adding.
    await must(t, w.admin.token, 'updateProjectPartner', { partnerId: a.partner.id, name: '市总工会（本部）' }, 'partner { id }');
    await must(t, w.reviewer.token, 'advanceProject', gate(id, 'KILL', '方向调整'), 'project { stage }');
    const closed = await call(t, w.manager.token, 'removeProjectPartner', { partnerId: a.partner.id }, 'removedPartnerId');
    expect(closed.payload.userErrors).toEqual([{ code: 'INVALID_STATE', field: ['input', 'projectId'], message: '项目已“终止”，不能移除合作方' }]);
    const en = ok(await t.gql('mutation($input: RemoveProjectPartnerInput!) { removeProjectPartner(input: $input) { userErrors { message } } }', { input: { partnerId: a.partner.id } }, w.manager.token, { locale: 'en' }));
    expect(en.removeProjectPartner.userErrors).toEqual([{ message: 'Cannot remove a partner: the project is Terminated' }]);
    expect((await parts(id)).partners.nodes.map((p: any) => p.name)).toEqual(['市总工会（本部）']);
  });
});

describe('correcting and removing milestones', () => {
  it('changes an open milestone (null clears the due date) and removes one; a reached milestone stays as it is', async () => {
    const id = await createProject(t, w);
    const open = await addMilestone(id, '样机');
    const up = await must(t, w.manager.token, 'updateProjectMilestone', { milestoneId: open.milestone.id, title: '样机试制', dueAt: '2027-03-01T00:00:00.000Z' }, 'milestone { title dueAt description }');
    expect(up.milestone).toEqual({ title: '样机试制', dueAt: '2027-03-01T00:00:00.000Z', description: '' });
    const cleared = await must(t, w.manager.token, 'updateProjectMilestone', { milestoneId: open.milestone.id, dueAt: null, description: '三台' }, 'milestone { title dueAt description }');
    expect(cleared.milestone).toEqual({ title: '样机试制', dueAt: null, description: '三台' });

    const reached = await addMilestone(id, '小试');
    await must(t, w.manager.token, 'completeMilestone', { milestoneId: reached.milestone.id, note: '完成' }, 'milestone { id }');
    const change = await call(t, w.manager.token, 'updateProjectMilestone', { milestoneId: reached.milestone.id, title: '改名' }, 'milestone { id }');
    expect(change.payload.userErrors).toEqual([{ code: 'INVALID_STATE', field: ['input', 'milestoneId'], message: '已完成的里程碑是阶段评审的依据，不能修改或删除' }]);
    const remove = await call(t, w.admin.token, 'removeProjectMilestone', { milestoneId: reached.milestone.id }, 'removedMilestoneId');
    expect(remove.payload).toMatchObject({ removedMilestoneId: null, userErrors: [{ code: 'INVALID_STATE' }] });

    const gone = await must(t, w.manager.token, 'removeProjectMilestone', { milestoneId: open.milestone.id }, 'removedMilestoneId project { milestones { nodes { title completedAt } } }');
    expect(gone.removedMilestoneId).toBe(open.milestone.id);
    expect(gone.project.milestones.nodes).toEqual([{ title: '小试', completedAt: expect.any(String) }]);
  });

  it('refuses strangers, stale versions and bad input, changing nothing', async () => {
    const id = await createProject(t, w);
    const ms = await addMilestone(id, '样机');
    for (const token of [w.otherManager.token, w.organizer.token]) {
      expect(errorCode((await call(t, token, 'updateProjectMilestone', { milestoneId: ms.milestone.id, title: '乙' }, 'milestone { id }')).res)).toBe('FORBIDDEN');
      expect(errorCode((await call(t, token, 'removeProjectMilestone', { milestoneId: ms.milestone.id }, 'removedMilestoneId')).res)).toBe('FORBIDDEN');
    }
    expect(errorCode((await call(t, null, 'updateProjectMilestone', { milestoneId: ms.milestone.id, title: '乙' }, 'milestone { id }')).res)).toBe('UNAUTHENTICATED');
    await addPartner(id, '市总工会'); // raises the version past the one the milestone was added at
    const stale = await call(t, w.manager.token, 'removeProjectMilestone', { milestoneId: ms.milestone.id, version: ms.project.version }, 'removedMilestoneId');
    expect(stale.payload.userErrors).toMatchObject([{ code: 'STALE_VERSION', field: ['input', 'version'] }]);
    const blank = await call(t, w.manager.token, 'updateProjectMilestone', { milestoneId: ms.milestone.id, title: ' ' }, 'milestone { id }');
    expect(blank.payload.userErrors).toMatchObject([{ code: 'INVALID_INPUT', field: ['input', 'title'] }]);
    const wrongType = await call(t, w.manager.token, 'removeProjectMilestone', { milestoneId: id }, 'removedMilestoneId');
    expect(wrongType.payload.userErrors).toMatchObject([{ code: 'INVALID_INPUT', field: ['input', 'milestoneId'] }]);
    expect((await parts(id)).milestones.nodes).toEqual([{ id: ms.milestone.id, title: '样机', description: '', dueAt: null, completedAt: null }]);
  });
});

describe('partners and milestones as connections', () => {
  it('pages partners after a cursor and orders them both ways', async () => {
    const id = await createProject(t, w);
    for (const [name, kind] of [['甲', 'UNION'], ['乙', 'COLLEGE'], ['丙', 'MARKET_COMPANY']] as const) await addPartner(id, name, kind);
    const q = `query($id: ID!, $after: String, $orderBy: ProjectPartnerOrder) { incubationProject(id: $id) {
      partners(first: 2, after: $after, orderBy: $orderBy) { totalCount pageInfo { hasNextPage endCursor } nodes { name } } } }`;
    const page = async (vars: Record<string, unknown>) => ok(await t.gql(q, { id, ...vars })).incubationProject.partners;
    const p1 = await page({});
    expect(p1).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true }, nodes: [{ name: '甲' }, { name: '乙' }] });
    expect(await page({ after: p1.pageInfo.endCursor })).toMatchObject({ pageInfo: { hasNextPage: false }, nodes: [{ name: '丙' }] });
    const desc = await page({ orderBy: { field: 'ADDED_AT', direction: 'DESC' } });
    expect(desc.nodes).toEqual([{ name: '丙' }, { name: '乙' }]);
    expect((await page({ after: desc.pageInfo.endCursor, orderBy: { field: 'ADDED_AT', direction: 'DESC' } })).nodes).toEqual([{ name: '甲' }]);
    // KIND: COLLEGE, MARKET_COMPANY, UNION.
    expect((await page({ orderBy: { field: 'KIND' } })).nodes).toEqual([{ name: '乙' }, { name: '丙' }]);
  });
});
