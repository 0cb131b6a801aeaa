import { Role } from '../../src/auth/role';
import { idOf } from '../../src/common/relay';
import { ok, type TestServer } from '../helpers/server';
import { mutate, setupCompetition, type CompetitionFixture, type SetupOptions } from '../helpers/competition';
import { createWorker } from '../helpers/registry';

/** A paper judged without the entrant (anonymous) and a practical judged at the station (open). */
export const ANON_STAGES: NonNullable<SetupOptions['stages']> = [
  { name: '理论试卷', weight: 40, anonymous: true, criteria: [{ kind: 'JUDGEMENT', maxScore: 100 }] },
  { name: '实操', weight: 60, criteria: [{ kind: 'JUDGEMENT', maxScore: 50 }] },
];

export type User = { id: string; globalId: string; token: string };

export interface AnonWorld {
  f: CompetitionFixture;
  officer: User;
  /** A judge whose enterprise is entry 0's: may not mark it. */
  conflicted: User;
  paper: string;
  practical: string;
}

export const CODES = `query($id: ID!) { node(id: $id) { ... on Stage { markingCodes(first: 50) { totalCount nodes { markingId code startNumber issuedAt entry { id } } } } } }`;
export const LIST = `query($id: ID!) { node(id: $id) { ... on Stage { myMarkingList(first: 50) { totalCount edges { cursor } nodes { markingId code complete marks { id value markingCode entry { id } } } } } } }`;
export const ISSUE = `mutation($input: IssueMarkingCodesInput!) { issueMarkingCodes(input: $input) { issuedCount totalCount stage { id } userErrors { code field message } } }`;
export const SUBMIT = `mutation($input: SubmitScoreInput!) { submitScore(input: $input) { score { id value markingId markingCode entry { id startNumber } } userErrors { code field message } } }`;

/** IN_PROGRESS, three entries, the chief judge and two judges on both stages, a conflicted judge, an encryption officer; no codes yet. */
export async function anonymousWorld(t: TestServer, opts: SetupOptions = {}): Promise<AnonWorld> {
  const f = await setupCompetition(t, { stages: ANON_STAGES, entries: 3, judges: 3, ...opts });
  const officer = await t.user([Role.JUDGE]);
  await mutate(t, f.organizer.token, 'appointOfficial', 'AppointOfficialInput', {
    competitionId: f.competitionId, userId: officer.globalId, duty: 'ENCRYPTION_OFFICER', reason: '赛前指定',
  }, 'official { id }');
  const worker = await createWorker(t, f.organizer.token, f.entries[0]!.enterpriseId, { trade: '焊工', skillLevel: 'SENIOR_TECHNICIAN' });
  const conflicted = await t.user([Role.JUDGE], { workerId: idOf(worker.id, 'Worker')! });
  await mutate(t, f.organizer.token, 'assignJudge', 'AssignJudgeInput', {
    competitionId: f.competitionId, userId: conflicted.globalId, stageIds: f.stages.map((s) => s.id), ...(opts.until && opts.until !== 'IN_PROGRESS' ? {} : { reason: '补充裁判' }),
  }, 'assignment { id }');
  return { f, officer, conflicted, paper: f.stages[0]!.id, practical: f.stages[1]!.id };
}

export async function issue(t: TestServer, w: AnonWorld, token = w.officer.token) {
  return ok(await t.gql(ISSUE, { input: { stageId: w.paper } }, token)).issueMarkingCodes;
}

export type CodeRow = { markingId: string; code: string; startNumber: number; entry: { id: string } };

export async function codeMap(t: TestServer, stageId: string, token: string | null): Promise<{ totalCount: number; nodes: CodeRow[] } | null> {
  return ok(await t.gql(CODES, { id: stageId }, token)).node.markingCodes;
}

export async function markingList(t: TestServer, stageId: string, token: string) {
  return ok(await t.gql(LIST, { id: stageId }, token)).node.myMarkingList;
}

export async function submit(t: TestServer, token: string, input: Record<string, unknown>) {
  return ok(await t.gql(SUBMIT, { input }, token)).submitScore;
}

/** Closes scoring and has the chief judge sign the stage off (signOffStage), which decrypts its code map for the jury. */
export async function signOff(t: TestServer, w: AnonWorld, stageId: string): Promise<void> {
  await mutate(t, w.f.organizer.token, 'closeScoring', 'CompetitionTransitionInput', { competitionId: w.f.competitionId }, 'competition { id }');
  await mutate(t, w.f.judges[0]!.token, 'signOffStage', 'SignOffStageInput', { stageId }, 'signOff { id }');
}
