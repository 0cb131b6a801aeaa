import {
  assignPrizes,
  computeEntryResult,
  markersPerStage,
  mayMark,
  missingMarks,
  rankRows,
  type Mark,
  type PanelSeat,
  type RankInput,
  type Scheme,
} from '../../src/scoring/index.js';

/** theory 30 % (one measured item), practical 70 % (two panel items). */
const scheme: Scheme = {
  aggregation: 'TRIMMED_MEAN',
  stages: [
    { id: 'theory', weight: 30, criteria: [{ id: 'T1', kind: 'MEASUREMENT', maxScore: 100 }] },
    { id: 'practical', weight: 70, criteria: [{ id: 'P1', kind: 'JUDGEMENT', maxScore: 50 }, { id: 'P2', kind: 'JUDGEMENT', maxScore: 50 }] },
  ],
};

const both = ['theory', 'practical'];
/** Three judges of enterprise J1, J2, J3; a fourth (of J1) substituting on entry e2 only. */
const panel: PanelSeat[] = [
  { stageIds: both, entryIds: null, enterpriseId: 'J1' },
  { stageIds: both, entryIds: null, enterpriseId: 'J2' },
  { stageIds: ['practical'], entryIds: [], enterpriseId: null },
  { stageIds: ['practical'], entryIds: ['e2'], enterpriseId: 'J3' },
];
const e1 = { entryId: 'e1', enterpriseIds: ['A'] };
/** A worker of J2 is in e2: judge 2 may not mark it. */
const e2 = { entryId: 'e2', enterpriseIds: ['B', 'J2'] };

const marks = (entryId: string, list: [string, string, number][]): Mark[] => list.map(([criterionId, judgeId, value]) => ({ entryId, criterionId, judgeId, value }));

describe('who may mark an entry (scope and conflicts of interest)', () => {
  it('a seat without named entries covers all; a substitute only its entries; a conflicted judge none of theirs', () => {
    expect(mayMark(panel[0]!, e1)).toBe(true);
    expect(mayMark(panel[2]!, e1)).toBe(true); // an empty list is every entry too
    expect(mayMark(panel[3]!, e1)).toBe(false);
    expect(mayMark(panel[3]!, e2)).toBe(true);
    expect(mayMark(panel[1]!, e2)).toBe(false);
  });

  it('counts per entry and stage only the judges who may mark it', () => {
    expect(markersPerStage(scheme, panel, e1)).toEqual({ theory: 2, practical: 3 });
    // Judge 2 conflicted out of both stages, the substitute in on practical.
    expect(markersPerStage(scheme, panel, e2)).toEqual({ theory: 1, practical: 3 });
    expect(markersPerStage(scheme, [], e1)).toEqual({ theory: 0, practical: 0 });
  });

  it('the chief judge marks nothing on the stages given (anonymous ones), and counts elsewhere', () => {
    const withChief = [{ ...panel[0]!, chief: true }, ...panel.slice(1)];
    expect(markersPerStage(scheme, withChief, e1, new Set(['practical']))).toEqual({ theory: 2, practical: 2 });
    expect(markersPerStage(scheme, withChief, e1)).toEqual({ theory: 2, practical: 3 });
  });
});

describe('expected marks per entry', () => {
  it('an entry marked by everyone who may mark it is complete, although a conflicted judge sits on the panel', () => {
    const m = marks('e2', [['T1', 'M', 80], ['P1', 'j1', 40], ['P1', 'j3', 30], ['P1', 'j4', 20], ['P2', 'j1', 50], ['P2', 'j3', 40], ['P2', 'j4', 30]]);
    const r = computeEntryResult(scheme, m, markersPerStage(scheme, panel, e2));
    expect([r.marksReceived, r.marksExpected, r.completeness]).toEqual([7, 7, 1]);
    // TRIMMED_MEAN over the marks present: P1 30, P2 40 → 70 of 100 → practical 70, total 0.3·80 + 0.7·70 = 73.
    expect(r.total).toBe(73);
    expect(missingMarks(scheme, m, markersPerStage(scheme, panel, e2))).toEqual([]);
  });

  it('lists the criteria short of marks, each with expected and received, limited to the stages asked', () => {
    const m = marks('e1', [['P1', 'j1', 40], ['P1', 'j2', 30], ['P2', 'j1', 50], ['P2', 'j2', 45], ['P2', 'j3', 44]]);
    const perStage = markersPerStage(scheme, panel, e1);
    expect(missingMarks(scheme, m, perStage)).toEqual([
      { stageId: 'theory', criterionId: 'T1', expected: 1, received: 0 },
      { stageId: 'practical', criterionId: 'P1', expected: 3, received: 2 },
    ]);
    expect(missingMarks(scheme, m, perStage, ['practical'])).toEqual([{ stageId: 'practical', criterionId: 'P1', expected: 3, received: 2 }]);
    expect(missingMarks(scheme, m, perStage, ['nothing'])).toEqual([]);
  });
});

describe('absent entrants (ABSENT)', () => {
  const row = (entryId: string, total: number, extra: Partial<RankInput> = {}): RankInput => ({ entryId, total, stageScores: {}, ranked: true, ...extra });

  it('ranked last: after every other ranked row whatever the total, sharing one rank; unranked rows after them', () => {
    const rows = rankRows([row('a', 50), row('x', 90, { last: true }), row('b', 70), row('y', 10, { last: true }), row('w', 99, { ranked: false })], null);
    expect(rows.map((r) => [r.entryId, r.rank])).toEqual([['b', 1], ['a', 2], ['x', 3], ['y', 3], ['w', null]]);
  });

  it('`last` on an unranked row changes nothing: it stays unranked', () => {
    const rows = rankRows([row('a', 50), row('x', 90, { last: true, ranked: false })], null);
    expect(rows.map((r) => [r.entryId, r.rank])).toEqual([['a', 1], ['x', null]]);
  });

  it('wins no prize even when ranked and marked', () => {
    const prizes = assignPrizes(
      [{ entryId: 'x', rank: 1, total: 90, marksReceived: 3, absent: true }, { entryId: 'a', rank: 2, total: 50, marksReceived: 3 }],
      [{ tier: 'FIRST', count: 1 }],
    );
    expect(prizes).toEqual([{ entryId: 'x', tier: null }, { entryId: 'a', tier: 'FIRST' }]);
  });
});
