import { Role } from '../../src/auth/role';
import { idOf } from '../../src/common/relay';
import { errorCode, ok, startTestServer, type TestServer } from '../helpers/server';
import { mutate, setupCompetition, signOffAndPublish, type CompetitionFixture } from '../helpers/competition';
import { createEnterprise, createWorker } from '../helpers/registry';

/*
 * Issue 12 §3: complete marking, or a decision to accept it — conflicted judges reported, substitutes
 * scoped to entries, expected marks counting only marks that can be given, per-stage close, the chief
 * judge's acceptance of a gap, ABSENT entrants, and sign-offs voided by what changes a score sheet.
 */

const SUBMIT = `mutation($input: SubmitScoreInput!) { submitScore(input: $input) { score { id } userErrors { code field message } } }`;
const ASSIGN = `mutation($input: AssignJudgeInput!) {
  assignJudge(input: $input) { assignment { id entryIds } conflictedEntries { id startNumber } userErrors { code field message } }
}`;
const BOARD = `query($id: ID!) { node(id: $id) { ... on Competition { leaderboard { version rows(first: 1000) { nodes { rank entryId status total completeness } } } } } }`;
const ACCEPT = `mutation($input: AcceptMarkingGapInput!) {
  acceptMarkingGap(input: $input) {
    acceptance { id reason acceptedAt acceptedBy { displayName } stage { name } gaps { entry { id startNumber } criterion { id name } missing } }
    userErrors { code field message }
  }
}`;
const CLOSE = `mutation($input: CompetitionTransitionInput!) { closeScoring(input: $input) { competition { status stages { markingClosedAt } } userErrors { code field message } } }`;
const CLOSE_STAGE = `mutation($input: CloseStageMarkingInput!) { closeStageMarking(input: $input) { stage { id markingClosedAt } userErrors { code field message } } }`;
const ABSENT = `mutation($input: MarkEntryAbsentInput!) { markEntryAbsent(input: $input) { entry { id status statusReason } userErrors { code field message } } }`;
const GAPS = `query($id: ID!) { node(id: $id) { ... on Competition {
  markingGapAcceptances(first: 10) { totalCount edges { node { reason acceptedBy { displayName } gaps { entry { startNumber } missing } } } }
} } }`;

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t.close());

function mark(f: CompetitionFixture, token: string, entry: number, stage: number, criterion: number, value: number) {
  return t.gql(SUBMIT, { input: { entryId: f.entries[entry]!.id, criterionId: f.stages[stage]!.criteria[criterion]!.id, value } }, token);
}

/** Every mark of the fixture's judges on these entries (the theory mark by judge 0). */
async function markAll(f: CompetitionFixture, entries: number[], judges = f.judges.map((j) => j.token)) {
  for (const e of entries) {
    ok(await mark(f, judges[0]!, e, 0, 0, 80));
    for (const token of judges) for (const c of [0, 1]) expect(ok(await mark(f, token, e, 1, c, 40)).submitScore.userErrors).toEqual([]);
  }
}

async function rows(f: CompetitionFixture, token?: string): Promise<{ rank: number | null; entryId: string; status: string; total: number; completeness: number }[]> {
  return ok(await t.gql(BOARD, { id: f.competitionId }, token ?? f.organizer.token)).node.leaderboard.rows.nodes;
}
const rowOf = async (f: CompetitionFixture, entry: number) => (await rows(f)).find((r) => r.entryId === f.entries[entry]!.id)!;

/** A JUDGE user linked to a new worker of the enterprise. */
async function judgeOf(f: CompetitionFixture, enterpriseId: string) {
  const worker = await createWorker(t, f.organizer.token, enterpriseId, { trade: '焊工', skillLevel: 'SENIOR_TECHNICIAN' });
  return t.user([Role.JUDGE], { workerId: idOf(worker.id, 'Worker')! });
}

async function sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  return t.orm.em.fork().getConnection().execute(text, params) as Promise<T[]>;
}

/** The chief judge (judges[0]) signs off every stage through the API (marking of each must be closed). */
async function signOffAll(f: CompetitionFixture) {
  for (const s of f.stages) {
    const res = ok(await t.gql(`mutation($input: SignOffStageInput!) { signOffStage(input: $input) { userErrors { code message } } }`, { input: { stageId: s.id } }, f.judges[0]!.token));
    expect(res.signOffStage.userErrors).toEqual([]);
  }
}
const validSignOffs = async (f: CompetitionFixture) =>
  sql<{ n: string }>(`select count(*) as n from stage_sign_off where competition_id = ? and invalidated_at is null`, [idOf(f.competitionId, 'Competition')]).then((r) => Number(r[0]!.n));
