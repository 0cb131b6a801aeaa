import { Dice, type SeedClient } from './client.js';
import { BANK_FILES, bankCsv, type BankFile } from './drill-bank.js';
import type { SeedRegistry } from './registry.js';

/**
 * Online drills (网上练兵, issue 16), all through the API: the bank imported from CSV by the organizer and
 * approved by the reviewer; a welding drill that finishes during the seed (takers enter with their passes,
 * answer and submit; one attempt is left for the deadline sweeper and one is voided); and an electricians'
 * drill open for three weeks, with passes to hand out and a couple of attempts under way.
 *
 * Why the finished drill really runs (opening now, closing FINISHED_WINDOW_MS later) rather than being
 * written as past: the API refuses a window already closed, and an ADMIN-only "backdated drill with
 * imported attempts" path would be a feature made for the demo alone. A short real window keeps every
 * attempt, mark, sweep and rank exactly what the app produces; the seed does its other work meanwhile
 * and waits only for what is left of the window.
 */
export const FINISHED_WINDOW_MS = 30_000;
const SKIP = 0.08; // the share of questions a taker leaves blank

interface KeyedQuestion { type: string; answer: string[] }
/** The approved bank's keys by question ID: the seed plays takers who know some answers and not others. */
type Keys = Map<string, KeyedQuestion>;

export interface DemoPass { code: string; employeeNumber: string; name: string; enterprise: string }
export interface SeedDrills {
  questions: number;
  approved: number;
  finished: { id: string; title: string; ranked: number; passed: number; sweptAtDeadline: number; voided: number };
  open: { id: string; title: string; closesAt: string; passes: number; inProgress: number; demoPasses: DemoPass[] };
}

const BANK = `query($after: String) { questions(first: 100, after: $after, filter: { status: DRAFT }) {
  nodes { id stem type key { answer } } pageInfo { hasNextPage endCursor } } }`;
const ISSUED = 'passes { code worker { employeeNumber name } }';
const PAPER = 'attempt { id questions { questionId type options { key } } }';

