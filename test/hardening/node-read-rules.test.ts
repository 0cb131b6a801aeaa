import { Role } from '../../src/auth/role';
import { registeredNodeTypes } from '../../src/common/node.resolver';
import { mutate, setupCompetition, signOffAndPublish, type CompetitionFixture } from '../helpers/competition';
import { ok, startTestServer, type GqlResult, type TestServer } from '../helpers/server';
import { honorObjects, innovationObjects } from './node-fixtures';
import { appraisalObjects } from '../appraisal/fixture';
import { drillAttemptObject, drillNodeObjects, stageDrillObject } from '../drills/fixture';
import { createWorker } from '../helpers/registry';
import { idOf } from '../../src/common/relay';

/**
 * OWASP's warning about the Node interface: `node(id:)` and `nodes(ids:)` must not reveal what the
 * type's own query refuses. For every registered Node type, a case names one object, the type's own
 * way to read it, and who may see it; each viewer must get the same answer from node(id:),
 * nodes(ids:) and the own query. A type registered without a case fails the first test.
 *
 * To add a type: build an object of it in `beforeAll` (into `f.ids`; node-fixtures.ts for the
 * innovation modules), then add a `cases` entry.
 */
type ViewerName = 'anonymous' | 'admin' | 'owner' | 'organizer' | 'judge' | 'outsideJudge' | 'studioManager' | 'reviewer';
const VIEWERS: ViewerName[] = ['anonymous', 'admin', 'owner', 'organizer', 'judge', 'outsideJudge', 'studioManager', 'reviewer'];
const EVERYONE = VIEWERS;
const REGISTRY_READERS: ViewerName[] = ['admin', 'owner', 'organizer', 'studioManager', 'reviewer'];
const STAFF: ViewerName[] = ['admin', 'owner', 'organizer'];
/** A competition's jury-only data: its own organizer and admins, not an organizer of another competition (issue 12 §1). */
const JURY: ViewerName[] = ['admin', 'owner'];

interface Fixture {
  live: CompetitionFixture;
  done: CompetitionFixture;
  ids: Record<string, string>;
}

interface OwnRead {
  query: string;
  vars: (f: Fixture) => Record<string, unknown>;
  ids: (data: any) => (string | undefined)[];
}

interface NodeCase {
  type: string;
  /** The global ID of the object. */
  id: (f: Fixture) => string;
  /** The type's own read path(s): a query, its variables, and the global IDs it returned. */
  own: OwnRead | OwnRead[];
  visibleTo: ViewerName[];
}

const competitionNodes = (field: string, pick: (c: any) => any[]) => ({
  query: `query($c: ID!) { competition(id: $c) { ${field} } }`,
  ids: (d: any) => (d.competition ? pick(d.competition) ?? [] : []).map((x: any) => x?.id),
});
/** `root(id: $id) { <selection> }` on the object `key` of the fixture, collecting the ids `pick` finds. */
const by = (root: string, key: string, selection: string, pick: (o: any) => any[] = (o) => [o]): OwnRead => ({
  query: `query($id: ID!) { ${root}(id: $id) { ${selection} } }`,
  vars: (f) => ({ id: f.ids[key] }),
  ids: (d) => (d[root] ? pick(d[root]) ?? [] : []).map((x: any) => x?.id),
});
const STUDIO_INSIDERS: ViewerName[] = ['admin', 'studioManager', 'reviewer'];

const sheetMarks = (d: any) => d.competition.entries.nodes.flatMap((e: any) => e.scoreSheet?.lines.flatMap((l: any) => l.marks) ?? []);

const sessions = (selection: string, pick: (d: any) => any[]): OwnRead => ({
  query: `{ appraisalSessions(first: 10) { nodes { ${selection} } } }`, vars: () => ({}), ids: (d) => (d.appraisalSessions ? pick(d.appraisalSessions.nodes) : []).map((x: any) => x?.id),
});

