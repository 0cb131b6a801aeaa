import { Role } from '../../src/auth/role';
import { errorCode, ok, startTestServer, type TestServer } from '../helpers/server';
import { acceptMissingMarks, setupCompetition, type CompetitionFixture } from '../helpers/competition';
import { record, subscriptionsActive, wsClient } from '../helpers/ws';
import { uuidOf } from './live-setup';

/*
 * Issue 12 §2, independent marking. The fixture's judges[0] is the chief judge (裁判长), judges[1] and
 * judges[2] are ordinary judges; every judge judges both stages: 理论 (one MEASUREMENT criterion) and
 * 实操 (two JUDGEMENT criteria). A judge completes an entry with both 实操 marks of their own and the
 * entry's 理论 measurement (by anyone).
 */
const SUBMIT = `mutation($input: SubmitScoreInput!) {
  submitScore(input: $input) { score { id value } revised userErrors { code field message } }
}`;
const SHEET = `query($id: ID!) { node(id: $id) { ... on Entry { scoreSheet { total marksReceived lines {
  criterion { id } panelVisible aggregate marks { id value judgeName revisions { nodes { id judgeName } } } } } } } }`;
const REQUEST = `mutation($input: RequestScoreCorrectionInput!) {
  requestScoreCorrection(input: $input) { request { id status oldValue newValue reason judgeName } userErrors { code field message } }
}`;
const DECIDE = `mutation($input: DecideScoreCorrectionInput!) {
  decideScoreCorrection(input: $input) { replayed request { id status decisionReason decidedByName revision { id reasonKind afterPanelVisible approvedByName newValue } } userErrors { code field message } }
}`;
const PENDING = `query($id: ID!) { node(id: $id) { ... on Competition { scoreCorrectionRequests(first: 10) { totalCount nodes { id status newValue score { id } } } } } }`;
const LOG = `query($id: ID!) { node(id: $id) { ... on Competition { scoreLog(first: 20) { nodes { id value revisions { nodes { oldValue newValue reason reasonKind afterPanelVisible approvedByName judgeName } } } } } } }`;
const VERSION = `query($id: ID!) { node(id: $id) { ... on Competition { leaderboard { version } } } }`;

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t.close());

const judgeToken = (f: CompetitionFixture, j: number) => f.judges[j]!.token;
const CHIEF = 0;

async function mark(f: CompetitionFixture, judge: number, entry: number, stage: number, criterion: number, value: number, reason?: string) {
  return ok(await t.gql(SUBMIT, { input: { entryId: f.entries[entry]!.id, criterionId: f.stages[stage]!.criteria[criterion]!.id, value, reason } }, judgeToken(f, judge))).submitScore;
}

async function marked(f: CompetitionFixture, judge: number, entry: number, stage: number, criterion: number, value: number): Promise<string> {
  const res = await mark(f, judge, entry, stage, criterion, value);
  expect(res.userErrors).toEqual([]);
  return res.score.id;
}

async function sheet(f: CompetitionFixture, entry: number, token: string | null) {
  return ok(await t.gql(SHEET, { id: f.entries[entry]!.id }, token)).node.scoreSheet;
}

/** The sheet's line of one criterion, as values (sorted) and names. */
function line(s: any, f: CompetitionFixture, stage: number, criterion: number) {
  const l = s.lines.find((x: any) => x.criterion.id === f.stages[stage]!.criteria[criterion]!.id);
  return { values: l.marks.map((m: any) => m.value).sort(), names: l.marks.map((m: any) => m.judgeName), panelVisible: l.panelVisible, aggregate: l.aggregate };
}

const nodeId = async (id: string, token: string | null) => ok(await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id }, token)).node?.id ?? null;
const version = async (f: CompetitionFixture) => ok(await t.gql(VERSION, { id: f.competitionId })).node.leaderboard.version;

