import { ok, startTestServer, type TestServer } from '../helpers/server';
import { setupCompetition } from '../helpers/competition';

/*
 * Judges mark side by side: simultaneous marks on one entry must each count, and the entry's stored
 * result (completeness, total) must include all of them. (A lock and a read in one statement once
 * missed marks committed while waiting for the lock.)
 */
const SUBMIT = `mutation($input: SubmitScoreInput!) { submitScore(input: $input) { score { id } userErrors { code message } } }`;
const ROWS = `query($id: ID!) { node(id: $id) { ... on Competition { leaderboard { rows(first: 1000) { nodes { entryId total completeness } } } } } }`;

/*
 * The first test is heavy by nature: its fixture makes six users (a deliberately slow scrypt hash
 * each) and ~40 sequential mutations, then 33 marks contend for three entries' locks. Alone it takes
 * ~3 s; with the cores busy it took 17 s (fixture 9 s, marks 6.5 s) and hit jest's 30 s default in CI.
 * Fewer judges or entries would thin out the race it guards, so it gets a timeout that fits its work.
 */
const HEAVY_MS = 120_000;

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t.close());

it('counts every one of many simultaneous marks on the same entries', async () => {
  const f = await setupCompetition(t, { judges: 5, entries: 3 });
  const [theory, practice] = f.stages;
  const calls: Promise<any>[] = [];
  for (const e of f.entries) {
    for (const c of practice!.criteria) for (const j of f.judges) calls.push(t.gql(SUBMIT, { input: { entryId: e.id, criterionId: c.id, value: 40 } }, j.token));
    calls.push(t.gql(SUBMIT, { input: { entryId: e.id, criterionId: theory!.criteria[0]!.id, value: 80 } }, f.judges[0]!.token));
  }
  const results = (await Promise.all(calls)).map((r) => ok<any>(r).submitScore);
  expect(results.flatMap((r) => r.userErrors)).toEqual([]);
  const rows = ok(await t.gql(ROWS, { id: f.competitionId }, f.organizer.token)).node.leaderboard.rows.nodes;
  // 0.3 × 80 + 0.7 × (40 + 40) = 80 for every entry, every expected mark received.
  expect(rows.map((r: any) => [r.total, r.completeness])).toEqual(f.entries.map(() => [80, 1]));
}, HEAVY_MS);

it('takes one objective mark when two judges send it at once, the other as its correction or a refusal', async () => {
  const f = await setupCompetition(t, { judges: 2, entries: 1 });
  const criterionId = f.stages[0]!.criteria[0]!.id;
  const [a, b] = await Promise.all(f.judges.map((j, i) => t.gql(SUBMIT, { input: { entryId: f.entries[0]!.id, criterionId, value: 70 + i } }, j.token)));
  const outcomes = [ok(a!).submitScore, ok(b!).submitScore];
  // One lands; the second is a correction without a reason (INVALID_INPUT), never an internal error or a second mark.
  expect(outcomes.filter((o) => o.userErrors.length === 0)).toHaveLength(1);
  expect(outcomes.flatMap((o) => o.userErrors.map((e: any) => e.code))).toEqual(['INVALID_INPUT']);
  const sheet = ok(await t.gql(`query($id: ID!) { node(id: $id) { ... on Competition { scoreLog(first: 10) { totalCount } } } }`, { id: f.competitionId }, f.organizer.token));
  expect(sheet.node.scoreLog.totalCount).toBe(1);
});
