import { performance } from 'node:perf_hooks';
import { mulberry32, shuffle } from '../../../src/common/seeded-random';
import { FILL_IN_KEY, type SeededDrill, type SeededQuestion } from './drill-seed';

const ENTER = `mutation($i: EnterDrillInput!) { enterDrill(input: $i) { token userErrors { code message } } }`;
const START = `mutation($i: StartAttemptInput!) { startAttempt(input: $i) { attempt { id questions { questionId } } userErrors { code message } } }`;
const SAVE = `mutation($i: SaveAnswerInput!) { saveAnswer(input: $i) { saved seq userErrors { code message } } }`;
const SUBMIT = `mutation($i: SubmitAttemptInput!) { submitAttempt(input: $i) { attempt { id status submittedAt submittedBy score maxScore } userErrors { code message } } }`;

/** A saveAnswer answered 200 without an error: the taker was told this answer is kept (saved, or a newer one is). */
export interface SaveAck {
  attemptId: string;
  questionId: string;
  seq: number;
  saved: boolean;
  /** The seq the server says is stored now. */
  storedSeq: number;
}

/** A submitAttempt answered 200 without an error: what the taker was shown. */
export interface SubmitAck {
  attemptId: string;
  status: string;
  submittedAt: string;
  submittedBy: string;
  score: number | null;
  maxScore: number;
}

/** One HTTP request: when it was sent and answered, and how it failed (null: acknowledged). */
export interface RequestLog {
  sent: number;
  done: number;
  failure: string | null;
}

export interface TakerFigures {
  requests: number;
  retries: number;
  /** Entries again with the pass because the drill token was refused (it is stateless: there should be none). */
  reEntries: number;
  /** userErrors and other answers wrong for the request (none expected). */
  wrongAnswers: string[];
  saveAcks: SaveAck[];
  submitAcks: SubmitAck[];
  /** Every answer sent, by `attemptId|questionId`, then seq (the value a stored seq must carry). */
  sent: Map<string, Map<number, string[]>>;
  /** Attempt IDs of the takers who left their attempt to the deadline sweeper. */
  abandoned: Set<string>;
  /** Last saves sent together with the submission, and how many of them were refused as the attempt was over. */
  racedSaves: number;
  racedRefused: number;
  /** Takers stopped by the run's deadline before finishing. */
  unfinished: number;
  /** Every request, failed ones with their kind (connection refused or reset, timeout, HTTP status, GraphQL error code). */
  log: RequestLog[];
  seconds: number;
}

export function newTakerFigures(): TakerFigures {
  return { requests: 0, retries: 0, reEntries: 0, wrongAnswers: [], saveAcks: [], submitAcks: [], sent: new Map(), abandoned: new Set(), racedSaves: 0, racedRefused: 0, unfinished: 0, log: [], seconds: 0 };
}

/** A save refused because its attempt was over (submitted meanwhile): not acknowledged, not a wrong answer. */
const OVER = Symbol('attempt over');

type Outcome = { ok: true; payload: any } | { ok: false; kind: string; detail?: string };

async function post(url: string, query: string, input: unknown, field: string, token?: string): Promise<Outcome> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables: { i: input } }),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    return { ok: false, kind: e.name === 'TimeoutError' ? 'timeout' : `network:${e.cause?.code ?? e.message}` };
  }
  let body: any;
  try {
    body = await res.json();
  } catch {
    return { ok: false, kind: `http:${res.status}` };
  }
  if (body.errors?.length) return { ok: false, kind: `graphql:${body.errors[0]?.extensions?.code ?? 'error'}`, detail: body.errors[0]?.message };
  const payload = body.data?.[field];
  if (res.status !== 200 || !payload) return { ok: false, kind: `http:${res.status}` };
  if (payload.userErrors.length) return { ok: false, kind: 'userErrors', detail: JSON.stringify(payload.userErrors) };
  return { ok: true, payload };
}

/** What a taker answers: the key, or on purpose something else. */
function answerFor(q: SeededQuestion, right: boolean, random: () => number): string[] {
  if (right) return q.key;
  switch (q.type) {
    case 'SINGLE_CHOICE': return [['A', 'B', 'C', 'D'].filter((k) => k !== q.key[0])[Math.floor(random() * 3)]!];
    case 'MULTIPLE_CHOICE': return random() < 0.5 ? ['A'] : ['B', 'D'];
    case 'TRUE_FALSE': return [q.key[0] === 'TRUE' ? 'FALSE' : 'TRUE'];
    default: return [`${FILL_IN_KEY}${Math.floor(random() * 10)}`];
  }
}

export interface TakerRun {
  url: string;
  drill: SeededDrill;
  seed: number;
  /** Share of takers who never submit, leaving it to the deadline sweeper. */
  abandonShare: number;
  deadline: number;
  figures: TakerFigures;
  /** Called on every acknowledged save, to time the faults. */
  progress: () => void;
}

