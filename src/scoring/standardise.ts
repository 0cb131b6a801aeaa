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
import { fromNumber } from './decimal.js';
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
 * 500 + 100·d/sd rounded to hundredths, half away from zero. On integers (totals scaled to whole
 * units u, n of them, s = Σu, q = Σu²): d/sd = D/√K with D = n·u − s and K = n·q − s² > 0. With X the
 * value in hundredths, 2X = 100 000 + σ·√y where σ is the sign of D and y = 4·10⁸·D²/K; √y lies in
 * [m, m+1) with m = ⌊√y⌋, and equals m only when y is a perfect square. floor((i + f)/2) = floor(i/2)
 * for an integer i and 0 ≤ f < 1 gives the cases below.
 */
function scaled(D: bigint, K: bigint): number {
  const numerator = 400_000_000n * D * D;
  const whole = numerator / K;
  const m = isqrt(whole);
  const exact = numerator % K === 0n && m * m === whole;
  let hundredths: bigint;
  if (D >= 0n) {
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

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));

/**
 * Standardised scores of `totals` (the ranked entries' totals as shown, two decimals), in input
 * order; null for all when fewer than three totals. Throws ScoringInputError on a non-finite total.
 * Integers only (no fraction reduced per step): a board is standardised once per view and version.
 */
export function standardise(totals: readonly number[]): (number | null)[] {
  if (totals.length < MIN_STANDARDISED_ENTRIES) return totals.map(() => null);
  const exact = totals.map((t) => {
    if (typeof t !== 'number' || !Number.isFinite(t)) throw new ScoringInputError('a total to standardise is not a finite number');
    return fromNumber(t);
  });
  // A common unit (1/100 for two-decimal totals): every total becomes a whole number of it.
  const unit = exact.reduce((l, f) => (l / gcd(l, f.den)) * f.den, 1n);
  const units = exact.map((f) => f.num * (unit / f.den));
  const n = BigInt(units.length);
  let s = 0n;
  let q = 0n;
  for (const u of units) {
    s += u;
    q += u * u;
  }
  const K = n * q - s * s;
  if (K === 0n) return units.map(() => STANDARDISED_MEAN);
  return units.map((u) => scaled(n * u - s, K));
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
