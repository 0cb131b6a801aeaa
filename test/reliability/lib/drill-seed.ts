import { idOf } from '../../../src/common/relay';
import { createEnterprise, importWorkers } from '../../../bench/lib/seed';
import { gql, login, must } from '../../../bench/lib/gql';
import { ADMIN } from './server-process';

/** A question of the drill's bank as the takers' script knows it: its key, to answer right or wrong on purpose. */
export interface SeededQuestion {
  type: 'SINGLE_CHOICE' | 'MULTIPLE_CHOICE' | 'TRUE_FALSE' | 'FILL_IN';
  key: string[];
}

export interface SeededTaker {
  employeeNumber: string;
  pass: string;
}

export interface SeededDrill {
  drillId: string;
  drillUuid: string;
  /** By the question's global ID. */
  questions: Map<string, SeededQuestion>;
  takers: SeededTaker[];
  /** Questions on every paper. */
  paperSize: number;
}

const TRADE = '焊工';
const TYPES: { type: SeededQuestion['type']; topic: string }[] = [
  { type: 'SINGLE_CHOICE', topic: '安全' },
  { type: 'MULTIPLE_CHOICE', topic: '安全' },
  { type: 'TRUE_FALSE', topic: '工艺' },
  { type: 'FILL_IN', topic: '工艺' },
];
export const FILL_IN_KEY = '氩弧焊';

async function inBatches<T, R>(items: T[], size: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map((x, k) => fn(x, i + k)))));
  return out;
}

/**
 * A published drill open now, built through the public API as an organizer would: a bank of
 * `perType` approved questions of each type (written by the organizer, approved by the admin: nobody
 * approves their own), a paper of 4 safety and 4 process questions, two attempts allowed (a retried
 * start that opened a second one would show), results released at once, and a pass for each of
 * `takers` workers of the trade, spread over enterprises of a hundred.
 */
export async function seedDrill(url: string, opts: { takers: number; perType: number }): Promise<SeededDrill> {
  const admin = await login(url, ADMIN.email, ADMIN.password);
  const email = `drill-organizer-${Date.now()}@example.com`;
  must((await gql(url, `mutation($i: CreateUserInput!) { createUser(input: $i) { userErrors { message } } }`, { i: { email, displayName: '练兵组织者', password: 'reliability-pass', roles: ['ORGANIZER'] } }, admin)).createUser, 'createUser');
  const org = await login(url, email, 'reliability-pass');

  const specs = TYPES.flatMap((t) => Array.from({ length: opts.perType }, (_, n) => ({ ...t, n })));
  const questions = new Map<string, SeededQuestion>();
  await inBatches(specs, 10, async ({ type, topic, n }) => {
    const choice = type === 'SINGLE_CHOICE' || type === 'MULTIPLE_CHOICE';
    const key = type === 'SINGLE_CHOICE' ? [['A', 'B', 'C', 'D'][n % 4]!] : type === 'MULTIPLE_CHOICE' ? ['A', 'C'] : type === 'TRUE_FALSE' ? [n % 2 ? 'TRUE' : 'FALSE'] : [FILL_IN_KEY];
    const d = await gql(url, `mutation($i: CreateQuestionInput!) { createQuestion(input: $i) { question { id } userErrors { message } } }`, {
      i: { trade: TRADE, type, topic, difficulty: 'MEDIUM', stem: `${topic}${type}第${n + 1}题`, options: choice ? ['甲', '乙', '丙', '丁'].map((o) => `${o}${n}`) : [], answer: key },
    }, org);
    const id = must(d.createQuestion, 'createQuestion').question.id as string;
    must((await gql(url, `mutation($i: QuestionIdInput!) { approveQuestion(input: $i) { userErrors { message } } }`, { i: { questionId: id } }, admin)).approveQuestion, 'approveQuestion');
    questions.set(id, { type, key });
  });

  const c = await gql(url, `mutation($i: CreateDrillInput!) { createDrill(input: $i) { drill { id } userErrors { message } } }`, {
    i: {
      title: '焊工安全网上练兵（可靠性测试）', trades: [TRADE],
      opensAt: new Date(Date.now() - 60_000).toISOString(), closesAt: new Date(Date.now() + 2 * 3600_000).toISOString(),
      timeLimitMinutes: 60, attemptsAllowed: 2, resultRelease: 'IMMEDIATELY', passMark: 10,
      paperRule: {
        sections: [{ topic: '安全', count: 4 }, { topic: '工艺', count: 4 }],
        pointsByType: [{ type: 'SINGLE_CHOICE', points: 2 }, { type: 'MULTIPLE_CHOICE', points: 3 }, { type: 'TRUE_FALSE', points: 1 }, { type: 'FILL_IN', points: 4 }],
      },
    },
  }, org);
  const drillId = must(c.createDrill, 'createDrill').drill.id as string;
  must((await gql(url, `mutation($i: DrillIdInput!) { publishDrill(input: $i) { userErrors { message } } }`, { i: { drillId } }, org)).publishDrill, 'publishDrill');

  const takers: SeededTaker[] = [];
  for (let e = 0; takers.length < opts.takers; e++) {
    const n = Math.min(100, opts.takers - takers.length);
    const enterpriseId = await createEnterprise(url, admin, `练兵企业${Date.now()}-${e}`, e % 2 ? 'PRIVATE' : 'STATE_OWNED');
    await importWorkers(url, admin, enterpriseId, n, `学员${e}`);
    const d = await gql(url, `mutation($i: IssueDrillPassesInput!) { issueDrillPasses(input: $i) { passes { code worker { employeeNumber } } userErrors { message } } }`, { i: { drillId, enterpriseId } }, org);
    for (const p of must(d.issueDrillPasses, 'issueDrillPasses').passes as { code: string; worker: { employeeNumber: string } }[]) takers.push({ pass: p.code, employeeNumber: p.worker.employeeNumber });
  }
  return { drillId, drillUuid: idOf(drillId, 'Drill')!, questions, takers, paperSize: 8 };
}
