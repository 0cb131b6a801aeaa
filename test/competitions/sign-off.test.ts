import { createHash } from 'node:crypto';
import { Role } from '../../src/auth/role';
import { idOf } from '../../src/common/relay';
import { errorCode, ok, startTestServer, type TestServer } from '../helpers/server';
import { acceptMissingMarks, mutate, setupCompetition, type CompetitionFixture } from '../helpers/competition';

/**
 * signOffStage (issue 12 §4): the chief judge signs a closed stage's results with the digest of its
 * canonical score sheet; nobody else may; a later change voids the sign-off and a new one is recorded
 * beside it. The digest is recomputed here from the score log, independently of the server's code.
 */
const SIGN = `mutation($input: SignOffStageInput!) { signOffStage(input: $input) {
  created signOff { id digest signedAt valid invalidatedAt stage { id } signedBy { id displayName } } userErrors { code field message } } }`;
const SUBMIT = `mutation($input: SubmitScoreInput!) { submitScore(input: $input) { score { id } userErrors { code field message } } }`;
const STAGE = `query($id: ID!) { node(id: $id) { ... on Stage { id signOff { id digest valid signedBy { displayName } } } } }`;
const HISTORY = `query($id: ID!) { node(id: $id) { ... on Competition {
  unsignedStages { id }
  signOffs(first: 10) { totalCount nodes { id digest valid invalidatedAt invalidatedReason stage { id } } } } } }`;
const VERSION = `query($id: ID!) { node(id: $id) { ... on Competition { leaderboard { version } } } }`;

let t: TestServer;
let f: CompetitionFixture;
let chief: string;
let theory: string;
let practical: string;

beforeAll(async () => {
  t = await startTestServer();
  f = await setupCompetition(t, { entries: 2, judges: 3 });
  chief = f.judges[0]!.token; // the fixture's first judge is the chief judge, and marks too
  [theory, practical] = [f.stages[0]!.id, f.stages[1]!.id];
  for (const [i, e] of f.entries.entries()) {
    await mark(0, e.id, f.stages[0]!.criteria[0]!.id, 80 + i);
    for (const [k, c] of f.stages[1]!.criteria.entries()) for (const j of [0, 1, 2]) await mark(j, e.id, c.id, 30 + i + k + j + 0.25);
  }
  // A correction, with a Chinese reason: the sheet carries it.
  await correct(1, f.entries[0]!.id, f.stages[1]!.criteria[0]!.id, 33.5, '誊写错误，原始评分表为33.5分');
}, 60_000);
afterAll(async () => t.close());

const scoreIds = new Map<string, string>();
async function mark(judge: number, entryId: string, criterionId: string, value: number, reason?: string) {
  const res = ok(await t.gql(SUBMIT, { input: { entryId, criterionId, value, reason } }, f.judges[judge]!.token)).submitScore;
  if (res.userErrors.length) throw new Error(JSON.stringify(res.userErrors));
  scoreIds.set(`${judge} ${entryId} ${criterionId}`, res.score.id);
}
/** A judge's correction after seeing the panel's marks (independent marking): asked by the judge, approved by the chief judge. */
async function correct(judge: number, entryId: string, criterionId: string, value: number, reason: string) {
  const scoreId = scoreIds.get(`${judge} ${entryId} ${criterionId}`)!;
  const { request } = await mutate(t, f.judges[judge]!.token, 'requestScoreCorrection', 'RequestScoreCorrectionInput', { scoreId, value, reason }, 'request { id }');
  await mutate(t, chief, 'decideScoreCorrection', 'DecideScoreCorrectionInput', { requestId: request.id, approve: true }, 'request { status }');
}
const sign = (stageId: string, token: string | null = chief) => t.gql(SIGN, { input: { stageId } }, token);
const stageOf = async (id: string, token: string | null = null) => ok(await t.gql(STAGE, { id }, token)).node;
const history = async () => ok(await t.gql(HISTORY, { id: f.competitionId })).node;
const version = async () => ok(await t.gql(VERSION, { id: f.competitionId }, f.organizer.token)).node.leaderboard.version as number;
const transition = (name: string, reason?: string) =>
  mutate(t, f.organizer.token, name, 'CompetitionTransitionInput', { competitionId: f.competitionId, ...(reason ? { reason } : {}) }, 'competition { status }');

