import { Role } from '../../src/auth/role';
import { idOf } from '../../src/common/relay';
import { ok, startTestServer, type TestServer } from '../helpers/server';
import { setupCompetition, type CompetitionFixture } from '../helpers/competition';
import { createWorker } from '../helpers/registry';

/*
 * A mark changed outside submitScore (here: a correction approved by the chief judge) stores the
 * entry's result with the marks that entry can be given, as a mark does (issue 12 §3): a judge who
 * may not mark the entry does not pull its completeness below 100 %.
 */
const SUBMIT = `mutation($input: SubmitScoreInput!) { submitScore(input: $input) { score { id } userErrors { code field message } } }`;
const ASSIGN = `mutation($input: AssignJudgeInput!) { assignJudge(input: $input) { userErrors { code field message } } }`;
const REQUEST = `mutation($input: RequestScoreCorrectionInput!) { requestScoreCorrection(input: $input) { request { id } userErrors { code field message } } }`;
const DECIDE = `mutation($input: DecideScoreCorrectionInput!) { decideScoreCorrection(input: $input) { request { status } userErrors { code field message } } }`;
const BOARD = `query($id: ID!) { node(id: $id) { ... on Competition { leaderboard { rows(first: 1000) { nodes { entryId total completeness } } } } } }`;

let t: TestServer;
beforeAll(async () => { t = await startTestServer(); });
afterAll(async () => t.close());

async function row(f: CompetitionFixture, entry: number) {
  const rows = ok(await t.gql(BOARD, { id: f.competitionId }, f.organizer.token)).node.leaderboard.rows.nodes;
  return rows.find((r: { entryId: string }) => r.entryId === f.entries[entry]!.id);
}

it('keeps an entry complete through an approved correction when a conflicted judge sits on the panel', async () => {
  const f = await setupCompetition(t, { entries: 2 });
  const worker = await createWorker(t, f.organizer.token, f.entries[0]!.enterpriseId, { trade: '焊工', skillLevel: 'SENIOR_TECHNICIAN' });
  const conflicted = await t.user([Role.JUDGE], { workerId: idOf(worker.id, 'Worker')! });
  expect(ok(await t.gql(ASSIGN, { input: { competitionId: f.competitionId, userId: conflicted.globalId, stageIds: f.stages.map((s) => s.id), reason: '增补' } }, f.organizer.token)).assignJudge.userErrors).toEqual([]);

  const mark = async (token: string, stage: number, criterion: number, value: number) => {
    const res = ok(await t.gql(SUBMIT, { input: { entryId: f.entries[0]!.id, criterionId: f.stages[stage]!.criteria[criterion]!.id, value } }, token)).submitScore;
    expect(res.userErrors).toEqual([]);
    return res.score.id as string;
  };
  await mark(f.judges[0]!.token, 0, 0, 80);
  const ids: string[] = [];
  for (const j of f.judges) for (const c of [0, 1]) ids.push(await mark(j.token, 1, c, 40));
  expect(await row(f, 0)).toMatchObject({ completeness: 1 });

  // Judge 1 has completed the entry, so their correction needs the chief judge's approval.
  const asked = ok(await t.gql(REQUEST, { input: { scoreId: ids[2], value: 44, reason: '看错评分标准' } }, f.judges[1]!.token)).requestScoreCorrection;
  expect(asked.userErrors).toEqual([]);
  const decided = ok(await t.gql(DECIDE, { input: { requestId: asked.request.id, approve: true } }, f.judges[0]!.token)).decideScoreCorrection;
  expect(decided).toMatchObject({ userErrors: [], request: { status: 'APPROVED' } });
  // 30 % × 80 + 70 % × (mean 40 + mean(40, 44, 40) = 41.33…) = 24 + 70 % × 81.33… = 80.93
  expect(await row(f, 0)).toMatchObject({ completeness: 1, total: 80.93 });
});
