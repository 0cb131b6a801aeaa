import { Role } from '../../src/auth/role';

/*
 * Who may call what: the expected answer for every mutation and every private query, written down
 * independently of the resolvers so the test can catch a resolver that forgot its guard. A new
 * mutation without a line here fails test/authz/authorization.test.ts. docs/authorization.md is
 * rendered from this file (the test checks it is current; UPDATE_DOCS=1 rewrites it).
 */

/**
 * PUBLIC: anyone, anonymous included. AUTHENTICATED: any logged-in user. DRILL_TAKER: a drill token only
 * (enterDrill; no user, whatever their roles: UNAUTHENTICATED). Else: these roles (ADMIN always passes).
 */
export type Who = 'PUBLIC' | 'AUTHENTICATED' | 'DRILL_TAKER' | readonly Role[];

/**
 * Ownership checked in the service on top of the role, tested with real objects:
 * competition — the organizer who created the competition (or an ADMIN);
 * panel — a JUDGE assigned to the competition's panel for that stage (an ADMIN is no judge: only JUDGEs are assigned).
 * Others are written as text and tested in their module's own tests.
 */
export type Owner = 'competition' | 'panel' | string;

export interface Rule {
  module: string;
  who: Who;
  owner?: Owner;
  /** The ownership check binds an ADMIN too, and an ADMIN can never be the owner (e.g. only assigned REVIEWERs review). */
  notForAdmin?: true;
}

const { ADMIN, ORGANIZER, JUDGE } = Role;
const ORGANIZERS = [ORGANIZER] as const;
const competition = (who: Who = ORGANIZERS): Rule => ({ module: 'Competitions', who, owner: 'competition' });
/** Re-checkers hold a duty, not a role: any logged-in user the organizer named ARBITRATOR (复核). */
const recheck: Rule = { module: 'Competitions', who: 'AUTHENTICATED', owner: 'an ARBITRATOR of the competition never on the panel of the mark’s stage (an ADMIN or the organizer is none by role; test/competitions/recheck.test.ts)' };
const { STUDIO_MANAGER, REVIEWER } = Role;
const studio = (): Rule => ({ module: 'Studios', who: [STUDIO_MANAGER], owner: 'studio: its manager (or an ADMIN)' });
const studioDecision: Rule = { module: 'Studios', who: [REVIEWER], owner: 'not on a studio of the decider’s own enterprise, nor one they manage (userError CONFLICT_OF_INTEREST)' };

/** Drill passes go out through the drill's organizer or the enterprise's own contact (src/drills/taking/pass.service.ts assertMayIssue). */
const drillPasses: Rule = { module: 'Drill taking', who: [ORGANIZER, Role.NOMINATOR], owner: 'ORGANIZER: the drill’s own organizer; NOMINATOR: only for the enterprise that is their scope; FORBIDDEN otherwise (test/drills/taking.test.ts)' };
/** A drill token's own attempts; no user token serves (test/drills/taking.test.ts walks every other operation with a drill token). */
const drillTaker: Rule = { module: 'Drill taking', who: 'DRILL_TAKER', owner: 'a drill token (enterDrill): only its own worker’s attempts in its own drill (userError NOT_FOUND for anyone else’s)' };

const appraisalRunner: Rule = { module: 'Skill appraisal', who: [Role.APPRAISER], owner: 'an APPRAISER whose enterprise scope is the session’s appraisal body (or an ADMIN)' };

const projectOwner = (): Rule => ({ module: 'Incubation', who: [STUDIO_MANAGER, ORGANIZER], owner: 'project: its creator or its studio’s manager (or an ADMIN)' });

/** Chief technicians and allowance standards (src/talent/access.ts): a NOMINATOR acts for their own enterprise only. */
const talent: Rule = { module: 'Talent', who: [ORGANIZER, Role.NOMINATOR], owner: 'NOMINATOR: only for the enterprise that is their scope (User.enterprise); FORBIDDEN otherwise (test/talent/chief-technicians.test.ts)' };

