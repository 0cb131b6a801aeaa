import { Role } from '../../src/auth/role';
import { createEnterprise, createWorker } from '../helpers/registry';
import { errorCode, ok, startTestServer, type GqlResult, type TestServer } from '../helpers/server';

/*
 * Issue 15 §2 end to end: an ADMIN records an appraisal body; its APPRAISER opens an external session;
 * eligibility rules refuse by name; assessors of other enterprises mark; closing passes two and fails
 * one, writing APPRAISAL entries with certificate numbers; an INSPECTOR samples, then annuls: one level
 * reverted (ANNULMENT), one worker flagged (promoted again since), which an ADMIN then decides.
 */
let t: TestServer;
type U = Awaited<ReturnType<TestServer['user']>>;
let admin: U; let appraiser: U; let strangerAppraiser: U; let assessorA: U; let assessorB: U; let inspector: U; let organizer: U;
let bodyEnt: { id: string }; let entA: { id: string }; let entB: { id: string };
let pass1: { id: string }; let pass2: { id: string }; let fail1: { id: string }; let young: { id: string }; let junior: { id: string };
let bodyId: string; let sessionId: string;
const cand: Record<string, string> = {};

async function call(name: string, inputType: string, input: Record<string, unknown>, selection: string, token: string | null): Promise<GqlResult<Record<string, any>>> {
  const res = await t.gql(`mutation($input: ${inputType}!) { ${name}(input: $input) { ${selection} userErrors { code field message } } }`, { input }, token, { locale: 'en' });
  return res;
}
async function must(name: string, inputType: string, input: Record<string, unknown>, selection: string, token: string): Promise<any> {
  const payload = ok(await call(name, inputType, input, selection, token))[name];
  if (payload.userErrors.length) throw new Error(`${name}: ${JSON.stringify(payload.userErrors)}`);
  return payload;
}
async function refused(name: string, inputType: string, input: Record<string, unknown>, token: string): Promise<{ code: string; message: string; field: string[] }[]> {
  const payload = ok(await call(name, inputType, input, '__typename', token))[name];
  expect(payload.userErrors.length).toBeGreaterThan(0);
  return payload.userErrors;
}
const scope = (user: U, enterpriseId: string) => must('setUserEnterprise', 'SetUserEnterpriseInput', { userId: user.globalId, enterpriseId }, '__typename', admin.token);
const HISTORY = `query($id: ID!) { worker(id: $id) { skillLevel skillLevelHistory { from to kind note certificateNumber appraisalSession { id } appraisalBody { code } } } }`;
const history = async (id: string) => ok(await t.gql(HISTORY, { id }, admin.token)).worker;
const MARKS = (x: number) => ({ theory: x, practical: x, innovation: x, problemSolving: x, performance: x });
const WEIGHTS = { theory: 20, practical: 40, innovation: 15, problemSolving: 15, performance: 10 };
const thisYear = new Date().getUTCFullYear();

beforeAll(async () => {
  t = await startTestServer();
  [admin, organizer, appraiser, strangerAppraiser, assessorA, assessorB, inspector] = await Promise.all([
    t.user([Role.ADMIN]), t.user([Role.ORGANIZER]), t.user([Role.APPRAISER]), t.user([Role.APPRAISER]), t.user([Role.APPRAISER]), t.user([Role.APPRAISER]), t.user([Role.INSPECTOR]),
  ]);
  bodyEnt = await createEnterprise(t, admin.token, { name: '港城技师学院', district: '思明区' });
  entA = await createEnterprise(t, admin.token, { name: '甲机械厂', district: '湖里区', ownership: 'PRIVATE' });
  entB = await createEnterprise(t, admin.token, { name: '乙船舶厂', district: '思明区', ownership: 'STATE_OWNED' });
  await scope(appraiser, bodyEnt.id);
  await scope(strangerAppraiser, entA.id);
  await scope(assessorA, entA.id);
  await scope(assessorB, entB.id);
  const worker = (ent: { id: string }, over: Record<string, unknown> = {}) => createWorker(t, admin.token, ent.id, { trade: '焊工', skillLevel: 'INTERMEDIATE', joinedAt: '2012-03-01', ...over });
  pass1 = await worker(entA);
  pass2 = await worker(entB);
  fail1 = await worker(entA);
  young = await worker(entA, { joinedAt: `${thisYear - 6}-01-01` });
  junior = await worker(entB, { skillLevel: 'JUNIOR' });
}, 120_000);
afterAll(() => t.close());

