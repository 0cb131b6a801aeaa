import { fromNumber, round2, roundHalfUp, toHundredths } from '../../src/scoring/index.js';

describe('round2 (half up, exact on the decimal as written)', () => {
  it.each([
    // Naive Math.round(x * 100) / 100 gets these wrong: 1.005 * 100 = 100.49999999999999.
    [1.005, 1.01],
    [1.015, 1.02],
    [8.345, 8.35],
    [0.125, 0.13],
    [2.675, 2.68], // 2.675 is stored as 2.67499999…; as written it is .xx5 → up
    [89.065, 89.07],
    [89.0649999, 89.06],
    [1.004999, 1],
    [100, 100],
    [0, 0],
    [33.333333333333336, 33.33],
    [66.66666666666667, 66.67],
  ])('round2(%p) = %p', (x, expected) => {
    expect(round2(x)).toBe(expected);
  });

  it('rounds exact fractions half up: 1/8 = 0.125 → 0.13, 1/3 → 0.33, 2/3 → 0.67', () => {
    expect(toHundredths({ num: 1n, den: 8n })).toBe(0.13);
    expect(toHundredths({ num: 1n, den: 3n })).toBe(0.33);
    expect(toHundredths({ num: 2n, den: 3n })).toBe(0.67);
    // 1/200 = 0.005 exactly → 0.01; 0.0049999… stays 0
    expect(toHundredths({ num: 1n, den: 200n })).toBe(0.01);
    expect(toHundredths({ num: 49n, den: 10000n })).toBe(0);
  });

  it('rounds to whole numbers for prize sizes: 2.5 → 3, 1.5 → 2, 2.49 → 2', () => {
    expect(roundHalfUp({ num: 5n, den: 2n }, 0)).toBe(3);
    expect(roundHalfUp({ num: 3n, den: 2n }, 0)).toBe(2);
    expect(roundHalfUp({ num: 249n, den: 100n }, 0)).toBe(2);
  });

  it('reads a number as the decimal it prints as', () => {
    expect(fromNumber(0.1)).toEqual({ num: 1n, den: 10n });
    expect(fromNumber(7.35)).toEqual({ num: 147n, den: 20n });
    expect(fromNumber(1e-7)).toEqual({ num: 1n, den: 10000000n });
    expect(fromNumber(1e21)).toEqual({ num: 10n ** 21n, den: 1n });
    expect(fromNumber(-2.5)).toEqual({ num: -5n, den: 2n });
    expect(() => fromNumber(Number.NaN)).toThrow(RangeError);
  });
});
