import { errorCode, ok, startTestServer, type TestServer } from '../helpers/server';
import { mutate, setupCompetition, signOffAndPublish, type CompetitionFixture } from '../helpers/competition';
import { closeScoring } from './appeals-setup';

/**
 * The lists of results and the leaderboard as connections (issue 13): Leaderboard.rows paged from the
 * board in memory (up to 1000 rows a page, so a big screen gets the whole board in one message),
 * Competition.awards and Competition.signOffs as nested connections (first pages of many competitions
 * in one statement, later pages through paginate).
 */
const STAGES = [{ name: '实操', weight: 100, criteria: [{ kind: 'MEASUREMENT' as const, maxScore: 100 }] }];
const ROWS = `query($id: ID!, $first: Int, $after: String, $last: Int, $before: String) { node(id: $id) { ... on Competition { leaderboard {
  rows(first: $first, after: $after, last: $last, before: $before) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { entryId rank total } } } } } } }`;
const AWARDS = `query($id: ID!, $first: Int, $after: String, $last: Int, $before: String, $orderBy: AwardOrder) { node(id: $id) { ... on Competition {
  awards(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor startCursor }
    nodes { rank total entry { id } promotions { worker { id } } } } } } }`;

let t: TestServer;
const finalized: CompetitionFixture[] = [];
/** Entry i's mark: 90 − 10·i, so entry 0 leads and ranks follow the entries' order. */
const value = (i: number) => 90 - 10 * i;

async function finalize(entries: number): Promise<CompetitionFixture> {
  const f = await setupCompetition(t, { entries, judges: 1, stages: STAGES, promotionTopM: 1, prizeTiers: [{ prize: 'FIRST', count: 1 }] });
  for (const [i, e] of f.entries.entries()) {
    await mutate(t, f.judges[0]!.token, 'submitScore', 'SubmitScoreInput', { entryId: e.id, criterionId: f.stages[0]!.criteria[0]!.id, value: value(i) }, 'score { id }');
  }
  await closeScoring(t, f);
  await signOffAndPublish(t, f);
  await mutate(t, f.organizer.token, 'finalizeCompetition', 'CompetitionTransitionInput', { competitionId: f.competitionId }, 'competition { status }');
  return f;
}

beforeAll(async () => {
  t = await startTestServer();
  for (const n of [5, 3, 3, 3, 3]) finalized.push(await finalize(n));
}, 240_000);
afterAll(async () => t.close());

