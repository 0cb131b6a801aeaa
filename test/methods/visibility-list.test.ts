import { Role } from '../../src/auth/role';
import { createEnterprise, createWorker } from '../helpers/registry';
import { errorCode, ok, startTestServer, type TestServer } from '../helpers/server';
import {
  adopt, methodInput, methodReviewed, methodUnderReview, methodWorld, must, reject, reviewerIn, scores, studioOf, submit, type Account, type MethodWorld,
} from './fixture';

let t: TestServer;
let w: MethodWorld;
let otherManager: Account;
let stranger: Account;
/** named: NAMED 焊工 ×2 and 钳工 ×1; review: UNDER_REVIEW; mine: SUBMITTED by otherManager; rejected: by w.manager. */
const m = { named: [] as string[], review: '', mine: '', rejected: '', otherStudio: '' };
let otherStudio: string;
let reviewId: string;
let revisionId: string;
let adoptionId: string;
let otherEnterprise: { id: string };

beforeAll(async () => {
  t = await startTestServer();
  w = await methodWorld(t);
  otherManager = await t.user([Role.STUDIO_MANAGER]);
  stranger = await reviewerIn(t, w.organizer);
  otherStudio = (await studioOf(t, otherManager, w.admin)).studioId;
  const good: [number, number, number, number][] = [[20, 20, 20, 20], [20, 20, 20, 20], [20, 20, 20, 20]];
  for (const [i, [name, trade]] of [['高效焊接法', '焊工'], ['薄板100%焊接法', '焊工'], ['精密装配法', '钳工']].entries()) {
    const id = await methodReviewed(t, w, good, { proposedName: name, trade });
    await must(t, 'nameOperatingMethod', 'NameOperatingMethodInput', { methodId: id, officialName: `${w.lead.name}${name}` }, 'method { id }', w.admin.token);
    m.named.push(id);
    if (i === 0) adoptionId = (await adopt(t, { methodId: id, enterpriseId: w.inventorsEnterprise.id, adoptedAt: new Date().toISOString(), workersTrained: 4, economicBenefit: '10.00' }, w.admin.token)).adoption.id;
  }
  m.review = await methodUnderReview(t, w, { proposedName: '快速对刀法', trade: '车工' });
  await must(t, 'reviewOperatingMethod', 'ReviewOperatingMethodInput', { methodId: m.review, ...scores([5, 5, 5, 5]) }, 'review { id }', w.reviewers[0]!.token);
  const corrected = await must(t, 'reviewOperatingMethod', 'ReviewOperatingMethodInput', { methodId: m.review, ...scores([6, 6, 6, 6]) }, 'review { id revisions { nodes { id } } }', w.reviewers[0]!.token);
  reviewId = corrected.review.id;
  revisionId = corrected.review.revisions.nodes[0].id;
  otherEnterprise = await createEnterprise(t, w.organizer.token);
  const otherInventor = await createWorker(t, w.organizer.token, otherEnterprise.id);
  m.mine = (await submit(t, methodInput(w, { studioId: otherStudio, proposedName: '焊缝检测法', inventorWorkerIds: [otherInventor.id] }), otherManager.token)).method.id;
  m.rejected = (await submit(t, methodInput(w, { proposedName: '旧方法' }), w.manager.token)).method.id;
  await reject(t, m.rejected, '已有同类操作法', w.admin.token);
});
afterAll(() => t.close());

