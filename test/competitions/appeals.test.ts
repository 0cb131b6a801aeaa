import { Role } from '../../src/auth/role';
import { mutate, setupCompetition, signOffAndPublish, signOffStages, type CompetitionFixture } from '../helpers/competition';
import { idOf } from '../../src/common/relay';
import { errorCode, ok, startTestServer, type TestServer } from '../helpers/server';
import { appoint, BOARD, closeScoring, closeWindow, FILE, FINALIZE, markAll, neutralJudges, workerUser, type User } from './appeals-setup';

/*
 * Appeals and arbitration (申诉, 仲裁; issue 12 §5), through the public API: who may file, one open appeal
 * per entry and criterion, the arbitrators' conflicts, dismissal, re-marking of an upheld appeal, and
 * finalization waiting for all of it. Publication itself: publication.test.ts.
 */
const RULE = `mutation($input: RuleOnAppealInput!) { ruleOnAppeal(input: $input) {
  appeal { id status ruling rulingReason ruledAt overdue ruledBy { id } remarks { id scoreId contestedValue value criterion { id } } }
  userErrors { code field message } } }`;
const REMARK = `mutation($input: SubmitAppealMarkInput!) { submitAppealMark(input: $input) {
  appeal { id status resolvedAt marksChanged } remark { id value contestedValue markedAt judge { id } }
  userErrors { code field message } } }`;
const APPEALS = `query($id: ID!) { competition(id: $id) { appeals(first: 50) { totalCount nodes { id status ruling grounds rulingReason filedBy { id } entry { id } } } } }`;

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t.close());

const file = async (token: string | null, input: Record<string, unknown>) => t.gql(FILE, { input }, token);
const fileOk = async (token: string, input: Record<string, unknown>) => ok(await file(token, input)).fileAppeal;

