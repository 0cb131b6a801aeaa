import { Role } from '../../src/auth/role';
import { errorCode, ok, startTestServer, type TestServer } from '../helpers/server';
import { createEnterprise, createWorker } from '../helpers/registry';
import { mutate } from '../helpers/competition';

/*
 * The efficacy report's talent sections on a hand-computed case (Y = this year):
 *   A PRIVATE 思明区: standards Y-1-06-01 JUNIOR 50; Y-01-01 JUNIOR 100, SENIOR 300; Y+1-01-01 JUNIOR 999 (not yet).
 *     Chief technicians: a1 Y-01-01..Y+2-12-31 ANNUAL_SALARY; a2 Y-1-01-01..Y-1-12-31 ALLOWANCE.
 *   B PRIVATE 湖里区: standard Y-03-01 JUNIOR 200.05, TECHNICIAN 800. b1 Y-1-06-01..Y+1-05-31 EQUITY, ended early Y-03-31.
 *   C STATE_OWNED 思明区: nothing.
 *   D FOREIGN_INVESTED 湖里区: standard Y-06-01 JUNIOR 150. d1 Y+1-01-01..Y+3-12-31 OPTIONS (not yet).
 * Year Y: standards in force at Y-12-31: A (100/300), B (200.05/800), D (150) → 3 of 4 = 0.75;
 *   JUNIOR mean (100 + 200.05 + 150) / 3 = 150.0166… → 150.02; PRIVATE JUNIOR (100 + 200.05) / 2 = 150.025 → 150.03
 *   (half up, computed in numeric); 湖里区 JUNIOR (200.05 + 150) / 2 = 175.025 → 175.03.
 *   In office during Y: a1 (new), b1 (ended early in Y) → 2 designations at A and B.
 * Year Y-1: A's JUNIOR 50 only → 1 of 4; in office a2 and b1, both new; none ended early in Y-1.
 */
const REPORT = `query($filter: EfficacyFilter!) { efficacyReport(filter: $filter) {
  skillAllowances { asOf
    totals { ...A } byOwnership { ...A } byDistrict { ...A } }
  chiefTechnicians {
    totals { ...C } byOwnership { ...C } byDistrict { ...C } } } }
  fragment A on SkillAllowanceLine { ownership district enterprises enterprisesWithStandard share levels { level enterprises meanYuanPerMonth } }
  fragment C on ChiefTechnicianLine { ownership district enterprises enterprisesWithChiefTechnician designations newDesignations endedEarly annualSalary equity options allowance }`;

const Y = new Date().getUTCFullYear();
let t: TestServer;
let organizer: string;
beforeAll(async () => {
  t = await startTestServer();
  const admin = (await t.user([Role.ADMIN])).token;
  organizer = (await t.user([Role.ORGANIZER])).token;
  const A = await createEnterprise(t, admin, { ownership: 'PRIVATE', district: '思明区' });
  const B = await createEnterprise(t, admin, { ownership: 'PRIVATE', district: '湖里区' });
  await createEnterprise(t, admin, { ownership: 'STATE_OWNED', district: '思明区' });
  const D = await createEnterprise(t, admin, { ownership: 'FOREIGN_INVESTED', district: '湖里区' });
  const standard = (e: { id: string }, effectiveFrom: string, rates: [string, string][]) => mutate(t, admin, 'recordSkillAllowanceStandard', 'RecordSkillAllowanceStandardInput',
    { enterpriseId: e.id, effectiveFrom, rates: rates.map(([level, yuanPerMonth]) => ({ level, yuanPerMonth })) }, 'standard { id }');
  await standard(A, `${Y - 1}-06-01`, [['JUNIOR', '50']]);
  await standard(A, `${Y}-01-01`, [['JUNIOR', '100'], ['SENIOR', '300']]);
  await standard(A, `${Y + 1}-01-01`, [['JUNIOR', '999']]);
  await standard(B, `${Y}-03-01`, [['JUNIOR', '200.05'], ['TECHNICIAN', '800']]);
  await standard(D, `${Y}-06-01`, [['JUNIOR', '150']]);
  const chief = async (e: { id: string }, termFrom: string, termTo: string, incentive: string) => {
    const w = await createWorker(t, admin, e.id, { skillLevel: 'TECHNICIAN' });
    return (await mutate(t, admin, 'designateChiefTechnician', 'DesignateChiefTechnicianInput', { workerId: w.id, termFrom, termTo, incentive }, 'chiefTechnician { id }')).chiefTechnician.id as string;
  };
  await chief(A, `${Y}-01-01`, `${Y + 2}-12-31`, 'ANNUAL_SALARY');
  await chief(A, `${Y - 1}-01-01`, `${Y - 1}-12-31`, 'ALLOWANCE');
  const b1 = await chief(B, `${Y - 1}-06-01`, `${Y + 1}-05-31`, 'EQUITY');
  await mutate(t, admin, 'endChiefTechnicianTerm', 'EndChiefTechnicianTermInput', { chiefTechnicianId: b1, endedOn: `${Y}-03-31`, reason: '调离' }, 'chiefTechnician { id }');
  await chief(D, `${Y + 1}-01-01`, `${Y + 3}-12-31`, 'OPTIONS');
});
afterAll(async () => t.close());

const report = async (filter: Record<string, unknown>, token: string | null = organizer) => ok(await t.gql(REPORT, { filter }, token)).efficacyReport;
const levels = (means: Record<string, [number, string | null]>) =>
  ['JUNIOR', 'INTERMEDIATE', 'SENIOR', 'TECHNICIAN', 'SENIOR_TECHNICIAN'].map((level) => ({ level, enterprises: means[level]?.[0] ?? 0, meanYuanPerMonth: means[level]?.[1] ?? null }));