describe('appraisal bodies', () => {
  const input = () => ({ enterpriseId: bodyEnt.id, code: 'S3502001', trades: ['焊工', '电工'], levels: ['SENIOR', 'INTERMEDIATE'], validFrom: '2024-01-01', validUntil: '2099-12-31' });

  it('only an ADMIN records one', async () => {
    expect(errorCode(await call('recordAppraisalBody', 'RecordAppraisalBodyInput', input(), '__typename', null))).toBe('UNAUTHENTICATED');
    for (const u of [organizer, appraiser, inspector]) {
      expect(errorCode(await call('recordAppraisalBody', 'RecordAppraisalBodyInput', input(), '__typename', u.token))).toBe('FORBIDDEN');
    }
    const body = (await must('recordAppraisalBody', 'RecordAppraisalBodyInput', input(), 'body { id code trades levels status enterprise { id } }', admin.token)).body;
    expect(body).toMatchObject({ code: 'S3502001', trades: ['焊工', '电工'], levels: ['INTERMEDIATE', 'SENIOR'], status: 'ACTIVE', enterprise: { id: bodyEnt.id } });
    bodyId = body.id;
  });

  it('refuses a second body for the enterprise, a taken or malformed code, an inverted period, no trades', async () => {
    expect((await refused('recordAppraisalBody', 'RecordAppraisalBodyInput', input(), admin.token))[0]).toMatchObject({ code: 'ALREADY_EXISTS', field: ['input', 'enterpriseId'] });
    const other = await createEnterprise(t, admin.token);
    expect((await refused('recordAppraisalBody', 'RecordAppraisalBodyInput', { ...input(), enterpriseId: other.id }, admin.token))[0]).toMatchObject({ code: 'ALREADY_EXISTS', field: ['input', 'code'] });
    const bad = await refused('recordAppraisalBody', 'RecordAppraisalBodyInput', { ...input(), enterpriseId: other.id, code: 'S-1', trades: [], validUntil: '2023-01-01' }, admin.token);
    expect(bad.map((e) => e.field!.join('.')).sort()).toEqual(['input.code', 'input.trades', 'input.validUntil']);
  });

  it('an ADMIN suspends and reinstates; a suspended body opens no session', async () => {
    const susp = { bodyId, reason: '抽查发现考务不规范' };
    expect(errorCode(await call('suspendAppraisalBody', 'SuspendAppraisalBodyInput', susp, '__typename', inspector.token))).toBe('FORBIDDEN');
    expect((await must('suspendAppraisalBody', 'SuspendAppraisalBodyInput', susp, 'body { status suspensionReason }', admin.token)).body).toEqual({ status: 'SUSPENDED', suspensionReason: '抽查发现考务不规范' });
    expect((await refused('suspendAppraisalBody', 'SuspendAppraisalBodyInput', susp, admin.token))[0]!.code).toBe('INVALID_STATE');
    const open = { bodyId, title: '暂停期间', trade: '焊工', targetLevel: 'SENIOR', external: true };
    expect((await refused('createAppraisalSession', 'CreateAppraisalSessionInput', open, appraiser.token))[0]!.code).toBe('INVALID_STATE');
    expect(errorCode(await call('reinstateAppraisalBody', 'ReinstateAppraisalBodyInput', { bodyId }, '__typename', appraiser.token))).toBe('FORBIDDEN');
    expect((await must('reinstateAppraisalBody', 'ReinstateAppraisalBodyInput', { bodyId }, 'body { status }', admin.token)).body.status).toBe('ACTIVE');
    expect((await refused('reinstateAppraisalBody', 'ReinstateAppraisalBodyInput', { bodyId }, admin.token))[0]!.code).toBe('INVALID_STATE');
  });

  it('lists bodies publicly, and the eligibility rules as data', async () => {
    const list = ok(await t.gql(`{ appraisalBodies(first: 10, filter: { trade: "焊工" }) { totalCount nodes { code } } appraisalEligibilityRules { targetLevel requiredLevel minYearsAtLevel minYearsInTrade } }`));
    expect(list.appraisalBodies.nodes.map((b: { code: string }) => b.code)).toEqual(['S3502001']);
    expect(list.appraisalEligibilityRules.map((r: { targetLevel: string }) => r.targetLevel)).toEqual(['JUNIOR', 'INTERMEDIATE', 'SENIOR', 'TECHNICIAN', 'SENIOR_TECHNICIAN']);
    expect(list.appraisalEligibilityRules[2]).toEqual({ targetLevel: 'SENIOR', requiredLevel: 'INTERMEDIATE', minYearsAtLevel: 5, minYearsInTrade: 10 });
  });
});

