import { Role } from '../../src/auth/role';
import { cstYear } from '../../src/competitions/results/finalize.service';
import { ok, startTestServer, type TestServer } from '../helpers/server';
import { mutate, setupCompetition, signOffAndPublish } from '../helpers/competition';

/*
 * Two competitions that share a worker, finalized at the same moment: each would promote the worker
 * and grant TECHNICAL_EXPERT at the same level. Sequentially the second withholds both; in parallel the
 * worker's row lock (and the unique indexes behind it) must give the same outcome.
 */
const FINALIZE = `mutation($input: CompetitionTransitionInput!) { finalizeCompetition(input: $input) {
  awards { promotions { worker { id } } promotionsWithheld { worker { id } reason } } userErrors { code message } } }`;
const WORKER = `query($id: ID!) { worker(id: $id) { skillLevel honors { nodes { kind level year } } skillLevelHistory { from to kind } } }`;
const SUBMIT = `mutation($input: SubmitScoreInput!) { submitScore(input: $input) { userErrors { code message } } }`;
const STAGES = [{ name: '实操', weight: 100, criteria: [{ kind: 'MEASUREMENT' as const, maxScore: 100 }] }];
const RULES = { judges: 1, stages: STAGES, level: 'CITY', honorTopN: 1, promotionTopM: 1 };

let t: TestServer;
let admin: string;
beforeAll(async () => {
  t = await startTestServer();
  admin = (await t.user([Role.ADMIN])).token;
});
afterAll(async () => t.close());

const move = (token: string, name: string, competitionId: string) => mutate(t, token, name, 'CompetitionTransitionInput', { competitionId }, 'competition { status }');

async function mark(token: string, entryId: string, criterionId: string) {
  const res = ok(await t.gql(SUBMIT, { input: { entryId, criterionId, value: 90 } }, token)).submitScore;
  if (res.userErrors.length) throw new Error(JSON.stringify(res.userErrors));
}

/** Two published (RESULTS_PUBLISHED, no appeal window) competitions whose only entry is the same worker. */
async function twoCompetitionsSharingAWorker() {
  const a = await setupCompetition(t, { ...RULES, entries: 1 });
  const workerId = a.entries[0]!.workerIds[0]!;
  const b = await setupCompetition(t, { ...RULES, entries: 0, until: 'REGISTRATION_OPEN', organizer: a.organizer });
  const { entry } = await mutate(t, a.organizer.token, 'registerEntry', 'RegisterEntryInput', { competitionId: b.competitionId, workerIds: [workerId] }, 'entry { id }');
  await move(a.organizer.token, 'closeRegistration', b.competitionId);
  await mutate(t, a.organizer.token, 'drawLots', 'DrawLotsInput', { competitionId: b.competitionId, seed: 'race' }, 'competition { id }');
  await move(a.organizer.token, 'startCompetition', b.competitionId);
  await mark(a.judges[0]!.token, a.entries[0]!.id, a.stages[0]!.criteria[0]!.id);
  await mark(b.judges[0]!.token, entry.id, b.stages[0]!.criteria[0]!.id);
  for (const f of [a, b]) {
    await move(a.organizer.token, 'closeScoring', f.competitionId);
    await signOffAndPublish(t, f);
  }
  return { token: a.organizer.token, ids: [a.competitionId, b.competitionId], workerId };
}

describe('finalizeCompetition in parallel', () => {
  it('promotes a worker shared by two competitions once and grants the honor once', async () => {
    // Several rounds: one round usually races, a few make it near certain (the check does not depend on timing).
    for (let round = 0; round < 3; round++) {
      const { token, ids, workerId } = await twoCompetitionsSharingAWorker();
      const results = await Promise.all(ids.map((competitionId) => t.gql(FINALIZE, { input: { competitionId } }, token)));
      const payloads = results.map((r) => ok(r).finalizeCompetition);
      for (const p of payloads) expect(p.userErrors).toEqual([]);
      const given = payloads.flatMap((p) => p.awards.flatMap((a: any) => a.promotions));
      const withheld = payloads.flatMap((p) => p.awards.flatMap((a: any) => a.promotionsWithheld));
      expect(given).toEqual([{ worker: { id: workerId } }]);
      expect(withheld).toEqual([{ worker: { id: workerId }, reason: 'ALREADY_PROMOTED_THIS_YEAR' }]);
      const w = ok(await t.gql(WORKER, { id: workerId }, admin)).worker;
      expect(w.skillLevel).toBe('TECHNICIAN');
      expect(w.skillLevelHistory.filter((c: any) => c.kind === 'COMPETITION')).toEqual([{ from: 'SENIOR', to: 'TECHNICIAN', kind: 'COMPETITION' }]);
      expect(w.honors.nodes).toEqual([{ kind: 'TECHNICAL_EXPERT', level: 'CITY', year: cstYear(new Date()) }]);
    }
  });
});
