import type { Phones } from './phones.js';

/** What a taker's phone asks for at each step (the shapes of test/drills/taking-fixture.ts, what a screen shows). */
const ENTER = `mutation($i: EnterDrillInput!) { enterDrill(input: $i) { token deviceId userErrors { code message } } }`;
const START = `mutation($i: StartAttemptInput!) { startAttempt(input: $i) { attempt { id number status deadline
  questions { position questionId type stem options { key text } points answer } } userErrors { code message } } }`;
const SAVE = `mutation($i: SaveAnswerInput!) { saveAnswer(input: $i) { saved seq userErrors { code message } } }`;
const SUBMIT = `mutation($i: SubmitAttemptInput!) { submitAttempt(input: $i) { attempt { id status submittedAt } userErrors { code message } } }`;

export interface PaperQuestion {
  questionId: string;
  type: string;
  optionKeys: string[];
}

export interface Taker {
  pass: string;
  employeeNumber: string;
  /** The phone's own address (X-Forwarded-For): 10.x.y.z. */
  address: string;
  deviceId: string;
  token: string;
  attemptId: string;
  paper: PaperQuestion[];
  /** The client's sequence number, raised with every save. */
  seq: number;
  state: 'OUT' | 'ENTERED' | 'STARTED' | 'SUBMITTED';
}

export function makeTakers(passes: { code: string; employeeNumber: string }[]): Taker[] {
  return passes.map((p, i) => ({
    pass: p.code, employeeNumber: p.employeeNumber, address: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, deviceId: `bench-phone-${i}`,
    token: '', attemptId: '', paper: [], seq: 0, state: 'OUT',
  }));
}

/** A failure's name for the tallies: the GraphQL error code or userError code, else its message. */
function why(body: { errors?: { message: string; extensions?: { code?: string } }[] }, payload: { userErrors?: { code: string; message: string }[] } | undefined): string | null {
  if (body.errors?.length) return `error ${body.errors[0]!.extensions?.code ?? body.errors[0]!.message.slice(0, 60)}`;
  if (!payload) return 'no payload';
  if (payload.userErrors?.length) return `userError ${payload.userErrors[0]!.code}`;
  return null;
}

export async function enter(phones: Phones, drillId: string, t: Taker): Promise<'ok' | string> {
  const body = await phones.post(ENTER, { i: { drillId, pass: t.pass, employeeNumber: t.employeeNumber, deviceId: t.deviceId } }, { address: t.address });
  const p = body.data?.enterDrill;
  const bad = why(body, p);
  if (bad) return bad;
  t.token = p.token;
  t.state = 'ENTERED';
  return 'ok';
}

export async function start(phones: Phones, drillId: string, t: Taker): Promise<'ok' | string> {
  const body = await phones.post(START, { i: { drillId } }, { token: t.token, address: t.address });
  const p = body.data?.startAttempt;
  const bad = why(body, p);
  if (bad) return bad;
  if (p.attempt.status !== 'IN_PROGRESS' || !p.attempt.questions.length) return `started as ${p.attempt.status} with ${p.attempt.questions.length} questions`;
  t.attemptId = p.attempt.id;
  t.paper = p.attempt.questions.map((q: { questionId: string; type: string; options: { key: string }[] }) => ({ questionId: q.questionId, type: q.type, optionKeys: q.options.map((o) => o.key) }));
  t.state = 'STARTED';
  return 'ok';
}

function anAnswer(q: PaperQuestion): string[] {
  const pick = () => q.optionKeys[Math.floor(Math.random() * q.optionKeys.length)]!;
  switch (q.type) {
    case 'SINGLE_CHOICE': return [pick()];
    case 'MULTIPLE_CHOICE': return [...new Set([pick(), pick()])];
    case 'TRUE_FALSE': return [Math.random() < 0.5 ? 'TRUE' : 'FALSE'];
    default: return [`答案${1 + Math.floor(Math.random() * 4)}`];
  }
}

export interface SaveCounts {
  /** saved: false — an older save answered after a newer one of the same phone (open loop: both in flight). */
  notSaved: number;
}

/** One changed answer on a random question of the taker's paper, with the next client seq. */
export async function save(phones: Phones, t: Taker, counts: SaveCounts): Promise<'ok' | string> {
  const q = t.paper[Math.floor(Math.random() * t.paper.length)]!;
  const seq = ++t.seq;
  const body = await phones.post(SAVE, { i: { attemptId: t.attemptId, questionId: q.questionId, answer: anAnswer(q), seq } }, { token: t.token, address: t.address });
  const p = body.data?.saveAnswer;
  const bad = why(body, p);
  if (bad) return bad;
  if (!p.saved) counts.notSaved++;
  return 'ok';
}

export async function submit(phones: Phones, t: Taker): Promise<'ok' | string> {
  const body = await phones.post(SUBMIT, { i: { attemptId: t.attemptId } }, { token: t.token, address: t.address });
  const p = body.data?.submitAttempt;
  const bad = why(body, p);
  if (bad) return bad;
  if (p.attempt.status !== 'SUBMITTED') return `submitted as ${p.attempt.status}`;
  t.state = 'SUBMITTED';
  return 'ok';
}
