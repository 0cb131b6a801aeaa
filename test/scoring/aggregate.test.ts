import { aggregate, type Aggregation, type Fraction } from '../../src/scoring/index.js';

/** The exact value a/b, reduced, as the engine represents it. */
const q = (num: number, den = 1): Fraction => ({ num: BigInt(num), den: BigInt(den) });

describe('aggregate', () => {
  it('MEAN: (7 + 8 + 9.5) / 3 = 24.5 / 3 = 49/6', () => {
    expect(aggregate([7, 8, 9.5], 'MEAN')).toEqual(q(49, 6));
  });

  it('MEAN is exact on decimals: (0.1 + 0.2) / 2 = 0.15 = 3/20', () => {
    expect(aggregate([0.1, 0.2], 'MEAN')).toEqual(q(3, 20));
  });

  it('TRIMMED_MEAN with 2 marks falls back to the plain mean: (6 + 9) / 2 = 7.5', () => {
    expect(aggregate([6, 9], 'TRIMMED_MEAN')).toEqual(q(15, 2));
  });

  it('TRIMMED_MEAN with 1 mark is that mark', () => {
    expect(aggregate([4.25], 'TRIMMED_MEAN')).toEqual(q(17, 4));
  });

  it('TRIMMED_MEAN with 3 marks keeps the middle one: [9, 6, 7] → drop 9 and 6 → 7', () => {
    expect(aggregate([9, 6, 7], 'TRIMMED_MEAN')).toEqual(q(7));
  });

  it('TRIMMED_MEAN with 5 marks: [10, 5, 8, 9, 8] → drop 10 and 5 → (8 + 8 + 9) / 3 = 25/3', () => {
    expect(aggregate([10, 5, 8, 9, 8], 'TRIMMED_MEAN')).toEqual(q(25, 3));
  });

  it('TRIMMED_MEAN drops only one of several equal extremes: [9, 9, 9, 4] → (9 + 9) / 2 = 9', () => {
    expect(aggregate([9, 9, 9, 4], 'TRIMMED_MEAN')).toEqual(q(9));
  });

  it('MEDIAN with an odd count: [3, 9, 5] → 5', () => {
    expect(aggregate([3, 9, 5], 'MEDIAN')).toEqual(q(5));
  });

  it('MEDIAN with an even count: [10, 2, 8, 4] → sorted 2, 4, 8, 10 → (4 + 8) / 2 = 6', () => {
    expect(aggregate([10, 2, 8, 4], 'MEDIAN')).toEqual(q(6));
  });

  it('MEDIAN with an even count of decimals: [7.4, 7.35] → (7.35 + 7.4) / 2 = 7.375 = 59/8', () => {
    expect(aggregate([7.4, 7.35], 'MEDIAN')).toEqual(q(59, 8));
  });

  it('the three methods differ on a skewed panel [1, 8, 9]: mean 6, trimmed 8, median 8; [1, 2, 8, 9]: trimmed 5, median 5', () => {
    expect(aggregate([1, 8, 9], 'MEAN')).toEqual(q(6));
    expect(aggregate([1, 8, 9], 'TRIMMED_MEAN')).toEqual(q(8));
    expect(aggregate([1, 8, 9], 'MEDIAN')).toEqual(q(8));
    // mean (1+2+8+9)/4 = 5; trimmed (2+8)/2 = 5; median (2+8)/2 = 5; add a 10 to separate:
    // [1, 2, 8, 9, 10]: mean 30/5 = 6, trimmed (2+8+9)/3 = 19/3, median 8
    expect(aggregate([1, 2, 8, 9, 10], 'MEAN')).toEqual(q(6));
    expect(aggregate([1, 2, 8, 9, 10], 'TRIMMED_MEAN')).toEqual(q(19, 3));
    expect(aggregate([1, 2, 8, 9, 10], 'MEDIAN')).toEqual(q(8));
  });

  it.each<Aggregation>(['MEAN', 'TRIMMED_MEAN', 'MEDIAN'])('%s of no marks is 0 (a missing mark counts 0)', (a) => {
    expect(aggregate([], a)).toEqual(q(0));
  });

  it('does not depend on the order of the marks', () => {
    for (const a of ['MEAN', 'TRIMMED_MEAN', 'MEDIAN'] as const) {
      expect(aggregate([3, 1.5, 9, 7, 2], a)).toEqual(aggregate([9, 2, 7, 3, 1.5], a));
    }
  });

  it('refuses an unknown method', () => {
    expect(() => aggregate([1, 2], 'MODE' as Aggregation)).toThrow(RangeError);
  });
});
