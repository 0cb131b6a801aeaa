import { assertValidScheme, ScoringInputError, validateScheme, type Scheme } from '../../src/scoring/index.js';

const valid: Scheme = {
  aggregation: 'TRIMMED_MEAN',
  stages: [
    { id: 'theory', weight: 30, criteria: [{ id: 'T1', kind: 'MEASUREMENT', maxScore: 100 }] },
    {
      id: 'practical',
      weight: 70,
      criteria: [
        { id: 'P1', kind: 'JUDGEMENT', maxScore: 12.5 },
        { id: 'P2', kind: 'MEASUREMENT', maxScore: 0.01 },
      ],
    },
  ],
};

/** The valid scheme with one change to a stage. */
const withStage = (i: number, change: Partial<Scheme['stages'][number]>): Scheme => ({
  ...valid,
  stages: valid.stages.map((s, j) => (j === i ? { ...s, ...change } : s)),
});

const codes = (scheme: Scheme) => validateScheme(scheme).map((p) => p.code);

describe('validateScheme', () => {
  it('accepts a valid scheme', () => {
    expect(validateScheme(valid)).toEqual([]);
    expect(() => assertValidScheme(valid)).not.toThrow();
  });

  it('accepts weights with decimals summing exactly to 100: 33.33 + 33.33 + 33.34', () => {
    const stages = [33.33, 33.33, 33.34].map((weight, i) => ({
      id: `s${i}`,
      weight,
      criteria: [{ id: `c${i}`, kind: 'MEASUREMENT' as const, maxScore: 1 }],
    }));
    expect(validateScheme({ aggregation: 'MEAN', stages })).toEqual([]);
  });

  it('accepts 0.01 + 65.4 + 34.59 (which floats sum to 100.00000000000001)', () => {
    expect(0.01 + 65.4 + 34.59).not.toBe(100);
    const stages = [0.01, 65.4, 34.59].map((weight, i) => ({
      id: `s${i}`,
      weight,
      criteria: [{ id: `c${i}`, kind: 'MEASUREMENT' as const, maxScore: 1 }],
    }));
    expect(validateScheme({ aggregation: 'MEAN', stages })).toEqual([]);
  });

  it('weights not summing to 100', () => {
    const problems = validateScheme(withStage(0, { weight: 40 }));
    expect(problems).toEqual([expect.objectContaining({ code: 'WEIGHTS_NOT_100', message: expect.stringContaining('110') })]);
    expect(codes(withStage(0, { weight: 29.99 }))).toEqual(['WEIGHTS_NOT_100']);
  });

  it('a stage with no criteria', () => {
    expect(validateScheme(withStage(1, { criteria: [] }))).toEqual([
      expect.objectContaining({ code: 'STAGE_WITHOUT_CRITERIA', stageId: 'practical' }),
    ]);
  });

  it.each([0, -5, 0.001, Number.NaN, Number.POSITIVE_INFINITY])('maxScore %p is a problem', (maxScore) => {
    const scheme = withStage(0, { criteria: [{ id: 'T1', kind: 'MEASUREMENT', maxScore }] });
    expect(validateScheme(scheme)).toEqual([
      expect.objectContaining({ code: 'INVALID_MAX_SCORE', stageId: 'theory', criterionId: 'T1' }),
    ]);
  });

  it('maxScore with more than two decimals: 12.345', () => {
    const scheme = withStage(0, { criteria: [{ id: 'T1', kind: 'MEASUREMENT', maxScore: 12.345 }] });
    expect(codes(scheme)).toEqual(['INVALID_MAX_SCORE']);
  });

  it('duplicate stage ids and duplicate criterion ids (also across stages)', () => {
    expect(codes(withStage(1, { id: 'theory' }))).toEqual(['DUPLICATE_STAGE_ID']);
    const dupCriterion = withStage(1, {
      criteria: [
        { id: 'T1', kind: 'JUDGEMENT', maxScore: 1 },
        { id: 'P2', kind: 'MEASUREMENT', maxScore: 1 },
        { id: 'P2', kind: 'MEASUREMENT', maxScore: 1 },
      ],
    });
    expect(validateScheme(dupCriterion)).toEqual([
      expect.objectContaining({ code: 'DUPLICATE_CRITERION_ID', criterionId: 'T1' }),
      expect.objectContaining({ code: 'DUPLICATE_CRITERION_ID', criterionId: 'P2' }),
    ]);
  });

  it('zero, negative or over-precise weights', () => {
    // 0 + 100 sums to 100 but a stage of weight 0 counts for nothing
    const zero: Scheme = { ...valid, stages: [withStage(0, { weight: 0 }).stages[0]!, withStage(1, { weight: 100 }).stages[1]!] };
    expect(codes(zero)).toEqual(['INVALID_WEIGHT']);
    expect(codes(withStage(0, { weight: 30.001 }))).toEqual(['INVALID_WEIGHT', 'WEIGHTS_NOT_100']);
    expect(codes(withStage(0, { weight: Number.NaN }))).toEqual(['INVALID_WEIGHT']);
  });

  it('no stages, empty ids, unknown kind or aggregation', () => {
    expect(codes({ aggregation: 'MEAN', stages: [] })).toEqual(['NO_STAGES']);
    expect(codes(withStage(0, { id: '' }))).toEqual(['EMPTY_ID']);
    expect(codes(withStage(0, { criteria: [{ id: 'T1', kind: 'SUBJECTIVE' as never, maxScore: 1 }] }))).toEqual(['INVALID_KIND']);
    expect(codes({ ...valid, aggregation: 'MAX' as never })).toEqual(['INVALID_AGGREGATION']);
  });

  it('lists every problem at once, in scheme order', () => {
    const scheme: Scheme = {
      aggregation: 'MEAN',
      stages: [
        { id: 'a', weight: 50, criteria: [] },
        { id: 'b', weight: 20, criteria: [{ id: 'c', kind: 'JUDGEMENT', maxScore: -1 }] },
      ],
    };
    expect(codes(scheme)).toEqual(['STAGE_WITHOUT_CRITERIA', 'INVALID_MAX_SCORE', 'WEIGHTS_NOT_100']);
    expect(() => assertValidScheme(scheme)).toThrow(ScoringInputError);
  });
});
