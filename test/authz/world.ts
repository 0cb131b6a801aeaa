import { Role } from '../../src/auth/role';
import { acceptMissingMarks, mutate, setupCompetition, signOffAndPublish, type CompetitionFixture } from '../helpers/competition';
import { createWorker } from '../helpers/registry';
import type { TestServer } from '../helpers/server';
import { setupStudio } from '../helpers/studio';
import { ROLES } from './matrix';
import { honorsWorld } from './world-honors';

/*
 * What the authorization matrix calls its mutations on: one real object of every type an input names,
 * owned by the matrix's own users (the ORGANIZER created the competition, exhibition, alliance and
 * project; the STUDIO_MANAGER runs the studio; the JUDGE sits on every stage's panel; the REVIEWER
 * is assigned to the operating method; honor campaigns and appraisal sessions in every state their
 * mutations act in: test/authz/world-honors.ts). So a call the
 * matrix allows gets past ownership too and really executes: a crash there fails the matrix instead
 * of hiding behind a NOT_FOUND for a made-up ID.
 */
export interface MatrixWorld {
  tokens: Map<Role, string>;
  competition: CompetitionFixture;
  /** A real global ID per Node type (Competition, Stage, Studio, …), for ID fields that name it. */
  byType: Record<string, string>;
  /** The same, for one mutation: competition mutations get a competition in the state they work in. */
  byTypeFor(mutation: string): Record<string, string>;
  /** Real global IDs for ID fields whose name does not say the type (itemId). */
  byField: Record<string, string>;
}

