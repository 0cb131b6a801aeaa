import { Role } from '../../src/auth/role';
import { errorCode, ok, startTestServer, type TestServer } from '../helpers/server';
import { mutate, setupCompetition, type CompetitionFixture } from '../helpers/competition';

/*
 * Issue 12 §7, the judge marking-pattern report, on marks whose every figure is worked out by hand below.
 * Deviation of a mark = mark − mean of the OTHER judges' marks on that entry and criterion.
 */
const REPORT = `query($id: ID!) { node(id: $id) { ... on Competition { judgeReport {
  flagShareOfMaxScore flagMinimumMarks
  lines { judgeId judgeName onPanel criterion { id } marks comparedMarks meanDeviation meanAbsoluteDeviation spread panelsOfThree trimmedHigh trimmedLow flagged } } } } }`;
const SUBMIT = `mutation($input: SubmitScoreInput!) { submitScore(input: $input) { score { id } userErrors { code message } } }`;

let t: TestServer;
let f: CompetitionFixture;
type Judge = { id: string; globalId: string; token: string; name: string };
const judges: Judge[] = [];
let X: string; // JUDGEMENT, max 50
let Y: string; // JUDGEMENT, max 10
let M: string; // MEASUREMENT: never in the report

beforeAll(async () => {
  t = await startTestServer();
  f = await setupCompetition(t, {
    entries: 5, judges: 0, until: 'REGISTRATION_CLOSED',
    stages: [
      { name: '理论', weight: 20, criteria: [{ kind: 'MEASUREMENT', maxScore: 100 }] },
      { name: '实操', weight: 80, criteria: [{ name: '焊缝外观', kind: 'JUDGEMENT', maxScore: 50 }, { name: '工艺规范', kind: 'JUDGEMENT', maxScore: 10 }] },
    ],
  });
  [M, X, Y] = [f.stages[0]!.criteria[0]!.id, f.stages[1]!.criteria[0]!.id, f.stages[1]!.criteria[1]!.id];
  // Judges A (chief), B, C, D; names sort in that order.
  const stamp = Date.now();
  for (const [i, letter] of ['a', 'b', 'c', 'd'].entries()) {
    const email = `judge-${letter}-${stamp}@example.com`;
    const user = await t.user([Role.JUDGE], { email });
    await mutate(t, f.organizer.token, 'assignJudge', 'AssignJudgeInput', {
      competitionId: f.competitionId, userId: user.globalId, stageIds: f.stages.map((s) => s.id), chief: i === 0,
    }, 'assignment { id }');
    judges.push({ ...user, name: email.split('@')[0]! });
  }
  await mutate(t, f.organizer.token, 'drawLots', 'DrawLotsInput', { competitionId: f.competitionId, seed: 'report' }, 'competition { id }');
  await mutate(t, f.organizer.token, 'startCompetition', 'CompetitionTransitionInput', { competitionId: f.competitionId }, 'competition { status }');

  const [A, B, C, D] = judges;
  const mark = async (judge: Judge, entry: number, criterion: string, value: number) => {
    const res = ok(await t.gql(SUBMIT, { input: { entryId: f.entries[entry]!.id, criterionId: criterion, value } }, judge.token)).submitScore;
    expect(res.userErrors).toEqual([]);
  };
  // Criterion X (max 50):       A    B    C    D
  //   entry 1                   40   30   32   34
  //   entry 2                   42   35   35   36
  //   entry 3                   45   40   38   —
  //   entry 4                   30   20   —    —
  //   entry 5 (withdrawn)       10   50   50   50   ← left out of everything
  const X_MARKS: [Judge, number, number][] = [
    [A!, 0, 40], [B!, 0, 30], [C!, 0, 32], [D!, 0, 34],
    [A!, 1, 42], [B!, 1, 35], [C!, 1, 35], [D!, 1, 36],
    [A!, 2, 45], [B!, 2, 40], [C!, 2, 38],
    [A!, 3, 30], [B!, 3, 20],
    [A!, 4, 10], [B!, 4, 50], [C!, 4, 50], [D!, 4, 50],
  ];
  for (const [judge, entry, value] of X_MARKS) await mark(judge, entry, X, value);
  // Criterion Y (max 10): A 10 / B 2 on entry 1, A 9 / B 1 on entry 2, C alone 5 on entry 3.
  for (const [judge, entry, value] of [[A!, 0, 10], [B!, 0, 2], [A!, 1, 9], [B!, 1, 1], [C!, 2, 5]] as const) await mark(judge, entry, Y, value);
  await mark(A!, 0, M, 90);
  await mutate(t, f.organizer.token, 'withdrawEntry', 'WithdrawEntryInput', { entryId: f.entries[4]!.id, reason: '退赛' }, 'entry { id }');
  // D leaves the panel: still in the report, as no longer on it.
  await mutate(t, f.organizer.token, 'unassignJudge', 'UnassignJudgeInput', { competitionId: f.competitionId, userId: D!.globalId, reason: '回避' }, 'assignment { id }');
}, 120_000);
afterAll(async () => t.close());

