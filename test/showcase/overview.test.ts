import { Role } from '../../src/auth/role';
import { Level } from '../../src/registry/enums';
import { InnovationCategory as C, StudioKind as K, StudioStatus as S } from '../../src/studios/enums';
import { MethodStatus } from '../../src/methods/enums';
import { FundingSourceKind as F, ProjectStage as P } from '../../src/incubation/enums';
import { errorCode, ok, startTestServer, type TestServer } from '../helpers/server';
import { fixture, makeAdoption, makeFunding, makeInnovation, makeMethod, makeProject, makeReport, makeStudio } from './fixtures';

const Q = `query($filter: InnovationOverviewFilter) { innovationOverview(filter: $filter) {
  year district
  studios { total byKind { kind count } byLevel { level count } byStatus { status count } dueForReevaluation overdueForReevaluation }
  innovations { total byCategory { category count } economicBenefit }
  methods { submitted named adopted adoptions workersTrained economicBenefit }
  projects { total byStage { stage count } funding fundingBySource { sourceKind amount } }
  studioReports { reports trainees apprenticesMentored projectsCompleted patentsFiled economicBenefit }
  workersTrained { byMethodAdoptions byStudios total }
  economicBenefit { innovations methodAdoptions studioReports total } } }`;

let t: TestServer;
const day = 86400_000;
const at = (iso: string) => new Date(iso);

/** Non-zero entries of a by-enum list, as an object. */
const counts = (list: { count?: number; amount?: string }[], key: string) =>
  Object.fromEntries(list.filter((x: any) => x.count !== 0 && x.amount !== '0.00').map((x: any) => [x[key], x.count ?? x.amount]));

async function overview(filter?: Record<string, unknown>, token?: string) {
  return ok(await t.gql(Q, { filter }, token)).innovationOverview;
}

