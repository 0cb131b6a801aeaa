import fc from 'fast-check';
import { drawRecheck, sampleSize } from '../../src/competitions/recheck/draw';
import { exceedsThreshold, stageFigures } from '../../src/competitions/recheck/figures';

/** n ranked rows, entry ids e00…, rank = position (no ties), every one marked. */
const field = (n: number) => Array.from({ length: n }, (_, i) => ({ entryId: `e${String(i).padStart(2, '0')}`, rank: i + 1, total: 100 - i, marksReceived: 3 }));
const TIERS = [{ tier: 'FIRST', count: 1 }, { tier: 'SECOND', count: 2 }];

describe('the re-check draw (pure)', () => {
  it('takes every entry in the prize places and ⌈15 %⌉ of the others, the same for the same seed', () => {
    const rows = field(23);
    const a = drawRecheck(rows, TIERS, 0.15, 'seed-1');
    expect(a.topEntryIds).toEqual(['e00', 'e01', 'e02']);
    expect(a.othersCount).toBe(20);
    expect(a.drawnEntryIds).toHaveLength(3); // ⌈0.15 × 20⌉ = 3 exactly, not 4 from 3.0000000000000004
    expect(a.drawnEntryIds.every((id) => !a.topEntryIds.includes(id))).toBe(true);
    expect(drawRecheck([...rows].reverse(), TIERS, 0.15, 'seed-1')).toEqual(a);
    expect(drawRecheck(rows, TIERS, 0.15, 'seed-2').drawnEntryIds).not.toEqual(a.drawnEntryIds);
  });

  it('is pinned: a published seed gives this sample on any machine', () => {
    expect(drawRecheck(field(10), TIERS, 0.15, 'jiangxin-recheck').drawnEntryIds).toEqual(['e04', 'e05']); // docs/recheck.md
  });

  it('keeps a tie at the prize edge whole, and leaves unranked and unmarked entries out of the pool', () => {
    const rows = [
      { entryId: 'a', rank: 1, total: 90, marksReceived: 3 },
      { entryId: 'b', rank: 2, total: 80, marksReceived: 3 },
      { entryId: 'c', rank: 2, total: 80, marksReceived: 3 },
      { entryId: 'd', rank: 4, total: 70, marksReceived: 3 },
      { entryId: 'e', rank: 5, total: 0, marksReceived: 0 },
      { entryId: 'f', rank: null, total: 60, marksReceived: 3 },
    ];
    const d = drawRecheck(rows, [{ tier: 'FIRST', count: 2 }], 0.15, 's');
    expect(d.topEntryIds).toEqual(['a', 'b', 'c']);
    expect(d.othersCount).toBe(1);
    expect(d.drawnEntryIds).toEqual(['d']);
  });

  it('property: top N always in, at least ⌈share × others⌉ drawn, no entry twice', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 10_000 }), fc.string(), (n, bp, seed) => {
      const share = bp / 10_000;
      const d = drawRecheck(field(n), TIERS, share, seed);
      const others = Math.max(0, n - 3);
      expect(d.topEntryIds).toEqual(field(Math.min(n, 3)).map((r) => r.entryId));
      expect(d.drawnEntryIds.length).toBe(Math.min(others, Math.ceil((bp * others) / 10_000)));
      expect(d.drawnEntryIds.length).toBeGreaterThanOrEqual(share * others - 1e-9);
      expect(new Set([...d.topEntryIds, ...d.drawnEntryIds]).size).toBe(d.topEntryIds.length + d.drawnEntryIds.length);
    }));
  });

  it('rounds the sample size up exactly', () => {
    expect(sampleSize(0.15, 20)).toBe(3);
    expect(sampleSize(0.15, 21)).toBe(4);
    expect(sampleSize(0.15, 0)).toBe(0);
    expect(sampleSize(1, 7)).toBe(7);
  });
});

describe('a stage’s re-check figures', () => {
  const item = (stageId: string, state: 'P' | 'C' | 'X', full = false) => ({ stageId, full, pending: state === 'P', corrected: state === 'X' });

  it('rates changed ÷ checked, rounded half up to four decimals, and compares the exact fraction with the threshold', () => {
    const items = [item('s', 'X'), ...Array.from({ length: 14 }, () => item('s', 'C'))];
    const [f] = stageFigures(['s'], items, 0.05);
    expect(f).toEqual({ stageId: 's', sampledMarks: 15, checkedMarks: 15, correctedMarks: 1, errorRate: 0.0667, fullRecheckDue: true, addedMarks: 0, pendingMarks: 0, complete: true });
    expect(exceedsThreshold(1, 20, 0.05)).toBe(false); // exactly 5 % is not above 5 %
    expect(exceedsThreshold(1, 19, 0.05)).toBe(true);
  });

  it('decides nothing while sampled marks are pending, and leaves added items out of the rate', () => {
    const [f, g] = stageFigures(['s', 't'], [item('s', 'X'), item('s', 'P'), item('s', 'C', true), item('s', 'P', true)], 0.05);
    expect(f).toMatchObject({ sampledMarks: 2, checkedMarks: 1, correctedMarks: 1, errorRate: 1, fullRecheckDue: false, addedMarks: 2, pendingMarks: 2, complete: false });
    expect(g).toMatchObject({ sampledMarks: 0, errorRate: null, fullRecheckDue: false, complete: true });
  });
});
