import { Role } from '../../src/auth/role';
import { createEnterprise, createWorker } from '../helpers/registry';
import { mutate, setupCompetition } from '../helpers/competition';
import { run } from '../helpers/server';
import { CloseRegistrationDocument, DrawLotsDocument, RegisterEntryDocument, StartCompetitionDocument } from '../generated/graphql';
import { errorCode, ok, startTestServer, type TestServer } from '../helpers/server';
import { call, HEADER, must, type User } from './fixture';

/*
 * Issue 16's "done when", in one run through the public API only: a bank imported from CSV (a bad row
 * refuses the file), approved by a reviewer, a drill with a paper rule, passes issued by the enterprise's
 * contact, takers starting and saving, a second device taking over, the window's close sweeping the
 * attempt left open, then results, leaderboard, enterprise figures and the efficacy report. The window
 * is real: it closes WINDOW_SECONDS after the drill is created (nothing is written behind the API's back).
 */
const WINDOW_SECONDS = 25;
/** The competition fixture's trade, so that its theory stage can be this drill. */
const TRADE = '焊工';

let t: TestServer;
let admin: User;
let organizer: User;
let reviewer: User;
let contact: User;
let ent: { id: string };

/** The bank: stems say which option text is right, so a taker can answer from the paper alone. */
const csvRows = [
  ...Array.from({ length: 4 }, (_, i) => `单选题,吊装安全第${i + 1}题（答案为乙）,甲,乙,丙,丁,,,B,吊装时人员不得站在吊物下方,安全,易,`),
  ...Array.from({ length: 3 }, (_, i) => `判断题,钢丝绳检查第${i + 1}题（答案为对）,,,,,,,对,断丝超标须报废,器具,中,`),
  '多选题,起重作业须具备哪些条件（答案为甲丙）,甲,乙,丙,,,,"A,C",持证上岗并有专人指挥,安全,难,',
  '多选题,吊索具检查包括哪些（答案为甲丙）,甲,乙,丙,,,,"A,C",外观与标识均须检查,器具,难,',
  '填空题,起重机的额定起重量单位是___（答案为吨）,,,,,,,吨|t,按额定起重量选用,器具,易,',
];
const GOOD = '\uFEFF' + [HEADER, ...csvRows].join('\r\n');
/** Row 3 as a spreadsheet counts it (the header is row 1): an answer naming an option the question lacks. */
const BAD = [HEADER, csvRows[0], '单选题,缺少选项的题,甲,乙,,,,,D,,安全,易,', csvRows[1]].join('\n');

beforeAll(async () => {
  t = await startTestServer();
  admin = await t.user([Role.ADMIN]);
  organizer = await t.user([Role.ORGANIZER]);
  reviewer = await t.user([Role.REVIEWER]);
  contact = await t.user([Role.NOMINATOR]);
  ent = await createEnterprise(t, admin.token, { name: '港城起重有限公司', district: '海港区', ownership: 'STATE_OWNED' });
  await mutate(t, admin.token, 'setUserEnterprise', 'SetUserEnterpriseInput', { userId: contact.globalId, enterpriseId: ent.id }, 'user { id }');
}, 60_000);
afterAll(async () => t.close());

const QUESTIONS = `query($trade: String) { questions(first: 100, filter: { trade: $trade }) { totalCount nodes { id status } } }`;
const PAPER = `id status deadline score maxScore resultReleased breakdown { topic score maxScore }
  questions { questionId type stem options { key text } points answer review { correct explanation } }`;

interface Paper { id: string; deadline: string; questions: { questionId: string; type: string; stem: string; options: { key: string; text: string }[] }[] }

/** The right answer to a question of this bank, read from its stem and options as shown to the taker. */
function rightAnswer(q: Paper['questions'][number]): string[] {
  const byText = (...texts: string[]) => q.options.filter((o) => texts.includes(o.text)).map((o) => o.key);
  switch (q.type) {
    case 'SINGLE_CHOICE': return byText('乙');
    case 'MULTIPLE_CHOICE': return byText('甲', '丙');
    case 'TRUE_FALSE': return ['TRUE'];
    default: return ['ｔ']; // full-width: normalized like the accepted answer t
  }
}