export const MUTATIONS: Record<string, Rule> = {
  // Accounts
  login: { module: 'Accounts', who: 'PUBLIC' },
  changePassword: { module: 'Accounts', who: 'AUTHENTICATED', owner: 'the logged-in user (own password only)' },
  renewToken: { module: 'Accounts', who: 'AUTHENTICATED', owner: 'the bearer token of the request itself, while it still serves' },
  createUser: { module: 'Accounts', who: [ADMIN] },
  updateUserRoles: { module: 'Accounts', who: [ADMIN] },
  linkUserToWorker: { module: 'Accounts', who: [ADMIN] },
  setUserEnterprise: { module: 'Accounts', who: [ADMIN] },
  disableUser: { module: 'Accounts', who: [ADMIN] },
  enableUser: { module: 'Accounts', who: [ADMIN] },
  clearLoginLockout: { module: 'Accounts', who: [ADMIN] },
  // Registry
  createEnterprise: { module: 'Registry', who: ORGANIZERS },
  updateEnterprise: { module: 'Registry', who: ORGANIZERS },
  createWorker: { module: 'Registry', who: ORGANIZERS },
  updateWorker: { module: 'Registry', who: ORGANIZERS },
  importWorkers: { module: 'Registry', who: ORGANIZERS },
  grantHonor: { module: 'Registry', who: ORGANIZERS },
  recordSkillLevelChange: { module: 'Registry', who: ORGANIZERS },
  // Talent
  designateChiefTechnician: talent,
  endChiefTechnicianTerm: talent,
  recordSkillAllowanceStandard: talent,
  // Competitions
  createCompetition: { module: 'Competitions', who: ORGANIZERS },
  updateCompetition: competition(),
  extendRegistrationDeadline: competition(),
  openRegistration: competition(),
  closeRegistration: competition(),
  startCompetition: competition(),
  closeScoring: competition(),
  reopenScoring: competition(),
  closeStageMarking: competition(),
  acceptMarkingGap: { module: 'Competitions', who: [JUDGE], notForAdmin: true, owner: 'the competition’s chief judge (裁判长: an active panel seat with the chief flag); not its organizer, not an ADMIN — tested in test/competitions/complete-marking.test.ts' },
  cancelCompetition: competition(),
  finalizeCompetition: competition(),
  createResultsDownload: competition(),
  addStage: competition(),
  updateStage: competition(),
  removeStage: competition(),
  addCriterion: competition(),
  updateCriterion: competition(),
  removeCriterion: competition(),
  registerEntry: competition(),
  withdrawEntry: competition(),
  disqualifyEntry: competition(),
  markEntryAbsent: competition(),
  drawLots: competition(),
  assignJudge: competition(),
  unassignJudge: competition(),
  appointOfficial: competition(),
  relieveOfficial: competition(),
  freezeLeaderboard: competition(),
  unfreezeLeaderboard: competition(),
  submitScore: { module: 'Competitions', who: [JUDGE], owner: 'panel', notForAdmin: true },
  // No role grants it: a duty does (who: [] and notForAdmin make every role's line read `forbidden`).
  issueMarkingCodes: { module: 'Competitions', who: [], notForAdmin: true, owner: 'the competition’s encryption officer (加密裁判), whatever their role; never its organizer, an ADMIN, its chief judge or its judges (test/competitions/anonymous-marking.test.ts)' },
  requestScoreCorrection: { module: 'Competitions', who: [JUDGE], owner: 'the judge of that mark, on the panel of its stage (FORBIDDEN otherwise); only once the panel’s marks on the entry are visible to them', notForAdmin: true },
  decideScoreCorrection: { module: 'Competitions', who: [JUDGE], owner: 'the competition’s chief judge on the panel now (FORBIDDEN for anyone else, its organizer and ADMIN included)', notForAdmin: true },
  signOffStage: { module: 'Competitions', who: [JUDGE], notForAdmin: true, owner: 'the competition’s chief judge (裁判长) on the panel now; not its organizer, nor an ADMIN unless the ADMIN is that chief judge (test/competitions/sign-off.test.ts)' },
  publishResults: competition(),
  fileAppeal: {
    module: 'Competitions', who: ORGANIZERS,
    owner: 'the competition’s organizer (or an ADMIN) on the entrant’s behalf, or — whatever their role — the entrant (a user linked to a worker of the entry) or their team leader (an active TEAM_LEADER for the entry’s enterprise) (test/competitions/appeals.test.ts)',
  },
  ruleOnAppeal: {
    module: 'Competitions', who: [], notForAdmin: true,
    owner: 'whatever their role, an active ARBITRATOR (监督仲裁) of the competition; one who ever judged the contested stage or works for the entrant’s enterprise gets CONFLICT_OF_INTEREST (test/competitions/appeals.test.ts)',
  },
  submitAppealMark: { module: 'Competitions', who: [], notForAdmin: true, owner: 'a JUDGE named by the upheld appeal’s ruling to re-mark it (test/competitions/appeals.test.ts)' },
  createScoreSheetPrintLink: { module: 'Competitions', who: [JUDGE, ORGANIZER], owner: 'the competition’s chief judge on the panel now, or its organizer (or an ADMIN) not judging it (test/competitions/score-sheet-print.test.ts)' },
  drawRecheckSample: competition(),
  confirmRecheckMark: recheck,
  correctRecheckMark: recheck,
  // Studios and innovations
  applyForStudio: { module: 'Studios', who: [STUDIO_MANAGER] },
  updateStudio: studio(),
  resubmitStudio: studio(),
  reviewStudio: studioDecision,
  reevaluateStudio: studioDecision,
  addStudioMember: studio(),
  removeStudioMember: studio(),
  submitStudioReport: studio(),
  registerInnovation: studio(),
  // Advanced operating methods (先进操作法)
  submitOperatingMethod: { module: 'Operating methods', who: [STUDIO_MANAGER], owner: 'studio (when one is given): its manager (or an ADMIN)' },
  assignMethodReviewers: { module: 'Operating methods', who: [ADMIN] },
  removeMethodReviewer: { module: 'Operating methods', who: [ADMIN] },
  reviewOperatingMethod: { module: 'Operating methods', who: [REVIEWER], notForAdmin: true, owner: 'a REVIEWER assigned to the method (an ADMIN is no reviewer and cannot be assigned); never one from an enterprise of its inventors or studio (userError CONFLICT_OF_INTEREST)' },
  nameOperatingMethod: { module: 'Operating methods', who: [ADMIN] },
  rejectOperatingMethod: { module: 'Operating methods', who: [ADMIN] },
  recordMethodAdoption: { module: 'Operating methods', who: [ORGANIZER] },
  // Incubation
  createIncubationProject: { module: 'Incubation', who: [STUDIO_MANAGER, ORGANIZER], owner: 'a STUDIO_MANAGER only for a studio they manage' },
  advanceProject: { module: 'Incubation', who: [REVIEWER], owner: 'not the project’s own creator or studio manager, nor from the lead worker’s enterprise (CONFLICT_OF_INTEREST)' },
  addProjectPartner: projectOwner(),
  updateProjectPartner: projectOwner(),
  removeProjectPartner: projectOwner(),
  recordFunding: projectOwner(),
  addMilestone: projectOwner(),
  updateProjectMilestone: projectOwner(),
  removeProjectMilestone: projectOwner(),
  completeMilestone: projectOwner(),
  // Showcase (ownership tested in test/showcase)
  createExhibition: { module: 'Showcase', who: ORGANIZERS },
  updateExhibition: { module: 'Showcase', who: ORGANIZERS, owner: 'the exhibition’s organizer (or an ADMIN)' },
  addExhibit: { module: 'Showcase', who: ORGANIZERS, owner: 'the exhibition’s organizer (or an ADMIN)' },
  removeExhibit: { module: 'Showcase', who: ORGANIZERS, owner: 'the exhibition’s organizer (or an ADMIN)' },
  createAlliance: { module: 'Showcase', who: ORGANIZERS },
  updateAlliance: { module: 'Showcase', who: ORGANIZERS, owner: 'the alliance’s organizer (or an ADMIN)' },
  joinAlliance: { module: 'Showcase', who: [STUDIO_MANAGER], owner: 'the studio’s manager (or an ADMIN)' },
  leaveAlliance: { module: 'Showcase', who: [STUDIO_MANAGER], owner: 'the studio’s manager (or an ADMIN)' },
  // Skill appraisal (技能等级认定; ownership tested in test/appraisal/appraisal.test.ts)
  recordAppraisalBody: { module: 'Skill appraisal', who: [ADMIN] },
  suspendAppraisalBody: { module: 'Skill appraisal', who: [ADMIN] },
  reinstateAppraisalBody: { module: 'Skill appraisal', who: [ADMIN] },
  updateAppraisalBody: { module: 'Skill appraisal', who: [ADMIN] },
  updateAppraisalEligibilityRule: { module: 'Skill appraisal', who: [ADMIN] },
  removeAppraisalCandidate: { ...appraisalRunner, owner: `${appraisalRunner.owner}; only before any assessor marked the candidate (test/appraisal/edits.test.ts)` },
  removeAppraisalAssessor: { ...appraisalRunner, owner: `${appraisalRunner.owner}; only before the assessor marked anyone in it (test/appraisal/edits.test.ts)` },
  createAppraisalSession: appraisalRunner,
  configureAppraisalSession: appraisalRunner,
  addAppraisalCandidate: appraisalRunner,
  addAppraisalAssessor: appraisalRunner,
  closeAppraisalSession: appraisalRunner,
  enterAppraisalMarks: { module: 'Skill appraisal', who: [Role.APPRAISER], owner: 'an assessor named on the session (userError FORBIDDEN otherwise, an ADMIN too); in an external session never for a candidate of their own enterprise (CONFLICT_OF_INTEREST)', notForAdmin: true },
  sampleAppraisalSession: { module: 'Skill appraisal', who: [Role.INSPECTOR] },
  annulAppraisalSession: { module: 'Skill appraisal', who: [Role.INSPECTOR] },
  resolveAppraisalFlag: { module: 'Skill appraisal', who: [ADMIN] },
};

