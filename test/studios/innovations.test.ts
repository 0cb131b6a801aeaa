import { errorCode, ok, startTestServer, type TestServer } from '../helpers/server';
import { createWorker } from '../helpers/registry';
import { mutate } from '../helpers/competition';
import { setupStudio, type StudioFixture } from '../helpers/studio';
import { studioStaff, type TestUser } from './staff';

const FIELDS = `id title category description economicBenefit patentNumber year registeredAt inventorNames inventors { id } studio { id }`;
const REGISTER = `mutation($input: RegisterInnovationInput!) { registerInnovation(input: $input) { innovation { ${FIELDS} } userErrors { code field message } } }`;
const LIST = `query($filter: InnovationFilter, $first: Int, $after: String) { innovations(filter: $filter, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } nodes { id title category } } }`;

let t: TestServer;
let admin: TestUser;
let manager: TestUser;
let otherManager: TestUser;
let reviewer: TestUser;
let f: StudioFixture;
let pending: StudioFixture;
beforeAll(async () => {
  t = await startTestServer();
  ({ admin, manager, otherManager, reviewer } = await studioStaff(t));
  f = await setupStudio(t, { manager, reviewer, admin, members: 2 });
  pending = await setupStudio(t, { manager: otherManager, reviewer, admin, until: 'APPLIED', members: 1 });
});
afterAll(async () => t.close());

const input = (over: Record<string, unknown> = {}, fx = f) => ({
  studioId: fx.studioId, title: '焊缝自动跟踪装置', category: 'TECHNICAL_INNOVATION', description: '提高焊接合格率',
  inventorWorkerIds: [fx.leaderWorkerId, fx.memberWorkerIds[0]], economicBenefit: '850000.5', ...over,
});
const register = (token: string, over: Record<string, unknown> = {}, fx = f) => t.gql(REGISTER, { input: input(over, fx) }, token);

describe('registerInnovation', () => {
  it('registers an achievement of an accredited studio with its inventors, the benefit as an exact amount, this year', async () => {
    const res = ok(await register(manager.token)).registerInnovation;
    expect(res.userErrors).toEqual([]);
    const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
    expect(res.innovation).toMatchObject({
      title: '焊缝自动跟踪装置', category: 'TECHNICAL_INNOVATION', economicBenefit: '850000.50', patentNumber: null, year,
      inventors: [{ id: f.leaderWorkerId }, { id: f.memberWorkerIds[0] }], studio: { id: f.studioId },
    });
    expect(res.innovation.inventorNames).toHaveLength(2);
    // Public: anonymous viewers read it, without the registry records.
    const pub = ok(await t.gql(`query($id: ID!) { node(id: $id) { ... on Innovation { title inventorNames inventors { id } } } }`, { id: res.innovation.id })).node;
    expect(pub).toEqual({ title: '焊缝自动跟踪装置', inventorNames: res.innovation.inventorNames, inventors: null });
  });

  it('needs a patent number for a PATENT; the benefit is optional', async () => {
    const missing = ok(await register(manager.token, { category: 'PATENT', economicBenefit: null })).registerInnovation;
    expect(missing.userErrors).toEqual([{ code: 'INVALID_INPUT', field: ['input', 'patentNumber'], message: '专利类成果须填写专利号（patentNumber）' }]);
    const patent = ok(await register(manager.token, { category: 'PATENT', patentNumber: 'ZL202410123456.7', economicBenefit: null, title: '一种焊枪夹具' })).registerInnovation;
    expect(patent.innovation).toMatchObject({ category: 'PATENT', patentNumber: 'ZL202410123456.7', economicBenefit: null });
  });

  it('refuses inventors who are not members, naming each, and bad amounts; nothing is registered', async () => {
    const before = ok(await t.gql(LIST, { filter: { studioId: f.studioId } })).innovations.totalCount;
    const outsider = await createWorker(t, admin.token, f.enterpriseId, { name: '外单位' });
    const res = ok(await register(manager.token, { inventorWorkerIds: [f.leaderWorkerId, outsider.id] })).registerInnovation;
    expect(res.userErrors).toEqual([{ code: 'NOT_ELIGIBLE', field: ['input', 'inventorWorkerIds', '1'], message: '外单位 不是本工作室成员，发明人须为工作室成员' }]);
    const bad = ok(await register(manager.token, { inventorWorkerIds: [], economicBenefit: '1.234', title: '' })).registerInnovation;
    expect(bad.userErrors.map((e: any) => e.field.join('.')).sort()).toEqual(['input.economicBenefit', 'input.inventorWorkerIds', 'input.title']);
    expect(errorCode(await register(manager.token, { economicBenefit: 12.5 }))).toBe('BAD_USER_INPUT');
    expect(ok(await t.gql(LIST, { filter: { studioId: f.studioId } })).innovations.totalCount).toBe(before);
  });

  it('is for ACCREDITED studios only', async () => {
    const res = ok(await register(otherManager.token, {}, pending)).registerInnovation;
    expect(res.userErrors).toEqual([{ code: 'INVALID_STATE', field: ['input', 'studioId'], message: '只有已认定的工作室可以登记创新成果（该工作室当前为“已申请”）' }]);
    const suspended = await setupStudio(t, { manager, reviewer, admin, members: 0 });
    await mutate(t, reviewer.token, 'reevaluateStudio', 'ReevaluateStudioInput', { studioId: suspended.studioId, decision: 'SUSPEND', comment: '整改' }, 'studio { id }');
    expect(ok(await register(manager.token, { inventorWorkerIds: [suspended.leaderWorkerId] }, suspended)).registerInnovation.userErrors[0].code).toBe('INVALID_STATE');
  });

  it('is the studio manager’s (or an admin’s) business', async () => {
    expect(errorCode(await register(''))).toBe('UNAUTHENTICATED');
    expect(errorCode(await register(reviewer.token))).toBe('FORBIDDEN');
    expect(errorCode(await register(otherManager.token))).toBe('FORBIDDEN');
    expect(ok(await register(admin.token, { title: '管理员登记' })).registerInnovation.userErrors).toEqual([]);
  });
});

