import { Role } from '../../src/auth/role';
import { createEnterprise, createWorker } from '../helpers/registry';
import { errorCode, ok, startTestServer, type TestServer } from '../helpers/server';
import { methodInput, methodReviewed, methodUnderReview, methodWorld, must, nameIt, reject, review, reviewerIn, scores, submit, type MethodWorld } from './fixture';

let t: TestServer;
let w: MethodWorld;
beforeAll(async () => {
  t = await startTestServer();
  w = await methodWorld(t);
});
afterAll(() => t.close());

const REVIEWS = `query($id: ID!) { operatingMethod(id: $id) { status reviews { total comment reviewerName revisions { nodes { total comment } } } } }`;
const reviewsOf = async (id: string, token = w.admin.token) => ok(await t.gql(REVIEWS, { id }, token)).operatingMethod.reviews;

describe('reviewOperatingMethod', () => {
  it('records an assigned reviewer’s four scores with their total', async () => {
    const id = await methodUnderReview(t, w);
    const res = await review(t, { methodId: id, ...scores([20, 21, 22, 18]) }, w.reviewers[0]!.token);
    expect(res.userErrors).toEqual([]);
    expect(res).toMatchObject({ corrected: false, method: { status: 'UNDER_REVIEW' } });
    expect(res.review).toMatchObject({ innovation: 20, practicality: 21, benefit: 22, promotability: 18, total: 81, comment: '可推广', recommend: true, revisions: { nodes: [] } });
  });

  it('a second review corrects the first and keeps it as a revision; the same review again records nothing', async () => {
    const id = await methodUnderReview(t, w);
    const r = w.reviewers[1]!;
    const first = await review(t, { methodId: id, ...scores([10, 10, 10, 10], { comment: '初评' }) }, r.token);
    const second = await review(t, { methodId: id, ...scores([20, 20, 20, 20], { comment: '复核后上调', recommend: false }) }, r.token);
    expect(second).toMatchObject({ corrected: true, review: { id: first.review.id, total: 80, comment: '复核后上调', recommend: false } });
    expect(second.review.revisions.nodes).toEqual([expect.objectContaining({ total: 40, comment: '初评', recommend: true })]);
    const retry = await review(t, { methodId: id, ...scores([20, 20, 20, 20], { comment: '复核后上调', recommend: false }) }, r.token);
    expect(retry.corrected).toBe(false);
    expect(retry.review.revisions.nodes).toHaveLength(1);
    expect(await reviewsOf(id)).toEqual([{ total: 80, comment: '复核后上调', reviewerName: expect.any(String), revisions: { nodes: [{ total: 40, comment: '初评' }] } }]);
  });

  it('two reviews by the same reviewer at once make one review and one revision, never a second review', async () => {
    const id = await methodUnderReview(t, w);
    const r = w.reviewers[0]!;
    const both = await Promise.all([
      review(t, { methodId: id, ...scores([10, 10, 10, 10]) }, r.token),
      review(t, { methodId: id, ...scores([12, 12, 12, 12]) }, r.token),
    ]);
    expect(both.flatMap((b) => b.userErrors)).toEqual([]);
    expect(both.map((b) => b.corrected).sort()).toEqual([false, true]);
    const [only] = await reviewsOf(id);
    expect(await reviewsOf(id)).toHaveLength(1);
    expect(only.revisions.nodes).toHaveLength(1);
    expect([only.total, only.revisions.nodes[0].total].sort()).toEqual([40, 48]);
  });

  it('refuses scores outside 0–25 and an empty comment, naming each field; records nothing', async () => {
    const id = await methodUnderReview(t, w);
    const res = await review(t, { methodId: id, ...scores([26, -1, 25, 0], { comment: ' ' }) }, w.reviewers[0]!.token);
    expect(res.userErrors.map((e: any) => e.field)).toEqual([['input', 'innovation'], ['input', 'practicality'], ['input', 'comment']]);
    expect(await reviewsOf(id)).toEqual([]);
  });

  it('refuses anonymous viewers, other roles, unassigned reviewers and admins who are not assigned', async () => {
    const id = await methodUnderReview(t, w);
    const q = `mutation($input: ReviewOperatingMethodInput!) { reviewOperatingMethod(input: $input) { userErrors { code } } }`;
    const input = { methodId: id, ...scores([20, 20, 20, 20]) };
    expect(errorCode(await t.gql(q, { input }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(q, { input }, w.manager.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(q, { input }, (await t.user([Role.JUDGE])).token))).toBe('FORBIDDEN');
    const stranger = await reviewerIn(t, w.organizer);
    expect(errorCode(await t.gql(q, { input }, stranger.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(q, { input: { ...input, innovation: 99, comment: '' } }, stranger.token))).toBe('FORBIDDEN'); // assignment before input
    expect(errorCode(await t.gql(q, { input }, w.admin.token))).toBe('FORBIDDEN');
    expect(await reviewsOf(id)).toEqual([]);
  });

  it('refuses a reviewer who has since moved to the inventors’ enterprise (CONFLICT_OF_INTEREST)', async () => {
    const mover = await reviewerIn(t, w.organizer);
    const id = await methodUnderReview(t, w);
    await must(t, 'assignMethodReviewers', 'AssignMethodReviewersInput', { methodId: id, reviewerUserIds: [mover.globalId] }, 'method { id }', w.admin.token);
    await must(t, 'updateWorker', 'UpdateWorkerInput', { workerId: mover.workerId, enterpriseId: w.inventorsEnterprise.id }, 'worker { id }', w.organizer.token);
    const res = await review(t, { methodId: id, ...scores([25, 25, 25, 25]) }, mover.token);
    expect(res.userErrors).toEqual([expect.objectContaining({ code: 'CONFLICT_OF_INTEREST' })]);
    expect(await reviewsOf(id)).toEqual([]);
  });

  it('takes no reviews before reviewers are assigned or after the method is decided', async () => {
    const submitted = (await submit(t, methodInput(w), w.manager.token)).method.id;
    // Not yet assigned to anyone: nobody is an assigned reviewer.
    expect(errorCode(await t.gql(`mutation($input: ReviewOperatingMethodInput!) { reviewOperatingMethod(input: $input) { userErrors { code } } }`, { input: { methodId: submitted, ...scores([1, 1, 1, 1]) } }, w.reviewers[0]!.token))).toBe('FORBIDDEN');
    const id = await methodUnderReview(t, w);
    await reject(t, id, '不具备推广价值', w.admin.token);
    expect((await review(t, { methodId: id, ...scores([20, 20, 20, 20]) }, w.reviewers[0]!.token)).userErrors).toEqual([
      expect.objectContaining({ code: 'INVALID_STATE', message: expect.stringContaining('“未通过”') }),
    ]);
  });
});

describe('nameOperatingMethod', () => {
  it('names a method with ≥3 reviews averaging ≥75: NAMED, namedAt, shown on the inventors’ records', async () => {
    const id = await methodReviewed(t, w, [[19, 19, 19, 18], [20, 20, 20, 15], [18, 18, 18, 21]]); // 75, 75, 75
    const officialName = `${w.lead.name}高效焊接法`;
    const res = await nameIt(t, id, officialName, w.admin.token);
    expect(res.userErrors).toEqual([]);
    expect(res.method).toMatchObject({ status: 'NAMED', officialName });
    expect(Date.parse(res.method.namedAt)).toBeGreaterThan(Date.now() - 60_000);
    const rec = ok(await t.gql(`query($a: ID!, $b: ID!) { a: worker(id: $a) { operatingMethods { nodes { id officialName } } } b: worker(id: $b) { operatingMethods { nodes { id } } } }`, { a: w.lead.id, b: w.coInventor.id }, w.organizer.token));
    expect(rec.a.operatingMethods.nodes).toEqual([{ id, officialName }]);
    expect(rec.b.operatingMethods.nodes).toEqual([{ id }]);
    // Final: no second naming, no rejection, no more reviews.
    expect((await nameIt(t, id, `${w.lead.name}焊接法二`, w.admin.token)).userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
    expect((await reject(t, id, '撤销', w.admin.token)).userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
    expect((await review(t, { methodId: id, ...scores([1, 1, 1, 1]) }, w.reviewers[0]!.token)).userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
  });

  it('refuses with fewer than 3 reviews, and with a mean total under 75, saying which', async () => {
    const two = await methodReviewed(t, w, [[25, 25, 25, 25], [25, 25, 25, 25]]);
    const tooFew = await nameIt(t, two, `${w.lead.name}法甲`, w.admin.token);
    expect(tooFew.userErrors).toEqual([expect.objectContaining({ code: 'NOT_ELIGIBLE', message: '命名至少需要 3 份专家评审，目前只有 2 份' })]);
    const low = await methodReviewed(t, w, [[19, 19, 19, 18], [19, 19, 19, 18], [19, 19, 19, 17]]); // 75, 75, 74 → 74.66
    const weak = await nameIt(t, low, `${w.lead.name}法乙`, w.admin.token);
    // Shown rounded half up (74.666… → 74.67), refused by the exact check 224 < 75 × 3.
    expect(weak.userErrors).toEqual([expect.objectContaining({ code: 'NOT_ELIGIBLE', message: expect.stringMatching(/平均总分不低于 75，本操作法为 74\.67（.*224.*225/) })]);
    const SUMMARY = `query($id: ID!) { operatingMethod(id: $id) { reviewSummary { reviews meanTotal recommending meetsNamingThreshold } } }`;
    expect(ok(await t.gql(SUMMARY, { id: low }, w.admin.token)).operatingMethod.reviewSummary).toEqual({ reviews: 3, meanTotal: 74.67, recommending: 3, meetsNamingThreshold: false });
    // A correction lifts it over the threshold.
    await must(t, 'reviewOperatingMethod', 'ReviewOperatingMethodInput', { methodId: low, ...scores([19, 19, 19, 19]) }, 'review { id }', w.reviewers[2]!.token);
    expect(ok(await t.gql(SUMMARY, { id: low }, w.reviewers[0]!.token)).operatingMethod.reviewSummary).toEqual({ reviews: 3, meanTotal: 75.33, recommending: 3, meetsNamingThreshold: true });
    expect((await nameIt(t, low, `${w.lead.name}法乙`, w.admin.token)).method.status).toBe('NAMED');
    const q = ok(await t.gql(`query($id: ID!) { operatingMethod(id: $id) { status officialName } }`, { id: two }, null));
    expect(q.operatingMethod).toBeNull(); // still under review, so not public
  });

  it('shows the mean total rounded half up to two decimals: 215 over 3 reviews is 71.67, not 71.66', async () => {
    const id = await methodReviewed(t, w, [[18, 18, 18, 18], [18, 18, 18, 17], [18, 18, 18, 18]]); // 72, 71, 72
    const SUMMARY = `query($id: ID!) { operatingMethod(id: $id) { reviewSummary { reviews meanTotal meetsNamingThreshold } } }`;
    expect(ok(await t.gql(SUMMARY, { id }, w.admin.token)).operatingMethod.reviewSummary).toEqual({ reviews: 3, meanTotal: 71.67, meetsNamingThreshold: false });
    const refused = await nameIt(t, id, `${w.lead.name}法丙`, w.admin.token);
    expect(refused.userErrors).toEqual([expect.objectContaining({ code: 'NOT_ELIGIBLE', message: expect.stringMatching(/本操作法为 71\.67（/) })]);
  });

  it('wants the lead inventor’s name in a unique official name', async () => {
    const a = await methodReviewed(t, w, [[20, 20, 20, 20], [20, 20, 20, 20], [20, 20, 20, 20]]);
    const b = await methodReviewed(t, w, [[20, 20, 20, 20], [20, 20, 20, 20], [20, 20, 20, 20]]);
    const noName = await nameIt(t, a, '高效焊接法', w.admin.token);
    expect(noName.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'officialName'], message: expect.stringContaining(w.lead.name) })]);
    // The co-inventor's name is not enough: it must be the lead inventor's.
    expect((await nameIt(t, a, `${w.coInventor.name}焊接法`, w.admin.token)).userErrors).toEqual([expect.objectContaining({ field: ['input', 'officialName'] })]);
    expect((await nameIt(t, a, `${w.lead.name}薄板焊接法`, w.admin.token)).userErrors).toEqual([]);
    const dup = await nameIt(t, b, `${w.lead.name}薄板焊接法`, w.admin.token);
    expect(dup.userErrors).toEqual([expect.objectContaining({ code: 'ALREADY_EXISTS', field: ['input', 'officialName'] })]);
    const still = ok(await t.gql(`query($id: ID!) { operatingMethod(id: $id) { status officialName } }`, { id: b }, w.admin.token));
    expect(still.operatingMethod).toEqual({ status: 'UNDER_REVIEW', officialName: null });
  });

  it('gives one official name to one method when two admins use it at the same moment', async () => {
    const marks: [number, number, number, number][] = [[20, 20, 20, 20], [20, 20, 20, 20], [20, 20, 20, 20]];
    const [a, b] = [await methodReviewed(t, w, marks), await methodReviewed(t, w, marks)];
    const name = `${w.lead.name}同时命名法`;
    const results = await Promise.all([nameIt(t, a, name, w.admin.token), nameIt(t, b, name, w.admin.token)]);
    expect(results.filter((r) => r.method?.status === 'NAMED')).toHaveLength(1);
    expect(results.flatMap((r) => r.userErrors)).toEqual([expect.objectContaining({ code: 'ALREADY_EXISTS', field: ['input', 'officialName'] })]);
  });

  it('names a method whose lead inventor is another worker by that worker’s name', async () => {
    const ent = await createEnterprise(t, w.organizer.token);
    const lead = await createWorker(t, w.organizer.token, ent.id, { name: '陈建国' });
    const id = await methodReviewed(t, w, [[20, 20, 20, 20], [20, 20, 20, 20], [20, 20, 20, 20]], { studioId: null, inventorWorkerIds: [lead.id, w.lead.id] });
    expect((await nameIt(t, id, `${w.lead.name}数控法`, w.admin.token)).userErrors).toEqual([expect.objectContaining({ message: expect.stringContaining('陈建国') })]);
    expect((await nameIt(t, id, '陈建国数控快速对刀法', w.admin.token)).method.status).toBe('NAMED');
  });

  it('naming and rejecting are for admins only', async () => {
    const id = await methodReviewed(t, w, [[20, 20, 20, 20], [20, 20, 20, 20], [20, 20, 20, 20]]);
    const n = `mutation($input: NameOperatingMethodInput!) { nameOperatingMethod(input: $input) { userErrors { code } } }`;
    const r = `mutation($input: RejectOperatingMethodInput!) { rejectOperatingMethod(input: $input) { userErrors { code } } }`;
    expect(errorCode(await t.gql(n, { input: { methodId: id, officialName: `${w.lead.name}法` } }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(r, { input: { methodId: id, reason: 'x' } }))).toBe('UNAUTHENTICATED');
    for (const token of [w.manager.token, w.organizer.token, w.reviewers[0]!.token]) {
      expect(errorCode(await t.gql(n, { input: { methodId: id, officialName: `${w.lead.name}法` } }, token))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(r, { input: { methodId: id, reason: 'x' } }, token))).toBe('FORBIDDEN');
    }
    expect((await reject(t, id, '  ', w.admin.token)).userErrors).toEqual([expect.objectContaining({ field: ['input', 'reason'] })]);
    expect(ok(await t.gql(`query($id: ID!) { operatingMethod(id: $id) { status } }`, { id }, w.admin.token)).operatingMethod.status).toBe('UNDER_REVIEW');
  });
});