/** Queries that refuse some callers outright (the others are public, with per-field rules tested in their modules). */
const campaignRunner = 'campaign: its organizer (who opened it) or an ADMIN (test/honors/denials.test.ts)';
Object.assign(MUTATIONS, {
  // Honor campaigns (issue 15 §1)
  openHonorCampaign: { module: 'Honor campaigns', who: [ORGANIZER] },
  closeNominations: { module: 'Honor campaigns', who: [ORGANIZER], owner: campaignRunner },
  cancelHonorCampaign: { module: 'Honor campaigns', who: [ORGANIZER], owner: campaignRunner },
  nominateForHonor: { module: 'Honor campaigns', who: [ORGANIZER, Role.NOMINATOR], owner: 'a NOMINATOR only for workers of their own enterprise scope (User.enterprise)' },
  scoreNomination: { module: 'Honor campaigns', who: [REVIEWER], owner: 'a REVIEWER on the campaign’s panel; never for a nominee of their own enterprise (userError CONFLICT_OF_INTEREST)', notForAdmin: true },
  recordVettingClearance: { module: 'Honor campaigns', who: [ORGANIZER], owner: campaignRunner },
  publishShortlist: { module: 'Honor campaigns', who: [ORGANIZER], owner: campaignRunner },
  createNominationPrintLink: { module: 'Honor campaigns', who: [ORGANIZER, Role.NOMINATOR], owner: 'its nominator, a NOMINATOR of its enterprise, or its campaign’s organizer (or an ADMIN) (test/honors/nomination-print.test.ts)' },
  lodgeObjection: { module: 'Honor campaigns', who: 'AUTHENTICATED' },
  resolveObjection: { module: 'Honor campaigns', who: [ORGANIZER], owner: campaignRunner },
  concludeHonorCampaign: { module: 'Honor campaigns', who: [ORGANIZER], owner: campaignRunner },
  revokeHonor: { module: 'Honor campaigns', who: [ORGANIZER] },
  setCalendarDay: { module: 'Honor campaigns', who: [ADMIN] },
  removeCalendarDay: { module: 'Honor campaigns', who: [ADMIN] },
  // Drill taking (src/drills/taking)
  issueDrillPasses: drillPasses,
  reissueDrillPass: drillPasses,
  drawDrillPapers: { module: 'Drill taking', who: [ORGANIZER], owner: 'the drill’s own organizer (or an ADMIN); FORBIDDEN otherwise (test/drills/taking.test.ts)' },
  enterDrill: { module: 'Drill taking', who: 'PUBLIC', owner: 'a pass and the worker’s employee number (wrong ones: INVALID_CREDENTIALS; throttled per address)' },
  enterDrillAsWorker: { module: 'Drill taking', who: 'AUTHENTICATED', owner: 'a user linked to a worker holding a live pass for the drill (userError NOT_ELIGIBLE otherwise)' },
  startAttempt: drillTaker,
  saveAnswer: drillTaker,
  submitAttempt: drillTaker,
} satisfies Record<string, Rule>);

