import { creditCodeCheckChar } from '../../src/registry/credit-code.js';
import { BENCH_ADMIN } from './env.js';
import { gql, login, must } from './gql.js';

export interface SeededCompetition {
  competitionId: string;
  organizerToken: string;
  judgeTokens: string[];
  entryIds: string[];
  criteria: { id: string; kind: string; maxScore: number }[];
}

let codeSeq = 0;
function creditCode(): string {
  const body = `91350200${String(++codeSeq + Math.floor(Math.random() * 1e6) * 1000).padStart(9, '0').slice(-9)}`;
  return body + creditCodeCheckChar(body);
}

export async function createEnterprise(url: string, token: string, name: string, ownership = 'PRIVATE'): Promise<string> {
  const d = await gql(url, `mutation($i: CreateEnterpriseInput!) { createEnterprise(input: $i) { enterprise { id } userErrors { message } } }`, {
    i: { name, creditCode: creditCode(), ownership, size: 'MEDIUM', industry: '装备制造', district: ['思明区', '湖里区', '集美区', '海沧区'][codeSeq % 4] },
  }, token);
  return must(d.createEnterprise, 'createEnterprise').enterprise.id;
}

export async function importWorkers(url: string, token: string, enterpriseId: string, n: number, prefix: string): Promise<void> {
  const rows = Array.from({ length: n }, (_, i) => ({
    name: `${prefix}${i}`, gender: i % 2 ? 'MALE' : 'FEMALE', birthYear: 1975 + (i % 25), trade: '焊工', skillLevel: 'SENIOR',
    employeeNumber: `${prefix}-${i}`, migrantWorker: i % 3 === 0, joinedAt: '2012-05-01',
  }));
  const d = await gql(url, `mutation($i: ImportWorkersInput!) { importWorkers(input: $i) { createdCount userErrors { message } } }`, { i: { enterpriseId, rows } }, token);
  must(d.importWorkers, 'importWorkers');
}

/** Every worker id of an enterprise, page by page. */
export async function workerIds(url: string, token: string, enterpriseId: string): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (;;) {
    const d: any = await gql(url, `query($e: ID!, $a: String) { workers(first: 100, after: $a, filter: { enterpriseId: $e }) { nodes { id } pageInfo { hasNextPage endCursor } } }`, { e: enterpriseId, a: after }, token);
    ids.push(...d.workers.nodes.map((n: { id: string }) => n.id));
    if (!d.workers.pageInfo.hasNextPage) return ids;
    after = d.workers.pageInfo.endCursor;
  }
}

/**
 * A competition as the issue sizes it, built through the public API: `entries` workers from 10
 * enterprises, 3 stages, `criteria` criteria (a fifth MEASUREMENT), `judges` judges on every stage.
 */