beforeAll(async () => {
  t = await startTestServer();
  const f = await fixture(t);
  const u = (await t.user([Role.STUDIO_MANAGER])).id;
  const a = await f.enterprise('思明区');
  const a2 = await f.enterprise('思明区');
  const b = await f.enterprise('湖里区');
  const now = Date.now();
  // Studios: two districts, 2024 and 2025 applications, re-evaluation due soon, overdue, later, and not applicable.
  const s1 = await makeStudio(t, a, u, { kind: K.MODEL_WORKER, level: Level.CITY, status: S.ACCREDITED, appliedAt: at('2024-03-01T02:00:00Z'), reviewDueAt: new Date(now + 30 * day) });
  const s2 = await makeStudio(t, a2, u, { kind: K.CRAFTSMAN, level: Level.DISTRICT, status: S.ACCREDITED, appliedAt: at('2025-05-01T02:00:00Z'), reviewDueAt: new Date(now - 10 * day) });
  await makeStudio(t, a, u, { kind: K.WORKER_INNOVATION, level: Level.CITY, status: S.APPLIED, appliedAt: at('2025-06-01T02:00:00Z'), reviewDueAt: null });
  await makeStudio(t, a, u, { kind: K.SKILL_MASTER, level: Level.PROVINCE, status: S.SUSPENDED, appliedAt: at('2024-01-10T02:00:00Z'), reviewDueAt: new Date(now + 200 * day) });
  const s5 = await makeStudio(t, b, u, { kind: K.MODEL_WORKER, level: Level.CITY, status: S.ACCREDITED, appliedAt: at('2025-02-01T02:00:00Z'), reviewDueAt: new Date(now + 60 * day) });
  await makeStudio(t, b, u, { kind: K.WORKER_INNOVATION, level: Level.ENTERPRISE, status: S.REVOKED, appliedAt: at('2025-03-01T02:00:00Z'), reviewDueAt: new Date(now - 100 * day) });
  // Innovations.
  await makeInnovation(t, s1.uuid, u, { category: C.TECHNICAL_INNOVATION, year: 2024, economicBenefit: '1000.50' });
  await makeInnovation(t, s1.uuid, u, { category: C.PATENT, year: 2025, economicBenefit: '2000.25' });
  await makeInnovation(t, s2.uuid, u, { category: C.PATENT, year: 2025, economicBenefit: '0.10' });
  await makeInnovation(t, s5.uuid, u, { category: C.QC_ACHIEVEMENT, year: 2025, economicBenefit: null });
  // Methods and their adoption (counted where the adopting enterprise is).
  const m1 = await makeMethod(t, a, u, { status: MethodStatus.NAMED, submittedAt: at('2024-02-01T02:00:00Z'), namedAt: at('2025-03-01T02:00:00Z') });
  await makeMethod(t, a, u, { status: MethodStatus.SUBMITTED, submittedAt: at('2025-04-01T02:00:00Z') });
  const m3 = await makeMethod(t, b, u, { status: MethodStatus.NAMED, submittedAt: at('2025-01-15T02:00:00Z'), namedAt: at('2025-06-01T02:00:00Z') });
  await makeMethod(t, b, u, { status: MethodStatus.REJECTED, submittedAt: at('2024-05-01T02:00:00Z') });
  await makeAdoption(t, m1.uuid, b.uuid, u, 10, '5000.00', at('2025-05-01T02:00:00Z'));
  await makeAdoption(t, m1.uuid, a2.uuid, u, 5, '100.01', at('2024-07-01T02:00:00Z'));
  await makeAdoption(t, m3.uuid, b.uuid, u, 7, '0.99', at('2025-07-01T02:00:00Z'));
  // Projects and funding; two receipts on either side of New Year in China Standard Time (UTC+8).
  const p1 = await makeProject(t, a, u, { stage: P.INCUBATING, createdAt: at('2024-06-01T02:00:00Z') });
  const p2 = await makeProject(t, a, u, { stage: P.GRADUATED, createdAt: at('2025-02-01T02:00:00Z') });
  const p3 = await makeProject(t, b, u, { stage: P.IDEA, createdAt: at('2025-03-01T02:00:00Z') });
  await makeProject(t, b, u, { stage: P.TERMINATED, createdAt: at('2024-08-01T02:00:00Z') });
  await makeFunding(t, p2.uuid, u, '300000.00', F.UNION, at('2025-03-01T02:00:00Z'));
  await makeFunding(t, p2.uuid, u, '150000.50', F.FINANCIAL_INSTITUTION, at('2024-12-31T17:00:00Z')); // 2025-01-01 01:00 CST
  await makeFunding(t, p1.uuid, u, '20000.00', F.COLLEGE, at('2024-12-31T15:00:00Z')); // 2024-12-31 23:00 CST
  await makeFunding(t, p3.uuid, u, '0.49', F.GOVERNMENT, at('2025-05-05T02:00:00Z'));
  // Annual reports.
  await makeReport(t, s1.uuid, u, 2024, 30, '10000.00');
  await makeReport(t, s1.uuid, u, 2025, 40, '12000.00');
  await makeReport(t, s5.uuid, u, 2025, 25, '500.50');
});
afterAll(async () => t.close());

