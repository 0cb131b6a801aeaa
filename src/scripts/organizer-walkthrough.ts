import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { creditCodeCheckChar } from '../registry/credit-code.js';
import * as op from './walkthrough-operations.js';

/**
 * `npm run walkthrough [-- <url> <admin email> <admin password>]`: one competition from an empty
 * database with a bootstrap admin to FINALIZED and its results CSV, over HTTP only, with fetch and the
 * operations of walkthrough-operations.ts, as an organizer's app, the judges' tablets and the chief
 * judge's would call the API. Prints every step (Chinese · English); any GraphQL error or userError
 * stops it with exit code 1. docs/organizer-walkthrough.md tells the story; test/docs/
 * organizer-walkthrough.test.ts runs it against a fresh server.
 */

export interface WalkthroughOptions {
  /** The GraphQL endpoint, e.g. http://localhost:4000/graphql. */
  url: string;
  /** The bootstrap admin (BOOTSTRAP_ADMIN_EMAIL / BOOTSTRAP_ADMIN_PASSWORD of the server). */
  email: string;
  password: string;
  /** The competition's appeal window (申诉期) in minutes, 0–10080; default 1 (the walkthrough waits it out). */
  appealWindowMinutes?: number;
  /** How often to look at the appeal window while it is open; default 5000 ms. */
  pollMs?: number;
  /** Where step lines go; default console.log. */
  log?: (line: string) => void;
  /** Called after each step with its key (e.g. 'publish'): a test's hook into the story. */
  onStep?: (key: string) => Promise<void> | void;
}

export interface WalkthroughResult {
  competitionId: string;
  status: string;
  entryIds: string[];
  /** The results CSV as downloaded (UTF-8, BOM stripped). */
  csv: string;
}

type Json = Record<string, any>;

/** Thrown for a GraphQL error or a userError: what the app would show the person who clicked. */
export class WalkthroughError extends Error {}

/** POSTs one operation; throws on GraphQL errors, returns `data`. */
async function gql(url: string, query: string, variables: Json, token?: string): Promise<Json> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': 'zh-CN', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json().catch(() => ({}))) as { data?: Json; errors?: { message: string; extensions?: { code?: string } }[] };
  if (body.errors?.length) {
    throw new WalkthroughError(`GraphQL ${body.errors.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('; ')}`);
  }
  if (!res.ok || !body.data) throw new WalkthroughError(`HTTP ${res.status} from ${url}`);
  return body.data;
}

/** A mutation with `input`: returns its payload; throws on userErrors (the mutation changed nothing). */
async function mutate(url: string, query: string, input: Json, token?: string): Promise<Json> {
  const data = await gql(url, query, { input }, token);
  const [field, payload] = Object.entries(data)[0] as [string, Json];
  const errors = (payload.userErrors ?? []) as { code: string; field: string[] | null; message: string }[];
  if (errors.length) {
    throw new WalkthroughError(`${field}: ${errors.map((e) => `${e.code} ${(e.field ?? []).join('.')} ${e.message}`).join('; ')}`);
  }
  return payload;
}

