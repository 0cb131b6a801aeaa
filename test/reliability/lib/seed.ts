import { idOf, toGlobalId } from '../../../src/common/relay';
import { TokenService } from '../../../src/auth/tokens';
import { createEnterprise, importWorkers, workerIds } from '../../../bench/lib/seed';
import { gql, login, must } from '../../../bench/lib/gql';
import { ADMIN, JWT_SECRET } from './server-process';

export interface SeededCriterion {
  id: string;
  kind: 'MEASUREMENT' | 'JUDGEMENT';
  maxScore: number;
}

export interface Seeded {
  competitionId: string;
  organizerToken: string;
  judges: { userId: string; token: string }[];
  entryIds: string[];
  criteria: SeededCriterion[];
}

const tokens = new TokenService(JWT_SECRET, 12 * 3600);

/** Tokens are signed here with the server's secret: a hundred logins would only test login throttling. */
async function createUser(url: string, admin: string, roles: string[], label: string, workerId?: string): Promise<{ userId: string; token: string }> {
  const d = await gql(url, `mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } userErrors { message } } }`, {
    i: { email: `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`, displayName: label, password: 'reliability-pass', roles, ...(workerId ? { workerId } : {}) },
  }, admin);
  const userId = idOf(must(d.createUser, 'createUser').user.id, 'User')!;
  return { userId, token: await tokens.issue({ userId, tokenVersion: 0 }) };
}

async function inBatches<T, R>(items: T[], size: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map((x, k) => fn(x, i + k)))));
  return out;
}

/**
 * A competition built through the public API: `entries` workers from 5 enterprises, 3 stages
 * (20/30/50), `criteria` criteria of which every fifth is MEASUREMENT, `judges` judges (each a user of
 * its own, so per-user limits see a hundred users) on every stage, started and taking marks.
 */
export async function seedCompetition(url: string, opts: { entries: number; criteria: number; judges: number; aggregation?: string }): Promise<Seeded> {
  const admin = await login(url, ADMIN.email, ADMIN.password);
  const organizer = await createUser(url, admin, ['ORGANIZER'], 'organizer');
  const judgeEnterprise = await createEnterprise(url, admin, `裁判单位${Date.now()}`, 'STATE_OWNED');
  await importWorkers(url, admin, judgeEnterprise, opts.judges, `裁判-`);
  const judgeWorkers = await workerIds(url, admin, judgeEnterprise);
  const judges = await inBatches(judgeWorkers.slice(0, opts.judges), 10, (w, j) => createUser(url, admin, ['JUDGE'], `judge${j}`, w));
  const competitors: string[] = [];
  const perEnterprise = Math.ceil(opts.entries / 5);
  for (let e = 0; e < 5 && competitors.length < opts.entries; e++) {
    const ent = await createEnterprise(url, admin, `参赛企业${Date.now()}-${e}`, 'PRIVATE');
    await importWorkers(url, admin, ent, perEnterprise, `选手${e}-`);
    competitors.push(...(await workerIds(url, admin, ent)));
  }
  const org = organizer.token;
  const c = await gql(url, `mutation($i: CreateCompetitionInput!) { createCompetition(input: $i) { competition { id } userErrors { message } } }`, {
    i: { title: '焊工技能大赛（可靠性测试）', kind: 'SKILLS_COMPETITION', level: 'CITY', trade: '焊工', startsAt: new Date(Date.now() + 86_400_000).toISOString(), endsAt: new Date(Date.now() + 2 * 86_400_000).toISOString(), aggregation: opts.aggregation ?? 'TRIMMED_MEAN' },
  }, org);
  const competitionId = must(c.createCompetition, 'createCompetition').competition.id;
  const criteria: SeededCriterion[] = [];
  const stageIds: string[] = [];
  for (let s = 0; s < 3; s++) {
    const st = await gql(url, `mutation($i: AddStageInput!) { addStage(input: $i) { stage { id } userErrors { message } } }`, { i: { competitionId, name: ['理论', '实操一', '实操二'][s], weight: [20, 30, 50][s] } }, org);
    const stageId = must(st.addStage, 'addStage').stage.id;
    stageIds.push(stageId);
    for (let k = s; k < opts.criteria; k += 3) {
      const kind = k % 5 === 0 ? 'MEASUREMENT' : 'JUDGEMENT';
      const maxScore = [10, 20, 50][k % 3]!;
      const cr = await gql(url, `mutation($i: AddCriterionInput!) { addCriterion(input: $i) { criterion { id } userErrors { message } } }`, { i: { stageId, name: `评分项${k + 1}`, kind, maxScore } }, org);
      criteria.push({ id: must(cr.addCriterion, 'addCriterion').criterion.id, kind, maxScore });
    }
  }
  const transition = async (name: string) => must((await gql(url, `mutation($i: CompetitionTransitionInput!) { ${name}(input: $i) { userErrors { message } } }`, { i: { competitionId } }, org))[name], name);
  await transition('openRegistration');
  const entryIds = await inBatches(competitors.slice(0, opts.entries), 20, async (w) => {
    const d = await gql(url, `mutation($i: RegisterEntryInput!) { registerEntry(input: $i) { entry { id } userErrors { message } } }`, { i: { competitionId, workerIds: [w] } }, org);
    return must(d.registerEntry, 'registerEntry').entry.id as string;
  });
  await transition('closeRegistration');
  must((await gql(url, `mutation($i: DrawLotsInput!) { drawLots(input: $i) { userErrors { message } } }`, { i: { competitionId, seed: 'reliability' } }, org)).drawLots, 'drawLots');
  const adminUserIds = judges.map((j) => j.userId);
  await inBatches(adminUserIds, 10, async (userId) =>
    must((await gql(url, `mutation($i: AssignJudgeInput!) { assignJudge(input: $i) { userErrors { message } } }`, { i: { competitionId, userId: toGlobalId('User', userId), stageIds, chief: false } }, org)).assignJudge, 'assignJudge'),
  );
  await transition('startCompetition');
  return { competitionId, organizerToken: org, judges, entryIds, criteria };
}
