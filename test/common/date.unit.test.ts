import { nextDayInChina, todayInChina } from '../../src/common/date';

/* The day in China (UTC+8) and when it next turns: the response cache expires day-based answers then (src/cache/clock.ts). */
describe('nextDayInChina', () => {
  it('is the coming midnight in China (16:00 UTC), where todayInChina changes', () => {
    for (const iso of ['2026-12-07T15:59:59.999Z', '2026-12-07T00:00:00.000Z', '2026-12-06T16:00:00.000Z']) {
      const now = new Date(iso);
      const next = nextDayInChina(now);
      expect(next.toISOString()).toBe('2026-12-07T16:00:00.000Z');
      expect(todayInChina(new Date(next.getTime() - 1))).toBe(todayInChina(now));
      expect(todayInChina(next)).toBe('2026-12-08');
    }
    expect(nextDayInChina(new Date('2026-12-07T16:00:00.000Z')).toISOString()).toBe('2026-12-08T16:00:00.000Z');
  });
});
