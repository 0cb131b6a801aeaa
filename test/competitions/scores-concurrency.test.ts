import { ok, startTestServer, type TestServer } from '../helpers/server';
import { setupCompetition } from '../helpers/competition';

const SUBMIT = `mutation($input: SubmitScoreInput!) { submitScore(input: $input) { score { id } revised userErrors { code message } } }`;

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t.close());

// Found by the write-path bench: judges marking the same MEASUREMENT cell at once got a 500.
describe('submitScore under concurrency', () => {
  it('takes simultaneous MEASUREMENT marks on one cell as one mark and its corrections, never an error', async () => {
    const f = await setupCompetition(t);
    const criterionId = f.stages[0]!.criteria[0]!.id; // MEASUREMENT: one mark per entry, whoever gives it
    for (const entry of f.entries.slice(0, 3)) {
      const results = await Promise.all([0, 1, 2].map((j) =>
        t.gql(SUBMIT, { input: { entryId: entry.id, criterionId, value: 60 + j, reason: '复测' } }, f.judges[j]!.token)));
      const payloads = results.map((r) => ok(r).submitScore);
      expect(payloads.every((p) => p.userErrors.length === 0)).toBe(true);
      expect(new Set(payloads.map((p) => p.score.id)).size).toBe(1);
      expect(payloads.filter((p) => !p.revised)).toHaveLength(1);
    }
  });
});
