/**
 * Scheme validation: the server runs it before registration opens (problems become
 * userErrors), and the engine runs it again before computing, so a broken scheme can
 * never publish a score.
 */
import { decimalPlaces, equals, fraction, fromNumber, sum } from './decimal.js';
import {
  AGGREGATIONS,
  CRITERION_KINDS,
  ScoringInputError,
  type Scheme,
} from './types.js';
import { m } from './messages.js';

export type SchemeProblemCode =
  | 'NO_STAGES'
  | 'INVALID_AGGREGATION'
  | 'EMPTY_ID'
  | 'DUPLICATE_STAGE_ID'
  | 'DUPLICATE_CRITERION_ID'
  | 'INVALID_WEIGHT'
  | 'WEIGHTS_NOT_100'
  | 'STAGE_WITHOUT_CRITERIA'
  | 'INVALID_KIND'
  | 'INVALID_MAX_SCORE';

export interface SchemeProblem {
  code: SchemeProblemCode;
  message: string;
  /** The stage concerned, when there is one. */
  stageId?: string;
  /** The criterion concerned, when there is one. */
  criterionId?: string;
}

const HUNDRED = fraction(100n);

/** A positive finite number written with at most two decimals. */
function isPositiveCentesimal(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x) && x > 0 && decimalPlaces(x) <= 2;
}

/** Every problem of the scheme (empty list = valid), in scheme order. */
export function validateScheme(scheme: Scheme): SchemeProblem[] {
  const problems: SchemeProblem[] = [];
  if (!AGGREGATIONS.includes(scheme.aggregation)) {
    problems.push({
      code: 'INVALID_AGGREGATION',
      message: m('unknownAggregation', { aggregation: String(scheme.aggregation) }),
    });
  }
  if (scheme.stages.length === 0) {
    problems.push({ code: 'NO_STAGES', message: m('noStages') });
    return problems;
  }

  const stageIds = new Set<string>();
  // Criterion ids must be unique across the whole scheme: marks name only the criterion.
  const criterionIds = new Set<string>();
  let weightsReadable = true;

  for (const stage of scheme.stages) {
    const stageId = stage.id;
    if (!stageId) problems.push({ code: 'EMPTY_ID', message: m('emptyStageId') });
    else if (stageIds.has(stageId)) {
      problems.push({ code: 'DUPLICATE_STAGE_ID', message: m('duplicateStage', { stage: stageId }), stageId });
    }
    stageIds.add(stageId);

    if (!isPositiveCentesimal(stage.weight)) {
      weightsReadable &&= typeof stage.weight === 'number' && Number.isFinite(stage.weight);
      problems.push({
        code: 'INVALID_WEIGHT',
        message: m('invalidWeight', { stage: stageId, weight: String(stage.weight) }),
        stageId,
      });
    }

    if (stage.criteria.length === 0) {
      problems.push({ code: 'STAGE_WITHOUT_CRITERIA', message: m('noCriteria', { stage: stageId }), stageId });
    }
    for (const criterion of stage.criteria) {
      const criterionId = criterion.id;
      if (!criterionId) {
        problems.push({ code: 'EMPTY_ID', message: m('emptyCriterionId', { stage: stageId }), stageId });
      } else if (criterionIds.has(criterionId)) {
        problems.push({
          code: 'DUPLICATE_CRITERION_ID',
          message: m('duplicateCriterion', { criterion: criterionId }),
          stageId,
          criterionId,
        });
      }
      criterionIds.add(criterionId);
      if (!CRITERION_KINDS.includes(criterion.kind)) {
        problems.push({
          code: 'INVALID_KIND',
          message: m('unknownKind', { criterion: criterionId, kind: String(criterion.kind) }),
          stageId,
          criterionId,
        });
      }
      if (!isPositiveCentesimal(criterion.maxScore)) {
        problems.push({
          code: 'INVALID_MAX_SCORE',
          message: m('invalidMaxScore', { criterion: criterionId, max: String(criterion.maxScore) }),
          stageId,
          criterionId,
        });
      }
    }
  }

  // Summed exactly, so 33.33 + 33.33 + 33.34 is 100 and 0.1-style drift cannot matter.
  if (weightsReadable) {
    const total = sum(scheme.stages.map((s) => fromNumber(s.weight)));
    if (!equals(total, HUNDRED)) {
      problems.push({
        code: 'WEIGHTS_NOT_100',
        message: m('weightsNot100', { sum: Number(total.num) / Number(total.den) }),
      });
    }
  }
  return problems;
}

/** Throws ScoringInputError listing every problem when the scheme is not valid. */
export function assertValidScheme(scheme: Scheme): void {
  const problems = validateScheme(scheme);
  if (problems.length > 0) {
    throw new ScoringInputError('invalid scoring scheme', problems.map((p) => p.message));
  }
}