describe('a judge sees only their own marks until they complete the entry', () => {
  it('through scoreSheet and node(id:), without colleagues’ names; the chief judge and the organizer see everything live', async () => {
    const f = await setupCompetition(t);
    const j1Mark = await marked(f, 1, 0, 1, 0, 30);
    const j2Mark = await marked(f, 2, 0, 1, 0, 40);
    await marked(f, 2, 0, 1, 1, 45);

    // Neither has the 理论 measurement yet: each sees their own marks only, no aggregate.
    let s1 = await sheet(f, 0, judgeToken(f, 1));
    expect(line(s1, f, 1, 0)).toEqual({ values: [30], names: [expect.any(String)], panelVisible: false, aggregate: null });
    expect(line(s1, f, 1, 1)).toEqual({ values: [], names: [], panelVisible: false, aggregate: null });
    expect(s1.marksReceived).toBe(1);
    const s2 = await sheet(f, 0, judgeToken(f, 2));
    expect(line(s2, f, 1, 0)).toMatchObject({ values: [40], panelVisible: false, aggregate: null });
    expect(await nodeId(j2Mark, judgeToken(f, 1))).toBeNull();
    expect(await nodeId(j1Mark, judgeToken(f, 2))).toBeNull();
    expect(await nodeId(j1Mark, judgeToken(f, 1))).toBe(j1Mark);

    // The jury sees every mark with names, live.
    for (const token of [f.organizer.token, judgeToken(f, CHIEF)]) {
      const s = await sheet(f, 0, token);
      expect(line(s, f, 1, 0)).toEqual({ values: [30, 40], names: [expect.any(String), expect.any(String)], panelVisible: true, aggregate: 35 });
      expect(await nodeId(j2Mark, token)).toBe(j2Mark);
    }

    // The chief judge measures 理论: judge 2 has now marked all of entry 0 and sees the panel, nameless.
    await marked(f, CHIEF, 0, 0, 0, 80);
    const after2 = await sheet(f, 0, judgeToken(f, 2));
    expect(line(after2, f, 1, 0)).toEqual({ values: [30, 40], names: expect.arrayContaining([null, expect.any(String)]), panelVisible: true, aggregate: 35 });
    expect(line(after2, f, 0, 0)).toEqual({ values: [80], names: [null], panelVisible: true, aggregate: 80 });
    expect(await nodeId(j1Mark, judgeToken(f, 2))).toBe(j1Mark);
    // Judge 1 still lacks a 实操 mark: the measurement (one shared mark) but not judge 2's marks.
    s1 = await sheet(f, 0, judgeToken(f, 1));
    expect(line(s1, f, 1, 0)).toMatchObject({ values: [30], panelVisible: false });
    expect(line(s1, f, 0, 0)).toMatchObject({ values: [80], names: [null] });
    expect(await nodeId(j2Mark, judgeToken(f, 1))).toBeNull();
    // Completing it opens the panel to judge 1 too; entry 1 stays closed to them.
    await marked(f, 1, 0, 1, 1, 41);
    s1 = await sheet(f, 0, judgeToken(f, 1));
    expect(line(s1, f, 1, 1)).toMatchObject({ values: [41, 45], panelVisible: true, aggregate: 43 });
    expect(await nodeId(j2Mark, judgeToken(f, 1))).toBe(j2Mark);
    const other = await marked(f, 2, 1, 1, 0, 20);
    expect(await nodeId(other, judgeToken(f, 1))).toBeNull();
  });

  it('hides a colleague’s corrections as it hides their mark: Score.revisions, node() and nodes() on a revision', async () => {
    const f = await setupCompetition(t);
    const j2Mark = await marked(f, 2, 0, 1, 0, 40);
    const fixed = await mark(f, 2, 0, 1, 0, 42, '誊写错误'); // before judge 2 completed the entry: no approval needed
    expect(fixed.userErrors).toEqual([]);
    const REV = `query($id: ID!) { node(id: $id) { ... on Score { revisions(first: 5) { nodes { id oldValue newValue judgeName judgeId } } } } }`;
    const [revision] = ok(await t.gql(REV, { id: j2Mark }, judgeToken(f, 2))).node.revisions.nodes;
    expect(revision).toMatchObject({ oldValue: 40, newValue: 42, judgeName: expect.any(String), judgeId: f.judges[2]!.globalId });
    const batch = async (token: string) => ok(await t.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: [revision.id, j2Mark] }, token)).nodes;
    // Judge 1 has not marked entry 0: neither the mark nor its correction, by any path.
    await marked(f, 1, 0, 1, 0, 30);
    expect(await nodeId(revision.id, judgeToken(f, 1))).toBeNull();
    expect(await batch(judgeToken(f, 1))).toEqual([null, null]);
    const hidden = (await sheet(f, 0, judgeToken(f, 1))).lines.flatMap((l: any) => l.marks).flatMap((m: any) => m.revisions.nodes.map((r: any) => r.id));
    expect(hidden).toEqual([]);
    // The jury sees it live; judge 1, once they completed the entry, without judge 2's name.
    expect(await batch(f.organizer.token)).toEqual([{ id: revision.id }, { id: j2Mark }]);
    await marked(f, 1, 0, 1, 1, 41);
    await marked(f, CHIEF, 0, 0, 0, 80);
    expect(await batch(judgeToken(f, 1))).toEqual([{ id: revision.id }, { id: j2Mark }]);
    expect(ok(await t.gql(REV, { id: j2Mark }, judgeToken(f, 1))).node.revisions.nodes).toEqual([{ ...revision, judgeName: null, judgeId: null }]);
  });

  it('shows the panel’s marks once the stage’s marking is closed', async () => {
    const f = await setupCompetition(t);
    const j2Mark = await marked(f, 2, 0, 1, 0, 40);
    await marked(f, 1, 0, 1, 0, 30);
    expect(line(await sheet(f, 0, judgeToken(f, 1)), f, 1, 0)).toMatchObject({ values: [30], panelVisible: false });
    await acceptMissingMarks(t, f); // most marks are missing on purpose (issue 12 §3)
    const closed = ok(await t.gql(`mutation($id: ID!) { closeScoring(input: { competitionId: $id }) { userErrors { code } } }`, { id: f.competitionId }, f.organizer.token));
    expect(closed.closeScoring.userErrors).toEqual([]);
    expect(line(await sheet(f, 0, judgeToken(f, 1)), f, 1, 0)).toMatchObject({ values: [30, 40], panelVisible: true, aggregate: 35 });
    expect(await nodeId(j2Mark, judgeToken(f, 1))).toBe(j2Mark);
  });

  it('streams a judge only the marks they may see at that moment; the jury all of them', async () => {
    const f = await setupCompetition(t);
    const SUB = `subscription($id: ID!) { scoreSubmitted(competitionId: $id) { score { id value judgeName } } }`;
    const clients = { judge: wsClient(t.wsUrl, judgeToken(f, 1)), chief: wsClient(t.wsUrl, judgeToken(f, CHIEF)), organizer: wsClient(t.wsUrl, f.organizer.token) };
    try {
      const judge = record<any>(clients.judge, SUB, { id: f.competitionId });
      const chief = record<any>(clients.chief, SUB, { id: f.competitionId });
      const organizer = record<any>(clients.organizer, SUB, { id: f.competitionId });
      await subscriptionsActive(t, 'scoreSubmitted', 3);
      const hidden = await marked(f, 2, 1, 1, 0, 20); // a colleague's mark before judge 1 marked entry 1
      const own = await marked(f, 1, 1, 1, 0, 25);
      await judge.waitFor((d) => d.scoreSubmitted.score.id === own);
      for (const jury of [chief, organizer]) {
        const ev = await jury.waitFor((d) => d.scoreSubmitted.score.id === hidden);
        expect(ev.scoreSubmitted.score.judgeName).toEqual(expect.any(String));
        await jury.waitFor((d) => d.scoreSubmitted.score.id === own);
      }
      // Events reach a subscriber in commit order: the colleague's mark, had it been sent, came before the own one.
      expect(judge.results.map((r) => r.data?.scoreSubmitted.score.id)).toEqual([own]);
      // Judge 1 completes entry 1 (both 实操 marks and the measurement): a colleague's mark now reaches them, nameless.
      await marked(f, 1, 1, 1, 1, 30);
      await marked(f, 1, 1, 0, 0, 70);
      const seen = await marked(f, 2, 1, 1, 1, 33);
      const ev = await judge.waitFor((d) => d.scoreSubmitted.score.id === seen);
      expect(ev.scoreSubmitted.score).toEqual({ id: seen, value: 33, judgeName: null });
      expect(judge.results.map((r) => r.data?.scoreSubmitted.score.id)).not.toContain(hidden);
    } finally {
      for (const c of Object.values(clients)) await c.dispose();
    }
  });
});

