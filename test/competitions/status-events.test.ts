import { ok, startTestServer, type TestServer } from '../helpers/server';
import { mutate, setupCompetition, type CompetitionFixture } from '../helpers/competition';
import { record, subscriptionsActive, wsClient, type Recorder } from '../helpers/ws';

/**
 * competitionStatusChanged says what changed (issue 12, subscriptions and the board): a lifecycle
 * move, a stage signed off by the chief judge, a sign-off voided by a later correction. Followed by
 * an anonymous screen, as the hall's scoreboard follows it.
 */
const STATUS_SUB = `subscription($id: ID!) { competitionStatusChanged(competitionId: $id) {
  change version stage { id name } competition { id status } } }`;
const SUBMIT = `mutation($input: SubmitScoreInput!) { submitScore(input: $input) { score { id } userErrors { code field message } } }`;

let t: TestServer;
let f: CompetitionFixture;
let chief: string;
let sub: Recorder<any>;
let client: ReturnType<typeof wsClient>;

const events = () => sub.results.map((r) => r.data!.competitionStatusChanged);
const transition = (name: string, reason?: string) =>
  mutate(t, f.organizer.token, name, 'CompetitionTransitionInput', { competitionId: f.competitionId, ...(reason ? { reason } : {}) }, 'competition { status }');
async function mark(token: string, entryId: string, criterionId: string, value: number, reason?: string) {
  const res = ok(await t.gql(SUBMIT, { input: { entryId, criterionId, value, reason } }, token)).submitScore;
  if (res.userErrors.length) throw new Error(JSON.stringify(res.userErrors));
}

beforeAll(async () => {
  t = await startTestServer();
  // One entry, one judge (the chief judge, who marks too): every mark is in after three.
  f = await setupCompetition(t, { entries: 1, judges: 1 });
  chief = f.judges[0]!.token;
  const entry = f.entries[0]!.id;
  await mark(chief, entry, f.stages[0]!.criteria[0]!.id, 80);
  for (const c of f.stages[1]!.criteria) await mark(chief, entry, c.id, 40);
  client = wsClient(t.wsUrl);
  sub = record<any>(client, STATUS_SUB, { id: f.competitionId });
  await subscriptionsActive(t, 'competitionStatusChanged', 1);
}, 60_000);
afterAll(async () => {
  await client?.dispose();
  await t.close();
});

describe('competitionStatusChanged', () => {
  it('announces a lifecycle move as STATUS_CHANGED, with no stage', async () => {
    await transition('closeScoring');
    const e = (await sub.waitFor((d) => d.competitionStatusChanged.competition.status === 'SCORING_CLOSED')).competitionStatusChanged;
    expect(e).toMatchObject({ change: 'STATUS_CHANGED', stage: null, competition: { id: f.competitionId } });
  });

  it('announces a sign-off as STAGE_SIGNED_OFF with its stage', async () => {
    const before = events().length;
    await mutate(t, chief, 'signOffStage', 'SignOffStageInput', { stageId: f.stages[1]!.id }, 'signOff { id }');
    const e = (await sub.waitFor((d) => d.competitionStatusChanged.change === 'STAGE_SIGNED_OFF')).competitionStatusChanged;
    expect(e).toMatchObject({ stage: { id: f.stages[1]!.id, name: f.stages[1]!.name }, competition: { status: 'SCORING_CLOSED' } });
    expect(events().length).toBe(before + 1);
    // Signing again changes nothing and announces nothing.
    await mutate(t, chief, 'signOffStage', 'SignOffStageInput', { stageId: f.stages[1]!.id }, 'signOff { id }');
    await mutate(t, chief, 'signOffStage', 'SignOffStageInput', { stageId: f.stages[0]!.id }, 'signOff { id }');
    await sub.waitFor((d) => d.competitionStatusChanged.change === 'STAGE_SIGNED_OFF' && d.competitionStatusChanged.stage.id === f.stages[0]!.id);
    expect(events().filter((x) => x.change === 'STAGE_SIGNED_OFF').map((x) => x.stage.id)).toEqual([f.stages[1]!.id, f.stages[0]!.id]);
  });

  it('announces each sign-off voided (here by reopening scoring) as SIGN_OFF_VOIDED with its stage, once, in version order', async () => {
    await transition('reopenScoring', '复核发现誊写错误');
    const reopened = (await sub.waitFor((d) => d.competitionStatusChanged.competition.status === 'IN_PROGRESS')).competitionStatusChanged;
    const voided = async () => events().filter((x) => x.change === 'SIGN_OFF_VOIDED').map((x) => x.stage.id).sort();
    await sub.waitFor(() => events().filter((x) => x.change === 'SIGN_OFF_VOIDED').length === 2);
    expect(await voided()).toEqual([f.stages[0]!.id, f.stages[1]!.id].sort());
    // A correction of a stage whose sign-off is already void voids nothing more, so announces nothing.
    await mark(chief, f.entries[0]!.id, f.stages[1]!.criteria[0]!.id, 42, '誊写错误');
    await transition('closeScoring');
    await sub.waitFor((d) => d.competitionStatusChanged.competition.status === 'SCORING_CLOSED' && d.competitionStatusChanged.version > reopened.version);
    expect(await voided()).toHaveLength(2);
    const all = events();
    const versions = all.map((x) => x.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(all.slice(0, 3).map((x) => x.change)).toEqual(['STATUS_CHANGED', 'STAGE_SIGNED_OFF', 'STAGE_SIGNED_OFF']);
    expect(all.slice(3, 6).map((x) => x.change).sort()).toEqual(['SIGN_OFF_VOIDED', 'SIGN_OFF_VOIDED', 'STATUS_CHANGED']);
    expect(all.slice(6).map((x) => x.change)).toEqual(['STATUS_CHANGED']);
  });
});
