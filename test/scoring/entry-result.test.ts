import {
  computeEntryResult,
  ScoringInputError,
  type Mark,
  type Scheme,
} from '../../src/scoring/index.js';

/** theory 理论 30% (two measured items), practical 实操 70% (two panel items + one measured). */
const scheme: Scheme = {
  aggregation: 'MEAN',
  stages: [
    {
      id: 'theory',
      weight: 30,
      criteria: [
        { id: 'T1', kind: 'MEASUREMENT', maxScore: 60 },
        { id: 'T2', kind: 'MEASUREMENT', maxScore: 40 },
      ],
    },
    {
      id: 'practical',
      weight: 70,
      criteria: [
        { id: 'P1', kind: 'JUDGEMENT', maxScore: 10 },
        { id: 'P2', kind: 'JUDGEMENT', maxScore: 20 },
        { id: 'P3', kind: 'MEASUREMENT', maxScore: 20 },
      ],
    },
  ],
};
const judges = { theory: 0, practical: 3 };

const mark = (criterionId: string, judgeId: string, value: number, entryId = 'e1'): Mark => ({
  entryId,
  criterionId,
  judgeId,
  value,
});

const fullMarks: Mark[] = [
  mark('T1', 'm', 51.5),
  mark('T2', 'm', 33),
  mark('P1', 'j1', 6),
  mark('P1', 'j2', 8),
  mark('P1', 'j3', 9.5),
  mark('P2', 'j1', 12),
  mark('P2', 'j2', 18),
  mark('P2', 'j3', 19),
  mark('P3', 'm', 17),
];

