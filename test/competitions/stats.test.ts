import { Role } from '../../src/auth/role';
import { cstYear } from '../../src/competitions/results/finalize.service';
import { errorCode, ok, startTestServer, type TestServer } from '../helpers/server';
import { acceptMissingMarks, mutate, setupCompetition, signOffAndPublish, type CompetitionFixture } from '../helpers/competition';
import { createEnterprise, createWorker } from '../helpers/registry';

/*
 * Efficacy evaluation (成效评估) through the API on a registry whose every number is known:
 * competition A (SKILLS_COMPETITION, 4 entries) in 思明区 (private) and 湖里区 (state-owned),
 * with eligible workers who did not enter and ineligible ones who must not count.
 */
const STATS = `query($id: ID!) { node(id: $id) { ... on Competition { stats {
  entries workers enterprises nonPublicEnterprises eligibleWorkers participationRate
  rankedEntries benefitedEntries benefitRate marksReceived marksExpected promotions honors } } } }`;
const LINE = 'kind district ownership competitions entries enterprises workers eligibleWorkers participationRate rankedEntries benefitedEntries benefitRate promotions honors';
const REPORT = `query($filter: EfficacyFilter!) { efficacyReport(filter: $filter) { year
  byKind { ${LINE} } byDistrict { ${LINE} } byOwnership { ${LINE} } totals { ${LINE} } } }`;
const SUBMIT = `mutation($input: SubmitScoreInput!) { submitScore(input: $input) { score { id } userErrors { code message } } }`;
const STAGES = [
  { name: '理论', weight: 40, criteria: [{ kind: 'MEASUREMENT' as const, maxScore: 100 }] },
  { name: '实操', weight: 60, criteria: [{ kind: 'JUDGEMENT' as const, maxScore: 100 }] },
];
const YEAR = cstYear(new Date());

let t: TestServer;
let f: CompetitionFixture;
let admin: string;
const stats = async () => ok(await t.gql(STATS, { id: f.competitionId }, f.organizer.token)).node.stats;
const move = (name: string) => mutate(t, f.organizer.token, name, 'CompetitionTransitionInput', { competitionId: f.competitionId }, 'competition { status }');

beforeAll(async () => {
  t = await startTestServer();
  admin = (await t.user([Role.ADMIN])).token;
  // Three entries from new private enterprises of 思明区 (the fixture's default), two judges.
  f = await setupCompetition(t, { entries: 3, judges: 2, stages: STAGES, until: 'REGISTRATION_OPEN', prizeTiers: [{ prize: 'FIRST', count: 1 }], honorTopN: 1 });
  // A fourth entry from a state-owned enterprise of 湖里区, with two eligible colleagues who stay home
  // and one electrician (another trade) who is not eligible.
  const soe = await createEnterprise(t, f.organizer.token, { ownership: 'STATE_OWNED', district: '湖里区', size: 'LARGE' });
  const entrant = await createWorker(t, f.organizer.token, soe.id, { trade: '焊工', skillLevel: 'SENIOR' });
  await createWorker(t, f.organizer.token, soe.id, { trade: '焊工', skillLevel: 'INTERMEDIATE' });
  await createWorker(t, f.organizer.token, soe.id, { trade: '焊工', skillLevel: 'TECHNICIAN' });
  await createWorker(t, f.organizer.token, soe.id, { trade: '电工', skillLevel: 'SENIOR' });
  // An enterprise of 湖里区 that sends nobody: its eligible welder still counts (the rate is not inflated).
  // The judges are welders too, of the fixture's judges' enterprise: as the competition's judges they never count.
  const absent = await createEnterprise(t, f.organizer.token, { ownership: 'STATE_OWNED', district: '湖里区', size: 'MEDIUM' });
  await createWorker(t, f.organizer.token, absent.id, { trade: '焊工', skillLevel: 'SENIOR' });
  const { entry } = await mutate(t, f.organizer.token, 'registerEntry', 'RegisterEntryInput', { competitionId: f.competitionId, workerIds: [entrant.id] }, 'entry { id }');
  f.entries.push({ id: entry.id, workerIds: [entrant.id], enterpriseId: soe.id, startNumber: null });
  await move('closeRegistration');
  await mutate(t, f.organizer.token, 'drawLots', 'DrawLotsInput', { competitionId: f.competitionId, seed: 'stats' }, 'entries { id }');
  await move('startCompetition');
});
afterAll(async () => t.close());