/** The canonical sheet of docs/score-sheet-digest.md, built here from the score log, not by the server's code. */
async function recomputedDigest(stageId: string): Promise<string> {
  const data = ok(await t.gql(`query($id: ID!) { node(id: $id) { ... on Competition {
    judges(includeRemoved: true) { nodes { user { id displayName } } }
    scoreLog(first: 100) { totalCount nodes { entry { id } criterion { id } value judgeName
      revisions { nodes { at judgeName reasonKind oldValue newValue reason } } } } } } }`, { id: f.competitionId }, f.organizer.token)).node;
  expect(data.scoreLog.totalCount).toBeLessThanOrEqual(100);
  const userId = new Map<string, string>(data.judges.nodes.map((j: any) => [j.user.displayName, idOf(j.user.id, 'User')!]));
  const criteria = new Set(f.stages.find((s) => s.id === stageId)!.criteria.map((c) => c.id));
  const fixed = (v: number) => v.toFixed(2);
  const lines = data.scoreLog.nodes
    .filter((s: any) => criteria.has(s.criterion.id))
    .map((s: any) => ({
      key: [idOf(s.entry.id, 'Entry'), idOf(s.criterion.id, 'Criterion'), userId.get(s.judgeName)].join(' '),
      text: `{"entry":"${idOf(s.entry.id, 'Entry')}","criterion":"${idOf(s.criterion.id, 'Criterion')}","judge":"${userId.get(s.judgeName)}","value":"${fixed(s.value)}","revisions":[` +
        s.revisions.nodes.map((r: any) => `{"at":"${new Date(r.at).toISOString()}","by":"${userId.get(r.judgeName)}","kind":"${r.reasonKind}","from":"${fixed(r.oldValue)}","to":"${fixed(r.newValue)}","reason":${JSON.stringify(r.reason)}}`).join(',') +
        ']}\n',
    }))
    .sort((a: any, b: any) => (a.key < b.key ? -1 : 1));
  return createHash('sha256').update(lines.map((l: any) => l.text).join(''), 'utf8').digest('hex');
}

