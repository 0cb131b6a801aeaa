/**
 * Properties of selectTop and assignPrizes over randomly ranked fields with many ties
 * (totals drawn from a few values).
 */
import fc from 'fast-check';
import { assignPrizes, rankRows, selectTop, type PrizeTier } from '../../src/scoring/index.js';

const fieldArb = fc
  .uniqueArray(
    fc.record({
      entryId: fc.string({ minLength: 1, maxLength: 3 }),
      total: fc.constantFrom(0, 50, 62.5, 80, 80.01, 100),
      practical: fc.constantFrom(0, 60, 90),
      ranked: fc.oneof({ arbitrary: fc.constant(true), weight: 4 }, { arbitrary: fc.constant(false), weight: 1 }),
      marksReceived: fc.constantFrom(0, 3),
    }),
    { selector: (r) => r.entryId, maxLength: 25 },
  )
  .map((rows) =>
    rankRows(
      rows.map(({ practical, ...r }) => ({ ...r, stageScores: { practical } })),
      'practical',
    ),
  );

const tiersArb = fc
  .array(
    fc.oneof(
      fc.integer({ min: 0, max: 4 }).map((count) => ({ count })),
      fc.constantFrom(0, 0.1, 0.2, 0.35, 0.5).map((share) => ({ share })),
    ),
    { minLength: 1, maxLength: 4 },
  )
  .map((specs): PrizeTier[] => specs.map((s, i) => ({ tier: `T${i}`, ...s })));

describe('selectTop and prize properties', () => {
  it('selectTop(n) takes exactly the rows ranked ≤ n: at least n when n entries are ranked', () => {
    fc.assert(
      fc.property(fieldArb, fc.nat({ max: 26 }), (rows, n) => {
        const top = selectTop(rows, n);
        const ranked = rows.filter((r) => r.rank !== null);
        expect(top).toEqual(ranked.filter((r) => r.rank! <= n));
        expect(top.length).toBeGreaterThanOrEqual(Math.min(n, ranked.length));
      }),
    );
  });

  it('prizes: ties never split, a better rank never gets a worse tier, no-shows and unranked get none', () => {
    fc.assert(
      fc.property(fieldArb, tiersArb, (rows, tiers) => {
        const prizes = new Map(assignPrizes(rows, tiers).map((p) => [p.entryId, p.tier]));
        const order = (t: string | null | undefined) => (t == null ? tiers.length : Number(t.slice(1)));
        const eligible = rows.filter((r) => r.rank !== null && !(r.total === 0 && r.marksReceived === 0));
        for (const r of rows) if (!eligible.includes(r)) expect(prizes.get(r.entryId)).toBeNull();
        for (const a of eligible) {
          for (const b of eligible) {
            if (a.rank === b.rank) expect(prizes.get(a.entryId)).toBe(prizes.get(b.entryId));
            if (a.rank! < b.rank!) expect(order(prizes.get(a.entryId))).toBeLessThanOrEqual(order(prizes.get(b.entryId)));
          }
        }
      }),
    );
  });

  it('prizes: cumulative tier sizes hold exactly when there are no ties, and are never undershot', () => {
    fc.assert(
      fc.property(fieldArb, tiersArb, (rows, tiers) => {
        const prizes = assignPrizes(rows, tiers);
        const rankedCount = rows.filter((r) => r.rank !== null).length;
        const eligible = rows.filter((r) => r.rank !== null && !(r.total === 0 && r.marksReceived === 0));
        const distinct = new Set(eligible.map((r) => r.rank)).size === eligible.length;
        let cumulative = 0;
        let given = 0;
        for (const t of tiers) {
          cumulative += t.count ?? Math.round(t.share! * rankedCount + 1e-9);
          given += prizes.filter((p) => p.tier === t.tier).length;
          // Ties only ever grow the cumulative count past its target, never short of it.
          expect(given).toBeGreaterThanOrEqual(Math.min(cumulative, eligible.length));
          if (distinct) expect(given).toBe(Math.min(cumulative, eligible.length));
        }
      }),
    );
  });
});