describe('computeEntryResult', () => {
  it('MEAN: stage and total scores', () => {
    // theory = (51.5 + 33) / (60 + 40) × 100 = 84.5
    // practical: P1 mean = 23.5/3, P2 mean = 49/3, P3 = 17
    //   (23.5/3 + 49/3 + 17) / 50 × 100 = (72.5/3 + 17) × 2 = 82.333… → 82.33
    // total = 30 × 84.5 / 100 + 70 × 82.33 / 100 = 25.35 + 57.631 = 82.981 → 82.98
    expect(computeEntryResult(scheme, fullMarks, judges)).toEqual({
      stageScores: [
        { stageId: 'theory', score: 84.5 },
        { stageId: 'practical', score: 82.33 },
      ],
      total: 82.98,
      marksReceived: 9,
      marksExpected: 9, // 2 measured in theory + 3 judges × 2 + 1 measured in practical
      completeness: 1,
      stageMarks: [
        { stageId: 'theory', received: 2, expected: 2 },
        { stageId: 'practical', received: 7, expected: 7 },
      ],
    });
  });

  it('TRIMMED_MEAN: panel marks trimmed', () => {
    // P1 [6, 8, 9.5] → 8; P2 [12, 18, 19] → 18; practical = (8 + 18 + 17) / 50 × 100 = 86
    // total = 25.35 + 70 × 86 / 100 = 25.35 + 60.2 = 85.55
    const r = computeEntryResult({ ...scheme, aggregation: 'TRIMMED_MEAN' }, fullMarks, judges);
    expect(r.stageScores).toEqual([
      { stageId: 'theory', score: 84.5 },
      { stageId: 'practical', score: 86 },
    ]);
    expect(r.total).toBe(85.55);
  });

  it('an explicit aggregation argument wins over the scheme’s', () => {
    expect(computeEntryResult(scheme, fullMarks, judges, 'TRIMMED_MEAN').total).toBe(85.55);
  });

  it('MEDIAN with an even panel of 4 judges', () => {
    // P1 [6, 8, 9.5, 7] → sorted 6, 7, 8, 9.5 → 7.5; P2 [12, 18, 19, 20] → 18.5
    // practical = (7.5 + 18.5 + 17) / 50 × 100 = 86; total = 25.35 + 60.2 = 85.55
    const marks = [...fullMarks, mark('P1', 'j4', 7), mark('P2', 'j4', 20)];
    const r = computeEntryResult(scheme, marks, { practical: 4 }, 'MEDIAN');
    expect(r.stageScores[1]).toEqual({ stageId: 'practical', score: 86 });
    expect(r.total).toBe(85.55);
    expect(r.marksExpected).toBe(2 + 4 + 4 + 1);
    expect(r.completeness).toBe(1);
  });

  it('missing marks count 0; TRIMMED_MEAN with 2 of 3 judges is the provisional plain mean', () => {
    // theory = 51.5 / 100 × 100 = 51.5; P1 [6, 9] → mean 7.5; practical = 7.5 / 50 × 100 = 15
    // total = 30 × 51.5 / 100 + 70 × 15 / 100 = 15.45 + 10.5 = 25.95
    const marks = [mark('T1', 'm', 51.5), mark('P1', 'j1', 6), mark('P1', 'j3', 9)];
    const r = computeEntryResult(scheme, marks, judges, 'TRIMMED_MEAN');
    expect(r).toEqual({
      stageScores: [
        { stageId: 'theory', score: 51.5 },
        { stageId: 'practical', score: 15 },
      ],
      total: 25.95,
      marksReceived: 3,
      marksExpected: 9,
      completeness: 3 / 9,
      stageMarks: [
        { stageId: 'theory', received: 1, expected: 2 },
        { stageId: 'practical', received: 2, expected: 7 },
      ],
    });
  });

  it('no marks at all: zeros, completeness 0', () => {
    expect(computeEntryResult(scheme, [], judges)).toEqual({
      stageScores: [
        { stageId: 'theory', score: 0 },
        { stageId: 'practical', score: 0 },
      ],
      total: 0,
      marksReceived: 0,
      marksExpected: 9,
      completeness: 0,
      stageMarks: [
        { stageId: 'theory', received: 0, expected: 2 },
        { stageId: 'practical', received: 0, expected: 7 },
      ],
    });
  });

  it('full marks give 100', () => {
    const marks = [
      mark('T1', 'm', 60),
      mark('T2', 'm', 40),
      ...['j1', 'j2', 'j3'].flatMap((j) => [mark('P1', j, 10), mark('P2', j, 20)]),
      mark('P3', 'm', 20),
    ];
    for (const a of ['MEAN', 'TRIMMED_MEAN', 'MEDIAN'] as const) {
      expect(computeEntryResult(scheme, marks, judges, a).total).toBe(100);
    }
  });

  describe('rounding', () => {
    const single = (maxScore: number): Scheme => ({
      aggregation: 'MEAN',
      stages: [{ id: 's', weight: 100, criteria: [{ id: 'c', kind: 'MEASUREMENT', maxScore }] }],
    });

    it('a stage score of exactly x.xx5 rounds up: 1.005 / 100 × 100 = 1.005 → 1.01', () => {
      // In floats 1.005 × 100 = 100.49999999999999, which naive rounding takes to 1.00.
      const r = computeEntryResult(single(100), [mark('c', 'm', 1.005)], {});
      expect(r.stageScores[0]!.score).toBe(1.01);
      expect(r.total).toBe(1.01);
    });

    it('0.01 / 8 × 100 = 0.125 → 0.13', () => {
      expect(computeEntryResult(single(8), [mark('c', 'm', 0.01)], {}).total).toBe(0.13);
    });

    it('1 / 3 × 100 = 33.333… → 33.33 and 2 / 3 → 66.67', () => {
      expect(computeEntryResult(single(3), [mark('c', 'm', 1)], {}).total).toBe(33.33);
      expect(computeEntryResult(single(3), [mark('c', 'm', 2)], {}).total).toBe(66.67);
    });

    it('a panel mean that is x.xx5 only exactly: (8.34 + 8.35) / 2 / 10 × 100 = 83.45 → 83.45; (8.345 + 8.346)/2 → 83.455 → 83.46', () => {
      const panel: Scheme = {
        aggregation: 'MEAN',
        stages: [{ id: 's', weight: 100, criteria: [{ id: 'c', kind: 'JUDGEMENT', maxScore: 10 }] }],
      };
      const r1 = computeEntryResult(panel, [mark('c', 'a', 8.34), mark('c', 'b', 8.35)], { s: 2 });
      expect(r1.total).toBe(83.45);
      const r2 = computeEntryResult(panel, [mark('c', 'a', 8.345), mark('c', 'b', 8.346)], { s: 2 });
      expect(r2.total).toBe(83.46);
    });

    it('the total is computed from the rounded stage scores', () => {
      // A: 50.03 / 500 × 100 = 10.006 → 10.01; B: 100.03 / 1000 × 100 = 10.003 → 10.00
      // from rounded: 50 × 10.01 / 100 + 50 × 10 / 100 = 10.005 → 10.01
      // (from the unrounded scores it would be 10.0045 → 10.00)
      const twoStages: Scheme = {
        aggregation: 'MEAN',
        stages: [
          { id: 'A', weight: 50, criteria: [{ id: 'a', kind: 'MEASUREMENT', maxScore: 500 }] },
          { id: 'B', weight: 50, criteria: [{ id: 'b', kind: 'MEASUREMENT', maxScore: 1000 }] },
        ],
      };
      const r = computeEntryResult(twoStages, [mark('a', 'm', 50.03), mark('b', 'm', 100.03)], {});
      expect(r.stageScores).toEqual([
        { stageId: 'A', score: 10.01 },
        { stageId: 'B', score: 10 },
      ]);
      expect(r.total).toBe(10.01);
    });

    it('weights with decimals: 33.33 / 33.33 / 33.34, all stages at 50 → total 50', () => {
      const thirds: Scheme = {
        aggregation: 'MEAN',
        stages: ['x', 'y', 'z'].map((id, i) => ({
          id,
          weight: i === 2 ? 33.34 : 33.33,
          criteria: [{ id: `${id}1`, kind: 'MEASUREMENT' as const, maxScore: 10 }],
        })),
      };
      const r = computeEntryResult(thirds, [mark('x1', 'm', 5), mark('y1', 'm', 5), mark('z1', 'm', 5)], {});
      expect(r.total).toBe(50);
    });
  });

  describe('completeness', () => {
    it('an extra judge on one criterion does not make up for a missing mark on another', () => {
      // practical has 2 judges: expected = 2 + 2 + 2 + 1 = 7; P1 has 3 marks (counts 2), P2 none
      const marks = [mark('T1', 'm', 1), mark('T2', 'm', 1), mark('P1', 'a', 1), mark('P1', 'b', 1), mark('P1', 'c', 1)];
      const r = computeEntryResult(scheme, marks, { practical: 2 });
      expect(r.marksReceived).toBe(4);
      expect(r.marksExpected).toBe(7);
      expect(r.completeness).toBeCloseTo(4 / 7, 12);
    });

    it('is 0 when nothing is expected (panel-only scheme, no judges assigned yet)', () => {
      const panelOnly: Scheme = {
        aggregation: 'MEAN',
        stages: [{ id: 's', weight: 100, criteria: [{ id: 'c', kind: 'JUDGEMENT', maxScore: 10 }] }],
      };
      const r = computeEntryResult(panelOnly, [mark('c', 'a', 5)], {});
      expect(r).toMatchObject({ marksExpected: 0, marksReceived: 0, completeness: 0, total: 50 });
    });

    it('reads judgesPerStage by own keys only (a stage called "constructor")', () => {
      const odd: Scheme = {
        aggregation: 'MEAN',
        stages: [{ id: 'constructor', weight: 100, criteria: [{ id: 'c', kind: 'JUDGEMENT', maxScore: 10 }] }],
      };
      expect(computeEntryResult(odd, [], {}).marksExpected).toBe(0);
    });
  });

  describe('refuses inputs that break the contract', () => {
    it.each<[string, Mark[]]>([
      ['two marks for a MEASUREMENT criterion', [mark('T1', 'm', 1), mark('T1', 'n', 2)]],
      ['one judge marking a criterion twice', [mark('P1', 'j1', 1), mark('P1', 'j1', 2)]],
      ['a mark above maxScore', [mark('T2', 'm', 40.01)]],
      ['a negative mark', [mark('T2', 'm', -1)]],
      ['a NaN mark', [mark('T2', 'm', Number.NaN)]],
      ['an unknown criterion', [mark('X9', 'm', 1)]],
      ['marks of two entries', [mark('T1', 'm', 1, 'e1'), mark('T2', 'm', 1, 'e2')]],
    ])('%s', (_, marks) => {
      expect(() => computeEntryResult(scheme, marks, judges)).toThrow(ScoringInputError);
    });

    it('an invalid scheme', () => {
      const bad: Scheme = { ...scheme, stages: [{ ...scheme.stages[0]!, weight: 40 }, scheme.stages[1]!] };
      expect(() => computeEntryResult(bad, [], judges)).toThrow(/权重之和为 110/);
    });

    it('a fractional or negative judge count', () => {
      expect(() => computeEntryResult(scheme, [], { practical: 1.5 })).toThrow(ScoringInputError);
      expect(() => computeEntryResult(scheme, [], { practical: -1 })).toThrow(ScoringInputError);
    });

    it('an unknown aggregation', () => {
      expect(() => computeEntryResult(scheme, [], judges, 'MAX' as never)).toThrow(ScoringInputError);
    });

    it('the same judge may mark different criteria: both marks count', () => {
      // practical = (1 + 1 + 0) / (10 + 20 + 20) × 100 = 4; total = 70 × 4 / 100 = 2.8; theory unmarked
      expect(computeEntryResult(scheme, [mark('P1', 'j1', 1), mark('P2', 'j1', 1)], judges)).toEqual({
        stageScores: [
          { stageId: 'theory', score: 0 },
          { stageId: 'practical', score: 4 },
        ],
        total: 2.8,
        marksReceived: 2,
        marksExpected: 9,
        completeness: 2 / 9,
        stageMarks: [
          { stageId: 'theory', received: 0, expected: 2 },
          { stageId: 'practical', received: 2, expected: 7 },
        ],
      });
    });
  });
});
