import { Role } from '../../src/auth/role';
import { StudioStatus } from '../../src/studios/enums';
import { createWorker } from '../helpers/registry';
import { errorCode, ok, startTestServer, type TestServer } from '../helpers/server';
import { call, createProject, gate, insertStudio, must, world, type World } from './fixture';

let t: TestServer;
let w: World;
beforeAll(async () => {
  t = await startTestServer();
  w = await world(t);
});
afterAll(() => t.close());

const base = () => ({ title: '节能改造', summary: '余热回收', field: '节能环保', leadWorkerId: w.leadId, studioId: w.studioId });
const count = async () => ok(await t.gql('{ incubationProjects { totalCount } }')).incubationProjects.totalCount as number;

describe('who may create a project', () => {
  it('anonymous → UNAUTHENTICATED; REVIEWER and JUDGE → FORBIDDEN; nothing created', async () => {
    const before = await count();
    expect(errorCode((await call(t, null, 'createIncubationProject', base(), 'project { id }')).res)).toBe('UNAUTHENTICATED');
    for (const roles of [[Role.REVIEWER], [Role.JUDGE]]) {
      const u = await t.user(roles);
      expect(errorCode((await call(t, u.token, 'createIncubationProject', base(), 'project { id }')).res)).toBe('FORBIDDEN');
    }
    expect(await count()).toBe(before);
  });

  it('a STUDIO_MANAGER only for a studio they manage (or none); ORGANIZER and ADMIN for any studio', async () => {
    const other = await call(t, w.otherManager.token, 'createIncubationProject', base(), 'project { id }');
    expect(errorCode(other.res)).toBe('FORBIDDEN');
    const noStudio = await must(t, w.otherManager.token, 'createIncubationProject', { ...base(), studioId: null }, 'project { stage studio { id } viewerCanManage }');
    expect(noStudio.project).toMatchObject({ stage: 'IDEA', studio: null, viewerCanManage: true });
    for (const token of [w.manager.token, w.organizer.token, w.admin.token]) {
      const p = await must(t, token, 'createIncubationProject', base(), 'project { stage studio { id } leadWorkerName enterprise { id } }');
      expect(p.project).toMatchObject({ stage: 'IDEA', studio: { id: w.studioId }, enterprise: { id: w.enterpriseId } });
      expect(p.project.leadWorkerName).toMatch(/^工人/);
    }
  });

  it('refuses a studio that is not ACCREDITED, a lead who is not a member, unknown IDs and blank text', async () => {
    const applied = await insertStudio(t, { managerId: w.manager.id, enterpriseId: w.enterpriseId, leaderId: w.leadId, status: StudioStatus.APPLIED });
    let r = await call(t, w.manager.token, 'createIncubationProject', { ...base(), studioId: applied }, 'project { id }');
    expect(r.payload.userErrors).toMatchObject([{ code: 'NOT_ELIGIBLE', field: ['input', 'studioId'] }]);

    const outsider = await createWorker(t, w.admin.token, w.enterpriseId);
    r = await call(t, w.manager.token, 'createIncubationProject', { ...base(), leadWorkerId: outsider.id }, 'project { id }');
    expect(r.payload.userErrors).toMatchObject([{ code: 'NOT_ELIGIBLE', field: ['input', 'leadWorkerId'] }]);

    r = await call(t, w.manager.token, 'createIncubationProject', { ...base(), leadWorkerId: w.studioId }, 'project { id }');
    expect(r.payload.userErrors).toMatchObject([{ code: 'INVALID_INPUT', field: ['input', 'leadWorkerId'] }]);
    r = await call(t, w.admin.token, 'createIncubationProject', { ...base(), studioId: Buffer.from('Studio:00000000-0000-4000-8000-000000000000').toString('base64url') }, 'project { id }');
    expect(r.payload.userErrors).toMatchObject([{ code: 'NOT_FOUND', field: ['input', 'studioId'] }]);

    r = await call(t, w.manager.token, 'createIncubationProject', { ...base(), title: '  ', field: '' }, 'project { id }');
    expect(r.payload.userErrors.map((e: any) => e.field)).toEqual([['input', 'title'], ['input', 'field']]);
    expect(r.payload.project).toBeNull();
  });
});

