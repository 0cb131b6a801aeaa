import { Role } from '../../src/auth/role';
import { createEnterprise, createWorker } from '../helpers/registry';
import { setupCompetition } from '../helpers/competition';
import { ok, type TestServer } from '../helpers/server';
import { createDrill, ENTER, ISSUE, seedBank, START, TRADE } from './taking-fixture';

export type User = Awaited<ReturnType<TestServer['user']>>;

export async function call(t: TestServer, token: string | null, name: string, inputType: string, input: Record<string, unknown>, select: string): Promise<any> {
  const res = await t.gql(`mutation($input: ${inputType}!) { ${name}(input: $input) { ${select} userErrors { code field message } } }`, { input }, token);
  return ok(res)[name];
}

/** As call, but any userError fails the test too. */
export async function must(t: TestServer, token: string, name: string, inputType: string, input: Record<string, unknown>, select: string): Promise<any> {
  const payload = await call(t, token, name, inputType, input, select);
  if (payload.userErrors.length) throw new Error(`${name}: ${JSON.stringify(payload.userErrors)}`);
  return payload;
}

export const BOM = '\uFEFF';
export const HEADER = '题型,题干,选项A,选项B,选项C,选项D,选项E,选项F,答案,解析,知识点,难度,技能等级';

/** A small bank file: every type, a quoted stem with a comma and a line break, a full-width fill-in answer. */
export const GOOD_CSV = [
  HEADER,
  '单选题,安全电压的上限是多少？,36V,220V,380V,,,,A,安全电压不超过36V,安全,易,初级工',
  '多选题,"以下哪些属于绝缘工具，请选出全部:\n（可多选）",绝缘手套,绝缘靴,铁锤,,,,"A,B",,安全,中,',
  '判断题,停电检修必须挂警示牌。,,,,,,,对,,安全,易,',
  '填空题,欧姆定律：I = U / ___,,,,,,,R|电阻,,电路,难,高级工',
].join('\r\n');

export interface BankWorld {
  organizer: User;
  reviewer: User;
  admin: User;
}

export async function bankWorld(t: TestServer): Promise<BankWorld> {
  return { organizer: await t.user([Role.ORGANIZER]), reviewer: await t.user([Role.REVIEWER]), admin: await t.user([Role.ADMIN]) };
}

/** Imports questions of `trade` and approves them all (as the reviewer); returns their global IDs. */
export async function approvedBank(t: TestServer, w: BankWorld, trade: string, csv: string): Promise<string[]> {
  await must(t, w.organizer.token, 'importQuestions', 'ImportQuestionsInput', { trade, csv }, 'importedCount');
  const ids: string[] = ok(await t.gql(`query($trade: String) { questions(first: 100, filter: { trade: $trade, status: DRAFT }) { nodes { id } } }`, { trade }, w.organizer.token))
    .questions.nodes.map((n: any) => n.id);
  for (const questionId of ids) await must(t, w.reviewer.token, 'approveQuestion', 'QuestionIdInput', { questionId }, 'question { id }');
  return ids;
}

/** A CSV of `n` single-choice questions of one topic and difficulty. */
export function choiceCsv(topic: string, difficulty: string, n: number, prefix = topic): string {
  return [HEADER, ...Array.from({ length: n }, (_, i) => `单选题,${prefix}第${i + 1}题,甲,乙,丙,丁,,,B,,${topic},${difficulty},`)].join('\n');
}

/** Objects of the drill module for test/hardening/node-read-rules.test.ts: a question and a DRAFT drill written by `organizerToken`. */
export async function drillNodeObjects(t: TestServer, organizerToken: string, reviewerToken: string): Promise<Record<string, string>> {
  const created = await must(t, organizerToken, 'createQuestion', 'CreateQuestionInput', {
    trade: '节点题库', type: 'TRUE_FALSE', stem: '题库只给题库管理者看。', answer: ['TRUE'], topic: '规则', difficulty: 'EASY',
  }, 'question { id }');
  await must(t, reviewerToken, 'approveQuestion', 'QuestionIdInput', { questionId: created.question.id }, 'question { id }');
  const hours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
  const points = ['SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'TRUE_FALSE', 'FILL_IN'].map((type) => ({ type, points: 1 }));
  const drill = await must(t, organizerToken, 'createDrill', 'CreateDrillInput', {
    title: '节点练兵', trades: ['节点题库'], opensAt: hours(1), closesAt: hours(2), timeLimitMinutes: 10, passMark: 0,
    paperRule: { sections: [{ topic: '规则', count: 1 }], pointsByType: points },
  }, 'drill { id }');
  return { question: created.question.id, drill: drill.drill.id };
}

/**
 * One attempt under way in a published drill open now, run by `organizer`: for the node read rules
 * (its taker and whoever runs the drill read it). The bank and drill are written directly, as the
 * taking tests do, since the API opens no drill in the past.
 */
export async function drillAttemptObject(t: TestServer, organizer: { id: string; token: string }, adminToken: string): Promise<Record<string, string>> {
  const ent = await createEnterprise(t, adminToken);
  const worker = await createWorker(t, adminToken, ent.id, { employeeNumber: 'NODE-1', trade: TRADE });
  await seedBank(t, organizer.id);
  const drill = await createDrill(t, { organizerUserId: organizer.id });
  const issued = ok(await t.gql(ISSUE, { input: { drillId: drill.id, enterpriseId: ent.id } }, organizer.token)).issueDrillPasses;
  const code = issued.passes.find((p: any) => p.worker.id === worker.id).code;
  const entered = ok(await t.gql(ENTER, { input: { drillId: drill.id, pass: code, employeeNumber: 'NODE-1' } })).enterDrill;
  const started = ok(await t.gql(START, { input: { drillId: drill.id } }, entered.token)).startAttempt;
  return { attempt: started.attempt.id, attemptDrill: drill.id };
}

/**
 * A stage of a new DRAFT competition of `organizer` filled from their drill `drillId` (a global ID):
 * for the node read rules (the competition's organizer and whoever runs the drill read it).
 */
export async function stageDrillObject(t: TestServer, organizer: { id: string; globalId: string; token: string }, drillId: string): Promise<Record<string, string>> {
  const f = await setupCompetition(t, { organizer, until: 'DRAFT', judges: 0 });
  const linked = await must(t, organizer.token, 'linkStageToDrill', 'LinkStageToDrillInput', { stageId: f.stages[0]!.id, drillId }, 'stageDrill { id }');
  return { stageDrill: linked.stageDrill.id };
}
