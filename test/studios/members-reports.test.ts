import { errorCode, ok, startTestServer, type TestServer } from '../helpers/server';
import { createWorker } from '../helpers/registry';
import { mutate } from '../helpers/competition';
import { setupStudio, type StudioFixture } from '../helpers/studio';
import { studioStaff, type TestUser } from './staff';

const ADD = `mutation($input: AddStudioMemberInput!) { addStudioMember(input: $input) {
  member { id role name mentorName mentor { id } worker { id } studio { id } } studio { members { nodes { role worker { id } } } } userErrors { code field message } } }`;
const REMOVE = `mutation($input: RemoveStudioMemberInput!) { removeStudioMember(input: $input) {
  member { role } studio { members { nodes { worker { id } } } } userErrors { code field message } } }`;
const REPORT = `mutation($input: SubmitStudioReportInput!) { submitStudioReport(input: $input) {
  report { id year trainees apprenticesMentored projectsCompleted patentsFiled economicBenefit summary version } userErrors { code field message } } }`;
const REPORTS = `query($id: ID!) { studio(id: $id) { reports { nodes { year trainees economicBenefit summary version } } } }`;

let t: TestServer;
let admin: TestUser;
let manager: TestUser;
let otherManager: TestUser;
let reviewer: TestUser;
let f: StudioFixture;
beforeAll(async () => {
  t = await startTestServer();
  ({ admin, manager, otherManager, reviewer } = await studioStaff(t));
  f = await setupStudio(t, { manager, reviewer, admin, members: 1 });
});
afterAll(async () => t.close());

const add = (token: string, input: Record<string, unknown>) => t.gql(ADD, { input: { studioId: f.studioId, ...input } }, token);
const report = (token: string, over: Record<string, unknown> = {}, studioId = f.studioId) => t.gql(REPORT, { input: {
  studioId, year: 2025, trainees: 120, apprenticesMentored: 8, projectsCompleted: 5, patentsFiled: 2, economicBenefit: '1250000.50', summary: '全年完成攻关项目5项', ...over,
} }, token);

