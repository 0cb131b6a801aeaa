import { randomUUID } from 'node:crypto';
import { Role } from '../../src/auth/role';
import { toGlobalId } from '../../src/common/relay';
import { cstYear } from '../../src/competitions/results/finalize.service';
import { errorCode, ok, startTestServer, type TestServer } from '../helpers/server';
import { acceptMissingMarks, mutate, setupCompetition, signOffAndPublish, type CompetitionFixture } from '../helpers/competition';

const FINALIZE = `mutation($input: CompetitionTransitionInput!) { finalizeCompetition(input: $input) {
  competition { id status finalizedAt }
  awards { id rank total prize honorGranted entry { id } promotions { worker { id } from to } promotionsWithheld { worker { id } level reason } }
  userErrors { code field message } } }`;
const AWARDS = `query($id: ID!) { node(id: $id) { ... on Competition { status awards(first: 100) { nodes { id rank total prize honorGranted entry { id }
  promotions { worker { id } from to } promotionsWithheld { worker { id } level reason } } } } } }`;
const BOARD = `query($id: ID!) { node(id: $id) { ... on Competition { leaderboard { frozen rows(first: 1000) { nodes { entryId rank total standardisedScore } } } } } }`;
const WORKER = `query($id: ID!) { worker(id: $id) { name skillLevel honors { nodes { kind level year source } } skillLevelHistory { from to kind reason source } } }`;
const SUBMIT = `mutation($input: SubmitScoreInput!) { submitScore(input: $input) { score { id } userErrors { code field message } } }`;
const MOVE = (name: string) => `mutation($input: CompetitionTransitionInput!) { ${name}(input: $input) { competition { status } userErrors { code field message } } }`;

/** Two stages of one MEASUREMENT criterion each, out of 100: total = 0.4 × theory + 0.6 × practice. */
const STAGES = [
  { name: '理论', weight: 40, criteria: [{ kind: 'MEASUREMENT' as const, maxScore: 100 }] },
  { name: '实操', weight: 60, criteria: [{ kind: 'MEASUREMENT' as const, maxScore: 100 }] },
];
const YEAR = cstYear(new Date());

let t: TestServer;
let admin: string;
beforeAll(async () => {
  t = await startTestServer();
  admin = (await t.user([Role.ADMIN])).token;
});
afterAll(async () => t.close());

async function mark(f: CompetitionFixture, entry: number, stage: number, value: number) {
  const res = ok(await t.gql(SUBMIT, { input: { entryId: f.entries[entry]!.id, criterionId: f.stages[stage]!.criteria[0]!.id, value } }, f.judges[0]!.token));
  if (res.submitScore.userErrors.length) throw new Error(JSON.stringify(res.submitScore.userErrors));
}

const move = async (f: CompetitionFixture, name: string, token = f.organizer.token, reason?: string) =>
  ok(await t.gql(MOVE(name), { input: { competitionId: f.competitionId, ...(reason ? { reason } : {}) } }, token))[name];
const finalize = async (f: CompetitionFixture, token: string | null = f.organizer.token) => t.gql(FINALIZE, { input: { competitionId: f.competitionId } }, token);
const worker = async (id: string) => ok(await t.gql(WORKER, { id }, admin)).worker;

