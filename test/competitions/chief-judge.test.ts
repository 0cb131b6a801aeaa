import { Role } from '../../src/auth/role';
import { idOf } from '../../src/common/relay';
import { errorCode, ok, startTestServer, type TestServer } from '../helpers/server';
import { mutate, setupCompetition } from '../helpers/competition';
import { createEnterprise, createWorker } from '../helpers/registry';

/* Issue 12 §4: the chief judge supervises and is an expected marker only of the stages the organizer also gives them. */
const ASSIGN = `mutation($input: AssignJudgeInput!) { assignJudge(input: $input) { assignment { chief stages { id } } userErrors { code field message } } }`;
const SUBMIT = `mutation($input: SubmitScoreInput!) { submitScore(input: $input) { userErrors { code field message } } }`;
const BOARD = `query($id: ID!) { node(id: $id) { ... on Competition { leaderboard { rows(first: 1000) { nodes { entryId completeness } } } } } }`;

let t: TestServer;
beforeAll(async () => { t = await startTestServer(); });
afterAll(async () => t.close());

it('a chief judge without stages marks nothing, is expected to mark nothing, and still signs off; other judges need a stage', async () => {
  // Two marking judges (judges[0] is made an ordinary judge below), plus a supervising chief.
  const f = await setupCompetition(t, { entries: 1, judges: 2, until: 'REGISTRATION_CLOSED' });
  const judgesEnterprise = await createEnterprise(t, f.organizer.token, { name: `裁判长单位-${Date.now() % 100000}` });
  const worker = await createWorker(t, f.organizer.token, judgesEnterprise.id, { trade: '焊工', skillLevel: 'SENIOR_TECHNICIAN' });
  const chief = await t.user([Role.JUDGE], { workerId: idOf(worker.id, 'Worker')! });
  const stageIds = f.stages.map((s) => s.id);
  const assign = async (userId: string, input: Record<string, unknown>) => ok(await t.gql(ASSIGN, { input: { competitionId: f.competitionId, userId, ...input } }, f.organizer.token)).assignJudge;

  expect(await assign(f.judges[1]!.globalId, { stageIds: [], chief: false })).toMatchObject({
    assignment: null, userErrors: [expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'stageIds'] })],
  });
  expect((await assign(f.judges[0]!.globalId, { stageIds, chief: false })).userErrors).toEqual([]);
  expect(await assign(chief.globalId, { stageIds: [], chief: true })).toMatchObject({ userErrors: [], assignment: { chief: true, stages: [] } });
  await mutate(t, f.organizer.token, 'drawLots', 'DrawLotsInput', { competitionId: f.competitionId, seed: 'chief' }, 'competition { id }');
  await mutate(t, f.organizer.token, 'startCompetition', 'CompetitionTransitionInput', { competitionId: f.competitionId }, 'competition { id }');

  const entryId = f.entries[0]!.id;
  expect(errorCode(await t.gql(SUBMIT, { input: { entryId, criterionId: f.stages[1]!.criteria[0]!.id, value: 40 } }, chief.token))).toBe('FORBIDDEN');

  // The two marking judges complete the entry: 100 % without any mark of the chief judge.
  expect(ok(await t.gql(SUBMIT, { input: { entryId, criterionId: f.stages[0]!.criteria[0]!.id, value: 80 } }, f.judges[0]!.token)).submitScore.userErrors).toEqual([]);
  for (const j of f.judges) {
    for (const c of f.stages[1]!.criteria) expect(ok(await t.gql(SUBMIT, { input: { entryId, criterionId: c.id, value: 40 } }, j.token)).submitScore.userErrors).toEqual([]);
  }
  expect(ok(await t.gql(BOARD, { id: f.competitionId }, chief.token)).node.leaderboard.rows.nodes[0].completeness).toBe(1);

  await mutate(t, f.organizer.token, 'closeScoring', 'CompetitionTransitionInput', { competitionId: f.competitionId }, 'competition { id }');
  for (const stageId of stageIds) await mutate(t, chief.token, 'signOffStage', 'SignOffStageInput', { stageId }, 'signOff { id }');
  expect(errorCode(await t.gql(`mutation($input: SignOffStageInput!) { signOffStage(input: $input) { userErrors { code } } }`, { input: { stageId: stageIds[0] } }, f.judges[0]!.token))).toBe('FORBIDDEN');
});
