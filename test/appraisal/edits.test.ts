import { Role } from '../../src/auth/role';
import { createEnterprise, createWorker } from '../helpers/registry';
import { errorCode, ok, startTestServer, type GqlResult, type TestServer } from '../helpers/server';

/*
 * The appraisal edits: taking a candidate or an assessor off an open session (only before marks),
 * an ADMIN changing a body's trades, levels and validity, and the eligibility rules (data). Every
 * refusal changes nothing.
 */
let t: TestServer;
type U = Awaited<ReturnType<TestServer['user']>>;
let admin: U; let appraiser: U; let stranger: U; let assessorA: U; let assessorB: U; let organizer: U; let inspector: U;
let bodyId: string; let sessionId: string;
let bodyEnt: { id: string }; let ent: { id: string };

async function call(name: string, inputType: string, input: Record<string, unknown>, selection: string, token: string | null): Promise<GqlResult<Record<string, any>>> {
  return t.gql(`mutation($input: ${inputType}!) { ${name}(input: $input) { ${selection} userErrors { code field message } } }`, { input }, token, { locale: 'en' });
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
const SESSION = `query($id: ID!) { node(id: $id) { ... on AppraisalSession { candidates(first: 50) { totalCount nodes { id } } assessors { id } } } }`;
const sessionState = async () => ok(await t.gql(SESSION, { id: sessionId }, admin.token)).node;
const BODY = 'body { trades levels validFrom validUntil }';
const bodyNow = async () => ok(await t.gql(`query($id: ID!) { node(id: $id) { ... on AppraisalBody { trades levels validFrom validUntil } } }`, { id: bodyId })).node;
const MARKS = { theory: 80, practical: 80, innovation: 80, problemSolving: 80, performance: 80 };

async function addCandidate(): Promise<string> {
  const w = await createWorker(t, admin.token, ent.id, { trade: '焊工', skillLevel: 'INTERMEDIATE', joinedAt: '2010-01-01' });
  return (await must('addAppraisalCandidate', 'AddAppraisalCandidateInput', { sessionId, workerId: w.id }, 'candidate { id }', appraiser.token)).candidate.id;
}

beforeAll(async () => {
  t = await startTestServer();
  [admin, organizer, appraiser, stranger, assessorA, assessorB, inspector] = await Promise.all([
    t.user([Role.ADMIN]), t.user([Role.ORGANIZER]), t.user([Role.APPRAISER]), t.user([Role.APPRAISER]), t.user([Role.APPRAISER]), t.user([Role.APPRAISER]), t.user([Role.INSPECTOR]),
  ]);
  bodyEnt = await createEnterprise(t, admin.token);
  ent = await createEnterprise(t, admin.token);
  const other = await createEnterprise(t, admin.token);
  await must('setUserEnterprise', 'SetUserEnterpriseInput', { userId: appraiser.globalId, enterpriseId: bodyEnt.id }, '__typename', admin.token);
  await must('setUserEnterprise', 'SetUserEnterpriseInput', { userId: stranger.globalId, enterpriseId: other.id }, '__typename', admin.token);
  bodyId = (await must('recordAppraisalBody', 'RecordAppraisalBodyInput', {
    enterpriseId: bodyEnt.id, code: 'EDIT0001', trades: ['焊工', '钳工'], levels: ['SENIOR', 'TECHNICIAN'], validFrom: '2024-01-01', validUntil: '2099-12-31',
  }, 'body { id }', admin.token)).body.id;
  sessionId = (await must('createAppraisalSession', 'CreateAppraisalSessionInput', { bodyId, title: '焊工高级工认定', trade: '焊工', targetLevel: 'SENIOR', external: true }, 'session { id }', appraiser.token)).session.id;
  for (const a of [assessorA, assessorB]) await must('addAppraisalAssessor', 'AddAppraisalAssessorInput', { sessionId, userId: a.globalId }, '__typename', appraiser.token);
}, 120_000);
afterAll(() => t.close());

describe('removeAppraisalCandidate', () => {
  it('takes an unmarked candidate off; a marked one stays (INVALID_STATE)', async () => {
    const unmarked = await addCandidate();
    const marked = await addCandidate();
    await must('enterAppraisalMarks', 'EnterAppraisalMarksInput', { candidateId: marked, marks: MARKS }, '__typename', assessorA.token);
    const removed = await must('removeAppraisalCandidate', 'RemoveAppraisalCandidateInput', { candidateId: unmarked }, 'session { candidates(first: 10) { nodes { id } } }', appraiser.token);
    expect(removed.session.candidates.nodes.map((c: any) => c.id)).toEqual([marked]);
    expect(await refused('removeAppraisalCandidate', 'RemoveAppraisalCandidateInput', { candidateId: marked }, appraiser.token))
      .toEqual([expect.objectContaining({ code: 'INVALID_STATE', field: ['input', 'candidateId'] })]);
    expect(await refused('removeAppraisalCandidate', 'RemoveAppraisalCandidateInput', { candidateId: unmarked }, appraiser.token))
      .toEqual([expect.objectContaining({ code: 'NOT_FOUND' })]);
    expect((await sessionState()).candidates.totalCount).toBe(1);
  });

  it('is the runner’s: other APPRAISERs, assessors, organizers and the public are refused', async () => {
    const candidateId = await addCandidate();
    const input = { candidateId };
    for (const u of [stranger, assessorA]) expect(errorCode(await call('removeAppraisalCandidate', 'RemoveAppraisalCandidateInput', input, '__typename', u.token))).toBe('FORBIDDEN');
    for (const u of [organizer, inspector]) expect(errorCode(await call('removeAppraisalCandidate', 'RemoveAppraisalCandidateInput', input, '__typename', u.token))).toBe('FORBIDDEN');
    expect(errorCode(await call('removeAppraisalCandidate', 'RemoveAppraisalCandidateInput', input, '__typename', null))).toBe('UNAUTHENTICATED');
    expect((await sessionState()).candidates.nodes.map((c: any) => c.id)).toContain(candidateId);
    // An ADMIN may.
    await must('removeAppraisalCandidate', 'RemoveAppraisalCandidateInput', input, '__typename', admin.token);
  });
});

describe('removeAppraisalAssessor', () => {
  it('takes off an assessor who has not marked; one who has stays (INVALID_STATE); a non-assessor is NOT_FOUND', async () => {
    expect(await refused('removeAppraisalAssessor', 'RemoveAppraisalAssessorInput', { sessionId, userId: assessorA.globalId }, appraiser.token))
      .toEqual([expect.objectContaining({ code: 'INVALID_STATE', field: ['input', 'userId'] })]);
    for (const u of [stranger, organizer]) {
      expect(errorCode(await call('removeAppraisalAssessor', 'RemoveAppraisalAssessorInput', { sessionId, userId: assessorB.globalId }, '__typename', u.token))).toBe('FORBIDDEN');
    }
    const res = await must('removeAppraisalAssessor', 'RemoveAppraisalAssessorInput', { sessionId, userId: assessorB.globalId }, 'session { assessors { id } }', appraiser.token);
    expect(res.session.assessors.map((a: any) => a.id)).toEqual([assessorA.globalId]);
    expect(await refused('removeAppraisalAssessor', 'RemoveAppraisalAssessorInput', { sessionId, userId: assessorB.globalId }, appraiser.token))
      .toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'userId'] })]);
  });
});

