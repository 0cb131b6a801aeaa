import { Role } from '../../src/auth/role';
import { cstYear } from '../../src/competitions/results/finalize.service';
import { ok, startTestServer, type TestServer } from '../helpers/server';
import { mutate, setupCompetition, signOffAndPublish, type CompetitionFixture } from '../helpers/competition';

/*
 * Issue 12 §8 through the API: standardised scores (500 + 100 × (total − mean) / population SD over the
 * ranked rows) on the leaderboard, the results CSV and the efficacy figures, with the edge cases.
 * The arithmetic of the exact values is in test/scoring/standardised.unit.test.ts and finalize.test.ts.
 */
const BOARD = `query($id: ID!) { node(id: $id) { ... on Competition { leaderboard { rows(first: 1000) { nodes { entryId rank total standardisedScore } } } stats { rankedEntries excellentEntries } } } }`;
const SUBMIT = `mutation($input: SubmitScoreInput!) { submitScore(input: $input) { score { id } userErrors { code message } } }`;
const REPORT = `query($filter: EfficacyFilter!) { efficacyReport(filter: $filter) { totals { rankedEntries excellentEntries } byKind { kind excellentEntries } } }`;
const ONE_STAGE = [{ name: '实操', weight: 100, criteria: [{ kind: 'MEASUREMENT' as const, maxScore: 100 }] }];

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t.close());

const board = async (f: CompetitionFixture, token: string | null = null) => ok(await t.gql(BOARD, { id: f.competitionId }, token)).node;
const move = (f: CompetitionFixture, name: string) => mutate(t, f.organizer.token, name, 'CompetitionTransitionInput', { competitionId: f.competitionId }, 'competition { status }');

async function mark(f: CompetitionFixture, entry: number, value: number) {
  const res = ok(await t.gql(SUBMIT, { input: { entryId: f.entries[entry]!.id, criterionId: f.stages[0]!.criteria[0]!.id, value } }, f.judges[0]!.token)).submitScore;
  expect(res.userErrors).toEqual([]);
}

async function csvRows(f: CompetitionFixture): Promise<string[][]> {
  const res = await fetch(t.url.replace(/\/graphql$/, `/competitions/${f.competitionId}/results.csv`), { headers: { authorization: `Bearer ${f.organizer.token}` } });
  expect(res.status).toBe(200);
  // No quoted fields in these sheets: a plain split is enough.
  return (await res.text()).slice(1).trim().split('\r\n').map((line) => line.split(','));
}

describe('standardised scores on the board, the CSV and the efficacy figures', () => {
  it('zero spread: equal totals all stand at 500; before any mark no entry is ranked, so none is standardised', async () => {
    const f = await setupCompetition(t, { entries: 3, judges: 1, stages: ONE_STAGE });
    expect((await board(f)).leaderboard.rows.nodes.map((r: any) => [r.rank, r.standardisedScore])).toEqual([[null, null], [null, null], [null, null]]);
    for (const entry of [0, 1, 2]) await mark(f, entry, 70);
    expect((await board(f)).leaderboard.rows.nodes.map((r: any) => [r.total, r.standardisedScore])).toEqual([[70, 500], [70, 500], [70, 500]]);
  });

  it('fewer than three ranked entries: null for all, the withdrawn entry included, and an empty CSV column', async () => {
    const f = await setupCompetition(t, { entries: 3, judges: 1, stages: ONE_STAGE });
    await mark(f, 0, 90);
    await mark(f, 1, 80);
    await mark(f, 2, 70);
    // 70, 80, 90: SD √(200/3) = 8.1650; ±10/8.1650 = ±1.2247 → 622.47 / 377.53
    expect((await board(f)).leaderboard.rows.nodes.map((r: any) => r.standardisedScore)).toEqual([622.47, 500, 377.53]);
    await mutate(t, f.organizer.token, 'withdrawEntry', 'WithdrawEntryInput', { entryId: f.entries[2]!.id, reason: '退赛' }, 'entry { id }');
    const rows = (await board(f)).leaderboard.rows.nodes;
    expect(rows.map((r: any) => [r.rank, r.standardisedScore])).toEqual([[1, null], [2, null], [null, null]]);
    const sheet = await csvRows(f);
    const column = sheet[0]!.indexOf('标准分');
    expect(column).toBe(sheet[0]!.indexOf('总分') + 1);
    expect(sheet.slice(1).map((r) => r[column])).toEqual(['', '', '']);
  });

  it('an entry exactly 2 SD above the mean shows 700.00 and counts as excellent once finalized', async () => {
    const organizer = await t.user([Role.ORGANIZER]);
    const f = await setupCompetition(t, { entries: 5, judges: 1, stages: ONE_STAGE, organizer });
    // 80, 80, 80, 80, 90: mean 82; deviations −2 (×4) and 8; variance (4·4 + 64)/5 = 16; SD 4.
    // 90: 8/4 = 2 → 700; 80: −2/4 = −0.5 → 450.
    for (const [i, v] of [90, 80, 80, 80, 80].entries()) await mark(f, i, v);
    const before = await board(f);
    expect(before.leaderboard.rows.nodes.map((r: any) => [r.total, r.standardisedScore])).toEqual([[90, 700], [80, 450], [80, 450], [80, 450], [80, 450]]);
    expect(before.stats).toEqual({ rankedEntries: 0, excellentEntries: 0 });
    const sheet = await csvRows(f);
    const column = sheet[0]!.indexOf('标准分');
    expect(sheet.slice(1).map((r) => r[column])).toEqual(['700.00', '450.00', '450.00', '450.00', '450.00']);

    await move(f, 'closeScoring');
    await signOffAndPublish(t, f);
    await mutate(t, f.organizer.token, 'finalizeCompetition', 'CompetitionTransitionInput', { competitionId: f.competitionId }, 'competition { status }');
    expect((await board(f)).stats).toEqual({ rankedEntries: 5, excellentEntries: 1 });
    const report = ok(await t.gql(REPORT, { filter: { year: cstYear(new Date()) } }, organizer.token)).efficacyReport;
    expect(report.totals).toEqual({ rankedEntries: 5, excellentEntries: 1 });
    expect(report.byKind).toEqual([{ kind: 'SKILLS_COMPETITION', excellentEntries: 1 }]);
  });
});
