import { errorCode, ok, startTestServer, type TestServer } from '../helpers/server';
import { createEnterprise, createWorker } from '../helpers/registry';
import { mutate } from '../helpers/competition';
import { eligibleLeader, setupStudio } from '../helpers/studio';
import { studioStaff, type TestUser } from './staff';

const STUDIO = `id name kind level status description focusAreas appliedAt accreditedAt reviewDueAt leaderName viewerIsManager
  enterprise { id } leader { id name } manager { displayName } members { nodes { role name worker { id } } }
  decisions { nodes { action from to comment decidedBy { id displayName } } }`;
const APPLY = `mutation($input: ApplyForStudioInput!) { applyForStudio(input: $input) { studio { ${STUDIO} } userErrors { code field message } } }`;
const UPDATE = `mutation($input: UpdateStudioInput!) { updateStudio(input: $input) { studio { ${STUDIO} } userErrors { code field message } } }`;
const RESUBMIT = `mutation($input: ResubmitStudioInput!) { resubmitStudio(input: $input) { studio { ${STUDIO} } userErrors { code field message } } }`;
const REVIEW = `mutation($input: ReviewStudioInput!) { reviewStudio(input: $input) { studio { status } userErrors { code field message } } }`;
const GET = `query($id: ID!) { studio(id: $id) { ${STUDIO} } }`;
const COUNT = `{ studios(filter: { managedByMe: true }) { totalCount } }`;

let t: TestServer;
let admin: TestUser;
let manager: TestUser;
let otherManager: TestUser;
let reviewer: TestUser;
let enterprise: { id: string };
beforeAll(async () => {
  t = await startTestServer();
  ({ admin, manager, otherManager, reviewer } = await studioStaff(t, { managerEmail: 'li.manager@example.com' }));
  enterprise = await createEnterprise(t, admin.token);
});
afterAll(async () => t.close());

const input = (leaderWorkerId: string, over: Record<string, unknown> = {}) => ({
  name: '王晓明劳模创新工作室', kind: 'MODEL_WORKER', enterpriseId: enterprise.id, leaderWorkerId, level: 'CITY',
  description: '焊接机器人工艺攻关', focusAreas: ['焊接工艺', '机器人焊接', '焊接工艺'], ...over,
});
const managedCount = async (token: string) => ok(await t.gql(COUNT, {}, token)).studios.totalCount;