/** A valid unified social credit code (统一社会信用代码), different on every run. */
function creditCode(): string {
  const digits = String(Math.floor(Math.random() * 1e9)).padStart(9, '0');
  const body = `91350200${digits}`;
  return body + creditCodeCheckChar(body);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runWalkthrough(opts: WalkthroughOptions): Promise<WalkthroughResult> {
  const { url } = opts;
  const log = opts.log ?? ((line: string) => console.log(line));
  let n = 0;
  const step = async (key: string, zh: string, en: string) => {
    log(`${String(++n).padStart(2, ' ')}. ${zh} · ${en}`);
    await opts.onStep?.(key);
  };
  const run = randomUUID().slice(0, 8); // names and emails unique per run, so it may run twice on one database
  const hour = 3_600_000;
  const at = (hours: number) => new Date(Date.now() + hours * hour).toISOString();

  // 1. The bootstrap admin logs in.
  const admin = (await mutate(url, op.LOGIN, { email: opts.email, password: opts.password })).token as string;
  await step('login', '管理员登录', 'the bootstrap admin logs in');

  // 2. The registry: two enterprises taking part, and the assessment centre that supplies the judges.
  const enterprise = async (name: string, ownership: string, district: string) =>
    (await mutate(url, op.CREATE_ENTERPRISE, { name: `${name}-${run}`, creditCode: creditCode(), ownership, size: 'LARGE', industry: '装备制造', district }, admin)).enterprise.id as string;
  const heavy = await enterprise('厦门重工', 'STATE_OWNED', '湖里区');
  const precision = await enterprise('海沧精工', 'PRIVATE', '海沧区');
  const centre = await enterprise('市职业技能鉴定中心', 'STATE_OWNED', '思明区');
  await step('enterprises', '登记企业：两家参赛企业和一家裁判单位', 'register two competing enterprises and the judges’ employer');
  let employee = 0;
  const worker = async (enterpriseId: string, name: string, skillLevel: string) => (await mutate(url, op.CREATE_WORKER, {
    enterpriseId, name, gender: employee % 2 ? 'FEMALE' : 'MALE', birthYear: 1980 + employee, trade: '焊工', skillLevel,
    employeeNumber: `WT-${run}-${++employee}`, joinedAt: '2012-03-01',
  }, admin)).worker.id as string;
  const competitors = [
    await worker(heavy, '李建国', 'SENIOR'), await worker(heavy, '王晓明', 'TECHNICIAN'),
    await worker(precision, '陈芳', 'SENIOR'), await worker(precision, '刘强', 'INTERMEDIATE'),
  ];
  const judgeWorkers = [await worker(centre, '张裁判', 'SENIOR_TECHNICIAN'), await worker(centre, '赵裁判', 'SENIOR_TECHNICIAN'), await worker(centre, '孙裁判', 'SENIOR_TECHNICIAN')];
  await step('workers', `登记职工：${competitors.length} 名选手，${judgeWorkers.length} 名裁判`, `register ${competitors.length} competitors and ${judgeWorkers.length} judges as workers`);

  // 3. Users: the organizer, three judges (linked to their worker records), an arbitrator. Each logs in.
  const password = `walk-${randomUUID()}`;
  const user = async (label: string, roles: string[], workerId?: string) => {
    const email = `${label}-${run}@example.com`;
    const created = (await mutate(url, op.CREATE_USER, { email, displayName: `${label}-${run}`, password, roles, workerId }, admin)).user;
    const token = (await mutate(url, op.LOGIN, { email, password })).token as string;
    return { id: created.id as string, token };
  };
  const organizer = await user('organizer', ['ORGANIZER']);
  const judges = [await user('chief-judge', ['JUDGE'], judgeWorkers[0]), await user('judge-2', ['JUDGE'], judgeWorkers[1]), await user('judge-3', ['JUDGE'], judgeWorkers[2])];
  const arbitrator = await user('arbitrator', ['REVIEWER']);
  await step('users', '创建组织者、裁判和仲裁账号，各自登录', 'create the organizer, judges and arbitrator users; each logs in');

  // 4. The competition and its marking scheme, by the organizer.
  const org = organizer.token;
  const { competition } = await mutate(url, op.CREATE_COMPETITION, {
    title: `港城焊工职业技能大赛（演练 ${run}）`, description: '理论考试与实操，演练用。', kind: 'SKILLS_COMPETITION', level: 'CITY', trade: '焊工',
    aggregation: 'MEAN', startsAt: at(1), endsAt: at(8), eligibility: { trades: ['焊工'], minSkillLevel: 'INTERMEDIATE' },
    prizeTiers: [{ prize: 'FIRST', count: 1 }, { prize: 'SECOND', count: 1 }, { prize: 'THIRD', count: 1 }], honorTopN: 1, promotionTopM: 1,
    appealWindowMinutes: opts.appealWindowMinutes ?? 1,
  }, org);
  const competitionId = competition.id as string;
  const stage = async (name: string, weight: number, criteria: { name: string; kind: string; maxScore: number }[]) => {
    const s = (await mutate(url, op.ADD_STAGE, { competitionId, name, weight }, org)).stage.id as string;
    for (const c of criteria) await mutate(url, op.ADD_CRITERION, { stageId: s, ...c }, org);
    return s;
  };
  const stageIds = [
    await stage('理论', 30, [{ name: '理论考试', kind: 'MEASUREMENT', maxScore: 100 }]),
    await stage('实操', 70, [{ name: '焊缝成形', kind: 'JUDGEMENT', maxScore: 60 }, { name: '安全文明生产', kind: 'JUDGEMENT', maxScore: 40 }]),
  ];
  await step('scheme', `创建竞赛及评分方案（2 个赛段，申诉期 ${competition.appealWindowMinutes} 分钟）`, `create the competition and its marking scheme (2 stages, ${competition.appealWindowMinutes}-minute appeal window)`);

  // 5. The panel: the chief judge (裁判长) and two judges on every stage; an arbitrator (监督仲裁) for appeals.
  for (const [i, j] of judges.entries()) await mutate(url, op.ASSIGN_JUDGE, { competitionId, userId: j.id, stageIds, chief: i === 0 }, org);
  await mutate(url, op.APPOINT_OFFICIAL, { competitionId, userId: arbitrator.id, duty: 'ARBITRATOR' }, org);
  await step('panel', '指定裁判长、裁判和监督仲裁', 'appoint the chief judge, the judges and an arbitrator');

  // 6. Registration, entries, the draw, the start.
  const move = (query: string) => mutate(url, query, { competitionId }, org);
  await move(op.OPEN_REGISTRATION);
  await step('open', '开放报名', 'open registration');
  const entryIds: string[] = [];
  for (const w of competitors) entryIds.push((await mutate(url, op.REGISTER_ENTRY, { competitionId, workerIds: [w] }, org)).entry.id as string);
  await step('entries', `报名 ${entryIds.length} 名选手`, `enter ${entryIds.length} workers`);
  await move(op.CLOSE_REGISTRATION);
  await step('close', '截止报名', 'close registration');
  await mutate(url, op.DRAW_LOTS, { competitionId, seed: `演练抽签-${run}` }, org);
  await move(op.START_COMPETITION);
  await step('start', '抽签并开赛', 'draw lots and start');

  // 7. Every judge marks every entry on their tablet: a MEASUREMENT once (the first judge), a JUDGEMENT by each.
  let marks = 0;
  for (const [ji, judge] of judges.entries()) {
    const sheet = (await gql(url, op.JUDGE_SHEET, { id: competitionId }, judge.token)).competition;
    for (const [ei, entry] of (sheet.entries.nodes as Json[]).entries()) {
      for (const s of sheet.stages as Json[]) {
        for (const c of s.criteria as Json[]) {
          if (c.kind === 'MEASUREMENT' && ji > 0) continue;
          const value = Math.round(c.maxScore * (0.95 - 0.08 * ei - 0.01 * ji) * 100) / 100;
          await mutate(url, op.SUBMIT_SCORE, { entryId: entry.id, criterionId: c.id, value, idempotencyKey: randomUUID() }, judge.token);
          marks += 1;
        }
      }
    }
  }
  await step('marks', `裁判完成全部评分（共 ${marks} 个分数）`, `the judges mark every entry (${marks} marks)`);

  // 8. Scoring closes; the chief judge signs every stage (裁判长签字); the results are published (成绩公示).
  await move(op.CLOSE_SCORING);
  await step('closeScoring', '结束评分', 'close scoring');
  for (const stageId of stageIds) await mutate(url, op.SIGN_OFF_STAGE, { stageId }, judges[0]!.token);
  await step('signOff', '裁判长逐个赛段签字确认', 'the chief judge signs off every stage');
  const published = (await move(op.PUBLISH_RESULTS)).competition;
  await step('publish', `公示成绩，申诉期至 ${published.appealWindowClosesAt}`, `publish the results; appeals until ${published.appealWindowClosesAt}`);

  // 9. The appeal window closes by time alone: wait it out, looking now and then (an app would also hear
  // APPEAL_WINDOW_CLOSED on competitionStatusChanged).
  for (;;) {
    const w = (await gql(url, op.APPEAL_WINDOW, { id: competitionId }, org)).competition;
    if (!w.appealWindowOpen) break;
    await sleep(Math.max(50, Math.min(opts.pollMs ?? 5000, Date.parse(w.appealWindowClosesAt) - Date.now() + 50)));
  }
  await step('appealWindow', '申诉期结束，无人申诉', 'the appeal window closed without appeals');

  // 10. Final results, then the results sheet through a one-time link, as a web page's download button does.
  const final = (await move(op.FINALIZE_COMPETITION)).competition;
  await step('finalize', '定榜：成绩最终确定，奖项与晋级写入档案', 'finalize: prizes, honors and promotions recorded');
  const link = await mutate(url, op.CREATE_RESULTS_DOWNLOAD, { competitionId }, org);
  const res = await fetch(new URL(link.url as string, url));
  if (!res.ok) throw new WalkthroughError(`results CSV: HTTP ${res.status} ${await res.text()}`);
  const csv = (await res.text()).replace(/^\uFEFF/, '');
  const lines = csv.split(/\r\n/).filter((l) => l.length > 0).length;
  await step('csv', `下载成绩表 CSV（${lines} 行，含表头）`, `download the results CSV (${lines} lines with the header)`);

  return { competitionId, status: final.status as string, entryIds, csv };
}

/** The command line: URL and the admin's credentials from the arguments or the environment. */
async function cli(): Promise<void> {
  const args = process.argv.slice(2);
  const argUrl = /^https?:/.test(args[0] ?? '') ? args.shift() : undefined;
  const [argEmail, argPassword] = args;
  const url = argUrl ?? process.env.JX_URL ?? 'http://localhost:4000/graphql';
  const email = argEmail ?? process.env.BOOTSTRAP_ADMIN_EMAIL;
  const password = argPassword ?? process.env.BOOTSTRAP_ADMIN_PASSWORD;
  if (!email || !password) {
    console.error('用法 · usage: npm run walkthrough -- [url] <admin email> <admin password>  (or BOOTSTRAP_ADMIN_EMAIL / BOOTSTRAP_ADMIN_PASSWORD, JX_URL)');
    process.exit(2);
  }
  const minutes = process.env.JX_APPEAL_WINDOW_MINUTES;
  const result = await runWalkthrough({ url, email, password, appealWindowMinutes: minutes ? Number(minutes) : undefined });
  const file = `walkthrough-results-${result.competitionId}.csv`;
  fs.writeFileSync(file, `\uFEFF${result.csv}`);
  console.log(`完成 · done: competition ${result.competitionId} is ${result.status}; results in ${file}`);
}

if (require.main === module) {
  cli().catch((err: unknown) => {
    console.error(`失败 · failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
