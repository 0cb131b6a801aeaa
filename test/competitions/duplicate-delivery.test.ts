import { ok, startTestServer, type TestServer } from '../helpers/server';
import { setupCompetition } from '../helpers/competition';

/**
 * A tablet's request delivered twice at the same moment (a proxy retry, a double tap): the copy that
 * waits for the entry's lock must answer with the first outcome, not record the mark again.
 */
const SUBMIT = `mutation($input: SubmitScoreInput!) { submitScore(input: $input) { score { id } revised replayed leaderboardVersion userErrors { code } } }`;
const SHEET = `query($id: ID!) { node(id: $id) { ... on Entry { scoreSheet { lines { marks { value revisions { nodes { oldValue newValue } } } } } } } }`;

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
});

test('the same correction delivered twice at once: one revision, and both answers are the first outcome', async () => {
  const f = await setupCompetition(t, { entries: 1, judges: 1 });
  const input = { entryId: f.entries[0]!.id, criterionId: f.stages[1]!.criteria[0]!.id, value: 30, idempotencyKey: 'tablet-7:mark-1' };
  const token = f.judges[0]!.token;
  ok(await t.gql(SUBMIT, { input: { ...input, value: 20, idempotencyKey: 'tablet-7:mark-0' } }, token));
  const correction = { ...input, reason: '复核' };
  const [a, b] = (await Promise.all([t.gql(SUBMIT, { input: correction }, token), t.gql(SUBMIT, { input: correction }, token)])).map((r) => ok(r).submitScore);
  expect(a.userErrors).toEqual([]);
  expect(b.userErrors).toEqual([]);
  expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
  // The copy that waited answers as the first did: the same score, a correction, the same version.
  expect({ id: b.score.id, revised: b.revised, version: b.leaderboardVersion }).toEqual({ id: a.score.id, revised: true, version: a.leaderboardVersion });
  const sheet = ok(await t.gql(SHEET, { id: f.entries[0]!.id }, f.organizer.token)).node.scoreSheet;
  const marks = sheet.lines.flatMap((l: any) => l.marks);
  expect(marks).toEqual([{ value: 30, revisions: { nodes: [{ oldValue: 20, newValue: 30 }] } }]);
});