const voidReasons = async (f: CompetitionFixture) =>
  (await sql<{ invalidated_reason: string }>(`select invalidated_reason from stage_sign_off where competition_id = ? and invalidated_at is not null`, [idOf(f.competitionId, 'Competition')])).map((r) => r.invalidated_reason);

describe('conflicted judges and substitutes', () => {
  it('assignJudge reports the entries the judge may not mark; expected marks leave them out, so 100 % is reached', async () => {
    const f = await setupCompetition(t);
    const conflicted = await judgeOf(f, f.entries[0]!.enterpriseId);
    const res = ok(await t.gql(ASSIGN, { input: { competitionId: f.competitionId, userId: conflicted.globalId, stageIds: f.stages.map((s) => s.id), reason: '增补裁判' } }, f.organizer.token)).assignJudge;
    expect(res.userErrors).toEqual([]);
    expect(res.conflictedEntries).toEqual([{ id: f.entries[0]!.id, startNumber: f.entries[0]!.startNumber }]);
    expect(res.assignment.entryIds).toBeNull();
    // The three unconflicted judges mark entry 0 fully: complete although a fourth judge sits on its stages.
    await markAll(f, [0]);
    expect(await rowOf(f, 0)).toMatchObject({ completeness: 1 });
    // Entry 1 expects the fourth judge too: 1 + 2×4 = 9 marks, 1 + 2×3 = 7 given.
    await markAll(f, [1]);
    expect(await rowOf(f, 1)).toMatchObject({ completeness: 0.7778 });
    // The conflicted judge is refused on entry 0 as before.
    expect(ok(await mark(f, conflicted.token, 0, 1, 0, 40)).submitScore.userErrors).toEqual([expect.objectContaining({ code: 'CONFLICT_OF_INTEREST' })]);
  });

  it('a substitute marks exactly the entries named, and is refused elsewhere without a hint of whose entry it is', async () => {
    const f = await setupCompetition(t);
    const outsider = await createEnterprise(t, f.organizer.token, { name: `替补单位-${Date.now() % 100000}` });
    const sub = await judgeOf(f, outsider.id);
    const res = ok(await t.gql(ASSIGN, {
      input: { competitionId: f.competitionId, userId: sub.globalId, stageIds: [f.stages[1]!.id], entryIds: [f.entries[0]!.id], reason: '回避替补' },
    }, f.organizer.token)).assignJudge;
    expect(res).toMatchObject({ userErrors: [], conflictedEntries: [], assignment: { entryIds: [f.entries[0]!.id] } });
    for (const c of [0, 1]) expect(ok(await mark(f, sub.token, 0, 1, c, 33)).submitScore.userErrors).toEqual([]);
    const refused = ok(await mark(f, sub.token, 1, 1, 0, 33)).submitScore.userErrors;
    expect(refused).toEqual([{ code: 'FORBIDDEN', field: ['input', 'entryId'], message: '您不负责评判该参赛作品' }]);
    expect(refused[0].message).not.toMatch(/enterprise|单位|colleague/i);
    // Entry 0 expects the substitute's marks; entry 1 does not.
    await markAll(f, [0, 1]);
    expect(await rowOf(f, 0)).toMatchObject({ completeness: 1 });
    expect(await rowOf(f, 1)).toMatchObject({ completeness: 1 });
  });

  it('refuses a scope with an entry of another competition or one the substitute is conflicted with, changing nothing', async () => {
    const f = await setupCompetition(t);
    const other = await setupCompetition(t, { entries: 1, judges: 1 });
    const sub = await judgeOf(f, f.entries[1]!.enterpriseId);
    const res = ok(await t.gql(ASSIGN, {
      input: { competitionId: f.competitionId, userId: sub.globalId, stageIds: [f.stages[1]!.id], entryIds: [f.entries[0]!.id, other.entries[0]!.id, f.entries[1]!.id], reason: '回避替补' },
    }, f.organizer.token)).assignJudge;
    expect(res.assignment).toBeNull();
    expect(res.userErrors).toEqual([
      expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'entryIds', '1'] }),
      expect.objectContaining({ code: 'CONFLICT_OF_INTEREST', field: ['input', 'entryIds', '2'] }),
    ]);
    const panel = ok(await t.gql(`query($id: ID!) { node(id: $id) { ... on Competition { judges { nodes { id } } } } }`, { id: f.competitionId }, f.organizer.token)).node.judges.nodes;
    expect(panel).toHaveLength(3);
    // Another organizer may not name substitutes.
    const stranger = await t.user([Role.ORGANIZER]);
    const denied = await t.gql(ASSIGN, { input: { competitionId: f.competitionId, userId: sub.globalId, stageIds: [f.stages[1]!.id], entryIds: [f.entries[0]!.id], reason: 'x' } }, stranger.token);
    expect(errorCode(denied)).toBe('FORBIDDEN');
  });

  it('a panel change recomputes every entry’s stored result at once', async () => {
    const f = await setupCompetition(t);
    await markAll(f, [0]);
    expect(await rowOf(f, 0)).toMatchObject({ completeness: 1 });
    const extra = await judgeOf(f, (await createEnterprise(t, f.organizer.token, { name: `新裁判单位-${Date.now() % 100000}` })).id);
    await mutate(t, f.organizer.token, 'assignJudge', 'AssignJudgeInput', { competitionId: f.competitionId, userId: extra.globalId, stageIds: [f.stages[1]!.id], reason: '增补' }, 'assignment { id }');
    // No new mark: the stored result now expects 1 + 2×4 = 9 marks.
    expect(await rowOf(f, 0)).toMatchObject({ completeness: 0.7778 });
    const stored = await sql<{ marks_expected: number; marks_received: number }>(`select marks_expected, marks_received from entry_result where entry_id = ?`, [idOf(f.entries[0]!.id, 'Entry')]);
    expect(stored[0]).toEqual({ marks_expected: 9, marks_received: 7 });
    // Entries without a mark get their row too.
    const counts = await sql<{ n: string }>(`select count(*) as n from entry_result where competition_id = ?`, [idOf(f.competitionId, 'Competition')]);
    expect(Number(counts[0]!.n)).toBe(3);
    await mutate(t, f.organizer.token, 'unassignJudge', 'UnassignJudgeInput', { competitionId: f.competitionId, userId: extra.globalId, reason: '撤回' }, 'assignment { id }');
    expect(await rowOf(f, 0)).toMatchObject({ completeness: 1 });
  });
});