// Online drills (issue 16): the question bank (src/drills/access.ts) — kept and read by ORGANIZER, REVIEWER, ADMIN.
const bank = (): Rule => ({ module: 'Online drills', who: [ORGANIZER] });
const drillRunner = 'drill: its organizer (who created it) or an ADMIN (test/drills/setup.test.ts)';
Object.assign(MUTATIONS, {
  createQuestion: bank(),
  updateQuestion: bank(),
  retireQuestion: bank(),
  importQuestions: bank(),
  approveQuestion: { module: 'Online drills', who: [REVIEWER], owner: 'never a question the approver wrote (userError CONFLICT_OF_INTEREST; test/drills/bank.test.ts)' },
  createDrill: { module: 'Online drills', who: [ORGANIZER] },
  updateDrill: { module: 'Online drills', who: [ORGANIZER], owner: drillRunner },
  publishDrill: { module: 'Online drills', who: [ORGANIZER], owner: drillRunner },
  cancelDrill: { module: 'Online drills', who: [ORGANIZER], owner: drillRunner },
} satisfies Record<string, Rule>);
// Drill operations (issue 16, "When things go wrong"; src/drills/taking/ops.*): the drill's runner only.
Object.assign(MUTATIONS, {
  extendDrillDeadline: { module: 'Drill taking', who: [ORGANIZER], owner: 'the drill’s own organizer (or an ADMIN); FORBIDDEN otherwise (test/drills/ops.test.ts)' },
  voidDrillAttempt: { module: 'Drill taking', who: [ORGANIZER], owner: 'the drill’s own organizer (or an ADMIN); FORBIDDEN otherwise (test/drills/ops.test.ts)' },
} satisfies Record<string, Rule>);
// A competition's theory stage filled from a drill (issue 16, "Results"; src/drills/theory): both owners at once.
const theoryStage = 'the competition’s own organizer who also runs the drill (its organizer), or an ADMIN; FORBIDDEN otherwise (test/drills/theory-stage.test.ts)';
Object.assign(MUTATIONS, {
  linkStageToDrill: { module: 'Online drills', who: [ORGANIZER], owner: theoryStage },
  unlinkStageFromDrill: { module: 'Online drills', who: [ORGANIZER], owner: theoryStage },
  fillStageFromDrill: { module: 'Online drills', who: [ORGANIZER], owner: theoryStage },
} satisfies Record<string, Rule>);

