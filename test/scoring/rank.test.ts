import {
  heaviestStageId,
  rankRows,
  ScoringInputError,
  selectTop,
  type RankInput,
} from '../../src/scoring/index.js';

/** A row with a total and a practical (heaviest stage) score. */
const row = (entryId: string, total: number, practical: number, extra: Partial<RankInput> = {}): RankInput => ({
  entryId,
  total,
  stageScores: { theory: 0, practical },
  ranked: true,
  ...extra,
});

const ranksOf = (rows: { entryId: string; rank: number | null }[]) => rows.map((r) => [r.entryId, r.rank]);

describe('heaviestStageId', () => {
  const stage = (id: string, weight: number) => ({ id, weight, criteria: [] });
  it('is the stage with the highest weight', () => {
    expect(heaviestStageId({ stages: [stage('theory', 30), stage('practical', 70)] })).toBe('practical');
  });
  it('is the first in stage order when several share the highest weight', () => {
    expect(heaviestStageId({ stages: [stage('a', 40), stage('b', 40), stage('c', 20)] })).toBe('a');
    expect(heaviestStageId({ stages: [stage('a', 20), stage('b', 40), stage('c', 40)] })).toBe('b');
  });
  it('is null without stages', () => {
    expect(heaviestStageId({ stages: [] })).toBeNull();
  });
});

describe('rankRows', () => {
  it('standard competition ranking: 1, 2, 2, 4', () => {
    const out = rankRows([row('d', 80, 80), row('b', 85, 85), row('a', 90, 90), row('c', 85, 85)], 'practical');
    expect(ranksOf(out)).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 2],
      ['d', 4],
    ]);
  });

  it('breaks a tie on total by the heaviest stage, higher first', () => {
    // both 85.5 in total; practical 88 beats practical 86
    const out = rankRows([row('low', 85.5, 86), row('high', 85.5, 88), row('top', 91, 80)], 'practical');
    expect(ranksOf(out)).toEqual([
      ['top', 1],
      ['high', 2],
      ['low', 3],
    ]);
  });

  it('ignores other stages for the tie-break (only the heaviest counts)', () => {
    const a: RankInput = { entryId: 'a', total: 80, stageScores: { theory: 100, practical: 71.43 }, ranked: true };
    const b: RankInput = { entryId: 'b', total: 80, stageScores: { theory: 50, practical: 71.43 }, ranked: true };
    expect(ranksOf(rankRows([a, b], 'practical'))).toEqual([
      ['a', 1],
      ['b', 1],
    ]);
  });

  it('shares the rank when the heaviest stage is tied too, ordered by sortKey then entryId', () => {
    const out = rankRows(
      [
        row('x', 85, 90, { sortKey: 7 }),
        row('z', 85, 90, { sortKey: 2 }),
        row('w', 85, 90),
        row('y', 85, 90, { sortKey: 2 }),
        row('v', 70, 70),
      ],
      'practical',
    );
    // sortKey 2 (y before z by entryId), then 7, then no sortKey (last)
    expect(ranksOf(out)).toEqual([
      ['y', 1],
      ['z', 1],
      ['x', 1],
      ['w', 1],
      ['v', 5],
    ]);
  });

  it('orders number sortKeys numerically and before string ones', () => {
    const out = rankRows(
      [row('a', 50, 50, { sortKey: 'A-01' }), row('b', 50, 50, { sortKey: 10 }), row('c', 50, 50, { sortKey: 9 })],
      'practical',
    );
    expect(out.map((r) => r.entryId)).toEqual(['c', 'b', 'a']);
  });

  it('lists unranked (withdrawn, disqualified) entries last with rank null, without taking places', () => {
    const out = rankRows(
      [row('dq', 99, 99, { ranked: false }), row('a', 90, 90), row('w', 10, 10, { ranked: false }), row('b', 80, 80)],
      'practical',
    );
    expect(ranksOf(out)).toEqual([
      ['a', 1],
      ['b', 2],
      ['dq', null],
      ['w', null],
    ]);
  });

  it('compares totals rounded to two decimals: 85.004 and 85.001 tie', () => {
    const out = rankRows([row('a', 85.001, 90), row('b', 85.004, 90), row('c', 85.005, 90)], 'practical');
    // 85.005 → 85.01 is better; 85.004 and 85.001 both show 85.00 and share rank 2
    expect(ranksOf(out)).toEqual([
      ['c', 1],
      ['a', 2],
      ['b', 2],
    ]);
  });

  it('a missing tie-break stage score counts 0; null tie-break stage means totals only', () => {
    const a: RankInput = { entryId: 'a', total: 60, stageScores: {}, ranked: true };
    const b = row('b', 60, 1);
    expect(ranksOf(rankRows([a, b], 'practical'))).toEqual([
      ['b', 1],
      ['a', 2],
    ]);
    expect(ranksOf(rankRows([a, b], null))).toEqual([
      ['a', 1],
      ['b', 1],
    ]);
  });

  it('does not depend on input order and keeps extra fields', () => {
    const rows = [row('a', 70, 60, { sortKey: 3 }), row('b', 70, 60, { sortKey: 1 }), row('c', 95, 99), row('d', 70, 65)];
    const withExtra = rows.map((r) => ({ ...r, station: `S-${r.entryId}` }));
    const forward = rankRows(withExtra, 'practical');
    const backward = rankRows([...withExtra].reverse(), 'practical');
    expect(backward).toEqual(forward);
    expect(forward[0]).toMatchObject({ entryId: 'c', rank: 1, station: 'S-c' });
    expect(ranksOf(forward)).toEqual([
      ['c', 1],
      ['d', 2],
      ['b', 3],
      ['a', 3],
    ]);
  });

  it('does not modify its input', () => {
    const rows = [row('a', 1, 1), row('b', 2, 2)];
    const copy = structuredClone(rows);
    rankRows(rows, 'practical');
    expect(rows).toEqual(copy);
  });

  it('refuses duplicate entries and non-finite totals', () => {
    expect(() => rankRows([row('a', 1, 1), row('a', 2, 2)], 'practical')).toThrow(ScoringInputError);
    expect(() => rankRows([row('a', Number.NaN, 1)], 'practical')).toThrow(ScoringInputError);
  });

  it('handles no rows', () => {
    expect(rankRows([], 'practical')).toEqual([]);
  });
});

