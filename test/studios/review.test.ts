import { Role } from '../../src/auth/role';
import { errorCode, ok, startTestServer, type TestServer } from '../helpers/server';
import { createWorker } from '../helpers/registry';
import { setupStudio } from '../helpers/studio';

const REVIEW = `mutation($input: ReviewStudioInput!) { reviewStudio(input: $input) {
  studio { status accreditedAt reviewDueAt decisions { nodes { action from to comment at decidedBy { id } } } } userErrors { code field message } } }`;
const REEVALUATE = `mutation($input: ReevaluateStudioInput!) { reevaluateStudio(input: $input) {
  studio { status accreditedAt reviewDueAt decisions { nodes { action from to comment decidedBy { id } } } } userErrors { code field message } } }`;
const GET = `query($id: ID!) { studio(id: $id) { status reviewDueAt decisions { nodes { action } } } }`;

let t: TestServer;
let admin: { token: string };
let manager: { id: string; globalId: string; token: string };
let reviewer: { id: string; globalId: string; token: string };
beforeAll(async () => {
  t = await startTestServer();
  admin = await t.user([Role.ADMIN]);
  manager = await t.user([Role.STUDIO_MANAGER]);
  reviewer = await t.user([Role.REVIEWER]);
});
afterAll(async () => t.close());

const review = (token: string, studioId: string, decision: string, comment?: string) =>
  t.gql(REVIEW, { input: { studioId, decision, ...(comment != null ? { comment } : {}) } }, token);
const reevaluate = (token: string, studioId: string, decision: string, comment?: string) =>
  t.gql(REEVALUATE, { input: { studioId, decision, ...(comment != null ? { comment } : {}) } }, token);
const applied = () => setupStudio(t, { manager, reviewer, admin, until: 'APPLIED', members: 0 });
const yearsBetween = (a: string, b: string) => new Date(b).getUTCFullYear() - new Date(a).getUTCFullYear();