/** Imports each trade's CSV as the organizer; the reviewer approves all but the few left for review. */
export async function seedDrillBank(c: SeedClient, organizer: string, reviewer: string): Promise<{ keys: Keys; questions: number }> {
  let questions = 0;
  for (const file of BANK_FILES) {
    questions += (await c.mutate(organizer, 'importQuestions', 'ImportQuestionsInput', { trade: file.trade, csv: bankCsv(file) }, 'importedCount')).importedCount as number;
  }
  const waiting = new Set(BANK_FILES.flatMap((f) => f.awaitingReview));
  const keys: Keys = new Map();
  let after: string | null = null;
  for (;;) {
    const page: any = (await c.request(BANK, { after }, reviewer)).questions;
    for (const q of page.nodes) {
      if (waiting.has(q.stem)) continue;
      await c.mutate(reviewer, 'approveQuestion', 'QuestionIdInput', { questionId: q.id }, 'question { status }');
      keys.set(q.id, { type: q.type, answer: q.key.answer });
    }
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return { keys, questions };
}

/** 10 questions of 10 points, from the trade's three topics: every paper is out of 100. */
function drillInput(file: BankFile, fields: Record<string, unknown>): Record<string, unknown> {
  return {
    ...fields, trades: [file.trade], passMark: 60,
    paperRule: {
      sections: file.topics.map((topic, i) => ({ topic, count: i === 0 ? 4 : 3 })),
      pointsByType: ['SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'TRUE_FALSE', 'FILL_IN'].map((type) => ({ type, points: 10 })),
    },
  };
}

interface Taker { token: string; attemptId: string; paper: { questionId: string; type: string; options: { key: string }[] }[] }

/** A taker through the API: enters with pass and employee number and starts (the paper comes back). */
async function enter(c: SeedClient, drillId: string, pass: DemoPass): Promise<Taker> {
  const { token } = await c.mutate('', 'enterDrill', 'EnterDrillInput', { drillId, pass: pass.code, employeeNumber: pass.employeeNumber }, 'token');
  const { attempt } = await c.mutate(token, 'startAttempt', 'StartAttemptInput', { drillId }, PAPER);
  return { token, attemptId: attempt.id, paper: attempt.questions };
}

/** Answers the first `share` of the paper, each right with probability `skill` (and a few left blank). */
async function answer(c: SeedClient, dice: Dice, keys: Keys, t: Taker, skill: number, share = 1): Promise<void> {
  for (const q of t.paper.slice(0, Math.round(t.paper.length * share))) {
    if (dice.next() < SKIP) continue;
    const key = keys.get(q.questionId)!.answer;
    const given = dice.next() < skill ? key : wrong(q.type, key, q.options.map((o) => o.key), dice);
    await c.mutate(t.token, 'saveAnswer', 'SaveAnswerInput', { attemptId: t.attemptId, questionId: q.questionId, answer: given, seq: 1 }, 'saved');
  }
}

function wrong(type: string, key: string[], options: string[], dice: Dice): string[] {
  if (type === 'TRUE_FALSE') return [key[0] === 'TRUE' ? 'FALSE' : 'TRUE'];
  if (type === 'FILL_IN') return [dice.pick(['不清楚', '5', '电流'])];
  // A key of two or more letters: one letter missing, or every option ticked (wrong unless the key is all of them).
  if (type === 'MULTIPLE_CHOICE') return dice.next() < 0.5 ? key.slice(0, -1) : options;
  return [dice.pick(options.filter((o) => !key.includes(o)))];
}

async function issue(c: SeedClient, organizer: string, drillId: string, enterprise: { id: string; name: string }): Promise<DemoPass[]> {
  const out = await c.mutate(organizer, 'issueDrillPasses', 'IssueDrillPassesInput', { drillId, enterpriseId: enterprise.id }, ISSUED);
  return out.passes.map((p: any) => ({ code: p.code, employeeNumber: p.worker.employeeNumber, name: p.worker.name, enterprise: enterprise.name }));
}

function enterprise(reg: SeedRegistry, name: string): { id: string; name: string } {
  const e = reg.enterprises.find((x) => x.name === name);
  if (!e) throw new Error(`seed: no enterprise ${name}`);
  return e;
}

function enough<T>(list: T[], n: number, what: string): T[] {
  if (list.length < n) throw new Error(`seed: ${what}: ${list.length} passes, ${n} needed`);
  return list;
}

/** Takers stop handing in this close to the window's close; whoever is left is submitted at the deadline instead. */
const CLOSE_MARGIN_MS = 5_000;

/**
 * The welding drill, begun: open now, closing FINISHED_WINDOW_MS from now, passes to three enterprises'
 * welders. Ten takers start together; one answers part of the paper and never hands in (the deadline
 * sweeper submits it at the close), the others answer and hand in one after another (so their time used
 * differs), and one of those is voided. `finish` waits for the close and the sweeper, then reads the board.
 */
export async function beginFinishedDrill(c: SeedClient, reg: SeedRegistry, organizer: string, keys: Keys) {
  const dice = new Dice(20261216); // its own dice: the rest of the city is drawn as before drills existed
  const file = BANK_FILES[0]!;
  const now = Date.now();
  const year = new Date(now + 8 * 3_600_000).getUTCFullYear();
  const title = `${year}年港城焊工安全与工艺知识网上练兵（第一期）`;
  const { drill } = await c.mutate(organizer, 'createDrill', 'CreateDrillInput', drillInput(file, {
    title,
    description: `市总工会组织的焊工理论练兵：每人一次，限时30分钟，窗口结束后公布成绩。演示数据：本期窗口在生成演示城市时只开放了约${FINISHED_WINDOW_MS / 1000}秒，答题、交卷和到时自动交卷都经由接口真实发生。`,
    opensAt: new Date(now).toISOString(), closesAt: new Date(now + FINISHED_WINDOW_MS).toISOString(),
    timeLimitMinutes: 30, attemptsAllowed: 1, counting: 'BEST', resultRelease: 'AFTER_WINDOW', publicBoard: true,
  }), 'drill { id closesAt }');
  const id: string = drill.id;
  const closesAt = Date.parse(drill.closesAt);
  await c.mutate(organizer, 'publishDrill', 'DrillIdInput', { drillId: id }, 'drill { status }');
  const holders: DemoPass[][] = [];
  for (const name of ['秦皇岛港务集团', '山海关船舶重工', '港城汽车轮毂']) holders.push(enough(await issue(c, organizer, id, enterprise(reg, name)), 4, name));
  const chosen = [...holders[0]!.slice(0, 4), ...holders[1]!.slice(0, 3), ...holders[2]!.slice(0, 3)];
  const skills = [0.55, 0.95, 0.8, 0.7, 0.9, 0.6, 0.85, 0.5, 0.75, 0.65];
  const takers: Taker[] = [];
  for (const pass of chosen) takers.push(await enter(c, id, pass));
  await answer(c, dice, keys, takers[0]!, skills[0]!, 0.6); // never hands in
  for (const [i, t] of takers.entries()) {
    if (i === 0 || Date.now() > closesAt - CLOSE_MARGIN_MS) continue;
    await answer(c, dice, keys, t, skills[i]!);
    await c.mutate(t.token, 'submitAttempt', 'SubmitAttemptInput', { attemptId: t.attemptId }, 'attempt { status }');
  }
  await c.mutate(organizer, 'voidDrillAttempt', 'VoidDrillAttemptInput', {
    attemptId: takers[6]!.attemptId, reason: '经企业核查，该次答题由他人代答，成绩作废。',
  }, 'attempt { status }');

  return {
    /** Waits out the window (saying how long), until the sweeper has submitted the last attempt; the board's figures. */
    async finish(say: (line: string) => void): Promise<SeedDrills['finished']> {
      const left = closesAt - Date.now();
      if (left > 0) {
        say(`Waiting ${Math.ceil(left / 1000)} s for the demo welding drill's window to close (its last attempt is then submitted by the deadline sweeper)…`);
        await new Promise((r) => setTimeout(r, left + 200));
      }
      const Q = `query($id: ID!) { drill(id: $id) { phase open: attempts(status: IN_PROGRESS, first: 0) { totalCount }
        leaderboard(first: 20) { totalCount nodes { passed } } attempts(first: 20) { nodes { status submittedBy } } } }`;
      for (let waited = 0; ; waited += 250) {
        const d: any = (await c.request(Q, { id }, organizer)).drill;
        if (d.phase === 'CLOSED' && d.open.totalCount === 0) {
          const attempts = d.attempts.nodes as { status: string; submittedBy: string | null }[];
          return {
            id, title, ranked: d.leaderboard.totalCount, passed: d.leaderboard.nodes.filter((n: any) => n.passed).length,
            sweptAtDeadline: attempts.filter((a) => a.submittedBy === 'DEADLINE').length, voided: attempts.filter((a) => a.status === 'VOIDED').length,
          };
        }
        if (waited > 20_000) throw new Error(`seed: the welding drill's last attempt was not submitted at its deadline (phase ${d.phase}, ${d.open.totalCount} under way)`);
        await new Promise((r) => setTimeout(r, 250));
      }
    },
  };
}

/**
 * The electricians' drill, open for three weeks (practice: three tries, the best counts, results at once),
 * passes for two enterprises' electricians; at 耀华玻璃 one taker has handed in and two are under way.
 * Some passes of 港务集团, whose holders have not started, are printed for a demo user to try.
 */
export async function seedOpenDrill(c: SeedClient, reg: SeedRegistry, organizer: string, keys: Keys): Promise<SeedDrills['open']> {
  const dice = new Dice(20261217);
  const file = BANK_FILES[1]!;
  const now = Date.now();
  const year = new Date(now + 8 * 3_600_000).getUTCFullYear();
  const title = `${year}年冬季电工安全用电网上练兵`;
  const closesAt = new Date(now + 21 * 86_400_000).toISOString();
  const { drill } = await c.mutate(organizer, 'createDrill', 'CreateDrillInput', drillInput(file, {
    title, description: '面向全市电工的日常练兵：每人可答三次，取最高分，交卷后即可查看成绩和解析。',
    opensAt: new Date(now).toISOString(), closesAt, timeLimitMinutes: 45, attemptsAllowed: 3, counting: 'BEST', resultRelease: 'IMMEDIATELY',
  }), 'drill { id }');
  const id: string = drill.id;
  await c.mutate(organizer, 'publishDrill', 'DrillIdInput', { drillId: id }, 'drill { status }');
  const port = enough(await issue(c, organizer, id, enterprise(reg, '秦皇岛港务集团')), 3, '秦皇岛港务集团');
  const glass = enough(await issue(c, organizer, id, enterprise(reg, '耀华玻璃')), 3, '耀华玻璃');
  const skills = [0.85, 0.7, 0.6];
  for (const [i, pass] of glass.slice(0, 3).entries()) {
    const t = await enter(c, id, pass);
    await answer(c, dice, keys, t, skills[i]!, i === 0 ? 1 : 0.5);
    if (i === 0) await c.mutate(t.token, 'submitAttempt', 'SubmitAttemptInput', { attemptId: t.attemptId }, 'attempt { status }');
  }
  return { id, title, closesAt, passes: port.length + glass.length, inProgress: 2, demoPasses: port.slice(0, 3) };
}
