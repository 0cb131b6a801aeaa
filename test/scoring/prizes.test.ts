import {
  assignPrizes,
  prizeTierSizes,
  ScoringInputError,
  type PrizeCandidate,
  type PrizeTier,
} from '../../src/scoring/index.js';

/** Candidates with the given ranks (e1, e2, … in order), all with marks. */
const withRanks = (...ranks: (number | null)[]): PrizeCandidate[] =>
  ranks.map((rank, i) => ({ entryId: `e${i + 1}`, rank, total: 100 - i, marksReceived: 5 }));

const tiersOf = (assignments: { tier: string | null }[]) => assignments.map((a) => a.tier);

/** n entries ranked 1…n. */
const distinct = (n: number) => withRanks(...Array.from({ length: n }, (_, i) => i + 1));

describe('prizeTierSizes', () => {
  it('shares of 25 ranked: 0.1 → 2.5 → 3, 0.2 → 5, 0.3 → 7.5 → 8', () => {
    expect(prizeTierSizes([{ tier: 'A', share: 0.1 }, { tier: 'B', share: 0.2 }, { tier: 'C', share: 0.3 }], 25)).toEqual([3, 5, 8]);
  });

  it('rounds half up exactly: 0.58 × 25 = 14.5 → 15 (float gives 14.4999…)', () => {
    expect(prizeTierSizes([{ tier: 'A', share: 0.58 }], 25)).toEqual([15]);
  });

  it('counts as given, share 0 gives 0, 0.01 of 10 = 0.1 → 0', () => {
    expect(prizeTierSizes([{ tier: 'A', count: 4 }, { tier: 'B', share: 0 }, { tier: 'C', share: 0.01 }], 10)).toEqual([4, 0, 0]);
  });

  it.each<[string, PrizeTier[]]>([
    ['negative count', [{ tier: 'A', count: -1 }]],
    ['fractional count', [{ tier: 'A', count: 1.5 }]],
    ['share above 1', [{ tier: 'A', share: 1.1 }]],
    ['both count and share', [{ tier: 'A', count: 1, share: 0.1 } as unknown as PrizeTier]],
    ['neither', [{ tier: 'A' } as unknown as PrizeTier]],
    ['a tier twice', [{ tier: 'A', count: 1 }, { tier: 'A', count: 2 }]],
  ])('refuses %s', (_, tiers) => {
    expect(() => prizeTierSizes(tiers, 10)).toThrow(ScoringInputError);
  });
});