describe('selectTop', () => {
  // ranks 1, 2, 2, 4, 5 and one unranked
  const ranked = rankRows(
    [row('a', 95, 1), row('b', 90, 1), row('c', 90, 1), row('d', 80, 1), row('e', 70, 1), row('x', 99, 1, { ranked: false })],
    'practical',
  );

  it('takes everyone tied at place n: top 2 of 1, 2, 2 is three entries', () => {
    expect(selectTop(ranked, 2).map((r) => r.entryId)).toEqual(['a', 'b', 'c']);
  });

  it('top 3 does not reach rank 4 (the tie used place 3)', () => {
    expect(selectTop(ranked, 3).map((r) => r.entryId)).toEqual(['a', 'b', 'c']);
  });

  it('top 4 and top 1', () => {
    expect(selectTop(ranked, 4).map((r) => r.entryId)).toEqual(['a', 'b', 'c', 'd']);
    expect(selectTop(ranked, 1).map((r) => r.entryId)).toEqual(['a']);
  });

  it('never selects unranked entries; top 0 is empty; n beyond the field is everyone ranked', () => {
    expect(selectTop(ranked, 100).map((r) => r.entryId)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(selectTop(ranked, 0)).toEqual([]);
  });

  it('sorts by rank whatever the input order', () => {
    expect(selectTop([...ranked].reverse(), 2).map((r) => r.rank)).toEqual([1, 2, 2]);
  });

  it('refuses a negative or fractional n', () => {
    expect(() => selectTop(ranked, -1)).toThrow(ScoringInputError);
    expect(() => selectTop(ranked, 1.5)).toThrow(ScoringInputError);
  });
});