describe('Leaderboard.rows', () => {
  const rows = async (vars: Record<string, unknown>, token?: string | null) =>
    t.gql(ROWS, { id: finalized[0]!.competitionId, ...vars }, token);

  it('pages forward with first/after and backward with last/before, in rank order', async () => {
    const f = finalized[0]!;
    const one = ok(await rows({ first: 2 })).node.leaderboard.rows;
    expect(one.totalCount).toBe(5);
    expect(one.edges.map((e: any) => e.node.entryId)).toEqual([f.entries[0]!.id, f.entries[1]!.id]);
    expect(one.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const two = ok(await rows({ first: 2, after: one.pageInfo.endCursor })).node.leaderboard.rows;
    expect(two.edges.map((e: any) => e.node.rank)).toEqual([3, 4]);
    expect(two.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const rest = ok(await rows({ first: 2, after: two.pageInfo.endCursor })).node.leaderboard.rows;
    expect(rest.edges.map((e: any) => e.node.entryId)).toEqual([f.entries[4]!.id]);
    expect(rest.pageInfo.hasNextPage).toBe(false);

    const bottom = ok(await rows({ last: 2 })).node.leaderboard.rows;
    expect(bottom.edges.map((e: any) => e.node.rank)).toEqual([4, 5]);
    expect(bottom.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const above = ok(await rows({ last: 2, before: bottom.pageInfo.startCursor })).node.leaderboard.rows;
    expect(above.edges.map((e: any) => e.node.rank)).toEqual([2, 3]);
    // A cursor is a position: the edge's cursor from one page starts the next anywhere.
    const fromEdge = ok(await rows({ first: 1, after: above.edges[0].cursor })).node.leaderboard.rows;
    expect(fromEdge.edges.map((e: any) => e.node.rank)).toEqual([3]);
    // 20 when neither first nor last is given, as every list.
    expect(ok(await rows({})).node.leaderboard.rows.edges).toHaveLength(5);
  });

  it('allows pages up to 1000 rows (a big screen’s whole board), not more', async () => {
    expect(ok(await rows({ first: 1000 })).node.leaderboard.rows.edges).toHaveLength(5);
    expect(ok(await rows({ last: 1000 })).node.leaderboard.rows.edges).toHaveLength(5);
    const over = await rows({ first: 1001 });
    expect(errorCode(over)).toBe('BAD_USER_INPUT');
    expect(over.errors![0]!.message).toMatch(/1000/);
  });

  it('refuses first with last, and a cursor of another list, in the reader’s language', async () => {
    const both = await rows({ first: 1, last: 1 });
    expect(errorCode(both)).toBe('BAD_USER_INPUT');
    expect(both.errors![0]!.message).toBe('`first` 与 `last` 只能传一个');
    const awardCursor = ok(await t.gql(AWARDS, { id: finalized[0]!.competitionId, first: 1 })).node.awards.pageInfo.endCursor;
    const bad = await rows({ first: 1, after: awardCursor });
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0]!.message).toBe('`after` 不是此排行榜的有效游标');
    const english = await t.gql(ROWS, { id: finalized[0]!.competitionId, first: 1, after: 'nonsense' }, null, { locale: 'en' });
    expect(english.errors![0]!.message).toBe('`after` is not a valid cursor of this leaderboard');
  });
});

describe('Competition.awards', () => {
  it('pages by rank both ways, and in order of total descending', async () => {
    const f = finalized[0]!;
    const awards = async (vars: Record<string, unknown>) => ok(await t.gql(AWARDS, { id: f.competitionId, ...vars })).node.awards;
    const one = await awards({ first: 2 });
    expect(one.totalCount).toBe(5);
    expect(one.nodes.map((a: any) => [a.rank, a.entry.id])).toEqual([[1, f.entries[0]!.id], [2, f.entries[1]!.id]]);
    expect(one.nodes[0].promotions).toEqual([{ worker: { id: f.entries[0]!.workerIds[0] } }]);
    const two = await awards({ first: 2, after: one.pageInfo.endCursor });
    expect(two.nodes.map((a: any) => a.rank)).toEqual([3, 4]);
    expect(two.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const last = await awards({ last: 2 });
    expect(last.nodes.map((a: any) => a.rank)).toEqual([4, 5]);
    const desc = await awards({ first: 3, orderBy: { field: 'RANK', direction: 'DESC' } });
    expect(desc.nodes.map((a: any) => a.rank)).toEqual([5, 4, 3]);
    const descNext = await awards({ first: 3, after: desc.pageInfo.endCursor, orderBy: { field: 'RANK', direction: 'DESC' } });
    expect(descNext.nodes.map((a: any) => a.rank)).toEqual([2, 1]);
    const byTotal = await awards({ first: 5, orderBy: { field: 'TOTAL', direction: 'DESC' } });
    expect(byTotal.nodes.map((a: any) => a.total)).toEqual([90, 80, 70, 60, 50]);
  });

  it('costs the same statements for 2 competitions as for 5', async () => {
    const q = (n: number) => `{ competitions(first: ${n}) { nodes { awards(first: 2) { totalCount nodes { rank } } signOffs(first: 2) { totalCount nodes { id } } } } }`;
    const res = ok(await t.gql(q(5))).competitions.nodes;
    expect(res.map((c: any) => c.awards.totalCount).sort()).toEqual([3, 3, 3, 3, 5]);
    expect(res.every((c: any) => c.signOffs.totalCount === 1 && c.awards.nodes.length === 2)).toBe(true);
    const two = await t.countStatements(async () => ok(await t.gql(q(2))));
    const five = await t.countStatements(async () => ok(await t.gql(q(5))));
    expect(five).toBe(two);
  });
});