describe('applyForStudio', () => {
  it('creates an APPLIED studio managed by the applicant, the leader as LEADER member, and records the application', async () => {
    const leader = await eligibleLeader(t, admin.token, enterprise.id, 'MODEL_WORKER', '王晓明');
    const res = ok(await t.gql(APPLY, { input: input(leader) }, manager.token)).applyForStudio;
    expect(res.userErrors).toEqual([]);
    expect(res.studio).toMatchObject({
      name: '王晓明劳模创新工作室', kind: 'MODEL_WORKER', level: 'CITY', status: 'APPLIED', focusAreas: ['焊接工艺', '机器人焊接'],
      accreditedAt: null, reviewDueAt: null, leaderName: '王晓明', viewerIsManager: true, enterprise: { id: enterprise.id },
      leader: { id: leader, name: '王晓明' }, manager: { displayName: 'li.manager' },
      members: { nodes: [{ role: 'LEADER', name: '王晓明', worker: { id: leader } }] },
      decisions: { nodes: [{ action: 'APPLY', from: null, to: 'APPLIED', comment: null, decidedBy: { id: manager.globalId, displayName: 'li.manager' } }] },
    });
  });

  it.each([
    ['MODEL_WORKER', 'CRAFTSMAN', /规则“劳模领衔”：劳模创新工作室的领衔人须获得“劳动模范”称号/],
    ['CRAFTSMAN', 'MODEL_WORKER', /规则“工匠领衔”：工匠人才创新工作室的领衔人须获得“工匠”称号/],
  ])('refuses a %s studio whose leader lacks the honor (holding %s instead), naming the rule', async (kind, held, message) => {
    const leader = await createWorker(t, admin.token, enterprise.id);
    await mutate(t, admin.token, 'grantHonor', 'GrantHonorInput', { workerId: leader.id, kind: held, level: 'CITY', year: 2022 }, 'honor { id }');
    const before = await managedCount(manager.token);
    const res = ok(await t.gql(APPLY, { input: input(leader.id, { kind }) }, manager.token)).applyForStudio;
    expect(res.studio).toBeNull();
    expect(res.userErrors).toEqual([{ code: 'NOT_ELIGIBLE', field: ['input', 'leaderWorkerId'], message: expect.stringMatching(message) }]);
    expect(await managedCount(manager.token)).toBe(before);
  });

  it('needs a SKILL_MASTER leader of at least TECHNICIAN: SENIOR is refused, TECHNICIAN and SENIOR_TECHNICIAN pass', async () => {
    const senior = await createWorker(t, admin.token, enterprise.id, { skillLevel: 'SENIOR' });
    const none = await createWorker(t, admin.token, enterprise.id, { skillLevel: null });
    for (const [w, level] of [[senior, '高级工'], [none, '无技能等级']] as const) {
      const res = ok(await t.gql(APPLY, { input: input(w.id, { kind: 'SKILL_MASTER' }) }, manager.token)).applyForStudio;
      expect(res.userErrors).toEqual([{ code: 'NOT_ELIGIBLE', field: ['input', 'leaderWorkerId'], message: expect.stringContaining(`领衔人须为技师及以上等级，${w.name} 为${level}`) }]);
    }
    for (const skillLevel of ['TECHNICIAN', 'SENIOR_TECHNICIAN']) {
      const w = await createWorker(t, admin.token, enterprise.id, { skillLevel });
      const res = ok(await t.gql(APPLY, { input: input(w.id, { kind: 'SKILL_MASTER', name: `技能大师工作室${skillLevel}` }) }, manager.token)).applyForStudio;
      expect(res.userErrors).toEqual([]);
    }
  });

  it('has no leader rule for WORKER_INNOVATION studios, but the leader works at the studio’s enterprise', async () => {
    const plain = await createWorker(t, admin.token, enterprise.id, { skillLevel: 'JUNIOR' });
    expect(ok(await t.gql(APPLY, { input: input(plain.id, { kind: 'WORKER_INNOVATION' }) }, manager.token)).applyForStudio.userErrors).toEqual([]);
    const elsewhere = await createEnterprise(t, admin.token);
    const outsider = await eligibleLeader(t, admin.token, elsewhere.id, 'MODEL_WORKER');
    const res = ok(await t.gql(APPLY, { input: input(outsider) }, manager.token)).applyForStudio;
    expect(res.userErrors).toEqual([{ code: 'NOT_ELIGIBLE', field: ['input', 'leaderWorkerId'], message: expect.stringContaining('规则“同一企业”') }]);
  });

  it('reports bad input with its field and unknown or mistyped IDs', async () => {
    const leader = await eligibleLeader(t, admin.token, enterprise.id, 'MODEL_WORKER');
    const bad = ok(await t.gql(APPLY, { input: input(leader, { name: ' ', focusAreas: ['', 'x'.repeat(101)] }) }, manager.token)).applyForStudio;
    expect(bad.userErrors.map((e: any) => e.field.join('.')).sort()).toEqual(['input.focusAreas.0', 'input.focusAreas.1', 'input.name']);
    const wrongType = ok(await t.gql(APPLY, { input: input(enterprise.id) }, manager.token)).applyForStudio;
    expect(wrongType.userErrors).toEqual([{ code: 'INVALID_INPUT', field: ['input', 'leaderWorkerId'], message: 'leaderWorkerId 不是职工的 ID' }]);
    const gone = Buffer.from('Enterprise:00000000-0000-4000-8000-000000000000').toString('base64url');
    expect(ok(await t.gql(APPLY, { input: input(leader, { enterpriseId: gone }) }, manager.token)).applyForStudio.userErrors[0])
      .toMatchObject({ code: 'NOT_FOUND', field: ['input', 'enterpriseId'] });
  });

  it('is for STUDIO_MANAGERs (and admins): anonymous → UNAUTHENTICATED, a reviewer → FORBIDDEN', async () => {
    const leader = await eligibleLeader(t, admin.token, enterprise.id, 'MODEL_WORKER');
    expect(errorCode(await t.gql(APPLY, { input: input(leader) }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(APPLY, { input: input(leader) }, reviewer.token))).toBe('FORBIDDEN');
    expect(ok(await t.gql(APPLY, { input: input(leader, { name: '管理员代报' }) }, admin.token)).applyForStudio.userErrors).toEqual([]);
  });
});

describe('updateStudio and resubmitStudio', () => {
  it('lets the manager edit while APPLIED, re-checking the leader rule when kind or leader change', async () => {
    const f = await setupStudio(t, { manager, until: 'APPLIED', kind: 'WORKER_INNOVATION', members: 1 });
    const renamed = ok(await t.gql(UPDATE, { input: { studioId: f.studioId, name: '新名称', level: 'PROVINCE', focusAreas: ['数控'] } }, manager.token)).updateStudio;
    expect(renamed.studio).toMatchObject({ name: '新名称', level: 'PROVINCE', focusAreas: ['数控'], kind: 'WORKER_INNOVATION' });
    // The current leader holds no honor: turning the studio into a MODEL_WORKER studio is refused, nothing changes.
    const refused = ok(await t.gql(UPDATE, { input: { studioId: f.studioId, kind: 'MODEL_WORKER', name: '不应保存' } }, manager.token)).updateStudio;
    expect(refused.userErrors).toEqual([{ code: 'NOT_ELIGIBLE', field: ['input', 'leaderWorkerId'], message: expect.stringContaining('“劳动模范”称号') }]);
    expect(ok(await t.gql(GET, { id: f.studioId }, manager.token)).studio).toMatchObject({ name: '新名称', kind: 'WORKER_INNOVATION' });
    // A new, eligible leader (an existing member) together with the new kind: the old leader stays as a core member.
    const member = f.memberWorkerIds[0]!;
    await mutate(t, admin.token, 'grantHonor', 'GrantHonorInput', { workerId: member, kind: 'MODEL_WORKER', level: 'PROVINCE', year: 2024 }, 'honor { id }');
    const changed = ok(await t.gql(UPDATE, { input: { studioId: f.studioId, kind: 'MODEL_WORKER', leaderWorkerId: member } }, manager.token)).updateStudio;
    expect(changed.userErrors).toEqual([]);
    expect(changed.studio.kind).toBe('MODEL_WORKER');
    expect(changed.studio.leader.id).toBe(member);
    // Members by joining date: the old leader (who joined with the application) first, now a core member.
    expect(changed.studio.members.nodes.map((m: any) => [m.worker.id, m.role])).toEqual([[f.leaderWorkerId, 'CORE_MEMBER'], [member, 'LEADER']]);
  });

  it('is refused to anyone but the studio’s manager or an admin', async () => {
    const f = await setupStudio(t, { manager, until: 'APPLIED', members: 0 });
    expect(errorCode(await t.gql(UPDATE, { input: { studioId: f.studioId, name: 'x' } }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(UPDATE, { input: { studioId: f.studioId, name: 'x' } }, otherManager.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(UPDATE, { input: { studioId: f.studioId, name: 'x' } }, reviewer.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(RESUBMIT, { input: { studioId: f.studioId } }, otherManager.token))).toBe('FORBIDDEN');
    // Ownership is checked before the input: a stranger learns nothing about what would be accepted.
    expect(errorCode(await t.gql(UPDATE, { input: { studioId: f.studioId, name: ' ' } }, otherManager.token))).toBe('FORBIDDEN');
    expect(ok(await t.gql(UPDATE, { input: { studioId: f.studioId, name: '管理员改名' } }, admin.token)).updateStudio.studio.name).toBe('管理员改名');
  });

  it('runs the changes-requested loop: REQUEST_CHANGES → edit → resubmit → APPLIED, each move recorded', async () => {
    const f = await setupStudio(t, { manager, reviewer, until: 'APPLIED', members: 0 });
    expect(ok(await t.gql(RESUBMIT, { input: { studioId: f.studioId } }, manager.token)).resubmitStudio.userErrors)
      .toEqual([{ code: 'INVALID_STATE', field: ['input', 'studioId'], message: '工作室当前为“已申请”，不能重新提交（仅限“待补充材料”状态）' }]);
    const asked = ok(await t.gql(REVIEW, { input: { studioId: f.studioId, decision: 'REQUEST_CHANGES', comment: '请补充攻关成果' } }, reviewer.token)).reviewStudio;
    expect(asked.studio.status).toBe('CHANGES_REQUESTED');
    expect(ok(await t.gql(UPDATE, { input: { studioId: f.studioId, description: '补充了三项成果' } }, manager.token)).updateStudio.userErrors).toEqual([]);
    const back = ok(await t.gql(RESUBMIT, { input: { studioId: f.studioId, comment: '已补充' } }, manager.token)).resubmitStudio;
    expect(back.studio).toMatchObject({ status: 'APPLIED', description: '补充了三项成果' });
    expect(back.studio.decisions.nodes.map((d: any) => [d.action, d.from, d.to, d.comment])).toEqual([
      ['APPLY', null, 'APPLIED', null],
      ['REQUEST_CHANGES', 'APPLIED', 'CHANGES_REQUESTED', '请补充攻关成果'],
      ['RESUBMIT', 'CHANGES_REQUESTED', 'APPLIED', '已补充'],
    ]);
  });

  it('refuses edits once the studio is decided', async () => {
    const f = await setupStudio(t, { manager, members: 0 });
    const res = ok(await t.gql(UPDATE, { input: { studioId: f.studioId, name: '改名' } }, manager.token)).updateStudio;
    expect(res.userErrors).toEqual([{ code: 'INVALID_STATE', field: ['input', 'studioId'], message: '申报材料只能在“已申请”或“待补充材料”状态下修改（当前为“已认定”）' }]);
  });
});
