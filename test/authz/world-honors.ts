import { Role } from '../../src/auth/role';
import { idOf } from '../../src/common/relay';
import { mutate } from '../helpers/competition';
import { createEnterprise, createWorker } from '../helpers/registry';
import type { TestServer } from '../helpers/server';

type U = Awaited<ReturnType<TestServer['user']>>;

/*
 * The honors and appraisal part of the matrix's world: campaigns in each state their mutations act in,
 * and appraisal bodies and sessions, owned by the matrix's ORGANIZER, REVIEWER, NOMINATOR, APPRAISER and
 * INSPECTOR. Keys are what test/authz/inputs.ts derives from an ID field's name (campaignId → Campaign,
 * sessionId → Session, candidateIds → Candidate). The matrix's sample text is 样例 and its sample enum the
 * first value, so the campaigns vet by the department 样例 and the main body appraises the trade 样例 and
 * JUNIOR: the calls the matrix allows then really execute instead of stopping at a userError.
 */
export interface HonorsWorld {
  byType: Record<string, string>;
  /** Per mutation, the objects of the state it acts in. */
  phase: Record<string, Record<string, string>>;
}

export async function honorsWorld(t: TestServer, users: Map<Role, U>, enterpriseId: string, spare: U): Promise<HonorsWorld> {
  const organizer = users.get(Role.ORGANIZER)!;
  const admin = users.get(Role.ADMIN)!;
  const reviewer = users.get(Role.REVIEWER)!;
  const appraiser = users.get(Role.APPRAISER)!;
  const inspector = users.get(Role.INSPECTOR)!;
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

  // ── Honor campaigns ──
  const campaign = async (title: string) => (await mutate(t, organizer.token, 'openHonorCampaign', 'OpenHonorCampaignInput', {
    title, honorKind: 'GOLD_MEDAL_WORKER', level: 'CITY', year: Number(today.slice(0, 4)), quota: 1, frontLineSharePercent: 0,
    nominationOpensOn: today, nominationClosesOn: today, perEnterpriseCap: 5, criteria: [{ name: '技能', maxScore: 100 }],
    reviewerUserIds: [reviewer.globalId], vettingDepartments: ['样例'],
  }, 'campaign { id }')).campaign.id as string;
  const nominee = async (campaignId: string) => (await mutate(t, organizer.token, 'nominateForHonor', 'NominateForHonorInput', {
    campaignId, workerId: (await createWorker(t, organizer.token, enterpriseId)).id, statement: '事迹', internalNoticeFrom: today, internalNoticeTo: today,
  }, 'nomination { id }')).nomination.id as string;
  const close = (campaignId: string) => mutate(t, organizer.token, 'closeNominations', 'HonorCampaignInput', { campaignId }, 'campaign { id }');
  const reviewed = async (campaignId: string, nominationId: string) => {
    await mutate(t, reviewer.token, 'scoreNomination', 'ScoreNominationInput', { nominationId, marks: [80] }, 'score { total }');
    await mutate(t, organizer.token, 'recordVettingClearance', 'RecordVettingClearanceInput', { nominationId, department: '样例', cleared: true }, 'clearance { department }');
    return mutate(t, organizer.token, 'publishShortlist', 'PublishShortlistInput', { campaignId }, 'campaign { id }');
  };
  const toClose = await campaign('待截止的评选');
  await nominee(toClose);
  const toCancel = await campaign('待撤销的评选');
  const reviewing = await campaign('评审中的评选');
  const reviewingNomination = await nominee(reviewing);
  await close(reviewing);
  const toPublish = await campaign('待公示的评选');
  const toPublishNomination = await nominee(toPublish);
  await close(toPublish);
  await mutate(t, reviewer.token, 'scoreNomination', 'ScoreNominationInput', { nominationId: toPublishNomination, marks: [70] }, 'score { total }');
  await mutate(t, organizer.token, 'recordVettingClearance', 'RecordVettingClearanceInput', { nominationId: toPublishNomination, department: '样例', cleared: true }, 'clearance { department }');
  const inNotice = await campaign('公示中的评选');
  const noticed = await nominee(inNotice);
  await close(inNotice);
  await reviewed(inNotice, noticed);
  const objection = await mutate(t, spare.token, 'lodgeObjection', 'LodgeObjectionInput', { nominationId: noticed, grounds: '材料不实' }, 'objection { id }');
  const toConclude = await campaign('公示期满的评选');
  const concluded = await nominee(toConclude);
  await close(toConclude);
  await reviewed(toConclude, concluded);
  // What the passing of the working days would do: the notice ended yesterday.
  await t.orm.em.fork().execute(`update nomination set notice_starts_on = notice_starts_on - 10, notice_ends_on = ?::date - 1 where id = ?`, [today, idOf(concluded, 'Nomination')]);

  // ── Skill appraisal ──
  const bodyFor = async (code: string, over: Record<string, unknown> = {}) => {
    const enterprise = await createEnterprise(t, admin.token);
    const { body } = await mutate(t, admin.token, 'recordAppraisalBody', 'RecordAppraisalBodyInput', {
      enterpriseId: enterprise.id, code, trades: ['焊工', '样例'], levels: ['JUNIOR', 'SENIOR'], validFrom: '2024-01-01', validUntil: '2099-12-31', ...over,
    }, 'body { id }');
    return { bodyId: body.id as string, enterpriseId: enterprise.id };
  };
  const main = await bodyFor('AUTHZ0001');
  await mutate(t, admin.token, 'setUserEnterprise', 'SetUserEnterpriseInput', { userId: appraiser.globalId, enterpriseId: main.enterpriseId }, 'user { id }');
  const toSuspend = await bodyFor('AUTHZ0002');
  const toReinstate = await bodyFor('AUTHZ0003');
  await mutate(t, admin.token, 'suspendAppraisalBody', 'SuspendAppraisalBodyInput', { bodyId: toReinstate.bodyId, reason: '抽查整改' }, 'body { id }');
  const toUpdate = await bodyFor('AUTHZ0004');
  const session = async (title: string) => {
    const { session: s } = await mutate(t, appraiser.token, 'createAppraisalSession', 'CreateAppraisalSessionInput', { bodyId: main.bodyId, title, trade: '焊工', targetLevel: 'SENIOR', external: true }, 'session { id }');
    await mutate(t, appraiser.token, 'addAppraisalAssessor', 'AddAppraisalAssessorInput', { sessionId: s.id, userId: appraiser.globalId }, 'session { id }');
    return s.id as string;
  };
  const candidate = async (sessionId: string, marked: boolean) => {
    const w = await createWorker(t, admin.token, enterpriseId, { trade: '焊工', skillLevel: 'INTERMEDIATE', joinedAt: '2010-01-01' });
    const { candidate: c } = await mutate(t, appraiser.token, 'addAppraisalCandidate', 'AddAppraisalCandidateInput', { sessionId, workerId: w.id }, 'candidate { id }');
    const marks = { theory: 90, practical: 90, innovation: 90, problemSolving: 90, performance: 90 };
    if (marked) await mutate(t, appraiser.token, 'enterAppraisalMarks', 'EnterAppraisalMarksInput', { candidateId: c.id, marks }, 'candidate { id }');
    return { candidateId: c.id as string, workerId: w.id };
  };
  const closed = async (title: string) => {
    const id = await session(title);
    const c = await candidate(id, true);
    await mutate(t, appraiser.token, 'closeAppraisalSession', 'CloseAppraisalSessionInput', { sessionId: id }, 'session { id }');
    return { sessionId: id, ...c };
  };
  const open = await session('进行中的认定');
  const openCandidate = await candidate(open, false);
  const spareCandidate = await candidate(open, false);
  // A second assessor, who has marked nobody: the one to take off.
  const idleAssessor = await t.user([Role.APPRAISER]);
  await mutate(t, appraiser.token, 'addAppraisalAssessor', 'AddAppraisalAssessorInput', { sessionId: open, userId: idleAssessor.globalId }, 'session { id }');
  const toCloseSession = await session('待结束的认定');
  await candidate(toCloseSession, true);
  const sampled = await closed('待抽查的认定');
  const toAnnul = await closed('待宣布无效的认定');
  // An annulled session whose passer was promoted again since: the flag an ADMIN decides.
  const flagged = await closed('已宣布无效的认定');
  await mutate(t, admin.token, 'recordSkillLevelChange', 'RecordSkillLevelChangeInput', { workerId: flagged.workerId, to: 'TECHNICIAN', reason: '晋级' }, 'worker { id }');
  const { flags } = await mutate(t, inspector.token, 'annulAppraisalSession', 'AnnulAppraisalSessionInput', { sessionId: flagged.sessionId, reason: '考务违规' }, 'flags { id }');

  const byType = { Campaign: reviewing, Nomination: reviewingNomination, Objection: objection.objection.id, Body: main.bodyId, Session: open, Candidate: openCandidate.candidateId, Flag: flags[0].id };
  const phase: Record<string, Record<string, string>> = {
    closeNominations: { Campaign: toClose },
    cancelHonorCampaign: { Campaign: toCancel },
    publishShortlist: { Campaign: toPublish },
    lodgeObjection: { Campaign: inNotice, Nomination: noticed },
    resolveObjection: { Campaign: inNotice },
    concludeHonorCampaign: { Campaign: toConclude },
    suspendAppraisalBody: { Body: toSuspend.bodyId },
    reinstateAppraisalBody: { Body: toReinstate.bodyId },
    updateAppraisalBody: { Body: toUpdate.bodyId },
    removeAppraisalCandidate: { Candidate: spareCandidate.candidateId },
    removeAppraisalAssessor: { User: idleAssessor.globalId },
    closeAppraisalSession: { Session: toCloseSession },
    sampleAppraisalSession: { Session: sampled.sessionId, Candidate: sampled.candidateId },
    annulAppraisalSession: { Session: toAnnul.sessionId },
  };
  return { byType, phase };
}
