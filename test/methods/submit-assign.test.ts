import { Role } from '../../src/auth/role';
import { errorCode, ok, startTestServer, type TestServer } from '../helpers/server';
import { assign, methodInput, methodWorld, reject, reviewerIn, studioOf, submit, uuidOf, type MethodWorld } from './fixture';

let t: TestServer;
let w: MethodWorld;
beforeAll(async () => {
  t = await startTestServer();
  w = await methodWorld(t);
});
afterAll(() => t.close());

const count = async () => Number((await t.orm.em.fork().execute('select count(*)::int as n from operating_method'))[0].n);

describe('submitOperatingMethod', () => {
  it('records a method through the manager’s studio as SUBMITTED, the lead inventor first', async () => {
    const res = await submit(t, methodInput(w), w.manager.token);
    expect(res.userErrors).toEqual([]);
    expect(res.method).toMatchObject({
      proposedName: '高效焊接法', status: 'SUBMITTED', officialName: null, trade: '焊工', steps: ['预热', '分段退焊', '锤击消应力'],
      inventorNames: [w.lead.name, w.coInventor.name], namedAt: null,
    });
    const q = ok(await t.gql(`query($id: ID!) { operatingMethod(id: $id) { studio { id } enterprise { id } submittedByName inventors { id } } }`, { id: res.method.id }, w.manager.token));
    expect(q.operatingMethod).toMatchObject({ studio: { id: w.studioId }, enterprise: { id: w.inventorsEnterprise.id }, inventors: [{ id: w.lead.id }, { id: w.coInventor.id }] });
  });

  it('lets a manager submit without a studio, and an admin through any studio', async () => {
    expect((await submit(t, methodInput(w, { studioId: null }), w.manager.token)).method.status).toBe('SUBMITTED');
    expect((await submit(t, methodInput(w), w.admin.token)).method.status).toBe('SUBMITTED');
  });

  it('refuses anonymous viewers, other roles and the manager of another studio; records nothing', async () => {
    const before = await count();
    expect(errorCode(await t.gql(`mutation($input: SubmitOperatingMethodInput!) { submitOperatingMethod(input: $input) { userErrors { code } } }`, { input: methodInput(w) }))).toBe('UNAUTHENTICATED');
    for (const role of [Role.REVIEWER, Role.ORGANIZER, Role.JUDGE]) {
      const u = await t.user([role]);
      expect(errorCode(await t.gql(`mutation($input: SubmitOperatingMethodInput!) { submitOperatingMethod(input: $input) { userErrors { code } } }`, { input: methodInput(w) }, u.token))).toBe('FORBIDDEN');
    }
    const otherManager = await t.user([Role.STUDIO_MANAGER]);
    expect(errorCode(await t.gql(`mutation($input: SubmitOperatingMethodInput!) { submitOperatingMethod(input: $input) { userErrors { code } } }`, { input: methodInput(w) }, otherManager.token))).toBe('FORBIDDEN');
    // Ownership comes before input: the manager of another studio learns nothing about theirs.
    const bad = methodInput(w, { proposedName: '', inventorWorkerIds: [w.studioId] });
    expect(errorCode(await t.gql(`mutation($input: SubmitOperatingMethodInput!) { submitOperatingMethod(input: $input) { userErrors { code } } }`, { input: bad }, otherManager.token))).toBe('FORBIDDEN');
    expect(await count()).toBe(before);
  });

  it('names every bad field at once and records nothing', async () => {
    const before = await count();
    const res = await submit(t, methodInput(w, { proposedName: ' ', trade: '', steps: ['预热', ' '], inventorWorkerIds: [w.lead.id, w.lead.id], expectedBenefit: 'x'.repeat(2001) }), w.manager.token);
    expect(res.method).toBeNull();
    expect(res.userErrors.map((e: any) => e.field)).toEqual(
      expect.arrayContaining([['input', 'proposedName'], ['input', 'trade'], ['input', 'steps', '1'], ['input', 'inventorWorkerIds', '1'], ['input', 'expectedBenefit']]),
    );
    expect((await submit(t, methodInput(w, { steps: [] }), w.manager.token)).userErrors).toEqual([expect.objectContaining({ field: ['input', 'steps'], code: 'INVALID_INPUT' })]);
    expect((await submit(t, methodInput(w, { inventorWorkerIds: [] }), w.manager.token)).userErrors).toEqual([expect.objectContaining({ field: ['input', 'inventorWorkerIds'] })]);
    expect(await count()).toBe(before);
  });

  it('refuses unknown workers and studios, IDs of the wrong type, and closed studios', async () => {
    const ghost = Buffer.from('Worker:11111111-1111-4111-8111-111111111111').toString('base64url');
    expect((await submit(t, methodInput(w, { inventorWorkerIds: [w.lead.id, ghost] }), w.manager.token)).userErrors).toEqual([
      expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'inventorWorkerIds', '1'] }),
    ]);
    expect((await submit(t, methodInput(w, { inventorWorkerIds: [w.studioId] }), w.manager.token)).userErrors).toEqual([
      expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'inventorWorkerIds', '0'] }),
    ]);
    const ghostStudio = Buffer.from('Studio:11111111-1111-4111-8111-111111111111').toString('base64url');
    expect((await submit(t, methodInput(w, { studioId: ghostStudio }), w.manager.token)).userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'studioId'] })]);
    const revoked = await studioOf(t, w.manager, w.admin, 'REVOKE');
    expect((await submit(t, methodInput(w, { studioId: revoked.studioId }), w.manager.token)).userErrors).toEqual([
      expect.objectContaining({ code: 'INVALID_STATE', field: ['input', 'studioId'], message: expect.stringContaining('“已撤销”') }),
    ]);
  });
});

