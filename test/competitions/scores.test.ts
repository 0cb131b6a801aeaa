import { randomUUID } from 'node:crypto';
import { Role } from '../../src/auth/role';
import { errorCode, ok, startTestServer, type TestServer } from '../helpers/server';
import { acceptMissingMarks, setupCompetition, type CompetitionFixture } from '../helpers/competition';
import { createWorker } from '../helpers/registry';

const SUBMIT = `mutation($input: SubmitScoreInput!) {
  submitScore(input: $input) { score { id value comment judgeName revisions { nodes { oldValue newValue reason } } } revised replayed userErrors { code field message } }
}`;
const BOARD = `query($id: ID!) { node(id: $id) { ... on Competition { leaderboard { version frozen rows { rank entryId displayName total completeness stageTotals { stageName score } } } } } }`;

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t.close());

async function board(f: CompetitionFixture, token?: string) {
  return ok(await t.gql(BOARD, { id: f.competitionId }, token)).node.leaderboard;
}

function mark(f: CompetitionFixture, judge: number, entry: number, stage: number, criterion: number, value: number, extra: Record<string, unknown> = {}) {
  return t.gql(SUBMIT, { input: { entryId: f.entries[entry]!.id, criterionId: f.stages[stage]!.criteria[criterion]!.id, value, ...extra } }, f.judges[judge]!.token);
}

