import fc from 'fast-check';
import { standardise, withStandardisedScores } from '../../src/scoring/standardise.js';
import { ScoringInputError } from '../../src/scoring/index.js';

/*
 * standardised = 500 + 100 × (total − mean) / sd, sd the population standard deviation of the ranked
 * totals; two decimals half up. Expected values worked out by hand in the comments.
 */
describe('standardise (WorldSkills 700 scale)', () => {
  it('a plain case: 60, 70, 80, 90', () => {
    // mean 75; deviations −15, −5, 5, 15; variance (225+25+25+225)/4 = 125; sd √125 = 11.180339887…
    // −15/11.1803… = −1.341640786… → 365.8359… → 365.84;  −5/11.1803… = −0.447213595… → 455.2786… → 455.28
    expect(standardise([60, 70, 80, 90])).toEqual([365.84, 455.28, 544.72, 634.16]);
    // input order is kept
    expect(standardise([90, 60, 80, 70])).toEqual([634.16, 365.84, 544.72, 455.28]);
  });

  it('an exact x.xx5 rounds up, above and below the mean', () => {
    // 0, 0, 0, 10, 33: mean 43/5 = 8.6; Σd² = 3·8.6² + 1.4² + 24.4² = 221.88 + 1.96 + 595.36 = 819.2; variance 163.84; sd 12.8
    // 33: 24.4/12.8 = 1.90625 → 690.625 → 690.63;  10: 1.4/12.8 = 0.109375 → 510.9375 → 510.94;  0: −8.6/12.8 = −0.671875 → 432.8125 → 432.81
    expect(standardise([0, 0, 0, 10, 33])).toEqual([432.81, 432.81, 432.81, 510.94, 690.63]);
    // 0, 0, 2, 12, 15: mean 5.8; variance (2·33.64 + 14.44 + 38.44 + 84.64)/5 = 40.96; sd 6.4
    // 0: −5.8/6.4 = −0.90625 → 409.375 → 409.38 (half up, toward +∞ here);  2: −3.8/6.4 = −0.59375 → 440.625 → 440.63
    // 12: 6.2/6.4 = 0.96875 → 596.875 → 596.88;  15: 9.2/6.4 = 1.4375 → 643.75
    expect(standardise([0, 0, 2, 12, 15])).toEqual([409.38, 409.38, 440.63, 596.88, 643.75]);
  });

  it('decimal totals are read as written (no float drift)', () => {
    // 10.1, 10.2, 10.3: mean 10.2; variance (0.01 + 0 + 0.01)/3 = 0.02/3; sd 0.0816496…
    // ±0.1/0.0816496… = ±1.224744871… → 377.5255… → 377.53 and 622.4744… → 622.47
    expect(standardise([10.1, 10.2, 10.3])).toEqual([377.53, 500, 622.47]);
  });

  it('fewer than three ranked totals: null for each', () => {
    expect(standardise([])).toEqual([]);
    expect(standardise([80])).toEqual([null]);
    expect(standardise([80, 90])).toEqual([null, null]);
  });

  it('zero spread: everyone at the mean, 500', () => {
    expect(standardise([75.5, 75.5, 75.5])).toEqual([500, 500, 500]);
  });

  it('more than five SD below the mean goes negative, rounded half away from zero', () => {
    // 26 × 100 and one 0: the outlier sits at −√26 SD = −5.0990195… → 500 − 509.90195… = −9.90195… → −9.9
    // the others at +1/√26 = 0.19611613… → 519.611613… → 519.61
    const totals = [...Array(26).fill(100), 0];
    const out = standardise(totals);
    expect(out[26]).toBe(-9.9);
    expect(out.slice(0, 26)).toEqual(Array(26).fill(519.61));
  });

  it('refuses a total that is not a number', () => {
    expect(() => standardise([1, 2, Number.NaN])).toThrow(ScoringInputError);
  });

  it('agrees with a 40-digit reference and keeps mean 500, SD 100 (property)', () => {
    const cents = fc.integer({ min: 0, max: 10_000 });
    fc.assert(
      fc.property(fc.array(cents, { minLength: 3, maxLength: 30 }), (cs) => {
        const totals = cs.map((c) => c / 100);
        const out = standardise(totals) as number[];
        const n = BigInt(cs.length);
        const s = cs.reduce((a, b) => a + BigInt(b), 0n);
        const k = n * cs.reduce((a, b) => a + BigInt(b) * BigInt(b), 0n) - s * s; // n²·variance, in cents²
        if (k === 0n) return out.every((v) => v === 500);
        const scale = 10n ** 40n;
        const root = sqrtBig(k * scale * scale); // √k · 10⁴⁰
        cs.forEach((c, i) => {
          // 500 + 100·(n·c − s)/√k in hundredths, to 40 digits, then rounded half away from zero
          const x = 50_000n * scale + (10_000n * (n * BigInt(c) - s) * scale * scale) / root; // hundredths · 10⁴⁰
          const hundredths = x >= 0n ? (x + scale / 2n) / scale : -((-x + scale / 2n) / scale);
          expect(out[i]).toBe(Number(hundredths) / 100);
        });
        const mean = out.reduce((a, b) => a + b, 0) / out.length;
        expect(Math.abs(mean - 500)).toBeLessThan(0.01);
        return true;
      }),
    );
  });
});

function sqrtBig(n: bigint): bigint {
  if (n < 2n) return n;
  let x = n;
  let y = (x + 1n) / 2n;
  while (y < x) [x, y] = [y, (y + n / y) / 2n];
  return x;
}

describe('withStandardisedScores', () => {
  it('scales the ranked rows among themselves; unranked rows get null', () => {
    const rows = [
      { id: 'a', rank: 1, total: 90 },
      { id: 'b', rank: 2, total: 80 },
      { id: 'c', rank: 3, total: 70 },
      { id: 'w', rank: null, total: 99 },
    ];
    // 70, 80, 90: sd √(200/3) = 8.164965…; ±10/8.16… = ±1.2247448… → 622.47 / 377.53
    expect(withStandardisedScores(rows).map((r) => [r.id, r.standardisedScore])).toEqual([['a', 622.47], ['b', 500], ['c', 377.53], ['w', null]]);
  });

  it('two ranked rows and a withdrawn one: too few, all null', () => {
    const rows = [{ rank: 1, total: 90 }, { rank: 2, total: 80 }, { rank: null, total: 70 }];
    expect(withStandardisedScores(rows).map((r) => r.standardisedScore)).toEqual([null, null, null]);
  });
});
