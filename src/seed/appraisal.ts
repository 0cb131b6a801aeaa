import { Role } from '../auth/role.js';
import type { SeedClient } from './client.js';
import { DEMO_DOMAIN } from './progress.js';
import type { SeedRegistry } from './registry.js';

export interface SeedAppraisal {
  sessionId: string;
  passed: number;
  failed: number;
  /** [email, what the login is for]. */
  logins: [string, string][];
}

/**
 * Enterprise skill appraisal (issue 15 §2): 山海关船舶重工 recorded as an appraisal body for welders, its
 * staff running one external 焊工 高级工 session that is closed with passes and a failure (certificate
 * numbers in the passers' skill level history), and a city inspector's login to sample or annul it.
 */
export async function seedAppraisal(c: SeedClient, admin: string, reg: SeedRegistry, password: string): Promise<SeedAppraisal> {
  const bodyEnterprise = reg.enterprises[1]!;
  const { body } = await c.mutate(admin, 'recordAppraisalBody', 'RecordAppraisalBodyInput', {
    enterpriseId: bodyEnterprise.id, code: 'S13030001', trades: ['焊工', '钳工', '电工'], levels: ['JUNIOR', 'INTERMEDIATE', 'SENIOR', 'TECHNICIAN'],
    validFrom: '2024-01-01', validUntil: '2028-12-31',
  }, 'body { id }');
  const user = async (email: string, displayName: string, role: Role, enterpriseId?: string) => {
    const { user: u } = await c.mutate(admin, 'createUser', 'CreateUserInput', { email, displayName, password, roles: [role], ...(enterpriseId ? { enterpriseId } : {}) }, 'user { id }');
    return { email, id: u.id as string, enterpriseId, token: await c.login(email, password) };
  };
  const staff = await user(`appraiser@${DEMO_DOMAIN}`, '船舶重工评价中心', Role.APPRAISER, bodyEnterprise.id);
  const assessors = [staff, await user(`assessor@${DEMO_DOMAIN}`, '港务集团考评员', Role.APPRAISER, reg.enterprises[0]!.id)];
  const inspector = await user(`inspector@${DEMO_DOMAIN}`, '市级督导', Role.INSPECTOR);

  const { session } = await c.mutate(staff.token, 'createAppraisalSession', 'CreateAppraisalSessionInput', {
    bodyId: body.id, title: '2026 年焊工高级工认定（社会化评价）', trade: '焊工', targetLevel: 'SENIOR', external: true,
  }, 'session { id }');
  for (const a of assessors) await c.mutate(staff.token, 'addAppraisalAssessor', 'AddAppraisalAssessorInput', { sessionId: session.id, userId: a.id });

  // Candidates: intermediate welders of other enterprises who meet the rules (the others' refusals are the rules at work).
  const candidates: { id: string; enterpriseId: string }[] = [];
  for (const w of reg.workers.filter((x) => x.trade === '焊工' && x.skillLevel === 'INTERMEDIATE' && x.enterpriseId !== bodyEnterprise.id)) {
    if (candidates.length === 4) break;
    const res = await c.request<{ addAppraisalCandidate: { candidate: { id: string } | null } }>(
      'mutation($input: AddAppraisalCandidateInput!) { addAppraisalCandidate(input: $input) { candidate { id } } }', { input: { sessionId: session.id, workerId: w.id } }, staff.token);
    if (res.addAppraisalCandidate.candidate) candidates.push({ id: res.addAppraisalCandidate.candidate.id, enterpriseId: w.enterpriseId });
  }
  if (candidates.length < 2) throw new Error('seed: too few eligible welders for the appraisal session');
  for (const [k, cand] of candidates.entries()) {
    const assessor = assessors.find((a) => a.enterpriseId !== cand.enterpriseId)!;
    const x = k === candidates.length - 1 ? 52 : 70 + 5 * k; // the last one fails
    const marks = { theory: x, practical: x + 4, innovation: x - 2, problemSolving: x, performance: x - 5 };
    await c.mutate(assessor.token, 'enterAppraisalMarks', 'EnterAppraisalMarksInput', { candidateId: cand.id, marks });
  }
  await c.mutate(staff.token, 'closeAppraisalSession', 'CloseAppraisalSessionInput', { sessionId: session.id });
  return {
    sessionId: session.id,
    passed: candidates.length - 1,
    failed: 1,
    logins: [
      [staff.email, 'APPRAISER of the appraisal body 山海关船舶重工 (runs its sessions, assesses)'],
      [assessors[1]!.email, 'APPRAISER of 秦皇岛港务集团 (an assessor in the welding appraisal)'],
      [inspector.email, 'INSPECTOR (samples and annuls appraisal sessions)'],
    ],
  };
}
