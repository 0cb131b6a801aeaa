import { performance } from 'node:perf_hooks';
import type { MarkOp } from './workload';
import { mulberry32 } from '../../../src/common/seeded-random';

const SUBMIT = `mutation($i: SubmitScoreInput!) { submitScore(input: $i) { score { id } revised replayed leaderboardVersion userErrors { code field message } } }`;

export interface Ack {
  scoreId: string;
  revised: boolean;
  replayed: boolean;
  version: number;
}

/** Where a judge's requests go: a server, and a relay to it that loses every response. */
export interface Route {
  name: string;
  url: string;
  dropUrl: string;
}

export interface Faults {
  /** Share of submissions sent twice at once (a duplicated delivery). */
  duplicate: number;
  /** Share whose response is lost after the server answered (drop relay). */
  drop: number;
  /** Share the client gives up on after a few milliseconds, whether or not the server got it. */
  abort: number;
}

export interface LoadFigures {
  marks: number;
  corrections: number;
  requests: number;
  duplicates: number;
  duplicateDisagreements: string[];
  droppedResponses: number;
  clientAborts: number;
  retries: number;
  /** Attempts that failed with an error (GraphQL error, HTTP error, connection refused or reset, timeout). */
  failedCleanly: number;
  failureKinds: Record<string, number>;
  /** Answers that are wrong for the op: userErrors, or a correction not reported as one. */
  wrongAnswers: string[];
  unacknowledged: number;
  replayedAcks: number;
  seconds: number;
  acks: Map<string, Ack>;
}

type Attempt = { ok: true; ack: Ack } | { ok: false; kind: string; detail?: string; wrong?: boolean };

async function post(url: string, token: string, op: MarkOp, timeoutMs: number): Promise<Attempt> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: SUBMIT, variables: { i: { entryId: op.entryId, criterionId: op.criterionId, value: op.value, reason: op.reason, idempotencyKey: op.key } } }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    return { ok: false, kind: e.name === 'TimeoutError' ? 'timeout' : `network:${e.cause?.code ?? e.message}` };
  }
  let body: any;
  try {
    body = await res.json();
  } catch (err) {
    return { ok: false, kind: (err as Error).name === 'TimeoutError' ? 'timeout' : `http:${res.status}` };
  }
  if (body.errors?.length) return { ok: false, kind: `graphql:${body.errors[0]?.extensions?.code ?? 'error'}`, detail: body.errors[0]?.message };
  const p = body.data?.submitScore;
  if (!p) return { ok: false, kind: `http:${res.status}` };
  if (p.userErrors.length) return { ok: false, kind: 'userErrors', detail: JSON.stringify(p.userErrors), wrong: true };
  return { ok: true, ack: { scoreId: p.score.id, revised: p.revised, replayed: p.replayed, version: p.leaderboardVersion } };
}

export function newFigures(): LoadFigures {
  return { marks: 0, corrections: 0, requests: 0, duplicates: 0, duplicateDisagreements: [], droppedResponses: 0, clientAborts: 0, retries: 0, failedCleanly: 0, failureKinds: {}, wrongAnswers: [], unacknowledged: 0, replayedAcks: 0, seconds: 0, acks: new Map() };
}

/**
 * One judge's tablet: submits its marks in order, each until acknowledged, with the faults drawn
 * per submission. A failed or unanswered attempt is retried with the same idempotency key, on the
 * next route when the connection itself failed (the other server instance, in the failover test).
 */
export async function runJudge(ops: MarkOp[], token: string, routes: () => Route[], faults: Faults, figures: LoadFigures, opts: { seed: number; deadline: number; progress?: () => void }): Promise<void> {
  const random = mulberry32(opts.seed);
  let routeIndex = ops[0] ? ops[0].judge : 0;
  const route = () => {
    const all = routes();
    return all[routeIndex % all.length]!;
  };
  for (const op of ops) {
    figures.marks++;
    if (op.correction) figures.corrections++;
    const draw = random();
    const planned: 'duplicate' | 'drop' | 'abort' | null =
      draw < faults.duplicate ? 'duplicate' : draw < faults.duplicate + faults.drop ? 'drop' : draw < faults.duplicate + faults.drop + faults.abort ? 'abort' : null;
    let ack: Ack | null = null;
    for (let attempt = 0; !ack; attempt++) {
      if (performance.now() > opts.deadline) {
        figures.unacknowledged++;
        break;
      }
      if (attempt > 0) {
        figures.retries++;
        await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** Math.min(attempt, 6)) * (0.5 + random())));
      }
      const fault = attempt === 0 ? planned : null; // a retry is an ordinary request
      const r = route();
      let result: Attempt;
      if (fault === 'duplicate') {
        figures.requests += 2;
        figures.duplicates++;
        const [a, b] = await Promise.all([post(r.url, token, op, 30_000), post(r.url, token, op, 30_000)]);
        if (a.ok && b.ok && (a.ack.scoreId !== b.ack.scoreId || a.ack.revised !== b.ack.revised || a.ack.version !== b.ack.version || a.ack.replayed === b.ack.replayed)) {
          figures.duplicateDisagreements.push(`${op.key}: ${JSON.stringify(a.ack)} vs ${JSON.stringify(b.ack)}`);
        }
        if (a.ok !== b.ok) {
          const failed = (a.ok ? b : a) as Extract<Attempt, { ok: false }>;
          figures.failedCleanly++;
          figures.failureKinds[`duplicate:${failed.kind}`] = (figures.failureKinds[`duplicate:${failed.kind}`] ?? 0) + 1;
        }
        result = a.ok ? a : b;
      } else if (fault === 'drop') {
        figures.requests++;
        result = await post(r.dropUrl, token, op, 30_000);
        if (!result.ok && result.kind.startsWith('network')) figures.droppedResponses++;
        else if (result.ok) figures.wrongAnswers.push(`${op.key}: the drop relay let a response through`);
      } else if (fault === 'abort') {
        figures.requests++;
        result = await post(r.url, token, op, 1 + Math.floor(random() * 30));
        if (!result.ok && result.kind === 'timeout') figures.clientAborts++;
      } else {
        figures.requests++;
        result = await post(r.url, token, op, 30_000);
      }
      if (result.ok) {
        ack = result.ack;
        break;
      }
      if (result.wrong) {
        figures.wrongAnswers.push(`${op.key}: ${result.detail}`);
        break;
      }
      // The client's own abort and the drop relay are the faults under test, not server failures.
      const induced = (fault === 'drop' || fault === 'abort') && (result.kind === 'timeout' || result.kind.startsWith('network:'));
      if (!induced) {
        figures.failedCleanly++;
        figures.failureKinds[result.kind] = (figures.failureKinds[result.kind] ?? 0) + 1;
        if (result.kind.startsWith('network:')) routeIndex++; // that instance is gone: try the next
      }
    }
    if (ack) {
      if (ack.replayed) figures.replayedAcks++;
      if (ack.revised !== op.correction) figures.wrongAnswers.push(`${op.key}: revised=${ack.revised} for ${op.correction ? 'a correction' : 'a first mark'}`);
      figures.acks.set(op.key, ack);
      opts.progress?.();
    }
  }
}
