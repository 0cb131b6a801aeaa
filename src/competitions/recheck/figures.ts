import { roundHalfUp } from '../../scoring/index.js';
import { basisPoints } from './draw.js';

/**
 * A stage's re-check figures from its items, pure:
 * - sampled / checked / changed count the sample's own items (marks of the sampled entries);
 *   the items a full re-check added do not count toward the error rate.
 * - errorRate = changed ÷ checked, rounded half up to four decimals (1 of 15 → 0.0667); null before
 *   any is checked. Whether it exceeds the threshold is decided on the exact fraction, not the
 *   rounded figure: changed × 10000 > threshold basis points × checked.
 * - fullRecheckDue: every sampled mark of the stage is checked and the rate exceeds the threshold.
 * - complete: no item of the stage (sampled or added) is still pending.
 */
export interface ItemState {
  stageId: string;
  full: boolean;
  pending: boolean;
  corrected: boolean;
}

export interface StageFigures {
  stageId: string;
  sampledMarks: number;
  checkedMarks: number;
  correctedMarks: number;
  errorRate: number | null;
  fullRecheckDue: boolean;
  /** Items a full re-check added, and how many of all items are still pending. */
  addedMarks: number;
  pendingMarks: number;
  complete: boolean;
}

export function exceedsThreshold(changed: number, checked: number, threshold: number): boolean {
  return checked > 0 && changed * 10_000 > basisPoints(threshold) * checked;
}

export function stageFigures(stageIds: readonly string[], items: readonly ItemState[], threshold: number): StageFigures[] {
  return stageIds.map((stageId) => {
    const mine = items.filter((i) => i.stageId === stageId);
    const sampled = mine.filter((i) => !i.full);
    const checked = sampled.filter((i) => !i.pending);
    const changed = checked.filter((i) => i.corrected).length;
    const pendingMarks = mine.filter((i) => i.pending).length;
    return {
      stageId,
      sampledMarks: sampled.length,
      checkedMarks: checked.length,
      correctedMarks: changed,
      errorRate: checked.length ? roundHalfUp({ num: BigInt(changed), den: BigInt(checked.length) }, 4) : null,
      fullRecheckDue: checked.length === sampled.length && exceedsThreshold(changed, checked.length, threshold),
      addedMarks: mine.length - sampled.length,
      pendingMarks,
      complete: pendingMarks === 0,
    };
  });
}