describe('competition.stats', () => {
  it('counts participation against the eligible registry and marks against the panel', async () => {
    expect(await stats()).toEqual({
      entries: 4, workers: 4, enterprises: 4, nonPublicEnterprises: 3,
      // A CITY contest counts the whole registry: 4 entrants + 2 eligible welders at the state-owned enterprise
      // + 1 at the enterprise that sent nobody; the electrician is not eligible, the 2 judges are left out.
      eligibleWorkers: 7, participationRate: 0.5714,
      rankedEntries: 0, benefitedEntries: 0, benefitRate: 0,
      // per entry: 1 MEASUREMENT mark + 1 JUDGEMENT criterion × 2 judges
      marksReceived: 0, marksExpected: 12, promotions: 0, honors: 0,
    });
  });

  it('follows marks, a withdrawal-free finalize, awards and the honor written to the registry', async () => {
    const [theory, practice] = [f.stages[0]!.criteria[0]!.id, f.stages[1]!.criteria[0]!.id];
    for (const [i, e] of f.entries.entries()) {
      for (const judge of f.judges) {
        const res = ok(await t.gql(SUBMIT, { input: { entryId: e.id, criterionId: practice, value: 60 + i * 10 } }, judge.token));
        expect(res.submitScore.userErrors).toEqual([]);
      }
      if (i < 3) ok(await t.gql(SUBMIT, { input: { entryId: e.id, criterionId: theory, value: 50 + i } }, f.judges[0]!.token));
    }
    // A correction is not an extra mark.
    const again = ok(await t.gql(SUBMIT, { input: { entryId: f.entries[0]!.id, criterionId: theory, value: 55, reason: '复核更正' } }, f.judges[0]!.token));
    expect(again.submitScore.userErrors).toEqual([]);
    expect(await stats()).toMatchObject({ marksReceived: 11, marksExpected: 12 });

    await acceptMissingMarks(t, f, '4号理论缺考卷'); // entry 3's theory mark stays missing
    await move('closeScoring');
    await signOffAndPublish(t, f);
    await mutate(t, f.organizer.token, 'finalizeCompetition', 'CompetitionTransitionInput', { competitionId: f.competitionId }, 'competition { status }');
    // Totals: entry 2 = 0.4 × 52 + 0.6 × 80 = 68.8 wins; entry 3 has no theory mark (0.6 × 90 = 54) and is last.
    // The one first prize and the one honor go to entry 2 only.
    expect(await stats()).toMatchObject({ rankedEntries: 4, benefitedEntries: 1, benefitRate: 0.25, honors: 1, promotions: 0 });
  });
});

describe('efficacyReport', () => {
  const report = async (filter: Record<string, unknown>, token: string | null = admin) => t.gql(REPORT, { filter }, token);

  it('breaks the year down by kind, district and ownership in one report', async () => {
    const r = ok(await report({ year: YEAR })).efficacyReport;
    expect(r.year).toBe(YEAR);
    expect(r.totals).toMatchObject({ kind: null, district: null, ownership: null, competitions: 1, entries: 4, enterprises: 4, workers: 4, eligibleWorkers: 7, participationRate: 0.5714, rankedEntries: 4, benefitedEntries: 1, benefitRate: 0.25, honors: 1 });
    expect(r.byKind).toEqual([expect.objectContaining({ kind: 'SKILLS_COMPETITION', competitions: 1, entries: 4 })]);
    const byDistrict = Object.fromEntries(r.byDistrict.map((l: any) => [l.district, l]));
    expect(Object.keys(byDistrict).sort()).toEqual(['思明区', '湖里区']);
    expect(byDistrict['湖里区']).toMatchObject({ entries: 1, workers: 1, eligibleWorkers: 4, participationRate: 0.25, enterprises: 1 });
    expect(byDistrict['思明区']).toMatchObject({ entries: 3, workers: 3, eligibleWorkers: 3, participationRate: 1, enterprises: 3, benefitedEntries: 1, honors: 1 });
    const byOwnership = Object.fromEntries(r.byOwnership.map((l: any) => [l.ownership, l]));
    expect(byOwnership.STATE_OWNED).toMatchObject({ workers: 1, eligibleWorkers: 4 });
    expect(byOwnership.PRIVATE).toMatchObject({ workers: 3, eligibleWorkers: 3 });
  });

  it('filters by district and kind, and counts only competitions finalized in the year', async () => {
    const huli = ok(await report({ year: YEAR, district: '湖里区' })).efficacyReport;
    expect(huli.totals).toMatchObject({ competitions: 1, entries: 1, workers: 1, eligibleWorkers: 4, benefitedEntries: 0, honors: 0 });
    expect(huli.byDistrict.map((l: any) => l.district)).toEqual(['湖里区']);
    const drills = ok(await report({ year: YEAR, kind: 'JOB_DRILL' })).efficacyReport;
    expect(drills.totals).toMatchObject({ competitions: 0, entries: 0, participationRate: 0 });
    expect(drills.byKind).toEqual([]);
    expect(ok(await report({ year: YEAR - 1 })).efficacyReport.totals.competitions).toBe(0);
    const state = ok(await report({ year: YEAR, ownership: 'STATE_OWNED' })).efficacyReport;
    expect(state.totals).toMatchObject({ workers: 1, eligibleWorkers: 4 });
    expect(state.byOwnership.map((l: any) => l.ownership)).toEqual(['STATE_OWNED']);
  });

  it('is for organizers and admins only, and refuses a nonsense year', async () => {
    expect(errorCode(await report({ year: YEAR }, null))).toBe('UNAUTHENTICATED');
    expect(errorCode(await report({ year: YEAR }, f.judges[0]!.token))).toBe('FORBIDDEN');
    expect(ok(await report({ year: YEAR }, f.organizer.token)).efficacyReport.totals.competitions).toBe(1);
    expect(errorCode(await report({ year: 20260 }))).toBe('BAD_USER_INPUT');
  });
});
