import { ok, startTestServer, type TestServer } from '../helpers/server';
import { mutate, setupCompetition, type CompetitionFixture } from '../helpers/competition';
import { boardSubscribers, record, wsClient } from '../helpers/ws';

/**
 * Independence on the public board (issue 12): the public (and so every judge) sees an entry's score
 * in a stage only once that entry's expected marks in the stage are all in, or the stage's marking
 * closed; totals and ranks come from the scores shown. The jury (organizer, chief judge) sees it live.
 * Fixture: theory 30 % (one MEASUREMENT), practical 70 % (two JUDGEMENT criteria × 3 judges).
 */
const SUBMIT = `mutation($input: SubmitScoreInput!) { submitScore(input: $input) { score { id } userErrors { code field message } } }`;
const ROWS = 'version frozen rows(first: 1000) { nodes { entryId rank total stageTotals { stageId score } } }';
const BOARD = `query($id: ID!) { node(id: $id) { ... on Competition { leaderboard { ${ROWS} } } } }`;
const BOARD_SUB = `subscription($id: ID!) { leaderboardUpdated(competitionId: $id) { ${ROWS} } }`;

let t: TestServer;
let f: CompetitionFixture;
let theory: string;
let practical: string;
let t1: string;
let p1: string;
let p2: string;
let a: string;
let b: string;

async function mark(judge: number, entryId: string, criterionId: string, value: number) {
  const res = ok(await t.gql(SUBMIT, { input: { entryId, criterionId, value } }, f.judges[judge]!.token)).submitScore;
  if (res.userErrors.length) throw new Error(JSON.stringify(res.userErrors));
}
/** The row of one entry as `token` sees it (null: anonymous); stage scores by stage. */
async function rowOf(entryId: string, token: string | null) {
  const board = ok(await t.gql(BOARD, { id: f.competitionId }, token)).node.leaderboard;
  const row = board.rows.nodes.find((r: any) => r.entryId === entryId);
  return { rank: row.rank, total: row.total, theory: score(row, theory), practical: score(row, practical), rows: board.rows.nodes, frozen: board.frozen };
}
const score = (row: any, stageId: string) => row.stageTotals.find((s: any) => s.stageId === stageId).score;

beforeAll(async () => {
  t = await startTestServer();
  f = await setupCompetition(t, { entries: 2, judges: 3 });
  [theory, practical] = [f.stages[0]!.id, f.stages[1]!.id];
  t1 = f.stages[0]!.criteria[0]!.id;
  [p1, p2] = [f.stages[1]!.criteria[0]!.id, f.stages[1]!.criteria[1]!.id];
  [a, b] = [f.entries[0]!.id, f.entries[1]!.id];
}, 60_000);
afterAll(async () => t.close());

