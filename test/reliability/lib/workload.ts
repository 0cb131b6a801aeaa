import { mulberry32, shuffle } from '../../../src/common/seeded-random';
import type { Seeded } from './seed';

/** One mark a judge means to give (or a correction of it), with the idempotency key all its attempts carry. */
export interface MarkOp {
  judge: number;
  key: string;
  entryId: string;
  criterionId: string;
  /** entry|criterion|slot, the score row's identity (slot: the judge's user id, or M for MEASUREMENT). */
  slot: string;
  value: number;
  reason: string | null;
  correction: boolean;
}

/**
 * `marks` submissions spread over the judges, about `correctionShare` of them corrections of the
 * judge's own earlier marks (each a new value with a reason). Each MEASUREMENT mark belongs to one
 * judge, so the expected end state does not depend on the order in which judges' requests land;
 * one judge's submissions run in order, as a judge's tablet sends them.
 */
export function planWorkload(seeded: Seeded, opts: { marks: number; correctionShare: number; seed: number }): MarkOp[][] {
  const random = mulberry32(opts.seed); // seeded: a failing run replays with RELIABILITY_SEED
  const judges = seeded.judges.length;
  const perJudge = Math.ceil(opts.marks / judges);
  const value = (max: number, not?: number): number => {
    for (;;) {
      const v = Math.round(random() * max * 100) / 100;
      if (v !== not) return v;
    }
  };
  return seeded.judges.map((judge, j) => {
    const count = Math.min(perJudge, opts.marks - j * perJudge);
    if (count <= 0) return [];
    const slots: { entryId: string; criterionId: string; slot: string; maxScore: number }[] = [];
    seeded.entryIds.forEach((entryId, e) =>
      seeded.criteria.forEach((c, k) => {
        if (c.kind === 'JUDGEMENT') slots.push({ entryId, criterionId: c.id, slot: `${entryId}|${c.id}|${judge.userId}`, maxScore: c.maxScore });
        else if ((e * 7 + k) % judges === j) slots.push({ entryId, criterionId: c.id, slot: `${entryId}|${c.id}|M`, maxScore: c.maxScore });
      }),
    );
    shuffle(slots, random);
    const corrections = Math.round(count * opts.correctionShare);
    const fresh = Math.min(count - corrections, slots.length);
    const ops: MarkOp[] = slots.slice(0, fresh).map((s) => ({ judge: j, key: '', entryId: s.entryId, criterionId: s.criterionId, slot: s.slot, value: value(s.maxScore), reason: null, correction: false }));
    for (let n = 0; n < count - fresh; n++) {
      const target = slots[Math.floor(random() * fresh)]!;
      const last = ops.map((o) => o.slot).lastIndexOf(target.slot);
      const at = last + 1 + Math.floor(random() * (ops.length - last));
      ops.splice(at, 0, { judge: j, key: '', entryId: target.entryId, criterionId: target.criterionId, slot: target.slot, value: value(target.maxScore, ops[last]!.value), reason: `复核更正 ${n + 1}`, correction: true });
    }
    ops.forEach((o, i) => (o.key = `judge${j}-mark${i}`));
    return ops;
  });
}

/** What the database must hold after the ops: per slot the last value and the chain of corrections. */
export function expectedState(plan: MarkOp[][]): Map<string, { value: number; revisions: [number, number][] }> {
  const state = new Map<string, { value: number; revisions: [number, number][] }>();
  for (const ops of plan) {
    for (const op of ops) {
      const s = state.get(op.slot);
      if (!s) state.set(op.slot, { value: op.value, revisions: [] });
      else {
        s.revisions.push([s.value, op.value]);
        s.value = op.value;
      }
    }
  }
  return state;
}