describe('a correction after seeing the panel’s marks needs the chief judge’s approval', () => {
  /** Judge 2 completes entry 0 (with the chief's measurement); judge 1 marks one 实操 criterion of it. */
  async function completed() {
    const f = await setupCompetition(t);
    const scoreId = await marked(f, 2, 0, 1, 0, 40);
    await marked(f, 2, 0, 1, 1, 45);
    await marked(f, CHIEF, 0, 0, 0, 80);
    const j1Mark = await marked(f, 1, 0, 1, 0, 30);
    return { f, scoreId, j1Mark };
  }
  const request = async (token: string | undefined, input: Record<string, unknown>) => t.gql(REQUEST, { input }, token);
  const decide = async (token: string, input: Record<string, unknown>) => t.gql(DECIDE, { input }, token);

  it('refuses submitScore’s correction, takes a request, and the chief judge’s approval applies it once, flagged in the score log', async () => {
    const { f, scoreId, j1Mark } = await completed();
    const refused = await mark(f, 2, 0, 1, 0, 42, '看错评分标准');
    expect(refused.userErrors).toEqual([{ code: 'APPROVAL_REQUIRED', field: ['input', 'value'], message: expect.stringMatching(/修改需裁判长批准：请提交改分申请/) }]);
    // Before completing, a correction stays as it was: a reason is enough.
    expect((await mark(f, 1, 0, 1, 0, 31, '笔误')).userErrors).toEqual([]);

    const v0 = await version(f);
    const asked = ok(await request(judgeToken(f, 2), { scoreId, value: 42, reason: '看错评分标准' })).requestScoreCorrection;
    expect(asked.userErrors).toEqual([]);
    expect(asked.request).toMatchObject({ status: 'PENDING', oldValue: 40, newValue: 42, reason: '看错评分标准', judgeName: expect.any(String) });
    expect(await version(f)).toBe(v0); // a request changes no mark
    for (const token of [f.organizer.token, judgeToken(f, CHIEF)]) {
      const pending = ok(await t.gql(PENDING, { id: f.competitionId }, token)).node.scoreCorrectionRequests;
      expect(pending).toEqual({ totalCount: 1, nodes: [{ id: asked.request.id, status: 'PENDING', newValue: 42, score: { id: scoreId } }] });
    }
    // The chief judge's own correction goes through and is flagged, approved by themself.
    const chiefMeasure = ok(await t.gql(`query($id: ID!) { node(id: $id) { ... on Entry { scoreSheet { lines { marks { id value } } } } } }`, { id: f.entries[0]!.id }, f.organizer.token))
      .node.scoreSheet.lines[0].marks[0];
    expect((await mark(f, CHIEF, 0, 0, 0, 82, '读数更正')).userErrors).toEqual([]);

    const approved = ok(await decide(judgeToken(f, CHIEF), { requestId: asked.request.id, approve: true })).decideScoreCorrection;
    expect(approved).toMatchObject({
      userErrors: [], replayed: false,
      request: { status: 'APPROVED', decidedByName: expect.any(String), revision: { reasonKind: 'CORRECTION', afterPanelVisible: true, approvedByName: expect.any(String), newValue: 42 } },
    });
    expect(await version(f)).toBe(v0 + 2); // the chief's correction, then the approval
    expect(line(await sheet(f, 0, f.organizer.token), f, 1, 0)).toMatchObject({ values: [31, 42], aggregate: 36.5 });

    // Approving again changes nothing.
    const again = ok(await decide(judgeToken(f, CHIEF), { requestId: asked.request.id, approve: true })).decideScoreCorrection;
    expect(again).toMatchObject({ userErrors: [], replayed: true, request: { status: 'APPROVED', revision: { id: approved.request.revision.id } } });
    expect(await version(f)).toBe(v0 + 2);
    const reject = ok(await decide(judgeToken(f, CHIEF), { requestId: asked.request.id, approve: false, reason: '改主意' })).decideScoreCorrection;
    expect(reject.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);

    const log = ok(await t.gql(LOG, { id: f.competitionId }, f.organizer.token)).node.scoreLog.nodes;
    const byId = (id: string) => log.find((n: any) => n.id === id);
    expect(byId(scoreId)).toEqual({ id: scoreId, value: 42, revisions: { nodes: [{ oldValue: 40, newValue: 42, reason: '看错评分标准', reasonKind: 'CORRECTION', afterPanelVisible: true, approvedByName: expect.any(String), judgeName: expect.any(String) }] } });
    expect(byId(j1Mark).revisions.nodes).toEqual([expect.objectContaining({ reason: '笔误', afterPanelVisible: false, approvedByName: null })]);
    expect(byId(chiefMeasure.id).revisions.nodes).toEqual([expect.objectContaining({ reason: '读数更正', afterPanelVisible: true, approvedByName: expect.any(String) })]);
    expect(ok(await t.gql(PENDING, { id: f.competitionId }, f.organizer.token)).node.scoreCorrectionRequests.totalCount).toBe(0);
    // Judge 1 sees the corrected colleague's mark once they complete entry 0, without the approver's or the judge's name.
    await marked(f, 1, 0, 1, 1, 44);
    const seen = ok(await t.gql(`query($id: ID!) { node(id: $id) { ... on Score { value judgeName revisions { nodes { judgeName approvedByName afterPanelVisible } } } } }`, { id: scoreId }, judgeToken(f, 1))).node;
    expect(seen).toEqual({ value: 42, judgeName: null, revisions: { nodes: [{ judgeName: null, approvedByName: null, afterPanelVisible: true }] } });
  });

  it('voids the stage’s sign-off when an approved correction changes its marks', async () => {
    const { f, scoreId } = await completed();
    const [stageId, competitionId] = [uuidOf(f.stages[1]!.id), uuidOf(f.competitionId)];
    await t.orm.em.fork().execute(
      `insert into stage_sign_off (id, competition_id, stage_id, signed_by_id, signed_at, digest) values (gen_random_uuid(), ?, ?, ?, now(), ?)`,
      [competitionId, stageId, f.judges[CHIEF]!.id, 'a'.repeat(64)]);
    const asked = ok(await request(judgeToken(f, 2), { scoreId, value: 42, reason: '看错评分标准' })).requestScoreCorrection;
    expect(ok(await decide(judgeToken(f, CHIEF), { requestId: asked.request.id, approve: true })).decideScoreCorrection.userErrors).toEqual([]);
    const [row] = await t.orm.em.fork().execute(`select invalidated_at, invalidated_reason from stage_sign_off where stage_id = ?`, [stageId]);
    expect(row.invalidated_at).not.toBeNull();
  });

  it('a rejected request changes nothing', async () => {
    const { f, scoreId } = await completed();
    const asked = ok(await request(judgeToken(f, 2), { scoreId, value: 42, reason: '看错评分标准' })).requestScoreCorrection;
    const v0 = await version(f);
    const noReason = ok(await decide(judgeToken(f, CHIEF), { requestId: asked.request.id, approve: false })).decideScoreCorrection;
    expect(noReason.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'reason'] })]);
    const rejected = ok(await decide(judgeToken(f, CHIEF), { requestId: asked.request.id, approve: false, reason: '原评分符合标准' })).decideScoreCorrection;
    expect(rejected).toMatchObject({ userErrors: [], request: { status: 'REJECTED', decisionReason: '原评分符合标准', revision: null } });
    expect(await version(f)).toBe(v0);
    const log = ok(await t.gql(LOG, { id: f.competitionId }, f.organizer.token)).node.scoreLog.nodes;
    expect(log.find((n: any) => n.id === scoreId)).toMatchObject({ value: 40, revisions: { nodes: [] } });
    const approveAfter = ok(await decide(judgeToken(f, CHIEF), { requestId: asked.request.id, approve: true })).decideScoreCorrection;
    expect(approveAfter.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
    // Rejected is not pending: the judge may ask again.
    expect(ok(await request(judgeToken(f, 2), { scoreId, value: 43, reason: '再次申请' })).requestScoreCorrection.userErrors).toEqual([]);
  });

  it('refuses bad requests with userErrors and changes nothing', async () => {
    const { f, scoreId, j1Mark } = await completed();
    const errs = async (token: string, input: Record<string, unknown>) => ok(await request(token, input)).requestScoreCorrection.userErrors;
    expect(await errs(judgeToken(f, 2), { scoreId, value: 51, reason: '超分' })).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'value'] })]);
    expect(await errs(judgeToken(f, 2), { scoreId, value: 42, reason: '  ' })).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'reason'] })]);
    expect(await errs(judgeToken(f, 2), { scoreId, value: 40, reason: '相同' })).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'value'] })]);
    // Judge 1 has not completed entry 0: they correct directly.
    expect(await errs(judgeToken(f, 1), { scoreId: j1Mark, value: 31, reason: '笔误' })).toEqual([expect.objectContaining({ code: 'INVALID_STATE', field: ['input', 'scoreId'] })]);
    expect(await errs(judgeToken(f, 2), { scoreId: f.entries[0]!.id, value: 42, reason: 'x' })).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'scoreId'] })]);
    expect(await errs(judgeToken(f, 2), { scoreId, value: 42, reason: '第一次' })).toEqual([]);
    expect(await errs(judgeToken(f, 2), { scoreId, value: 43, reason: '第二次' })).toEqual([expect.objectContaining({ code: 'ALREADY_EXISTS' })]);
    const pending = ok(await t.gql(PENDING, { id: f.competitionId }, f.organizer.token)).node.scoreCorrectionRequests;
    expect(pending.nodes.map((n: any) => n.newValue)).toEqual([42]);
    const unknown = ok(await decide(judgeToken(f, CHIEF), { requestId: scoreId, approve: true })).decideScoreCorrection;
    expect(unknown.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'requestId'] })]);
  });

  it('denies requests on others’ marks, and decisions to all but the competition’s chief judge', async () => {
    const { f, scoreId } = await completed();
    const stranger = await t.user([Role.JUDGE]);
    // Only the judge whose mark it is asks.
    expect(errorCode(await request(judgeToken(f, 1), { scoreId, value: 42, reason: '代为更正' }))).toBe('FORBIDDEN');
    expect(errorCode(await request(stranger.token, { scoreId, value: 42, reason: '更正' }))).toBe('FORBIDDEN');
    expect(errorCode(await request(f.organizer.token, { scoreId, value: 42, reason: '更正' }))).toBe('FORBIDDEN');
    expect(errorCode(await request(undefined, { scoreId, value: 42, reason: '更正' }))).toBe('UNAUTHENTICATED');
    const asked = ok(await request(judgeToken(f, 2), { scoreId, value: 42, reason: '看错评分标准' })).requestScoreCorrection;
    const requestId = asked.request.id;
    // Another competition's organizer and chief judge, an ordinary judge of this one, its own organizer: not the chief judge.
    const other = await setupCompetition(t, { entries: 1, judges: 1 });
    for (const token of [judgeToken(f, 1), judgeToken(f, 2), judgeToken(other, 0), other.organizer.token, f.organizer.token, stranger.token]) {
      expect(errorCode(await decide(token, { requestId, approve: true }))).toBe('FORBIDDEN');
    }
    // Nor do they see the pending requests (the requesting judge included: they hold their own request's payload).
    for (const token of [judgeToken(f, 2), other.organizer.token, judgeToken(other, 0)]) {
      expect(errorCode(await t.gql(PENDING, { id: f.competitionId }, token))).toBe('FORBIDDEN');
    }
    expect(errorCode(await t.gql(PENDING, { id: f.competitionId }))).toBe('UNAUTHENTICATED');
    // node(id:): the jury and the requesting judge.
    expect(await nodeId(requestId, judgeToken(f, 2))).toBe(requestId);
    expect(await nodeId(requestId, judgeToken(f, CHIEF))).toBe(requestId);
    expect(await nodeId(requestId, f.organizer.token)).toBe(requestId);
    expect(await nodeId(requestId, judgeToken(f, 1))).toBeNull();
    expect(await nodeId(requestId, other.organizer.token)).toBeNull();
    const log = ok(await t.gql(LOG, { id: f.competitionId }, f.organizer.token)).node.scoreLog.nodes;
    expect(log.find((n: any) => n.id === scoreId)).toMatchObject({ value: 40, revisions: { nodes: [] } });
  });
});
