import { randomUUID } from 'node:crypto';
import { Role } from '../../src/auth/role';
import { idOf } from '../../src/common/relay';
import { errorCode, ok, startTestServer, type TestServer } from '../helpers/server';
import { mutate } from '../helpers/competition';
import { createEnterprise, createWorker } from '../helpers/registry';
import { boardSubscribers, record, wsClient, type Recorder } from '../helpers/ws';

/*
 * One competition from the first click to the results sheet, only through the public API, the way the
 * organizer's web app, the judges' tablets and the hall's screen use it. Two server instances share the
 * database: everything is written through `a`; the screen and the organizer's event stream watch `b`.
 */
const SUBMIT = `mutation($input: SubmitScoreInput!) { submitScore(input: $input) {
  score { id value revisions { nodes { oldValue newValue reason } } } replayed revised leaderboardVersion userErrors { code field message } } }`;
const BOARD = `query($id: ID!) { node(id: $id) { ... on Competition { leaderboard { version frozen rows(first: 1000) { nodes { entryId rank total completeness } } } } } }`;
const BOARD_SUB = `subscription($id: ID!) { leaderboardUpdated(competitionId: $id) { version frozen rows(first: 1000) { nodes { entryId rank total } } } }`;
const EVENTS_SUB = `subscription($id: ID!) { scoreSubmitted(competitionId: $id) { version revision score { value } } }`;

let a: TestServer;
let b: TestServer;
beforeAll(async () => {
  a = await startTestServer();
  b = await startTestServer({ shareWith: a });
});
afterAll(async () => {
  await b.close();
  await a.close();
});

