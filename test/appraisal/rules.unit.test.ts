import fc from 'fast-check';
import { withLocale } from '../../src/common/i18n';
import { SkillLevel as L } from '../../src/registry/enums';
import { DEFAULT_WEIGHTS, eligibilityProblems, passes, weightedResult, weightProblems, wholeYears, type EligibilityRule, type Weights } from '../../src/appraisal/rules';

const w = (theory: number, practical: number, innovation: number, problemSolving: number, performance: number): Weights => ({ theory, practical, innovation, problemSolving, performance });

describe('weights', () => {
  it('accepts the defaults 20/40/15/15/10', () => {
    expect(DEFAULT_WEIGHTS).toEqual(w(20, 40, 15, 15, 10));
    expect(weightProblems(DEFAULT_WEIGHTS)).toEqual([]);
  });

  it('accepts exactly 40 for the last three, refuses 39', () => {
    expect(weightProblems(w(20, 40, 20, 10, 10))).toEqual([]);
    const problems = weightProblems(w(21, 40, 15, 14, 10));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'INVALID_INPUT', field: ['input', 'weights'] });
    expect(withLocale('en', () => weightProblems(w(21, 40, 15, 14, 10))[0]!.message)).toMatch(/at least 40%.*39%/);
  });

  it('refuses a sum other than 100, naming the sum', () => {
    const [p] = withLocale('en', () => weightProblems(w(20, 40, 20, 10, 11)));
    expect(p!.message).toContain('101');
  });

  it('refuses a weight out of 0–100 or not whole, naming the component', () => {
    expect(weightProblems(w(-10, 50, 20, 20, 20))[0]!.field).toEqual(['input', 'weights', 'theory']);
    expect(weightProblems(w(20, 40.5, 15, 15, 9.5)).map((p) => p.field![2])).toEqual(['practical', 'performance']);
  });

  it('any weighting it accepts sums to 100 with the last three at least 40 (property)', () => {
    const part = fc.integer({ min: 0, max: 100 });
    fc.assert(fc.property(part, part, part, part, part, (a, b, c, d, e) => {
      const ok = weightProblems(w(a, b, c, d, e)).length === 0;
      expect(ok).toBe(a + b + c + d + e === 100 && c + d + e >= 40);
    }));
  });
});

describe('weighted result', () => {
  it('weights each component’s mean over the assessors, two decimals half up', () => {
    expect(weightedResult(DEFAULT_WEIGHTS, [w(100, 100, 100, 100, 100)])).toBe(100);
    expect(weightedResult(DEFAULT_WEIGHTS, [w(50, 70, 80, 60, 90)])).toBe(10 + 28 + 12 + 9 + 9);
    // Two assessors: means 55, 75, 85, 65, 95 → 11 + 30 + 12.75 + 9.75 + 9.5 = 73
    expect(weightedResult(DEFAULT_WEIGHTS, [w(50, 70, 80, 60, 90), w(60, 80, 90, 70, 100)])).toBe(73);
    // Three assessors: theory mean 61/3 → 20 × 20.333… / 100 = 4.0666… → 4.07
    expect(weightedResult(w(20, 40, 15, 15, 10), [w(20, 0, 0, 0, 0), w(20, 0, 0, 0, 0), w(21, 0, 0, 0, 0)])).toBe(4.07);
    expect(weightedResult(DEFAULT_WEIGHTS, [])).toBeNull();
  });

  it('passes at the pass mark, not below', () => {
    expect(passes(60, 60)).toBe(true);
    expect(passes(59.99, 60)).toBe(false);
  });

  it('stays within 0–100 for any marks (property)', () => {
    const mark = fc.integer({ min: 0, max: 100 });
    const marks = fc.record({ theory: mark, practical: mark, innovation: mark, problemSolving: mark, performance: mark });
    fc.assert(fc.property(fc.array(marks, { minLength: 1, maxLength: 15 }), (ms) => {
      const r = weightedResult(DEFAULT_WEIGHTS, ms)!;
      expect(r).toBeGreaterThanOrEqual(0);
      expect(r).toBeLessThanOrEqual(100);
    }));
  });
});

describe('eligibility', () => {
  const rule: EligibilityRule = { targetLevel: L.TECHNICIAN, requiredLevel: L.SENIOR, minYearsAtLevel: 4, minYearsInTrade: 14 };
  const facts = { trade: '焊工', level: L.SENIOR, yearsAtLevel: 4, yearsInTrade: 14 };

  it('admits a worker meeting every rule, at the limits', () => {
    expect(eligibilityProblems('焊工', rule, facts)).toEqual([]);
  });

  it.each([
    ['trade', { trade: '钳工' }, /Rule trade/],
    ['current level', { level: L.INTERMEDIATE }, /Rule current level/],
    ['years at level', { yearsAtLevel: 3 }, /Rule years at level.*4.*3/],
    ['years in trade', { yearsInTrade: 13 }, /Rule years in trade.*14.*13/],
  ])('names the rule broken: %s', (_name, over, message) => {
    const problems = withLocale('en', () => eligibilityProblems('焊工', rule, { ...facts, ...over }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'NOT_ELIGIBLE', field: ['input', 'workerId'] });
    expect(problems[0]!.message).toMatch(message);
  });

  it('a level already at the target (or above) is no candidate: one level up only', () => {
    expect(withLocale('en', () => eligibilityProblems('焊工', rule, { ...facts, level: L.TECHNICIAN }))[0]!.message).toMatch(/Rule current level/);
  });

  it('the first level needs no level held', () => {
    const first: EligibilityRule = { targetLevel: L.JUNIOR, requiredLevel: null, minYearsAtLevel: 0, minYearsInTrade: 1 };
    expect(eligibilityProblems('焊工', first, { trade: '焊工', level: null, yearsAtLevel: null, yearsInTrade: 1 })).toEqual([]);
    expect(eligibilityProblems('焊工', first, { trade: '焊工', level: L.JUNIOR, yearsAtLevel: 9, yearsInTrade: 9 })).toHaveLength(1);
  });

  it('counts whole years as anniversaries do', () => {
    expect(wholeYears('2020-03-01', '2024-02-29')).toBe(3);
    expect(wholeYears('2020-03-01', '2024-03-01')).toBe(4);
    expect(wholeYears('2024-12-31', '2025-01-01')).toBe(0);
  });
});