export async function matrixWorld(t: TestServer): Promise<MatrixWorld> {
  const users = new Map<Role, Awaited<ReturnType<TestServer['user']>>>();
  for (const role of [Role.ADMIN, Role.ORGANIZER, Role.STUDIO_MANAGER, Role.REVIEWER, Role.NOMINATOR, Role.APPRAISER, Role.INSPECTOR]) users.set(role, await t.user([role]));
  const organizer = users.get(Role.ORGANIZER)!;
  const admin = users.get(Role.ADMIN)!;
  const manager = users.get(Role.STUDIO_MANAGER)!;

  const f = await setupCompetition(t, { judges: 2, organizer });
  const draft = await setupCompetition(t, { judges: 1, organizer, until: 'DRAFT' });
  const trim = await setupCompetition(t, { judges: 0, organizer, until: 'DRAFT' });
  const toOpen = await setupCompetition(t, { judges: 0, organizer, until: 'DRAFT' });
  const open = await setupCompetition(t, { judges: 1, organizer, until: 'REGISTRATION_OPEN' });
  const toClose = await setupCompetition(t, { judges: 0, entries: 1, organizer, until: 'REGISTRATION_OPEN' });
  const toEnd = await setupCompetition(t, { judges: 1, entries: 1, organizer });
  // Published, its appeal window open, with one appeal filed by the organizer: what arbitrators and re-markers act on.
  const published = await setupCompetition(t, { judges: 1, entries: 1, organizer });
  await acceptMissingMarks(t, published);
  await mutate(t, organizer.token, 'closeScoring', 'CompetitionTransitionInput', { competitionId: published.competitionId }, 'competition { id }');
  await signOffAndPublish(t, published, { appealWindowMinutes: 120 });
  const appeal = await mutate(t, organizer.token, 'fileAppeal', 'FileAppealInput', { entryId: published.entries[0]!.id, stageId: published.stages[0]!.id, grounds: '代为申诉' }, 'appeal { id }');
  const studio = await setupStudio(t, { manager, admin, members: 1 });
  // A worker of the studio's enterprise who belongs to nothing yet: a new member, entrant or inventor.
  const worker = await createWorker(t, organizer.token, studio.enterpriseId);
  const alliance = await mutate(t, organizer.token, 'createAlliance', 'CreateAllianceInput', { name: '焊接技术创新联盟', scope: 'REGIONAL', region: '厦门市' }, 'alliance { id }');
  const exhibition = await mutate(t, organizer.token, 'createExhibition', 'CreateExhibitionInput', {
    title: '职工创新成果展', venue: '会展中心', startsAt: '2026-06-01T00:00:00.000Z', endsAt: '2026-06-03T00:00:00.000Z',
  }, 'exhibition { id }');
  const project = await mutate(t, organizer.token, 'createIncubationProject', 'CreateIncubationProjectInput', {
    title: '焊缝智能检测装置', summary: '用视觉识别焊缝缺陷', field: '智能制造', leadWorkerId: studio.leaderWorkerId, studioId: studio.studioId,
  }, 'project { id }');
  const milestone = await mutate(t, organizer.token, 'addMilestone', 'AddMilestoneInput', { projectId: project.project.id, title: '样机' }, 'milestone { id }');
  const method = await mutate(t, manager.token, 'submitOperatingMethod', 'SubmitOperatingMethodInput', {
    proposedName: '薄板焊接变形控制法', trade: '焊工', summary: '分段退焊', steps: ['预热', '分段退焊'], expectedBenefit: '返修率降低',
    inventorWorkerIds: [studio.leaderWorkerId], studioId: studio.studioId,
  }, 'method { id }');
  const reviewer = users.get(Role.REVIEWER)!;
  await mutate(t, admin.token, 'assignMethodReviewers', 'AssignMethodReviewersInput', { methodId: method.method.id, reviewerUserIds: [reviewer.globalId] }, 'method { id }');
  // Accounts mutations (disable, re-role, link) act on a user whose token the matrix does not use.
  const spare = await t.user([Role.JUDGE]);
  // An honor campaign the ORGANIZER runs, the REVIEWER on its panel, a nomination of the worker, the NOMINATOR scoped to the worker's enterprise.
  await mutate(t, admin.token, 'setUserEnterprise', 'SetUserEnterpriseInput', { userId: users.get(Role.NOMINATOR)!.globalId, enterpriseId: studio.enterpriseId }, 'user { id }');
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const campaign = await mutate(t, organizer.token, 'openHonorCampaign', 'OpenHonorCampaignInput', {
    title: '金牌工人评选', honorKind: 'GOLD_MEDAL_WORKER', level: 'CITY', year: Number(today.slice(0, 4)), quota: 1, frontLineSharePercent: 0,
    nominationOpensOn: today, nominationClosesOn: today, perEnterpriseCap: 5, criteria: [{ name: '技能', maxScore: 100 }], reviewerUserIds: [reviewer.globalId],
  }, 'campaign { id }');
  const nominee = await createWorker(t, organizer.token, studio.enterpriseId);
  const nomination = await mutate(t, organizer.token, 'nominateForHonor', 'NominateForHonorInput', {
    campaignId: campaign.campaign.id, workerId: nominee.id, statement: '事迹', internalNoticeFrom: today, internalNoticeTo: today,
  }, 'nomination { id }');
  const honor = await mutate(t, organizer.token, 'grantHonor', 'GrantHonorInput', { workerId: nominee.id, kind: 'MODEL_WORKER', level: 'CITY', year: 2020 }, 'honor { id }');
  // The NOMINATOR acts for the studio's enterprise; a chief technician there to end the term of.
  const technician = await createWorker(t, organizer.token, studio.enterpriseId, { skillLevel: 'TECHNICIAN' });
  const chief = await mutate(t, organizer.token, 'designateChiefTechnician', 'DesignateChiefTechnicianInput', {
    workerId: technician.id, termFrom: '2026-01-01', termTo: '2028-12-31', incentive: 'ALLOWANCE', incentiveAmount: '800.00',
  }, 'chiefTechnician { id }');

  const ofCompetition = (c: CompetitionFixture) => ({
    Competition: c.competitionId, Stage: c.stages[1]!.id, Criterion: c.stages[1]!.criteria[0]!.id, ...(c.entries[0] ? { Entry: c.entries[0].id } : {}),
  });
  const byType: Record<string, string> = {
    ...ofCompetition(f),
    Enterprise: studio.enterpriseId,
    Worker: worker.id,
    User: spare.globalId,
    Studio: studio.studioId,
    Alliance: alliance.alliance.id,
    Exhibition: exhibition.exhibition.id,
    IncubationProject: project.project.id,
    Milestone: milestone.milestone.id,
    OperatingMethod: method.method.id,
    ChiefTechnician: chief.chiefTechnician.id,
  };
  const honors = await honorsWorld(t, users, studio.enterpriseId, spare);
  Object.assign(byType, honors.byType);
  // A judge to put on (and take off) the draft's panel: a JUDGE linked to a worker, as panels need.
  const judge = await t.user([Role.JUDGE], { workerId: (await createWorker(t, organizer.token, studio.enterpriseId)).id });
  const phases: [CompetitionFixture, string[], Record<string, string>?][] = [
    [draft, ['updateCompetition', 'addStage', 'updateStage', 'addCriterion', 'updateCriterion', 'assignJudge', 'unassignJudge', 'appointOfficial', 'relieveOfficial'], { User: judge.globalId }],
    [trim, ['removeStage'], { Stage: trim.stages[0]!.id }],
    [trim, ['removeCriterion']],
    [toOpen, ['openRegistration']],
    [open, ['registerEntry', 'withdrawEntry']],
    [toClose, ['closeRegistration', 'startCompetition']],
    [toEnd, ['closeScoring', 'reopenScoring', 'cancelCompetition', 'finalizeCompetition']],
    [published, ['fileAppeal', 'ruleOnAppeal', 'submitAppealMark'], { Appeal: appeal.appeal.id }],
  ];
  const phase: Record<string, Record<string, string>> = {};
  for (const [c, names, over] of phases) for (const m of names) phase[m] = { ...byType, ...ofCompetition(c), ...over };
  for (const [m, over] of Object.entries(honors.phase)) phase[m] = { ...byType, ...over };
  // The first campaign takes nominations; its nomination is the one to print.
  phase.nominateForHonor = { ...byType, Campaign: campaign.campaign.id };
  phase.createNominationPrintLink = { ...byType, Nomination: nomination.nomination.id };

  const tokens = new Map<Role, string>(ROLES.map((r) => [r, r === Role.JUDGE ? f.judges[0]!.token : users.get(r)!.token]));
  return { tokens, competition: f, byType, byTypeFor: (m) => phase[m] ?? byType, byField: { itemId: method.method.id, honorId: honor.honor.id } };
}
