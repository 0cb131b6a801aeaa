import { ok, startTestServer, type TestServer } from '../helpers/server';
import { setupCompetition } from '../helpers/competition';

/**
 * Marks that arrive at the same moment for the same entry (a panel marking one performance). Each
 * waits for the entry's lock; the result stored after it must include the marks committed while it
 * waited (it once read the marks as they were before the wait and lost them from the total).
 */
const SUBMIT = `mutation($input: SubmitScoreInput!) { submitScore(input: $input) { score { id } revised replayed leaderboardVersion userErrors { code } } }`;
const SHEET = `query($id: ID!) { node(id: $id) { ... on Entry { scoreSheet { total marksReceived } } } }`;

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
});

test('a panel marking one entry at once: the stored result counts every mark', async () => {
  const judges = 6;
  const f = await setupCompetition(t, {
    entries: 1,
    judges,
    stages: [{ name: '实操', weight: 100, criteria: [{ kind: 'JUDGEMENT', maxScore: 10 }, { kind: 'JUDGEMENT', maxScore: 10 }, { kind: 'JUDGEMENT', maxScore: 10 }] }],
  });
  const entryId = f.entries[0]!.id;
  for (const [c, criterion] of f.stages[0]!.criteria.entries()) {
    const results = await Promise.all(
      f.judges.map((j, k) => t.gql(SUBMIT, { input: { entryId, criterionId: criterion.id, value: c + k + 1 } }, j.token)),
    );
    for (const r of results) expect(ok(r).submitScore.userErrors).toEqual([]);
  }
  // Mean per criterion: (c+1 + … + c+6)/6 = c + 3.5 of 10, so the stage is (3.5 + 4.5 + 5.5)/30 = 45 %.
  const sheet = ok(await t.gql(SHEET, { id: entryId }, f.organizer.token)).node.scoreSheet;
  expect(sheet.marksReceived).toBe(judges * 3);
  expect(sheet.total).toBe(45);
});

test('the same submission delivered twice at once: one mark, and both answers are the first outcome', async () => {
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
});