describe('the public board shows a stage score only once the entry’s marks in that stage are all in', () => {
  it('holds back a judge’s first marks from the public and from a colleague, and shows them to the jury', async () => {
    await mark(1, a, p1, 40);
    await mark(1, a, p2, 30);
    // The jury (organizer, and the chief judge) see the practical stage move live, from one judge's marks.
    const jury = await rowOf(a, f.organizer.token);
    expect(jury.practical).toBeGreaterThan(0);
    expect(jury.total).toBeGreaterThan(0);
    expect((await rowOf(a, f.judges[0]!.token)).practical).toBe(jury.practical); // the chief judge is jury
    // The public, and judge 2 who has not marked entry a yet, see neither stage (both incomplete).
    for (const token of [null, f.judges[2]!.token, f.judges[1]!.token]) {
      expect(await rowOf(a, token)).toMatchObject({ theory: null, practical: null, total: 0 });
    }
  });

  it('shows a stage once its last expected mark is in; totals and ranks count the stages shown', async () => {
    await mark(0, a, t1, 80); // MEASUREMENT: one mark completes the theory stage of entry a
    await mark(0, b, t1, 90);
    const pub = await rowOf(a, null);
    expect(pub).toMatchObject({ theory: 80, practical: null, total: 24 }); // 30 % × 80
    // b leads on what is shown (27 against 24), though a leads the jury's board (a has practical marks).
    expect(pub.rows.map((r: any) => [r.entryId, r.rank, r.total])).toEqual([[b, 1, 27], [a, 2, 24]]);
    expect((await rowOf(a, f.organizer.token)).rows[0].entryId).toBe(a);

    await mark(2, a, p1, 42);
    await mark(2, a, p2, 34);
    await mark(0, a, p1, 44);
    expect((await rowOf(a, f.judges[2]!.token)).practical).toBeNull(); // one mark short
    await mark(0, a, p2, 38);
    // practical = mean(40, 42, 44) + mean(30, 34, 38) = 42 + 34 = 76 of 100; total = 24 + 70 % × 76 = 77.2
    const full = await rowOf(a, null);
    expect(full).toMatchObject({ theory: 80, practical: 76, total: 77.2, rank: 1 });
    expect(await rowOf(a, f.organizer.token)).toMatchObject({ theory: 80, practical: 76, total: 77.2 });
    expect(await rowOf(a, f.judges[1]!.token)).toMatchObject({ practical: 76, total: 77.2 });
  });

  it('holds back on a judge’s leaderboardUpdated too, and the freeze snapshot follows the same rule', async () => {
    const client = wsClient(t.wsUrl, f.judges[2]!.token);
    try {
      const sub = record<any>(client, BOARD_SUB, { id: f.competitionId });
      await boardSubscribers(t, f.competitionId, 1);
      await mark(1, b, p1, 45);
      const live = (await sub.waitFor((d) => d.leaderboardUpdated.rows.nodes.length === 2 && d.leaderboardUpdated.version > 0 &&
        d.leaderboardUpdated.rows.nodes.some((r: any) => r.entryId === b))).leaderboardUpdated;
      const rowB = live.rows.nodes.find((r: any) => r.entryId === b);
      expect(score(rowB, practical)).toBeNull();
      expect(rowB.total).toBe(27);
    } finally {
      await client.dispose();
    }
    await mutate(t, f.organizer.token, 'freezeLeaderboard', 'CompetitionTransitionInput', { competitionId: f.competitionId }, 'competition { id }');
    // b's practical marks all arrive after the freeze: the public keeps the snapshot, where they were not in.
    for (const j of [0, 1, 2]) {
      if (j !== 1) await mark(j, b, p1, 45);
      await mark(j, b, p2, 45);
    }
    const frozen = await rowOf(b, null);
    expect(frozen).toMatchObject({ frozen: true, practical: null, total: 27 });
    expect(await rowOf(b, f.organizer.token)).toMatchObject({ frozen: false, practical: 90 });
    await mutate(t, f.organizer.token, 'unfreezeLeaderboard', 'CompetitionTransitionInput', { competitionId: f.competitionId }, 'competition { id }');
    expect(await rowOf(b, null)).toMatchObject({ frozen: false, practical: 90, total: 90 });
  });

  it('shows an entry’s scores of a stage once that stage’s marking is closed, marks missing or not (the chief judge accepted the gap)', async () => {
    const g = await setupCompetition(t, { entries: 1, judges: 2 });
    const practicalOf = g.stages[1]!;
    const entry = g.entries[0]!.id;
    for (const c of practicalOf.criteria) {
      const res = ok(await t.gql(SUBMIT, { input: { entryId: entry, criterionId: c.id, value: 40 } }, g.judges[1]!.token)).submitScore;
      expect(res.userErrors).toEqual([]);
    }
    const publicRow = async () => {
      const board = ok(await t.gql(BOARD, { id: g.competitionId })).node.leaderboard;
      return board.rows.nodes[0].stageTotals.map((s: any) => s.score);
    };
    expect(await publicRow()).toEqual([null, null]);
    await mutate(t, g.judges[0]!.token, 'acceptMarkingGap', 'AcceptMarkingGapInput', { competitionId: g.competitionId, stageId: practicalOf.id, reason: '裁判长确认：一名裁判未评' }, 'competition { id }');
    await mutate(t, g.organizer.token, 'closeStageMarking', 'CloseStageMarkingInput', { stageId: practicalOf.id }, 'stage { id }');
    // practical = mean of one judge's marks: (40 + 40) / 100; theory (still open, unmarked) stays held back.
    expect(await publicRow()).toEqual([null, 80]);
  });
});
