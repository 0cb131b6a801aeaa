import { Role } from '../../src/auth/role';
import { createEnterprise } from '../helpers/registry';
import { errorCode, ok, startTestServer, type TestServer } from '../helpers/server';
import { adopt, methodReviewed, methodUnderReview, methodWorld, must, type MethodWorld } from './fixture';

let t: TestServer;
let w: MethodWorld;
let named: string;
let adopters: { id: string }[];
beforeAll(async () => {
  t = await startTestServer();
  w = await methodWorld(t);
  named = await methodReviewed(t, w, [[20, 20, 20, 20], [20, 20, 20, 20], [20, 20, 20, 20]]);
  await must(t, 'nameOperatingMethod', 'NameOperatingMethodInput', { methodId: named, officialName: `${w.lead.name}高效焊接法` }, 'method { id }', w.admin.token);
  adopters = [await createEnterprise(t, w.organizer.token), await createEnterprise(t, w.organizer.token)];
});
afterAll(() => t.close());

const SUMMARY = `query($id: ID!) { operatingMethod(id: $id) { adoptionSummary { enterprises workersTrained economicBenefit } adoptions(first: 100) { totalCount nodes { workersTrained economicBenefit enterprise { id } } } } }`;
const day = (d: string) => new Date(`${d}T08:00:00+08:00`).toISOString();

describe('recordMethodAdoption', () => {
  it('starts from zero, and sums adoptions exactly in SQL, counting each enterprise once', async () => {
    const empty = ok(await t.gql(SUMMARY, { id: named })).operatingMethod;
    expect(empty).toEqual({ adoptionSummary: { enterprises: 0, workersTrained: 0, economicBenefit: '0.00' }, adoptions: { totalCount: 0, nodes: [] } });
    const now = new Date().toISOString();
    const first = await adopt(t, { methodId: named, enterpriseId: adopters[0]!.id, adoptedAt: now, workersTrained: 12, economicBenefit: '0.10' }, w.organizer.token);
    expect(first.userErrors).toEqual([]);
    expect(first.adoption).toMatchObject({ workersTrained: 12, economicBenefit: '0.10', enterprise: { id: adopters[0]!.id }, method: { id: named } });
    // Binary floats would make 0.10 + 0.20 = 0.30000000000000004; numeric gives 0.30 and keeps 12 digits whole.
    await adopt(t, { methodId: named, enterpriseId: adopters[0]!.id, adoptedAt: now, workersTrained: 3, economicBenefit: '0.20' }, w.admin.token);
    const last = await adopt(t, { methodId: named, enterpriseId: adopters[1]!.id, adoptedAt: now, workersTrained: 5, economicBenefit: '999999999999.99' }, w.admin.token);
    expect(last.method.adoptionSummary).toEqual({ enterprises: 2, workersTrained: 20, economicBenefit: '1000000000000.29' });
    const read = ok(await t.gql(SUMMARY, { id: named })).operatingMethod;
    expect(read.adoptionSummary).toEqual(last.method.adoptionSummary);
    expect(read.adoptions.nodes).toHaveLength(3);
    expect(read.adoptions.totalCount).toBe(3);
  });

  it('is for NAMED methods only', async () => {
    const underReview = await methodUnderReview(t, w);
    const res = await adopt(t, { methodId: underReview, enterpriseId: adopters[0]!.id, adoptedAt: new Date().toISOString(), workersTrained: 1, economicBenefit: '1.00' }, w.admin.token);
    expect(res.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE', message: '操作法当前为“评审中”，不能登记推广应用（仅在“已命名”时可以）' })]);
    expect(ok(await t.gql(SUMMARY, { id: underReview }, w.admin.token)).operatingMethod.adoptions.nodes).toEqual([]);
    // The same refusal in English, on request.
    const en = ok(await t.gql(
      'mutation($input: RecordMethodAdoptionInput!) { recordMethodAdoption(input: $input) { userErrors { code message } } }',
      { input: { methodId: underReview, enterpriseId: adopters[0]!.id, adoptedAt: new Date().toISOString(), workersTrained: 1, economicBenefit: '1.00' } },
      w.admin.token,
      { locale: 'en' },
    ));
    expect(en.recordMethodAdoption.userErrors).toEqual([{ code: 'INVALID_STATE', message: 'Recording an adoption is not possible while the method is Under review (only when Named)' }]);
  });

  it('refuses bad figures, future and too-early dates, unknown enterprises; records nothing', async () => {
    const base = { methodId: named, enterpriseId: adopters[1]!.id, adoptedAt: new Date().toISOString(), workersTrained: 1, economicBenefit: '1.00' };
    const before = ok(await t.gql(SUMMARY, { id: named })).operatingMethod.adoptionSummary;
    const bad = await adopt(t, { ...base, workersTrained: -1, economicBenefit: '1.005', adoptedAt: new Date(Date.now() + 86_400_000).toISOString() }, w.admin.token);
    expect(bad.userErrors.map((e: any) => e.field)).toEqual([['input', 'adoptedAt'], ['input', 'workersTrained'], ['input', 'economicBenefit']]);
    expect((await adopt(t, { ...base, economicBenefit: '-3' }, w.admin.token)).userErrors).toEqual([expect.objectContaining({ field: ['input', 'economicBenefit'] })]);
    expect((await adopt(t, { ...base, adoptedAt: day('2001-01-01') }, w.admin.token)).userErrors).toEqual([expect.objectContaining({ field: ['input', 'adoptedAt'], message: '推广应用日期不能早于操作法的提交日期' })]);
    const ghost = Buffer.from('Enterprise:11111111-1111-4111-8111-111111111111').toString('base64url');
    expect((await adopt(t, { ...base, enterpriseId: ghost }, w.admin.token)).userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'enterpriseId'] })]);
    expect(ok(await t.gql(SUMMARY, { id: named })).operatingMethod.adoptionSummary).toEqual(before);
  });

  it('is for admins and organizers only', async () => {
    const q = `mutation($input: RecordMethodAdoptionInput!) { recordMethodAdoption(input: $input) { userErrors { code } } }`;
    const input = { methodId: named, enterpriseId: adopters[0]!.id, adoptedAt: new Date().toISOString(), workersTrained: 1, economicBenefit: '1.00' };
    expect(errorCode(await t.gql(q, { input }))).toBe('UNAUTHENTICATED');
    for (const token of [w.manager.token, w.reviewers[0]!.token, (await t.user([Role.JUDGE])).token]) expect(errorCode(await t.gql(q, { input }, token))).toBe('FORBIDDEN');
  });
});

