/**
 * Panel aggregation: the marks several judges gave one entry on one JUDGEMENT criterion
 * become the one mark that counts.
 */
import { add, compare, div, fraction, fromNumber, sum, type Fraction, ZERO } from './decimal.js';
import type { Aggregation } from './types.js';

function mean(values: readonly Fraction[]): Fraction {
  return values.length === 0 ? ZERO : div(sum(values), fraction(BigInt(values.length)));
}

/**
 * Aggregate marks exactly.
 *
 * - MEAN: arithmetic mean.
 * - TRIMMED_MEAN: drop one highest and one lowest mark (one of each, even when several
 *   judges gave the same extreme mark) and average the rest. It needs at least 3 marks;
 *   with 1 or 2 marks present (panel not complete yet, or a panel of two) it falls back to
 *   the plain mean. Such a result is provisional: it changes once the third mark arrives.
 * - MEDIAN: the middle mark; with an even count, the mean of the two middle marks.
 *
 * No marks → 0 (a missing mark counts 0). Order of `values` never matters.
 */
export function aggregate(values: readonly number[], aggregation: Aggregation): Fraction {
  const sorted = values.map(fromNumber).sort(compare);
  const n = sorted.length;
  if (n === 0) return ZERO;
  switch (aggregation) {
    case 'MEAN':
      return mean(sorted);
    case 'TRIMMED_MEAN':
      return n < 3 ? mean(sorted) : mean(sorted.slice(1, n - 1));
    case 'MEDIAN': {
      const mid = Math.floor(n / 2);
      return n % 2 === 1 ? sorted[mid]! : div(add(sorted[mid - 1]!, sorted[mid]!), fraction(2n));
    }
    default: {
      const unknown: never = aggregation;
      throw new RangeError(`unknown aggregation: ${String(unknown)}`);
    }
  }
}