describe('updateAppraisalBody', () => {
  it('is for ADMINs only', async () => {
    for (const u of [appraiser, organizer, inspector]) {
      expect(errorCode(await call('updateAppraisalBody', 'UpdateAppraisalBodyInput', { bodyId, validUntil: '2030-12-31' }, '__typename', u.token))).toBe('FORBIDDEN');
    }
    expect(errorCode(await call('updateAppraisalBody', 'UpdateAppraisalBodyInput', { bodyId, validUntil: '2030-12-31' }, '__typename', null))).toBe('UNAUTHENTICATED');
    expect((await bodyNow()).validUntil).toBe('2099-12-31');
  });

  it('changes trades, levels and validity; what is not given stays', async () => {
    const res = await must('updateAppraisalBody', 'UpdateAppraisalBodyInput', { bodyId, trades: ['焊工', '电工'], levels: ['TECHNICIAN', 'SENIOR'], validUntil: '2030-12-31' }, BODY, admin.token);
    expect(res.body).toEqual({ trades: ['焊工', '电工'], levels: ['SENIOR', 'TECHNICIAN'], validFrom: '2024-01-01', validUntil: '2030-12-31' });
  });

  it('refuses bad lists and an inverted period, and dropping what an open session works in; nothing changes', async () => {
    const before = await bodyNow();
    expect((await refused('updateAppraisalBody', 'UpdateAppraisalBodyInput', { bodyId, trades: [], levels: ['SENIOR', 'SENIOR'], validFrom: '2031-01-01' }, admin.token)).map((e) => e.field.join('.')))
      .toEqual(['input.trades', 'input.levels', 'input.validFrom']);
    const inUse = await refused('updateAppraisalBody', 'UpdateAppraisalBodyInput', { bodyId, trades: ['电工'], levels: ['TECHNICIAN'] }, admin.token);
    expect(inUse).toEqual([
      expect.objectContaining({ code: 'INVALID_STATE', field: ['input', 'trades'], message: expect.stringContaining('焊工') }),
      expect.objectContaining({ code: 'INVALID_STATE', field: ['input', 'levels'] }),
    ]);
    expect(await bodyNow()).toEqual(before);
  });
});

