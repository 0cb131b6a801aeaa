/**
 * Ranking (排名) over precomputed entry rows: standard competition ranking with one
 * tie-break stage, and top-N selection for honors and promotions.
 */
import { round2 } from './decimal.js';
import { ScoringInputError, type RankInput, type Scheme } from './types.js';

/**
 * The stage that breaks ties on total: the one with the highest weight; when several
 * share the highest weight, the first of them in stage order. Null for a scheme without
 * stages.
 */
export function heaviestStageId(scheme: Pick<Scheme, 'stages'>): string | null {
  let best: { id: string; weight: number } | null = null;
  for (const stage of scheme.stages) {
    // Strictly greater: an equal weight later in stage order never replaces the first.
    if (best === null || stage.weight > best.weight) best = { id: stage.id, weight: stage.weight };
  }
  return best?.id ?? null;
}

function checkedRound(x: number, what: string): number {
  if (typeof x !== 'number' || !Number.isFinite(x)) throw new ScoringInputError(`${what} is not a finite number`);
  return round2(x);
}

/** Display order among fully tied rows: sortKey (numbers before strings, absent last). */
function compareSortKeys(a: number | string | undefined, b: number | string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  if (typeof a !== typeof b) return typeof a === 'number' ? -1 : 1;
  // Code-unit order for strings: independent of locale and ICU version.
  return a < b ? -1 : a > b ? 1 : 0;
}

const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

interface Keyed<T> {
  row: T;
  total: number;
  tieBreak: number;
  last: boolean;
}

/** Negative when `a` performed better (comes first); 0 when the rank must be shared. Rows placed last all share theirs. */
const comparePerformance = <T>(a: Keyed<T>, b: Keyed<T>): number =>
  Number(a.last) - Number(b.last) || (a.last ? 0 : b.total - a.total || b.tieBreak - a.tieBreak);

/**
 * Rank precomputed rows.
 *
 * - Rows with `ranked: true` are ordered by total desc, then by the score of
 *   `tieBreakStageId` (use heaviestStageId(scheme)) desc; rows equal on both share a rank.
 *   Ranks are standard competition ranks: rank = 1 + number of ranked rows strictly
 *   better (1, 2, 2, 4).
 * - Totals and stage scores are compared rounded to two decimals, the figures people see
 *   (rows from computeEntryResult already are).
 * - Among rows that share a rank the output order is sortKey, then entryId, so the output
 *   never depends on the input order.
 * - Ranked rows with `last: true` (absent entrants ranked last) come after every other ranked
 *   row whatever their totals and share one rank: 1 + the number of other ranked rows.
 * - Rows with `ranked: false` (withdrawn, disqualified, absent and unranked) get rank null
 *   and come after all ranked rows, in the same order as if ranked.
 *
 * Extra fields of the input rows are kept. Duplicate entryIds throw ScoringInputError.
 */
export function rankRows<T extends RankInput>(
  rows: readonly T[],
  tieBreakStageId: string | null,
): Array<T & { rank: number | null }> {
  const seen = new Set<string>();
  const keyed: Keyed<T>[] = rows.map((row) => {
    if (seen.has(row.entryId)) throw new ScoringInputError(`entry ${row.entryId} is listed twice`);
    seen.add(row.entryId);
    const stageScore =
      tieBreakStageId !== null && Object.hasOwn(row.stageScores, tieBreakStageId)
        ? checkedRound(row.stageScores[tieBreakStageId]!, `stage score of ${row.entryId}`)
        : 0;
    return { row, total: checkedRound(row.total, `total of ${row.entryId}`), tieBreak: stageScore, last: row.ranked && row.last === true };
  });

  keyed.sort(
    (a, b) =>
      Number(b.row.ranked) - Number(a.row.ranked) ||
      comparePerformance(a, b) ||
      compareSortKeys(a.row.sortKey, b.row.sortKey) ||
      compareIds(a.row.entryId, b.row.entryId),
  );

  let rank = 0;
  return keyed.map((k, i) => {
    if (!k.row.ranked) return { ...k.row, rank: null };
    const previous = keyed[i - 1];
    // Ranked rows come first, so `previous` (if any) is ranked too.
    if (previous === undefined || comparePerformance(previous, k) !== 0) rank = i + 1;
    return { ...k.row, rank };
  });
}

/**
 * Rows whose rank is ≤ n, best first: the top n for honors or promotion. A tie at place
 * n takes everyone tied (so more than n rows may come back); a tie straddling n + 1 does
 * not. Unranked rows are never selected.
 */
export function selectTop<T extends { rank: number | null }>(rows: readonly T[], n: number): T[] {
  if (!Number.isInteger(n) || n < 0) throw new ScoringInputError(`top n must be a non-negative integer (got ${n})`);
  return rows
    .filter((r): r is T & { rank: number } => r.rank !== null && r.rank <= n)
    .sort((a, b) => a.rank - b.rank);
}