export const PRIVATE_QUERIES: Record<string, Rule> = {
  users: { module: 'Accounts', who: [ADMIN] },
  efficacyReport: { module: 'Competitions', who: ORGANIZERS },
  appraisalSessions: { module: 'Skill appraisal', who: [ORGANIZER, Role.APPRAISER, Role.INSPECTOR] },
  appraisalFlags: { module: 'Skill appraisal', who: [Role.INSPECTOR] },
  myDrillAttempts: drillTaker,
};
// Online drills (issue 16): the question bank is read by its keepers only.
Object.assign(PRIVATE_QUERIES, {
  questions: { module: 'Online drills', who: [ORGANIZER, REVIEWER] },
  questionsCsv: { module: 'Online drills', who: [ORGANIZER, REVIEWER] },
} satisfies Record<string, Rule>);

/** Roles a caller is tested with, one role per user. */
export const ROLES: readonly Role[] = [Role.ADMIN, Role.ORGANIZER, Role.JUDGE, Role.STUDIO_MANAGER, Role.REVIEWER, Role.NOMINATOR, Role.APPRAISER, Role.INSPECTOR];

export type Outcome = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'allowed';

export function expected(rule: Rule, role: Role | null): Outcome {
  if (rule.who === 'PUBLIC') return 'allowed';
  if (role === null || rule.who === 'DRILL_TAKER') return 'UNAUTHENTICATED';
  if (role === Role.ADMIN && rule.notForAdmin) return 'FORBIDDEN';
  if (rule.who === 'AUTHENTICATED' || role === Role.ADMIN || rule.who.includes(role)) return 'allowed';
  return 'FORBIDDEN';
}