describe('marks racing a panel change', () => {
  it('marks in flight while the panel changes all land (no deadlock), and every stored result counts the new panel', async () => {
    const f = await setupCompetition(t, { entries: 6 });
    const extra = await judgeOf(f, (await createEnterprise(t, f.organizer.token, { name: `并发裁判单位-${Math.random()}` })).id);
    const marks = f.entries.flatMap((_, e) => f.judges.map((j) => mark(f, j.token, e, 1, 0, 30)));
    const assign = t.gql(ASSIGN, { input: { competitionId: f.competitionId, userId: extra.globalId, stageIds: [f.stages[1]!.id], reason: '增补' } }, f.organizer.token);
    const results = await Promise.all([...marks, assign]);
    for (const r of results) expect(r.errors).toBeUndefined();
    const stored = await sql<{ marks_expected: number; marks_received: number }>(`select marks_expected, marks_received from entry_result where competition_id = ?`, [idOf(f.competitionId, 'Competition')]);
    expect(stored).toHaveLength(6);
    // 1 theory + 2 criteria × 4 judges expected; 3 marks each received.
    for (const r of stored) expect(r).toEqual({ marks_expected: 9, marks_received: 3 });
  });
});

describe('closing marking: complete, or a gap the chief judge accepted', () => {
  it('closeScoring lists each entry’s missing criteria; the chief judge accepts the gap; then it closes every stage', async () => {
    const f = await setupCompetition(t);
    await markAll(f, [0]);
    ok(await mark(f, f.judges[0]!.token, 1, 0, 0, 70)); // entry 1: only the theory mark
    const refused = ok(await t.gql(CLOSE, { input: { competitionId: f.competitionId } }, f.organizer.token)).closeScoring;
    expect(refused.competition).toBeNull();
    const byNumber = [...f.entries.slice(1)].sort((a, b) => a.startNumber! - b.startNumber!);
    expect(refused.userErrors).toHaveLength(2);
    const messages: string[] = refused.userErrors.map((e: { message: string }) => e.message);
    for (const e of byNumber) {
      const m = messages.find((x) => x.startsWith(`参赛号 ${e.startNumber} 评分未齐`))!;
      expect(m).toContain('“实操评分项1”缺 3 份（应有 3 份）');
      expect(m).toContain('“实操评分项2”缺 3 份');
      expect(m).toContain('请补齐评分，或由裁判长确认缺项后再结束评分');
      // Entry 1 has its theory mark; entry 2 has none.
      expect(m.includes('理论评分项1')).toBe(e.id === f.entries[2]!.id);
    }
    expect(refused.userErrors.every((e: { code: string; field: string[] }) => e.code === 'INVALID_STATE' && e.field.join('.') === 'input.competitionId')).toBe(true);

    // Only the chief judge accepts: not another judge, not the organizer, not with an empty reason.
    const input = { competitionId: f.competitionId, reason: '3号裁判突发疾病，缺评经裁判组议定' };
    expect(errorCode(await t.gql(ACCEPT, { input }, f.judges[1]!.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(ACCEPT, { input }, f.organizer.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(ACCEPT, { input }, null))).toBe('UNAUTHENTICATED');
    const blank = ok(await t.gql(ACCEPT, { input: { ...input, reason: '  ' } }, f.judges[0]!.token)).acceptMarkingGap;
    expect(blank).toMatchObject({ acceptance: null, userErrors: [expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'reason'] })] });
    expect(ok(await t.gql(GAPS, { id: f.competitionId }, f.organizer.token)).node.markingGapAcceptances.totalCount).toBe(0);

    const accepted = ok(await t.gql(ACCEPT, { input }, f.judges[0]!.token)).acceptMarkingGap;
    expect(accepted.userErrors).toEqual([]);
    expect(accepted.acceptance).toMatchObject({ reason: input.reason, stage: null, acceptedBy: { displayName: expect.any(String) } });
    // Exactly what was missing: entry 1 two criteria × 3, entry 2 those and the theory mark.
    expect(accepted.acceptance.gaps).toHaveLength(5);
    expect(accepted.acceptance.gaps.reduce((n: number, g: { missing: number }) => n + g.missing, 0)).toBe(13);

    // The jury sees the accepted gaps; another judge and the public do not.
    const seen = ok(await t.gql(GAPS, { id: f.competitionId }, f.organizer.token)).node.markingGapAcceptances;
    expect(seen.edges[0].node).toMatchObject({ reason: input.reason });
    expect(ok(await t.gql(GAPS, { id: f.competitionId }, f.judges[0]!.token)).node.markingGapAcceptances.totalCount).toBe(1);
    expect(ok(await t.gql(GAPS, { id: f.competitionId }, f.judges[1]!.token)).node.markingGapAcceptances).toBeNull();
    expect(ok(await t.gql(GAPS, { id: f.competitionId })).node.markingGapAcceptances).toBeNull();

    const closed = ok(await t.gql(CLOSE, { input: { competitionId: f.competitionId } }, f.organizer.token)).closeScoring;
    expect(closed.userErrors).toEqual([]);
    expect(closed.competition.status).toBe('SCORING_CLOSED');
    expect(closed.competition.stages.every((s: { markingClosedAt: string | null }) => s.markingClosedAt !== null)).toBe(true);

    // The results CSV says the gap was accepted, by whom and why.
    const csv = await (await fetch(t.url.replace(/\/graphql$/, `/competitions/${f.competitionId}/results.csv`), { headers: { authorization: `Bearer ${f.organizer.token}` } })).text();
    expect(csv).toContain('裁判长已确认缺项');
    expect(csv).toContain(input.reason);
    expect(csv).toContain(accepted.acceptance.acceptedBy.displayName);

    // Reopening reopens every stage.
    const reopened = await mutate(t, f.organizer.token, 'reopenScoring', 'CompetitionTransitionInput', { competitionId: f.competitionId, reason: '复核' }, 'competition { stages { markingClosedAt } }');
    expect(reopened.competition.stages.every((s: { markingClosedAt: string | null }) => s.markingClosedAt === null)).toBe(true);
  });

  it('a gap that opened after the acceptance is not covered by it', async () => {
    const f = await setupCompetition(t);
    await markAll(f, [0, 1, 2]);
    const nothing = ok(await t.gql(ACCEPT, { input: { competitionId: f.competitionId, reason: '无缺项' } }, f.judges[0]!.token)).acceptMarkingGap;
    expect(nothing).toMatchObject({ acceptance: null, userErrors: [expect.objectContaining({ code: 'INVALID_STATE' })] });
    const addJudge = async () => {
      const extra = await judgeOf(f, (await createEnterprise(t, f.organizer.token, { name: `增补裁判单位-${Math.random()}` })).id);
      await mutate(t, f.organizer.token, 'assignJudge', 'AssignJudgeInput', { competitionId: f.competitionId, userId: extra.globalId, stageIds: [f.stages[1]!.id], reason: '增补' }, 'assignment { id }');
    };
    await addJudge();
    const first = ok(await t.gql(ACCEPT, { input: { competitionId: f.competitionId, stageId: f.stages[1]!.id, reason: '增补裁判未及评分' } }, f.judges[0]!.token)).acceptMarkingGap;
    expect(first.acceptance).toMatchObject({ stage: { name: '实操' } });
    expect(first.acceptance.gaps.map((g: { missing: number }) => g.missing)).toEqual([1, 1, 1, 1, 1, 1]);
    // A second late judge: two marks missing per criterion now, one accepted.
    await addJudge();
    const refused = ok(await t.gql(CLOSE, { input: { competitionId: f.competitionId } }, f.organizer.token)).closeScoring;
    expect(refused.userErrors).toHaveLength(3);
    expect(refused.userErrors[0].message).toContain('缺 2 份（应有 5 份）');
    ok(await t.gql(ACCEPT, { input: { competitionId: f.competitionId, reason: '第二位增补裁判亦未评分' } }, f.judges[0]!.token));
    expect(ok(await t.gql(CLOSE, { input: { competitionId: f.competitionId } }, f.organizer.token)).closeScoring.userErrors).toEqual([]);
  });

  it('closeStageMarking closes one stage: refused while its marks are missing, then no more marks on it', async () => {
    const f = await setupCompetition(t);
    for (const e of [0, 1]) ok(await mark(f, f.judges[1]!.token, e, 0, 0, 60));
    const theory = f.stages[0]!.id;
    const missing = ok(await t.gql(CLOSE_STAGE, { input: { stageId: theory } }, f.organizer.token)).closeStageMarking;
    expect(missing.stage).toBeNull();
    expect(missing.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE', field: ['input', 'stageId'], message: expect.stringContaining(`参赛号 ${f.entries[2]!.startNumber} 评分未齐`) })]);
    expect(missing.userErrors[0].message).not.toContain('实操');
    // Denials: another organizer, a judge.
    expect(errorCode(await t.gql(CLOSE_STAGE, { input: { stageId: theory } }, (await t.user([Role.ORGANIZER])).token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(CLOSE_STAGE, { input: { stageId: theory } }, f.judges[0]!.token))).toBe('FORBIDDEN');

    ok(await mark(f, f.judges[1]!.token, 2, 0, 0, 60));
    const closed = ok(await t.gql(CLOSE_STAGE, { input: { stageId: theory } }, f.organizer.token)).closeStageMarking;
    expect(closed).toMatchObject({ userErrors: [], stage: { id: theory, markingClosedAt: expect.any(String) } });
    expect(ok(await mark(f, f.judges[1]!.token, 0, 0, 0, 61)).submitScore.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE', field: ['input', 'criterionId'] })]);
    // The other stage still takes marks; the closed one cannot close twice.
    expect(ok(await mark(f, f.judges[1]!.token, 0, 1, 0, 30)).submitScore.userErrors).toEqual([]);
    expect(ok(await t.gql(CLOSE_STAGE, { input: { stageId: theory } }, f.organizer.token)).closeStageMarking.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
    expect(ok(await t.gql(ACCEPT, { input: { competitionId: f.competitionId, stageId: theory, reason: 'x' } }, f.judges[0]!.token)).acceptMarkingGap.userErrors)
      .toEqual([expect.objectContaining({ code: 'INVALID_STATE', field: ['input', 'stageId'] })]);
  });
});

describe('ABSENT entrants', () => {
  async function absentRun(absentRanking: 'LAST' | 'UNRANKED') {
    const f = await setupCompetition(t, { absentRanking, prizeTiers: [{ prize: 'FIRST', count: 1 }, { prize: 'SECOND', count: 2 }] });
    // Entry 2 got a high theory mark, then did not show up for the practical.
    ok(await mark(f, f.judges[0]!.token, 2, 0, 0, 100));
    await markAll(f, [0, 1]);
    const absent = ok(await t.gql(ABSENT, { input: { entryId: f.entries[2]!.id, reason: '未到场' } }, f.organizer.token)).markEntryAbsent;
    expect(absent).toMatchObject({ userErrors: [], entry: { status: 'ABSENT', statusReason: '未到场' } });
    return f;
  }

  it('LAST: ranked after everyone, needs no marks, takes none, wins nothing', async () => {
    const f = await absentRun('LAST');
    const board = await rows(f);
    expect(board.at(-1)).toMatchObject({ entryId: f.entries[2]!.id, status: 'ABSENT', rank: 3 });
    expect(ok(await mark(f, f.judges[1]!.token, 2, 1, 0, 40)).submitScore.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
    // The absent entry's missing marks do not hold closeScoring up.
    expect(ok(await t.gql(CLOSE, { input: { competitionId: f.competitionId } }, f.organizer.token)).closeScoring.userErrors).toEqual([]);
    await signOffAndPublish(t, f);
    const done = await mutate(t, f.organizer.token, 'finalizeCompetition', 'CompetitionTransitionInput', { competitionId: f.competitionId }, 'awards { entry { id } rank prize }');
    const award = done.awards.find((a: { entry: { id: string } }) => a.entry.id === f.entries[2]!.id);
    expect(award).toMatchObject({ rank: 3, prize: null });
  });

  it('UNRANKED: listed without a rank', async () => {
    const f = await absentRun('UNRANKED');
    const board = await rows(f);
    expect(board.at(-1)).toMatchObject({ entryId: f.entries[2]!.id, status: 'ABSENT', rank: null });
    expect(board.filter((r) => r.rank !== null)).toHaveLength(2);
  });

  it('markEntryAbsent: the organizer only, with a reason, once, after the start', async () => {
    const f = await setupCompetition(t);
    const input = { entryId: f.entries[0]!.id, reason: '未到场' };
    expect(errorCode(await t.gql(ABSENT, { input }, (await t.user([Role.ORGANIZER])).token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(ABSENT, { input }, f.judges[0]!.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(ABSENT, { input }, null))).toBe('UNAUTHENTICATED');
    expect(ok(await t.gql(ABSENT, { input: { ...input, reason: ' ' } }, f.organizer.token)).markEntryAbsent)
      .toMatchObject({ entry: null, userErrors: [expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'reason'] })] });
    expect(ok(await t.gql(ABSENT, { input }, f.organizer.token)).markEntryAbsent.userErrors).toEqual([]);
    expect(ok(await t.gql(ABSENT, { input }, f.organizer.token)).markEntryAbsent.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
    const early = await setupCompetition(t, { until: 'REGISTRATION_CLOSED' });
    expect(ok(await t.gql(ABSENT, { input: { entryId: early.entries[0]!.id, reason: '未到场' } }, early.organizer.token)).markEntryAbsent.userErrors)
      .toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
  });
});

describe('sign-offs voided by what changes a score sheet', () => {
  it('markEntryAbsent, withdrawEntry, disqualifyEntry and reopenScoring void every stage’s sign-off, saying why', async () => {
    const f = await setupCompetition(t, { entries: 4 });
    await markAll(f, [0, 1, 2, 3]);
    await mutate(t, f.organizer.token, 'closeScoring', 'CompetitionTransitionInput', { competitionId: f.competitionId }, 'competition { status }');
    await signOffAll(f);
    expect(await validSignOffs(f)).toBe(2);
    ok(await t.gql(ABSENT, { input: { entryId: f.entries[0]!.id, reason: '未到场' } }, f.organizer.token));
    expect(await validSignOffs(f)).toBe(0);
    expect(await voidReasons(f)).toEqual([`参赛号 ${f.entries[0]!.startNumber} 缺考 / Entry ${f.entries[0]!.startNumber} absent: 未到场`, expect.any(String)]);

    for (const [name, type, entry] of [['withdrawEntry', 'WithdrawEntryInput', 1], ['disqualifyEntry', 'DisqualifyEntryInput', 2]] as const) {
      await signOffAll(f);
      expect(await validSignOffs(f)).toBe(2);
      await mutate(t, f.organizer.token, name, type, { entryId: f.entries[entry]!.id, reason: '违规' }, 'entry { status }');
      expect(await validSignOffs(f)).toBe(0);
    }
    await signOffAll(f);
    await mutate(t, f.organizer.token, 'reopenScoring', 'CompetitionTransitionInput', { competitionId: f.competitionId, reason: '发现录入错误' }, 'competition { status }');
    expect(await validSignOffs(f)).toBe(0);
    expect(await voidReasons(f)).toContain('重新开放评分 / Scoring reopened: 发现录入错误');
  });
});
