import { labelOf } from '../common/enum-labels.js';
import { MethodStatus as S } from './enums.js';
import { m } from './messages.js';

/**
 * The life of an operating method as data: each move → the states it may start from and where it
 * goes. Pure, so it is unit-tested on its own; services apply it. NAMED and REJECTED are final
 * except that a NAMED method keeps collecting adoptions (推广), which leave it NAMED.
 */
export type MethodAction = 'assignReviewers' | 'removeReviewer' | 'review' | 'name' | 'reject' | 'recordAdoption';

export const METHOD_LIFECYCLE: Record<MethodAction, { from: readonly S[]; to: S | 'same' }> = {
  // More reviewers may join while reviews are being collected.
  assignReviewers: { from: [S.SUBMITTED, S.UNDER_REVIEW], to: S.UNDER_REVIEW },
  // A reviewer may be taken off while reviews are collected; the service sends the method back to
  // SUBMITTED when the last one goes (nobody left to review it).
  removeReviewer: { from: [S.UNDER_REVIEW], to: 'same' },
  review: { from: [S.UNDER_REVIEW], to: 'same' },
  name: { from: [S.UNDER_REVIEW], to: S.NAMED },
  reject: { from: [S.SUBMITTED, S.UNDER_REVIEW], to: S.REJECTED },
  recordAdoption: { from: [S.NAMED], to: 'same' },
};

const WHAT = {
  assignReviewers: 'actAssignReviewers',
  removeReviewer: 'actRemoveReviewer',
  review: 'actReview',
  name: 'actName',
  reject: 'actReject',
  recordAdoption: 'actRecordAdoption',
} as const satisfies Record<MethodAction, string>;

/** The state after the move, or a sentence saying why the move is illegal. */
export function nextMethodStatus(current: S, action: MethodAction): { ok: true; to: S } | { ok: false; message: string } {
  const rule = METHOD_LIFECYCLE[action];
  if (rule.from.includes(current)) return { ok: true, to: rule.to === 'same' ? current : rule.to };
  const label = (s: S) => labelOf('MethodStatus', s);
  return { ok: false, message: m('moveNotPossible', { action: m(WHAT[action]), status: label(current), allowed: rule.from.map(label).join(m('orSeparator')) }) };
}

/** Every state reachable from `from` by any sequence of moves (for the unit tests' finality checks). */
export function reachableFrom(from: S): Set<S> {
  const seen = new Set<S>([from]);
  const queue = [from];
  while (queue.length) {
    const s = queue.shift()!;
    for (const action of Object.keys(METHOD_LIFECYCLE) as MethodAction[]) {
      const next = nextMethodStatus(s, action);
      if (next.ok && !seen.has(next.to)) {
        seen.add(next.to);
        queue.push(next.to);
      }
    }
  }
  return seen;
}
