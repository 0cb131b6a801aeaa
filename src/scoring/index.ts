/**
 * Scoring engine (评分引擎): pure functions, no database, no GraphQL, nothing imported
 * from the rest of the app but the message catalog (common/i18n: the scheme problems organizers read
 * come in their language). Services map entities to these types and store the results.
 */
export * from './types.js';
export {
  type Fraction,
  fromNumber,
  roundHalfUp,
  round2,
  toHundredths,
  toNumber,
} from './decimal.js';
export { aggregate } from './aggregate.js';
export { validateScheme, assertValidScheme, type SchemeProblem, type SchemeProblemCode } from './validate.js';
export { computeEntryResult, missingMarks, weightedTotal, type MissingMarks } from './entry-result.js';
export { conflicted, inScope, markersPerStage, mayMark, type EntryParties, type PanelSeat } from './panel.js';
export { heaviestStageId, rankRows, selectTop } from './rank.js';
export { assignPrizes, prizeTierSizes, type PrizeCandidate } from './prizes.js';
export { computeLeaderboard, toRankInput } from './leaderboard.js';
export { standardise, withStandardisedScores, MIN_STANDARDISED_ENTRIES, STANDARDISED_MEAN, STANDARDISED_SD } from './standardise.js';