const cell = (o: Outcome) => (o === 'allowed' ? '✓' : o === 'FORBIDDEN' ? 'forbidden' : 'login');

/**
 * Reads inside one competition depend on where the viewer sits in it, not on a role alone
 * (src/competitions/access.ts, standingFrom); tested in test/competitions/jury-view.test.ts.
 */
const JURY_VIEW = [
  '## Reads inside a competition',
  '',
  '| viewer | leaderboard while frozen | names of entries | marks (`scoreSheet`, `node`, `scoreSubmitted`) | panel (`judges`) | `scoreLog`, results CSV |',
  '|---|---|---|---|---|---|',
  '| its own organizer, ADMIN (not judging it) | live | ✓ | all | ✓ | ✓ |',
  '| its chief judge (on the panel now) | live | hidden until FINALIZED | all | ✓ | CSV no; `scoreLog` needs ORGANIZER |',
  '| a judge on its panel (whatever other roles) | frozen | hidden until FINALIZED | the stages they judge: their own marks, and the panel’s (without names) on an entry they have marked completely or once the stage’s marking is closed | ✓ | forbidden |',
  '| a judge removed from its panel | frozen | hidden until FINALIZED | none | null | forbidden |',
  '| an ORGANIZER of another competition, anyone else | frozen | ✓ | none | null | forbidden |',
  '',
  'Open `leaderboardUpdated`, `leaderboardChanged` and `scoreSubmitted` subscriptions re-check this per event: a judge removed',
  'mid-subscription gets the public board (or no more marks) from the next event on (`leaderboardChanged`: whole, as after any change of role).',
  '',
  'Correction requests (`scoreCorrectionRequests`): the jury (its own organizer, ADMIN, its chief judge); `node(id:)` also the requesting judge.',
  '',
  'Stage sign-offs (`Stage.signOff`, `Competition.signOffs`, `Competition.unsignedStages`, `node()`): public, digest',
  'included, so anyone can check published results against them; `StageSignOff.signedBy` only for those who see the panel.',
  'The printed score sheet opens only through a one-time link from `createScoreSheetPrintLink`.',
  '`judgeReport` (the judge marking-pattern report, with judges by name) follows the same standing: its own organizer',
  'and ADMIN (not judging it) and its chief judge now on the panel read it; anyone else logged in gets FORBIDDEN',
  '(its judges, removed ones, an ORGANIZER of another competition), anonymous viewers UNAUTHENTICATED',
  '(tested in test/competitions/judge-report.test.ts).',
  '',
  '`markingGapAcceptances` (missing marks the chief judge accepted, issue 12 §3): its own organizer, ADMIN and its chief judge',
  'on the panel now; null for everyone else (test/competitions/complete-marking.test.ts).',
  'The re-check sample (`recheckSample`, its items through `node`) is read by the competition’s organizer, ADMIN and',
  'chief judge, and by its arbitrators (监督仲裁, the re-checkers); anyone else gets FORBIDDEN (null from `node`).',
  'Appeals (`Competition.appeals`, `node()`; src/competitions/appeals/appeal-access.ts): its organizer (or an ADMIN) and its',
  'arbitrators read every appeal in full (not its judges, the chief judge included: they stay anonymized until FINALIZED);',
  'the entrant and their team leader (and whoever filed it) read theirs, grounds and ruling reason included, not who filed or ruled;',
  'a judge named to re-mark reads the contested marks and the ruling’s reason, not the grounds; once the',
  'competition is FINALIZED, everyone reads every appeal’s outcome (entry, stage, criterion, status, ruling, times), not its',
  'grounds or reasons. Leaderboard rows show `changedOnAppeal` publicly once an upheld appeal’s re-marks changed a mark.',
  '',
  '## Anonymous stages (加密评分)',
  '',
  'See docs/anonymous-marking.md for the reasoning. In a stage with `anonymous: true`:',
  '',
  '| viewer | code map (`Stage.markingCodes`) | own marking list (`Stage.myMarkingList`) | a mark’s entry (`Score.entry`, `scoreSheet` lines) | the stage’s scores on the board while its marking is open |',
  '|---|---|---|---|---|',
  '| its encryption officer | ✓ | null | no marks at all | public board |',
  '| its own organizer, ADMIN | after the stage’s sign-off | null | ✓ (never the code) | ✓ |',
  '| its chief judge (on the panel now) | after the stage’s sign-off | null (the chief does not mark by code) | ✓ (never the code) | ✓ |',
  '| a judge of the stage | never | ✓, without entries they may not mark | null until FINALIZED (the code, to the judge who gave the mark) | held back |',
  '| anyone else | never | null | no marks at all | held back |',
  '',
];

