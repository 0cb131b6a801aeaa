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

const SUMMARY = `query($id: ID!) { operatingMethod(id: $id) { adoptionSummary { enterprises workersTrained economicBenefit } adoptions { workersTrained economicBenefit enterprise { id } } } }`;
const day = (d: string) => new Date(`${d}T08:00:00+08:00`).toISOString();

describe('recordMethodAdoption', () => {
  it('starts from zero, and sums adoptions exactly in SQL, counting each enterprise once', async () => {
    const empty = ok(await t.gql(SUMMARY, { id: named })).operatingMethod;
    expect(empty).toEqual({ adoptionSummary: { enterprises: 0, workersTrained: 0, economicBenefit: '0.00' }, adoptions: [] });
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
    expect(read.adoptions).toHaveLength(3);
  });

  it('is for NAMED methods only', async () => {
    const underReview = await methodUnderReview(t, w);
    const res = await adopt(t, { methodId: underReview, enterpriseId: adopters[0]!.id, adoptedAt: new Date().toISOString(), workersTrained: 1, economicBenefit: '1.00' }, w.admin.token);
    expect(res.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE', message: expect.stringContaining('UNDER_REVIEW') })]);
    expect(ok(await t.gql(SUMMARY, { id: underReview }, w.admin.token)).operatingMethod.adoptions).toEqual([]);
  });

  it('refuses bad figures, future and too-early dates, unknown enterprises; records nothing', async () => {
    const base = { methodId: named, enterpriseId: adopters[1]!.id, adoptedAt: new Date().toISOString(), workersTrained: 1, economicBenefit: '1.00' };
    const before = ok(await t.gql(SUMMARY, { id: named })).operatingMethod.adoptionSummary;
    const bad = await adopt(t, { ...base, workersTrained: -1, economicBenefit: '1.005', adoptedAt: new Date(Date.now() + 86_400_000).toISOString() }, w.admin.token);
    expect(bad.userErrors.map((e: any) => e.field)).toEqual([['input', 'adoptedAt'], ['input', 'workersTrained'], ['input', 'economicBenefit']]);
    expect((await adopt(t, { ...base, economicBenefit: '-3' }, w.admin.token)).userErrors).toEqual([expect.objectContaining({ field: ['input', 'economicBenefit'] })]);
    expect((await adopt(t, { ...base, adoptedAt: day('2001-01-01') }, w.admin.token)).userErrors).toEqual([expect.objectContaining({ field: ['input', 'adoptedAt'], message: expect.stringContaining('submitted') })]);
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