async function csv(competitionId: string, token?: string | null) {
  const res = await fetch(t.url.replace(/\/graphql$/, `/competitions/${competitionId}/results.csv`), { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}

/** RFC 4180 reader (quoted fields, doubled quotes, CRLF rows), to check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (ch === '"') quoted = false; else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; } else if (ch === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; } else field += ch;
  }
  return rows;
}

describe('finalizeCompetition: a whole run', () => {
  let f: CompetitionFixture;
  const title = '港城焊工技能大赛（定榜）';
  const names: string[] = [];

  beforeAll(async () => {
    f = await setupCompetition(t, {
      title, entries: 6, judges: 1, stages: STAGES, level: 'CITY', honorTopN: 2, promotionTopM: 2,
      prizeTiers: [{ prize: 'FIRST', count: 1 }, { prize: 'SECOND', share: 0.34 }, { prize: 'THIRD', share: 0.2 }, { prize: 'EXCELLENCE', count: 1 }],
    });
    const w = (i: number) => f.entries[i]!.workerIds[0]!;
    // Entry 1's worker was certified TECHNICIAN this year outside competitions: that does not block a competition promotion.
    await mutate(t, admin, 'recordSkillLevelChange', 'RecordSkillLevelChangeInput', { workerId: w(1), to: 'TECHNICIAN', reason: '职业技能等级认定' }, 'change { id }');
    // Entry 2's worker is at the top level already (two levels up: a correction of the registry).
    await mutate(t, admin, 'recordSkillLevelChange', 'RecordSkillLevelChangeInput', { workerId: w(2), to: 'SENIOR_TECHNICIAN', kind: 'CORRECTION', note: '证书为高级技师', reason: '职业技能等级认定' }, 'change { id }');
    // Names a spreadsheet would trip over.
    await mutate(t, admin, 'updateWorker', 'UpdateWorkerInput', { workerId: w(3), name: '=1+2' }, 'worker { id }');
    await mutate(t, admin, 'updateWorker', 'UpdateWorkerInput', { workerId: w(4), name: '王"小"明, 二' }, 'worker { id }');
    for (let i = 0; i < 6; i++) names.push((await worker(w(i))).name);

    // Totals: 0.4·90+0.6·95 = 93; 86 twice (a tie on both stages: shared rank 2); 76; 66; entry 5 never marked (a no-show).
    for (const [i, theory, practice] of [[0, 90, 95], [1, 80, 90], [2, 80, 90], [3, 70, 80]] as const) {
      await mark(f, i, 0, theory);
      await mark(f, i, 1, practice);
    }
    await mark(f, 4, 0, 60);
    await mutate(t, f.organizer.token, 'freezeLeaderboard', 'CompetitionTransitionInput', { competitionId: f.competitionId }, 'competition { id }');
    await mark(f, 4, 1, 70);
  });

  it('is refused from IN_PROGRESS with INVALID_STATE and shows no awards before', async () => {
    const res = ok(await finalize(f)).finalizeCompetition;
    expect(res.competition).toBeNull();
    expect(res.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE', field: ['input', 'competitionId'] })]);
    expect(ok(await t.gql(AWARDS, { id: f.competitionId })).node.awards.nodes).toEqual([]);
    expect(ok(await t.gql(AWARDS, { id: f.competitionId }, f.organizer.token)).node.awards.nodes).toEqual([]);
  });

  it('serves a provisional CSV before finalization: ranks, no prizes', async () => {
    const { res, bytes } = await csv(f.competitionId, f.organizer.token);
    expect(res.status).toBe(200);
    const rows = parseCsv(bytes.toString('utf8').slice(1));
    expect(rows[0]).toEqual(['名次', '参赛号', '姓名', '单位', '理论', '实操', '总分', '标准分', '奖项', '状态']);
    // 标准分 = 500 + 100·(total − mean)/SD over the six ranked totals 93, 86, 86, 76, 66, 0 (the no-show is ranked):
    // mean 407/6 = 67.8333…; variance Σx²/6 − mean² = 33573/6 − 4601.3611… = 994.1389; SD 31.529968…
    // 93: 25.1667/31.53 = 0.798182 → 579.82; 86: 18.1667/31.53 = 0.576171 → 557.62; 76: 0.259013 → 525.90;
    // 66: −1.8333/31.53 = −0.058146 → 494.19; 0: −67.8333/31.53 = −2.151392 → 284.86
    expect(rows.slice(1).map((r) => [r[0], r[6], r[7], r[8]])).toEqual([
      ['1', '93.00', '579.82', ''], ['2', '86.00', '557.62', ''], ['2', '86.00', '557.62', ''], ['4', '76.00', '525.90', ''], ['5', '66.00', '494.19', ''], ['6', '0.00', '284.86', ''],
    ]);
  });

  it('is refused to anonymous viewers, judges and other organizers; a bad ID is a userError', async () => {
    // Entry 5 never got a mark: the chief judge accepts the gap so scoring may close (issue 12 §3).
    await acceptMissingMarks(t, f, '5号选手未交作品');
    expect((await move(f, 'closeScoring')).userErrors).toEqual([]);
    expect(errorCode(await finalize(f, null))).toBe('UNAUTHENTICATED');
    expect(errorCode(await finalize(f, f.judges[0]!.token))).toBe('FORBIDDEN');
    expect(errorCode(await finalize(f, (await t.user([Role.ORGANIZER])).token))).toBe('FORBIDDEN');
    const bad = ok(await t.gql(FINALIZE, { input: { competitionId: toGlobalId('Entry', randomUUID()) } }, f.organizer.token)).finalizeCompetition;
    expect(bad.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'competitionId'] })]);
    const unknown = ok(await t.gql(FINALIZE, { input: { competitionId: toGlobalId('Competition', randomUUID()) } }, f.organizer.token)).finalizeCompetition;
    expect(unknown.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND' })]);
    expect(ok(await t.gql(AWARDS, { id: f.competitionId })).node.status).toBe('SCORING_CLOSED');
  });

  it('ranks, hands out prizes (ties never split), honors and promotes the top with the tie at the cut', async () => {
    // Frozen until now: the public still sees entry 4 at 0.4·60 = 24.
    const before = ok(await t.gql(BOARD, { id: f.competitionId })).node.leaderboard;
    expect(before.frozen).toBe(true);
    expect(before.rows.nodes.find((r: any) => r.entryId === f.entries[4]!.id).total).toBe(24);
    // Its standardised scores come from the totals it shows (93, 86, 86, 76, 24, 0), not the live ones:
    // mean 365/6 = 60.8333…; variance 45533/36 = 1264.8056; SD 35.564105…; 24: −36.8333/35.5641 = −1.035688 → 396.43;
    // 93: 32.1667/35.5641 = 0.904470 → 590.45; 0: −60.8333/35.5641 = −1.710526 → 328.95
    expect(before.rows.nodes.map((r: any) => [r.total, r.standardisedScore])).toEqual([[93, 590.45], [86, 570.76], [86, 570.76], [76, 542.65], [24, 396.43], [0, 328.95]]);
    // The organizer's live board: 66 instead of 24 (as the CSV above), so 494.19.
    const live = ok(await t.gql(BOARD, { id: f.competitionId }, f.organizer.token)).node.leaderboard;
    expect(live.rows.nodes.find((r: any) => r.entryId === f.entries[4]!.id)).toMatchObject({ total: 66, standardisedScore: 494.19 });
    // Results are published (成绩公示) before they are final.
    const early = ok(await finalize(f)).finalizeCompetition;
    expect(early.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE', field: ['input', 'competitionId'] })]);
    expect(early.userErrors[0].message).toContain('仅限“成绩公示中”时');
    await signOffAndPublish(t, f);

    const res = ok(await finalize(f)).finalizeCompetition;
    expect(res.userErrors).toEqual([]);
    expect(res.competition.status).toBe('FINALIZED');
    expect(res.competition.finalizedAt).toBeTruthy();
    const e = (i: number) => f.entries[i]!.id;
    const wid = (i: number) => f.entries[i]!.workerIds[0]!;
    // 6 ranked: FIRST 1; SECOND 0.34·6 = 2.04 → 2 (the tie at rank 2); THIRD 0.2·6 = 1.2 → 1; EXCELLENCE 1; the no-show nothing.
    const expected = [
      { entry: { id: e(0) }, rank: 1, total: 93, prize: 'FIRST', honorGranted: true, promotions: [{ worker: { id: wid(0) }, from: 'SENIOR', to: 'TECHNICIAN' }], promotionsWithheld: [] },
      { entry: { id: e(1) }, rank: 2, total: 86, prize: 'SECOND', honorGranted: true, promotions: [{ worker: { id: wid(1) }, from: 'TECHNICIAN', to: 'SENIOR_TECHNICIAN' }], promotionsWithheld: [] },
      { entry: { id: e(2) }, rank: 2, total: 86, prize: 'SECOND', honorGranted: true, promotions: [], promotionsWithheld: [{ worker: { id: wid(2) }, level: 'SENIOR_TECHNICIAN', reason: 'AT_CAP' }] },
      { entry: { id: e(3) }, rank: 4, total: 76, prize: 'THIRD', honorGranted: false, promotions: [], promotionsWithheld: [] },
      { entry: { id: e(4) }, rank: 5, total: 66, prize: 'EXCELLENCE', honorGranted: false, promotions: [], promotionsWithheld: [] },
      { entry: { id: e(5) }, rank: 6, total: 0, prize: null, honorGranted: false, promotions: [], promotionsWithheld: [] },
    ];
    const sortTies = (awards: any[]) => [...awards].sort((a, b) => a.rank - b.rank || f.entries.findIndex((x) => x.id === a.entry.id) - f.entries.findIndex((x) => x.id === b.entry.id));
    expect(sortTies(res.awards).map(({ id: _id, ...a }: any) => a)).toEqual(expected);
    // Public now, and the freeze is lifted: everyone sees the final board.
    const publicAwards = ok(await t.gql(AWARDS, { id: f.competitionId })).node.awards.nodes;
    expect(sortTies(publicAwards).map(({ id: _id, ...a }: any) => a)).toEqual(expected);
    expect(publicAwards.map((a: any) => a.rank)).toEqual([1, 2, 2, 4, 5, 6]);
    const after = ok(await t.gql(BOARD, { id: f.competitionId })).node.leaderboard;
    expect(after.frozen).toBe(false);
    expect(after.rows.nodes.find((r: any) => r.entryId === e(4)).total).toBe(66);
    // An award is a Node, public once finalized.
    expect(ok(await t.gql(`query($id: ID!) { node(id: $id) { id ... on Award { rank prize } } }`, { id: publicAwards[0].id })).node).toEqual({ id: publicAwards[0].id, rank: 1, prize: 'FIRST' });
  });

  it('writes the honors and promotions to the registry, sourced to the competition', async () => {
    const w = (i: number) => worker(f.entries[i]!.workerIds[0]!);
    const honor = [{ kind: 'TECHNICAL_EXPERT', level: 'CITY', year: YEAR, source: title }];
    const promotion = (from: string, to: string) => ({ from, to, kind: 'COMPETITION', reason: `竞赛晋级：${title} / Promoted by the competition “${title}”`, source: title });
    const manual = (from: string, to: string, kind = 'PROMOTION') => ({ from, to, kind, reason: '职业技能等级认定', source: null });
    const initial = { from: null, to: 'SENIOR', kind: 'INITIAL' };
    expect(await w(0)).toMatchObject({ skillLevel: 'TECHNICIAN', honors: { nodes: honor }, skillLevelHistory: [initial, promotion('SENIOR', 'TECHNICIAN')] });
    expect(await w(1)).toMatchObject({ skillLevel: 'SENIOR_TECHNICIAN', honors: { nodes: honor }, skillLevelHistory: [initial, manual('SENIOR', 'TECHNICIAN'), promotion('TECHNICIAN', 'SENIOR_TECHNICIAN')] });
    expect(await w(2)).toMatchObject({ skillLevel: 'SENIOR_TECHNICIAN', honors: { nodes: honor }, skillLevelHistory: [initial, manual('SENIOR', 'SENIOR_TECHNICIAN', 'CORRECTION')] });
    for (const i of [3, 4, 5]) expect(await w(i)).toMatchObject({ skillLevel: 'SENIOR', honors: { nodes: [] }, skillLevelHistory: [initial] });
  });

  it('is immutable afterwards: no mark, no move, no second finalize', async () => {
    const awards = ok(await t.gql(AWARDS, { id: f.competitionId })).node.awards.nodes;
    const late = ok(await t.gql(SUBMIT, { input: { entryId: f.entries[5]!.id, criterionId: f.stages[0]!.criteria[0]!.id, value: 100 } }, f.judges[0]!.token));
    expect(late.submitScore.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
    expect((await move(f, 'reopenScoring', f.organizer.token, '复核')).userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
    expect((await move(f, 'cancelCompetition', f.organizer.token, '取消')).userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
    expect(ok(await finalize(f)).finalizeCompetition.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
    expect(ok(await t.gql(AWARDS, { id: f.competitionId })).node).toEqual({ status: 'FINALIZED', awards: { nodes: awards } });
  });

  it('exports the results as CSV: BOM, header, prizes, RFC 4180 quoting, defused formulas', async () => {
    const { res, bytes } = await csv(f.competitionId, f.organizer.token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="results-${f.competitionId}.csv"; filename*=UTF-8''${encodeURIComponent(`${title}.csv`)}`);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain(`"王""小""明, 二"`);
    expect(text).toContain(`,'=1+2,`);
    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual(['名次', '参赛号', '姓名', '单位', '理论', '实操', '总分', '标准分', '奖项', '状态']);
    // Six entries, then (after an empty line) the gap the chief judge accepted: by whom, why, what was missing.
    expect(rows).toHaveLength(10);
    expect(rows[7]).toEqual(['']);
    expect(rows[8]).toEqual(['评分缺项确认', '范围', '确认人', '确认时间', '理由', '缺项']);
    expect(rows[9]).toEqual(['裁判长已确认缺项', '全部赛段', expect.any(String), expect.stringMatching(/^\d{4}-/), '5号选手未交作品', expect.stringContaining(`${f.entries[5]!.startNumber}号 理论`)]);
    const byName = new Map(rows.slice(1, 7).map((r) => [r[2], r]));
    const sn = (i: number) => String(f.entries[i]!.startNumber);
    // 标准分 from the awards' totals, the same six as before finalization (worked out in the provisional CSV test).
    expect(byName.get(names[0])).toEqual(['1', sn(0), names[0], expect.stringMatching(/^参赛企业/), '90.00', '95.00', '93.00', '579.82', '一等奖', '参赛']);
    expect(byName.get(names[2])!.slice(4)).toEqual(['80.00', '90.00', '86.00', '557.62', '二等奖', '参赛']);
    expect(byName.get(`'=1+2`)!.slice(0, 2).concat(byName.get(`'=1+2`)!.slice(6, 9))).toEqual(['4', sn(3), '76.00', '525.90', '三等奖']);
    expect(byName.get('王"小"明, 二')!.slice(6, 9)).toEqual(['66.00', '494.19', '优秀奖']);
    expect(byName.get(names[5])!.slice(4, 9)).toEqual(['0.00', '0.00', '0.00', '284.86', '']);
    // The uuid works as the id too.
    const uuid = Buffer.from(f.competitionId, 'base64url').toString().split(':')[1]!;
    expect((await csv(uuid, admin)).res.status).toBe(200);
  });

  it('answers 401 without or with a bad token, 403 to other roles and other competitions’ organizers, 404 for an unknown competition', async () => {
    expect((await csv(f.competitionId)).res.status).toBe(401);
    expect((await csv(f.competitionId, 'not-a-token')).res.status).toBe(401);
    expect((await csv(f.competitionId, f.judges[0]!.token)).res.status).toBe(403);
    expect((await csv(f.competitionId, (await t.user([Role.ORGANIZER])).token)).res.status).toBe(403);
    expect((await csv(f.competitionId, (await t.user([Role.REVIEWER])).token)).res.status).toBe(403);
    expect((await csv(toGlobalId('Competition', randomUUID()), f.organizer.token)).res.status).toBe(404);
    expect((await csv('nonsense', f.organizer.token)).res.status).toBe(404);
  });

  it('promotes a worker at most once a year through competitions and never grants the same honor twice', async () => {
    const star = f.entries[0]!.workerIds[0]!; // promoted to TECHNICIAN and honored above
    const g = await setupCompetition(t, { title: '第二场技术比武', entries: 1, judges: 1, stages: STAGES, until: 'REGISTRATION_OPEN', level: 'CITY', honorTopN: 1, promotionTopM: 2 });
    const { entry } = await mutate(t, g.organizer.token, 'registerEntry', 'RegisterEntryInput', { competitionId: g.competitionId, workerIds: [star] }, 'entry { id }');
    g.entries.push({ id: entry.id, workerIds: [star], enterpriseId: '', startNumber: null });
    await move(g, 'closeRegistration');
    await mutate(t, g.organizer.token, 'drawLots', 'DrawLotsInput', { competitionId: g.competitionId, seed: 's' }, 'competition { id }');
    await move(g, 'startCompetition');
    for (const [i, v] of [[0, 50], [1, 99]] as const) for (const s of [0, 1]) await mark(g, i, s, v);
    await move(g, 'closeScoring');
    await signOffAndPublish(t, g);
    const res = ok(await finalize(g, admin)).finalizeCompetition; // an admin may finalize any competition
    expect(res.userErrors).toEqual([]);
    const [top, second] = res.awards;
    expect(top).toMatchObject({ rank: 1, entry: { id: entry.id }, honorGranted: true, promotions: [], promotionsWithheld: [{ worker: { id: star }, level: 'TECHNICIAN', reason: 'ALREADY_PROMOTED_THIS_YEAR' }] });
    expect(second).toMatchObject({ rank: 2, honorGranted: false, promotions: [{ worker: { id: g.entries[0]!.workerIds[0] }, from: 'SENIOR', to: 'TECHNICIAN' }] });
    const w = await worker(star);
    expect(w.skillLevel).toBe('TECHNICIAN');
    expect(w.honors.nodes).toHaveLength(1);
    expect(w.skillLevelHistory).toHaveLength(2); // the initial level and the earlier promotion
    const stats = ok(await t.gql(`query($id: ID!) { node(id: $id) { ... on Competition { stats { promotions honors rankedEntries benefitedEntries benefitRate } } } }`, { id: g.competitionId })).node.stats;
    // The top entry's honor is held already (not written again) yet counts as its benefit; the second entry's promotion is written.
    expect(stats).toEqual({ promotions: 1, honors: 0, rankedEntries: 2, benefitedEntries: 2, benefitRate: 1 });
  });
});