describe('appeals', () => {
  let f: CompetitionFixture;
  let leader: User;
  let otherLeader: User;
  let entrant: User;
  let otherWorker: User;
  let arbitrator: User;
  const judgement = () => f.stages[1]!.criteria[0]!.id;

  beforeAll(async () => {
    f = await setupCompetition(t, { entries: 3, judges: 3 });
    await markAll(t, f);
    // The third judge leaves the panel after marking (their marks stay) and later sits as an arbitrator.
    await mutate(t, f.organizer.token, 'unassignJudge', 'UnassignJudgeInput', { competitionId: f.competitionId, userId: f.judges[2]!.globalId, reason: '转任仲裁组' }, 'assignment { id }');
    // Users of any role: a duty or a link to a worker, not a role, makes them a party.
    leader = await t.user([Role.STUDIO_MANAGER]);
    otherLeader = await t.user([Role.STUDIO_MANAGER]);
    await appoint(t, f, leader, 'TEAM_LEADER', f.entries[0]!.enterpriseId);
    await appoint(t, f, otherLeader, 'TEAM_LEADER', f.entries[1]!.enterpriseId);
    entrant = await t.user([Role.REVIEWER], { workerId: f.entries[0]!.workerIds[0]! });
    otherWorker = await t.user([Role.REVIEWER], { workerId: f.entries[1]!.workerIds[0]! });
    arbitrator = await t.user([Role.REVIEWER]);
    await appoint(t, f, arbitrator, 'ARBITRATOR');
    await closeScoring(t, f);
  }, 120_000);

  it('are refused before publication', async () => {
    const res = await fileOk(leader.token, { entryId: f.entries[0]!.id, criterionId: judgement(), grounds: '评分偏低' });
    expect(res.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
    await signOffAndPublish(t, f, { appealWindowMinutes: 120 });
  });

  it('are filed by the team leader, the entrant and the organizer on their behalf; each once per entry and criterion', async () => {
    const byLeader = await fileOk(leader.token, { entryId: f.entries[0]!.id, criterionId: judgement(), grounds: '焊缝外观评分与实物不符' });
    expect(byLeader.userErrors).toEqual([]);
    expect(byLeader.existing).toBe(false);
    expect(byLeader.appeal).toEqual(expect.objectContaining({ status: 'FILED', grounds: '焊缝外观评分与实物不符', overdue: false, stage: { id: f.stages[1]!.id }, criterion: { id: judgement() } }));
    // Deadline: filed + arbitrationDeadlineMinutes (1440).
    const filed = ok(await t.gql(`query($id: ID!) { node(id: $id) { ... on Appeal { filedAt deadline } } }`, { id: byLeader.appeal.id }, leader.token)).node;
    expect(Date.parse(filed.deadline) - Date.parse(filed.filedAt)).toBe(1440 * 60_000);

    // A retry (or the entrant asking the same) returns the open appeal.
    const retry = await fileOk(entrant.token, { entryId: f.entries[0]!.id, criterionId: judgement(), grounds: '再次提交' });
    expect(retry).toEqual(expect.objectContaining({ existing: true, userErrors: [] }));
    expect(retry.appeal.id).toBe(byLeader.appeal.id);
    // A whole-stage appeal overlapping the open criterion appeal is refused.
    const overlap = await fileOk(entrant.token, { entryId: f.entries[0]!.id, stageId: f.stages[1]!.id, grounds: '整个实操赛段' });
    expect(overlap.userErrors).toEqual([expect.objectContaining({ code: 'ALREADY_EXISTS', field: ['input', 'stageId'] })]);

    const byEntrant = await fileOk(entrant.token, { entryId: f.entries[0]!.id, stageId: f.stages[0]!.id, grounds: '理论成绩登记有误' });
    expect(byEntrant.userErrors).toEqual([]);
    expect(byEntrant.appeal.criterion).toBeNull();
    const byOrganizer = await fileOk(f.organizer.token, { entryId: f.entries[2]!.id, criterionId: judgement(), grounds: '代参赛者提出' });
    expect(byOrganizer.userErrors).toEqual([]);

    const list = ok(await t.gql(APPEALS, { id: f.competitionId }, f.organizer.token)).competition.appeals;
    expect(list.totalCount).toBe(3);
  });

  it('are denied to another enterprise’s team leader, another worker, a judge and the public', async () => {
    const input = { entryId: f.entries[0]!.id, criterionId: f.stages[1]!.criteria[1]!.id, grounds: '不相干的人' };
    for (const token of [otherLeader.token, otherWorker.token, f.judges[1]!.token]) expect(errorCode(await file(token, input))).toBe('FORBIDDEN');
    expect(errorCode(await file(null, input))).toBe('UNAUTHENTICATED');
    // The denied see nothing of entry 0's appeals; its own party sees its appeals with their grounds, not who filed them.
    expect(ok(await t.gql(APPEALS, { id: f.competitionId }, otherWorker.token)).competition.appeals.totalCount).toBe(0);
    expect(ok(await t.gql(APPEALS, { id: f.competitionId })).competition.appeals.totalCount).toBe(0);
    const own = ok(await t.gql(APPEALS, { id: f.competitionId }, entrant.token)).competition.appeals.nodes;
    expect(own).toHaveLength(2);
    expect(own.every((a: { grounds: string | null; filedBy: unknown }) => a.grounds && a.filedBy === null)).toBe(true);
  });

  it('check their input: exactly one of stage and criterion, grounds, the competition’s own criterion; nothing is filed', async () => {
    const e = f.entries[1]!.id;
    const cases: [Record<string, unknown>, string, string[]][] = [
      [{ entryId: e, stageId: f.stages[0]!.id, criterionId: judgement(), grounds: 'x' }, 'INVALID_INPUT', ['input', 'stageId']],
      [{ entryId: e, grounds: 'x' }, 'INVALID_INPUT', ['input', 'stageId']],
      [{ entryId: e, criterionId: judgement(), grounds: '   ' }, 'INVALID_INPUT', ['input', 'grounds']],
    ];
    for (const [input, code, field] of cases) {
      expect((await fileOk(otherLeader.token, input)).userErrors).toEqual([expect.objectContaining({ code, field })]);
    }
    const elsewhere = await setupCompetition(t, { entries: 1, judges: 1, until: 'DRAFT', organizer: f.organizer });
    const foreign = await fileOk(otherLeader.token, { entryId: e, criterionId: elsewhere.stages[0]!.criteria[0]!.id, grounds: 'x' });
    expect(foreign.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'criterionId'] })]);
    expect(ok(await t.gql(APPEALS, { id: f.competitionId }, f.organizer.token)).competition.appeals.totalCount).toBe(3);
  });

  it('are ruled on only by an arbitrator without a conflict: not one who judged the stage, not one of the entrant’s enterprise', async () => {
    const appeals = ok(await t.gql(APPEALS, { id: f.competitionId }, f.organizer.token)).competition.appeals.nodes;
    const id = appeals[0].id;
    const input = { appealId: id, decision: 'DISMISSED', reason: '评分符合标准' };
    expect(errorCode(await t.gql(RULE, { input }, f.organizer.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(RULE, { input }, f.judges[1]!.token))).toBe('FORBIDDEN');

    // A judge of the contested stage, even one removed from the panel since (beforeAll), stands aside.
    const judge = f.judges[2]!;
    await appoint(t, f, judge, 'ARBITRATOR');
    const judged = ok(await t.gql(RULE, { input }, judge.token)).ruleOnAppeal;
    expect(judged.userErrors).toEqual([expect.objectContaining({ code: 'CONFLICT_OF_INTEREST', field: ['input', 'appealId'] })]);

    const colleague = await workerUser(t, f, f.entries[0]!.enterpriseId);
    await appoint(t, f, colleague, 'ARBITRATOR');
    const sameEnterprise = ok(await t.gql(RULE, { input }, colleague.token)).ruleOnAppeal;
    expect(sameEnterprise.userErrors).toEqual([expect.objectContaining({ code: 'CONFLICT_OF_INTEREST' })]);
    expect(sameEnterprise.userErrors[0].message).toMatch(/企业.*\/ .*enterprise/);

    const noReason = ok(await t.gql(RULE, { input: { ...input, reason: '' } }, arbitrator.token)).ruleOnAppeal;
    expect(noReason.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'reason'] })]);
    const judgesOnDismissal = ok(await t.gql(RULE, { input: { ...input, remarkJudgeIds: [f.judges[1]!.globalId] } }, arbitrator.token)).ruleOnAppeal;
    expect(judgesOnDismissal.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'remarkJudgeIds'] })]);
    expect(ok(await t.gql(APPEALS, { id: f.competitionId }, f.organizer.token)).competition.appeals.nodes[0].status).toBe('FILED');
  });

  it('dismissed with a reason: the marks stand, the ruling is on record, a second ruling is refused', async () => {
    const appeals = ok(await t.gql(APPEALS, { id: f.competitionId }, f.organizer.token)).competition.appeals.nodes;
    const stageAppeal = appeals.find((a: { grounds: string }) => a.grounds === '理论成绩登记有误');
    const before = ok(await t.gql(BOARD, { id: f.competitionId }, f.organizer.token)).competition.leaderboard.rows;
    const ruled = ok(await t.gql(RULE, { input: { appealId: stageAppeal.id, decision: 'DISMISSED', reason: '核对原始记录，登记无误' } }, arbitrator.token)).ruleOnAppeal;
    expect(ruled.userErrors).toEqual([]);
    expect(ruled.appeal).toEqual(expect.objectContaining({ status: 'DISMISSED', ruling: 'DISMISSED', rulingReason: '核对原始记录，登记无误', overdue: false, ruledBy: { id: arbitrator.globalId }, remarks: [] }));
    expect(ok(await t.gql(BOARD, { id: f.competitionId }, f.organizer.token)).competition.leaderboard.rows).toEqual(before);
    const twice = ok(await t.gql(RULE, { input: { appealId: stageAppeal.id, decision: 'UPHELD', reason: '改判' } }, arbitrator.token)).ruleOnAppeal;
    expect(twice.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
    // The entrant reads the ruling and its reason.
    const seen = ok(await t.gql(`query($id: ID!) { node(id: $id) { ... on Appeal { status rulingReason ruledBy { id } } } }`, { id: stageAppeal.id }, entrant.token)).node;
    expect(seen).toEqual({ status: 'DISMISSED', rulingReason: '核对原始记录，登记无误', ruledBy: null });
  });

  it('keeps finalization waiting while the window is open and appeals are unresolved', async () => {
    const res = ok(await t.gql(FINALIZE, { input: { competitionId: f.competitionId } }, f.organizer.token)).finalizeCompetition;
    expect(res.competition).toBeNull();
    const messages = res.userErrors.map((e: { message: string }) => e.message).join('\n');
    expect(messages).toMatch(/申诉期尚未结束/);
    expect(messages.match(/尚待仲裁/g)).toHaveLength(2);
  });

  it('upheld: named judges re-mark exactly the contested criterion; the new marks replace the old as APPEAL revisions; the result changes; the stage’s sign-off is voided; the last re-mark resolves it', async () => {
    const appeals = ok(await t.gql(APPEALS, { id: f.competitionId }, f.organizer.token)).competition.appeals.nodes;
    const appeal = appeals.find((a: { grounds: string }) => a.grounds === '焊缝外观评分与实物不符');
    const [r1, r2, r3] = await neutralJudges(t, f, 3);
    const rule = (remarkJudgeIds: string[]) => t.gql(RULE, { input: { appealId: appeal.id, decision: 'UPHELD', reason: '复看实物，外观评分偏低', remarkJudgeIds } }, arbitrator.token);

    const tooFew = ok(await rule([r1!.globalId, r2!.globalId])).ruleOnAppeal;
    expect(tooFew.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'remarkJudgeIds'] })]);
    const marker = ok(await rule([r1!.globalId, r2!.globalId, f.judges[1]!.globalId])).ruleOnAppeal;
    expect(marker.userErrors).toEqual([expect.objectContaining({ code: 'CONFLICT_OF_INTEREST', field: ['input', 'remarkJudgeIds', '2'] })]);
    const notJudge = ok(await rule([r1!.globalId, r2!.globalId, leader.globalId])).ruleOnAppeal;
    expect(notJudge.userErrors).toEqual([expect.objectContaining({ code: 'NOT_ELIGIBLE', field: ['input', 'remarkJudgeIds', '2'] })]);

    const upheld = ok(await rule([r1!.globalId, r2!.globalId, r3!.globalId])).ruleOnAppeal;
    expect(upheld.userErrors).toEqual([]);
    expect(upheld.appeal.status).toBe('UPHELD');
    // Exactly the contested criterion: its three marks (one per judge), not the stage's other criterion.
    expect(upheld.appeal.remarks).toHaveLength(3);
    expect(new Set(upheld.appeal.remarks.map((r: { criterion: { id: string } }) => r.criterion.id))).toEqual(new Set([judgement()]));

    const totalBefore = (await boardRow(f, 0)).total;
    const remarkInput = (scoreId: string, value: number) => ({ appealId: appeal.id, scoreId, value, comment: '复评' });
    const [m1, m2, m3] = upheld.appeal.remarks;

    expect(errorCode(await t.gql(REMARK, { input: remarkInput(m1.scoreId, 45) }, f.judges[1]!.token))).toBe('FORBIDDEN');
    const outOfRange = ok(await t.gql(REMARK, { input: remarkInput(m1.scoreId, 51) }, r1!.token)).submitAppealMark;
    expect(outOfRange.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'value'] })]);

    const first = ok(await t.gql(REMARK, { input: remarkInput(m1.scoreId, 45) }, r1!.token)).submitAppealMark;
    expect(first.userErrors).toEqual([]);
    expect(first.remark).toEqual(expect.objectContaining({ value: 45, contestedValue: m1.contestedValue, judge: { id: r1!.globalId } }));
    expect(first.appeal.status).toBe('UPHELD');
    // One re-mark per judge and criterion: the others are for the other named judges.
    const again = ok(await t.gql(REMARK, { input: remarkInput(m2.scoreId, 45) }, r1!.token)).submitAppealMark;
    expect(again.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
    // The re-mark voided the stage's sign-off: the chief judge must sign the changed sheet again.
    const unsigned = ok(await t.gql(FINALIZE, { input: { competitionId: f.competitionId } }, f.organizer.token)).finalizeCompetition;
    expect(unsigned.userErrors.map((e: { message: string }) => e.message).join('\n')).toContain(`“${f.stages[1]!.name}”`);

    await mutate(t, r2!.token, 'submitAppealMark', 'SubmitAppealMarkInput', { appealId: appeal.id, criterionId: judgement(), value: 46 }, 'remark { id }');
    const last = ok(await t.gql(REMARK, { input: remarkInput(m3.scoreId, 47) }, r3!.token)).submitAppealMark;
    expect(last.userErrors).toEqual([]);
    expect(last.appeal).toEqual(expect.objectContaining({ status: 'RESOLVED', marksChanged: 3 }));
    expect(last.appeal.resolvedAt).not.toBeNull();

    // The marks: new values, the re-markers as judges, the old values kept as APPEAL revisions pointing at the appeal.
    const sheet = ok(await t.gql(`query($id: ID!) { node(id: $id) { ... on Entry { scoreSheet { lines { criterion { id } marks { id value judgeName revisions { nodes { oldValue newValue reasonKind appealId } } } } } } } }`,
      { id: f.entries[0]!.id }, f.organizer.token)).node.scoreSheet;
    const line = sheet.lines.find((l: { criterion: { id: string } }) => l.criterion.id === judgement());
    expect(line.marks.map((m: { value: number }) => m.value).sort()).toEqual([45, 46, 47]);
    for (const m of line.marks) {
      expect(m.revisions.nodes).toEqual([expect.objectContaining({ reasonKind: 'APPEAL', appealId: appeal.id })]);
      expect(m.revisions.nodes[0].oldValue).toBe(upheld.appeal.remarks.find((r: { scoreId: string }) => r.scoreId === m.id).contestedValue);
    }
    expect((await boardRow(f, 0)).total).toBeGreaterThan(totalBefore);
  });

  it('finalizes once the window has closed, every appeal is settled and every stage is signed again; the board shows who won on appeal', async () => {
    const appeals = ok(await t.gql(APPEALS, { id: f.competitionId }, f.organizer.token)).competition.appeals.nodes;
    const pending = appeals.find((a: { status: string }) => a.status === 'FILED');
    await closeWindow(t, f);
    const late = await fileOk(otherLeader.token, { entryId: f.entries[1]!.id, criterionId: judgement(), grounds: '迟到的申诉' });
    expect(late.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
    const waiting = ok(await t.gql(FINALIZE, { input: { competitionId: f.competitionId } }, f.organizer.token)).finalizeCompetition;
    expect(waiting.userErrors.map((e: { message: string }) => e.message).join('\n')).not.toMatch(/申诉期尚未结束/);
    expect(waiting.userErrors.map((e: { message: string }) => e.message).join('\n')).toMatch(/尚待仲裁/);

    await mutate(t, arbitrator.token, 'ruleOnAppeal', 'RuleOnAppealInput', { appealId: pending.id, decision: 'DISMISSED', reason: '评分无误' }, 'appeal { id }');
    await signOffStages(t, f, [f.stages[1]!.id]);
    const done = ok(await t.gql(FINALIZE, { input: { competitionId: f.competitionId } }, f.organizer.token)).finalizeCompetition;
    expect(done.userErrors).toEqual([]);
    expect(done.competition.status).toBe('FINALIZED');

    const rows = ok(await t.gql(BOARD, { id: f.competitionId })).competition.leaderboard.rows;
    const won = rows.filter((r: { changedOnAppeal: boolean }) => r.changedOnAppeal).map((r: { entryId: string }) => r.entryId);
    expect(won).toEqual([f.entries[0]!.id]);
    // The public reads every appeal's outcome, not its grounds or reasons.
    const outcomes = ok(await t.gql(APPEALS, { id: f.competitionId })).competition.appeals;
    expect(outcomes.totalCount).toBe(3);
    expect(outcomes.nodes.map((a: { status: string }) => a.status).sort()).toEqual(['DISMISSED', 'DISMISSED', 'RESOLVED']);
    expect(outcomes.nodes.every((a: { grounds: unknown; rulingReason: unknown; filedBy: unknown }) => a.grounds === null && a.rulingReason === null && a.filedBy === null)).toBe(true);
  });
});

