import { ok, startTestServer, type TestServer } from '../helpers/server';
import { acceptMissingMarks, mutate, setupCompetition, type CompetitionFixture } from '../helpers/competition';

/**
 * Issue 13: an entry with no mark on a board has no rank to show there. Before the first mark every
 * total is 0, and a board ranking everyone 1st says nothing; so, while marking is open, such an
 * active entry's rank is null, on the public board and the jury's alike, and the rows stay in start order.
 */
const SUBMIT = `mutation($input: SubmitScoreInput!) { submitScore(input: $input) { score { id } userErrors { code field message } } }`;
const BOARD = `query($id: ID!) { node(id: $id) { ... on Competition { leaderboard { rows(first: 1000) { nodes { entryId startNumber rank total standardisedScore } } } } } }`;
const STAGES = [
  { name: '理论', weight: 40, criteria: [{ kind: 'JUDGEMENT' as const, maxScore: 100 }] }, // marked by both judges
  { name: '实操', weight: 60, criteria: [{ kind: 'MEASUREMENT' as const, maxScore: 100 }] },
];

let t: TestServer;
let f: CompetitionFixture;
beforeAll(async () => {
  t = await startTestServer();
  f = await setupCompetition(t, { entries: 4, judges: 2, stages: STAGES });
}, 60_000);
afterAll(async () => t.close());

async function mark(judge: number, entry: number, stage: number, value: number) {
  const res = ok(await t.gql(SUBMIT, { input: { entryId: f.entries[entry]!.id, criterionId: f.stages[stage]!.criteria[0]!.id, value } }, f.judges[judge]!.token));
  expect(res.submitScore.userErrors).toEqual([]);
}
/** Rank per entry (by fixture index), as the anonymous public or the organizer sees it. */
async function ranks(token?: string): Promise<(number | null)[]> {
  const rows: { entryId: string; rank: number | null }[] = ok(await t.gql(BOARD, { id: f.competitionId }, token)).node.leaderboard.rows.nodes;
  return f.entries.map((e) => rows.find((r) => r.entryId === e.id)!.rank);
}
const byStart = () => [...f.entries].sort((a, b) => a.startNumber! - b.startNumber!).map((e) => e.id);

describe('the rank of an entry with no mark on the board', () => {
  it('is null for every entry before the first mark, and the rows come in start order', async () => {
    for (const token of [undefined, f.organizer.token]) {
      const rows = ok(await t.gql(BOARD, { id: f.competitionId }, token)).node.leaderboard.rows.nodes;
      expect(rows.map((r: any) => r.rank)).toEqual([null, null, null, null]);
      expect(rows.map((r: any) => r.standardisedScore)).toEqual([null, null, null, null]);
      expect(rows.map((r: any) => r.entryId)).toEqual(byStart());
    }
  });

  it('is null on the public board until one of the entry’s stage scores shows there; the jury ranks it from its first mark', async () => {
    await mark(0, 1, 0, 60); // one judge of two: the public board holds the score back (评分中)
    expect(await ranks()).toEqual([null, null, null, null]);
    expect(await ranks(f.organizer.token)).toEqual([null, 1, null, null]);
    await mark(1, 1, 0, 80); // theory complete: 70 × 40 % = 28, public
    await mark(0, 2, 0, 50);
    await mark(1, 2, 0, 50); // 20
    expect(await ranks()).toEqual([null, 1, 2, null]);
    const rows = ok(await t.gql(BOARD, { id: f.competitionId })).node.leaderboard.rows.nodes;
    const unmarked = byStart().filter((id) => id !== f.entries[1]!.id && id !== f.entries[2]!.id);
    expect(rows.map((r: any) => r.entryId)).toEqual([f.entries[1]!.id, f.entries[2]!.id, ...unmarked]);
  });

  it('is given to every active entry once scoring is closed, on the board frozen before too: the results rank them all', async () => {
    await mutate(t, f.organizer.token, 'freezeLeaderboard', 'CompetitionTransitionInput', { competitionId: f.competitionId }, 'leaderboard { frozen }');
    expect(await ranks()).toEqual([null, 1, 2, null]);
    await acceptMissingMarks(t, f);
    await mutate(t, f.organizer.token, 'closeScoring', 'CompetitionTransitionInput', { competitionId: f.competitionId }, 'competition { status }');
    expect(ok(await t.gql(BOARD.replace('leaderboard {', 'leaderboard { frozen'), { id: f.competitionId })).node.leaderboard.frozen).toBe(true);
    for (const token of [undefined, f.organizer.token]) expect(await ranks(token)).toEqual([3, 1, 2, 3]);
  });
});