describe('OperatingMethod.adoptions as a connection', () => {
  const PAGE = `query($id: ID!, $first: Int, $after: String, $orderBy: MethodAdoptionOrder) { operatingMethod(id: $id) {
    adoptions(first: $first, after: $after, orderBy: $orderBy) { totalCount pageInfo { hasNextPage endCursor } nodes { workersTrained } } } }`;
  const page = async (vars: Record<string, unknown>) => ok(await t.gql(PAGE, { id: named, ...vars })).operatingMethod.adoptions;

  it('orders by each field both ways and continues on a second page after the cursor', async () => {
    // The first test recorded 12, 3 and 5 workers trained.
    const asc = await page({ first: 2, orderBy: { field: 'WORKERS_TRAINED' } });
    expect(asc).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true }, nodes: [{ workersTrained: 3 }, { workersTrained: 5 }] });
    const asc2 = await page({ first: 2, after: asc.pageInfo.endCursor, orderBy: { field: 'WORKERS_TRAINED' } });
    expect(asc2).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: false }, nodes: [{ workersTrained: 12 }] });
    const desc = await page({ first: 2, orderBy: { field: 'WORKERS_TRAINED', direction: 'DESC' } });
    expect(desc.nodes).toEqual([{ workersTrained: 12 }, { workersTrained: 5 }]);
    const desc2 = await page({ first: 2, after: desc.pageInfo.endCursor, orderBy: { field: 'WORKERS_TRAINED', direction: 'DESC' } });
    expect(desc2.nodes).toEqual([{ workersTrained: 3 }]);
    const benefit = await page({ first: 3, orderBy: { field: 'ECONOMIC_BENEFIT', direction: 'DESC' } });
    expect(benefit.nodes.map((n: any) => n.workersTrained)).toEqual([5, 3, 12]); // 999999999999.99, 0.20, 0.10
  });

  it('costs the same number of statements for 2 methods as for 5, each asking its first page of adoptions', async () => {
    for (let i = 0; i < 4; i++) {
      const id = await methodReviewed(t, w, [[20, 20, 20, 20], [20, 20, 20, 20], [20, 20, 20, 20]], { proposedName: `节能操作法${i}` });
      await must(t, 'nameOperatingMethod', 'NameOperatingMethodInput', { methodId: id, officialName: `${w.lead.name}节能操作法${i}` }, 'method { id }', w.admin.token);
      for (const e of adopters) await adopt(t, { methodId: id, enterpriseId: e.id, adoptedAt: new Date().toISOString(), workersTrained: i + 1, economicBenefit: '1.00' }, w.admin.token);
    }
    const q = `query($first: Int) { operatingMethods(first: $first, filter: { status: NAMED }) { nodes { id
      adoptions(first: 2, orderBy: { field: WORKERS_TRAINED, direction: DESC }) { totalCount nodes { workersTrained enterprise { id } } } } } }`;
    const run = async (first: number) => {
      let data: any;
      const n = await t.countStatements(async () => {
        data = ok(await t.gql(q, { first }));
      });
      return { n, data };
    };
    await run(2); // warm-up
    const small = await run(2);
    const large = await run(5);
    expect(small.data.operatingMethods.nodes).toHaveLength(2);
    expect(large.data.operatingMethods.nodes).toHaveLength(5);
    expect(large.data.operatingMethods.nodes.map((m: any) => m.adoptions.totalCount).sort()).toEqual([2, 2, 2, 2, 3]);
    expect(large.n).toBe(small.n);
  }, 120_000); // four more methods reviewed and named through the API first
});