it('runs a whole competition: scheme, entries, lots, judges, live marks, freeze, finalize, results', async () => {
  const admin = (await a.user([Role.ADMIN])).token;
  const organizer = await a.user([Role.ORGANIZER]);
  const org = organizer.token;
  const run = (name: string, type: string, input: Record<string, unknown>, sel: string) => mutate(a, org, name, type, input, sel);
  const attempt = async (name: string, type: string, input: Record<string, unknown>, token = org) =>
    ok(await a.gql(`mutation($input: ${type}!) { ${name}(input: $input) { userErrors { code field message } } }`, { input }, token))[name].userErrors;

  // The registry: two enterprises taking part, one supplying judges.
  const steel = await createEnterprise(a, admin, { name: '厦门重工', ownership: 'STATE_OWNED', district: '湖里区' });
  const works = await createEnterprise(a, admin, { name: '海沧精工', ownership: 'PRIVATE', district: '海沧区' });
  const bureau = await createEnterprise(a, admin, { name: '市职业技能鉴定中心', ownership: 'STATE_OWNED', district: '思明区' });
  const li = await createWorker(a, admin, steel.id, { name: '李建国', skillLevel: 'SENIOR' });
  const wang = await createWorker(a, admin, steel.id, { name: '王晓明', skillLevel: 'TECHNICIAN' });
  const chen = await createWorker(a, admin, works.id, { name: '陈芳', skillLevel: 'SENIOR' });
  const electrician = await createWorker(a, admin, works.id, { name: '赵电', trade: '电工', skillLevel: 'SENIOR' });
  const apprentice = await createWorker(a, admin, works.id, { name: '孙学徒', skillLevel: 'JUNIOR' });

  // Scheme.
  const { competition } = await run('createCompetition', 'CreateCompetitionInput', {
    title: '2026年港城焊工职业技能大赛', kind: 'SKILLS_COMPETITION', level: 'CITY', trade: '焊工', aggregation: 'MEAN',
    startsAt: '2026-11-01T00:00:00.000Z', endsAt: '2026-11-03T00:00:00.000Z',
    eligibility: { trades: ['焊工'], minSkillLevel: 'INTERMEDIATE' },
    prizeTiers: [{ prize: 'FIRST', count: 1 }, { prize: 'SECOND', count: 1 }], honorTopN: 1, promotionTopM: 1,
  }, 'competition { id status }');
  const cid: string = competition.id;
  expect(competition.status).toBe('DRAFT');
  const theory = (await run('addStage', 'AddStageInput', { competitionId: cid, name: '理论', weight: 30 }, 'stage { id }')).stage.id;
  const practice = (await run('addStage', 'AddStageInput', { competitionId: cid, name: '实操', weight: 70 }, 'stage { id }')).stage.id;
  const exam = (await run('addCriterion', 'AddCriterionInput', { stageId: theory, name: '理论考试', kind: 'MEASUREMENT', maxScore: 100 }, 'criterion { id }')).criterion.id;
  const weld = (await run('addCriterion', 'AddCriterionInput', { stageId: practice, name: '焊缝成形', kind: 'JUDGEMENT', maxScore: 100 }, 'criterion { id }')).criterion.id;

  // Registration, with the eligibility rules refusing by name.
  await run('openRegistration', 'CompetitionTransitionInput', { competitionId: cid }, 'competition { status }');
  const register = (workerId: string) => attempt('registerEntry', 'RegisterEntryInput', { competitionId: cid, workerIds: [workerId] });
  expect(await register(electrician.id)).toEqual([expect.objectContaining({ code: 'NOT_ELIGIBLE', message: expect.stringMatching(/trade|工种/i) })]);
  expect(await register(apprentice.id)).toEqual([expect.objectContaining({ code: 'NOT_ELIGIBLE', message: expect.stringMatching(/level|等级/i) })]);
  const entryOf = new Map<string, string>();
  for (const w of [li, wang, chen]) {
    entryOf.set(w.id, (await run('registerEntry', 'RegisterEntryInput', { competitionId: cid, workerIds: [w.id] }, 'entry { id }')).entry.id);
  }
  expect((await register(li.id))[0]).toMatchObject({ code: expect.stringMatching(/NOT_ELIGIBLE|ALREADY_EXISTS/) });
  await run('closeRegistration', 'CompetitionTransitionInput', { competitionId: cid }, 'competition { status }');

  // Lots: reproducible from the recorded seed.
  const drawn = await run('drawLots', 'DrawLotsInput', { competitionId: cid, seed: '2026-11-01 抽签' }, 'competition { entries(first: 100, filter: { status: ACTIVE }) { nodes { id startNumber station } } }');
  expect(drawn.competition.entries.nodes.map((e: any) => e.startNumber).sort()).toEqual([1, 2, 3]);

  // Judges: two from the assessment centre, one who works at 厦门重工.
  const judge = async (enterpriseId: string, chief: boolean) => {
    const w = await createWorker(a, admin, enterpriseId, { skillLevel: 'SENIOR_TECHNICIAN' });
    const u = await a.user([Role.JUDGE], { workerId: idOf(w.id, 'Worker')! });
    await run('assignJudge', 'AssignJudgeInput', { competitionId: cid, userId: u.globalId, stageIds: [theory, practice], chief }, 'assignment { id }');
    return u.token;
  };
  const [chief, second, insider] = [await judge(bureau.id, true), await judge(bureau.id, false), await judge(steel.id, false)];
  // Judges cannot run the competition.
  expect(errorCode(await a.gql(`mutation($i: CompetitionTransitionInput!) { startCompetition(input: $i) { userErrors { code } } }`, { i: { competitionId: cid } }, second))).toBe('FORBIDDEN');
  await run('startCompetition', 'CompetitionTransitionInput', { competitionId: cid }, 'competition { status }');

  // The hall's screen (anonymous) and the organizer's event stream, both on the other instance.
  const screen = wsClient(b.wsUrl);
  const desk = wsClient(b.wsUrl, org);
  let board: Recorder<any>;
  let events: Recorder<any>;
  try {
    board = record<any>(screen, BOARD_SUB, { id: cid });
    events = record<any>(desk, EVENTS_SUB, { id: cid });
    await boardSubscribers(b, cid, 1);

    const mark = async (token: string, workerId: string, criterionId: string, value: number, extra: Record<string, unknown> = {}) =>
      ok(await a.gql(SUBMIT, { input: { entryId: entryOf.get(workerId), criterionId, value, ...extra } }, token)).submitScore;
    // Theory marks (objective, once), practical marks by every judge who may mark the entry.
    for (const [w, t, p] of [[li, 80, 90], [wang, 70, 85], [chen, 90, 60]] as const) {
      expect((await mark(chief, w.id, exam, t)).userErrors).toEqual([]);
      expect((await mark(chief, w.id, weld, p)).userErrors).toEqual([]);
      expect((await mark(second, w.id, weld, p)).userErrors).toEqual([]);
    }
    // The insider may mark 海沧精工's entry, never his own enterprise's.
    expect((await mark(insider, li.id, weld, 100)).userErrors).toEqual([expect.objectContaining({ code: 'CONFLICT_OF_INTEREST' })]);
    expect((await mark(insider, chen.id, weld, 60)).userErrors).toEqual([]);

    // A correction needs a reason and keeps the earlier value.
    expect((await mark(chief, wang.id, exam, 75)).userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'reason'] })]);
    const corrected = await mark(chief, wang.id, exam, 75, { reason: '阅卷复核' });
    expect(corrected).toMatchObject({ revised: true, score: { value: 75, revisions: { nodes: [{ oldValue: 70, newValue: 75, reason: '阅卷复核' }] } } });

    // Independent marking: the second judge has marked all of 王's entry and seen the panel's marks, so a
    // change of mind now needs the chief judge's approval; the chief judge corrects their own mark.
    expect((await mark(second, wang.id, weld, 88, { reason: '补充评分' })).userErrors).toEqual([expect.objectContaining({ code: 'APPROVAL_REQUIRED' })]);
    // A tablet retrying after a lost response: the same key gives the first outcome and records nothing new.
    const key = randomUUID();
    const first = await mark(chief, wang.id, weld, 88, { reason: '补充评分', idempotencyKey: key });
    const retry = await mark(chief, wang.id, weld, 88, { reason: '补充评分', idempotencyKey: key });
    expect(retry).toMatchObject({ replayed: true, score: { id: first.score.id, value: 88 }, leaderboardVersion: first.leaderboardVersion });
    const log = ok(await a.gql(`query($id: ID!) { node(id: $id) { ... on Competition { scoreLog(first: 50) { totalCount } } } }`, { id: cid }, org));
    expect(log.node.scoreLog.totalCount).toBe(10); // 3 theory + 7 practical marks; corrections are revisions

    // Live: the screen on instance b holds the board instance a now serves.
    const live = ok(await a.gql(BOARD, { id: cid }, org)).node.leaderboard;
    const shown = ok(await a.gql(BOARD, { id: cid })).node.leaderboard;
    const seen = (await board!.waitFor((d) => d.leaderboardUpdated.version === live.version)).leaderboardUpdated;
    expect(seen.rows.nodes).toEqual(shown.rows.nodes.map(({ entryId, rank, total }: any) => ({ entryId, rank, total })));
    // The public board shows a stage score once the entry's marks in it are all in; they are (the insider,
    // of 李's and 王's enterprise, is expected on 陈's entry only), so here it is the whole board.
    expect(shown.rows.nodes.map(({ entryId, rank, total }: any) => ({ entryId, rank, total }))).toEqual(live.rows.nodes.map(({ entryId, rank, total }: any) => ({ entryId, rank, total })));
    // 李: 0.3×80 + 0.7×90 = 87; 王: 0.3×75 + 0.7×86.5 = 83.05; 陈: 0.3×90 + 0.7×60 = 69
    expect(live.rows.nodes.map((r: any) => [r.entryId, r.rank, r.total])).toEqual([[entryOf.get(li.id), 1, 87], [entryOf.get(wang.id), 2, 83.05], [entryOf.get(chen.id), 3, 69]]);
    expect((await events!.waitFor((d) => d.scoreSubmitted.revision)).scoreSubmitted.score.value).toBe(75);

    // Freeze: the public keeps the board as it stood; the organizer sees marks move.
    await run('freezeLeaderboard', 'CompetitionTransitionInput', { competitionId: cid }, 'leaderboard { frozen }');
    expect((await mark(chief, chen.id, weld, 100, { reason: '复评' })).userErrors).toEqual([]);
    const publicBoard = ok(await b.gql(BOARD, { id: cid })).node.leaderboard;
    expect(publicBoard.frozen).toBe(true);
    expect(publicBoard.rows.nodes.find((r: any) => r.entryId === entryOf.get(chen.id)).total).toBe(69);
    const juryBoard = ok(await a.gql(BOARD, { id: cid }, org)).node.leaderboard;
    expect(juryBoard.rows.nodes.find((r: any) => r.entryId === entryOf.get(chen.id)).total).toBeCloseTo(0.3 * 90 + 0.7 * ((100 + 60 + 60) / 3), 2);
  } finally {
    await screen.dispose();
    await desk.dispose();
  }

  // Finalize: prizes, the honor and a promotion written to the registry; the freeze is lifted.
  await run('closeScoring', 'CompetitionTransitionInput', { competitionId: cid }, 'competition { status }');
  // The chief judge signs both stages; published with no appeal window, the results may be made final at once.
  for (const stageId of [theory, practice]) await mutate(a, chief, 'signOffStage', 'SignOffStageInput', { stageId }, 'signOff { id }');
  await run('updateCompetition', 'UpdateCompetitionInput', { competitionId: cid, appealWindowMinutes: 0 }, 'competition { id }');
  await run('publishResults', 'CompetitionTransitionInput', { competitionId: cid }, 'competition { status }');
  const done = await run('finalizeCompetition', 'CompetitionTransitionInput', { competitionId: cid }, 'competition { status } awards { rank prize honorGranted entry { id } promotions { from to } }');
  expect(done.competition.status).toBe('FINALIZED');
  expect(done.awards.map((x: any) => [x.entry.id, x.rank, x.prize, x.honorGranted])).toEqual([
    [entryOf.get(li.id), 1, 'FIRST', true], [entryOf.get(wang.id), 2, 'SECOND', false], [entryOf.get(chen.id), 3, null, false],
  ]);
  expect(done.awards[0].promotions).toEqual([{ from: 'SENIOR', to: 'TECHNICIAN' }]);
  const record_ = ok(await a.gql(`query($id: ID!) { worker(id: $id) { skillLevel honors { nodes { kind level } } skillLevelHistory { to source } } }`, { id: li.id }, admin)).worker;
  expect(record_).toMatchObject({ skillLevel: 'TECHNICIAN', honors: { nodes: [{ kind: 'TECHNICAL_EXPERT', level: 'CITY' }] } });
  expect(record_.skillLevelHistory.at(-1).to).toBe('TECHNICIAN');
  expect(ok(await b.gql(BOARD, { id: cid })).node.leaderboard.frozen).toBe(false);
  expect((await attempt('reopenScoring', 'CompetitionTransitionInput', { competitionId: cid, reason: '再改' }))[0].code).toBe('INVALID_STATE');

  // The results sheet, for spreadsheets.
  const csvUrl = a.url.replace(/\/graphql$/, `/competitions/${cid}/results.csv`);
  expect((await fetch(csvUrl)).status).toBe(401);
  const sheet = Buffer.from(await (await fetch(csvUrl, { headers: { authorization: `Bearer ${org}` } })).arrayBuffer());
  expect([...sheet.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(sheet.toString('utf8')).toContain('李建国');

  // Efficacy.
  const stats = ok(await a.gql(`query($id: ID!) { node(id: $id) { ... on Competition { stats { entries enterprises rankedEntries benefitedEntries benefitRate promotions honors } } } }`, { id: cid })).node.stats;
  expect(stats).toEqual({ entries: 3, enterprises: 2, rankedEntries: 3, benefitedEntries: 2, benefitRate: 0.6667, promotions: 1, honors: 1 });
}, 120_000); // ~16 s alone; on a loaded 2-core machine it passed 30 s: one long story, not a hang