describe('a session', () => {
  const open = () => ({ bodyId, title: `${thisYear} 年焊工高级工认定`, trade: '焊工', targetLevel: 'SENIOR', external: true });

  it('is opened by the body’s own APPRAISER (or an ADMIN) within its trades, levels and the weight rule', async () => {
    expect(errorCode(await call('createAppraisalSession', 'CreateAppraisalSessionInput', open(), '__typename', null))).toBe('UNAUTHENTICATED');
    expect(errorCode(await call('createAppraisalSession', 'CreateAppraisalSessionInput', open(), '__typename', inspector.token))).toBe('FORBIDDEN');
    expect(errorCode(await call('createAppraisalSession', 'CreateAppraisalSessionInput', open(), '__typename', strangerAppraiser.token))).toBe('FORBIDDEN');
    expect((await refused('createAppraisalSession', 'CreateAppraisalSessionInput', { ...open(), trade: '钳工' }, appraiser.token))[0]).toMatchObject({ code: 'NOT_ELIGIBLE', field: ['input', 'trade'] });
    expect((await refused('createAppraisalSession', 'CreateAppraisalSessionInput', { ...open(), targetLevel: 'TECHNICIAN' }, appraiser.token))[0]).toMatchObject({ code: 'NOT_ELIGIBLE', field: ['input', 'targetLevel'] });
    const lowAbility = { theory: 30, practical: 40, innovation: 10, problemSolving: 10, performance: 10 };
    const weights = await refused('createAppraisalSession', 'CreateAppraisalSessionInput', { ...open(), weights: lowAbility }, appraiser.token);
    expect(weights[0]).toMatchObject({ code: 'INVALID_INPUT', field: ['input', 'weights'] });
    expect(weights[0]!.message).toMatch(/at least 40%/);
    const session = (await must('createAppraisalSession', 'CreateAppraisalSessionInput', open(), 'session { id status passMark external weights { theory practical innovation problemSolving performance } }', appraiser.token)).session;
    expect(session).toMatchObject({ status: 'OPEN', passMark: 60, external: true, weights: WEIGHTS });
    sessionId = session.id;
  });

  it('takes eligible candidates from the registry and names the rule it refuses by', async () => {
    for (const [key, w] of [['pass1', pass1], ['pass2', pass2], ['fail1', fail1]] as const) {
      cand[key] = (await must('addAppraisalCandidate', 'AddAppraisalCandidateInput', { sessionId, workerId: w.id }, 'candidate { id fromLevel outcome }', appraiser.token)).candidate.id;
    }
    const years = await refused('addAppraisalCandidate', 'AddAppraisalCandidateInput', { sessionId, workerId: young.id }, appraiser.token);
    expect(years).toEqual([expect.objectContaining({ code: 'NOT_ELIGIBLE', message: expect.stringMatching(/Rule years in trade: at least 10 years.*has 6/) })]);
    const level = await refused('addAppraisalCandidate', 'AddAppraisalCandidateInput', { sessionId, workerId: junior.id }, appraiser.token);
    expect(level[0]!.message).toMatch(/Rule current level/);
    expect((await refused('addAppraisalCandidate', 'AddAppraisalCandidateInput', { sessionId, workerId: pass1.id }, appraiser.token))[0]!.code).toBe('ALREADY_EXISTS');
    expect(errorCode(await call('addAppraisalCandidate', 'AddAppraisalCandidateInput', { sessionId, workerId: young.id }, '__typename', strangerAppraiser.token))).toBe('FORBIDDEN');
  });

  it('names APPRAISERs as assessors only', async () => {
    for (const u of [assessorA, assessorB]) await must('addAppraisalAssessor', 'AddAppraisalAssessorInput', { sessionId, userId: u.globalId }, '__typename', appraiser.token);
    expect((await refused('addAppraisalAssessor', 'AddAppraisalAssessorInput', { sessionId, userId: inspector.globalId }, appraiser.token))[0]!.code).toBe('NOT_ELIGIBLE');
    expect((await refused('addAppraisalAssessor', 'AddAppraisalAssessorInput', { sessionId, userId: assessorA.globalId }, appraiser.token))[0]!.code).toBe('ALREADY_EXISTS');
    expect(errorCode(await call('addAppraisalAssessor', 'AddAppraisalAssessorInput', { sessionId, userId: assessorA.globalId }, '__typename', organizer.token))).toBe('FORBIDDEN');
  });

  it('takes marks from its assessors, never for their own enterprise’s worker in an external session', async () => {
    const enter = (u: U, c: string, marks: Record<string, number>) => call('enterAppraisalMarks', 'EnterAppraisalMarksInput', { candidateId: c, marks }, 'candidate { id }', u.token);
    expect(ok(await enter(assessorA, cand.pass1!, MARKS(80))).enterAppraisalMarks.userErrors[0].code).toBe('CONFLICT_OF_INTEREST');
    expect(ok(await enter(strangerAppraiser, cand.pass1!, MARKS(80))).enterAppraisalMarks.userErrors[0].code).toBe('FORBIDDEN');
    expect(ok(await enter(assessorB, cand.pass1!, { ...MARKS(80), practical: 101 })).enterAppraisalMarks.userErrors[0].field).toEqual(['input', 'marks', 'practical']);
    expect(errorCode(await enter(inspector, cand.pass1!, MARKS(80)))).toBe('FORBIDDEN');
    expect(ok(await enter(assessorB, cand.pass1!, MARKS(50))).enterAppraisalMarks.userErrors).toEqual([]);
    expect(ok(await enter(assessorB, cand.pass1!, MARKS(80))).enterAppraisalMarks.userErrors).toEqual([]); // replaces the 50s
    expect(ok(await enter(assessorA, cand.pass2!, { theory: 50, practical: 70, innovation: 60, problemSolving: 60, performance: 60 })).enterAppraisalMarks.userErrors).toEqual([]);
    // Not every candidate marked yet: closing is refused.
    expect((await refused('closeAppraisalSession', 'CloseAppraisalSessionInput', { sessionId }, appraiser.token))[0]).toMatchObject({ code: 'INVALID_STATE', message: expect.stringMatching(/1 candidates/) });
    expect(ok(await enter(assessorB, cand.fail1!, MARKS(59))).enterAppraisalMarks.userErrors).toEqual([]);
    expect(ok(await enter(assessorA, cand.fail1!, MARKS(60))).enterAppraisalMarks.userErrors[0].code).toBe('CONFLICT_OF_INTEREST');
  });

  it('closes: passes are written into the registry one level up with certificate numbers, the failure is not', async () => {
    expect(errorCode(await call('closeAppraisalSession', 'CloseAppraisalSessionInput', { sessionId }, '__typename', strangerAppraiser.token))).toBe('FORBIDDEN');
    const closed = (await must('closeAppraisalSession', 'CloseAppraisalSessionInput', { sessionId }, 'session { status closedAt candidates(first: 10) { nodes { id result outcome certificateNumber worker { id } } } }', appraiser.token)).session;
    expect(closed.status).toBe('CLOSED');
    const byId = Object.fromEntries(closed.candidates.nodes.map((c: { id: string }) => [c.id, c]));
    const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
    expect(byId[cand.pass1!]).toMatchObject({ result: 80, outcome: 'PASSED', certificateNumber: `S3502001${year}00001` });
    // 10 + 28 + 9 + 9 + 6 = 62
    expect(byId[cand.pass2!]).toMatchObject({ result: 62, outcome: 'PASSED', certificateNumber: `S3502001${year}00002` });
    expect(byId[cand.fail1!]).toMatchObject({ result: 59, outcome: 'FAILED', certificateNumber: null });
    const h = await history(pass1.id);
    expect(h.skillLevel).toBe('SENIOR');
    expect(h.skillLevelHistory.at(-1)).toEqual({ from: 'INTERMEDIATE', to: 'SENIOR', kind: 'APPRAISAL', note: null, certificateNumber: `S3502001${year}00001`, appraisalSession: { id: sessionId }, appraisalBody: { code: 'S3502001' } });
    expect((await history(fail1.id)).skillLevel).toBe('INTERMEDIATE');
    expect((await refused('closeAppraisalSession', 'CloseAppraisalSessionInput', { sessionId }, appraiser.token))[0]!.code).toBe('INVALID_STATE');
    expect(ok(await call('enterAppraisalMarks', 'EnterAppraisalMarksInput', { candidateId: cand.fail1, marks: MARKS(90) }, '__typename', assessorB.token)).enterAppraisalMarks.userErrors[0].code).toBe('INVALID_STATE');
  });

  it('counts in the efficacy report: pass rates by body and trade', async () => {
    const Q = `query($f: EfficacyFilter!) { efficacyReport(filter: $f) { appraisal { byBody { body { code } candidates passed passRate } byTrade { trade passRate } totals { sessions candidates passed passRate } } } }`;
    const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
    const all = ok(await t.gql(Q, { f: { year } }, admin.token)).efficacyReport.appraisal;
    expect(all.byBody).toEqual([{ body: { code: 'S3502001' }, candidates: 3, passed: 2, passRate: 0.6667 }]);
    expect(all.byTrade).toEqual([{ trade: '焊工', passRate: 0.6667 }]);
    expect(all.totals).toEqual({ sessions: 1, candidates: 3, passed: 2, passRate: 0.6667 });
    const district = ok(await t.gql(Q, { f: { year, district: '湖里区' } }, admin.token)).efficacyReport.appraisal.totals;
    expect(district).toEqual({ sessions: 1, candidates: 2, passed: 1, passRate: 0.5 });
    const owned = ok(await t.gql(Q, { f: { year, ownership: 'STATE_OWNED' } }, admin.token)).efficacyReport.appraisal.totals;
    expect(owned).toEqual({ sessions: 1, candidates: 1, passed: 1, passRate: 1 });
  });
});