describe('updateAppraisalEligibilityRule', () => {
  const RULES = '{ appraisalEligibilityRules { targetLevel requiredLevel minYearsAtLevel minYearsInTrade basis } }';
  const senior = async () => ok(await t.gql(RULES)).appraisalEligibilityRules.find((r: any) => r.targetLevel === 'SENIOR');

  it('is for ADMINs only, and checks its numbers and text', async () => {
    const before = await senior();
    for (const u of [appraiser, organizer, inspector]) {
      expect(errorCode(await call('updateAppraisalEligibilityRule', 'UpdateAppraisalEligibilityRuleInput', { targetLevel: 'SENIOR', minYearsAtLevel: 1 }, '__typename', u.token))).toBe('FORBIDDEN');
    }
    expect((await refused('updateAppraisalEligibilityRule', 'UpdateAppraisalEligibilityRuleInput', { targetLevel: 'SENIOR', minYearsAtLevel: -1, minYearsInTrade: 61, basis: ' ' }, admin.token)).map((e) => e.field.join('.')))
      .toEqual(['input.minYearsAtLevel', 'input.minYearsInTrade', 'input.basis']);
    expect(await senior()).toEqual(before);
  });

  it('changes the years, and candidates are judged by the new rule from then on', async () => {
    const fresh = await createWorker(t, admin.token, ent.id, { trade: '焊工', skillLevel: 'INTERMEDIATE', joinedAt: `${new Date().getUTCFullYear() - 3}-01-01`, tradeStartYear: new Date().getUTCFullYear() - 3 });
    expect((await refused('addAppraisalCandidate', 'AddAppraisalCandidateInput', { sessionId, workerId: fresh.id }, appraiser.token)).every((e) => e.code === 'NOT_ELIGIBLE')).toBe(true);
    const res = await must('updateAppraisalEligibilityRule', 'UpdateAppraisalEligibilityRuleInput', { targetLevel: 'SENIOR', minYearsAtLevel: 2, minYearsInTrade: 3, basis: '市人社局试点通知（2026）' }, 'rule { targetLevel requiredLevel minYearsAtLevel minYearsInTrade basis }', admin.token);
    expect(res.rule).toEqual({ targetLevel: 'SENIOR', requiredLevel: 'INTERMEDIATE', minYearsAtLevel: 2, minYearsInTrade: 3, basis: '市人社局试点通知（2026）' });
    await must('addAppraisalCandidate', 'AddAppraisalCandidateInput', { sessionId, workerId: fresh.id }, 'candidate { id }', appraiser.token);
  });
});

/*
 * Writes to one session race each other only through its row lock: a mark entered while its assessor
 * is taken off, or while the session closes, is either refused or counted — never kept uncounted.
 * Each round runs the two calls at once; without the lock some rounds end with both succeeding.
 */
