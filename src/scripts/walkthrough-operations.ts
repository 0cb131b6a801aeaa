/**
 * The GraphQL operations of the organizer walkthrough (src/scripts/organizer-walkthrough.ts), one named
 * constant each, in the order an organizer's app uses them. docs/organizer-walkthrough.md points here
 * as the example operations of a whole competition; a rename in the schema touches this file only.
 * Every mutation asks for `userErrors { code field message }`: the walkthrough fails on any of them.
 */

const USER_ERRORS = 'userErrors { code field message }';

// ── Session ───────────────────────────────────────────────────────────────────────────────────────
export const LOGIN = `mutation Login($input: LoginInput!) {
  login(input: $input) { token expiresAt viewer { id displayName roles } ${USER_ERRORS} } }`;

// ── Registry and users (an ADMIN) ─────────────────────────────────────────────────────────────────
export const CREATE_ENTERPRISE = `mutation CreateEnterprise($input: CreateEnterpriseInput!) {
  createEnterprise(input: $input) { enterprise { id name } ${USER_ERRORS} } }`;
export const CREATE_WORKER = `mutation CreateWorker($input: CreateWorkerInput!) {
  createWorker(input: $input) { worker { id name skillLevel } ${USER_ERRORS} } }`;
export const CREATE_USER = `mutation CreateUser($input: CreateUserInput!) {
  createUser(input: $input) { user { id email roles } ${USER_ERRORS} } }`;

// ── Competition setup (the ORGANIZER) ─────────────────────────────────────────────────────────────
export const CREATE_COMPETITION = `mutation CreateCompetition($input: CreateCompetitionInput!) {
  createCompetition(input: $input) { competition { id title status appealWindowMinutes } ${USER_ERRORS} } }`;
export const ADD_STAGE = `mutation AddStage($input: AddStageInput!) {
  addStage(input: $input) { stage { id name weight } ${USER_ERRORS} } }`;
export const ADD_CRITERION = `mutation AddCriterion($input: AddCriterionInput!) {
  addCriterion(input: $input) { criterion { id name kind maxScore } ${USER_ERRORS} } }`;
export const ASSIGN_JUDGE = `mutation AssignJudge($input: AssignJudgeInput!) {
  assignJudge(input: $input) { assignment { id chief } conflictedEntries { id } ${USER_ERRORS} } }`;
export const APPOINT_OFFICIAL = `mutation AppointOfficial($input: AppointOfficialInput!) {
  appointOfficial(input: $input) { official { id duty } ${USER_ERRORS} } }`;

// ── Lifecycle (the ORGANIZER); every move takes CompetitionTransitionInput ───────────────────────────
export const OPEN_REGISTRATION = `mutation OpenRegistration($input: CompetitionTransitionInput!) {
  openRegistration(input: $input) { competition { id status } ${USER_ERRORS} } }`;
export const REGISTER_ENTRY = `mutation RegisterEntry($input: RegisterEntryInput!) {
  registerEntry(input: $input) { entry { id displayName } ${USER_ERRORS} } }`;
export const CLOSE_REGISTRATION = `mutation CloseRegistration($input: CompetitionTransitionInput!) {
  closeRegistration(input: $input) { competition { id status } ${USER_ERRORS} } }`;
export const DRAW_LOTS = `mutation DrawLots($input: DrawLotsInput!) {
  drawLots(input: $input) { competition { entries(first: 100, filter: { status: ACTIVE }) { nodes { id startNumber station } } } ${USER_ERRORS} } }`;
export const START_COMPETITION = `mutation StartCompetition($input: CompetitionTransitionInput!) {
  startCompetition(input: $input) { competition { id status } ${USER_ERRORS} } }`;

// ── The judge's tablet (a JUDGE) ──────────────────────────────────────────────────────────────────
/** What a judge marks: the stages and criteria, and the entries in start order. */
export const JUDGE_SHEET = `query JudgeSheet($id: ID!) {
  competition(id: $id) {
    id status
    stages { id name anonymous criteria { id name kind maxScore } }
    entries(first: 100) { totalCount nodes { id startNumber station anonymized displayName } }
  } }`;
export const SUBMIT_SCORE = `mutation SubmitScore($input: SubmitScoreInput!) {
  submitScore(input: $input) { score { id value } replayed leaderboardVersion ${USER_ERRORS} } }`;

// ── Closing, sign-off, publication, appeals, finalization ─────────────────────────────────────────
export const CLOSE_SCORING = `mutation CloseScoring($input: CompetitionTransitionInput!) {
  closeScoring(input: $input) { competition { id status } ${USER_ERRORS} } }`;
export const SIGN_OFF_STAGE = `mutation SignOffStage($input: SignOffStageInput!) {
  signOffStage(input: $input) { signOff { id digest valid } ${USER_ERRORS} } }`;
export const PUBLISH_RESULTS = `mutation PublishResults($input: CompetitionTransitionInput!) {
  publishResults(input: $input) { competition { id status resultsPublishedAt appealWindowClosesAt appealWindowOpen } ${USER_ERRORS} } }`;
/** The appeal window (申诉期) as the server sees it: no mutation closes it, time does. */
export const APPEAL_WINDOW = `query AppealWindow($id: ID!) {
  competition(id: $id) { id status appealWindowOpen appealWindowClosesAt unsignedStages { id } } }`;
export const FINALIZE_COMPETITION = `mutation FinalizeCompetition($input: CompetitionTransitionInput!) {
  finalizeCompetition(input: $input) { competition { id status finalizedAt } ${USER_ERRORS} } }`;
export const CREATE_RESULTS_DOWNLOAD = `mutation CreateResultsDownload($input: CreateResultsDownloadInput!) {
  createResultsDownload(input: $input) { url expiresAt ${USER_ERRORS} } }`;