describe('supervision', () => {
  it('APPRAISAL entries come from sessions only', async () => {
    const res = await refused('recordSkillLevelChange', 'RecordSkillLevelChangeInput', { workerId: fail1.id, to: 'SENIOR', kind: 'APPRAISAL', reason: '认定' }, admin.token);
    expect(res[0]!.field).toEqual(['input', 'kind']);
  });

  it('an INSPECTOR samples a closed session’s results', async () => {
    const input = { sessionId, candidateIds: [cand.pass1, cand.fail1], findings: '实操评分记录不全' };
    expect(errorCode(await call('sampleAppraisalSession', 'SampleAppraisalSessionInput', input, '__typename', appraiser.token))).toBe('FORBIDDEN');
    const other = (await must('createAppraisalSession', 'CreateAppraisalSessionInput', { bodyId, title: '另一批', trade: '焊工', targetLevel: 'SENIOR', external: false }, 'session { id }', admin.token)).session.id;
    expect((await refused('sampleAppraisalSession', 'SampleAppraisalSessionInput', { ...input, sessionId: other }, inspector.token))[0]!.code).toBe('INVALID_STATE');
    // An internal session appraises the body's own workers only.
    const internal = await refused('addAppraisalCandidate', 'AddAppraisalCandidateInput', { sessionId: other, workerId: fail1.id }, admin.token);
    expect(internal).toEqual([expect.objectContaining({ code: 'NOT_ELIGIBLE', message: expect.stringMatching(/Rule internal session/) })]);
    const own = await createWorker(t, admin.token, bodyEnt.id, { trade: '焊工', skillLevel: 'INTERMEDIATE', joinedAt: '2012-03-01' });
    expect((await must('addAppraisalCandidate', 'AddAppraisalCandidateInput', { sessionId: other, workerId: own.id }, 'candidate { outcome }', admin.token)).candidate.outcome).toBe('PENDING');
    // Closing needs candidates, and marks from an assessor for each.
    const empty = (await must('createAppraisalSession', 'CreateAppraisalSessionInput', { bodyId, title: '空批次', trade: '电工', targetLevel: 'SENIOR', external: true }, 'session { id }', appraiser.token)).session.id;
    expect((await refused('closeAppraisalSession', 'CloseAppraisalSessionInput', { sessionId: empty }, appraiser.token))[0]!.code).toBe('INVALID_STATE');
    // The runner changes weights within the rule.
    const w = { theory: 10, practical: 30, innovation: 20, problemSolving: 20, performance: 20 };
    expect((await must('configureAppraisalSession', 'ConfigureAppraisalSessionInput', { sessionId: empty, weights: w, passMark: 70 }, 'session { passMark weights { theory performance } }', appraiser.token)).session)
      .toEqual({ passMark: 70, weights: { theory: 10, performance: 20 } });
    expect((await refused('configureAppraisalSession', 'ConfigureAppraisalSessionInput', { sessionId: empty, passMark: 0 }, appraiser.token))[0]!.field).toEqual(['input', 'passMark']);
    expect(errorCode(await call('configureAppraisalSession', 'ConfigureAppraisalSessionInput', { sessionId: empty, passMark: 65 }, '__typename', strangerAppraiser.token))).toBe('FORBIDDEN');
    expect((await refused('configureAppraisalSession', 'ConfigureAppraisalSessionInput', { sessionId, passMark: 65 }, appraiser.token))[0]!.code).toBe('INVALID_STATE');
    expect((await refused('sampleAppraisalSession', 'SampleAppraisalSessionInput', { ...input, candidateIds: [] }, inspector.token))[0]!.field).toEqual(['input', 'candidateIds']);
    const sample = (await must('sampleAppraisalSession', 'SampleAppraisalSessionInput', input, 'sample { findings candidates { id } inspector { id } }', inspector.token)).sample;
    expect(sample).toEqual({ findings: '实操评分记录不全', candidates: [{ id: cand.pass1 }, { id: cand.fail1 }], inspector: { id: inspector.globalId } });
  });

  it('annuls: a granted level is reverted (recorded, not deleted); one built on is flagged instead', async () => {
    // pass2 is promoted again after the appraisal: the annulment must not pull that out from under them.
    await must('recordSkillLevelChange', 'RecordSkillLevelChangeInput', { workerId: pass2.id, to: 'TECHNICIAN', kind: 'CORRECTION', note: '技师证书补录', reason: '补录' }, 'change { id }', admin.token);
    const input = { sessionId, reason: '考评员资质不符' };
    expect(errorCode(await call('annulAppraisalSession', 'AnnulAppraisalSessionInput', input, '__typename', appraiser.token))).toBe('FORBIDDEN');
    expect(errorCode(await call('annulAppraisalSession', 'AnnulAppraisalSessionInput', input, '__typename', null))).toBe('UNAUTHENTICATED');
    expect((await refused('annulAppraisalSession', 'AnnulAppraisalSessionInput', { ...input, reason: ' ' }, inspector.token))[0]!.field).toEqual(['input', 'reason']);
    const res = await must('annulAppraisalSession', 'AnnulAppraisalSessionInput', input, 'session { status annulmentReason } flags { id status worker { id } }', inspector.token);
    expect(res.session).toEqual({ status: 'ANNULLED', annulmentReason: '考评员资质不符' });
    expect(res.flags).toEqual([{ id: expect.any(String), status: 'OPEN', worker: { id: pass2.id } }]);
    const h1 = await history(pass1.id);
    expect(h1.skillLevel).toBe('INTERMEDIATE');
    expect(h1.skillLevelHistory.slice(-2).map((c: { kind: string; from: string; to: string; note: string }) => [c.kind, c.from, c.to, c.note]))
      .toEqual([['APPRAISAL', 'INTERMEDIATE', 'SENIOR', null], ['ANNULMENT', 'SENIOR', 'INTERMEDIATE', '考评员资质不符']]);
    expect((await history(pass2.id)).skillLevel).toBe('TECHNICIAN');
    expect((await history(fail1.id)).skillLevelHistory.map((c: { kind: string }) => c.kind)).toEqual(['INITIAL']);
    expect((await refused('annulAppraisalSession', 'AnnulAppraisalSessionInput', input, inspector.token))[0]!.code).toBe('INVALID_STATE');
  });

  it('lists flags for ADMINs and INSPECTORs; an ADMIN decides', async () => {
    const Q = `{ appraisalFlags(first: 10, filter: { status: OPEN }) { totalCount nodes { id worker { id } session { id } candidate { certificateNumber } } } }`;
    expect(errorCode(await t.gql(Q, {}, appraiser.token))).toBe('FORBIDDEN');
    const flags = ok(await t.gql(Q, {}, inspector.token)).appraisalFlags;
    expect(flags.totalCount).toBe(1);
    expect(flags.nodes[0]).toMatchObject({ worker: { id: pass2.id }, session: { id: sessionId } });
    const flagId = flags.nodes[0].id;
    expect(errorCode(await call('resolveAppraisalFlag', 'ResolveAppraisalFlagInput', { flagId, decision: 'REVERT_LEVEL', note: '退回' }, '__typename', inspector.token))).toBe('FORBIDDEN');
    expect((await refused('resolveAppraisalFlag', 'ResolveAppraisalFlagInput', { flagId, decision: 'REVERT_LEVEL' }, admin.token))[0]!.field).toEqual(['input', 'note']);
    const flag = (await must('resolveAppraisalFlag', 'ResolveAppraisalFlagInput', { flagId, decision: 'REVERT_LEVEL', note: '技师证书以被撤销的高级工为前提' }, 'flag { status decision }', admin.token)).flag;
    expect(flag).toEqual({ status: 'RESOLVED', decision: 'REVERT_LEVEL' });
    const h2 = await history(pass2.id);
    expect(h2.skillLevel).toBe('INTERMEDIATE');
    expect(h2.skillLevelHistory.at(-1)).toMatchObject({ kind: 'ANNULMENT', from: 'TECHNICIAN', to: 'INTERMEDIATE', appraisalSession: { id: sessionId } });
    expect((await refused('resolveAppraisalFlag', 'ResolveAppraisalFlagInput', { flagId, decision: 'KEEP_LEVEL' }, admin.token))[0]!.code).toBe('INVALID_STATE');
    expect(ok(await t.gql(Q, {}, admin.token)).appraisalFlags.totalCount).toBe(0);
  });

  it('an annulled session leaves the efficacy report', async () => {
    const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
    const totals = ok(await t.gql(`query($f: EfficacyFilter!) { efficacyReport(filter: $f) { appraisal { totals { sessions candidates } } } }`, { f: { year } }, admin.token)).efficacyReport.appraisal.totals;
    expect(totals).toEqual({ sessions: 0, candidates: 0 });
  });
});