describe('a whole-stage appeal', () => {
  it('upheld after its deadline (accepted, overdue): every mark of the stage is re-marked, one re-marker may take one mark per criterion; a retry records nothing', async () => {
    const f = await setupCompetition(t, { entries: 2, judges: 1 });
    await markAll(t, f);
    await closeScoring(t, f);
    await mutate(t, f.organizer.token, 'updateCompetition', 'UpdateCompetitionInput', { competitionId: f.competitionId, arbitrationDeadlineMinutes: 1 }, 'competition { id }');
    await signOffAndPublish(t, f, { appealWindowMinutes: 60 });
    const arbitrator = await t.user([Role.REVIEWER]);
    await appoint(t, f, arbitrator, 'ARBITRATOR');
    const practice = f.stages[1]!;
    const filed = await fileOk(f.organizer.token, { entryId: f.entries[1]!.id, stageId: practice.id, grounds: '实操评分整体偏低' });
    // The arbitrators' minute passes.
    await t.orm.em.fork().execute(`update appeal set deadline = now() - interval '1 second' where id = ?`, [idOf(filed.appeal.id, 'Appeal')]);
    expect(ok(await t.gql(`query($id: ID!) { node(id: $id) { ... on Appeal { overdue status } } }`, { id: filed.appeal.id }, f.organizer.token)).node).toEqual({ overdue: true, status: 'FILED' });

    const [judge] = await neutralJudges(t, f, 1);
    const ruled = ok(await t.gql(RULE, { input: { appealId: filed.appeal.id, decision: 'UPHELD', reason: '复看', remarkJudgeIds: [judge!.globalId] } }, arbitrator.token)).ruleOnAppeal;
    expect(ruled.userErrors).toEqual([]);
    expect(ruled.appeal).toEqual(expect.objectContaining({ status: 'UPHELD', overdue: true }));
    // The stage's two criteria, one mark each (one judge): both contested, none of the other stage.
    expect(ruled.appeal.remarks.map((r: { criterion: { id: string } }) => r.criterion.id).sort()).toEqual(practice.criteria.map((c) => c.id).sort());

    const [a, b] = ruled.appeal.remarks;
    const first = await mutate(t, judge!.token, 'submitAppealMark', 'SubmitAppealMarkInput', { appealId: filed.appeal.id, scoreId: a.scoreId, value: a.contestedValue }, 'remark { id value }');
    const retry = await mutate(t, judge!.token, 'submitAppealMark', 'SubmitAppealMarkInput', { appealId: filed.appeal.id, scoreId: a.scoreId, value: a.contestedValue }, 'remark { id } appeal { status }');
    expect(retry.remark.id).toBe(first.remark.id);
    const last = await mutate(t, judge!.token, 'submitAppealMark', 'SubmitAppealMarkInput', { appealId: filed.appeal.id, scoreId: b.scoreId, value: b.contestedValue + 5 }, 'appeal { status marksChanged }');
    // The unchanged re-mark confirms its mark: one mark changed on appeal.
    expect(last.appeal).toEqual({ status: 'RESOLVED', marksChanged: 1 });
    const log = ok(await t.gql(`query($id: ID!) { node(id: $id) { ... on Competition { scoreLog(first: 50) { nodes { revisions { nodes { reasonKind appealId } } } } } } }`, { id: f.competitionId }, f.organizer.token)).node.scoreLog.nodes;
    expect(log.flatMap((n: { revisions: { nodes: unknown[] } }) => n.revisions.nodes)).toEqual([
      { reasonKind: 'APPEAL', appealId: filed.appeal.id }, { reasonKind: 'APPEAL', appealId: filed.appeal.id },
    ]);
  });
});

async function boardRow(f: CompetitionFixture, i: number): Promise<{ total: number; changedOnAppeal: boolean }> {
  const rows = ok(await t.gql(BOARD, { id: f.competitionId }, f.organizer.token)).competition.leaderboard.rows;
  return rows.find((r: { entryId: string }) => r.entryId === f.entries[i]!.id);
}