describe('concurrent edits of one session', () => {
  let raceSessionId: string; let raceBody: string; let runner: U;
  beforeAll(async () => {
    // A body of its own (one per enterprise), run by its own APPRAISER: the tests above edit theirs.
    const raceEnt = await createEnterprise(t, admin.token);
    runner = await t.user([Role.APPRAISER]);
    await must('setUserEnterprise', 'SetUserEnterpriseInput', { userId: runner.globalId, enterpriseId: raceEnt.id }, '__typename', admin.token);
    raceBody = (await must('recordAppraisalBody', 'RecordAppraisalBodyInput', {
      enterpriseId: raceEnt.id, code: 'RACE0001', trades: ['焊工'], levels: ['SENIOR'], validFrom: '2024-01-01', validUntil: '2099-12-31',
    }, 'body { id }', admin.token)).body.id;
    raceSessionId = (await must('createAppraisalSession', 'CreateAppraisalSessionInput', { bodyId: raceBody, title: '并发', trade: '焊工', targetLevel: 'SENIOR', external: true }, 'session { id }', runner.token)).session.id;
  });
  const marksOf = async (candidateId: string) =>
    ok(await t.gql(`query($id: ID!) { node(id: $id) { ... on AppraisalCandidate { marks { assessor { id } } result } } }`, { id: candidateId }, admin.token)).node;
  const addTo = async (session: string) => {
    const w = await createWorker(t, admin.token, ent.id, { trade: '焊工', skillLevel: 'INTERMEDIATE', joinedAt: '2010-01-01' });
    return (await must('addAppraisalCandidate', 'AddAppraisalCandidateInput', { sessionId: session, workerId: w.id }, 'candidate { id }', runner.token)).candidate.id as string;
  };

  it('a mark and its assessor’s removal: exactly one of them happens', async () => {
    for (let round = 0; round < 6; round++) {
      const assessor = await t.user([Role.APPRAISER]);
      await must('addAppraisalAssessor', 'AddAppraisalAssessorInput', { sessionId: raceSessionId, userId: assessor.globalId }, '__typename', runner.token);
      const candidateId = await addTo(raceSessionId);
      const [mark, removal] = await Promise.all([
        call('enterAppraisalMarks', 'EnterAppraisalMarksInput', { candidateId, marks: MARKS }, '__typename', assessor.token),
        call('removeAppraisalAssessor', 'RemoveAppraisalAssessorInput', { sessionId: raceSessionId, userId: assessor.globalId }, '__typename', runner.token),
      ]);
      const marked = ok(mark).enterAppraisalMarks.userErrors.length === 0;
      const removed = ok(removal).removeAppraisalAssessor.userErrors.length === 0;
      expect({ round, marked, removed }).toEqual({ round, marked: !removed, removed: !marked });
      const kept = (await marksOf(candidateId)).marks.map((mk: any) => mk.assessor.id);
      expect(kept).toEqual(marked ? [assessor.globalId] : []);
    }
  }, 120_000);

  it('a mark and the session’s close: the mark is refused or it is in the result', async () => {
    for (let round = 0; round < 4; round++) {
      const session = (await must('createAppraisalSession', 'CreateAppraisalSessionInput', { bodyId: raceBody, title: `并发关闭${round}`, trade: '焊工', targetLevel: 'SENIOR', external: true }, 'session { id }', runner.token)).session.id;
      for (const a of [assessorA, assessorB]) await must('addAppraisalAssessor', 'AddAppraisalAssessorInput', { sessionId: session, userId: a.globalId }, '__typename', runner.token);
      const candidateId = await addTo(session);
      await must('enterAppraisalMarks', 'EnterAppraisalMarksInput', { candidateId, marks: MARKS }, '__typename', assessorA.token);
      const low = { theory: 40, practical: 40, innovation: 40, problemSolving: 40, performance: 40 };
      const [mark, close] = await Promise.all([
        call('enterAppraisalMarks', 'EnterAppraisalMarksInput', { candidateId, marks: low }, '__typename', assessorB.token),
        call('closeAppraisalSession', 'CloseAppraisalSessionInput', { sessionId: session }, '__typename', runner.token),
      ]);
      expect(ok(close).closeAppraisalSession.userErrors).toEqual([]);
      const marked = ok(mark).enterAppraisalMarks.userErrors.length === 0;
      const after = await marksOf(candidateId);
      expect({ round, marks: after.marks.length, result: after.result }).toEqual({ round, marks: marked ? 2 : 1, result: marked ? 60 : 80 });
    }
  }, 120_000);
});