describe('reviewStudio', () => {
  it('accredits: accreditedAt now, re-evaluation due three years on, the decision kept with who and when', async () => {
    const f = await applied();
    const before = Date.now();
    const res = ok(await review(reviewer.token, f.studioId, 'ACCREDIT', '材料齐全')).reviewStudio;
    expect(res.userErrors).toEqual([]);
    const s = res.studio;
    expect(s.status).toBe('ACCREDITED');
    expect(new Date(s.accreditedAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(yearsBetween(s.accreditedAt, s.reviewDueAt)).toBe(3);
    expect(s.reviewDueAt.slice(4)).toBe(s.accreditedAt.slice(4));
    expect(s.decisions.nodes[1]).toMatchObject({ action: 'ACCREDIT', from: 'APPLIED', to: 'ACCREDITED', comment: '材料齐全', decidedBy: { id: reviewer.globalId } });
    expect(new Date(s.decisions.nodes[1].at).getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it('rejects with a comment (required), and REJECTED is final', async () => {
    const f = await applied();
    const noComment = ok(await review(reviewer.token, f.studioId, 'REJECT')).reviewStudio;
    expect(noComment.userErrors).toEqual([{ code: 'INVALID_INPUT', field: ['input', 'comment'], message: '“不予认定”须填写意见' }]);
    expect(ok(await t.gql(GET, { id: f.studioId }, reviewer.token)).studio.status).toBe('APPLIED');
    expect(ok(await review(reviewer.token, f.studioId, 'REJECT', '不符合条件')).reviewStudio.studio.status).toBe('REJECTED');
    for (const d of ['ACCREDIT', 'REQUEST_CHANGES', 'REJECT']) {
      const again = ok(await review(admin.token, f.studioId, d, '再审')).reviewStudio;
      expect(again.userErrors[0]).toMatchObject({ code: 'INVALID_STATE', message: expect.stringContaining('工作室当前为“未通过”') });
    }
    const renew = ok(await reevaluate(admin.token, f.studioId, 'RENEW')).reevaluateStudio;
    expect(renew.userErrors[0]).toMatchObject({ code: 'INVALID_STATE', message: '工作室当前为“未通过”，不能续期（仅限“已认定”或“暂停”状态）' });
    // The same refusal for a reader who asked for English names the statuses by their English labels.
    const inEnglish = ok(await t.gql(REEVALUATE, { input: { studioId: f.studioId, decision: 'RENEW' } }, admin.token, { locale: 'en' })).reevaluateStudio;
    expect(inEnglish.userErrors).toEqual([{ code: 'INVALID_STATE', field: ['input', 'studioId'], message: 'Renew is not possible while the studio is Rejected (only from Accredited or Suspended)' }]);
  });

  it('refuses a decision on a studio of the reviewer’s own enterprise, and by the studio’s own manager', async () => {
    const f = await applied();
    const colleague = await createWorker(t, admin.token, f.enterpriseId);
    const insider = await t.user([Role.REVIEWER], { workerId: colleague.id });
    const res = ok(await review(insider.token, f.studioId, 'ACCREDIT')).reviewStudio;
    expect(res.studio).toBeNull();
    expect(res.userErrors).toEqual([{ code: 'CONFLICT_OF_INTEREST', field: ['input', 'studioId'], message: '该工作室属于您所在的企业，您不能对其作出决定' }]);
    // An admin is bound by the same rule.
    const insiderAdmin = await t.user([Role.ADMIN], { workerId: (await createWorker(t, admin.token, f.enterpriseId)).id });
    expect(ok(await review(insiderAdmin.token, f.studioId, 'ACCREDIT')).reviewStudio.userErrors[0].code).toBe('CONFLICT_OF_INTEREST');
    const selfReviewer = await t.user([Role.STUDIO_MANAGER, Role.REVIEWER]);
    const own = await setupStudio(t, { manager: selfReviewer, reviewer, admin, until: 'APPLIED', members: 0 });
    expect(ok(await review(selfReviewer.token, own.studioId, 'ACCREDIT')).reviewStudio.userErrors[0])
      .toMatchObject({ code: 'CONFLICT_OF_INTEREST', message: '您是该工作室的管理员，不能对其作出决定' });
    expect(ok(await t.gql(GET, { id: f.studioId }, reviewer.token)).studio).toMatchObject({ status: 'APPLIED', decisions: { nodes: [{ action: 'APPLY' }] } });
    // The same reviewer is free to decide on another enterprise's studio; so is a reviewer without a registry record.
    const elsewhere = await setupStudio(t, { manager, reviewer, admin, until: 'APPLIED', members: 0 });
    expect(ok(await review(insider.token, elsewhere.studioId, 'ACCREDIT')).reviewStudio.studio.status).toBe('ACCREDITED');
  });

  it('is for REVIEWERs and ADMINs only', async () => {
    const f = await applied();
    expect(errorCode(await review('', f.studioId, 'ACCREDIT'))).toBe('UNAUTHENTICATED');
    expect(errorCode(await review(manager.token, f.studioId, 'ACCREDIT'))).toBe('FORBIDDEN');
    expect(errorCode(await review((await t.user([Role.ORGANIZER])).token, f.studioId, 'ACCREDIT'))).toBe('FORBIDDEN');
    expect(errorCode(await reevaluate(manager.token, f.studioId, 'RENEW'))).toBe('FORBIDDEN');
    expect(ok(await review(admin.token, f.studioId, 'ACCREDIT')).reviewStudio.studio.status).toBe('ACCREDITED');
  });

  it('answers an unknown studio and a wrong ID type with userErrors', async () => {
    const gone = Buffer.from('Studio:00000000-0000-4000-8000-000000000000').toString('base64url');
    expect(ok(await review(reviewer.token, gone, 'ACCREDIT')).reviewStudio.userErrors).toEqual([{ code: 'NOT_FOUND', field: ['input', 'studioId'], message: '创新工作室不存在' }]);
    expect(ok(await review(reviewer.token, reviewer.globalId, 'ACCREDIT')).reviewStudio.userErrors[0]).toMatchObject({ code: 'INVALID_INPUT', message: 'studioId 不是创新工作室的 ID' });
  });
});

describe('reevaluateStudio', () => {
  it('suspends (comment required), renews a suspended studio with three more years, revokes for good', async () => {
    const f = await setupStudio(t, { manager, reviewer, admin, members: 0 });
    const first = ok(await t.gql(GET, { id: f.studioId })).studio;
    expect(ok(await reevaluate(reviewer.token, f.studioId, 'SUSPEND')).reevaluateStudio.userErrors[0]).toMatchObject({ code: 'INVALID_INPUT', field: ['input', 'comment'] });
    const suspended = ok(await reevaluate(reviewer.token, f.studioId, 'SUSPEND', '年度报告未提交')).reevaluateStudio.studio;
    expect(suspended.status).toBe('SUSPENDED');
    expect(ok(await reevaluate(reviewer.token, f.studioId, 'SUSPEND', '再次')).reevaluateStudio.userErrors[0].code).toBe('INVALID_STATE');
    const renewed = ok(await reevaluate(reviewer.token, f.studioId, 'RENEW')).reevaluateStudio.studio;
    expect(renewed.status).toBe('ACCREDITED');
    expect(new Date(renewed.reviewDueAt).getTime()).toBeGreaterThanOrEqual(new Date(first.reviewDueAt).getTime());
    expect(yearsBetween(new Date().toISOString(), renewed.reviewDueAt)).toBe(3);
    expect(renewed.accreditedAt).toBe(suspended.accreditedAt);
    const revoked = ok(await reevaluate(admin.token, f.studioId, 'REVOKE', '弄虚作假')).reevaluateStudio.studio;
    expect(revoked.status).toBe('REVOKED');
    expect(revoked.decisions.nodes.map((d: any) => `${d.action}:${d.from ?? '-'}→${d.to}`)).toEqual([
      'APPLY:-→APPLIED', 'ACCREDIT:APPLIED→ACCREDITED', 'SUSPEND:ACCREDITED→SUSPENDED', 'RENEW:SUSPENDED→ACCREDITED', 'REVOKE:ACCREDITED→REVOKED',
    ]);
    for (const d of ['RENEW', 'SUSPEND', 'REVOKE']) {
      expect(ok(await reevaluate(admin.token, f.studioId, d, '再议')).reevaluateStudio.userErrors[0].message).toContain('工作室当前为“已撤销”');
    }
  });

  it('cannot re-evaluate an application, and applies the conflict rule too', async () => {
    const f = await applied();
    expect(ok(await reevaluate(reviewer.token, f.studioId, 'RENEW')).reevaluateStudio.userErrors[0])
      .toMatchObject({ code: 'INVALID_STATE', message: '工作室当前为“已申请”，不能续期（仅限“已认定”或“暂停”状态）' });
    const accredited = await setupStudio(t, { manager, reviewer, admin, members: 0 });
    const insider = await t.user([Role.REVIEWER], { workerId: (await createWorker(t, admin.token, accredited.enterpriseId)).id });
    expect(ok(await reevaluate(insider.token, accredited.studioId, 'REVOKE', '撤销')).reevaluateStudio.userErrors[0].code).toBe('CONFLICT_OF_INTEREST');
    expect(ok(await t.gql(GET, { id: accredited.studioId })).studio.status).toBe('ACCREDITED');
  });

  it('serializes concurrent decisions: of two reviewers deciding at once, exactly one wins', async () => {
    const f = await applied();
    const other = await t.user([Role.REVIEWER]);
    const [a, b] = await Promise.all([review(reviewer.token, f.studioId, 'ACCREDIT'), review(other.token, f.studioId, 'REJECT', '不予认定')]);
    const outcomes = [ok(a).reviewStudio, ok(b).reviewStudio];
    expect(outcomes.filter((o) => o.userErrors.length === 0)).toHaveLength(1);
    expect(outcomes.filter((o) => o.userErrors[0]?.code === 'INVALID_STATE')).toHaveLength(1);
    expect(ok(await t.gql(GET, { id: f.studioId }, admin.token)).studio.decisions.nodes).toHaveLength(2);
  });
});
