import { AttemptStatus, DrillCounting } from '../../src/drills/enums';
import { countedAttempt, entryValue, scaleScore, type CountedAttempt } from '../../src/drills/theory/scale';

/* The value a drill gives a theory stage's criterion (src/drills/theory/scale.ts). */

const attempt = (number: number, status: AttemptStatus, score: number | null, maxScore = 50): CountedAttempt =>
  ({ id: `a${number}`, number, status, score, maxScore, startedAt: status === AttemptStatus.DRAWN ? null : '2026-12-07T00:00:00Z' });

describe('scaleScore', () => {
  it('scales exactly and rounds half up to two decimals', () => {
    expect(scaleScore(37, 50, 30)).toBe(22.2);
    expect(scaleScore(50, 50, 30)).toBe(30);
    expect(scaleScore(0, 50, 30)).toBe(0);
    // 1/3 × 10 = 3.333… → 3.33; 2/3 × 10 = 6.666… → 6.67.
    expect(scaleScore(1, 3, 10)).toBe(3.33);
    expect(scaleScore(2, 3, 10)).toBe(6.67);
    // 1/16 × 0.1 = 0.00625 → 0.01; 1/32 × 0.1 = 0.003125 → 0.00.
    expect(scaleScore(1, 16, 0.1)).toBe(0.01);
    expect(scaleScore(1, 32, 0.1)).toBe(0);
    // A half exactly: 0.5/100 × 1 = 0.005 → 0.01.
    expect(scaleScore(0.5, 100, 1)).toBe(0.01);
    // 41/80 × 30 = 15.375 → 15.38, where Math.round over the float product gives 15.37.
    expect(scaleScore(41, 80, 30)).toBe(15.38);
  });
});

describe('countedAttempt', () => {
  const three = [attempt(1, AttemptStatus.SUBMITTED, 30), attempt(2, AttemptStatus.SUBMITTED, 45), attempt(3, AttemptStatus.SUBMITTED, 20)];
  it('takes the best or the last submitted attempt', () => {
    expect(countedAttempt(three, DrillCounting.BEST)).toMatchObject({ attempt: { id: 'a2' }, score: 45 });
    expect(countedAttempt(three, DrillCounting.LAST)).toMatchObject({ attempt: { id: 'a3' }, score: 20 });
  });
  it('counts a voided attempt as 0 points and ignores attempts not over', () => {
    expect(countedAttempt([attempt(1, AttemptStatus.VOIDED, 48)], DrillCounting.BEST)).toMatchObject({ attempt: { id: 'a1' }, score: 0 });
    expect(countedAttempt([attempt(1, AttemptStatus.SUBMITTED, 10), attempt(2, AttemptStatus.VOIDED, 48)], DrillCounting.LAST)).toMatchObject({ score: 0 });
    expect(countedAttempt([attempt(1, AttemptStatus.DRAWN, null)], DrillCounting.BEST)).toBeNull();
  });
});

describe('entryValue', () => {
  it('is ABSENT only when no member started', () => {
    expect(entryValue([[]], DrillCounting.BEST, 30)).toEqual({ absent: true });
    expect(entryValue([[attempt(1, AttemptStatus.DRAWN, null)], []], DrillCounting.BEST, 30)).toEqual({ absent: true });
  });
  it('gives an individual the scaled value with the attempt it came from', () => {
    expect(entryValue([[attempt(1, AttemptStatus.SUBMITTED, 37)]], DrillCounting.BEST, 30)).toEqual({ absent: false, value: 22.2, sourceId: 'a1' });
  });
  it('gives a team the mean of its members’ scaled values, 0 for a member who never started', () => {
    const v = entryValue([[attempt(1, AttemptStatus.SUBMITTED, 37)], [], [attempt(1, AttemptStatus.SUBMITTED, 50)]], DrillCounting.BEST, 30);
    // (22.20 + 0 + 30.00) / 3 = 17.40.
    expect(v).toEqual({ absent: false, value: 17.4, sourceId: null });
    // (22.20 + 0) / 2 = 11.10; (0.01 + 0) / 2 = 0.005 → 0.01 (half up).
    expect(entryValue([[attempt(1, AttemptStatus.SUBMITTED, 37)], []], DrillCounting.BEST, 30)).toMatchObject({ value: 11.1 });
    expect(entryValue([[attempt(1, AttemptStatus.SUBMITTED, 0.5, 100)], []], DrillCounting.BEST, 1)).toMatchObject({ value: 0.01 });
  });
});