describe('submitScore and the leaderboard', () => {
  it('scales stage scores to 100, weights them, aggregates a panel and counts completeness', async () => {
    const f = await setupCompetition(t);
    // 理论 (30 %): one MEASUREMENT criterion out of 100 → 80 → stage 80 → 24.00 of the total.
    ok(await mark(f, 0, 0, 0, 0, 80));
    let b = await board(f);
    const row = (b: any) => b.rows.find((r: any) => r.entryId === f.entries[0]!.id);
    expect(row(b)).toMatchObject({ rank: 1, total: 24, completeness: 0.1429 }); // 1 of 1 + 3×2 = 7 expected marks
    // 实操 (70 %): two JUDGEMENT criteria out of 50, three judges, MEAN: (40+44+45)/3 = 43 and 50 → (43+50)/100 → 93 → 65.10.
    for (const [j, v] of [[0, 40], [1, 44], [2, 45]] as const) ok(await mark(f, j, 0, 1, 0, v));
    for (const j of [0, 1, 2]) ok(await mark(f, j, 0, 1, 1, 50));
    b = await board(f);
    expect(row(b)).toMatchObject({ rank: 1, total: 89.1, completeness: 1 });
    expect(row(b).stageTotals).toEqual([{ stageName: '理论', score: 80 }, { stageName: '实操', score: 93 }]);
    expect(b.rows.filter((r: any) => r.rank === null)).toHaveLength(2); // the unmarked entries: no rank yet (issue 13)
  });

  it('raises the version by exactly one per accepted mark and not for refused ones', async () => {
    const f = await setupCompetition(t);
    const v0 = (await board(f)).version;
    ok(await mark(f, 0, 1, 0, 0, 50));
    expect((await board(f)).version).toBe(v0 + 1);
    const refused = ok(await mark(f, 0, 1, 1, 0, 51)); // over maxScore 50
    expect(refused.submitScore.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'value'] })]);
    expect((await board(f)).version).toBe(v0 + 1);
    ok(await mark(f, 0, 1, 1, 0, 49.5));
    expect((await board(f)).version).toBe(v0 + 2);
  });

  it('treats a second mark as a correction that needs a reason and keeps the old value', async () => {
    const f = await setupCompetition(t);
    const first = ok(await mark(f, 1, 0, 1, 0, 30)).submitScore;
    expect(first).toMatchObject({ revised: false, replayed: false, userErrors: [] });
    const noReason = ok(await mark(f, 1, 0, 1, 0, 35)).submitScore;
    expect(noReason.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'reason'] })]);
    const fixed = ok(await mark(f, 1, 0, 1, 0, 35, { reason: '看错刻度' })).submitScore;
    expect(fixed.revised).toBe(true);
    expect(fixed.score.id).toBe(first.score.id);
    expect(fixed.score.value).toBe(35);
    expect(fixed.score.revisions.nodes).toEqual([{ oldValue: 30, newValue: 35, reason: '看错刻度' }]);
    // MEASUREMENT: one mark per entry whoever gives it; another judge's mark is a correction too.
    const m1 = ok(await mark(f, 0, 0, 0, 0, 70)).submitScore;
    const m2 = ok(await mark(f, 2, 0, 0, 0, 72, { reason: '复测' })).submitScore;
    expect(m2.score.id).toBe(m1.score.id);
    expect(m2.score.revisions.nodes).toHaveLength(1);
  });

  it('answers a retry with the same idempotencyKey with the first outcome, recording nothing new', async () => {
    const f = await setupCompetition(t);
    const key = randomUUID();
    const a = ok(await mark(f, 0, 2, 1, 1, 41, { idempotencyKey: key })).submitScore;
    const v = (await board(f)).version;
    const b = ok(await mark(f, 0, 2, 1, 1, 41, { idempotencyKey: key })).submitScore;
    expect(b).toMatchObject({ replayed: true, userErrors: [] });
    expect(b.score.id).toBe(a.score.id);
    expect((await board(f)).version).toBe(v);
    // Concurrent duplicates (a tablet retrying before the first answer arrived): still one mark.
    const key2 = randomUUID();
    const results = await Promise.all([0, 1, 2, 3].map(() => mark(f, 1, 2, 1, 1, 42, { idempotencyKey: key2 })));
    const ids = new Set(results.map((r) => ok(r).submitScore.score.id));
    expect(ids.size).toBe(1);
    expect((await board(f)).version).toBe(v + 1);
    const reused = ok(await mark(f, 0, 2, 1, 1, 44, { idempotencyKey: key, reason: 'x' })).submitScore;
    expect(reused.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'idempotencyKey'] })]);
  });

  it('refuses anonymous viewers, non-judges, judges of other stages or competitions, and bad values', async () => {
    const f = await setupCompetition(t);
    const input = { entryId: f.entries[0]!.id, criterionId: f.stages[0]!.criteria[0]!.id, value: 10 };
    expect(errorCode(await t.gql(SUBMIT, { input }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(SUBMIT, { input }, f.organizer.token))).toBe('FORBIDDEN');
    const stranger = await t.user([Role.JUDGE]);
    expect(errorCode(await t.gql(SUBMIT, { input }, stranger.token))).toBe('FORBIDDEN');
    const other = await setupCompetition(t);
    expect(errorCode(await t.gql(SUBMIT, { input }, other.judges[0]!.token))).toBe('FORBIDDEN');
    for (const value of [-1, 100.01, 12.345]) {
      const res = ok(await t.gql(SUBMIT, { input: { ...input, value } }, f.judges[0]!.token)).submitScore;
      expect(res.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'value'] })]);
    }
    const wrongId = ok(await t.gql(SUBMIT, { input: { ...input, entryId: f.competitionId } }, f.judges[0]!.token)).submitScore;
    expect(wrongId.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'entryId'] })]);
    expect((await board(f)).rows.map((r: any) => r.total)).toEqual(f.entries.map(() => 0));
  });

  it('refuses a judge marking an entry with a worker of the judge’s own enterprise (CONFLICT_OF_INTEREST)', async () => {
    const f = await setupCompetition(t);
    const admin = await t.user([Role.ADMIN]);
    const colleague = await createWorker(t, admin.token, f.entries[0]!.enterpriseId);
    const judge = await t.user([Role.JUDGE], { workerId: colleague.id });
    const assigned = ok(await t.gql(`mutation($input: AssignJudgeInput!) { assignJudge(input: $input) { userErrors { code message } } }`, {
      input: { competitionId: f.competitionId, userId: judge.globalId, stageIds: f.stages.map((s) => s.id), chief: false, reason: '补充裁判' },
    }, f.organizer.token));
    expect(assigned.assignJudge.userErrors).toEqual([]);
    const own = ok(await t.gql(SUBMIT, { input: { entryId: f.entries[0]!.id, criterionId: f.stages[0]!.criteria[0]!.id, value: 90 } }, judge.token)).submitScore;
    expect(own.userErrors).toEqual([expect.objectContaining({ code: 'CONFLICT_OF_INTEREST' })]);
    const otherEntry = ok(await t.gql(SUBMIT, { input: { entryId: f.entries[1]!.id, criterionId: f.stages[0]!.criteria[0]!.id, value: 90 } }, judge.token)).submitScore;
    expect(otherEntry.userErrors).toEqual([]);
  });

  it('accepts marks only while IN_PROGRESS', async () => {
    const f = await setupCompetition(t);
    await acceptMissingMarks(t, f); // nothing is marked: the chief judge accepts that first
    const closed = ok(await t.gql(`mutation($id: ID!) { closeScoring(input: { competitionId: $id }) { userErrors { code } } }`, { id: f.competitionId }, f.organizer.token));
    expect(closed.closeScoring.userErrors).toEqual([]);
    const res = ok(await mark(f, 0, 0, 0, 0, 50)).submitScore;
    expect(res.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
  });
});