const report = async (token: string | null) => t.gql(REPORT, { id: f.competitionId }, token);

describe('judgeReport figures (hand-computed)', () => {
  it('per judge and JUDGEMENT criterion, in stage, criterion and name order', async () => {
    const r = ok(await report(f.organizer.token)).node.judgeReport;
    expect(r.flagShareOfMaxScore).toBe(0.1);
    expect(r.flagMinimumMarks).toBe(3);
    const [A, B, C, D] = judges;
    const line = (j: Judge, criterion: string, rest: Record<string, unknown>) => ({ judgeId: j.globalId, judgeName: j.name, onPanel: j !== D, criterion: { id: criterion }, ...rest });
    expect(r.lines).toEqual([
      // A on X: others' means 32 (30,32,34), 106/3 (35,35,36), 39 (40,38), 20 → deviations 8, 20/3, 6, 10.
      // mean (8 + 6.6667 + 6 + 10)/4 = 23/3 = 7.6667 → 7.67 (= MAD, all positive).
      // spread: deviations from 23/3 are 1/3, −1, −5/3, 7/3; squares 1/9 + 1 + 25/9 + 49/9 = 84/9; /4 = 7/3; √(7/3) = 1.5275 → 1.53.
      // Panels of ≥ 3 marks: entries 1–3, strictly highest on all three. Flagged: 7.67 > 10 % × 50 = 5, with 4 compared marks.
      line(A!, X, { marks: 4, comparedMarks: 4, meanDeviation: 7.67, meanAbsoluteDeviation: 7.67, spread: 1.53, panelsOfThree: 3, trimmedHigh: 3, trimmedLow: 0, flagged: true }),
      // B on X: others' means 106/3 (40,32,34), 113/3 (42,35,36), 41.5 (45,38), 30 → deviations −16/3, −8/3, −1.5, −10.
      // mean (−8 − 11.5)/4 = −4.875 → −4.88 (exactly half: the thirds sum to −8 exactly; half away from zero); MAD 4.875 → 4.88.
      // spread: variance = Σd²/4 − mean² = (256/9 + 64/9 + 2.25 + 100)/4 − 23.765625 = 34.4514 − 23.7656 = 10.6858; √ = 3.2689 → 3.27.
      // Strictly lowest on entry 1 only (35 is shared with C on entry 2; C's 38 is below 40 on entry 3). 4.88 ≤ 5: not flagged.
      line(B!, X, { marks: 4, comparedMarks: 4, meanDeviation: -4.88, meanAbsoluteDeviation: 4.88, spread: 3.27, panelsOfThree: 3, trimmedHigh: 0, trimmedLow: 1, flagged: false }),
      // C on X: others' means 104/3 (40,30,34), 113/3 (42,35,36), 42.5 (45,40) → deviations −8/3, −8/3, −4.5.
      // mean (−16/3 − 9/2)/3 = −59/18 = −3.2778 → −3.28; spread: Σd²/3 − mean² = (64/9 + 64/9 + 20.25)/3 − 10.7438 = 11.4907 − 10.7438 = 0.7469; √ = 0.8642 → 0.86.
      // Strictly lowest on entry 3.
      line(C!, X, { marks: 3, comparedMarks: 3, meanDeviation: -3.28, meanAbsoluteDeviation: 3.28, spread: 0.86, panelsOfThree: 3, trimmedHigh: 0, trimmedLow: 1, flagged: false }),
      // D on X: others' means 34 (40,30,32) and 112/3 (42,35,35) → deviations 0 and −4/3; mean −2/3 → −0.67; MAD 0.67; spread 2/3 → 0.67.
      line(D!, X, { marks: 2, comparedMarks: 2, meanDeviation: -0.67, meanAbsoluteDeviation: 0.67, spread: 0.67, panelsOfThree: 2, trimmedHigh: 0, trimmedLow: 0, flagged: false }),
      // Y (max 10): A +8 and +8 against B, far beyond 10 % × 10 = 1, but only 2 compared marks: not flagged. Panels of 2: no trims.
      line(A!, Y, { marks: 2, comparedMarks: 2, meanDeviation: 8, meanAbsoluteDeviation: 8, spread: 0, panelsOfThree: 0, trimmedHigh: 0, trimmedLow: 0, flagged: false }),
      line(B!, Y, { marks: 2, comparedMarks: 2, meanDeviation: -8, meanAbsoluteDeviation: 8, spread: 0, panelsOfThree: 0, trimmedHigh: 0, trimmedLow: 0, flagged: false }),
      // C alone on entry 3: a mark, nothing to compare it with.
      line(C!, Y, { marks: 1, comparedMarks: 0, meanDeviation: null, meanAbsoluteDeviation: null, spread: null, panelsOfThree: 0, trimmedHigh: 0, trimmedLow: 0, flagged: false }),
    ]);
  });
});

