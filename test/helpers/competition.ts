import { Role } from '../../src/auth/role';
import { idOf } from '../../src/common/relay';
import { createEnterprise, createWorker } from './registry';
import { ok, type TestServer } from './server';

/**
 * Builds a competition through the public GraphQL API, as a frontend would: scheme, registration,
 * entries, judges, lots, start. Every ID in the fixture is a global ID except `organizer.id` and
 * `judges[].id` (user uuids, as `t.user` gives them).
 */
export interface CompetitionFixture {
  competitionId: string;
  organizer: { id: string; globalId: string; token: string };
  stages: { id: string; name: string; weight: number; criteria: { id: string; kind: 'MEASUREMENT' | 'JUDGEMENT'; maxScore: number }[] }[];
  entries: { id: string; workerIds: string[]; enterpriseId: string; startNumber: number | null }[];
  judges: { id: string; globalId: string; token: string; enterpriseId: string }[];
  hostEnterpriseId: string;
}

export type Until = 'DRAFT' | 'REGISTRATION_OPEN' | 'REGISTRATION_CLOSED' | 'IN_PROGRESS';

export interface SetupOptions {
  /** Default 3, each one worker (or teamSize workers) from its own new enterprise, trade 焊工, skill SENIOR. */
  entries?: number;
  /** Default 3, each a JUDGE user linked to a worker of one shared "judges' enterprise". */
  judges?: number;
  aggregation?: 'MEAN' | 'TRIMMED_MEAN' | 'MEDIAN';
  stages?: { name: string; weight: number; anonymous?: boolean; criteria: { name?: string; kind: 'MEASUREMENT' | 'JUDGEMENT'; maxScore: number }[] }[];
  /** Default IN_PROGRESS: lots drawn with seed 'test-seed', every judge on every stage. */
  until?: Until;
  prizeTiers?: { prize: string; count?: number; share?: number }[];
  honorTopN?: number;
  promotionTopM?: number;
  level?: string;
  /** Extra options (not in the shared contract, all optional). */
  teamSize?: number;
  title?: string;
  kind?: string;
  /** Where ABSENT entries go: LAST or UNRANKED (the server's default when not given). */
  absentRanking?: 'LAST' | 'UNRANKED';
  /** An organizer to own the competition instead of a new one. */
  organizer?: { id: string; globalId: string; token: string };
}

export const DEFAULT_STAGES: NonNullable<SetupOptions['stages']> = [
  { name: '理论', weight: 30, criteria: [{ kind: 'MEASUREMENT', maxScore: 100 }] },
  { name: '实操', weight: 70, criteria: [{ kind: 'JUDGEMENT', maxScore: 50 }, { kind: 'JUDGEMENT', maxScore: 50 }] },
];

const ORDER: Until[] = ['DRAFT', 'REGISTRATION_OPEN', 'REGISTRATION_CLOSED', 'IN_PROGRESS'];

/** Runs a mutation and fails loudly on GraphQL errors or userErrors; returns the payload. */
export async function mutate(t: TestServer, token: string, name: string, inputType: string, input: Record<string, unknown>, selection: string): Promise<any> {
  const res = ok(await t.gql(`mutation($input: ${inputType}!) { ${name}(input: $input) { ${selection} userErrors { code field message } } }`, { input }, token));
  const payload = res[name];
  if (payload.userErrors.length) throw new Error(`${name}: ${JSON.stringify(payload.userErrors)}`);
  return payload;
}

let seq = 0;

