import { Role } from '../../src/auth/role';
import { idOf } from '../../src/common/relay';
import { errorCode, ok, startTestServer, type TestServer } from '../helpers/server';
import { acceptMissingMarks, mutate, setupCompetition, type CompetitionFixture } from '../helpers/competition';
import { createDrill, ENTER, ISSUE, rightAnswer, SAVE, seedBank, START, SUBMIT } from './taking-fixture';

/* A competition's theory stage filled from a drill (issue 16, "Results"): link, automatic fill, ABSENT, re-marks, state rules. */

let t: TestServer;
let admin: string;
let f: CompetitionFixture;
let organizer: { id: string; globalId: string; token: string };
let drill: { id: string; uuid: string };
const theory = () => f.stages[0]!;

const LINK = `mutation($input: LinkStageToDrillInput!) { linkStageToDrill(input: $input) {
  stageDrill { id filledAt refillPending stage { id } drill { id } criterion { id } } userErrors { code field message } } }`;
const UNLINK = `mutation($input: StageDrillStageInput!) { unlinkStageFromDrill(input: $input) { stage { id } userErrors { code field message } } }`;
const FILL = `mutation($input: StageDrillStageInput!) { fillStageFromDrill(input: $input) {
  stageDrill { filledAt refillPending } counts { filled revised unchanged absent skipped } skippedEntries { entry { id } reason } userErrors { code field message } } }`;
const STAGES = `query($id: ID!) { competition(id: $id) { stages { id drill { id title } drillLink { filledAt refillPending pendingReason lastFill { filled revised unchanged absent skipped } } } } }`;
const ENTRY = `query($id: ID!) { node(id: $id) { ... on Entry { id status statusReason scoreSheet { lines { criterion { id } aggregate
  marks { id value source judgeName revisions(first: 10) { nodes { oldValue newValue reason reasonKind } } } } } } } }`;
const BOARD = `query($id: ID!) { competition(id: $id) { leaderboard { version rows(first: 50) { nodes { entryId status rank stageTotals { stageId score } } } } } }`;
const SCORE = `mutation($input: SubmitScoreInput!) { submitScore(input: $input) { revised userErrors { code field message } } }`;

const link = (token: string | undefined, stageId: string, drillId: string) => t.gql(LINK, { input: { stageId, drillId } }, token);
const fill = async (token = organizer.token) => ok(await t.gql(FILL, { input: { stageId: theory().id } }, token)).fillStageFromDrill;
const entry = async (id: string, token = organizer.token) => ok(await t.gql(ENTRY, { id }, token)).node;
const theoryLine = (e: any) => e.scoreSheet.lines.find((l: any) => l.criterion.id === theory().criteria[0]!.id);
const board = async (token = organizer.token) => ok(await t.gql(BOARD, { id: f.competitionId }, token)).competition.leaderboard;
const link0 = async () => ok(await t.gql(STAGES, { id: f.competitionId }, organizer.token)).competition.stages[0];
const exec = (sql: string, params: unknown[] = []) => t.orm.em.fork().getConnection().execute(sql, params);

/** Each taker's token, by entry index (every entry one worker, each of its own enterprise). */
const tokens: string[] = [];
const attempts: any[] = [];

beforeAll(async () => {
  t = await startTestServer();
  admin = (await t.user([Role.ADMIN])).token;
  organizer = await t.user([Role.ORGANIZER]);
  // The fills below are driven by the test (fillDue), not by the timer.
  await t.server.app.theoryFiller!.stop();
  f = await setupCompetition(t, {
    organizer, entries: 4,
    stages: [
      { name: '理论', weight: 30, criteria: [{ kind: 'MEASUREMENT', maxScore: 30 }] },
      { name: '实操', weight: 50, criteria: [{ kind: 'JUDGEMENT', maxScore: 50 }] },
      { name: '笔试', weight: 20, criteria: [{ kind: 'MEASUREMENT', maxScore: 10 }, { kind: 'MEASUREMENT', maxScore: 10 }] },
    ],
  });
  await seedBank(t, organizer.id);
  drill = await createDrill(t, { organizerUserId: organizer.id });
  for (const e of f.entries) {
    const issued = ok(await t.gql(ISSUE, { input: { drillId: drill.id, enterpriseId: e.enterpriseId } }, organizer.token)).issueDrillPasses;
    const pass = issued.passes.find((p: any) => p.worker.id === e.workerIds[0]);
    tokens.push(ok(await t.gql(ENTER, { input: { drillId: drill.id, pass: pass.code, employeeNumber: pass.worker.employeeNumber } })).enterDrill.token);
  }
}, 120_000);
afterAll(async () => t.close());

