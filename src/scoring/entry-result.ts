/**
 * One entry's result from that entry's marks alone, so the server can recompute a single
 * entry after each mark and re-rank stored rows (see rank.ts) instead of recomputing all.
 */
import { aggregate } from './aggregate.js';
import { add, div, fraction, fromNumber, mul, sum, toHundredths, ZERO } from './decimal.js';
import {
  AGGREGATIONS,
  ScoringInputError,
  type Aggregation,
  type EntryResult,
  type JudgesPerStage,
  type Mark,
  type Scheme,
  type SchemeCriterion,
  type SchemeStage,
  type StageMarks,
} from './types.js';
import { assertValidScheme } from './validate.js';

const HUNDRED = fraction(100n);

/** Judges assigned to a stage; own keys only, so a stage id like "constructor" is safe. */
function judgesOf(judgesPerStage: JudgesPerStage, stageId: string): number {
  const n = Object.hasOwn(judgesPerStage, stageId) ? judgesPerStage[stageId] : 0;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
    throw new ScoringInputError(`judgesPerStage[${stageId}] must be a non-negative integer (got ${String(n)})`);
  }
  return n;
}

/** Checks each mark against the scheme and groups the values by criterion. */
function groupMarks(scheme: Scheme, entryMarks: readonly Mark[]): Map<string, number[]> {
  const criteria = new Map<string, SchemeCriterion>();
  for (const stage of scheme.stages) for (const c of stage.criteria) criteria.set(c.id, c);

  const byCriterion = new Map<string, number[]>();
  const judgesSeen = new Set<string>();
  const entryId = entryMarks[0]?.entryId;
  for (const mark of entryMarks) {
    if (mark.entryId !== entryId) {
      throw new ScoringInputError(`marks of several entries given (${entryId}, ${mark.entryId})`);
    }
    const criterion = criteria.get(mark.criterionId);
    if (!criterion) throw new ScoringInputError(`mark for unknown criterion ${mark.criterionId}`);
    if (!Number.isFinite(mark.value) || mark.value < 0 || mark.value > criterion.maxScore) {
      throw new ScoringInputError(
        `mark ${mark.value} on criterion ${criterion.id} is outside [0, ${criterion.maxScore}]`,
      );
    }
    const values = byCriterion.get(criterion.id) ?? [];
    // Duplicates are refused rather than "last one wins": that would make the result
    // depend on the order of the marks. The caller resolves revisions first.
    if (criterion.kind === 'MEASUREMENT' && values.length > 0) {
      throw new ScoringInputError(
        `several marks for MEASUREMENT criterion ${criterion.id}; pass only the most recent one`,
      );
    }
    const judgeKey = JSON.stringify([criterion.id, mark.judgeId]);
    if (judgesSeen.has(judgeKey)) {
      throw new ScoringInputError(`judge ${mark.judgeId} marked criterion ${criterion.id} twice`);
    }
    judgesSeen.add(judgeKey);
    values.push(mark.value);
    byCriterion.set(criterion.id, values);
  }
  return byCriterion;
}

function expectedMarks(criterion: SchemeCriterion, stageJudges: number): number {
  return criterion.kind === 'MEASUREMENT' ? 1 : stageJudges;
}

function stageScore(stage: SchemeStage, byCriterion: Map<string, number[]>, aggregation: Aggregation): number {
  const marks = stage.criteria.map((c) => {
    const values = byCriterion.get(c.id) ?? [];
    // MEASUREMENT has at most one value; aggregating one value returns it for any method.
    return c.kind === 'MEASUREMENT' ? (values.length ? fromNumber(values[0]!) : ZERO) : aggregate(values, aggregation);
  });
  const max = sum(stage.criteria.map((c) => fromNumber(c.maxScore)));
  return toHundredths(mul(div(sum(marks), max), HUNDRED));
}

/** One criterion of an entry still short of marks: how many it expects and how many it has. */
export interface MissingMarks {
  stageId: string;
  criterionId: string;
  expected: number;
  received: number;
}

/**
 * The criteria of one entry that have fewer marks than expected (same counting as
 * computeEntryResult's completeness: marks beyond what a criterion expects make up for
 * nothing elsewhere), in scheme order. `stageIds`, when given, limits it to those stages.
 */