it('runs a drill end to end through the public API', async () => {
  // 1. The bank: a file with a bad row is refused whole, the good file imported, a reviewer approves.
  const refused = await call(t, organizer.token, 'importQuestions', 'ImportQuestionsInput', { trade: TRADE, csv: BAD }, 'importedCount');
  expect(refused.userErrors.length).toBeGreaterThan(0);
  expect(refused.userErrors.map((e: any) => String(e.field?.[2]))).toContain('3');
  expect(ok(await t.gql(QUESTIONS, { trade: TRADE }, organizer.token)).questions.totalCount).toBe(0);
  const imported = await must(t, organizer.token, 'importQuestions', 'ImportQuestionsInput', { trade: TRADE, csv: GOOD }, 'importedCount');
  expect(imported.importedCount).toBe(csvRows.length);
  const ids: string[] = ok(await t.gql(QUESTIONS, { trade: TRADE }, organizer.token)).questions.nodes.map((n: any) => n.id);
  // The author may not approve their own questions; a reviewer does.
  expect(errorCode(await t.gql(`mutation($input: QuestionIdInput!) { approveQuestion(input: $input) { userErrors { code } } }`, { input: { questionId: ids[0] } }, organizer.token))).toBe('FORBIDDEN');
  for (const questionId of ids) await must(t, reviewer.token, 'approveQuestion', 'QuestionIdInput', { questionId }, 'question { id }');

  // 2. The drill: 2 safety single choices, 1 tools true/false, 1 multiple choice, 1 fill-in; a contest (results after the window).
  const closesAt = new Date(Date.now() + WINDOW_SECONDS * 1000);
  const { drill } = await must(t, organizer.token, 'createDrill', 'CreateDrillInput', {
    title: '2026年起重安全网上练兵', trades: [TRADE], opensAt: new Date(Date.now() - 60_000).toISOString(), closesAt: closesAt.toISOString(),
    timeLimitMinutes: 30, attemptsAllowed: 1, passMark: 6, resultRelease: 'AFTER_WINDOW', eligibility: { enterpriseIds: [ent.id] },
    paperRule: {
      sections: [{ topic: '安全', type: 'SINGLE_CHOICE', count: 2 }, { topic: '器具', type: 'TRUE_FALSE', count: 1 }, { topic: '安全', type: 'MULTIPLE_CHOICE', count: 1 }, { topic: '器具', type: 'FILL_IN', count: 1 }],
      pointsByType: [{ type: 'SINGLE_CHOICE', points: 2 }, { type: 'MULTIPLE_CHOICE', points: 3 }, { type: 'TRUE_FALSE', points: 1 }, { type: 'FILL_IN', points: 2 }],
    },
  }, 'drill { id status }');
  expect(drill.status).toBe('DRAFT');
  await must(t, organizer.token, 'publishDrill', 'DrillIdInput', { drillId: drill.id }, 'drill { id }');

  // 3. Passes: three workers of the trade get one each from their enterprise's contact; an electrician gets none.
  const workers = [];
  for (const n of [1, 2, 3]) workers.push({ ...(await createWorker(t, admin.token, ent.id, { trade: TRADE, employeeNumber: `QZ${n}` })), employeeNumber: `QZ${n}` });
  await createWorker(t, admin.token, ent.id, { trade: '电工', employeeNumber: 'DG1' });
  const issued = await must(t, contact.token, 'issueDrillPasses', 'IssueDrillPassesInput', { drillId: drill.id, enterpriseId: ent.id }, 'passes { code worker { id } } notEligible');
  expect(issued.passes).toHaveLength(3);
  expect(issued.notEligible).toBe(1);
  const code = (w: { id: string }) => issued.passes.find((p: any) => p.worker.id === w.id).code;
  const [a, b, c] = workers as [typeof workers[number], typeof workers[number], typeof workers[number]];

  const enter = async (w: typeof a, deviceId: string) => {
    const out = await call(t, null, 'enterDrill', 'EnterDrillInput', { drillId: drill.id, pass: code(w), employeeNumber: w.employeeNumber, deviceId }, 'token');
    expect(out.userErrors).toEqual([]);
    return out.token as string;
  };
  const start = async (token: string): Promise<Paper> => (await must(t, token, 'startAttempt', 'StartAttemptInput', { drillId: drill.id }, `attempt { ${PAPER} }`)).attempt;
  const save = (token: string, attemptId: string, questionId: string, answer: string[], seq: number) =>
    call(t, token, 'saveAnswer', 'SaveAnswerInput', { attemptId, questionId, answer, seq }, 'saved');

  // 4. Taker A: the paper carries no key and no explanation; answers all right, a late older retry changes nothing; submits.
  const tokenA = await enter(a, 'phone-a');
  const paperA = await start(tokenA);
  expect(paperA.questions).toHaveLength(5);
  expect(new Date(paperA.deadline).getTime()).toBe(closesAt.getTime());
  expect(JSON.stringify(paperA)).not.toMatch(/吊装时人员不得站在吊物下方|断丝超标|"answer":\["/);
  let seq = 0;
  for (const q of paperA.questions) expect((await save(tokenA, paperA.id, q.questionId, rightAnswer(q), (seq += 2))).saved).toBe(true);
  const first = paperA.questions[0]!;
  expect(await save(tokenA, paperA.id, first.questionId, ['A'], 1)).toMatchObject({ saved: false, userErrors: [] });
  const submittedA = (await must(t, tokenA, 'submitAttempt', 'SubmitAttemptInput', { attemptId: paperA.id }, `attempt { ${PAPER} }`)).attempt;
  // A contest: no result before the window closes.
  expect(submittedA).toMatchObject({ status: 'SUBMITTED', resultReleased: false, score: null });

  // 5. Taker B starts on one phone, takes over on a second; the first learns it; B never submits.
  const tokenB1 = await enter(b, 'phone-b1');
  const paperB = await start(tokenB1);
  expect((await save(tokenB1, paperB.id, paperB.questions[0]!.questionId, rightAnswer(paperB.questions[0]!), 1)).saved).toBe(true);
  const tokenB2 = await enter(b, 'phone-b2');
  const resumed = await start(tokenB2);
  expect(resumed.id).toBe(paperB.id);
  const stale = await save(tokenB1, paperB.id, paperB.questions[1]!.questionId, rightAnswer(paperB.questions[1]!), 2);
  expect(stale.userErrors.map((e: any) => e.code)).toEqual(['DEVICE_REPLACED']);
  // B's second phone answers the first question wrong: the last save counts.
  const wrong = paperB.questions[0]!.type === 'TRUE_FALSE' ? ['FALSE'] : paperB.questions[0]!.type === 'FILL_IN' ? ['千克'] : ['D'];
  expect((await save(tokenB2, paperB.id, paperB.questions[0]!.questionId, wrong, 3)).saved).toBe(true);
  for (const [i, q] of paperB.questions.slice(1, 3).entries()) expect((await save(tokenB2, paperB.id, q.questionId, rightAnswer(q), 4 + i)).saved).toBe(true);
  const pointsOf = (q: Paper['questions'][number]) => ({ SINGLE_CHOICE: 2, MULTIPLE_CHOICE: 3, TRUE_FALSE: 1, FILL_IN: 2 } as Record<string, number>)[q.type]!;
  const expectedB = paperB.questions.slice(1, 3).reduce((s, q) => s + pointsOf(q), 0);

  // 6. Before the close: C has not started; the organizer sees it, a stranger organizer does not.
  const NOT_STARTED = `query($id: ID!) { drill(id: $id) { notStarted(first: 10) { totalCount nodes { employeeNumber } } } }`;
  expect(ok(await t.gql(NOT_STARTED, { id: drill.id }, organizer.token)).drill.notStarted).toEqual({ totalCount: 1, nodes: [{ employeeNumber: c.employeeNumber }] });
  const stranger = await t.user([Role.ORGANIZER]);
  expect(errorCode(await t.gql(NOT_STARTED, { id: drill.id }, stranger.token))).toBe('FORBIDDEN');

  // 6b. A skills competition whose theory stage (30 points) is this drill: A, B and C are its entrants.
  const contest = await setupCompetition(t, {
    organizer, entries: 0, judges: 1, until: 'REGISTRATION_OPEN',
    stages: [{ name: '理论', weight: 30, criteria: [{ kind: 'MEASUREMENT', maxScore: 30 }] }, { name: '实操', weight: 70, criteria: [{ kind: 'JUDGEMENT', maxScore: 100 }] }],
  });
  const entryOf = new Map<string, string>();
  for (const w of [a, b, c]) {
    const { registerEntry } = await run(t, organizer.token, RegisterEntryDocument, { input: { competitionId: contest.competitionId, workerIds: [w.id] } });
    entryOf.set(w.employeeNumber, registerEntry.entry!.id);
  }
  await run(t, organizer.token, CloseRegistrationDocument, { input: { competitionId: contest.competitionId } });
  await run(t, organizer.token, DrawLotsDocument, { input: { competitionId: contest.competitionId, seed: 'e2e' } });
  await run(t, organizer.token, StartCompetitionDocument, { input: { competitionId: contest.competitionId } });
  const theoryStage = contest.stages[0]!;
  await must(t, organizer.token, 'linkStageToDrill', 'LinkStageToDrillInput', { stageId: theoryStage.id, drillId: drill.id }, 'stageDrill { id }');
  // Judges do not mark it: the drill does.
  const judged = ok(await t.gql(`mutation($input: SubmitScoreInput!) { submitScore(input: $input) { userErrors { code message } } }`,
    { input: { entryId: entryOf.get('QZ1'), criterionId: theoryStage.criteria[0]!.id, value: 30 } }, contest.judges[0]!.token)).submitScore;
  expect(judged.userErrors).toHaveLength(1);

  // 7. The window closes; the sweeper submits B's attempt at its deadline.
  const ATTEMPTS = `query($id: ID!) { drill(id: $id) { phase attempts(first: 10) { nodes { status submittedBy score worker { employeeNumber } } } } }`;
  const wait = closesAt.getTime() - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  let after: any;
  for (let i = 0; i < 40; i++) {
    after = ok(await t.gql(ATTEMPTS, { id: drill.id }, organizer.token)).drill;
    if (after.attempts.nodes.every((n: any) => n.status === 'SUBMITTED')) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  expect(after.phase).toBe('CLOSED');
  const byNumber = new Map(after.attempts.nodes.map((n: any) => [n.worker.employeeNumber, n]));
  expect(byNumber.get('QZ2')).toMatchObject({ status: 'SUBMITTED', submittedBy: 'DEADLINE', score: expectedB });
  expect(byNumber.get('QZ1')).toMatchObject({ status: 'SUBMITTED', submittedBy: 'TAKER', score: 10 });

  // 8. A now sees the result, per topic, with explanations; a pass is useless after the window.
  const mine = ok(await t.gql(`{ myDrillAttempts { ${PAPER} } }`, {}, tokenA)).myDrillAttempts;
  expect(mine[0]).toMatchObject({ resultReleased: true, score: 10, maxScore: 10 });
  expect(mine[0].breakdown).toEqual(expect.arrayContaining([{ topic: '安全', score: 7, maxScore: 7 }, { topic: '器具', score: 3, maxScore: 3 }]));
  expect(mine[0].questions.every((q: any) => q.review.correct && q.review.explanation)).toBe(true);
  const late = await call(t, null, 'enterDrill', 'EnterDrillInput', { drillId: drill.id, pass: code(c), employeeNumber: c.employeeNumber }, 'token');
  expect(late.token).toBeNull();
  expect(late.userErrors.length).toBe(1);

  // 9. Leaderboard and the enterprise's figures; the efficacy report counts the drill.
  const board = ok(await t.gql(`query($id: ID!) { drill(id: $id) { leaderboard(first: 10) { nodes { rank score passed worker { employeeNumber } } }
    enterpriseFigures(first: 10) { nodes { enterprise { id } passHolders participants participationRate passRate meanScore } } } }`, { id: drill.id }, organizer.token)).drill;
  expect(board.leaderboard.nodes).toEqual([
    { rank: 1, score: 10, passed: true, worker: { employeeNumber: 'QZ1' } },
    { rank: 2, score: expectedB, passed: expectedB >= 6, worker: { employeeNumber: 'QZ2' } },
  ]);
  expect(board.enterpriseFigures.nodes).toEqual([{
    enterprise: { id: ent.id }, passHolders: 3, participants: 2, participationRate: 2 / 3,
    passRate: expectedB >= 6 ? 1 : 0.5, meanScore: (10 + expectedB) / 2,
  }]);
  const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(closesAt));
  const report = ok(await t.gql(`query($filter: EfficacyFilter!) { efficacyReport(filter: $filter) { drills { totals { drills passHolders participants } } } }`,
    { filter: { year, district: '海港区' } }, organizer.token)).efficacyReport.drills;
  expect(report.totals).toEqual({ drills: 1, passHolders: 3, participants: 2 });

  // 10. Once the drill is over, the theory stage fills itself: A 10/10 → 30.00, B scaled, C (never started) ABSENT.
  const SHEET = `query($id: ID!) { node(id: $id) { ... on Entry { status statusReason scoreSheet { lines { criterion { id } marks { value source } } } } } }`;
  const theoryMark = (e: any) => e.scoreSheet?.lines.find((l: any) => l.criterion.id === theoryStage.criteria[0]!.id)?.marks[0] ?? null;
  let sheets: Record<string, any> = {};
  for (let i = 0; i < 40; i++) {
    sheets = {};
    for (const [number, id] of entryOf) sheets[number] = ok(await t.gql(SHEET, { id }, organizer.token)).node;
    if (theoryMark(sheets.QZ1) && theoryMark(sheets.QZ2) && sheets.QZ3.status === 'ABSENT') break;
    await new Promise((r) => setTimeout(r, 250));
  }
  expect(theoryMark(sheets.QZ1)).toEqual({ value: 30, source: 'DRILL' });
  expect(theoryMark(sheets.QZ2)).toEqual({ value: Math.round((expectedB / 10) * 30 * 100) / 100, source: 'DRILL' });
  expect(sheets.QZ3).toMatchObject({ status: 'ABSENT', statusReason: expect.stringContaining('2026年起重安全网上练兵') });
}, 120_000);