describe('who may run and judge a project', () => {
  let projectId: string;
  beforeAll(async () => {
    projectId = await createProject(t, w, {}, w.organizer.token); // owned by the organizer and by the studio's manager
  });

  it('partners, funding and milestones: its creator, its studio’s manager, an admin — not another manager or organizer, not a reviewer', async () => {
    const partner = (name: string) => ({ projectId, kind: 'MARKET_COMPANY', name, contribution: '市场推广' });
    expect(errorCode((await call(t, null, 'addProjectPartner', partner('a'), 'partner { id }')).res)).toBe('UNAUTHENTICATED');
    expect(errorCode((await call(t, w.reviewer.token, 'addProjectPartner', partner('a'), 'partner { id }')).res)).toBe('FORBIDDEN');
    const otherOrganizer = await t.user([Role.ORGANIZER]);
    for (const token of [w.otherManager.token, otherOrganizer.token]) {
      expect(errorCode((await call(t, token, 'addProjectPartner', partner('a'), 'partner { id }')).res)).toBe('FORBIDDEN');
      expect(errorCode((await call(t, token, 'addMilestone', { projectId, title: 'x' }, 'milestone { id }')).res)).toBe('FORBIDDEN');
      expect(errorCode((await call(t, token, 'recordFunding', { projectId, sourceKind: 'OTHER', source: 'x', amount: '1.00', receivedAt: '2026-01-01T00:00:00Z' }, 'funding { id }')).res)).toBe('FORBIDDEN');
    }
    await must(t, w.organizer.token, 'addProjectPartner', partner('甲公司'), 'partner { id }');
    await must(t, w.manager.token, 'addProjectPartner', partner('乙公司'), 'partner { id }');
    await must(t, w.admin.token, 'addProjectPartner', partner('丙公司'), 'partner { id }');
    const dup = await call(t, w.manager.token, 'addProjectPartner', partner('甲公司'), 'partner { id }');
    expect(dup.payload.userErrors).toMatchObject([{ code: 'ALREADY_EXISTS' }]);

    const m = await must(t, w.manager.token, 'addMilestone', { projectId, title: '中试' }, 'milestone { id }');
    expect(errorCode((await call(t, w.otherManager.token, 'completeMilestone', { milestoneId: m.milestone.id }, 'milestone { id }')).res)).toBe('FORBIDDEN');
    const p = ok(await t.gql('query($id: ID!) { incubationProject(id: $id) { partners { nodes { name } } milestones { nodes { title completedAt } } } }', { id: projectId }));
    expect(p.incubationProject.partners.nodes.map((x: any) => x.name)).toEqual(['甲公司', '乙公司', '丙公司']);
    expect(p.incubationProject.milestones.nodes).toEqual([{ title: '中试', completedAt: null }]);
  });

  it('gate decisions: REVIEWER or ADMIN only', async () => {
    expect(errorCode((await call(t, null, 'advanceProject', gate(projectId, 'HOLD'), 'project { id }')).res)).toBe('UNAUTHENTICATED');
    for (const token of [w.manager.token, w.organizer.token]) {
      expect(errorCode((await call(t, token, 'advanceProject', gate(projectId, 'HOLD'), 'project { id }')).res)).toBe('FORBIDDEN');
    }
    const p = ok(await t.gql('query($id: ID!) { incubationProject(id: $id) { stage gateHistory { totalCount nodes { id } } } }', { id: projectId }, w.admin.token));
    expect(p.incubationProject).toEqual({ stage: 'IDEA', gateHistory: { totalCount: 0, nodes: [] } });
  });

  it('funding and gate history are shown to owners, reviewers and admins; the rest of the project to everyone', async () => {
    const f = await must(t, w.manager.token, 'recordFunding', { projectId, sourceKind: 'UNION', source: '市总工会', amount: '8000.00', receivedAt: '2026-02-01T00:00:00Z' }, 'funding { id }');
    await must(t, w.reviewer.token, 'advanceProject', gate(projectId, 'HOLD', '补充材料'), 'project { id }');
    const q = `query($id: ID!, $f: ID!) {
      incubationProject(id: $id) { title funding { nodes { amount source recordedBy { id } } } fundingTotal gateHistory { nodes { decision } } leadWorker { id } viewerCanManage }
      node(id: $f) { id }
    }`;
    const read = async (token: string | null) => ok(await t.gql(q, { id: projectId, f: f.funding.id }, token));
    const anon = await read(null);
    expect(anon.incubationProject).toMatchObject({ title: '焊缝智能检测装置', funding: null, fundingTotal: null, gateHistory: null, leadWorker: null, viewerCanManage: false });
    expect(anon.node).toBeNull();
    const stranger = await read(w.otherManager.token);
    expect(stranger.incubationProject).toMatchObject({ funding: null, fundingTotal: null, gateHistory: null, viewerCanManage: false });
    expect(stranger.node).toBeNull();
    for (const token of [w.manager.token, w.organizer.token, w.reviewer.token, w.admin.token]) {
      const r = await read(token);
      expect(r.incubationProject).toMatchObject({ funding: { nodes: [{ amount: '8000.00', source: '市总工会' }] }, fundingTotal: '8000.00', gateHistory: { nodes: [{ decision: 'HOLD' }] } });
      expect(r.node).toEqual({ id: f.funding.id });
    }
    expect((await read(w.manager.token)).incubationProject.funding.nodes[0].recordedBy.id).toBe(w.manager.globalId);
    expect((await read(w.reviewer.token)).incubationProject.viewerCanManage).toBe(false);
  });
});
