import { Role } from '../../src/auth/role';
import { errorCode, ok, startTestServer, type TestServer } from '../helpers/server';
import { mutate, setupCompetition, type CompetitionFixture } from '../helpers/competition';
import { createEnterprise } from '../helpers/registry';
import { CODES, ISSUE, LIST, SUBMIT, type CodeRow, type User } from './anonymous-setup';
import { appoint, closeWindow, FILE, FINALIZE, neutralJudges, PUBLISH, workerUser } from './appeals-setup';

/*
 * Issue 12 "Done when", as one contest through the public API, with the tokens of the people who do each
 * step: a skills competition with an anonymous paper (marked by marking code) and a practical at the
 * station; an encryption officer; a conflicted judge and a substitute; independent marks; an ABSENT
 * entrant; a gap the chief judge accepts; the re-check sample forcing a full re-check of the paper;
 * sign-offs; publication; a dismissed and an upheld appeal; the judge report; standardised scores;
 * finalization. Only the appeal window's passing is SQL (closeWindow). Each slice has its detailed tests;
 * this one asserts the facts that carry the story from one step to the next.
 *
 * Entries 0–3 compete, entry 4 does not show up. Judges: the fixture's judges[0] (chief judge, marks the
 * practical only: the chief judge marks nothing by code), judges[1] and judges[2] on both stages, a judge
 * of entry 0's enterprise (conflicted with it; a lenient marker of the practical) and a substitute for
 * entry 0 on both stages. So each competing entry has 3 paper marks and 4 practical marks.
 */
const ASSIGN = `mutation($input: AssignJudgeInput!) { assignJudge(input: $input) {
  assignment { id entryIds } conflictedEntries { id } userErrors { code field message } } }`;
const BOARD = `query($id: ID!) { competition(id: $id) { status leaderboard { version rows { entryId rank status total standardisedScore changedOnAppeal } } } }`;
const SHEET = `query($id: ID!) { node(id: $id) { ... on Entry { scoreSheet { lines { criterion { id } panelVisible marks { value } } } } } }`;
const CLOSE = `mutation($input: CompetitionTransitionInput!) { closeScoring(input: $input) { competition { status } userErrors { code field message } } }`;
const ACCEPT = `mutation($input: AcceptMarkingGapInput!) { acceptMarkingGap(input: $input) {
  acceptance { reason gaps { entry { id } criterion { id } missing } } userErrors { code field message } } }`;
const SAMPLE = `query($id: ID!) { competition(id: $id) { recheckSample { seed complete topEntries { id }
  items(first: 100) { totalCount nodes { id full status recordedValue stage { id } entry { id } } }
  stages { stage { id } sampledMarks correctedMarks errorRate fullRecheckRequired addedMarks pendingMarks complete } } } }`;
const CONFIRM = `mutation($input: ConfirmRecheckMarkInput!) { confirmRecheckMark(input: $input) { item { status } userErrors { code field message } } }`;
const CORRECT = `mutation($input: CorrectRecheckMarkInput!) { correctRecheckMark(input: $input) {
  item { status currentValue revision { reasonKind } } userErrors { code field message } } }`;
const SIGN = `mutation($input: SignOffStageInput!) { signOffStage(input: $input) { signOff { digest valid } userErrors { code field message } } }`;
const UNSIGNED = `query($id: ID!) { competition(id: $id) { unsignedStages { id } } }`;
const REPORT = `query($id: ID!) { competition(id: $id) { judgeReport { flagShareOfMaxScore
  lines { judgeId criterion { id } marks comparedMarks meanDeviation meanAbsoluteDeviation flagged } } } }`;
const RULE = `mutation($input: RuleOnAppealInput!) { ruleOnAppeal(input: $input) {
  appeal { id status ruling rulingReason remarks { scoreId contestedValue criterion { id } } } userErrors { code field message } } }`;
const REMARK = `mutation($input: SubmitAppealMarkInput!) { submitAppealMark(input: $input) { appeal { status marksChanged } userErrors { code field message } } }`;
const REVISIONS = `query($id: ID!) { node(id: $id) { ... on Entry { scoreSheet { lines { criterion { id } marks { value revisions { nodes { reasonKind appealId } } } } } } } }`;

type Row = { entryId: string; rank: number | null; status: string; total: number; standardisedScore: number | null; changedOnAppeal: boolean };

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t.close());