export async function setupCompetition(t: TestServer, opts: SetupOptions = {}): Promise<CompetitionFixture> {
  const n = ++seq;
  const until = opts.until ?? 'IN_PROGRESS';
  const reached = (s: Until) => ORDER.indexOf(until) >= ORDER.indexOf(s);
  const teamSize = opts.teamSize ?? 1;
  const organizer = opts.organizer ?? (await t.user([Role.ORGANIZER]));
  const token = organizer.token;
  const host = await createEnterprise(t, token, { name: `主办企业${n}-${Date.now() % 100000}` });

  const created = await mutate(t, token, 'createCompetition', 'CreateCompetitionInput', {
    title: opts.title ?? `焊工技能大赛 ${n}`,
    description: '测试用竞赛',
    kind: opts.kind ?? 'SKILLS_COMPETITION',
    level: opts.level ?? 'CITY',
    trade: '焊工',
    hostEnterpriseId: host.id,
    // No registration deadline: a fixed one would pass, and registerEntry refuses entries after it.
    startsAt: '2026-05-10T00:00:00.000Z',
    endsAt: '2026-05-12T00:00:00.000Z',
    aggregation: opts.aggregation ?? 'MEAN',
    teamSize,
    ...(opts.prizeTiers ? { prizeTiers: opts.prizeTiers } : {}),
    ...(opts.honorTopN != null ? { honorTopN: opts.honorTopN } : {}),
    ...(opts.promotionTopM != null ? { promotionTopM: opts.promotionTopM } : {}),
    ...(opts.absentRanking ? { absentRanking: opts.absentRanking } : {}),
  }, 'competition { id }');
  const competitionId: string = created.competition.id;

  const stages: CompetitionFixture['stages'] = [];
  for (const s of opts.stages ?? DEFAULT_STAGES) {
    const { stage } = await mutate(t, token, 'addStage', 'AddStageInput', { competitionId, name: s.name, weight: s.weight, ...(s.anonymous ? { anonymous: true } : {}) }, 'stage { id }');
    const criteria: CompetitionFixture['stages'][number]['criteria'] = [];
    for (const [i, c] of s.criteria.entries()) {
      const { criterion } = await mutate(t, token, 'addCriterion', 'AddCriterionInput', {
        stageId: stage.id, name: c.name ?? `${s.name}评分项${i + 1}`, kind: c.kind, maxScore: c.maxScore,
      }, 'criterion { id }');
      criteria.push({ id: criterion.id, kind: c.kind, maxScore: c.maxScore });
    }
    stages.push({ id: stage.id, name: s.name, weight: s.weight, criteria });
  }

  // Judges come from one enterprise of their own, so no entry conflicts with any of them.
  const judges: CompetitionFixture['judges'] = [];
  const judgeCount = opts.judges ?? 3;
  if (judgeCount > 0) {
    const judgesEnterprise = await createEnterprise(t, token, { name: `裁判单位${n}-${Date.now() % 100000}` });
    for (let i = 0; i < judgeCount; i++) {
      const worker = await createWorker(t, token, judgesEnterprise.id, { trade: '焊工', skillLevel: 'SENIOR_TECHNICIAN' });
      const user = await t.user([Role.JUDGE], { workerId: idOf(worker.id, 'Worker')! });
      await mutate(t, token, 'assignJudge', 'AssignJudgeInput', {
        competitionId, userId: user.globalId, stageIds: stages.map((s) => s.id), chief: i === 0,
      }, 'assignment { id }');
      judges.push({ id: user.id, globalId: user.globalId, token: user.token, enterpriseId: judgesEnterprise.id });
    }
  }

  const entries: CompetitionFixture['entries'] = [];
  if (reached('REGISTRATION_OPEN')) {
    await mutate(t, token, 'openRegistration', 'CompetitionTransitionInput', { competitionId }, 'competition { status }');
    for (let i = 0; i < (opts.entries ?? 3); i++) {
      const enterprise = await createEnterprise(t, token, { name: `参赛企业${n}-${i}-${Date.now() % 100000}` });
      const workerIds: string[] = [];
      for (let k = 0; k < teamSize; k++) workerIds.push((await createWorker(t, token, enterprise.id, { trade: '焊工', skillLevel: 'SENIOR' })).id);
      const { entry } = await mutate(t, token, 'registerEntry', 'RegisterEntryInput', {
        competitionId, workerIds, ...(teamSize > 1 ? { teamName: `代表队${n}-${i}` } : {}),
      }, 'entry { id }');
      entries.push({ id: entry.id, workerIds, enterpriseId: enterprise.id, startNumber: null });
    }
  }
  if (reached('REGISTRATION_CLOSED')) {
    await mutate(t, token, 'closeRegistration', 'CompetitionTransitionInput', { competitionId }, 'competition { status }');
  }
  if (reached('IN_PROGRESS')) {
    const drawn = await mutate(t, token, 'drawLots', 'DrawLotsInput', { competitionId, seed: 'test-seed' }, 'entries { id startNumber }');
    const numbers = new Map<string, number>(drawn.entries.map((e: { id: string; startNumber: number }) => [e.id, e.startNumber]));
    for (const e of entries) e.startNumber = numbers.get(e.id) ?? null;
    await mutate(t, token, 'startCompetition', 'CompetitionTransitionInput', { competitionId }, 'competition { status }');
  }

  return { competitionId, organizer: { id: organizer.id, globalId: organizer.globalId, token }, stages, entries, judges, hostEnterpriseId: host.id };
}

/**
 * The chief judge (judges[0] of setupCompetition) accepts the marks missing now, if any, so closeScoring
 * passes over them (issue 12 §3): for tests whose marking is incomplete on purpose.
 */
export async function acceptMissingMarks(t: TestServer, f: Pick<CompetitionFixture, 'competitionId' | 'judges'>, reason = '测试：缺项经裁判长确认'): Promise<void> {
  const res = ok(await t.gql(
    `mutation($input: AcceptMarkingGapInput!) { acceptMarkingGap(input: $input) { userErrors { code field message } } }`,
    { input: { competitionId: f.competitionId, reason } },
    f.judges[0]!.token,
  ));
  const errors = res.acceptMarkingGap.userErrors.filter((e: { message: string }) => !e.message.includes('No marks are missing'));
  if (errors.length) throw new Error(`acceptMarkingGap: ${JSON.stringify(errors)}`);
}

/** The chief judge (the fixture's first judge) signs off the given stages, every stage by default (签字确认). */
export async function signOffStages(t: TestServer, f: CompetitionFixture, stageIds: string[] = f.stages.map((s) => s.id)): Promise<void> {
  for (const stageId of stageIds) await mutate(t, f.judges[0]!.token, 'signOffStage', 'SignOffStageInput', { stageId }, 'signOff { id }');
}

/**
 * From SCORING_CLOSED to RESULTS_PUBLISHED as a contest does it: the chief judge signs every stage,
 * the organizer publishes. The appeal window is `appealWindowMinutes` (default 0: no window, so
 * finalizeCompetition may follow at once).
 */
export async function signOffAndPublish(t: TestServer, f: CompetitionFixture, opts: { appealWindowMinutes?: number } = {}): Promise<void> {
  await mutate(t, f.organizer.token, 'updateCompetition', 'UpdateCompetitionInput', { competitionId: f.competitionId, appealWindowMinutes: opts.appealWindowMinutes ?? 0 }, 'competition { id }');
  await signOffStages(t, f);
  await mutate(t, f.organizer.token, 'publishResults', 'CompetitionTransitionInput', { competitionId: f.competitionId }, 'competition { status }');
}
