import { Role } from '../../src/auth/role';
import { Level } from '../../src/registry/enums';
import { InnovationCategory as C, StudioKind as K, StudioStatus as S } from '../../src/studios/enums';
import { MethodStatus } from '../../src/methods/enums';
import { FundingSourceKind as F, ProjectStage as P } from '../../src/incubation/enums';
import { cstYearOf } from '../../src/studios/decimal';
import { errorCode, ok, startTestServer, type TestServer } from '../helpers/server';
import { fixture, makeAdoption, makeFunding, makeInnovation, makeMethod, makeProject, makeReport, makeStudio, type Fixture } from './fixtures';

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
let f: Fixture;
let admin: { id: string; token: string };
let reviewer: { id: string; token: string };
/** The STUDIO_MANAGER who runs every studio and owns every project of the fixture. */
let manager: { id: string; token: string };
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
  f = await fixture(t);
  admin = f.admin;
  reviewer = await t.user([Role.REVIEWER]);
  manager = await t.user([Role.STUDIO_MANAGER]);
  const u = manager.id;
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
  it('gives ADMIN the whole city’s figures over every row, exact decimals as strings; REVIEWER all but unnamed methods', async () => {
    const o = await overview(undefined, admin.token);
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
    expect(await overview(undefined, reviewer.token)).toEqual({ ...o, methods: { ...o.methods, submitted: null } });
  });

  it('gives everyone else figures over public rows only: accredited studios, named methods, projects; no funding', async () => {
    const o = await overview();
    expect(o.studios).toMatchObject({ total: 3, dueForReevaluation: 3, overdueForReevaluation: 1 });
    expect(counts(o.studios.byKind, 'kind')).toEqual({ MODEL_WORKER: 2, CRAFTSMAN: 1 });
    expect(counts(o.studios.byLevel, 'level')).toEqual({ CITY: 2, DISTRICT: 1 });
    expect(o.studios.byStatus).toEqual([
      { status: 'APPLIED', count: null }, { status: 'CHANGES_REQUESTED', count: null }, { status: 'ACCREDITED', count: 3 },
      { status: 'REJECTED', count: null }, { status: 'SUSPENDED', count: null }, { status: 'REVOKED', count: null },
    ]);
    expect(o.innovations).toMatchObject({ total: 4, economicBenefit: '3000.85' }); // all of accredited studios
    expect(o.methods).toEqual({ submitted: null, named: 2, adopted: 2, adoptions: 3, workersTrained: 22, economicBenefit: '5101.00' });
    expect(o.projects).toMatchObject({ total: 4, funding: null });
    expect(o.projects.fundingBySource.every((x: any) => x.amount === null)).toBe(true);
    expect(o.studioReports).toMatchObject({ reports: 3, trainees: 95 });
    expect(o.economicBenefit).toEqual({ innovations: '3000.85', methodAdoptions: '5101.00', studioReports: '22500.50', total: '30602.35' });
    // Staff of other kinds and the very manager and owner of these studios and projects: the same public figures.
    const organizer = await t.user([Role.ORGANIZER]);
    expect(await overview(undefined, organizer.token)).toEqual(o);
    expect(await overview(undefined, manager.token)).toEqual(o);
  });

  it('narrows every figure to a district', async () => {
    const o = await overview({ district: ' 思明区 ' }, admin.token);
    expect(o.district).toBe('思明区');
    expect(o.studios).toMatchObject({ total: 4, dueForReevaluation: 2, overdueForReevaluation: 1 });
    expect(o.innovations).toMatchObject({ total: 3, economicBenefit: '3000.85' });
    expect(o.methods).toEqual({ submitted: 2, named: 1, adopted: 1, adoptions: 1, workersTrained: 5, economicBenefit: '100.01' });
    expect(o.projects).toMatchObject({ total: 2, funding: '470000.50' });
    expect(o.studioReports).toMatchObject({ reports: 2, trainees: 70, economicBenefit: '22000.00' });
    const none = await overview({ district: '翔安区' }, admin.token);
    expect(none.studios.total + none.innovations.total + none.methods.submitted + none.projects.total + none.studioReports.reports).toBe(0);
    expect(none.economicBenefit).toEqual({ innovations: '0.00', methodAdoptions: '0.00', studioReports: '0.00', total: '0.00' });
  });

  it('narrows the flows to a calendar year in China Standard Time; re-evaluation due stays as of now', async () => {
    const o = await overview({ year: 2025 }, admin.token);
    expect(o.year).toBe(2025);
    expect(o.studios).toMatchObject({ total: 4, dueForReevaluation: 3, overdueForReevaluation: 1 });
    expect(counts(o.studios.byStatus, 'status')).toEqual({ ACCREDITED: 2, APPLIED: 1, REVOKED: 1 });
    expect(o.innovations).toMatchObject({ total: 3, economicBenefit: '2000.35' });
    expect(o.methods).toEqual({ submitted: 2, named: 2, adopted: 2, adoptions: 2, workersTrained: 17, economicBenefit: '5000.99' });
    expect(o.projects).toMatchObject({ total: 2, funding: '450000.99' });
    expect(counts(o.projects.byStage, 'stage')).toEqual({ IDEA: 1, GRADUATED: 1 });
    expect(o.studioReports).toMatchObject({ reports: 2, trainees: 65, economicBenefit: '12500.50' });

    const a2025 = await overview({ year: 2025, district: '思明区' }, admin.token);
    expect(counts(a2025.studios.byLevel, 'level')).toEqual({ DISTRICT: 1, CITY: 1 });
    expect(a2025.methods).toEqual({ submitted: 1, named: 1, adopted: 0, adoptions: 0, workersTrained: 0, economicBenefit: '0.00' });
    expect(a2025.projects).toMatchObject({ total: 1, funding: '450000.50' });
    expect(counts(a2025.projects.fundingBySource, 'sourceKind')).toEqual({ UNION: '300000.00', FINANCIAL_INSTITUTION: '150000.50' });
    const a2024 = await overview({ year: 2024, district: '思明区' }, admin.token);
    expect(a2024.projects).toMatchObject({ total: 1, funding: '20000.00' });
    expect(a2024.methods).toMatchObject({ submitted: 1, named: 0, adoptions: 1, workersTrained: 5 });
    const b2024 = await overview({ year: 2024, district: '湖里区' }, admin.token);
    expect(b2024.studios.total).toBe(0);
    expect(b2024.methods).toMatchObject({ submitted: 1, named: 0, adopted: 0 });
  });

  it('is one SQL statement whatever the filter, and refuses an absurd year', async () => {
    for (const filter of [undefined, { year: 2025 }, { district: '思明区' }, { year: 2024, district: '湖里区' }]) {
      expect(await t.countStatements(() => overview(filter))).toBe(1);
      expect(await t.countStatements(() => overview(filter, admin.token))).toBe(2); // the viewer's user row, then the figures
    }
    expect(errorCode(await t.gql(Q, { filter: { year: 20250 } }))).toBe('BAD_USER_INPUT');
  });

  // Last: it adds rows. The attacks of issue 11 on a district with a single project, as anyone but ADMIN and REVIEWER.
  it('reveals no private row to the public: not by a one-project district, by the city minus the other districts, nor before and after a change', async () => {
    const c = await f.enterprise('同安区');
    const project = await makeProject(t, c, manager.id, { stage: P.INCUBATING });
    const year = cstYearOf(new Date());
    const filters = [undefined, { district: '同安区' }, { district: '思明区' }, { district: '湖里区' }, { year }, { year, district: '同安区' }];
    const readAll = (token?: string) => Promise.all(filters.map((filter) => overview(filter, token)));
    const organizer = await t.user([Role.ORGANIZER]);
    const publicViews = async () => ({ anonymous: await readAll(), organizer: await readAll(organizer.token), owner: await readAll(manager.token) });
    const before = await publicViews();
    const adminBefore = await readAll(admin.token);

    // Private rows: funding of the district's only project (through the API, by its owner), an application, a method not named.
    const recorded = ok(await t.gql(`mutation($input: RecordFundingInput!) { recordFunding(input: $input) { userErrors { code message } } }`, {
      input: { projectId: project.id, sourceKind: 'UNION', source: '市总工会', amount: '88888.88', receivedAt: new Date(Date.now() - 60_000).toISOString() },
    }, manager.token)).recordFunding;
    expect(recorded.userErrors).toEqual([]);
    await makeStudio(t, c, manager.id, { status: S.APPLIED, reviewDueAt: null });
    await makeMethod(t, c, manager.id, { status: MethodStatus.SUBMITTED });

    // Before and after: every public figure, for every filter, is unchanged; the amount appears nowhere.
    const after = await publicViews();
    expect(after).toEqual(before);
    expect(JSON.stringify(after)).not.toContain('88888');
    const [city, tongan, siming, huli] = after.anonymous;
    expect(tongan!.projects).toMatchObject({ total: 1, funding: null });
    // The city minus the other districts: there is no funding figure to subtract from, for the city or any district.
    for (const o of [city, tongan, siming, huli]) {
      expect(o!.projects.funding).toBeNull();
      expect(o!.projects.fundingBySource.map((x: any) => x.amount)).toEqual(o!.projects.fundingBySource.map(() => null));
    }
    // What the public does get adds up (city = the districts), and holds nothing of the private rows.
    expect(city!.projects.total).toBe(tongan!.projects.total + siming!.projects.total + huli!.projects.total);
    expect(city!.studios.total).toBe(tongan!.studios.total + siming!.studios.total + huli!.studios.total);
    expect(tongan!.studios.total).toBe(0);
    expect(tongan!.methods.submitted).toBeNull();

    // ADMIN, who may see every row, gets the exact figures, against which the same subtractions do work.
    const adminAfter = await readAll(admin.token);
    expect(adminAfter[1]!.projects.funding).toBe('88888.88');
    const minus = (a: string, b: string) => (Math.round(Number(a) * 100) - Math.round(Number(b) * 100)) / 100;
    expect(minus(adminAfter[0]!.projects.funding, adminBefore[0]!.projects.funding)).toBe(88888.88);
    expect(minus(minus(adminAfter[0]!.projects.funding, adminAfter[2]!.projects.funding).toFixed(2), adminAfter[3]!.projects.funding)).toBe(88888.88);
    expect(adminAfter[1]!.studios.byStatus.find((x: any) => x.status === 'APPLIED').count).toBe(1);
    expect(adminAfter[1]!.methods.submitted).toBe(1);
    expect((await overview({ district: '同安区' }, reviewer.token)).projects.funding).toBe('88888.88');
  });
});