export async function seedCompetition(url: string, opts: { entries: number; criteria: number; judges: number }): Promise<SeededCompetition> {
  const admin = await login(url, BENCH_ADMIN.email, BENCH_ADMIN.password);
  const orgEmail = `organizer-${Date.now()}@example.com`;
  must((await gql(url, `mutation($i: CreateUserInput!) { createUser(input: $i) { userErrors { message } } }`, { i: { email: orgEmail, displayName: '组委会', password: 'organizer-pass', roles: ['ORGANIZER'] } }, admin)).createUser, 'organizer');
  const organizer = await login(url, orgEmail, 'organizer-pass');
  const judgeEnterprise = await createEnterprise(url, admin, `裁判单位${Date.now()}`, 'STATE_OWNED');
  await importWorkers(url, admin, judgeEnterprise, opts.judges, `裁判${Date.now()}-`);
  const judgeWorkers = await workerIds(url, admin, judgeEnterprise);
  const judgeTokens: string[] = [];
  const judgeUserIds: string[] = [];
  for (let j = 0; j < opts.judges; j++) {
    const email = `judge-${Date.now()}-${j}@example.com`;
    const d = await gql(url, `mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } userErrors { message } } }`, { i: { email, displayName: `裁判${j}`, password: 'judge-password', roles: ['JUDGE'], workerId: judgeWorkers[j] } }, admin);
    judgeUserIds.push(must(d.createUser, 'judge').user.id);
    judgeTokens.push(await login(url, email, 'judge-password'));
  }
  const competitors: string[] = [];
  const perEnterprise = Math.ceil(opts.entries / 10);
  for (let e = 0; e < 10 && competitors.length < opts.entries; e++) {
    const ent = await createEnterprise(url, admin, `参赛企业${Date.now()}-${e}`, e % 3 === 0 ? 'PRIVATE' : 'STATE_OWNED');
    await importWorkers(url, admin, ent, perEnterprise, `选手${e}-`);
    competitors.push(...(await workerIds(url, admin, ent)));
  }
  const now = Date.now();
  const c = await gql(url, `mutation($i: CreateCompetitionInput!) { createCompetition(input: $i) { competition { id } userErrors { message } } }`, {
    i: { title: '全市焊工职业技能大赛（压测）', kind: 'SKILLS_COMPETITION', level: 'CITY', trade: '焊工', startsAt: new Date(now + 86_400_000).toISOString(), endsAt: new Date(now + 2 * 86_400_000).toISOString(), aggregation: 'MEAN' },
  }, organizer);
  const competitionId = must(c.createCompetition, 'createCompetition').competition.id;
  const weights = [20, 30, 50];
  const criteria: SeededCompetition['criteria'] = [];
  for (let s = 0; s < 3; s++) {
    const st = await gql(url, `mutation($i: AddStageInput!) { addStage(input: $i) { stage { id } userErrors { message } } }`, { i: { competitionId, name: ['理论', '实操一', '实操二'][s], weight: weights[s] } }, organizer);
    const stageId = must(st.addStage, 'addStage').stage.id;
    for (let k = s; k < opts.criteria; k += 3) {
      const kind = k % 5 === 0 ? 'MEASUREMENT' : 'JUDGEMENT';
      const cr = await gql(url, `mutation($i: AddCriterionInput!) { addCriterion(input: $i) { criterion { id } userErrors { message } } }`, { i: { stageId, name: `评分项${k + 1}`, kind, maxScore: 10 } }, organizer);
      criteria.push({ id: must(cr.addCriterion, 'addCriterion').criterion.id, kind, maxScore: 10 });
    }
  }
  const transition = async (name: string) => must((await gql(url, `mutation($i: CompetitionTransitionInput!) { ${name}(input: $i) { userErrors { message } } }`, { i: { competitionId } }, organizer))[name], name);
  await transition('openRegistration');
  const entryIds: string[] = [];
  for (let i = 0; i < opts.entries; i += 20) {
    const batch = competitors.slice(i, Math.min(i + 20, opts.entries));
    const done = await Promise.all(batch.map((w) => gql(url, `mutation($i: RegisterEntryInput!) { registerEntry(input: $i) { entry { id } userErrors { message } } }`, { i: { competitionId, workerIds: [w] } }, organizer)));
    entryIds.push(...done.map((d) => must(d.registerEntry, 'registerEntry').entry.id));
  }
  await transition('closeRegistration');
  must((await gql(url, `mutation($i: DrawLotsInput!) { drawLots(input: $i) { userErrors { message } } }`, { i: { competitionId, seed: 'bench' } }, organizer)).drawLots, 'drawLots');
  const stages: any = await gql(url, `query($id: ID!) { node(id: $id) { ... on Competition { stages { id } } } }`, { id: competitionId });
  for (const userId of judgeUserIds) {
    must((await gql(url, `mutation($i: AssignJudgeInput!) { assignJudge(input: $i) { userErrors { message } } }`, { i: { competitionId, userId, stageIds: stages.node.stages.map((s: { id: string }) => s.id), chief: false } }, organizer)).assignJudge, 'assignJudge');
  }
  await transition('startCompetition');
  return { competitionId, organizerToken: organizer, judgeTokens, entryIds, criteria };
}
