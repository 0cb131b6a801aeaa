import { Role } from '../../src/auth/role';
import { errorCode, ok, startTestServer, type TestServer } from '../helpers/server';
import { methodInput, methodUnderReview, methodWorld, must, review, reviewerIn, run, scores, type MethodWorld } from './fixture';

let t: TestServer;
let w: MethodWorld;
beforeAll(async () => {
  t = await startTestServer();
  w = await methodWorld(t);
});
afterAll(() => t.close());

const remove = (methodId: string, reviewerUserId: string, token: string | null, locale?: string) =>
  t.gql(
    `mutation($input: RemoveMethodReviewerInput!) { removeMethodReviewer(input: $input) { method { id status reviewers { id } } userErrors { code field message } } }`,
    { input: { methodId, reviewerUserId } },
    token,
    locale ? { locale } : undefined,
  );
const reviewersOf = async (id: string) => ok(await t.gql('query($id: ID!) { operatingMethod(id: $id) { status reviewers { id } } }', { id }, w.admin.token)).operatingMethod;

describe('removeMethodReviewer', () => {
  it('takes off a reviewer who has not reviewed; the last one going sends the method back to SUBMITTED', async () => {
    const id = await methodUnderReview(t, w);
    const [a, b, c] = w.reviewers.map((r) => r.globalId) as [string, string, string];
    const first = ok(await remove(id, a, w.admin.token)).removeMethodReviewer;
    // Assigned in one call, the two left share an assignment time: their order between them is the ids'.
    expect(first).toEqual({ method: { id, status: 'UNDER_REVIEW', reviewers: expect.arrayContaining([{ id: b }, { id: c }]) }, userErrors: [] });
    expect(first.method.reviewers).toHaveLength(2);
    // The removed expert may no longer review it.
    expect(errorCode(await t.gql('mutation($input: ReviewOperatingMethodInput!) { reviewOperatingMethod(input: $input) { userErrors { code } } }', { input: { methodId: id, ...scores([20, 20, 20, 20]) } }, w.reviewers[0]!.token))).toBe('FORBIDDEN');
    ok(await remove(id, b, w.admin.token));
    const last = ok(await remove(id, c, w.admin.token)).removeMethodReviewer;
    expect(last.method).toEqual({ id, status: 'SUBMITTED', reviewers: [] });
    // … and can be assigned again from there.
    await must(t, 'assignMethodReviewers', 'AssignMethodReviewersInput', { methodId: id, reviewerUserIds: [a] }, 'method { id }', w.admin.token);
    expect(await reviewersOf(id)).toEqual({ status: 'UNDER_REVIEW', reviewers: [{ id: a }] });
  });

  it('refuses to take off an expert who has reviewed (the review stays on record), and one not assigned; nothing changes', async () => {
    const id = await methodUnderReview(t, w);
    await review(t, { methodId: id, ...scores([20, 20, 20, 20]) }, w.reviewers[1]!.token);
    const refused = ok(await remove(id, w.reviewers[1]!.globalId, w.admin.token)).removeMethodReviewer;
    expect(refused).toEqual({ method: null, userErrors: [{ code: 'INVALID_STATE', field: ['input', 'reviewerUserId'], message: expect.stringMatching(/已提交评审，不能撤销/) }] });
    const en = ok(await remove(id, w.reviewers[1]!.globalId, w.admin.token, 'en')).removeMethodReviewer;
    expect(en.userErrors[0].message).toMatch(/has already reviewed this method and cannot be removed/);
    const stranger = await reviewerIn(t, w.organizer);
    expect(ok(await remove(id, stranger.globalId, w.admin.token)).removeMethodReviewer.userErrors).toEqual([
      { code: 'NOT_FOUND', field: ['input', 'reviewerUserId'], message: '该用户不是此操作法的评审专家' },
    ]);
    expect(ok(await remove(id, id, w.admin.token)).removeMethodReviewer.userErrors).toMatchObject([{ code: 'INVALID_INPUT', field: ['input', 'reviewerUserId'] }]);
    expect((await reviewersOf(id)).reviewers).toHaveLength(3);
  });

  it('only while UNDER_REVIEW, and only by an admin', async () => {
    const submitted = await must(t, 'submitOperatingMethod', 'SubmitOperatingMethodInput', methodInput(w), 'method { id }', w.manager.token);
    const notYet = ok(await remove(submitted.method.id, w.reviewers[0]!.globalId, w.admin.token)).removeMethodReviewer;
    expect(notYet.userErrors).toEqual([{ code: 'INVALID_STATE', field: null, message: '操作法当前为“已提交”，不能撤销评审专家（仅在“评审中”时可以）' }]);
    const id = await methodUnderReview(t, w);
    expect(errorCode(await remove(id, w.reviewers[0]!.globalId, null))).toBe('UNAUTHENTICATED');
    for (const token of [w.manager.token, w.organizer.token, w.reviewers[0]!.token, (await t.user([Role.JUDGE])).token]) {
      expect(errorCode(await remove(id, w.reviewers[0]!.globalId, token))).toBe('FORBIDDEN');
    }
    expect((await reviewersOf(id)).reviewers).toHaveLength(3);
  });

  it('keeps a method to at most 20 reviewers in all', async () => {
    const id = await methodUnderReview(t, w);
    const more = await Promise.all(Array.from({ length: 18 }, () => reviewerIn(t, w.organizer)));
    const over = await run(t, 'assignMethodReviewers', 'AssignMethodReviewersInput', { methodId: id, reviewerUserIds: more.map((r) => r.globalId) }, 'method { id }', w.admin.token);
    expect(over.userErrors).toEqual([{ code: 'INVALID_INPUT', field: ['input', 'reviewerUserIds'], message: '一项操作法最多 20 名评审专家（已有 3 名，本次新增 18 名）' }]);
    await must(t, 'assignMethodReviewers', 'AssignMethodReviewersInput', { methodId: id, reviewerUserIds: more.slice(0, 17).map((r) => r.globalId) }, 'method { id }', w.admin.token);
    expect((await reviewersOf(id)).reviewers).toHaveLength(20);
  }, 120_000); // eighteen more reviewers made through the API first
});
