import { idOf } from '../../src/common/relay';
import { ok, startTestServer, type TestServer } from '../helpers/server';
import { mutate, setupCompetition, signOffAndPublish, type CompetitionFixture } from '../helpers/competition';
import { appoint, closeScoring, markAll, neutralJudges } from './appeals-setup';
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

describe('competitionStatusChanged after publication', () => {
  /** A contest of one entry, fully marked, scoring closed, followed by a screen from now on. */
  async function published(appealWindowMinutes: number): Promise<{ g: CompetitionFixture; rec: Recorder<any>; dispose: () => Promise<void> }> {
    const g = await setupCompetition(t, { entries: 1, judges: 1 });
    await markAll(t, g);
    await closeScoring(t, g);
    // Only the first describe's subscription open (screens of an earlier test closed), then this one.
    while ((await activeStatusSubscriptions()) !== 1) await new Promise((r) => setTimeout(r, 10));
    const screen = wsClient(t.wsUrl);
    const before = 1;
    const rec = record<any>(screen, STATUS_SUB, { id: g.competitionId });
    await subscriptionsActive(t, 'competitionStatusChanged', before + 1);
    await signOffAndPublish(t, g, { appealWindowMinutes });
    return { g, rec, dispose: async () => { await screen.dispose(); } };
  }
  /** Open competitionStatusChanged subscriptions on the server now (a closed one may still count for a moment). */
  async function activeStatusSubscriptions(): Promise<number> {
    const { values } = await t.server.app.metrics.subscriptions.get();
    return values.find((v) => v.labels.field === 'competitionStatusChanged')?.value ?? 0;
  }
  const changes = (rec: Recorder<any>) => rec.results.map((r) => r.data!.competitionStatusChanged.change);
  const PUBLISHED = `subscription($id: ID!) { competitionStatusChanged(competitionId: $id) { change stage { id } competition { status appealWindowClosesAt } } }`;

  it('announces RESULTS_PUBLISHED, an appeal filed and ruled on (with the contested stage)', async () => {
    const { g, rec, dispose } = await published(60);
    try {
      await rec.waitFor((d) => d.competitionStatusChanged.change === 'RESULTS_PUBLISHED');
      const screen = wsClient(t.wsUrl);
      try {
        // The publication's own event shows when the window closes.
        const closes = ok(await t.gql(`query($id: ID!) { competition(id: $id) { appealWindowClosesAt } }`, { id: g.competitionId })).competition.appealWindowClosesAt;
        expect(closes).toEqual(expect.any(String));
        const before = await activeStatusSubscriptions();
        const late = record<any>(screen, PUBLISHED, { id: g.competitionId });
        await subscriptionsActive(t, 'competitionStatusChanged', before + 1);
        const stageId = g.stages[1]!.id;
        const { appeal } = await mutate(t, g.organizer.token, 'fileAppeal', 'FileAppealInput', { entryId: g.entries[0]!.id, stageId, grounds: '实操评分偏低' }, 'appeal { id }');
        const filed = (await late.waitFor((d) => d.competitionStatusChanged.change === 'APPEAL_FILED')).competitionStatusChanged;
        expect(filed).toMatchObject({ stage: { id: stageId }, competition: { status: 'RESULTS_PUBLISHED', appealWindowClosesAt: closes } });
        const [arbitrator] = await neutralJudges(t, g, 1);
        await appoint(t, g, arbitrator!, 'ARBITRATOR');
        await mutate(t, arbitrator!.token, 'ruleOnAppeal', 'RuleOnAppealInput', { appealId: appeal.id, decision: 'DISMISSED', reason: '评分无误' }, 'appeal { status }');
        expect((await late.waitFor((d) => d.competitionStatusChanged.change === 'APPEAL_RULED')).competitionStatusChanged.stage).toEqual({ id: stageId });
        await rec.waitFor((d) => d.competitionStatusChanged.change === 'APPEAL_RULED');
        expect(changes(rec)).toEqual(['STAGE_SIGNED_OFF', 'STAGE_SIGNED_OFF', 'RESULTS_PUBLISHED', 'APPEAL_FILED', 'APPEAL_RULED']);
      } finally {
        await screen.dispose();
      }
    } finally {
      await dispose();
    }
  });

  it('announces APPEAL_WINDOW_CLOSED once when the window’s time is up', async () => {
    const { g, rec, dispose } = await published(0); // a window of 0 minutes closes as it opens
    try {
      await rec.waitFor((d) => d.competitionStatusChanged.change === 'APPEAL_WINDOW_CLOSED');
      // Re-arming the timer (as a restart or a second instance would) announces nothing twice.
      t.server.app.appealWindows!.schedule(idOf(g.competitionId, 'Competition')!, new Date());
      await new Promise((r) => setTimeout(r, 300));
      expect(changes(rec).filter((c) => c === 'APPEAL_WINDOW_CLOSED')).toHaveLength(1);
      expect(changes(rec).slice(-2)).toEqual(['RESULTS_PUBLISHED', 'APPEAL_WINDOW_CLOSED']);
    } finally {
      await dispose();
    }
  });
});
