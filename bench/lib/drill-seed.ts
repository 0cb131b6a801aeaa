import pg from 'pg';
import { BENCH_ADMIN } from './env.js';
import { gql, login, must } from './gql.js';
import { createEnterprise, importWorkers } from './seed.js';

export const DRILL_TRADE = '焊工';
const TOPICS = ['安全操作规程', '焊接工艺', '焊接材料', '设备与工具', '质量检验'];
const DIFFICULTIES = [['易', 'EASY'], ['中', 'MEDIUM'], ['难', 'HARD']] as const;
/** Questions of each type per topic and difficulty: 5 topics × 3 × 4 types × 4 = 240 in the bank. */
const PER_CELL = 4;
/** Per topic: 4 easy, 4 medium, 2 hard → 50 questions a paper. */
const SECTION_COUNTS: Record<string, number> = { EASY: 4, MEDIUM: 4, HARD: 2 };

export interface SeededDrill {
  drillId: string;
  drillUuid: string;
  organizerToken: string;
  /** One per pass issued: what the enterprise handed the worker. */
  passes: { code: string; employeeNumber: string }[];
  questions: number;
  paperSize: number;
  drawn: number;
  seedSeconds: { bank: number; workers: number; passes: number; predraw: number };
}

/** The bank in the import template (docs/question-bank.md): every type of every topic and difficulty. */
function bankCsv(): string {
  const rows = ['题型,题干,选项A,选项B,选项C,选项D,选项E,选项F,答案,解析,知识点,难度,技能等级'];
  for (const topic of TOPICS) {
    for (const [word] of DIFFICULTIES) {
      for (let n = 1; n <= PER_CELL; n++) {
        const stem = `${topic}（${word}）第${n}题`;
        rows.push(`单选题,${stem}：下列哪项正确？,甲,乙,丙,丁,,,B,单选解析,${topic},${word},`);
        rows.push(`多选题,${stem}：下列哪些正确？,甲,乙,丙,丁,,,"A,C",多选解析,${topic},${word},`);
        rows.push(`判断题,${stem}：此说法正确。,,,,,,,对,判断解析,${topic},${word},`);
        rows.push(`填空题,${stem}：请填写___,,,,,,,答案${n}|答${n},填空解析,${topic},${word},`);
      }
    }
  }
  return rows.join('\r\n');
}

const timed = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
  const t0 = Date.now();
  const v = await fn();
  return [v, (Date.now() - t0) / 1000];
};

/**
 * One city drill as issue 16 sizes it, built through the public API where one call does a lot (the bank
 * from one CSV, `takers` workers in 10 enterprises by importWorkers, the drill with its paper rule, the
 * passes per enterprise, the papers drawn ahead), and directly in SQL where the API would take one call
 * per row with nothing to measure: the reviewer's approval of the 240 questions. The window opens an hour
 * out (createDrill refuses a past one); the scenario opens it in SQL when the burst is due.
 */
export async function seedDrill(url: string, databaseUrl: string, takers: number): Promise<SeededDrill> {
  const admin = await login(url, BENCH_ADMIN.email, BENCH_ADMIN.password);
  const orgEmail = `drill-organizer-${Date.now()}@example.com`;
  must((await gql(url, `mutation($i: CreateUserInput!) { createUser(input: $i) { userErrors { message } } }`, { i: { email: orgEmail, displayName: '练兵组织者', password: 'organizer-pass', roles: ['ORGANIZER'] } }, admin)).createUser, 'organizer');
  const organizer = await login(url, orgEmail, 'organizer-pass');

  const [questions, bankSeconds] = await timed(async () => {
    const d = await gql(url, `mutation($i: ImportQuestionsInput!) { importQuestions(input: $i) { importedCount userErrors { message } } }`, { i: { trade: DRILL_TRADE, csv: bankCsv() } }, organizer);
    const count = must(d.importQuestions, 'importQuestions').importedCount as number;
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      await db.query(
        `update "drill_question" set "status" = 'APPROVED', "approved_by_id" = (select "id" from "app_user" where "email" = $1), "version" = "version" + 1
          where "trade" = $2 and "status" = 'DRAFT'`, [BENCH_ADMIN.email, DRILL_TRADE]);
    } finally {
      await db.end();
    }
    return count;
  });

  const hours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
  const sections = TOPICS.flatMap((topic) => DIFFICULTIES.map(([, difficulty]) => ({ topic, difficulty, count: SECTION_COUNTS[difficulty]! })));
  const paperSize = sections.reduce((n, s) => n + s.count, 0);
  const created = await gql(url, `mutation($i: CreateDrillInput!) { createDrill(input: $i) { drill { id } userErrors { message } } }`, {
    i: {
      title: '全市焊工安全知识网上练兵（压测）', trades: [DRILL_TRADE], opensAt: hours(1), closesAt: hours(4), timeLimitMinutes: 120, attemptsAllowed: 1,
      resultRelease: 'AFTER_WINDOW', passMark: 60,
      paperRule: { sections, pointsByType: [['SINGLE_CHOICE', 2], ['MULTIPLE_CHOICE', 3], ['TRUE_FALSE', 1], ['FILL_IN', 3]].map(([type, points]) => ({ type, points })) },
    },
  }, organizer);
  const drillId = must(created.createDrill, 'createDrill').drill.id as string;
  must((await gql(url, `mutation($i: DrillIdInput!) { publishDrill(input: $i) { userErrors { message } } }`, { i: { drillId } }, organizer)).publishDrill, 'publishDrill');

  // Takers in 10 enterprises, as a city's drill draws them; each enterprise's contact gets its passes.
  const enterprises = 10;
  const [entIds, workersSeconds] = await timed(async () => {
    const ids: string[] = [];
    for (let e = 0; e < enterprises; e++) {
      const n = Math.floor(takers / enterprises) + (e < takers % enterprises ? 1 : 0);
      const ent = await createEnterprise(url, admin, `练兵企业${Date.now()}-${e}`, e % 3 === 0 ? 'PRIVATE' : 'STATE_OWNED');
      if (n > 0) await importWorkers(url, admin, ent, n, `练兵${e}-`);
      ids.push(ent);
    }
    return ids;
  });
  const [passes, passesSeconds] = await timed(async () => {
    const all: SeededDrill['passes'] = [];
    for (const enterpriseId of entIds) {
      const d = await gql(url, `mutation($i: IssueDrillPassesInput!) { issueDrillPasses(input: $i) { passes { code worker { employeeNumber } } userErrors { message } } }`, { i: { drillId, enterpriseId } }, organizer);
      all.push(...must(d.issueDrillPasses, 'issueDrillPasses').passes.map((p: { code: string; worker: { employeeNumber: string } }) => ({ code: p.code, employeeNumber: p.worker.employeeNumber })));
    }
    return all;
  });
  // What the product does ahead of a big window (docs/drills.md): draw every pass holder's first paper,
  // so that the opening burst only hands papers out.
  const [drawn, predrawSeconds] = await timed(async () =>
    must((await gql(url, `mutation($i: DrawDrillPapersInput!) { drawDrillPapers(input: $i) { drawn userErrors { message } } }`, { i: { drillId } }, organizer)).drawDrillPapers, 'drawDrillPapers').drawn as number);
  const uuid = Buffer.from(drillId, 'base64url').toString('utf8').split(':').pop()!;
  return { drillId, drillUuid: uuid, organizerToken: organizer, passes, questions, paperSize, drawn, seedSeconds: { bank: bankSeconds, workers: workersSeconds, passes: passesSeconds, predraw: predrawSeconds } };
}