/** docs/authorization.md */
export function renderMatrix(): string {
  const head = ['operation', 'anonymous', ...ROLES, 'ownership checked in the service'];
  const lines = [
    '# Authorization matrix',
    '',
    'Generated from `test/authz/matrix.ts`, which `test/authz/authorization.test.ts` checks against the running',
    'server for every mutation and private query in the schema (a new one without a line fails the test).',
    '✓ = allowed: called with valid input naming objects the caller owns, it runs (a userError is fine, a GraphQL error is not);',
    '`login` = UNAUTHENTICATED; `forbidden` = FORBIDDEN. ADMIN holds every role and passes every ownership check unless the line says otherwise.',
    'Ownership: *competition* = the organizer who created it (or an ADMIN); *panel* = a judge assigned to that stage (never an ADMIN).',
    '',
    'Roles added by issue 15: NOMINATOR (企业推荐人) nominates workers of their own enterprise for honor campaigns and needs an',
    'enterprise scope (`User.enterprise`, set by an ADMIN with `createUser` or `setUserEnterprise`); APPRAISER (评价机构人员) runs',
    'the appraisal sessions of the appraisal body that is their enterprise scope and enters marks as an assessor; INSPECTOR (市级督导)',
    'samples appraisal sessions’ results and annuls them. A user without an enterprise scope is city-wide.',
    'Chief technicians (`Enterprise.chiefTechnicians`, `node`) are read by registry readers and the enterprise’s own NOMINATOR',
    '(null otherwise); skill allowance standards are public.',
    '',
    'Drill takers (issue 16) have no account: `enterDrill` exchanges a drill pass and the worker’s employee number for a drill token, which is',
    'no user and holds no role. It serves `startAttempt`, `saveAnswer`, `submitAttempt` and `myDrillAttempts` (its own attempts in its own drill)',
    'and nothing that needs a login (UNAUTHENTICATED); no user token serves those four (`login` in every column below).',
    'An attempt’s score, breakdown, answer keys and explanations are shown only once it is submitted and, for a drill releasing AFTER_WINDOW, its window closed.',
    '',
  ];
  const table = (title: string, rules: Record<string, Rule>) => {
    const modules = [...new Set(Object.values(rules).map((r) => r.module))];
    for (const m of modules) {
      lines.push(`## ${title}: ${m}`, '', `| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`);
      for (const [name, rule] of Object.entries(rules).filter(([, r]) => r.module === m)) {
        lines.push(`| \`${name}\` | ${cell(expected(rule, null))} | ${ROLES.map((r) => cell(expected(rule, r))).join(' | ')} | ${rule.owner ?? ''} |`);
      }
      lines.push('');
    }
  };
  table('Mutations', MUTATIONS);
  table('Private queries', PRIVATE_QUERIES);
  lines.push(...JURY_VIEW);
  return lines.join('\n');
}
