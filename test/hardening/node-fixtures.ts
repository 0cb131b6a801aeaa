import { Role } from '../../src/auth/role';
import { mutate } from '../helpers/competition';
import { ok, type TestServer } from '../helpers/server';
import { setupStudio } from '../helpers/studio';
import { createEnterprise, createWorker } from '../helpers/registry';

export type Account = { id: string; globalId: string; token: string };

/**
 * Objects of the innovation modules (studios, methods, incubation, showcase) for the node read-rules
 * table, built through the API with the table's own viewers in the roles that matter: `studioManager`
 * runs the studios and submits the method, `reviewer` is an assigned reviewer of it.
 */
export async function innovationObjects(t: TestServer, u: { admin: Account; organizer: Account; studioManager: Account; reviewer: Account }): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  const m = (token: string, name: string, input: Record<string, unknown>, selection: string) =>
    mutate(t, token, name, `${name[0]!.toUpperCase()}${name.slice(1)}Input`, input, selection);

  // A rejected application: private to its manager, reviewers and admins.
  const rejected = await setupStudio(t, { until: 'APPLIED', manager: u.studioManager, admin: u.admin, reviewer: u.reviewer, members: 1 });
  const decided = await m(u.reviewer.token, 'reviewStudio', { studioId: rejected.studioId, decision: 'REJECT', comment: '材料不全' }, 'studio { id members { nodes { id } } decisions { nodes { id } } }');
  ids.privateStudio = rejected.studioId;
  ids.privateMember = decided.studio.members.nodes[0].id;
  ids.decision = decided.studio.decisions.nodes[0].id;

  // An accredited studio, with what hangs on it.
  const studio = await setupStudio(t, { manager: u.studioManager, admin: u.admin, members: 0 });
  ids.studio = studio.studioId;
  ids.report = (await m(u.studioManager.token, 'submitStudioReport', {
    studioId: studio.studioId, year: 2025, summary: '年度总结', trainees: 3, apprenticesMentored: 1, patentsFiled: 0, projectsCompleted: 1, economicBenefit: '1000.00',
  }, 'report { id }')).report.id;
  ids.innovation = (await m(u.studioManager.token, 'registerInnovation', {
    studioId: studio.studioId, title: '焊缝自动跟踪', category: 'PROCESS_IMPROVEMENT', inventorWorkerIds: [studio.leaderWorkerId],
  }, 'innovation { id }')).innovation.id;

  // An incubation project: public with its partners and milestones; funding and gates to insiders.
  const project = (await m(u.studioManager.token, 'createIncubationProject', {
    title: '焊缝智能检测装置', summary: '用视觉识别焊缝缺陷', field: '智能制造', leadWorkerId: studio.leaderWorkerId, studioId: studio.studioId,
  }, 'project { id }')).project.id;
  ids.project = project;
  ids.partner = (await m(u.studioManager.token, 'addProjectPartner', { projectId: project, kind: 'COLLEGE', name: '港城职业技术学院', contribution: '检测算法' }, 'partner { id }')).partner.id;
  ids.milestone = (await m(u.studioManager.token, 'addMilestone', { projectId: project, title: '样机' }, 'milestone { id }')).milestone.id;
  ids.funding = (await m(u.studioManager.token, 'recordFunding', {
    projectId: project, amount: '50000.00', receivedAt: '2026-01-10T00:00:00.000Z', source: '市总工会', sourceKind: 'GOVERNMENT',
  }, 'funding { id }')).funding.id;
  ids.gate = (await m(u.reviewer.token, 'advanceProject', { projectId: project, gateDecision: { decision: 'HOLD', score: 70, comment: '再打磨' } }, 'gateDecision { id }')).gateDecision.id;

  // Operating methods: one under review (private), one named (public) with an adoption.
  const others = [await t.user([Role.REVIEWER]), await t.user([Role.REVIEWER])];
  const reviewers = [u.reviewer, ...others];
  const submit = async (name: string) => {
    const method = (await m(u.studioManager.token, 'submitOperatingMethod', {
      proposedName: name, inventorWorkerIds: [studio.leaderWorkerId], studioId: studio.studioId, trade: '焊工',
      summary: '薄板焊接变形控制', steps: ['预热', '分段退焊'], expectedBenefit: '返修率下降一半',
    }, 'method { id }')).method.id;
    await m(u.admin.token, 'assignMethodReviewers', { methodId: method, reviewerUserIds: reviewers.map((r) => r.globalId) }, 'method { id }');
    return method;
  };
  const marks = { innovation: 22, practicality: 22, benefit: 22, promotability: 22, comment: '可推广', recommend: true };
  ids.privateMethod = await submit('高效焊接法');
  await m(u.reviewer.token, 'reviewOperatingMethod', { methodId: ids.privateMethod, ...marks }, 'review { id }');
  const corrected = await m(u.reviewer.token, 'reviewOperatingMethod', { methodId: ids.privateMethod, ...marks, comment: '更正' }, 'review { id revisions { nodes { id } } }');
  ids.review = corrected.review.id;
  ids.reviewRevision = corrected.review.revisions.nodes[0].id;
  ids.method = await submit('薄板焊接法');
  for (const r of reviewers) await m(r.token, 'reviewOperatingMethod', { methodId: ids.method, ...marks }, 'review { id }');
  const lead = ok(await t.gql(`query($id: ID!) { worker(id: $id) { name } }`, { id: studio.leaderWorkerId }, u.admin.token)) as any;
  // The official name carries the lead inventor's name (命名 rule).
  await m(u.admin.token, 'nameOperatingMethod', { methodId: ids.method, officialName: `${lead.worker.name}薄板焊接法` }, 'method { id }');
  ids.adoption = (await m(u.organizer.token, 'recordMethodAdoption', {
    methodId: ids.method, enterpriseId: studio.enterpriseId, adoptedAt: new Date().toISOString(), workersTrained: 12, economicBenefit: '20000.00',
  }, 'adoption { id }')).adoption.id;

  ids.exhibition = (await m(u.organizer.token, 'createExhibition', {
    title: '职工创新成果展', venue: '市工人文化宫', startsAt: '2026-06-01T00:00:00.000Z', endsAt: '2026-06-07T00:00:00.000Z',
  }, 'exhibition { id }')).exhibition.id;
  ids.alliance = (await m(u.organizer.token, 'createAlliance', { name: '思明区职工技术创新联盟', scope: 'REGIONAL', region: '思明区' }, 'alliance { id }')).alliance.id;
  return ids;
}