describe('studio members', () => {
  it('adds core members, members and apprentices with a mentor who is a member', async () => {
    const core = await createWorker(t, admin.token, f.enterpriseId, { name: '张师傅' });
    const apprentice = await createWorker(t, admin.token, f.enterpriseId, { name: '小刘' });
    const c = ok(await add(manager.token, { workerId: core.id, role: 'CORE_MEMBER' })).addStudioMember;
    expect(c.userErrors).toEqual([]);
    expect(c.member).toMatchObject({ role: 'CORE_MEMBER', name: '张师傅', mentorName: null, mentor: null, studio: { id: f.studioId } });
    const a = ok(await add(manager.token, { workerId: apprentice.id, role: 'APPRENTICE', mentorWorkerId: core.id })).addStudioMember;
    expect(a.member).toMatchObject({ role: 'APPRENTICE', name: '小刘', mentorName: '张师傅', mentor: { id: core.id } });
    expect(a.studio.members.nodes.map((m: any) => m.role)).toEqual(['LEADER', 'MEMBER', 'CORE_MEMBER', 'APPRENTICE']);
    // The public sees names and roles, not registry records.
    const pub = ok(await t.gql(`query($id: ID!) { studio(id: $id) { members { nodes { name role worker { id } mentor { id } mentorName } } } }`, { id: f.studioId })).studio;
    expect(pub.members.nodes[3]).toEqual({ name: '小刘', role: 'APPRENTICE', worker: null, mentor: null, mentorName: '张师傅' });
  });

  it('refuses a LEADER role, a second membership, an apprentice without a mentor or with a non-member mentor', async () => {
    const w = await createWorker(t, admin.token, f.enterpriseId);
    const stranger = await createWorker(t, admin.token, f.enterpriseId);
    const cases: [Record<string, unknown>, string, string[]][] = [
      [{ workerId: w.id, role: 'LEADER' }, 'INVALID_INPUT', ['input', 'role']],
      [{ workerId: f.memberWorkerIds[0], role: 'CORE_MEMBER' }, 'ALREADY_EXISTS', ['input', 'workerId']],
      [{ workerId: f.leaderWorkerId, role: 'MEMBER' }, 'ALREADY_EXISTS', ['input', 'workerId']],
      [{ workerId: w.id, role: 'APPRENTICE' }, 'INVALID_INPUT', ['input', 'mentorWorkerId']],
      [{ workerId: w.id, role: 'APPRENTICE', mentorWorkerId: stranger.id }, 'NOT_ELIGIBLE', ['input', 'mentorWorkerId']],
      [{ workerId: w.id, role: 'MEMBER', mentorWorkerId: f.leaderWorkerId }, 'INVALID_INPUT', ['input', 'mentorWorkerId']],
    ];
    for (const [input, code, field] of cases) {
      const res = ok(await add(manager.token, input)).addStudioMember;
      expect(res.member).toBeNull();
      expect(res.userErrors[0]).toMatchObject({ code, field });
    }
    const members = ok(await t.gql(`query($id: ID!) { studio(id: $id) { members { nodes { worker { id } } } } }`, { id: f.studioId }, manager.token)).studio.members.nodes;
    expect(members.map((m: any) => m.worker.id)).not.toContain(w.id);
  });

  it('removes a member, but never the leader nor a mentor with apprentices', async () => {
    const mentor = await createWorker(t, admin.token, f.enterpriseId);
    const apprentice = await createWorker(t, admin.token, f.enterpriseId);
    await mutate(t, manager.token, 'addStudioMember', 'AddStudioMemberInput', { studioId: f.studioId, workerId: mentor.id, role: 'MEMBER' }, 'member { id }');
    await mutate(t, manager.token, 'addStudioMember', 'AddStudioMemberInput', { studioId: f.studioId, workerId: apprentice.id, role: 'APPRENTICE', mentorWorkerId: mentor.id }, 'member { id }');
    const remove = (workerId: string, token = manager.token) => t.gql(REMOVE, { input: { studioId: f.studioId, workerId } }, token);
    expect(ok(await remove(f.leaderWorkerId)).removeStudioMember.userErrors[0]).toMatchObject({ code: 'INVALID_STATE', field: ['input', 'workerId'], message: expect.stringContaining('领衔人不能移除') });
    expect(ok(await remove(mentor.id)).removeStudioMember.userErrors[0]).toMatchObject({ code: 'INVALID_STATE', message: expect.stringContaining('该成员带有 1 名徒弟') });
    const gone = ok(await remove(apprentice.id)).removeStudioMember;
    expect(gone.member.role).toBe('APPRENTICE');
    expect(gone.studio.members.nodes.map((m: any) => m.worker.id)).not.toContain(apprentice.id);
    expect(ok(await remove(mentor.id)).removeStudioMember.userErrors).toEqual([]);
    expect(ok(await remove(mentor.id)).removeStudioMember.userErrors[0]).toMatchObject({ code: 'NOT_FOUND', field: ['input', 'workerId'] });
  });

  it('is the manager’s (or an admin’s) business', async () => {
    const w = await createWorker(t, admin.token, f.enterpriseId);
    expect(errorCode(await add('', { workerId: w.id, role: 'MEMBER' }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await add(otherManager.token, { workerId: w.id, role: 'MEMBER' }))).toBe('FORBIDDEN');
    expect(errorCode(await add(reviewer.token, { workerId: w.id, role: 'MEMBER' }))).toBe('FORBIDDEN');
    expect(errorCode(await add(otherManager.token, { workerId: w.id, role: 'LEADER' }))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(REMOVE, { input: { studioId: f.studioId, workerId: f.memberWorkerIds[0] } }, otherManager.token))).toBe('FORBIDDEN');
    expect(ok(await add(admin.token, { workerId: w.id, role: 'MEMBER' })).addStudioMember.userErrors).toEqual([]);
  });

  it('freezes membership of a rejected studio', async () => {
    const r = await setupStudio(t, { manager, reviewer, admin, until: 'APPLIED', members: 0 });
    await mutate(t, reviewer.token, 'reviewStudio', 'ReviewStudioInput', { studioId: r.studioId, decision: 'REJECT', comment: '不符合' }, 'studio { id }');
    const w = await createWorker(t, admin.token, r.enterpriseId);
    const res = ok(await t.gql(ADD, { input: { studioId: r.studioId, workerId: w.id, role: 'MEMBER' } }, manager.token)).addStudioMember;
    expect(res.userErrors).toEqual([{ code: 'INVALID_STATE', field: ['input', 'studioId'], message: '工作室当前为“未通过”，不能添加成员' }]);
  });
});