describe('rounding', () => {
  it('a mean deviation of exactly 0.005 built from thirds rounds up to 0.01', async () => {
    // Six entries; judge 0 marks 10.01 five times and 10.02 once; the others 10.00, 10.00, 10.02 each time.
    // The others' mean is 30.02/3 = 10.00666…, so each deviation is v − 10.00666… and their sum 60.07 − 60.04 = 0.03:
    // mean 0.03/6 = 0.005 exactly → 0.01 (all deviations positive: the same MAD). In binary floating point the
    // deviations land just short of it and the report would show 0.00 (checked: it does with float8).
    const g = await setupCompetition(t, { entries: 6, judges: 4 });
    const criterion = g.stages[1]!.criteria[0]!.id;
    for (const [i, e] of g.entries.entries()) {
      for (const [j, value] of [[0, i === 5 ? 10.02 : 10.01], [1, 10], [2, 10], [3, 10.02]] as const) {
        const res = ok(await t.gql(SUBMIT, { input: { entryId: e.id, criterionId: criterion, value } }, g.judges[j]!.token)).submitScore;
        expect(res.userErrors).toEqual([]);
      }
    }
    const lines = ok(await t.gql(REPORT, { id: g.competitionId }, g.organizer.token)).node.judgeReport.lines;
    expect(lines.find((l: any) => l.judgeId === g.judges[0]!.globalId)).toMatchObject({ marks: 6, comparedMarks: 6, meanDeviation: 0.01, meanAbsoluteDeviation: 0.01 });
  });
});

describe('who reads the judge report', () => {
  it('the competition’s organizer, ADMIN and its chief judge', async () => {
    const admin = await t.user([Role.ADMIN]);
    for (const token of [f.organizer.token, admin.token, judges[0]!.token]) {
      expect(ok(await report(token)).node.judgeReport.lines).toHaveLength(7);
    }
  });

  it('nobody else: anonymous UNAUTHENTICATED; judges, a removed judge, other organizers and other roles FORBIDDEN', async () => {
    expect(errorCode(await report(null))).toBe('UNAUTHENTICATED');
    const others = [
      judges[1]!.token, // on the panel, not chief
      judges[3]!.token, // removed from the panel
      (await t.user([Role.ORGANIZER])).token, // another competition's organizer
      (await t.user([Role.STUDIO_MANAGER])).token,
      (await t.user([Role.REVIEWER])).token,
    ];
    for (const token of others) {
      const res = await report(token);
      expect(errorCode(res)).toBe('FORBIDDEN');
      expect(res.errors![0]!.message).toBe('只有本竞赛的组织者、裁判长和管理员可以查看裁判评分分析');
    }
  });

  it('an organizer who also judges the competition gets the judge’s view: FORBIDDEN', async () => {
    const g = await setupCompetition(t, { judges: 1 });
    const organizerJudge = await t.user([Role.ORGANIZER, Role.JUDGE]);
    const h = await setupCompetition(t, { judges: 1, organizer: organizerJudge });
    await mutate(t, organizerJudge.token, 'assignJudge', 'AssignJudgeInput', {
      competitionId: h.competitionId, userId: organizerJudge.globalId, stageIds: h.stages.map((s) => s.id), reason: '补充裁判',
    }, 'assignment { id }');
    expect(errorCode(await t.gql(REPORT, { id: h.competitionId }, organizerJudge.token))).toBe('FORBIDDEN');
    // A competition without marks: an empty report.
    expect(ok(await t.gql(REPORT, { id: g.competitionId }, g.organizer.token)).node.judgeReport.lines).toEqual([]);
  });
});
