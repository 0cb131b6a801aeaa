import { Role } from '../../src/auth/role';
import { mutate } from '../helpers/competition';
import { createEnterprise, createWorker } from '../helpers/registry';
import type { TestServer } from '../helpers/server';

/**
 * One object of every appraisal Node type (for test/hardening/node-read-rules.test.ts): a body, a session
 * closed with two passes, a sample of it, and its annulment, which flags the passer promoted since.
 */
export async function appraisalObjects(t: TestServer, admin: { token: string }): Promise<Record<string, string>> {
  const [staff, assessor, inspector] = [await t.user([Role.APPRAISER]), await t.user([Role.APPRAISER]), await t.user([Role.INSPECTOR])];
  const bodyEnterprise = await createEnterprise(t, admin.token);
  const other = await createEnterprise(t, admin.token);
  await mutate(t, admin.token, 'setUserEnterprise', 'SetUserEnterpriseInput', { userId: staff.globalId, enterpriseId: bodyEnterprise.id }, '__typename');
  const { body } = await mutate(t, admin.token, 'recordAppraisalBody', 'RecordAppraisalBodyInput', {
    enterpriseId: bodyEnterprise.id, code: 'NODE0001', trades: ['焊工'], levels: ['SENIOR'], validFrom: '2024-01-01', validUntil: '2099-12-31',
  }, 'body { id }');
  const { session } = await mutate(t, staff.token, 'createAppraisalSession', 'CreateAppraisalSessionInput', { bodyId: body.id, title: '节点读取规则', trade: '焊工', targetLevel: 'SENIOR', external: true }, 'session { id }');
  await mutate(t, staff.token, 'addAppraisalAssessor', 'AddAppraisalAssessorInput', { sessionId: session.id, userId: assessor.globalId }, '__typename');
  const candidates: string[] = [];
  const workers: string[] = [];
  for (let i = 0; i < 2; i++) {
    const w = await createWorker(t, admin.token, other.id, { trade: '焊工', skillLevel: 'INTERMEDIATE', joinedAt: '2010-01-01' });
    workers.push(w.id);
    const { candidate } = await mutate(t, staff.token, 'addAppraisalCandidate', 'AddAppraisalCandidateInput', { sessionId: session.id, workerId: w.id }, 'candidate { id }');
    candidates.push(candidate.id);
    const marks = { theory: 90, practical: 90, innovation: 90, problemSolving: 90, performance: 90 };
    await mutate(t, assessor.token, 'enterAppraisalMarks', 'EnterAppraisalMarksInput', { candidateId: candidate.id, marks }, '__typename');
  }
  await mutate(t, staff.token, 'closeAppraisalSession', 'CloseAppraisalSessionInput', { sessionId: session.id }, '__typename');
  const { sample } = await mutate(t, inspector.token, 'sampleAppraisalSession', 'SampleAppraisalSessionInput', { sessionId: session.id, candidateIds: candidates, findings: '抽查' }, 'sample { id }');
  await mutate(t, admin.token, 'recordSkillLevelChange', 'RecordSkillLevelChangeInput', { workerId: workers[1], to: 'TECHNICIAN', reason: '晋级' }, '__typename');
  const { flags } = await mutate(t, inspector.token, 'annulAppraisalSession', 'AnnulAppraisalSessionInput', { sessionId: session.id, reason: '考务违规' }, 'flags { id }');
  return { appraisalBody: body.id, appraisalSession: session.id, appraisalCandidate: candidates[0]!, appraisalSample: sample.id, appraisalFlag: flags[0].id };
}