const cases: NodeCase[] = [
  // Skill appraisal: bodies are public; sessions and their candidates and samples for ADMIN, ORGANIZER, APPRAISER, INSPECTOR; flags for ADMIN and INSPECTOR.
  { type: 'AppraisalBody', id: (f) => f.ids.appraisalBody!, own: { query: `{ appraisalBodies(first: 100) { nodes { id } } }`, vars: () => ({}), ids: (d) => d.appraisalBodies.nodes.map((b: any) => b.id) }, visibleTo: EVERYONE },
  { type: 'AppraisalSession', id: (f) => f.ids.appraisalSession!, own: sessions('id', (s) => s), visibleTo: STAFF },
  { type: 'AppraisalCandidate', id: (f) => f.ids.appraisalCandidate!, own: sessions('candidates(first: 10) { nodes { id } }', (s) => s.flatMap((x: any) => x.candidates.nodes)), visibleTo: STAFF },
  { type: 'AppraisalSample', id: (f) => f.ids.appraisalSample!, own: sessions('samples(first: 10) { nodes { id } }', (s) => s.flatMap((x: any) => x.samples.nodes)), visibleTo: STAFF },
  { type: 'AppraisalFlag', id: (f) => f.ids.appraisalFlag!, own: { query: `{ appraisalFlags(first: 100) { nodes { id } } }`, vars: () => ({}), ids: (d) => (d.appraisalFlags?.nodes ?? []).map((x: any) => x.id) }, visibleTo: ['admin'] },
  { type: 'Competition', id: (f) => f.live.competitionId, own: { ...competitionNodes('id', (c) => [c]), vars: (f) => ({ c: f.live.competitionId }) }, visibleTo: EVERYONE },
  { type: 'Stage', id: (f) => f.live.stages[0]!.id, own: { ...competitionNodes('stages { id }', (c) => c.stages), vars: (f) => ({ c: f.live.competitionId }) }, visibleTo: EVERYONE },
  { type: 'Criterion', id: (f) => f.live.stages[0]!.criteria[0]!.id, own: { ...competitionNodes('stages { criteria { id } }', (c) => c.stages.flatMap((s: any) => s.criteria)), vars: (f) => ({ c: f.live.competitionId }) }, visibleTo: EVERYONE },
  { type: 'Entry', id: (f) => f.live.entries[0]!.id, own: { ...competitionNodes('entries(first: 100) { nodes { id } }', (c) => c.entries.nodes), vars: (f) => ({ c: f.live.competitionId }) }, visibleTo: EVERYONE },
  { type: 'CompetitionTransition', id: (f) => f.ids.transition!, own: { ...competitionNodes('transitions { nodes { id } }', (c) => c.transitions?.nodes), vars: (f) => ({ c: f.live.competitionId }) }, visibleTo: STAFF },
  { type: 'CompetitionOfficial', id: (f) => f.ids.official!, own: { ...competitionNodes('officials(first: 20) { nodes { id } }', (c) => c.officials.nodes), vars: (f) => ({ c: f.live.competitionId }) }, visibleTo: [...JURY, 'judge'] },
  { type: 'JudgeAssignment', id: (f) => f.ids.assignment!, own: { ...competitionNodes('judges { nodes { id } }', (c) => c.judges?.nodes), vars: (f) => ({ c: f.live.competitionId }) }, visibleTo: [...JURY, 'judge'] },
  {
    type: 'Score', id: (f) => f.ids.score!,
    own: { ...competitionNodes('entries(first: 100) { nodes { scoreSheet { lines { marks { id } } } } }', () => []), ids: (d) => sheetMarks(d).map((m: any) => m.id), vars: (f) => ({ c: f.live.competitionId }) },
    visibleTo: [...JURY, 'judge'],
  },
  {
    type: 'ScoreRevision', id: (f) => f.ids.revision!,
    own: { ...competitionNodes('entries(first: 100) { nodes { scoreSheet { lines { marks { revisions(first: 5) { nodes { id } } } } } } }', () => []), ids: (d) => sheetMarks(d).flatMap((m: any) => m.revisions.nodes).map((r: any) => r.id), vars: (f) => ({ c: f.live.competitionId }) },
    visibleTo: [...JURY, 'judge'],
  },
  {
    // The chief judge's acceptance of missing marks (issue 12 §3): the jury's, the chief judge (`judge` here) among them.
    type: 'MarkingGapAcceptance', id: (f) => f.ids.gapAcceptance!,
    own: { ...competitionNodes('markingGapAcceptances(first: 10) { nodes { id } }', (c) => c.markingGapAcceptances?.nodes ?? []), vars: (f) => ({ c: f.live.competitionId }) },
    visibleTo: [...JURY, 'judge'],
  },
  {
    // A judge's request to correct a mark after seeing the panel's (issue 12 §2): the jury's business (the fixture's judge is the chief judge).
    type: 'ScoreCorrectionRequest', id: (f) => f.ids.correctionRequest!,
    own: { ...competitionNodes('scoreCorrectionRequests(first: 10) { nodes { id } }', (c) => c.scoreCorrectionRequests?.nodes), vars: (f) => ({ c: f.live.competitionId }) },
    visibleTo: [...JURY, 'judge'],
  },
  // The chief judge's sign-off of a stage (issue 12 §4): public, so anyone can check published results against it.
  { type: 'StageSignOff', id: (f) => f.ids.signOff!, own: { ...competitionNodes('signOffs(first: 10) { nodes { id } }', (c) => c.signOffs.nodes), vars: (f) => ({ c: f.done.competitionId }) }, visibleTo: EVERYONE },
  // The re-check sample and its items (issue 12 §6): the jury and the competition's arbitrators (none among these viewers).
  { type: 'RecheckSample', id: (f) => f.ids.recheckSample!, own: { ...competitionNodes('recheckSample { id }', (c) => [c.recheckSample]), vars: (f) => ({ c: f.done.competitionId }) }, visibleTo: JURY },
  { type: 'RecheckItem', id: (f) => f.ids.recheckItem!, own: { ...competitionNodes('recheckSample { items(first: 10) { nodes { id } } }', (c) => c.recheckSample?.items.nodes), vars: (f) => ({ c: f.done.competitionId }) }, visibleTo: JURY },
  // An upheld appeal of a published competition: its organizer (and admins) read it, and the judge named to re-mark it (outsideJudge).
  {
    type: 'Appeal', id: (f) => f.ids.appeal!,
    own: { query: `query($c: ID!) { competition(id: $c) { appeals(first: 20) { nodes { id } } } }`, vars: (f) => ({ c: f.ids.published }), ids: (d) => d.competition.appeals.nodes.map((a: any) => a.id) },
    visibleTo: [...JURY, 'outsideJudge'],
  },
  {
    type: 'AppealRemark', id: (f) => f.ids.remark!,
    own: { query: `query($c: ID!) { competition(id: $c) { appeals(first: 20) { nodes { remarks(first: 100) { nodes { id } } } } } }`, vars: (f) => ({ c: f.ids.published }), ids: (d) => d.competition.appeals.nodes.flatMap((a: any) => a.remarks?.nodes ?? []).map((r: any) => r.id) },
    visibleTo: [...JURY, 'outsideJudge'],
  },
  { type: 'Award', id: (f) => f.ids.award!, own: { ...competitionNodes('awards(first: 100) { nodes { id } }', (c) => c.awards.nodes), vars: (f) => ({ c: f.done.competitionId }) }, visibleTo: EVERYONE },
  { type: 'Enterprise', id: (f) => f.live.hostEnterpriseId, own: { query: `query($id: ID!) { enterprise(id: $id) { id } }`, vars: (f) => ({ id: f.live.hostEnterpriseId }), ids: (d) => [d.enterprise?.id] }, visibleTo: EVERYONE },
  { type: 'Worker', id: (f) => f.ids.worker!, own: { query: `query($id: ID!) { worker(id: $id) { id } }`, vars: (f) => ({ id: f.ids.worker }), ids: (d) => [d.worker?.id] }, visibleTo: REGISTRY_READERS },
  { type: 'Honor', id: (f) => f.ids.honor!, own: { query: `query($id: ID!) { worker(id: $id) { honors { nodes { id } } } }`, vars: (f) => ({ id: f.ids.worker }), ids: (d) => d.worker?.honors.nodes.map((h: any) => h.id) ?? [] }, visibleTo: REGISTRY_READERS },
  // The question bank: its keepers only (ORGANIZER, REVIEWER, ADMIN), never takers or anyone else.
  { type: 'Question', id: (f) => f.ids.question!, own: { query: `{ questions(first: 100, filter: { trade: "节点题库" }) { nodes { id } } }`, vars: () => ({}), ids: (d) => (d.questions?.nodes ?? []).map((x: any) => x.id) }, visibleTo: ['admin', 'owner', 'organizer', 'reviewer'] },
  // A DRAFT drill: its organizer and admins only (published ones are public).
  { type: 'Drill', id: (f) => f.ids.drill!, own: by('drill', 'drill', 'id'), visibleTo: JURY },
  // An attempt: its taker's drill token (not a viewer here) and whoever runs the drill (Drill.attempts).
  // A stage filled from a drill: the competition's organizer and whoever runs the drill (Drill.theoryStages; here one organizer is both).
  { type: 'StageDrill', id: (f) => f.ids.stageDrill!, own: by('drill', 'attemptDrill', 'theoryStages(first: 10) { nodes { id } }', (d) => d.theoryStages?.nodes), visibleTo: JURY },
  { type: 'DrillAttempt', id: (f) => f.ids.attempt!, own: by('drill', 'attemptDrill', 'attempts(first: 10) { nodes { id } }', (d) => d.attempts?.nodes), visibleTo: JURY },
  { type: 'ChiefTechnician', id: (f) => f.ids.chief!, own: by('enterprise', 'chiefEnterprise', 'chiefTechnicians(first: 10) { nodes { id } }', (e) => e.chiefTechnicians?.nodes), visibleTo: REGISTRY_READERS },
  { type: 'SkillAllowanceStandard', id: (f) => f.ids.allowanceStandard!, own: { query: `query($id: ID!) { enterprise(id: $id) { skillAllowanceStandards(first: 10) { nodes { id } } } }`, vars: (f) => ({ id: f.live.hostEnterpriseId }), ids: (d) => d.enterprise?.skillAllowanceStandards.nodes.map((s: any) => s.id) ?? [] }, visibleTo: EVERYONE },
  { type: 'SkillLevelChange', id: (f) => f.ids.skillChange!, own: { query: `query($id: ID!) { worker(id: $id) { skillLevelHistory { id } } }`, vars: (f) => ({ id: f.ids.worker }), ids: (d) => d.worker?.skillLevelHistory.map((h: any) => h.id) ?? [] }, visibleTo: REGISTRY_READERS },
  {
    // A user sees themselves (`viewer`); admins see everyone (`users`).
    type: 'User', id: (f) => f.ids.user!,
    own: [
      { query: `{ viewer { id } }`, vars: () => ({}), ids: (d) => [d.viewer?.id] },
      { query: `query($email: String!) { users(first: 5, filter: { search: $email }) { nodes { id } } }`, vars: (f) => ({ email: f.ids.userEmail }), ids: (d) => d.users.nodes.map((u: any) => u.id) },
    ],
    visibleTo: ['admin', 'judge'],
  },
  // Innovation modules (node-fixtures.ts): a rejected studio application, an accredited studio's report and
  // innovation, an incubation project, a method under review (with a corrected review), a named method.
  { type: 'Studio', id: (f) => f.ids.privateStudio!, own: by('studio', 'privateStudio', 'id'), visibleTo: STUDIO_INSIDERS },
  { type: 'StudioMember', id: (f) => f.ids.privateMember!, own: by('studio', 'privateStudio', 'members { nodes { id } }', (s) => s.members.nodes), visibleTo: STUDIO_INSIDERS },
  { type: 'StudioDecision', id: (f) => f.ids.decision!, own: by('studio', 'privateStudio', 'decisions { nodes { id } }', (s) => s.decisions?.nodes), visibleTo: STUDIO_INSIDERS },
  { type: 'StudioReport', id: (f) => f.ids.report!, own: by('studio', 'studio', 'reports { nodes { id } }', (s) => s.reports.nodes), visibleTo: EVERYONE },
  { type: 'Innovation', id: (f) => f.ids.innovation!, own: by('innovation', 'innovation', 'id'), visibleTo: EVERYONE },
  { type: 'IncubationProject', id: (f) => f.ids.project!, own: by('incubationProject', 'project', 'id'), visibleTo: EVERYONE },
  { type: 'ProjectPartner', id: (f) => f.ids.partner!, own: by('incubationProject', 'project', 'partners { nodes { id } }', (p) => p.partners.nodes), visibleTo: EVERYONE },
  { type: 'ProjectMilestone', id: (f) => f.ids.milestone!, own: by('incubationProject', 'project', 'milestones { nodes { id } }', (p) => p.milestones.nodes), visibleTo: EVERYONE },
  { type: 'ProjectFunding', id: (f) => f.ids.funding!, own: by('incubationProject', 'project', 'funding { nodes { id } }', (p) => p.funding?.nodes), visibleTo: STUDIO_INSIDERS },
  { type: 'GateDecision', id: (f) => f.ids.gate!, own: by('incubationProject', 'project', 'gateHistory { nodes { id } }', (p) => p.gateHistory?.nodes), visibleTo: STUDIO_INSIDERS },
  { type: 'OperatingMethod', id: (f) => f.ids.privateMethod!, own: by('operatingMethod', 'privateMethod', 'id'), visibleTo: STUDIO_INSIDERS },
  { type: 'ExpertReview', id: (f) => f.ids.review!, own: by('operatingMethod', 'privateMethod', 'reviews { id }', (m) => m.reviews), visibleTo: ['admin', 'reviewer'] },
  {
    type: 'ExpertReviewRevision', id: (f) => f.ids.reviewRevision!,
    own: by('operatingMethod', 'privateMethod', 'reviews { revisions { nodes { id } } }', (m) => m.reviews?.flatMap((r: any) => r.revisions.nodes)), visibleTo: ['admin', 'reviewer'],
  },
  { type: 'MethodAdoption', id: (f) => f.ids.adoption!, own: by('operatingMethod', 'method', 'adoptions { nodes { id } }', (m) => m.adoptions.nodes), visibleTo: EVERYONE },
  { type: 'Exhibition', id: (f) => f.ids.exhibition!, own: by('exhibition', 'exhibition', 'id'), visibleTo: EVERYONE },
  { type: 'Alliance', id: (f) => f.ids.alliance!, own: by('alliance', 'alliance', 'id'), visibleTo: EVERYONE },
  // Honor campaigns: the campaign is public; a nomination not on the shortlist is for ORGANIZERs, admins and the panel; objections for the campaign's runner.
  { type: 'HonorCampaign', id: (f) => f.ids.campaign!, own: by('honorCampaign', 'campaign', 'id'), visibleTo: EVERYONE },
  { type: 'Nomination', id: (f) => f.ids.nomination!, own: by('honorCampaign', 'campaign', 'nominations(first: 10) { nodes { id } }', (c) => c.nominations.nodes), visibleTo: [...STAFF, 'reviewer'] },
  { type: 'Objection', id: (f) => f.ids.objection!, own: by('honorCampaign', 'campaign', 'objections(first: 10) { nodes { id } }', (c) => c.objections?.nodes), visibleTo: ['admin', 'organizer'] },
];