export function missingMarks(
  scheme: Scheme,
  entryMarks: readonly Mark[],
  judgesPerStage: JudgesPerStage,
  stageIds: readonly string[] | null = null,
): MissingMarks[] {
  assertValidScheme(scheme);
  const byCriterion = groupMarks(scheme, entryMarks);
  const out: MissingMarks[] = [];
  for (const stage of scheme.stages) {
    if (stageIds && !stageIds.includes(stage.id)) continue;
    const judges = judgesOf(judgesPerStage, stage.id);
    for (const c of stage.criteria) {
      const expected = expectedMarks(c, judges);
      const received = Math.min(byCriterion.get(c.id)?.length ?? 0, expected);
      if (received < expected) out.push({ stageId: stage.id, criterionId: c.id, expected, received });
    }
  }
  return out;
}

/**
 * The result of one entry.
 *
 * - `entryMarks`: that entry's current marks only (all with the same entryId). MEASUREMENT
 *   criteria: at most one mark (the most recent, chosen by the caller); JUDGEMENT: at most
 *   one per judge. Anything else, an unknown criterion, or a value outside
 *   [0, maxScore] throws ScoringInputError.
 * - Stage score = Σ criterion marks (JUDGEMENT aggregated over judges, missing → 0)
 *   ÷ Σ maxScore × 100, rounded to two decimals half up, exactly.
 * - Total = Σ weight × stage score ÷ 100 over the *rounded* stage scores, rounded the same
 *   way: anyone can check a published total from the published stage scores.
 * - Completeness: expected = 1 per MEASUREMENT criterion + judges of its stage per
 *   JUDGEMENT criterion (`judgesPerStage` is this entry's: the judges who may mark it, see
 *   markersPerStage in panel.ts); received counts each criterion's marks up to what it expects
 *   (an extra judge on one criterion does not make up for a missing mark on another).
 *
 * `aggregation` defaults to the scheme's; when given it wins.
 */
export function computeEntryResult(
  scheme: Scheme,
  entryMarks: readonly Mark[],
  judgesPerStage: JudgesPerStage,
  aggregation: Aggregation = scheme.aggregation,
): EntryResult {
  assertValidScheme(scheme);
  if (!AGGREGATIONS.includes(aggregation)) {
    throw new ScoringInputError(`unknown aggregation ${String(aggregation)}`);
  }
  const byCriterion = groupMarks(scheme, entryMarks);

  let marksReceived = 0;
  let marksExpected = 0;
  let total = ZERO;
  const stageMarks: StageMarks[] = [];
  const stageScores = scheme.stages.map((stage) => {
    const judges = judgesOf(judgesPerStage, stage.id);
    const marks: StageMarks = { stageId: stage.id, received: 0, expected: 0 };
    for (const c of stage.criteria) {
      const expected = expectedMarks(c, judges);
      marks.expected += expected;
      marks.received += Math.min(byCriterion.get(c.id)?.length ?? 0, expected);
    }
    marksExpected += marks.expected;
    marksReceived += marks.received;
    stageMarks.push(marks);
    const score = stageScore(stage, byCriterion, aggregation);
    total = add(total, div(mul(fromNumber(stage.weight), fromNumber(score)), HUNDRED));
    return { stageId: stage.id, score };
  });

  return {
    stageScores,
    total: toHundredths(total),
    marksReceived,
    marksExpected,
    completeness: marksExpected === 0 ? 0 : marksReceived / marksExpected,
    stageMarks,
  };
}

/**
 * Σ weight × stage score / 100 over the given stages, rounded half up to hundredths from the exact
 * value: the entry's total when every stage is given (stage scores are the stored, rounded ones, as
 * computeEntryResult sums them), the total of the visible stages when some are held back.
 */
export function weightedTotal(stages: readonly { id: string; weight: number }[], stageScores: Readonly<Record<string, number>>): number {
  let total = ZERO;
  for (const s of stages) total = add(total, div(mul(fromNumber(s.weight), fromNumber(stageScores[s.id] ?? 0)), HUNDRED));
  return toHundredths(total);
}
