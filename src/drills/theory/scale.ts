import { AttemptStatus, DrillCounting } from '../enums.js';

/** What the theory fill reads of one attempt. */
export interface CountedAttempt {
  id: string;
  number: number;
  status: AttemptStatus;
  score: number | null;
  maxScore: number;
  startedAt: Date | string | null;
}

/** Hundredths as an integer, from a value of at most two decimals. */
const hundredths = (v: number): bigint => BigInt(Math.round(Number(v) * 100));

/** a / b rounded half up (a, b ≥ 0, b > 0), exact. */
function divHalfUp(a: bigint, b: bigint): bigint {
  return (2n * a + b) / (2n * b);
}

/**
 * The drill's points scaled to the criterion's maximum: score / maxScore × criterionMax, rounded half
 * up to two decimals, computed on hundredths so that 37/50 × 30 is exactly 22.20 (no float rounding).
 */
export function scaleScore(score: number, maxScore: number, criterionMax: number): number {
  if (!(maxScore > 0)) return 0;
  return Number(divHalfUp(hundredths(score) * hundredths(criterionMax), hundredths(maxScore))) / 100;
}

/**
 * The attempt that counts for one taker: among SUBMITTED and VOIDED attempts (a voided one counts 0
 * points), the best-scoring (BEST; the earlier on a tie) or the last by number (LAST). Null when none
 * is over (never started, or only drawn / still under way).
 */
export function countedAttempt(attempts: readonly CountedAttempt[], counting: DrillCounting): { attempt: CountedAttempt; score: number } | null {
  const over = attempts
    .filter((a) => a.status === AttemptStatus.SUBMITTED || a.status === AttemptStatus.VOIDED)
    .map((a) => ({ attempt: a, score: a.status === AttemptStatus.VOIDED ? 0 : Number(a.score ?? 0) }))
    .sort((x, y) => x.attempt.number - y.attempt.number);
  if (!over.length) return null;
  if (counting === DrillCounting.LAST) return over[over.length - 1]!;
  return over.reduce((best, c) => (c.score / c.attempt.maxScore > best.score / best.attempt.maxScore ? c : best));
}

/** Started: an attempt that left DRAWN (under way, submitted or voided). */
export function started(attempts: readonly CountedAttempt[]): boolean {
  return attempts.some((a) => a.status !== AttemptStatus.DRAWN);
}

/** One entry's value: ABSENT when no member started; else the mean of the members' scaled values (0 for a member who never started), half up. */
export type EntryValue = { absent: true } | { absent: false; value: number; sourceId: string | null };

export function entryValue(members: readonly (readonly CountedAttempt[])[], counting: DrillCounting, criterionMax: number): EntryValue {
  if (!members.some(started)) return { absent: true };
  const counted = members.map((m) => countedAttempt(m, counting));
  const values = counted.map((c) => (c ? scaleScore(c.score, c.attempt.maxScore, criterionMax) : 0));
  const sum = values.reduce((s, v) => s + hundredths(v), 0n);
  const value = Number(divHalfUp(sum, BigInt(values.length))) / 100;
  // The attempt the value came from, when exactly one did (an individual entry).
  const sourceId = members.length === 1 ? counted[0]?.attempt.id ?? null : null;
  return { absent: false, value, sourceId };
}