describe('assignPrizes', () => {
  it('by share with rounding: 25 entries, shares 0.1 / 0.2 / 0.3 → places 1–3, 4–8, 9–16', () => {
    const tiers = [
      { tier: 'FIRST', share: 0.1 },
      { tier: 'SECOND', share: 0.2 },
      { tier: 'THIRD', share: 0.3 },
    ] as const;
    const result = assignPrizes(distinct(25), tiers);
    expect(tiersOf(result)).toEqual([
      ...Array<string>(3).fill('FIRST'),
      ...Array<string>(5).fill('SECOND'),
      ...Array<string>(8).fill('THIRD'),
      ...Array<null>(9).fill(null),
    ]);
  });

  it('by count, mixed with share: FIRST 0.1 of 10 = 1, SECOND count 2, THIRD count 3', () => {
    const result = assignPrizes(distinct(10), [
      { tier: 'FIRST', share: 0.1 },
      { tier: 'SECOND', count: 2 },
      { tier: 'THIRD', count: 3 },
    ]);
    expect(tiersOf(result)).toEqual(['FIRST', 'SECOND', 'SECOND', 'THIRD', 'THIRD', 'THIRD', null, null, null, null]);
  });

  it('a tie straddling a cut goes whole into the tier: sizes 1, 2 on ranks 1, 2, 2, 2, 5', () => {
    const result = assignPrizes(withRanks(1, 2, 2, 2, 5), [
      { tier: 'FIRST', count: 1 },
      { tier: 'SECOND', count: 2 },
    ]);
    expect(tiersOf(result)).toEqual(['FIRST', 'SECOND', 'SECOND', 'SECOND', null]);
  });

  it('a grown tier shrinks the next one: sizes 2, 2 on ranks 1, 1, 1, 4, 5', () => {
    // FIRST nominally places 0–1, grows to the whole rank-1 group (3 rows);
    // SECOND still ends at cumulative place 4: only the rank-4 row; rank 5 gets nothing.
    const result = assignPrizes(withRanks(1, 1, 1, 4, 5), [
      { tier: 'FIRST', count: 2 },
      { tier: 'SECOND', count: 2 },
    ]);
    expect(tiersOf(result)).toEqual(['FIRST', 'FIRST', 'FIRST', 'SECOND', null]);
  });

  it('a tier whose places a tie already took gets no one: sizes 1, 1, 1 on ranks 1, 1, 1, 4', () => {
    const result = assignPrizes(withRanks(1, 1, 1, 4), [
      { tier: 'FIRST', count: 1 },
      { tier: 'SECOND', count: 1 },
      { tier: 'THIRD', count: 1 },
    ]);
    expect(tiersOf(result)).toEqual(['FIRST', 'FIRST', 'FIRST', null]);
  });

  it('a tie at the last cut is not split from the prize: THIRD count 2 on ranks 1, 2, 2, 2 takes all three', () => {
    const result = assignPrizes(withRanks(1, 2, 2, 2), [{ tier: 'FIRST', count: 1 }, { tier: 'THIRD', count: 2 }]);
    expect(tiersOf(result)).toEqual(['FIRST', 'THIRD', 'THIRD', 'THIRD']);
  });

  it('a tie after a cut does not pull the cut: sizes 2 on ranks 1, 2, 3, 3', () => {
    expect(tiersOf(assignPrizes(withRanks(1, 2, 3, 3), [{ tier: 'FIRST', count: 2 }]))).toEqual(['FIRST', 'FIRST', null, null]);
  });

  it('no prize for an entry with total 0 and no marks, nor does it take a place', () => {
    const rows: PrizeCandidate[] = [
      { entryId: 'a', rank: 1, total: 50, marksReceived: 4 },
      { entryId: 'zero-marked', rank: 2, total: 0, marksReceived: 4 }, // marked, all zeros: eligible
      { entryId: 'no-show', rank: 2, total: 0, marksReceived: 0 },
    ];
    const result = assignPrizes(rows, [{ tier: 'FIRST', count: 1 }, { tier: 'SECOND', count: 5 }]);
    expect(result).toEqual([
      { entryId: 'a', tier: 'FIRST' },
      { entryId: 'zero-marked', tier: 'SECOND' },
      { entryId: 'no-show', tier: null },
    ]);
  });

  it('unranked entries get nothing and are not counted for shares: 0.5 of 4 ranked = 2', () => {
    const result = assignPrizes(withRanks(null, 1, 2, null, 3, 4), [{ tier: 'GOLD', share: 0.5 }]);
    expect(tiersOf(result)).toEqual([null, 'GOLD', 'GOLD', null, null, null]);
  });

  it('returns assignments in input order, whatever the rank order', () => {
    const result = assignPrizes(withRanks(3, 1, 2), [{ tier: 'FIRST', count: 1 }, { tier: 'SECOND', count: 1 }]);
    expect(result).toEqual([
      { entryId: 'e1', tier: null },
      { entryId: 'e2', tier: 'FIRST' },
      { entryId: 'e3', tier: 'SECOND' },
    ]);
  });

  it('more prizes than entries: everyone eligible gets one', () => {
    expect(tiersOf(assignPrizes(distinct(2), [{ tier: 'FIRST', count: 1 }, { tier: 'SECOND', count: 5 }]))).toEqual([
      'FIRST',
      'SECOND',
    ]);
  });
});
