/**
 * Prize tiers (奖项等级: 一等奖, 二等奖…) handed out at finalize, over ranked rows.
 */
import { fraction, fromNumber, mul, roundHalfUp } from './decimal.js';
import { ScoringInputError, type PrizeAssignment, type PrizeTier } from './types.js';

/** What assignPrizes needs of a row (rows from rankRows plus marksReceived). */
export interface PrizeCandidate {
  entryId: string;
  rank: number | null;
  total: number;
  marksReceived: number;
  /** An entrant who did not show up (ABSENT) wins nothing, even when ranked (last). */
  absent?: boolean;
}

/**
 * Nominal size of each tier: `count` as given, or `share` × rankedCount rounded half up
 * (Math.round's rule, computed exactly: 0.15 × 10 is 2, not 1.4999… → 1); never below 0.
 */
export function prizeTierSizes(tiers: readonly PrizeTier[], rankedCount: number): number[] {
  if (!Number.isInteger(rankedCount) || rankedCount < 0) {
    throw new ScoringInputError(`rankedCount must be a non-negative integer (got ${rankedCount})`);
  }
  const names = new Set<string>();
  return tiers.map((t) => {
    if (names.has(t.tier)) throw new ScoringInputError(`prize tier ${t.tier} is listed twice`);
    names.add(t.tier);
    const hasCount = t.count !== undefined;
    const hasShare = t.share !== undefined;
    if (hasCount === hasShare) {
      throw new ScoringInputError(`prize tier ${t.tier} needs exactly one of count and share`);
    }
    if (hasCount) {
      if (!Number.isInteger(t.count) || t.count! < 0) {
        throw new ScoringInputError(`prize tier ${t.tier}: count must be a non-negative integer`);
      }
      return t.count!;
    }
    if (!Number.isFinite(t.share) || t.share! < 0 || t.share! > 1) {
      throw new ScoringInputError(`prize tier ${t.tier}: share must be in [0, 1]`);
    }
    return Math.max(0, roundHalfUp(mul(fromNumber(t.share!), fraction(BigInt(rankedCount))), 0));
  });
}

/**
 * Give each row its prize tier or null.
 *
 * The rule, exactly:
 * 1. Eligible rows are the ranked ones (rank ≠ null) except entries with total 0 and no
 *    marks at all (no-shows): they get no prize and take no place. Shares are of all
 *    ranked rows (no-shows included), as the tier sizes are announced against the field.
 *    Absent entrants (`absent`) are never eligible either, whatever their marks.
 * 2. Eligible rows are taken in rank order; place p is the p-th of them (0-based).
 *    Tier i nominally ends at the cumulative place C_i = size_1 + … + size_i.
 * 3. Tier i takes every row from where tier i−1 stopped up to (not including) place C_i,
 *    then, if its last row shares its rank with the following rows, takes those too:
 *    a tie is never split across tiers (or between a tier and no prize).
 * 4. Tier i+1 starts right after and still ends at C_{i+1} (extended the same way). So a
 *    tier that grew shrinks the next one, and the cumulative sizes hold wherever ties
 *    allow; a tier whose places were all taken by an earlier tie gets no one, as does a
 *    tier of size 0.
 *
 * Example: sizes [1, 2], ranks 1, 2, 2, 2, 5 → FIRST: rank 1; SECOND would end at place
 * 3 (inside the group of rank 2), so it takes the whole group: three rows; rank 5 none.
 * Sizes [2, 2] on ranks 1, 1, 1, 4, 5 → FIRST takes all three rank-1 rows (it grew by
 * one), SECOND still ends at place 4: only rank 4; rank 5 gets nothing.
 *
 * Returns one assignment per input row, in input order.
 */
export function assignPrizes<T extends string>(
  rows: readonly PrizeCandidate[],
  tiers: readonly PrizeTier<T>[],
): PrizeAssignment<T>[] {
  const ranked = rows.filter((r): r is PrizeCandidate & { rank: number } => r.rank !== null);
  const sizes = prizeTierSizes(tiers, ranked.length);
  const eligible = ranked
    .filter((r) => !(r.total === 0 && r.marksReceived === 0) && !r.absent)
    .sort((a, b) => a.rank - b.rank || (a.entryId < b.entryId ? -1 : a.entryId > b.entryId ? 1 : 0));

  const tierOf = new Map<string, T>();
  let next = 0; // first eligible place not yet given a tier
  let cumulative = 0;
  tiers.forEach((tier, i) => {
    cumulative += sizes[i]!;
    const nominalEnd = Math.min(cumulative, eligible.length);
    if (next >= nominalEnd) return;
    let end = nominalEnd;
    while (end < eligible.length && eligible[end]!.rank === eligible[end - 1]!.rank) end++;
    for (let p = next; p < end; p++) tierOf.set(eligible[p]!.entryId, tier.tier);
    next = end;
  });

  return rows.map((r) => ({ entryId: r.entryId, tier: tierOf.get(r.entryId) ?? null }));
}