const LIST = `query($filter: OperatingMethodFilter, $first: Int, $after: String, $last: Int, $before: String) {
  operatingMethods(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
    totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
const list = async (token: string | null, filter: Record<string, unknown> = {}, page: Record<string, unknown> = { first: 100 }) =>
  ok(await t.gql(LIST, { filter, ...page }, token)).operatingMethods;
const ids = async (token: string | null, filter: Record<string, unknown> = {}) => new Set((await list(token, filter)).edges.map((e: any) => e.node.id));
const one = async (id: string, token: string | null) =>
  ok(await t.gql(`query($id: ID!) { operatingMethod(id: $id) { id status rejectionReason reviews { id } reviewers { id } reviewSummary { reviews } inventors { id } inventorNames } node(id: $id) { id } }`, { id }, token));

describe('who sees which methods', () => {
  it('the public sees NAMED methods only, in lists, by id and through node(id:)', async () => {
    expect(await ids(null)).toEqual(new Set(m.named));
    expect((await one(m.review, null))).toEqual({ operatingMethod: null, node: null });
    const named = await one(m.named[0]!, null);
    expect(named.operatingMethod).toMatchObject({ status: 'NAMED', reviews: null, reviewers: null, reviewSummary: null, inventors: null, inventorNames: [w.lead.name, w.coInventor.name] });
    expect(named.node).toEqual({ id: m.named[0] });
  });

  it('a submitter sees their own (the rejected one with its reason) but not the reviews', async () => {
    expect(await ids(w.manager.token)).toEqual(new Set([...m.named, m.review, m.rejected]));
    expect(await ids(otherManager.token)).toEqual(new Set([...m.named, m.mine]));
    const rejected = await one(m.rejected, w.manager.token);
    expect(rejected.operatingMethod).toMatchObject({ status: 'REJECTED', rejectionReason: '已有同类操作法', reviews: null, inventors: [{ id: w.lead.id }, { id: w.coInventor.id }] });
    expect((await one(m.review, w.manager.token)).operatingMethod).toMatchObject({ status: 'UNDER_REVIEW', reviews: null, reviewers: null, reviewSummary: null });
    expect(await one(m.mine, w.manager.token)).toEqual({ operatingMethod: null, node: null });
  });

  it('assigned reviewers and admins see the method and its reviews; an unassigned reviewer sees neither', async () => {
    const assigned = await one(m.review, w.reviewers[1]!.token);
    expect(assigned.operatingMethod.reviews).toEqual([{ id: reviewId }]);
    expect(assigned.operatingMethod.reviewers).toHaveLength(3);
    expect(assigned.operatingMethod.reviewSummary).toEqual({ reviews: 1 });
    expect((await one(m.review, w.admin.token)).operatingMethod.reviews).toEqual([{ id: reviewId }]);
    expect(await one(m.review, stranger.token)).toEqual({ operatingMethod: null, node: null });
    expect(await ids(stranger.token)).toEqual(new Set(m.named));
    expect((await one(m.named[0]!, stranger.token)).operatingMethod.reviews).toBeNull();
    expect(await ids(w.admin.token)).toEqual(new Set([...m.named, m.review, m.mine, m.rejected]));
  });

  it('node(id:) applies the same rules to reviews, their revisions and adoptions', async () => {
    const q = `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`;
    const all = [reviewId, revisionId, adoptionId];
    expect(ok(await t.gql(q, { ids: all }, w.admin.token)).nodes).toEqual(all.map((id) => ({ id })));
    expect(ok(await t.gql(q, { ids: all }, w.reviewers[2]!.token)).nodes).toEqual(all.map((id) => ({ id })));
    for (const token of [null, w.manager.token, stranger.token]) {
      expect(ok(await t.gql(q, { ids: all }, token)).nodes).toEqual([null, null, { id: adoptionId }]);
    }
  });

  it('a studio lists the methods of it you may see', async () => {
    const q = `query($id: ID!) { operatingMethod(id: $id) { studio { id methods { nodes { id } } } } }`;
    const pub = ok(await t.gql(q, { id: m.named[0] }, null)).operatingMethod.studio;
    expect(pub.id).toBe(w.studioId);
    expect(new Set(pub.methods.nodes.map((x: any) => x.id))).toEqual(new Set(m.named));
    const own = ok(await t.gql(q, { id: m.named[0] }, w.manager.token)).operatingMethod.studio.methods.nodes.map((x: any) => x.id);
    expect(new Set(own)).toEqual(new Set([...m.named, m.review, m.rejected]));
    expect(ok(await t.gql(q, { id: m.mine }, otherManager.token)).operatingMethod.studio).toEqual({ id: otherStudio, methods: { nodes: [{ id: m.mine }] } });
  });
});

describe('operatingMethods', () => {
  it('filters by status, trade, studio and name (the user’s % taken literally)', async () => {
    expect(await ids(w.admin.token, { status: 'NAMED' })).toEqual(new Set(m.named));
    expect(await ids(w.admin.token, { status: 'REJECTED' })).toEqual(new Set([m.rejected]));
    expect(await ids(w.admin.token, { trade: '钳工' })).toEqual(new Set([m.named[2]]));
    expect(await ids(w.admin.token, { studioId: otherStudio })).toEqual(new Set([m.mine]));
    expect(await ids(w.admin.token, { studioId: w.lead.id })).toEqual(new Set());
    expect(await ids(null, { search: '100%' })).toEqual(new Set([m.named[1]]));
    expect(await ids(null, { search: w.lead.name })).toEqual(new Set(m.named)); // official names
    expect(await ids(w.admin.token, { search: '对刀' })).toEqual(new Set([m.review])); // proposed name
    expect(await ids(null, { search: '对刀' })).toEqual(new Set());
    expect(await ids(w.admin.token, { status: 'NAMED', trade: '焊工', studioId: w.studioId, search: '焊接' })).toEqual(new Set(m.named.slice(0, 2)));
    expect(await ids(w.admin.token, { enterpriseId: otherEnterprise.id })).toEqual(new Set([m.mine]));
    expect(await ids(w.admin.token, { inventorWorkerId: w.coInventor.id })).toEqual(new Set([...m.named, m.review, m.rejected]));
    expect(await ids(null, { inventorWorkerId: w.coInventor.id })).toEqual(new Set(m.named));
  });

  it('gives a reviewer their work list', async () => {
    expect(await ids(w.reviewers[0]!.token, { assignedToMe: true })).toEqual(new Set([...m.named, m.review]));
    expect(await ids(w.reviewers[0]!.token, { assignedToMe: true, status: 'UNDER_REVIEW' })).toEqual(new Set([m.review]));
    expect(await ids(stranger.token, { assignedToMe: true })).toEqual(new Set());
    expect(await ids(null, { assignedToMe: true })).toEqual(new Set());
    expect(await ids(w.admin.token, { assignedToMe: true })).toEqual(new Set());
  });

  it('pages forwards and backwards with keyset cursors, newest first, under a filter', async () => {
    const filter = { status: 'NAMED' };
    const seen: string[] = [];
    let page = await list(null, filter, { first: 2 });
    expect(page.totalCount).toBe(3);
    seen.push(...page.edges.map((e: any) => e.node.id));
    expect(page.pageInfo.hasNextPage).toBe(true);
    page = await list(null, filter, { first: 2, after: page.pageInfo.endCursor });
    seen.push(...page.edges.map((e: any) => e.node.id));
    expect(page.pageInfo).toMatchObject({ hasNextPage: false });
    expect(seen).toEqual([...m.named].reverse());
    const back = await list(null, filter, { last: 2, before: page.pageInfo.endCursor });
    expect(back.edges.map((e: any) => e.node.id)).toEqual([m.named[2], m.named[1]]);
    expect(errorCode(await t.gql(LIST, { first: 101 }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.gql(LIST, { first: 1, after: 'not-a-cursor' }))).toBe('BAD_USER_INPUT');
  });

  it('reads a page with every nested field in the same number of statements however long it is', async () => {
    // The small page is the one method that has every kind of child (reviews, adoptions), so each loader runs in both.
    const q = `query($first: Int, $filter: OperatingMethodFilter) { operatingMethods(first: $first, filter: $filter) { edges { node { id inventorNames inventors { id } enterprise { id } studio { id methods { nodes { id } } }
      submittedByName viewerIsReviewer reviewers { displayName } reviews { reviewerName revisions { nodes { total } } }
      adoptions { nodes { enterprise { name } } } adoptionSummary { economicBenefit } } } } }`;
    const small = await t.countStatements(async () => expect(ok(await t.gql(q, { first: 1, filter: { search: '高效焊接法' } }, w.admin.token)).operatingMethods.edges).toHaveLength(1));
    const large = await t.countStatements(async () => expect(ok(await t.gql(q, { first: 6 }, w.admin.token)).operatingMethods.edges).toHaveLength(6));
    expect(large).toBe(small);
    const rec = `query($id: ID!) { worker(id: $id) { operatingMethods { nodes { id } } } }`;
    const workers = `query { workers(first: 50) { edges { node { operatingMethods { nodes { id } } } } } }`;
    const oneWorker = await t.countStatements(async () => ok(await t.gql(rec, { id: w.lead.id }, w.organizer.token)));
    const manyWorkers = await t.countStatements(async () => ok(await t.gql(workers, {}, w.organizer.token)));
    expect(manyWorkers).toBeLessThanOrEqual(oneWorker + 1); // the page query adds one count
  });
});

// Last: it adds a NAMED method, which the list tests above do not expect.
describe('a method’s studio', () => {
  it('is shown only to those who may see the studio: a suspended one is hidden from the public, the method is not', async () => {
    const studio = await studioOf(t, w.manager, w.admin);
    const id = await methodReviewed(t, w, [[20, 20, 20, 20], [20, 20, 20, 20], [20, 20, 20, 20]], { studioId: studio.studioId, proposedName: '停用工作室的方法' });
    await must(t, 'nameOperatingMethod', 'NameOperatingMethodInput', { methodId: id, officialName: `${w.lead.name}停用工作室的方法` }, 'method { id }', w.admin.token);
    const q = `query($id: ID!) { operatingMethod(id: $id) { status studio { id } } }`;
    expect(ok(await t.gql(q, { id }, null)).operatingMethod).toEqual({ status: 'NAMED', studio: { id: studio.studioId } });
    await must(t, 'reevaluateStudio', 'ReevaluateStudioInput', { studioId: studio.studioId, decision: 'SUSPEND', comment: '整改' }, 'studio { status }', studio.reviewerToken);
    expect(ok(await t.gql(q, { id }, null)).operatingMethod).toEqual({ status: 'NAMED', studio: null });
    expect(ok(await t.gql(q, { id }, w.manager.token)).operatingMethod.studio).toEqual({ id: studio.studioId });
    expect(ok(await t.gql(`query($id: ID!) { studio(id: $id) { methods { nodes { id } } } }`, { id: studio.studioId }, w.manager.token)).studio.methods.nodes).toEqual([{ id }]);
  });
});