describe('submitStudioReport', () => {
  it('files one report per year and corrects it only with the version read; a stale version is refused', async () => {
    const first = ok(await report(manager.token)).submitStudioReport;
    expect(first.userErrors).toEqual([]);
    expect(first.report).toMatchObject({ year: 2025, trainees: 120, apprenticesMentored: 8, projectsCompleted: 5, patentsFiled: 2, economicBenefit: '1250000.50', version: 1 });
    // Submitting the year again without a version would overwrite: refused.
    const again = ok(await report(manager.token, { trainees: 1 })).submitStudioReport;
    expect(again.userErrors).toEqual([{ code: 'ALREADY_EXISTS', field: ['input', 'version'], message: '2025 年的年度报告已存在（版本 1）；更正时请传入该版本号' }]);
    const corrected = ok(await report(manager.token, { trainees: 130, economicBenefit: '1300000', version: 1 })).submitStudioReport;
    expect(corrected.report).toMatchObject({ id: first.report.id, trainees: 130, economicBenefit: '1300000.00', version: 2 });
    // A second editor still holding version 1: refused, nothing overwritten.
    const stale = ok(await report(manager.token, { trainees: 999, version: 1 })).submitStudioReport;
    expect(stale.report).toBeNull();
    expect(stale.userErrors).toEqual([{ code: 'STALE_VERSION', field: ['input', 'version'], message: expect.stringContaining('您读取的是版本 1，现为版本 2') }]);
    expect(ok(await t.gql(REPORTS, { id: f.studioId })).studio.reports.nodes).toEqual([
      { year: 2025, trainees: 130, economicBenefit: '1300000.00', summary: '全年完成攻关项目5项', version: 2 },
    ]);
    const noSuch = ok(await report(manager.token, { year: 2024, version: 3 })).submitStudioReport;
    expect(noSuch.userErrors[0]).toMatchObject({ code: 'NOT_FOUND', field: ['input', 'version'] });
  });

  it('lets exactly one of two concurrent corrections of the same version through', async () => {
    const base = ok(await report(manager.token, { year: 2023 })).submitStudioReport.report;
    const results = await Promise.all([130, 140].map((trainees) => report(manager.token, { year: 2023, trainees, version: base.version })));
    const payloads = results.map((r) => ok(r).submitStudioReport);
    expect(payloads.filter((p) => p.userErrors.length === 0)).toHaveLength(1);
    expect(payloads.filter((p) => p.userErrors[0]?.code === 'STALE_VERSION')).toHaveLength(1);
    const winner = payloads.find((p) => p.report)!.report;
    const stored = ok(await t.gql(REPORTS, { id: f.studioId })).studio.reports.nodes.find((r: any) => r.year === 2023);
    expect(stored).toMatchObject({ trainees: winner.trainees, version: base.version + 1 });
  });

  it('checks the figures: whole non-negative counts, an exact amount, a past or current year', async () => {
    const res = ok(await report(manager.token, { year: 3000, trainees: -1, patentsFiled: -2, economicBenefit: '12.345', summary: '' })).submitStudioReport;
    expect(res.userErrors.map((e: any) => e.field.join('.')).sort()).toEqual(['input.economicBenefit', 'input.patentsFiled', 'input.summary', 'input.trainees', 'input.year']);
    expect(errorCode(await report(manager.token, { year: 2022, economicBenefit: 12.5 }))).toBe('BAD_USER_INPUT');
  });

  it('is the manager’s (or an admin’s) business', async () => {
    expect(errorCode(await report('', { year: 2021 }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await report(otherManager.token, { year: 2021 }))).toBe('FORBIDDEN');
    expect(errorCode(await report(reviewer.token, { year: 2021 }))).toBe('FORBIDDEN');
    expect(errorCode(await report(otherManager.token, { year: 3000, version: 7 }))).toBe('FORBIDDEN');
    expect(ok(await t.gql(REPORTS, { id: f.studioId })).studio.reports.nodes.map((r: any) => r.year)).not.toContain(2021);
  });
});