/** Starts and submits entry i's attempt, every answer right. */
async function takeAll(i: number): Promise<any> {
  const attempt = ok(await t.gql(START, { input: { drillId: drill.id } }, tokens[i])).startAttempt.attempt;
  let seq = 0;
  for (const q of attempt.questions) ok(await t.gql(SAVE, { input: { attemptId: attempt.id, questionId: q.questionId, answer: rightAnswer(q), seq: ++seq } }, tokens[i]));
  const submitted = ok(await t.gql(SUBMIT, { input: { attemptId: attempt.id } }, tokens[i])).submitAttempt.attempt;
  attempts[i] = { ...attempt, ...submitted, questions: attempt.questions };
  return attempts[i];
}

describe('linkStageToDrill', () => {
  it('is refused for a JUDGEMENT criterion, two criteria, a cancelled drill, a stranger and a drill of another organizer', async () => {
    const judged = ok(await link(organizer.token, f.stages[1]!.id, drill.id)).linkStageToDrill;
    expect(judged).toMatchObject({ stageDrill: null, userErrors: [expect.objectContaining({ code: 'INVALID_STATE', field: ['input', 'stageId'] })] });
    expect(judged.userErrors[0].message).toContain('主观评分');
    const two = ok(await link(organizer.token, f.stages[2]!.id, drill.id)).linkStageToDrill;
    expect(two.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
    expect(two.userErrors[0].message).toContain('2');
    const english = ok(await t.gql(LINK, { input: { stageId: f.stages[2]!.id, drillId: drill.id } }, organizer.token, { locale: 'en' })).linkStageToDrill;
    expect(english.userErrors[0].message).toMatch(/exactly one criterion/);

    const stranger = await t.user([Role.ORGANIZER]);
    expect(errorCode(await link(stranger.token, theory().id, drill.id))).toBe('FORBIDDEN');
    expect(errorCode(await link((await t.user([Role.JUDGE])).token, theory().id, drill.id))).toBe('FORBIDDEN');
    expect(errorCode(await link(undefined, theory().id, drill.id))).toBe('UNAUTHENTICATED');
    const othersDrill = await createDrill(t, { organizerUserId: stranger.id });
    expect(errorCode(await link(organizer.token, theory().id, othersDrill.id))).toBe('FORBIDDEN');
    const cancelled = await createDrill(t, { organizerUserId: organizer.id, status: 'CANCELLED' as never });
    expect(ok(await link(organizer.token, theory().id, cancelled.id)).linkStageToDrill.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE', field: ['input', 'drillId'] })]);
    // Nothing was linked.
    expect((await link0()).drillLink).toBeNull();
  });

  it('links the theory stage; again returns the link; another drill is refused; unlinking works while nothing came from it', async () => {
    const first = ok(await link(organizer.token, theory().id, drill.id)).linkStageToDrill;
    expect(first).toMatchObject({ userErrors: [], stageDrill: { filledAt: null, refillPending: false, stage: { id: theory().id }, drill: { id: drill.id }, criterion: { id: theory().criteria[0]!.id } } });
    const unlinked = ok(await t.gql(UNLINK, { input: { stageId: theory().id } }, organizer.token)).unlinkStageFromDrill;
    expect(unlinked).toMatchObject({ userErrors: [], stage: { id: theory().id } });
    const again = ok(await link(organizer.token, theory().id, drill.id)).linkStageToDrill;
    expect(ok(await link(admin, theory().id, drill.id)).linkStageToDrill.stageDrill.id).toBe(again.stageDrill.id);
    const other = await createDrill(t, { organizerUserId: organizer.id });
    expect(ok(await link(organizer.token, theory().id, other.id)).linkStageToDrill.userErrors).toEqual([expect.objectContaining({ code: 'ALREADY_EXISTS' })]);
    // Anyone who reads the stage sees the drill; the fill state only its organizer.
    const publicStage = ok(await t.gql(STAGES, { id: f.competitionId })).competition.stages[0];
    expect(publicStage).toMatchObject({ drill: { id: drill.id, title: '电焊安全网上练兵' }, drillLink: null });
    expect((await link0()).drillLink).toMatchObject({ filledAt: null, refillPending: false, lastFill: null });
    const listed = ok(await t.gql(`query($id: ID!) { drill(id: $id) { ... on Drill { theoryStages(first: 5) { totalCount nodes { stage { id } competition { id } } } } } }`, { id: drill.id }, organizer.token)).drill;
    expect(listed.theoryStages).toMatchObject({ totalCount: 1, nodes: [{ stage: { id: theory().id }, competition: { id: f.competitionId } }] });
    const stranger = await t.user([Role.ORGANIZER]);
    expect(errorCode(await t.gql(`query($id: ID!) { drill(id: $id) { ... on Drill { theoryStages(first: 5) { totalCount } } } }`, { id: drill.id }, stranger.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(UNLINK, { input: { stageId: theory().id } }, stranger.token))).toBe('FORBIDDEN');
  });

  it('refuses a judge’s mark on the drill’s criterion, naming the drill', async () => {
    const res = ok(await t.gql(SCORE, { input: { entryId: f.entries[0]!.id, criterionId: theory().criteria[0]!.id, value: 20 } }, f.judges[1]!.token)).submitScore;
    expect(res.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE', field: ['input', 'criterionId'] })]);
    expect(res.userErrors[0].message).toContain('《电焊安全网上练兵》');
    // The other stages are marked by judges as before.
    expect(ok(await t.gql(SCORE, { input: { entryId: f.entries[0]!.id, criterionId: f.stages[1]!.criteria[0]!.id, value: 40 } }, f.judges[1]!.token)).submitScore.userErrors).toEqual([]);
  });
});

describe('the fill', () => {
  it('waits for the window’s close; then A gets 37/50 × 30 = 22.20, B (never started) is ABSENT, C (voided) 0, D full marks', async () => {
    const a = await takeAll(0);
    const c = await takeAll(2);
    await takeAll(3);
    await mutate(t, organizer.token, 'voidDrillAttempt', 'VoidDrillAttemptInput', { attemptId: c.id, reason: '替考' }, 'attempt { id }');
    // A's points as a paper of 50 would give them (the papers drawn here are smaller).
    await exec(`update drill_attempt set score = 37, max_score = 50 where id = ?`, [idOf(a.id, 'DrillAttempt')]);

    // The window is open: nothing is filled, and the organizer's fill is refused.
    expect(await t.server.app.theoryFiller!.fillDue()).toBe(0);
    const early = await fill();
    expect(early.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
    expect(early.userErrors[0].message).toContain('尚未结束');

    const before = (await board()).version;
    await exec(`update drill set closes_at = now() - interval '1 second' where id = ?`, [drill.uuid]);
    expect(await t.server.app.theoryFiller!.fillDue()).toBe(1);
    // Filled once: the next tick finds nothing to do.
    expect(await t.server.app.theoryFiller!.fillDue()).toBe(0);

    const [ea, eb, ec, ed] = await Promise.all(f.entries.map((e) => entry(e.id)));
    expect(theoryLine(ea)).toMatchObject({ aggregate: 22.2, marks: [{ value: 22.2, source: 'DRILL', revisions: { nodes: [] } }] });
    // The attempt behind it, for whoever runs the drill (here the competition's organizer too).
    const behind = `query($id: ID!) { node(id: $id) { ... on Score { source drillAttempt { id } } } }`;
    expect(ok(await t.gql(behind, { id: theoryLine(ea).marks[0].id }, organizer.token)).node).toEqual({ source: 'DRILL', drillAttempt: { id: a.id } });
    expect(ok(await t.gql(behind, { id: theoryLine(ea).marks[0].id }, f.judges[0]!.token)).node).toEqual({ source: 'DRILL', drillAttempt: null });
    // The accountable person for a drill's mark is the organizer who linked it.
    expect(theoryLine(ea).marks[0].judgeName).toBeTruthy();
    expect(eb).toMatchObject({ status: 'ABSENT' });
    expect(eb.statusReason).toContain('未参加网上练兵理论考试《电焊安全网上练兵》');
    expect(theoryLine(eb).marks).toEqual([]);
    expect(theoryLine(ec).marks).toEqual([expect.objectContaining({ value: 0, source: 'DRILL' })]);
    expect(theoryLine(ed).marks).toEqual([expect.objectContaining({ value: 30, source: 'DRILL' })]);

    const after = await board();
    expect(after.version).toBeGreaterThan(before);
    const row = (id: string) => after.rows.nodes.find((r: any) => r.entryId === id);
    expect(row(f.entries[1]!.id)).toMatchObject({ status: 'ABSENT' });
    expect(row(f.entries[3]!.id).stageTotals.find((s: any) => s.stageId === theory().id).score).toBe(100);
    expect((await link0()).drillLink).toMatchObject({ filledAt: expect.any(String), refillPending: false, lastFill: { filled: 3, revised: 0, unchanged: 0, absent: 1, skipped: 0 } });

    // Marks came from the drill: the link stays.
    expect(ok(await t.gql(UNLINK, { input: { stageId: theory().id } }, organizer.token)).unlinkStageFromDrill.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
  });

  it('filled again by the organizer writes nothing: every value is unchanged and the board’s version stays', async () => {
    const version = (await board()).version;
    const res = await fill();
    expect(res).toMatchObject({ userErrors: [], counts: { filled: 0, revised: 0, unchanged: 3, absent: 0, skipped: 0 }, skippedEntries: [] });
    expect((await board()).version).toBe(version);
    expect(errorCode(await t.gql(FILL, { input: { stageId: theory().id } }, (await t.user([Role.ORGANIZER])).token))).toBe('FORBIDDEN');
  });

  it('refuses judges on the drill’s marks: a correction request names the drill, a submitScore over it too', async () => {
    const mark = theoryLine(await entry(f.entries[3]!.id)).marks[0];
    const asked = ok(await t.gql(`mutation($input: RequestScoreCorrectionInput!) { requestScoreCorrection(input: $input) { request { id } userErrors { code field message } } }`,
      { input: { scoreId: mark.id, value: 29, reason: '读数有误' } }, f.judges[1]!.token)).requestScoreCorrection;
    expect(asked).toMatchObject({ request: null, userErrors: [expect.objectContaining({ code: 'INVALID_STATE', message: expect.stringContaining('《电焊安全网上练兵》') })] });
    const chief = ok(await t.gql(SCORE, { input: { entryId: f.entries[3]!.id, criterionId: theory().criteria[0]!.id, value: 29, reason: '更正' } }, f.judges[0]!.token)).submitScore;
    expect(chief.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
    expect(theoryLine(await entry(f.entries[3]!.id)).marks[0]).toMatchObject({ value: 30, revisions: { nodes: [] } });
  });

  it('a question corrected after the fill revises the marks it changes (reason kind DRILL) and raises the board’s version', async () => {
    const version = (await board()).version;
    const q = attempts[3].questions[0];
    const newKey = q.type === 'SINGLE_CHOICE' ? ['A'] : q.type === 'MULTIPLE_CHOICE' ? ['A', 'B'] : q.type === 'TRUE_FALSE' ? ['FALSE'] : ['另一个答案'];
    await mutate(t, organizer.token, 'updateQuestion', 'UpdateQuestionInput', { questionId: q.questionId, answer: newKey }, 'question { id }');
    expect((await link0()).drillLink).toMatchObject({ refillPending: true, pendingReason: expect.stringContaining('试题更正') });

    expect(await t.server.app.theoryFiller!.fillDue()).toBe(1);
    const d = await entry(f.entries[3]!.id);
    const expected = Math.round((attempts[3].maxScore - q.points) / attempts[3].maxScore * 3000) / 100;
    const mark = theoryLine(d).marks[0];
    expect(mark).toMatchObject({ value: expected, source: 'DRILL' });
    expect(mark.revisions.nodes).toEqual([expect.objectContaining({ oldValue: 30, newValue: expected, reasonKind: 'DRILL' })]);
    expect(mark.revisions.nodes[0].reason).toContain('网上练兵《电焊安全网上练兵》重新计分');
    expect((await board()).version).toBeGreaterThan(version);
    expect((await link0()).drillLink).toMatchObject({ refillPending: false, pendingReason: null });
  });

  it('while scoring is closed a voiding only waits (refill pending); reopened, the mark is revised', async () => {
    await acceptMissingMarks(t, f);
    await mutate(t, organizer.token, 'closeScoring', 'CompetitionTransitionInput', { competitionId: f.competitionId }, 'competition { status }');
    await mutate(t, organizer.token, 'voidDrillAttempt', 'VoidDrillAttemptInput', { attemptId: attempts[0].id, reason: '作弊' }, 'attempt { id }');
    expect((await link0()).drillLink).toMatchObject({ refillPending: true, pendingReason: expect.stringContaining('作弊') });
    const version = (await board()).version;
    // A's value now (22.20, unless the corrected question was on A's paper too).
    const prior = theoryLine(await entry(f.entries[0]!.id)).marks[0];
    expect(prior.value).toBeGreaterThan(0);
    expect(await t.server.app.theoryFiller!.fillDue()).toBe(0);
    const refused = await fill();
    expect(refused.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
    expect(theoryLine(await entry(f.entries[0]!.id)).marks[0].value).toBe(prior.value);
    expect((await board()).version).toBe(version);

    await mutate(t, organizer.token, 'reopenScoring', 'CompetitionTransitionInput', { competitionId: f.competitionId, reason: '理论成绩更正' }, 'competition { status }');
    const res = await fill();
    expect(res).toMatchObject({ userErrors: [], counts: { filled: 0, revised: 1, unchanged: 2, absent: 0, skipped: 0 }, stageDrill: { refillPending: false } });
    const mark = theoryLine(await entry(f.entries[0]!.id)).marks[0];
    expect(mark.value).toBe(0);
    expect(mark.revisions.nodes.length).toBe(prior.revisions.nodes.length + 1);
    expect(mark.revisions.nodes).toContainEqual(expect.objectContaining({ oldValue: prior.value, newValue: 0, reasonKind: 'DRILL', reason: expect.stringContaining('作弊') }));
  });
});

describe('teams and the scheme', () => {
  it('gives a team the mean of its members (one who never started counts 0); a team none of whose members started is ABSENT', async () => {
    const teams = await setupCompetition(t, {
      organizer, entries: 2, teamSize: 2, judges: 1,
      stages: [{ name: '理论', weight: 40, criteria: [{ kind: 'MEASUREMENT', maxScore: 30 }] }, { name: '实操', weight: 60, criteria: [{ kind: 'JUDGEMENT', maxScore: 50 }] }],
    });
    const teamDrill = await createDrill(t, { organizerUserId: organizer.id });
    expect(ok(await link(organizer.token, teams.stages[0]!.id, teamDrill.id)).linkStageToDrill.userErrors).toEqual([]);
    const team = teams.entries[0]!;
    const issued = ok(await t.gql(ISSUE, { input: { drillId: teamDrill.id, enterpriseId: team.enterpriseId } }, organizer.token)).issueDrillPasses;
    const pass = issued.passes.find((p: any) => p.worker.id === team.workerIds[0]);
    const token = ok(await t.gql(ENTER, { input: { drillId: teamDrill.id, pass: pass.code, employeeNumber: pass.worker.employeeNumber } })).enterDrill.token;
    const started = ok(await t.gql(START, { input: { drillId: teamDrill.id } }, token)).startAttempt.attempt;
    ok(await t.gql(SUBMIT, { input: { attemptId: started.id } }, token));
    await exec(`update drill_attempt set score = 37, max_score = 50 where id = ?`, [idOf(started.id, 'DrillAttempt')]);
    await exec(`update drill set closes_at = now() - interval '1 second' where id = ?`, [teamDrill.uuid]);
    expect(await t.server.app.theoryFiller!.fillDue()).toBe(1);

    const line = (e: any) => e.scoreSheet.lines.find((l: any) => l.criterion.id === teams.stages[0]!.criteria[0]!.id);
    const first = await entry(team.id);
    // (22.20 + 0) / 2 = 11.10; no single attempt stands behind a team's mark.
    expect(line(first).marks).toEqual([expect.objectContaining({ value: 11.1, source: 'DRILL' })]);
    const second = await entry(teams.entries[1]!.id);
    expect(second).toMatchObject({ status: 'ABSENT', statusReason: expect.stringContaining('电焊安全网上练兵') });
  });

  it('keeps a linked stage one MEASUREMENT criterion while the scheme is a draft', async () => {
    const draft = await setupCompetition(t, { organizer, until: 'DRAFT', judges: 0 });
    const stage = draft.stages[0]!;
    expect(ok(await link(organizer.token, stage.id, drill.id)).linkStageToDrill.userErrors).toEqual([]);
    const added = await t.gql(`mutation($input: AddCriterionInput!) { addCriterion(input: $input) { criterion { id } userErrors { code field message } } }`,
      { input: { stageId: stage.id, name: '附加题', kind: 'MEASUREMENT', maxScore: 10 } }, organizer.token);
    expect(ok(added).addCriterion.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE', message: expect.stringContaining('《电焊安全网上练兵》') })]);
    const judged = await t.gql(`mutation($input: UpdateCriterionInput!) { updateCriterion(input: $input) { criterion { kind } userErrors { code field message } } }`,
      { input: { criterionId: stage.criteria[0]!.id, kind: 'JUDGEMENT' } }, organizer.token);
    expect(ok(judged).updateCriterion.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE', field: ['input', 'kind'] })]);
    // Unlinked, the scheme is the organizer's again.
    expect(ok(await t.gql(UNLINK, { input: { stageId: stage.id } }, organizer.token)).unlinkStageFromDrill.userErrors).toEqual([]);
    expect(ok(await t.gql(`mutation($input: UpdateCriterionInput!) { updateCriterion(input: $input) { criterion { kind } userErrors { code } } }`,
      { input: { criterionId: stage.criteria[0]!.id, kind: 'JUDGEMENT' } }, organizer.token)).updateCriterion).toEqual({ criterion: { kind: 'JUDGEMENT' }, userErrors: [] });
  });
});
