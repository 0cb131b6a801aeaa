/**
 * Property tests: random schemes, panels and marks. Oracles here are written from the
 * rules (or naively in floats), never by calling the engine's internals.
 */
import fc from 'fast-check';
import {
  computeEntryResult,
  computeLeaderboard,
  heaviestStageId,
  rankRows,
  toRankInput,
  type Aggregation,
  type LeaderboardEntry,
  type LeaderboardRow,
  type Mark,
  type RankInput,
  type Scheme,
} from '../../src/scoring/index.js';

interface Case {
  scheme: Scheme;
  judgesPerStage: Record<string, number>;
  entries: LeaderboardEntry[];
  marks: Mark[];
}

const judgeIds = (stageId: string, n: number) => Array.from({ length: n }, (_, i) => `${stageId}-j${i}`);

/** Weights in hundredths (1.00 … 99.99), from cut points, summing to exactly 100. */
const weightsArb = (k: number) =>
  fc.uniqueArray(fc.integer({ min: 1, max: 9999 }), { minLength: k - 1, maxLength: k - 1 }).map((cuts) => {
    const points = [0, ...[...cuts].sort((a, b) => a - b), 10000];
    return points.slice(1).map((p, i) => (p - points[i]!) / 100);
  });

const schemeArb: fc.Arbitrary<Scheme> = fc.integer({ min: 1, max: 3 }).chain((k) =>
  fc
    .record({
      // Random hundredths, or a common split (40/40/20: two stages share the top weight).
      weights: fc.oneof(weightsArb(k), fc.constant([[100], [30, 70], [40, 40, 20]][k - 1]!)),
      criteria: fc.array(
        fc.array(
          fc.record({
            kind: fc.constantFrom('MEASUREMENT' as const, 'JUDGEMENT' as const),
            maxCents: fc.oneof(fc.integer({ min: 1, max: 10000 }), fc.constantFrom(100, 1000, 2000)),
          }),
          { minLength: 1, maxLength: 3 },
        ),
        { minLength: k, maxLength: k },
      ),
      aggregation: fc.constantFrom<Aggregation>('MEAN', 'TRIMMED_MEAN', 'MEDIAN'),
    })
    .map(({ weights, criteria, aggregation }) => ({
      aggregation,
      stages: weights.map((weight, s) => ({
        id: `s${s}`,
        weight,
        criteria: criteria[s]!.map((c, i) => ({ id: `s${s}c${i}`, kind: c.kind, maxScore: c.maxCents / 100 })),
      })),
    })),
);

/** A mark value in cents up to max, biased towards 0, max and a few repeated values (ties). */
const valueArb = (maxScore: number) =>
  fc
    .oneof(
      fc.integer({ min: 0, max: Math.round(maxScore * 100) }),
      fc.constantFrom(0, Math.round(maxScore * 100), Math.round(maxScore * 50)),
    )
    .map((cents) => cents / 100);

const caseArb: fc.Arbitrary<Case> = schemeArb.chain((scheme) =>
  fc
    .record({
      judges: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: scheme.stages.length, maxLength: scheme.stages.length }),
      entries: fc.uniqueArray(
        fc.record({
          entryId: fc.constantFrom('e0', 'e1', 'e2', 'e3', 'e4', 'e5'),
          // Mostly ranked; now and then withdrawn or disqualified.
          ranked: fc.oneof({ arbitrary: fc.constant(true), weight: 4 }, { arbitrary: fc.constant(false), weight: 1 }),
          sortKey: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
        }),
        { selector: (e) => e.entryId, minLength: 1, maxLength: 6 },
      ),
    })
    .chain(({ judges, entries }) => {
      const judgesPerStage = Object.fromEntries(scheme.stages.map((s, i) => [s.id, judges[i]!]));
      // One optional mark per (entry, criterion, judge) slot.
      const slots = entries.flatMap((e) =>
        scheme.stages.flatMap((s) =>
          s.criteria.flatMap((c) =>
            (c.kind === 'MEASUREMENT' ? ['measurer'] : judgeIds(s.id, judgesPerStage[s.id]!)).map((judgeId) =>
              fc.option(
                valueArb(c.maxScore).map((value): Mark => ({ entryId: e.entryId, criterionId: c.id, judgeId, value })),
                { nil: undefined, freq: 3 },
              ),
            ),
          ),
        ),
      );
      const entryList: LeaderboardEntry[] = entries.map(({ entryId, ranked, sortKey }) =>
        sortKey === undefined ? { entryId, ranked } : { entryId, ranked, sortKey },
      );
      return fc.tuple(...slots).map((ms) => ({
        scheme,
        judgesPerStage,
        entries: entryList,
        marks: ms.filter((m): m is Mark => m !== undefined),
      }));
    }),
);

const leaderboard = (c: Case, marks = c.marks, entries = c.entries) =>
  computeLeaderboard(c.scheme, marks, entries, c.judgesPerStage);

