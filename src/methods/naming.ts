import { fraction, roundHalfUp } from '../scoring/decimal.js';
import { MAX_SUBSCORE, MIN_MEAN_TOTAL, MIN_REVIEWS } from './enums.js';
import { m } from './messages.js';

/** The four sub-scores of an expert review, each 0–25; the field names are the input's. */
export const SUBSCORES = ['innovation', 'practicality', 'benefit', 'promotability'] as const;
export type Subscores = Record<(typeof SUBSCORES)[number], number>;

export function reviewTotal(s: Subscores): number {
  return SUBSCORES.reduce((sum, k) => sum + s[k], 0);
}

/** The sub-scores that are not whole numbers from 0 to 25. */
export function badSubscores(s: Partial<Subscores>): string[] {
  return SUBSCORES.filter((k) => {
    const v = s[k];
    return typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > MAX_SUBSCORE;
  });
}

/**
 * The mean of `count` review totals summing to `sum`, rounded half up to two decimals (215/3 = 71.666… →
 * 71.67), computed exactly (scoring's rational arithmetic, no float drift at x.xx5). Display only: the
 * naming threshold compares sum ≥ 75 × count, so a mean just under 75 may read 75.00 and still fall short.
 */
export function meanTotal(sum: number, count: number): number {
  return roundHalfUp(fraction(BigInt(sum), BigInt(count)), 2);
}

/**
 * Why a method may not be named yet, one sentence per unmet rule (empty when it may): at least
 * MIN_REVIEWS reviews, with a mean total of at least MIN_MEAN_TOTAL, compared exactly as
 * sum ≥ 75 × count (review totals are whole numbers).
 */
export function namingThresholdProblems(reviewCount: number, totalSum: number): string[] {
  const problems: string[] = [];
  if (reviewCount < MIN_REVIEWS) problems.push(m('tooFewReviews', { min: MIN_REVIEWS, reviews: reviewCount }));
  if (reviewCount > 0 && totalSum < MIN_MEAN_TOTAL * reviewCount) {
    // The rounded mean may read 75.00 just under the line, so the sentence also gives the exact sums.
    const mean = meanTotal(totalSum, reviewCount).toFixed(2);
    problems.push(m('meanTooLow', { min: MIN_MEAN_TOTAL, mean, reviews: reviewCount, sum: totalSum, needed: MIN_MEAN_TOTAL * reviewCount }));
  }
  return problems;
}
/** The official name must carry the lead inventor's name (e.g. 王晓明高效焊接法), compared without spaces. */
export function namesLeadInventor(officialName: string, leadInventorName: string): boolean {
  const squash = (s: string) => s.replace(/\s+/g, '').toLowerCase();
  const lead = squash(leadInventorName);
  return lead.length > 0 && squash(officialName).includes(lead);
}