describe('assignMethodReviewers', () => {
  it('puts REVIEWERs on the method (UNDER_REVIEW); assigning again adds only the new ones', async () => {
    const m = (await submit(t, methodInput(w), w.manager.token)).method;
    const first = await assign(t, m.id, [w.reviewers[0]!.globalId], w.admin.token);
    expect(first.userErrors).toEqual([]);
    expect(first.method).toMatchObject({ status: 'UNDER_REVIEW', reviewers: [{ id: w.reviewers[0]!.globalId }] });
    const again = await assign(t, m.id, w.reviewers.map((r) => r.globalId), w.admin.token);
    const ids = again.method.reviewers.map((r: any) => r.id);
    expect(ids[0]).toBe(w.reviewers[0]!.globalId);
    expect([...ids].sort()).toEqual(w.reviewers.map((r) => r.globalId).sort());
  });

  it('refuses reviewers from the inventors’ or the studio’s enterprise (CONFLICT_OF_INTEREST), and the submitter', async () => {
    const studio = await studioOf(t, w.manager, w.admin);
    const m = (await submit(t, methodInput(w, { studioId: studio.studioId }), w.manager.token)).method;
    const colleague = await reviewerIn(t, w.organizer, w.inventorsEnterprise.id);
    const studioColleague = await reviewerIn(t, w.organizer, studio.enterpriseId);
    const res = await assign(t, m.id, [w.reviewers[0]!.globalId, colleague.globalId, studioColleague.globalId], w.admin.token);
    expect(res.method).toBeNull();
    expect(res.userErrors).toEqual([
      expect.objectContaining({ code: 'CONFLICT_OF_INTEREST', field: ['input', 'reviewerUserIds', '1'] }),
      expect.objectContaining({ code: 'CONFLICT_OF_INTEREST', field: ['input', 'reviewerUserIds', '2'] }),
    ]);
    const selfReviewing = await t.user([Role.STUDIO_MANAGER, Role.REVIEWER]);
    const own = (await submit(t, methodInput(w, { studioId: null }), selfReviewing.token)).method;
    expect((await assign(t, own.id, [selfReviewing.globalId], w.admin.token)).userErrors).toEqual([expect.objectContaining({ code: 'CONFLICT_OF_INTEREST', message: expect.stringContaining('是该操作法的提交人') })]);
    // Nothing was assigned: the method is still waiting for reviewers.
    const after = ok(await t.gql(`query($id: ID!) { operatingMethod(id: $id) { status reviewers { id } } }`, { id: m.id }, w.admin.token));
    expect(after.operatingMethod).toEqual({ status: 'SUBMITTED', reviewers: [] });
  });

  it('refuses users without REVIEWER, unknown users and an empty list', async () => {
    const m = (await submit(t, methodInput(w), w.manager.token)).method;
    const judge = await t.user([Role.JUDGE]);
    const ghost = Buffer.from('User:11111111-1111-4111-8111-111111111111').toString('base64url');
    const res = await assign(t, m.id, [judge.globalId, ghost, w.lead.id], w.admin.token);
    expect(res.userErrors).toEqual([
      expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'reviewerUserIds', '2'] }),
    ]);
    const res2 = await assign(t, m.id, [judge.globalId, ghost], w.admin.token);
    expect(res2.userErrors).toEqual([
      expect.objectContaining({ code: 'NOT_ELIGIBLE', field: ['input', 'reviewerUserIds', '0'], message: expect.stringContaining('不具有评审专家角色') }),
      expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'reviewerUserIds', '1'] }),
    ]);
    expect((await assign(t, m.id, [], w.admin.token)).userErrors).toEqual([expect.objectContaining({ field: ['input', 'reviewerUserIds'] })]);
  });

  it('is for admins only', async () => {
    const m = (await submit(t, methodInput(w), w.manager.token)).method;
    const q = `mutation($input: AssignMethodReviewersInput!) { assignMethodReviewers(input: $input) { userErrors { code } } }`;
    const input = { methodId: m.id, reviewerUserIds: [w.reviewers[0]!.globalId] };
    expect(errorCode(await t.gql(q, { input }))).toBe('UNAUTHENTICATED');
    for (const token of [w.manager.token, w.organizer.token, w.reviewers[0]!.token]) expect(errorCode(await t.gql(q, { input }, token))).toBe('FORBIDDEN');
  });

  it('is refused once the method is rejected (final)', async () => {
    const m = (await submit(t, methodInput(w), w.manager.token)).method;
    const rejected = await reject(t, m.id, '与已命名操作法重复', w.admin.token);
    expect(rejected.method).toMatchObject({ status: 'REJECTED', rejectionReason: '与已命名操作法重复' });
    expect(rejected.method.rejectedAt).toBeTruthy();
    expect((await assign(t, m.id, [w.reviewers[0]!.globalId], w.admin.token)).userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE', message: expect.stringContaining('“未通过”') })]);
    expect((await reject(t, m.id, 'again', w.admin.token)).userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
    expect(uuidOf(m.id)).toMatch(/^[0-9a-f-]{36}$/);
  });
});