describe('innovations', () => {
  it('filters by studio, category, year and search, and pages', async () => {
    const g = await setupStudio(t, { manager, reviewer, admin, members: 1 });
    for (const [i, category] of ['QC_ACHIEVEMENT', 'QC_ACHIEVEMENT', 'PROCESS_IMPROVEMENT', 'RATIONALIZATION_PROPOSAL', 'QC_ACHIEVEMENT'].entries()) {
      await mutate(t, manager.token, 'registerInnovation', 'RegisterInnovationInput',
        input({ title: `成果${i}${i === 3 ? '节能降耗' : ''}`, category, inventorWorkerIds: [g.leaderWorkerId] }, g), 'innovation { id }');
    }
    const list = async (filter: Record<string, unknown>, first = 10, after?: string) => ok(await t.gql(LIST, { filter: { studioId: g.studioId, ...filter }, first, after })).innovations;
    expect((await list({})).totalCount).toBe(5);
    const qc = await list({ category: 'QC_ACHIEVEMENT' }, 2);
    expect(qc.totalCount).toBe(3);
    expect(qc.nodes.map((n: any) => n.title)).toEqual(['成果4', '成果1']);
    const rest = await list({ category: 'QC_ACHIEVEMENT' }, 2, qc.pageInfo.endCursor);
    expect(rest.nodes.map((n: any) => n.title)).toEqual(['成果0']);
    expect(rest.pageInfo.hasNextPage).toBe(false);
    expect((await list({ search: '节能' })).nodes.map((n: any) => n.title)).toEqual(['成果3节能降耗']);
    const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
    expect((await list({ year })).totalCount).toBe(5);
    expect((await list({ year: year - 1 })).totalCount).toBe(0);
  });

  it('hides the innovations of a studio that is no longer accredited from the public, not from its manager or reviewers', async () => {
    const g = await setupStudio(t, { manager, reviewer, admin, members: 0 });
    const { innovation } = await mutate(t, manager.token, 'registerInnovation', 'RegisterInnovationInput', input({ inventorWorkerIds: [g.leaderWorkerId] }, g), 'innovation { id }');
    await mutate(t, reviewer.token, 'reevaluateStudio', 'ReevaluateStudioInput', { studioId: g.studioId, decision: 'SUSPEND', comment: '整改' }, 'studio { id }');
    const count = async (token?: string) => ok(await t.gql(LIST, { filter: { studioId: g.studioId } }, token)).innovations.totalCount;
    expect(await count()).toBe(0);
    expect(await count(otherManager.token)).toBe(0);
    expect(await count(manager.token)).toBe(1);
    expect(await count(reviewer.token)).toBe(1);
    const one = `query($id: ID!) { innovation(id: $id) { id } node(id: $id) { id } }`;
    expect(ok(await t.gql(one, { id: innovation.id }))).toEqual({ innovation: null, node: null });
    expect(ok(await t.gql(one, { id: innovation.id }, otherManager.token))).toEqual({ innovation: null, node: null });
    expect(ok(await t.gql(one, { id: innovation.id }, manager.token))).toEqual({ innovation: { id: innovation.id }, node: { id: innovation.id } });
  });
});