let t: TestServer;
let f: Fixture;
const tokens = new Map<ViewerName, string | null>();

beforeAll(async () => {
  t = await startTestServer();
  const admin = await t.user([Role.ADMIN]);
  tokens.set('anonymous', null);
  tokens.set('admin', admin.token);
  const organizer = await t.user([Role.ORGANIZER]);
  const studioManager = await t.user([Role.STUDIO_MANAGER]);
  const reviewer = await t.user([Role.REVIEWER]);
  tokens.set('organizer', organizer.token);
  const outsideJudge = await t.user([Role.JUDGE]);
  tokens.set('outsideJudge', outsideJudge.token);
  tokens.set('studioManager', studioManager.token);
  tokens.set('reviewer', reviewer.token);

  const stages = [{ name: '实操', weight: 100, criteria: [{ kind: 'MEASUREMENT' as const, maxScore: 100 }] }];
  const live = await setupCompetition(t, { entries: 2, judges: 1, stages });
  tokens.set('owner', live.organizer.token);
  const judge = live.judges[0]!;
  tokens.set('judge', judge.token);
  const criterionId = live.stages[0]!.criteria[0]!.id;
  const SUBMIT = 'score { id revisions { nodes { id } } }';
  const first = await mutate(t, judge.token, 'submitScore', 'SubmitScoreInput', { entryId: live.entries[0]!.id, criterionId, value: 80 }, SUBMIT);
  const corrected = await mutate(t, judge.token, 'submitScore', 'SubmitScoreInput', { entryId: live.entries[0]!.id, criterionId, value: 85, reason: '复核更正' }, SUBMIT);
  // Entry 1 is unmarked: the chief judge (the one judge) accepts the gap.
  const gap = await mutate(t, judge.token, 'acceptMarkingGap', 'AcceptMarkingGapInput', { competitionId: live.competitionId, reason: '2号未交卷' }, 'acceptance { id }');

  // A second (not chief) judge measures entry 1, so has marked all of it, and asks to correct the mark.
  const second = await t.user([Role.JUDGE], { workerId: idOf((await createWorker(t, live.organizer.token, live.hostEnterpriseId)).id, 'Worker')! });
  await mutate(t, live.organizer.token, 'assignJudge', 'AssignJudgeInput', { competitionId: live.competitionId, userId: second.globalId, stageIds: [live.stages[0]!.id], reason: '补充裁判' }, 'assignment { id }');
  const measured = await mutate(t, second.token, 'submitScore', 'SubmitScoreInput', { entryId: live.entries[1]!.id, criterionId, value: 70 }, 'score { id }');
  const asked = await mutate(t, second.token, 'requestScoreCorrection', 'RequestScoreCorrectionInput', { scoreId: measured.score.id, value: 72, reason: '读数更正' }, 'request { id }');

  // A finalized competition (awards exist only then), owned by the same organizer.
  const done = await setupCompetition(t, { entries: 2, judges: 1, stages, organizer: live.organizer });
  for (const [i, value] of [[0, 90], [1, 70]] as const) {
    await mutate(t, done.judges[0]!.token, 'submitScore', 'SubmitScoreInput', { entryId: done.entries[i]!.id, criterionId: done.stages[0]!.criteria[0]!.id, value }, 'score { id }');
  }
  await mutate(t, live.organizer.token, 'closeScoring', 'CompetitionTransitionInput', { competitionId: done.competitionId }, 'competition { id }');
  // Its re-check sample, checked by an arbitrator before the stage can be signed off.
  const rechecker = await t.user([Role.JUDGE]);
  await mutate(t, live.organizer.token, 'appointOfficial', 'AppointOfficialInput', { competitionId: done.competitionId, userId: rechecker.globalId, duty: 'ARBITRATOR', reason: '复核' }, 'official { id }');
  const drawn = await mutate(t, live.organizer.token, 'drawRecheckSample', 'DrawRecheckSampleInput', { competitionId: done.competitionId, seed: 'node-rules' }, 'sample { id items(first: 10) { nodes { id } } }');
  for (const item of drawn.sample.items.nodes) await mutate(t, rechecker.token, 'confirmRecheckMark', 'ConfirmRecheckMarkInput', { itemId: item.id }, 'item { id }');
  const signed = await mutate(t, done.judges[0]!.token, 'signOffStage', 'SignOffStageInput', { stageId: done.stages[0]!.id }, 'signOff { id }');
  await signOffAndPublish(t, done);
  const finalized = await mutate(t, live.organizer.token, 'finalizeCompetition', 'CompetitionTransitionInput', { competitionId: done.competitionId }, 'awards { id }');

  // A published competition with an upheld appeal whose one contested mark outsideJudge is named to re-mark.
  const published = await setupCompetition(t, { entries: 1, judges: 1, stages, organizer: live.organizer });
  await mutate(t, published.judges[0]!.token, 'submitScore', 'SubmitScoreInput', { entryId: published.entries[0]!.id, criterionId: published.stages[0]!.criteria[0]!.id, value: 60 }, 'score { id }');
  await mutate(t, live.organizer.token, 'closeScoring', 'CompetitionTransitionInput', { competitionId: published.competitionId }, 'competition { id }');
  await signOffAndPublish(t, published, { appealWindowMinutes: 120 });
  const filed = await mutate(t, live.organizer.token, 'fileAppeal', 'FileAppealInput', { entryId: published.entries[0]!.id, criterionId: published.stages[0]!.criteria[0]!.id, grounds: '代为申诉' }, 'appeal { id }');
  const panelist = await t.user([Role.REVIEWER]);
  await mutate(t, live.organizer.token, 'appointOfficial', 'AppointOfficialInput', { competitionId: published.competitionId, userId: panelist.globalId, duty: 'ARBITRATOR', reason: '仲裁组' }, 'official { id }');
  const upheld = await mutate(t, panelist.token, 'ruleOnAppeal', 'RuleOnAppealInput', { appealId: filed.appeal.id, decision: 'UPHELD', reason: '复评', remarkJudgeIds: [outsideJudge.globalId] }, 'appeal { remarks(first: 100) { nodes { id } } }');

  const workerId = live.entries[0]!.workerIds[0]!;
  const honor = await mutate(t, admin.token, 'grantHonor', 'GrantHonorInput', { workerId, kind: 'CRAFTSMAN', level: 'CITY', year: 2025 }, 'honor { id }');
  const change = await mutate(t, admin.token, 'recordSkillLevelChange', 'RecordSkillLevelChangeInput', { workerId, to: 'TECHNICIAN', reason: '职业技能等级认定' }, 'change { id }');
  const chief = await mutate(t, admin.token, 'designateChiefTechnician', 'DesignateChiefTechnicianInput',
    { workerId, termFrom: '2026-01-01', termTo: '2028-12-31', incentive: 'ALLOWANCE' }, 'chiefTechnician { id enterprise { id } }');
  const standard = await mutate(t, admin.token, 'recordSkillAllowanceStandard', 'RecordSkillAllowanceStandardInput',
    { enterpriseId: live.hostEnterpriseId, effectiveFrom: '2026-01-01', rates: [{ level: 'TECHNICIAN', yuanPerMonth: '500' }] }, 'standard { id }');

  const arbitrator = await t.user([Role.JUDGE]);
  const official = await mutate(t, live.organizer.token, 'appointOfficial', 'AppointOfficialInput', { competitionId: live.competitionId, userId: arbitrator.globalId, duty: 'ARBITRATOR', reason: '仲裁组' }, 'official { id }');
  const staffView = ok(await t.gql(`query($c: ID!) { competition(id: $c) { transitions { nodes { id } } judges { nodes { id } } } }`, { c: live.competitionId }, live.organizer.token)) as any;
  const judgeUser = ok(await t.gql(`{ viewer { id email } }`, {}, judge.token)) as any;
  f = {
    live, done,
    ids: {
      official: official.official.id,
      published: published.competitionId, appeal: filed.appeal.id, remark: upheld.appeal.remarks.nodes[0].id,
      score: first.score.id, revision: corrected.score.revisions.nodes[0].id, correctionRequest: asked.request.id, signOff: signed.signOff.id, award: finalized.awards[0].id, gapAcceptance: gap.acceptance.id, recheckSample: drawn.sample.id, recheckItem: drawn.sample.items.nodes[0].id,
      transition: staffView.competition.transitions.nodes[0].id, assignment: staffView.competition.judges.nodes[0].id,
      worker: workerId, honor: honor.honor.id, skillChange: change.change.id,
      chief: chief.chiefTechnician.id, chiefEnterprise: chief.chiefTechnician.enterprise.id, allowanceStandard: standard.standard.id,
      user: judgeUser.viewer.id, userEmail: judgeUser.viewer.email,
      ...(await innovationObjects(t, { admin, organizer, studioManager, reviewer })),
      ...(await appraisalObjects(t, admin)),
      ...(await honorObjects(t, organizer, reviewer, judge)),
      ...(await drillNodeObjects(t, live.organizer.token, reviewer.token)),
      ...(await drillAttemptObject(t, live.organizer, admin.token)),
    },
  };
  Object.assign(f.ids, await stageDrillObject(t, live.organizer, f.ids.attemptDrill!));
}, 120_000);
afterAll(async () => t.close());