/** Everything of a row except its rank, by entry. */
const resultsByEntry = (rows: LeaderboardRow[]) =>
  new Map(rows.map(({ rank: _rank, ...rest }) => [rest.entryId, rest]));

const permutation = <T>(xs: readonly T[]) => fc.shuffledSubarray([...xs], { minLength: xs.length, maxLength: xs.length });

describe('scoring properties', () => {
  it('permuting the order of marks or of entries never changes results or ranks', () => {
    fc.assert(
      fc.property(
        caseArb.chain((c) => fc.tuple(fc.constant(c), permutation(c.marks), permutation(c.entries))),
        ([c, marks, entries]) => {
          expect(leaderboard(c, marks, entries)).toEqual(leaderboard(c));
        },
      ),
    );
  });

  it('permuting which judge gave which mark (within each panel) never changes results or ranks', () => {
    fc.assert(
      fc.property(
        caseArb.chain((c) =>
          fc.tuple(fc.constant(c), fc.array(fc.nat(), { minLength: c.marks.length, maxLength: c.marks.length })),
        ),
        ([c, keys]) => {
          // Within each (entry, criterion) panel, hand the judge ids out in another order.
          const groups = new Map<string, number[]>();
          c.marks.forEach((m, i) => {
            const g = `${m.entryId}/${m.criterionId}`;
            groups.set(g, [...(groups.get(g) ?? []), i]);
          });
          const shuffled = [...c.marks];
          for (const idx of groups.values()) {
            const judges = [...idx].sort((a, b) => keys[a]! - keys[b]! || a - b).map((i) => c.marks[i]!.judgeId);
            idx.forEach((i, k) => (shuffled[i] = { ...c.marks[i]!, judgeId: judges[k]! }));
          }
          expect(leaderboard(c, shuffled)).toEqual(leaderboard(c));
        },
      ),
    );
  });

  it('adding one mark changes only that entry’s result, and adds one received mark', () => {
    const withFreeSlot = caseArb.chain((c) => {
      const key = (entryId: string, criterionId: string, judgeId = '') => `${entryId}/${criterionId}/${judgeId}`;
      const taken = new Set(c.marks.flatMap((m) => [key(m.entryId, m.criterionId, m.judgeId), key(m.entryId, m.criterionId)]));
      // Slots a new mark may fill: an unmarked MEASUREMENT, or an assigned judge who has not marked yet.
      const free = c.entries.flatMap((e) =>
        c.scheme.stages.flatMap((s) =>
          s.criteria.flatMap((cr) =>
            cr.kind === 'MEASUREMENT'
              ? taken.has(key(e.entryId, cr.id))
                ? []
                : [{ entryId: e.entryId, criterion: cr, judgeId: 'measurer' }]
              : judgeIds(s.id, c.judgesPerStage[s.id]!)
                  .filter((j) => !taken.has(key(e.entryId, cr.id, j)))
                  .map((judgeId) => ({ entryId: e.entryId, criterion: cr, judgeId })),
          ),
        ),
      );
      if (free.length === 0) return fc.constant(null);
      return fc.constantFrom(...free).chain((slot) =>
        valueArb(slot.criterion.maxScore).map((value) => ({
          c,
          mark: { entryId: slot.entryId, criterionId: slot.criterion.id, judgeId: slot.judgeId, value } as Mark,
        })),
      );
    });
    fc.assert(
      fc.property(withFreeSlot, (x) => {
        fc.pre(x !== null);
        const { c, mark } = x!;
        const before = resultsByEntry(leaderboard(c));
        const after = resultsByEntry(leaderboard(c, [...c.marks, mark]));
        expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
        expect(after.has(mark.entryId)).toBe(true);
        for (const [entryId, result] of after) {
          if (entryId === mark.entryId) {
            expect(result.marksReceived).toBe(before.get(entryId)!.marksReceived + 1);
            expect(result.completeness).toBeGreaterThan(before.get(entryId)!.completeness);
          } else {
            expect(result).toEqual(before.get(entryId));
          }
        }
      }),
    );
  });

  it('ranks: ranked rows first with non-decreasing ranks, rank = 1 + rows strictly better, unranked last with null', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const rows = leaderboard(c);
        const weights = c.scheme.stages.map((s) => s.weight);
        const heaviest = c.scheme.stages[weights.indexOf(Math.max(...weights))]!.id;
        const ranked = rows.filter((r) => r.ranked);
        expect(rows.slice(0, ranked.length)).toEqual(ranked);
        expect(rows.slice(ranked.length).every((r) => !r.ranked && r.rank === null)).toBe(true);
        ranked.forEach((r, i) => {
          if (i > 0) expect(r.rank!).toBeGreaterThanOrEqual(ranked[i - 1]!.rank!);
          const better = ranked.filter(
            (o) =>
              o.total > r.total || (o.total === r.total && o.stageScores[heaviest]! > r.stageScores[heaviest]!),
          ).length;
          expect(r.rank).toBe(1 + better);
        });
      }),
    );
  });

  it('incremental (one entry recomputed after each mark, then re-ranked) equals a recomputation', () => {
    fc.assert(
      fc.property(caseArb.chain((c) => fc.tuple(fc.constant(c), permutation(c.marks))), ([c, arrival]) => {
        const tieBreak = heaviestStageId(c.scheme);
        const marksOf = new Map<string, Mark[]>(c.entries.map((e) => [e.entryId, []]));
        // What the server keeps: one stored row per entry, updated one entry at a time.
        const stored = new Map<string, RankInput>(
          c.entries.map((e) => [e.entryId, toRankInput(e, computeEntryResult(c.scheme, [], c.judgesPerStage))]),
        );
        const entryById = new Map(c.entries.map((e) => [e.entryId, e]));
        arrival.forEach((mark, i) => {
          marksOf.get(mark.entryId)!.push(mark);
          const result = computeEntryResult(c.scheme, marksOf.get(mark.entryId)!, c.judgesPerStage, c.scheme.aggregation);
          stored.set(mark.entryId, toRankInput(entryById.get(mark.entryId)!, result));
          if (i % 5 === 4 || i === arrival.length - 1) {
            expect(rankRows([...stored.values()], tieBreak)).toEqual(leaderboard(c, arrival.slice(0, i + 1)));
          }
        });
        expect(rankRows([...stored.values()], tieBreak)).toEqual(leaderboard(c));
      }),
      { numRuns: 60 },
    );
  });

  it('totals and stage scores stay within [0, 100] with two decimals; completeness within [0, 1]', () => {
    const twoDecimals = (x: number) => Math.abs(x * 100 - Math.round(x * 100)) < 1e-6;
    fc.assert(
      fc.property(caseArb, (c) => {
        for (const r of leaderboard(c)) {
          expect(r.total).toBeGreaterThanOrEqual(0);
          expect(r.total).toBeLessThanOrEqual(100);
          expect(twoDecimals(r.total)).toBe(true);
          for (const s of Object.values(r.stageScores)) {
            expect(s).toBeGreaterThanOrEqual(0);
            expect(s).toBeLessThanOrEqual(100);
            expect(twoDecimals(s)).toBe(true);
          }
          expect(r.completeness).toBeGreaterThanOrEqual(0);
          expect(r.completeness).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('agrees with a naive float computation within rounding (0.005 per stage, 0.01 in total)', () => {
    const naive = (values: number[], a: Aggregation): number => {
      if (values.length === 0) return 0;
      const v = [...values].sort((x, y) => x - y);
      const avg = (xs: number[]) => xs.reduce((p, q) => p + q, 0) / xs.length;
      if (a === 'MEAN' || (a === 'TRIMMED_MEAN' && v.length < 3)) return avg(v);
      if (a === 'TRIMMED_MEAN') return avg(v.slice(1, -1));
      const m = v.length >> 1;
      return v.length % 2 ? v[m]! : (v[m - 1]! + v[m]!) / 2;
    };
    fc.assert(
      fc.property(caseArb, (c) => {
        const rows = resultsByEntry(leaderboard(c));
        for (const e of c.entries) {
          let total = 0;
          for (const s of c.scheme.stages) {
            const got = s.criteria.map((cr) =>
              naive(c.marks.filter((m) => m.entryId === e.entryId && m.criterionId === cr.id).map((m) => m.value), c.scheme.aggregation),
            );
            const score = (got.reduce((p, q) => p + q, 0) / s.criteria.reduce((p, q) => p + q.maxScore, 0)) * 100;
            expect(Math.abs(rows.get(e.entryId)!.stageScores[s.id]! - score)).toBeLessThanOrEqual(0.005 + 1e-9);
            total += (s.weight * score) / 100;
          }
          expect(Math.abs(rows.get(e.entryId)!.total - total)).toBeLessThanOrEqual(0.01 + 1e-9);
        }
      }),
    );
  });

  it('raising a mark never lowers the entry’s stage scores or total', () => {
    fc.assert(
      fc.property(
        caseArb.filter((c) => c.marks.length > 0).chain((c) => fc.tuple(fc.constant(c), fc.nat({ max: c.marks.length - 1 }), fc.double({ min: 0, max: 1, noNaN: true }))),
        ([c, i, t]) => {
          const m = c.marks[i]!;
          const max = c.scheme.stages.flatMap((s) => s.criteria).find((cr) => cr.id === m.criterionId)!.maxScore;
          const raised = c.marks.map((x, j) => (j === i ? { ...x, value: Math.round((x.value + t * (max - x.value)) * 100) / 100 } : x));
          const before = resultsByEntry(leaderboard(c)).get(m.entryId)!;
          const after = resultsByEntry(leaderboard(c, raised)).get(m.entryId)!;
          expect(after.total).toBeGreaterThanOrEqual(before.total);
          for (const s of c.scheme.stages) expect(after.stageScores[s.id]!).toBeGreaterThanOrEqual(before.stageScores[s.id]!);
        },
      ),
    );
  });
});