const chiefLine = (over: Record<string, unknown>) => ({
  ownership: null, district: null, enterprisesWithChiefTechnician: 0, designations: 0, newDesignations: 0, endedEarly: 0, annualSalary: 0, equity: 0, options: 0, allowance: 0, ...over,
});

it('gives the share of enterprises with a standard and exact mean allowances by level, ownership and district', async () => {
  const s = (await report({ year: Y })).skillAllowances;
  expect(s.asOf).toBe(`${Y}-12-31`);
  expect(s.totals).toEqual({ ownership: null, district: null, enterprises: 4, enterprisesWithStandard: 3, share: 0.75,
    levels: levels({ JUNIOR: [3, '150.02'], SENIOR: [1, '300.00'], TECHNICIAN: [1, '800.00'] }) });
  const own = Object.fromEntries(s.byOwnership.map((l: any) => [l.ownership, l]));
  expect(Object.keys(own).sort()).toEqual(['FOREIGN_INVESTED', 'PRIVATE', 'STATE_OWNED']);
  expect(own.PRIVATE).toMatchObject({ enterprises: 2, enterprisesWithStandard: 2, share: 1, levels: levels({ JUNIOR: [2, '150.03'], SENIOR: [1, '300.00'], TECHNICIAN: [1, '800.00'] }) });
  expect(own.STATE_OWNED).toMatchObject({ enterprises: 1, enterprisesWithStandard: 0, share: 0, levels: levels({}) });
  expect(own.FOREIGN_INVESTED).toMatchObject({ enterprises: 1, enterprisesWithStandard: 1, levels: levels({ JUNIOR: [1, '150.00'] }) });
  const dist = Object.fromEntries(s.byDistrict.map((l: any) => [l.district, l]));
  expect(dist['思明区']).toMatchObject({ enterprises: 2, enterprisesWithStandard: 1, share: 0.5, levels: levels({ JUNIOR: [1, '100.00'], SENIOR: [1, '300.00'] }) });
  expect(dist['湖里区']).toMatchObject({ enterprises: 2, enterprisesWithStandard: 2, share: 1, levels: levels({ JUNIOR: [2, '175.03'], TECHNICIAN: [1, '800.00'] }) });
});

it('counts chief technicians in office in the year, by ownership and district', async () => {
  const c = (await report({ year: Y })).chiefTechnicians;
  expect(c.totals).toEqual(chiefLine({ enterprises: 4, enterprisesWithChiefTechnician: 2, designations: 2, newDesignations: 1, endedEarly: 1, annualSalary: 1, equity: 1 }));
  const own = Object.fromEntries(c.byOwnership.map((l: any) => [l.ownership, l]));
  expect(own.PRIVATE).toEqual(chiefLine({ ownership: 'PRIVATE', enterprises: 2, enterprisesWithChiefTechnician: 2, designations: 2, newDesignations: 1, endedEarly: 1, annualSalary: 1, equity: 1 }));
  expect(own.FOREIGN_INVESTED).toEqual(chiefLine({ ownership: 'FOREIGN_INVESTED', enterprises: 1 }));
  expect(own.STATE_OWNED).toEqual(chiefLine({ ownership: 'STATE_OWNED', enterprises: 1 }));
  const dist = Object.fromEntries(c.byDistrict.map((l: any) => [l.district, l]));
  expect(dist['湖里区']).toEqual(chiefLine({ district: '湖里区', enterprises: 2, enterprisesWithChiefTechnician: 1, designations: 1, endedEarly: 1, equity: 1 }));
});

it('reads an earlier year as it stood then', async () => {
  const r = await report({ year: Y - 1 });
  expect(r.skillAllowances.totals).toMatchObject({ enterprises: 4, enterprisesWithStandard: 1, share: 0.25, levels: levels({ JUNIOR: [1, '50.00'] }) });
  expect(r.chiefTechnicians.totals).toEqual(chiefLine({ enterprises: 4, enterprisesWithChiefTechnician: 2, designations: 2, newDesignations: 2, allowance: 1, equity: 1 }));
});

it('narrows to an ownership and a district', async () => {
  const priv = await report({ year: Y, ownership: 'PRIVATE' });
  expect(priv.skillAllowances.totals).toMatchObject({ enterprises: 2, enterprisesWithStandard: 2, share: 1 });
  expect(priv.skillAllowances.byOwnership.map((l: any) => l.ownership)).toEqual(['PRIVATE']);
  expect(priv.chiefTechnicians.totals).toMatchObject({ enterprises: 2, designations: 2 });
  const huli = await report({ year: Y, district: '湖里区', ownership: 'FOREIGN_INVESTED' });
  expect(huli.skillAllowances.totals).toMatchObject({ enterprises: 1, enterprisesWithStandard: 1, levels: levels({ JUNIOR: [1, '150.00'] }) });
  expect(huli.chiefTechnicians.totals).toEqual(chiefLine({ enterprises: 1 }));
});

it('is for organizers and admins, like the rest of the report', async () => {
  expect(errorCode(await t.gql(REPORT, { filter: { year: Y } }))).toBe('UNAUTHENTICATED');
  expect(errorCode(await t.gql(REPORT, { filter: { year: Y } }, (await t.user([Role.NOMINATOR])).token))).toBe('FORBIDDEN');
});
