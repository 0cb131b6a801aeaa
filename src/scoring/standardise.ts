/**
 * Standardised scores (WorldSkills 700 scale): each ranked entry's total mapped to mean 500 and
 * standard deviation 100 over the ranked entries of one competition, so skills marked on
 * different schemes can be compared (700 is WorldSkills' Medallion for Excellence threshold).
 *
 *   standardised = 500 + 100 × (total − mean) / sd      (sd: population standard deviation)
 *
 * - Fewer than MIN_STANDARDISED_ENTRIES ranked totals → null for every entry (too few to scale).
 * - Zero spread (every total equal) → 500 for every entry (each sits exactly at the mean).
 * - Rounded to two decimals half up (half away from zero, as decimal.ts), exactly: the square
 *   root is taken on integers, so a value at exactly x.xx5 rounds up and no float error decides.
 */
import { div, fraction, fromNumber, mul, sum, type Fraction } from './decimal.js';
import { ScoringInputError } from './types.js';

export const MIN_STANDARDISED_ENTRIES = 3;
export const STANDARDISED_MEAN = 500;
export const STANDARDISED_SD = 100;

/** ⌊√n⌋ for n ≥ 0 (Newton on BigInt). */
function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = BigInt(Math.floor(Math.sqrt(Number(n))));
  // The float guess may be off by a few for huge n; settle it exactly.
  while (x * x > n) x = (x + n / x) / 2n;
  while ((x + 1n) * (x + 1n) <= n) x++;
  return x;
}

/**
 * 500 + 100·d/√v rounded to hundredths, half away from zero, with d = total − mean and v the
 * population variance (> 0). Let 2X = 100 000 + σ·√y, X the value in hundredths, σ the sign of d and
 * y = (2·10⁴·d)²/v exact; √y lies in [m, m+1) with m = ⌊√y⌋, and equals m only when y is a perfect
 * square. floor((n + f)/2) = floor(n/2) for an integer n and 0 ≤ f < 1 gives the cases below.
 */
function scaled(d: Fraction, variance: Fraction): number {
  const y = div(mul(fraction(400_000_000n), mul(d, d)), variance);
  const whole = y.num / y.den;
  const m = isqrt(whole);
  const exact = y.den === 1n && m * m === y.num;
  let hundredths: bigint;
  if (d.num >= 0n) {
    hundredths = (100_001n + m) / 2n;
  } else if (m < 100_000n || (m === 100_000n && exact)) {
    // X ≥ 0: floor(X + ½)
    hundredths = exact ? (100_001n - m) / 2n : (100_000n - m) / 2n;
  } else {
    // X < 0 (more than five SD below the mean): −floor(−X + ½)
    hundredths = -((m - 99_999n) / 2n);
  }
  return Number(hundredths) / 100;
}

/**
 * Standardised scores of `totals` (the ranked entries' totals as shown, two decimals), in input
 * order; null for all when fewer than three totals. Throws ScoringInputError on a non-finite total.
 */
export function standardise(totals: readonly number[]): (number | null)[] {
  if (totals.length < MIN_STANDARDISED_ENTRIES) return totals.map(() => null);
  const xs = totals.map((t) => {
    if (typeof t !== 'number' || !Number.isFinite(t)) throw new ScoringInputError('a total to standardise is not a finite number');
    return fromNumber(t);
  });
  const n = fraction(BigInt(xs.length));
  const mean = div(sum(xs), n);
  const deviations = xs.map((x) => fraction(x.num * mean.den - mean.num * x.den, x.den * mean.den));
  const variance = div(sum(deviations.map((d) => mul(d, d))), n);
  if (variance.num === 0n) return xs.map(() => STANDARDISED_MEAN);
  return deviations.map((d) => scaled(d, variance));
}

/**
 * Rows with their standardised score: ranked rows (rank not null) are scaled among themselves;
 * unranked rows (withdrawn, disqualified) get null. Row order and other fields are kept.
 */
export function withStandardisedScores<T extends { rank: number | null; total: number }>(rows: readonly T[]): (T & { standardisedScore: number | null })[] {
  const rankedAt: number[] = [];
  rows.forEach((r, i) => {
    if (r.rank !== null) rankedAt.push(i);
  });
  const scores = standardise(rankedAt.map((i) => rows[i]!.total));
  const byRow = new Map(rankedAt.map((rowIndex, k) => [rowIndex, scores[k]!]));
  return rows.map((r, i) => ({ ...r, standardisedScore: byRow.get(i) ?? null }));
}