/** enterDrill with the pass; the device id is the phone's own, kept across entries. */
export async function enter(url: string, drill: SeededDrill, taker: number): Promise<string> {
  const t = drill.takers[taker]!;
  const r = await post(url, ENTER, { drillId: drill.drillId, pass: t.pass, employeeNumber: t.employeeNumber, deviceId: `phone-${taker}` }, 'enterDrill');
  if (!r.ok) throw new Error(`enterDrill for taker ${taker}: ${r.kind} ${r.detail ?? ''}`);
  return r.payload.token;
}

/**
 * One taker's phone: starts (or resumes) the attempt, answers each question one to three times (the
 * last answer right about 60 % of the time), each save with a higher seq and retried until answered,
 * then submits (a tenth with a double tap, a fifth with their last save still in flight), or for
 * `abandonShare` of takers leaves it to the sweeper. A failed request (connection refused or reset, an
 * error) is retried as it was; a refused token sends the taker through enterDrill again with their pass.
 */
export async function runTaker(run: TakerRun, taker: number, firstToken: string): Promise<void> {
  const { figures, drill } = run;
  const random = mulberry32(run.seed + taker);
  let token = firstToken;
  const call = async (what: string, query: string, input: unknown, field: string, overOk = false): Promise<any | null> => {
    for (let attempt = 0; ; attempt++) {
      if (performance.now() > run.deadline) return null;
      if (attempt > 0) {
        figures.retries++;
        await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** Math.min(attempt, 6)) * (0.5 + random())));
      }
      figures.requests++;
      const sent = performance.now();
      const r = await post(run.url, query, input, field, token);
      figures.log.push({ sent, done: performance.now(), failure: r.ok ? null : r.kind });
      if (r.ok) return r.payload;
      if (r.kind === 'userErrors') {
        if (overOk && r.detail?.includes('"INVALID_STATE"')) {
          figures.racedRefused++;
          return OVER;
        }
        figures.wrongAnswers.push(`taker ${taker} ${what}: ${r.detail}`);
        return null;
      }
      if (r.kind === 'graphql:UNAUTHENTICATED') {
        try {
          token = await enter(run.url, drill, taker);
          figures.reEntries++;
        } catch {
          /* the server is not back yet: the next round tries again */
        }
      }
    }
  };

  const started = await call('startAttempt', START, { drillId: drill.drillId }, 'startAttempt');
  if (!started) return void figures.unfinished++;
  const attemptId: string = started.attempt.id;
  const saves: { questionId: string; answer: string[] }[] = [];
  for (const { questionId } of started.attempt.questions as { questionId: string }[]) {
    const q = drill.questions.get(questionId);
    if (!q) {
      figures.wrongAnswers.push(`taker ${taker}: question ${questionId} on the paper is not in the drill's bank`);
      continue;
    }
    const times = 1 + Math.floor(random() * 3);
    for (let n = 0; n < times; n++) saves.push({ questionId, answer: answerFor(q, n === times - 1 ? random() < 0.6 : random() < 0.3, random) });
  }
  // Answered in any order: a taker moves back and forth; the last save of a question is its answer.
  shuffle(saves, random);
  const abandon = random() < run.abandonShare;
  // Some phones' last autosave is still in flight when the taker taps submit: that save may be stored
  // and marked, or refused as the attempt is over, never acknowledged and left out of the marks.
  const racing = !abandon && random() < 0.2 ? saves.pop() : undefined;
  let seq = 0;
  const saveOne = async (s: { questionId: string; answer: string[] }, overOk: boolean): Promise<boolean> => {
    seq += 1;
    const key = `${attemptId}|${s.questionId}`;
    const sent = figures.sent.get(key) ?? new Map<number, string[]>();
    figures.sent.set(key, sent.set(seq, s.answer));
    const r = await call(`saveAnswer seq ${seq}`, SAVE, { attemptId, questionId: s.questionId, answer: s.answer, seq }, 'saveAnswer', overOk);
    if (r === OVER) return true;
    if (!r) return false;
    figures.saveAcks.push({ attemptId, questionId: s.questionId, seq, saved: r.saved, storedSeq: r.seq });
    run.progress();
    return true;
  };
  for (const s of saves) if (!(await saveOne(s, false))) return void figures.unfinished++;
  if (abandon) return void figures.abandoned.add(attemptId);
  // A double tap now and then: two submissions at once must mark the attempt once, and tell both the same.
  const taps = random() < 0.1 ? 2 : 1;
  const [raced, ...submitted] = await Promise.all([
    racing ? saveOne(racing, true) : Promise.resolve(true),
    ...Array.from({ length: taps }, () => call('submitAttempt', SUBMIT, { attemptId }, 'submitAttempt')),
  ]);
  if (racing) figures.racedSaves++;
  if (!raced) return void figures.unfinished++;
  for (const r of submitted) {
    if (!r || r === OVER) return void figures.unfinished++;
    const a = r.attempt;
    figures.submitAcks.push({ attemptId: a.id, status: a.status, submittedAt: a.submittedAt, submittedBy: a.submittedBy, score: a.score, maxScore: a.maxScore });
  }
}