/** An honor campaign the organizer runs, in public notice: a nominee shortlisted (objected to by `objector`) and one left below the place. */
export async function honorObjects(t: TestServer, organizer: Account, reviewer: Account, objector: Account): Promise<Record<string, string>> {
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const enterprise = await createEnterprise(t, organizer.token);
  const { campaign } = await mutate(t, organizer.token, 'openHonorCampaign', 'OpenHonorCampaignInput', {
    title: '能工巧匠评选', honorKind: 'SKILLED_CRAFTSMAN', level: 'CITY', year: Number(today.slice(0, 4)), quota: 1, frontLineSharePercent: 0,
    nominationOpensOn: today, nominationClosesOn: today, perEnterpriseCap: 5, criteria: [{ name: '技能', maxScore: 100 }], reviewerUserIds: [reviewer.globalId], vettingDepartments: ['纪检监察'],
  }, 'campaign { id }');
  const ids: string[] = [];
  for (let i = 0; i < 2; i++) {
    const worker = await createWorker(t, organizer.token, enterprise.id);
    const { nomination } = await mutate(t, organizer.token, 'nominateForHonor', 'NominateForHonorInput', { campaignId: campaign.id, workerId: worker.id, statement: '事迹', internalNoticeFrom: today, internalNoticeTo: today }, 'nomination { id }');
    ids.push(nomination.id);
  }
  await mutate(t, organizer.token, 'closeNominations', 'HonorCampaignInput', { campaignId: campaign.id }, 'campaign { id }');
  for (const [i, id] of ids.entries()) {
    await mutate(t, reviewer.token, 'scoreNomination', 'ScoreNominationInput', { nominationId: id, marks: [i === 0 ? 90 : 50] }, 'score { total }');
    await mutate(t, organizer.token, 'recordVettingClearance', 'RecordVettingClearanceInput', { nominationId: id, department: '纪检监察', cleared: true }, 'clearance { department }');
  }
  // A notice recorded as begun on the window's day, so it has begun whatever weekday the suite runs on.
  await mutate(t, organizer.token, 'publishShortlist', 'PublishShortlistInput', { campaignId: campaign.id, noticeStartsOn: today }, 'campaign { id }');
  const { objection } = await mutate(t, objector.token, 'lodgeObjection', 'LodgeObjectionInput', { nominationId: ids[0], grounds: '异议' }, 'objection { id }');
  return { campaign: campaign.id, nomination: ids[1]!, objection: objection.id };
}