describe('audit: score sheet and score log', () => {
  it('shows organizers everything, a judge their stages, the public nothing', async () => {
    const f = await setupCompetition(t);
    ok(await mark(f, 0, 0, 0, 0, 60));
    ok(await mark(f, 1, 0, 1, 0, 20));
    ok(await mark(f, 1, 0, 1, 0, 25, { reason: '复核' }));
    const SHEET = `query($id: ID!) { node(id: $id) { ... on Entry { scoreSheet { total marksReceived lines { criterion { name } aggregate marks { value judgeName revisions { nodes { oldValue newValue } } } } } } } }`;
    const org = ok(await t.gql(SHEET, { id: f.entries[0]!.id }, f.organizer.token)).node.scoreSheet;
    expect(org.lines).toHaveLength(3);
    expect(org.marksReceived).toBe(2);
    expect(org.total).toBe(35.5); // 0.3×60 + 0.7×((25+0)/(50+50)×100) = 18 + 17.5
    expect(ok(await t.gql(SHEET, { id: f.entries[0]!.id })).node.scoreSheet).toBeNull();
    const LOG = `query($id: ID!) { node(id: $id) { ... on Competition { scoreLog(first: 10) { totalCount nodes { value revisions { nodes { reason } } } } } } }`;
    const log = ok(await t.gql(LOG, { id: f.competitionId }, f.organizer.token)).node.scoreLog;
    expect(log.totalCount).toBe(2);
    expect(log.nodes[0]).toEqual({ value: 25, revisions: { nodes: [{ reason: '复核' }] } });
    expect(errorCode(await t.gql(LOG, { id: f.competitionId }, f.judges[0]!.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(LOG, { id: f.competitionId }))).toBe('UNAUTHENTICATED');
  });
});

describe('score sheet rounding', () => {
  it('rounds a panel aggregate exactly, half up to two decimals, as the stage scores do', async () => {
    // Two judges, MEAN: (1.00 + 1.01) / 2 = 1.005 exactly → 1.01; as a float it is 1.00499… and Math.round gave 1.00.
    const f = await setupCompetition(t, { judges: 2 });
    ok(await mark(f, 0, 0, 1, 0, 1));
    ok(await mark(f, 1, 0, 1, 0, 1.01));
    const SHEET = `query($id: ID!) { node(id: $id) { ... on Entry { scoreSheet { lines { aggregate } } } } }`;
    const lines = ok(await t.gql(SHEET, { id: f.entries[0]!.id }, f.organizer.token)).node.scoreSheet.lines;
    expect(lines[1].aggregate).toBe(1.01);
  });
});

describe('freeze', () => {
  it('keeps the public (and the judges’) board as at the freeze while its organizer and chief judge see it live', async () => {
    const f = await setupCompetition(t);
    ok(await mark(f, 0, 0, 0, 0, 50));
    const FREEZE = `mutation($id: ID!) { freezeLeaderboard(input: { competitionId: $id }) { leaderboard { frozen } userErrors { code } } }`;
    expect(errorCode(await t.gql(FREEZE, { id: f.competitionId }, f.judges[0]!.token))).toBe('FORBIDDEN');
    const other = await t.user([Role.ORGANIZER]);
    expect(errorCode(await t.gql(FREEZE, { id: f.competitionId }, other.token))).toBe('FORBIDDEN');
    ok(await t.gql(FREEZE, { id: f.competitionId }, f.organizer.token));
    expect(ok(await t.gql(FREEZE, { id: f.competitionId }, f.organizer.token)).freezeLeaderboard.userErrors[0].code).toBe('INVALID_STATE');
    ok(await mark(f, 0, 1, 0, 0, 90));
    const pub = await board(f);
    expect(pub.frozen).toBe(true);
    expect(pub.rows[0].entryId).toBe(f.entries[0]!.id);
    const live = await board(f, f.organizer.token);
    expect(live.frozen).toBe(false);
    expect(live.rows[0].entryId).toBe(f.entries[1]!.id);
    expect((await board(f, f.judges[0]!.token)).rows[0].entryId).toBe(f.entries[1]!.id); // the chief judge
    expect((await board(f, f.judges[1]!.token)).rows[0].entryId).toBe(f.entries[0]!.id);
    ok(await t.gql(`mutation($id: ID!) { unfreezeLeaderboard(input: { competitionId: $id }) { userErrors { code } } }`, { id: f.competitionId }, f.organizer.token));
    expect((await board(f)).rows[0].entryId).toBe(f.entries[1]!.id);
  });

  it('hides names from the competition’s judges (anonymous marking) but not from the public', async () => {
    const f = await setupCompetition(t);
    const pub = await board(f);
    expect(pub.rows.map((r: any) => r.displayName)).toEqual(f.entries.map(() => expect.any(String)));
    const judge = await board(f, f.judges[0]!.token);
    expect(judge.rows.map((r: any) => r.displayName)).toEqual(f.entries.map(() => null));
  });
});