describe('signOffStage', () => {
  it('is refused while the stage’s marking is open, and records nothing', async () => {
    const res = ok(await sign(theory)).signOffStage;
    expect(res.signOff).toBeNull();
    expect(res.userErrors).toEqual([{ code: 'INVALID_STATE', field: ['input', 'stageId'], message: '该赛段评分尚未结束，不能签字确认' }]);
    expect((await history()).signOffs.totalCount).toBe(0);
  });

  it('is the chief judge’s alone: not a judge, not the organizer, another organizer, an admin or the public', async () => {
    await transition('closeScoring');
    const admin = (await t.user([Role.ADMIN])).token;
    const otherOrganizer = (await t.user([Role.ORGANIZER])).token;
    const otherJudge = (await t.user([Role.JUDGE])).token;
    for (const token of [f.judges[1]!.token, f.organizer.token, otherOrganizer, admin, otherJudge]) {
      const res = await sign(theory, token);
      expect(errorCode(res)).toBe('FORBIDDEN');
    }
    expect(errorCode(await sign(theory, null))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(SIGN, { input: { stageId: f.competitionId } }, chief))).toBe(undefined); // a wrong kind of ID is a userError
    expect((await history()).signOffs.totalCount).toBe(0);
  });

  it('records who, when and the digest of the stage’s score sheet, public, and raises the board version', async () => {
    const before = await version();
    const res = ok(await sign(practical)).signOffStage;
    expect(res.userErrors).toEqual([]);
    expect(res.created).toBe(true);
    expect(res.signOff).toMatchObject({ valid: true, invalidatedAt: null, stage: { id: practical }, signedBy: { id: f.judges[0]!.globalId } });
    expect(res.signOff.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(res.signOff.digest).toBe(await recomputedDigest(practical));
    expect(await version()).toBe(before + 1);
    // The fact and the digest are public; who signed is the panel's business.
    expect(await stageOf(practical)).toEqual({ id: practical, signOff: { id: res.signOff.id, digest: res.signOff.digest, valid: true, signedBy: null } });
    expect((await stageOf(practical, f.organizer.token)).signOff.signedBy).toEqual({ displayName: expect.any(String) });
    expect((await history()).unsignedStages).toEqual([{ id: theory }]);
    const node = ok(await t.gql(`query($id: ID!) { node(id: $id) { ... on StageSignOff { digest } } }`, { id: res.signOff.id })).node;
    expect(node).toEqual({ digest: res.signOff.digest });
  });

  it('is idempotent: a second sign-off, or two at once, return the one recorded', async () => {
    const first = ok(await sign(practical)).signOffStage;
    expect(first).toMatchObject({ created: false, userErrors: [] });
    const both = await Promise.all([sign(theory), sign(theory)]);
    const [a, b] = both.map((r) => ok(r).signOffStage);
    expect(a.userErrors).toEqual([]);
    expect(b.userErrors).toEqual([]);
    expect(a.signOff.id).toBe(b.signOff.id);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(a.signOff.digest).toBe(await recomputedDigest(theory));
    const h = await history();
    expect(h.signOffs.totalCount).toBe(2);
    expect(h.unsignedStages).toEqual([]);
  });

  it('is voided by a later correction and renewed by a new sign-off; the history keeps both', async () => {
    const old = (await stageOf(practical)).signOff;
    await transition('reopenScoring', '复核发现誊写错误');
    await correct(2, f.entries[1]!.id, f.stages[1]!.criteria[1]!.id, 40, '复核更正');
    expect((await stageOf(practical)).signOff).toBeNull();
    let h = await history();
    expect(h.signOffs.nodes.find((n: any) => n.id === old.id)).toMatchObject({ valid: false, invalidatedAt: expect.any(String), invalidatedReason: expect.any(String) });
    expect(h.unsignedStages.map((s: any) => s.id)).toContain(practical);
    expect(ok(await sign(practical)).signOffStage.userErrors[0].code).toBe('INVALID_STATE'); // open again

    await transition('closeScoring');
    const renewed = ok(await sign(practical)).signOffStage;
    expect(renewed).toMatchObject({ created: true, userErrors: [] });
    expect(renewed.signOff.id).not.toBe(old.id);
    expect(renewed.signOff.digest).not.toBe(old.digest);
    expect(renewed.signOff.digest).toBe(await recomputedDigest(practical));
    h = await history();
    const ofPractical = h.signOffs.nodes.filter((n: any) => n.stage.id === practical);
    // Newest first: the renewed one, then the voided one.
    expect(ofPractical.map((n: any) => [n.id, n.valid])).toEqual([[renewed.signOff.id, true], [old.id, false]]);
  });

  it('is refused to a chief judge removed from the panel, and to a judge made chief of another competition', async () => {
    const g = await setupCompetition(t, { entries: 1, judges: 2 });
    await acceptMissingMarks(t, g); // nothing marked: the chief judge accepts the gap (issue 12 §3)
    await mutate(t, g.organizer.token, 'closeScoring', 'CompetitionTransitionInput', { competitionId: g.competitionId }, 'competition { status }');
    // f's chief judge is chief there, not here.
    expect(errorCode(await sign(g.stages[0]!.id, chief))).toBe('FORBIDDEN');
    await mutate(t, g.organizer.token, 'unassignJudge', 'UnassignJudgeInput', { competitionId: g.competitionId, userId: g.judges[0]!.globalId, reason: '回避' }, 'assignment { id }');
    expect(errorCode(await sign(g.stages[0]!.id, g.judges[0]!.token))).toBe('FORBIDDEN');
    expect((await stageOf(g.stages[0]!.id)).signOff).toBeNull();
  });

  it('is an ADMIN’s only when that ADMIN is the competition’s chief judge', async () => {
    const g = await setupCompetition(t, { entries: 1, judges: 1 });
    const adminJudge = await t.user([Role.ADMIN, Role.JUDGE]);
    const assign = (userId: string, isChief: boolean) => mutate(t, g.organizer.token, 'assignJudge', 'AssignJudgeInput',
      { competitionId: g.competitionId, userId, stageIds: [g.stages[0]!.id], chief: isChief, reason: '裁判长调整' }, 'assignment { id }');
    await acceptMissingMarks(t, g);
    await mutate(t, g.organizer.token, 'closeScoring', 'CompetitionTransitionInput', { competitionId: g.competitionId }, 'competition { status }');
    expect(errorCode(await sign(g.stages[0]!.id, adminJudge.token))).toBe('FORBIDDEN');
    await assign(g.judges[0]!.globalId, false);
    await assign(adminJudge.globalId, true);
    const res = ok(await sign(g.stages[0]!.id, adminJudge.token)).signOffStage;
    expect(res).toMatchObject({ created: true, userErrors: [], signOff: { signedBy: { id: adminJudge.globalId } } });
  });

  it('a mark that lands on a signed stage voids its sign-off (belt and braces: the API refuses marks on a closed stage)', async () => {
    const g = await setupCompetition(t, { entries: 1, judges: 1 });
    const stageId = idOf(g.stages[0]!.id, 'Stage')!;
    // A sign-off made behind the API's back while marking is open: the mark path must not trust the stage is closed.
    await t.orm.em.fork().getConnection().execute(
      `insert into stage_sign_off (id, competition_id, stage_id, signed_by_id, signed_at, digest)
       values (gen_random_uuid(), ?, ?, ?, now(), repeat('0', 64))`, [idOf(g.competitionId, 'Competition'), stageId, g.judges[0]!.id]);
    expect((await stageOf(g.stages[0]!.id)).signOff).not.toBeNull();
    expect((await stageOf(g.stages[1]!.id)).signOff).toBeNull();
    const res = ok(await t.gql(SUBMIT, { input: { entryId: g.entries[0]!.id, criterionId: g.stages[0]!.criteria[0]!.id, value: 70 } }, g.judges[0]!.token)).submitScore;
    expect(res.userErrors).toEqual([]);
    expect((await stageOf(g.stages[0]!.id)).signOff).toBeNull();
    const rows = await t.orm.em.fork().getConnection().execute(`select invalidated_reason from stage_sign_off where stage_id = ?`, [stageId]);
    expect(rows).toEqual([{ invalidated_reason: '评分变更 / A mark of the stage changed' }]);
  });
});
