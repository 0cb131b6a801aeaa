import { performance } from 'node:perf_hooks';
import { gql } from './gql.js';
import type { SeededCompetition } from './seed.js';

const SUBMIT = `mutation($i: SubmitScoreInput!) { submitScore(input: $i) { leaderboardVersion userErrors { message } } }`;

export interface Cell { judge: number; entry: string; criterion: string }

/** Every (judge, entry, criterion) once, shuffled: a scenario's marks are taken from the front. */
export function markSheet(seeded: SeededCompetition): Cell[] {
  const work: Cell[] = [];
  for (let j = 0; j < seeded.judgeTokens.length; j++) for (const entry of seeded.entryIds) for (const c of seeded.criteria) work.push({ judge: j, entry, criterion: c.id });
  for (let i = work.length - 1; i > 0; i--) {
    const k = Math.floor(Math.random() * (i + 1));
    [work[i], work[k]] = [work[k]!, work[i]!];
  }
  return work;
}

export interface MarkRun {
  /** leaderboard version → when the mark that produced it was sent (performance.now()). */
  sentAt: Map<number, number>;
  submitMs: number[];
  errors: number;
  reasons: Set<string>;
  elapsed: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

/**
 * Judges mark from `sheet` for `seconds` with `concurrency` requests in flight. `perSecond` paces
 * the marks (an open schedule: a late one is sent at once); `gapMs` instead waits that long after
 * each answer before the next mark (the isolated mark). `urlOf(i)` picks the instance of the i-th mark.
 */
export async function runMarks(seeded: SeededCompetition, sheet: Cell[], opts: { seconds: number; concurrency: number; perSecond?: number; gapMs?: number; url: string | ((i: number) => string) }): Promise<MarkRun> {
  const run: MarkRun = { sentAt: new Map(), submitMs: [], errors: 0, reasons: new Set(), elapsed: 0 };
  const urlOf = typeof opts.url === 'string' ? () => opts.url as string : opts.url;
  const started = performance.now();
  const deadline = started + opts.seconds * 1000;
  let issued = 0;
  const loop = async () => {
    while (performance.now() < deadline && sheet.length) {
      const i = issued++;
      if (opts.perSecond) await sleep(started + (i * 1000) / opts.perSecond - performance.now());
      const w = sheet.pop()!;
      const t0 = performance.now();
      try {
        const d = await gql(urlOf(i), SUBMIT, {
          i: { entryId: w.entry, criterionId: w.criterion, value: Math.round(Math.random() * 1000) / 100, reason: 'bench', idempotencyKey: `${w.judge}:${w.entry}:${w.criterion}` },
        }, seeded.judgeTokens[w.judge]);
        if (d.submitScore.userErrors.length) {
          run.errors++;
          run.reasons.add(d.submitScore.userErrors[0].message);
        } else run.sentAt.set(d.submitScore.leaderboardVersion, t0);
        run.submitMs.push(performance.now() - t0);
      } catch (err) {
        run.errors++;
        run.reasons.add(String(err).slice(0, 160));
      }
      if (opts.gapMs) await sleep(opts.gapMs);
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, loop));
  run.elapsed = (performance.now() - started) / 1000;
  return run;
}