describe('innovationOverview', () => {
  it('gives the whole city’s figures to anyone, exact decimals as strings', async () => {
    const o = await overview();
    expect(o).toMatchObject({ year: null, district: null });
    expect(o.studios).toMatchObject({ total: 6, dueForReevaluation: 3, overdueForReevaluation: 1 });
    expect(counts(o.studios.byKind, 'kind')).toEqual({ MODEL_WORKER: 2, CRAFTSMAN: 1, SKILL_MASTER: 1, WORKER_INNOVATION: 2 });
    expect(counts(o.studios.byLevel, 'level')).toEqual({ CITY: 3, DISTRICT: 1, PROVINCE: 1, ENTERPRISE: 1 });
    expect(counts(o.studios.byStatus, 'status')).toEqual({ ACCREDITED: 3, APPLIED: 1, SUSPENDED: 1, REVOKED: 1 });
    expect(o.studios.byStatus).toHaveLength(6); // every status, zeros included
    expect(o.innovations).toMatchObject({ total: 4, economicBenefit: '3000.85' });
    expect(counts(o.innovations.byCategory, 'category')).toEqual({ TECHNICAL_INNOVATION: 1, PATENT: 2, QC_ACHIEVEMENT: 1 });
    expect(o.methods).toEqual({ submitted: 4, named: 2, adopted: 2, adoptions: 3, workersTrained: 22, economicBenefit: '5101.00' });
    expect(o.projects).toMatchObject({ total: 4, funding: '470000.99' });
    expect(counts(o.projects.byStage, 'stage')).toEqual({ IDEA: 1, INCUBATING: 1, GRADUATED: 1, TERMINATED: 1 });
    expect(counts(o.projects.fundingBySource, 'sourceKind')).toEqual({ UNION: '300000.00', FINANCIAL_INSTITUTION: '150000.50', COLLEGE: '20000.00', GOVERNMENT: '0.49' });
    expect(o.studioReports).toEqual({ reports: 3, trainees: 95, apprenticesMentored: 3, projectsCompleted: 6, patentsFiled: 3, economicBenefit: '22500.50' });
    expect(o.workersTrained).toEqual({ byMethodAdoptions: 22, byStudios: 95, total: 117 });
    expect(o.economicBenefit).toEqual({ innovations: '3000.85', methodAdoptions: '5101.00', studioReports: '22500.50', total: '30602.35' });
    const staff = await t.user([Role.ORGANIZER]);
    expect(await overview(undefined, staff.token)).toEqual(o);
  });

  it('narrows every figure to a district', async () => {
    const o = await overview({ district: ' 思明区 ' });
    expect(o.district).toBe('思明区');
    expect(o.studios).toMatchObject({ total: 4, dueForReevaluation: 2, overdueForReevaluation: 1 });
    expect(o.innovations).toMatchObject({ total: 3, economicBenefit: '3000.85' });
    expect(o.methods).toEqual({ submitted: 2, named: 1, adopted: 1, adoptions: 1, workersTrained: 5, economicBenefit: '100.01' });
    expect(o.projects).toMatchObject({ total: 2, funding: '470000.50' });
    expect(o.studioReports).toMatchObject({ reports: 2, trainees: 70, economicBenefit: '22000.00' });
    const none = await overview({ district: '翔安区' });
    expect(none.studios.total + none.innovations.total + none.methods.submitted + none.projects.total + none.studioReports.reports).toBe(0);
    expect(none.economicBenefit).toEqual({ innovations: '0.00', methodAdoptions: '0.00', studioReports: '0.00', total: '0.00' });
  });

  it('narrows the flows to a calendar year in China Standard Time; re-evaluation due stays as of now', async () => {
    const o = await overview({ year: 2025 });
    expect(o.year).toBe(2025);
    expect(o.studios).toMatchObject({ total: 4, dueForReevaluation: 3, overdueForReevaluation: 1 });
    expect(counts(o.studios.byStatus, 'status')).toEqual({ ACCREDITED: 2, APPLIED: 1, REVOKED: 1 });
    expect(o.innovations).toMatchObject({ total: 3, economicBenefit: '2000.35' });
    expect(o.methods).toEqual({ submitted: 2, named: 2, adopted: 2, adoptions: 2, workersTrained: 17, economicBenefit: '5000.99' });
    expect(o.projects).toMatchObject({ total: 2, funding: '450000.99' });
    expect(counts(o.projects.byStage, 'stage')).toEqual({ IDEA: 1, GRADUATED: 1 });
    expect(o.studioReports).toMatchObject({ reports: 2, trainees: 65, economicBenefit: '12500.50' });

    const a2025 = await overview({ year: 2025, district: '思明区' });
    expect(counts(a2025.studios.byLevel, 'level')).toEqual({ DISTRICT: 1, CITY: 1 });
    expect(a2025.methods).toEqual({ submitted: 1, named: 1, adopted: 0, adoptions: 0, workersTrained: 0, economicBenefit: '0.00' });
    expect(a2025.projects).toMatchObject({ total: 1, funding: '450000.50' });
    expect(counts(a2025.projects.fundingBySource, 'sourceKind')).toEqual({ UNION: '300000.00', FINANCIAL_INSTITUTION: '150000.50' });
    const a2024 = await overview({ year: 2024, district: '思明区' });
    expect(a2024.projects).toMatchObject({ total: 1, funding: '20000.00' });
    expect(a2024.methods).toMatchObject({ submitted: 1, named: 0, adoptions: 1, workersTrained: 5 });
    const b2024 = await overview({ year: 2024, district: '湖里区' });
    expect(b2024.studios.total).toBe(0);
    expect(b2024.methods).toMatchObject({ submitted: 1, named: 0, adopted: 0 });
  });

  it('is one SQL statement whatever the filter, and refuses an absurd year', async () => {
    for (const filter of [undefined, { year: 2025 }, { district: '思明区' }, { year: 2024, district: '湖里区' }]) {
      expect(await t.countStatements(() => overview(filter))).toBe(1);
    }
    expect(errorCode(await t.gql(Q, { filter: { year: 20250 } }))).toBe('BAD_USER_INPUT');
  });
});