it('runs a contest a jury can sign and defend, from the codes to the final board', async () => {
  // ── Set-up: the scheme, five entries, the chief judge and two judges (setupCompetition), IN_PROGRESS.
  const f: CompetitionFixture = await setupCompetition(t, {
    entries: 5, judges: 3, prizeTiers: [{ prize: 'FIRST', count: 1 }, { prize: 'SECOND', count: 1 }], absentRanking: 'UNRANKED',
    stages: [
      { name: '理论试卷', weight: 40, anonymous: true, criteria: [{ name: '理论答卷', kind: 'JUDGEMENT', maxScore: 100 }] },
      { name: '实操', weight: 60, criteria: [{ name: '焊缝质量', kind: 'JUDGEMENT', maxScore: 50 }] },
    ],
  });
  const org = f.organizer.token;
  const [chief, j1, j2] = f.judges;
  const [paper, practical] = f.stages.map((s) => s.id) as [string, string];
  const [paperC, practicalC] = f.stages.map((s) => s.criteria[0]!.id) as [string, string];
  const entry = (i: number) => f.entries[i]!.id;
  const board = async (token: string | null = org) => ok(await t.gql(BOARD, { id: f.competitionId }, token)).competition;
  const rowOf = (rows: Row[], i: number) => rows.find((r) => r.entryId === entry(i))!;

  // Entry 4 did not show up: ABSENT, before the codes are issued (it needs none).
  await mutate(t, org, 'markEntryAbsent', 'MarkEntryAbsentInput', { entryId: entry(4), reason: '未到场' }, 'entry { status }');

  // ── Officials: the encryption officer (加密裁判), an arbitrator, a team leader of entry 1's enterprise.
  const officer = await t.user([Role.JUDGE]);
  await appoint(t, f, officer, 'ENCRYPTION_OFFICER');
  const arbitrator = await t.user([Role.REVIEWER]);
  await appoint(t, f, arbitrator, 'ARBITRATOR');
  const leader = await t.user([Role.STUDIO_MANAGER]);
  await appoint(t, f, leader, 'TEAM_LEADER', f.entries[1]!.enterpriseId);

  // ── A judge from entry 0's enterprise: assignJudge reports the conflict at once; a substitute is named for entry 0.
  const conflicted = await workerUser(t, f, f.entries[0]!.enterpriseId, [Role.JUDGE]);
  const assigned = ok(await t.gql(ASSIGN, { input: { competitionId: f.competitionId, userId: conflicted.globalId, stageIds: [paper, practical], reason: '增补裁判' } }, org)).assignJudge;
  expect(assigned).toMatchObject({ userErrors: [], conflictedEntries: [{ id: entry(0) }], assignment: { entryIds: null } });
  const substitute = await workerUser(t, f, (await createEnterprise(t, org, { name: `替补裁判单位-${Date.now() % 1e6}` })).id, [Role.JUDGE]);
  const scoped = ok(await t.gql(ASSIGN, { input: { competitionId: f.competitionId, userId: substitute.globalId, stageIds: [paper, practical], entryIds: [entry(0)], reason: '回避替补' } }, org)).assignJudge;
  expect(scoped).toMatchObject({ userErrors: [], conflictedEntries: [], assignment: { entryIds: [entry(0)] } });

  // ── The officer issues the paper's marking codes (加密号): the four competing entries, not the absent one.
  expect(errorCode(await t.gql(ISSUE, { input: { stageId: paper } }, chief!.token))).toBe('FORBIDDEN');
  expect(ok(await t.gql(ISSUE, { input: { stageId: paper } }, officer.token)).issueMarkingCodes).toMatchObject({ issuedCount: 4, totalCount: 4, userErrors: [] });
  const codes: CodeRow[] = ok(await t.gql(CODES, { id: paper }, officer.token)).node.markingCodes.nodes;
  expect(codes.map((c) => c.entry.id).sort()).toEqual([0, 1, 2, 3].map(entry).sort());
  // Only the officer holds the map until sign-off: not the chief judge, not the organizer.
  for (const token of [chief!.token, org]) expect(ok(await t.gql(CODES, { id: paper }, token)).node.markingCodes).toBeNull();
  const entryIndexOfSlip = new Map(codes.map((c) => [c.markingId, f.entries.findIndex((e) => e.id === c.entry.id)]));

  // ── The paper, marked by marking ID. The conflicted judge's list simply lacks entry 0; the substitute's holds it alone.
  const list = async (u: User) => ok(await t.gql(LIST, { id: paper }, u.token)).node.myMarkingList;
  expect((await list(conflicted)).totalCount).toBe(3);
  expect((await list(substitute)).totalCount).toBe(1);
  const paperMark = (judge: number, e: number) => 60 + 10 * e + 2 * judge; // judge 0: judges[1], 1: judges[2], 2: the third marker
  for (const [judge, u] of [j1!, j2!, conflicted, substitute].entries()) {
    for (const slip of (await list(u)).nodes as { markingId: string; code: string }[]) {
      const e = entryIndexOfSlip.get(slip.markingId)!;
      if (u === j2 && e === 3) continue; // judges[2]'s slip of entry 3 is lost: the gap the chief judge accepts below
      const res = ok(await t.gql(SUBMIT, { input: { markingId: slip.markingId, criterionId: paperC, value: paperMark(Math.min(judge, 2), e) } }, u.token)).submitScore;
      expect(res.userErrors).toEqual([]);
      expect(res.score).toMatchObject({ markingCode: slip.code, entry: null }); // the judge never learns whose paper it was
    }
  }

  // ── The practical at the station, marked independently. The conflicted judge is lenient: 10 above the others.
  const practicalMark = (u: User, e: number) => 30 + 3 * e + (u === j1 ? 1 : u === j2 ? -1 : u === conflicted ? 10 : 0);
  const markPractical = async (u: User, e: number) => {
    const res = ok(await t.gql(SUBMIT, { input: { entryId: entry(e), criterionId: practicalC, value: practicalMark(u, e) } }, u.token)).submitScore;
    expect(res.userErrors).toEqual([]);
  };
  const practicalLine = async (e: number, token: string) =>
    ok(await t.gql(SHEET, { id: entry(e) }, token)).node.scoreSheet.lines.find((l: { criterion: { id: string } }) => l.criterion.id === practicalC);
  await markPractical(j2!, 0);
  // Independent marking: judges[1] sees none of the panel's marks on entry 0 before marking it; the chief judge sees them live.
  expect(await practicalLine(0, j1!.token)).toMatchObject({ panelVisible: false, marks: [] });
  expect(await practicalLine(0, chief!.token)).toMatchObject({ panelVisible: true, marks: [{ value: 29 }] });
  await markPractical(j1!, 0);
  expect(await practicalLine(0, j1!.token)).toMatchObject({ panelVisible: true, marks: expect.arrayContaining([{ value: 29 }, { value: 31 }]) });
  await markPractical(chief!, 0);
  await markPractical(substitute, 0);
  for (const e of [1, 2, 3]) for (const u of [chief!, j1!, j2!, conflicted]) await markPractical(u, e);

  // While marking is open a judge gets the public board, which holds the paper's scores back; the jury's board does not.
  const SEALED = `query($id: ID!) { competition(id: $id) { leaderboard { sealedStageIds } } }`;
  const sealed = async (token: string | null) => ok(await t.gql(SEALED, { id: f.competitionId }, token)).competition.leaderboard.sealedStageIds;
  expect([await sealed(j1!.token), await sealed(null), await sealed(org)]).toEqual([[paper], [paper], []]);

  // ── Closing: refused while the lost paper mark is missing; the chief judge accepts the gap with a reason.
  const refused = ok(await t.gql(CLOSE, { input: { competitionId: f.competitionId } }, org)).closeScoring;
  expect(refused.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE', message: expect.stringContaining(`参赛号 ${f.entries[3]!.startNumber} 评分未齐`) })]);
  const gapReason = '2号裁判该份试卷评分表遗失，经裁判组议定以其余两份评分计';
  const accepted = ok(await t.gql(ACCEPT, { input: { competitionId: f.competitionId, reason: gapReason } }, chief!.token)).acceptMarkingGap;
  expect(accepted).toEqual({ userErrors: [], acceptance: { reason: gapReason, gaps: [{ entry: { id: entry(3) }, criterion: { id: paperC }, missing: 1 }] } });
  const closed = ok(await t.gql(CLOSE, { input: { competitionId: f.competitionId } }, org)).closeScoring;
  expect(closed).toEqual({ userErrors: [], competition: { status: 'SCORING_CLOSED' } });
  expect(await sealed(null)).toEqual([]); // marking closed: the hall sees the paper too
  const markedBoard = await board();
  // Entries 3, 2, 1, 0 in that order (paper 62 + 10e on average, practical 32.5 + 3e, entry 0's 30); the absent entry unranked.
  expect(markedBoard.leaderboard.rows.map((r: Row) => [r.entryId, r.rank])).toEqual([[entry(3), 1], [entry(2), 2], [entry(1), 3], [entry(0), 4], [entry(4), null]]);

  // ── The judge report, read by the organizer: the lenient judge is flagged on the practical, nobody else anywhere.
  const report = ok(await t.gql(REPORT, { id: f.competitionId }, org)).competition.judgeReport;
  const lenient = report.lines.find((l: { judgeId: string; criterion: { id: string } }) => l.judgeId === conflicted.globalId && l.criterion.id === practicalC);
  // Others' mean on entry e: (30 + 31 + 29 + 9e) / 3 = 30 + 3e; the lenient mark 40 + 3e: +10 on each of entries 1–3, beyond 10 % of 50.
  expect(lenient).toMatchObject({ marks: 3, comparedMarks: 3, meanDeviation: 10, meanAbsoluteDeviation: 10, flagged: true });
  expect(report.lines.filter((l: { flagged: boolean }) => l.flagged)).toHaveLength(1);
  expect(report.lines).toHaveLength(9); // 4 markers of the paper (the chief judge marks no code), 5 of the practical
  expect(errorCode(await t.gql(REPORT, { id: f.competitionId }, j1!.token))).toBe('FORBIDDEN');

  // ── A sign-off before the re-check: the draw voids it, to be renewed once the stage is re-checked.
  expect(ok(await t.gql(SIGN, { input: { stageId: practical } }, chief!.token)).signOffStage).toMatchObject({ userErrors: [], signOff: { valid: true } });

  // ── Re-check (复核): the organizer draws with a recorded seed: the two prize places and ⌈15 % × 2⌉ = 1 other.
  const drawn = await mutate(t, org, 'drawRecheckSample', 'DrawRecheckSampleInput', { competitionId: f.competitionId, seed: '2026-复核-公开抽取' }, 'sample { seed }');
  expect(drawn.sample.seed).toBe('2026-复核-公开抽取');
  expect(ok(await t.gql(UNSIGNED, { id: f.competitionId }, org)).competition.unsignedStages).toEqual([{ id: paper }, { id: practical }]);
  const sample = async () => ok(await t.gql(SAMPLE, { id: f.competitionId }, arbitrator.token)).competition.recheckSample;
  type Item = { id: string; full: boolean; status: string; recordedValue: number; stage: { id: string }; entry: { id: string } };
  const drawnSample = await sample();
  expect(drawnSample.topEntries).toEqual([{ id: entry(3) }, { id: entry(2) }]);
  const sampled: Item[] = drawnSample.items.nodes;
  const sampledEntries = new Set(sampled.map((i) => i.entry.id));
  expect(sampledEntries.size).toBe(3);
  // The paper's sampled marks: entry 3's two (one was lost) and three for each other sampled entry.
  const paperItems = sampled.filter((i) => i.stage.id === paper);
  expect(paperItems).toHaveLength(8);
  // The arbitrator finds one transcription error on a paper mark: a RECHECK revision, the board moves.
  const versionBefore = (await board()).leaderboard.version;
  const wrong = paperItems[0]!;
  const corrected = ok(await t.gql(CORRECT, { input: { itemId: wrong.id, value: wrong.recordedValue - 10, reason: '誊写错误：评分表为低 10 分' } }, arbitrator.token)).correctRecheckMark;
  expect(corrected).toEqual({ userErrors: [], item: { status: 'CORRECTED', currentValue: wrong.recordedValue - 10, revision: { reasonKind: 'RECHECK' } } });
  expect((await board()).leaderboard.version).toBeGreaterThan(versionBefore);
  for (const i of sampled.filter((x) => x.id !== wrong.id)) expect(ok(await t.gql(CONFIRM, { input: { itemId: i.id } }, arbitrator.token)).confirmRecheckMark.userErrors).toEqual([]);
  // 1 of 8 paper marks changed: 0.125 > 0.05, so every paper mark of the unsampled entry is re-checked too; the practical passed.
  const afterSample = await sample();
  expect(afterSample.stages).toEqual([
    { stage: { id: paper }, sampledMarks: 8, correctedMarks: 1, errorRate: 0.125, fullRecheckRequired: true, addedMarks: 3, pendingMarks: 3, complete: false },
    { stage: { id: practical }, sampledMarks: 12, correctedMarks: 0, errorRate: 0, fullRecheckRequired: false, addedMarks: 0, pendingMarks: 0, complete: true },
  ]);
  // The paper cannot be signed off until its full re-check is done.
  expect(ok(await t.gql(SIGN, { input: { stageId: paper } }, chief!.token)).signOffStage.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE', message: expect.stringMatching(/须全面复核，尚有 3 项未复核/) })]);
  const added: Item[] = afterSample.items.nodes.filter((i: Item) => i.full);
  expect(new Set(added.map((i) => i.entry.id))).toEqual(new Set([0, 1, 2, 3].map(entry).filter((id) => !sampledEntries.has(id))));
  for (const i of added) expect(ok(await t.gql(CONFIRM, { input: { itemId: i.id } }, arbitrator.token)).confirmRecheckMark.userErrors).toEqual([]);
  expect((await sample()).complete).toBe(true);

  // ── Sign-offs by the chief judge: both stages, the practical's renewed; the paper's code map opens to the jury.
  for (const stageId of [paper, practical]) {
    const signed = ok(await t.gql(SIGN, { input: { stageId } }, chief!.token)).signOffStage;
    expect(signed).toMatchObject({ userErrors: [], signOff: { valid: true, digest: expect.stringMatching(/^[0-9a-f]{64}$/) } });
  }
  expect(ok(await t.gql(UNSIGNED, { id: f.competitionId }, org)).competition.unsignedStages).toEqual([]);
  expect(ok(await t.gql(CODES, { id: paper }, org)).node.markingCodes.totalCount).toBe(4);

  // ── Publication (成绩公示) with the default two-hour appeal window.
  const published = ok(await t.gql(PUBLISH, { input: { competitionId: f.competitionId } }, org)).publishResults;
  expect(published).toMatchObject({ userErrors: [], competition: { status: 'RESULTS_PUBLISHED', appealWindowOpen: true } });
  expect(Date.parse(published.competition.appealWindowClosesAt) - Date.parse(published.competition.resultsPublishedAt)).toBe(120 * 60_000);

  // ── Two appeals: entry 1's team leader against the practical criterion, entry 2's entrant against the whole paper.
  const entrant = await t.user([Role.REVIEWER], { workerId: f.entries[2]!.workerIds[0]! });
  const file = async (token: string, input: Record<string, unknown>) => ok(await t.gql(FILE, { input }, token)).fileAppeal;
  const onPractical = await file(leader.token, { entryId: entry(1), criterionId: practicalC, grounds: '焊缝质量评分与实物不符' });
  const onPaper = await file(entrant.token, { entryId: entry(2), stageId: paper, grounds: '理论试卷成绩偏低，申请复查' });
  for (const a of [onPractical, onPaper]) expect(a).toMatchObject({ userErrors: [], existing: false, appeal: { status: 'FILED' } });
  // Finalization waits for the window and both rulings.
  const early = ok(await t.gql(FINALIZE, { input: { competitionId: f.competitionId } }, org)).finalizeCompetition;
  const waiting = early.userErrors.map((e: { message: string }) => e.message).join('\n');
  expect(waiting).toMatch(/申诉期尚未结束/);
  expect(waiting.match(/尚待仲裁/g)).toHaveLength(2);

  // The paper appeal is DISMISSED with a reason: nothing moves.
  const rowsBeforeRulings: Row[] = (await board()).leaderboard.rows;
  const dismissed = ok(await t.gql(RULE, { input: { appealId: onPaper.appeal.id, decision: 'DISMISSED', reason: '调取原始试卷核对，评分无误' } }, arbitrator.token)).ruleOnAppeal;
  expect(dismissed).toMatchObject({ userErrors: [], appeal: { status: 'DISMISSED', ruling: 'DISMISSED', rulingReason: '调取原始试卷核对，评分无误', remarks: [] } });
  expect((await board()).leaderboard.rows).toEqual(rowsBeforeRulings);

  // The practical appeal is UPHELD: four named judges off the panel re-mark exactly the contested criterion.
  const remarkers = await neutralJudges(t, f, 4);
  const upheld = ok(await t.gql(RULE, { input: { appealId: onPractical.appeal.id, decision: 'UPHELD', reason: '复看实物，焊缝质量评分偏低', remarkJudgeIds: remarkers.map((r) => r.globalId) } }, arbitrator.token)).ruleOnAppeal;
  expect(upheld.userErrors).toEqual([]);
  expect(upheld.appeal.status).toBe('UPHELD');
  expect(upheld.appeal.remarks).toHaveLength(4);
  expect(upheld.appeal.remarks.every((r: { criterion: { id: string } }) => r.criterion.id === practicalC)).toBe(true);
  const versionBeforeRemarks = (await board()).leaderboard.version;
  for (const [k, r] of (upheld.appeal.remarks as { scoreId: string }[]).entries()) {
    const res = ok(await t.gql(REMARK, { input: { appealId: onPractical.appeal.id, scoreId: r.scoreId, value: 48, comment: '复评' } }, remarkers[k]!.token)).submitAppealMark;
    expect(res.userErrors).toEqual([]);
    expect(res.appeal.status).toBe(k === 3 ? 'RESOLVED' : 'UPHELD');
  }
  expect((await board()).leaderboard.version).toBeGreaterThan(versionBeforeRemarks);
  // The old marks stay as APPEAL revisions pointing at the appeal.
  const line = ok(await t.gql(REVISIONS, { id: entry(1) }, org)).node.scoreSheet.lines.find((l: { criterion: { id: string } }) => l.criterion.id === practicalC);
  expect(line.marks).toEqual(Array(4).fill({ value: 48, revisions: { nodes: [{ reasonKind: 'APPEAL', appealId: onPractical.appeal.id }] } }));
  // The re-marks voided the practical's sign-off (a correction of a signed stage); the chief judge signs the changed sheet again.
  expect(ok(await t.gql(UNSIGNED, { id: f.competitionId }, org)).competition.unsignedStages).toEqual([{ id: practical }]);
  expect(ok(await t.gql(SIGN, { input: { stageId: practical } }, chief!.token)).signOffStage).toMatchObject({ userErrors: [], signOff: { valid: true } });

  // ── Standardised scores on the board: 500 + 100 × (total − mean) / population SD over the four ranked rows.
  const rows: Row[] = (await board(null)).leaderboard.rows;
  const ranked = rows.filter((r) => r.rank !== null);
  expect(ranked).toHaveLength(4);
  const mean = ranked.reduce((s, r) => s + r.total, 0) / ranked.length;
  const sd = Math.sqrt(ranked.reduce((s, r) => s + (r.total - mean) ** 2, 0) / ranked.length);
  for (const r of ranked) expect(Math.abs(r.standardisedScore! - (500 + (100 * (r.total - mean)) / sd))).toBeLessThanOrEqual(0.006);
  expect(ranked.reduce((s, r) => s + r.standardisedScore!, 0) / ranked.length).toBeCloseTo(500, 1);
  expect(rowOf(rows, 4)).toMatchObject({ status: 'ABSENT', rank: null, standardisedScore: null });
  // Entry 1's practical is now 96 % (48 of 50): 0.4 × 72 + 0.6 × 96 = 86.4 passes entry 3's 0.4 × 87 + 0.6 × 83 = 84.6
  // (its paper 92 less the re-check's 10 / 2): entry 1 wins on appeal.
  expect(ranked.map((r) => [r.entryId, r.total])).toEqual([[entry(1), 86.4], [entry(3), 84.6], [entry(2), 79], [entry(0), 60.8]]);

  // ── The window closes; finalization; the final board shows who won on appeal, and the awards.
  await closeWindow(t, f);
  const done = await mutate(t, org, 'finalizeCompetition', 'CompetitionTransitionInput', { competitionId: f.competitionId }, 'competition { status } awards { entry { id } rank prize }');
  expect(done.competition.status).toBe('FINALIZED');
  expect(done.awards.map((a: { entry: { id: string }; rank: number; prize: string | null }) => [a.entry.id, a.rank, a.prize])).toEqual([
    [entry(1), 1, 'FIRST'], [entry(3), 2, 'SECOND'], [entry(2), 3, null], [entry(0), 4, null],
  ]);
  const final = await board(null);
  expect(final.status).toBe('FINALIZED');
  expect(final.leaderboard.rows.filter((r: Row) => r.changedOnAppeal).map((r: Row) => r.entryId)).toEqual([entry(1)]);
}, 300_000);