it('has a case for every registered Node type', () => {
  const covered = new Set(cases.map((c) => c.type));
  expect(registeredNodeTypes().filter((type) => !covered.has(type))).toEqual([]);
});

/** True when the result holds the object; an auth refusal counts as not visible, anything else fails. */
function sees(res: GqlResult, ids: (string | undefined)[], id: string): boolean {
  const unexpected = (res.errors ?? []).filter((e) => !['UNAUTHENTICATED', 'FORBIDDEN'].includes(e.extensions?.code ?? ''));
  if (unexpected.length) throw new Error(JSON.stringify(unexpected));
  return ids.includes(id);
}

describe.each(cases.map((c) => [c.type, c] as const))('%s', (_type, c) => {
  it('node(id:), nodes(ids:) and its own query agree with the table for every viewer', async () => {
    const id = c.id(f);
    const expected: Record<string, boolean> = {};
    const actual: Record<string, { node: boolean; nodes: boolean; own: boolean }> = {};
    for (const viewer of VIEWERS) {
      const token = tokens.get(viewer)!;
      const node = await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id }, token);
      const nodes = await t.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: [id] }, token);
      let own = false;
      for (const read of [c.own].flat()) {
        const res = await t.gql(read.query, read.vars(f), token);
        own ||= sees(res, res.data ? read.ids(res.data) : [], id);
      }
      actual[viewer] = {
        node: sees(node, [node.data?.node?.id], id),
        nodes: sees(nodes, (nodes.data?.nodes ?? []).map((n: any) => n?.id), id),
        own,
      };
      const v = c.visibleTo.includes(viewer);
      expected[viewer] = v;
    }
    const asExpected = Object.fromEntries(VIEWERS.map((v) => [v, { node: expected[v], nodes: expected[v], own: expected[v] }]));
    expect(actual).toEqual(asExpected);
  });
});
