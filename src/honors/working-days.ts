/**
 * Working days (工作日) on the calendar an admin keeps: Monday to Friday are working days unless the
 * calendar marks a public holiday (法定节假日); a Saturday or Sunday is one when the calendar marks it
 * a swapped working day (调休上班). Pure: dates are 'YYYY-MM-DD' strings, compared as calendar days.
 */
export interface WorkingCalendar {
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
}

export const EMPTY_CALENDAR: WorkingCalendar = { holidays: new Set(), workdays: new Set() };

function toUtc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

export function addDays(date: string, days: number): string {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function isWorkingDay(date: string, cal: WorkingCalendar): boolean {
  if (cal.workdays.has(date)) return true;
  if (cal.holidays.has(date)) return false;
  const dow = toUtc(date).getUTCDay();
  return dow !== 0 && dow !== 6;
}

/** The first working day on or after `date`. */
export function nextWorkingDay(date: string, cal: WorkingCalendar): string {
  let d = date;
  while (!isWorkingDay(d, cal)) d = addDays(d, 1);
  return d;
}

/**
 * A notice period of `days` working days beginning on the first working day on or after `from`:
 * its first and its last day (both working days, both inside the period).
 */
export function noticePeriod(from: string, days: number, cal: WorkingCalendar): { startsOn: string; endsOn: string } {
  if (!Number.isInteger(days) || days < 1) throw new RangeError('a notice period lasts at least one working day');
  const startsOn = nextWorkingDay(from, cal);
  let endsOn = startsOn;
  for (let counted = 1; counted < days; counted++) endsOn = nextWorkingDay(addDays(endsOn, 1), cal);
  return { startsOn, endsOn };
}

/** Working days from `from` to `to`, both included (0 when `to` is before `from`). */
export function workingDaysBetween(from: string, to: string, cal: WorkingCalendar): number {
  let n = 0;
  for (let d = from; d <= to; d = addDays(d, 1)) if (isWorkingDay(d, cal)) n++;
  return n;
}

/**
 * 2026, as the State Council's notice (国务院办公厅关于2026年部分节假日安排的通知, 2025-11-04, Xinhua)
 * set it: days off and the weekend days worked instead. 2027's schedule was not published when this was
 * written; until an admin enters it, 2027 counts weekends only.
 */
export const HOLIDAYS_2026: readonly { date: string; name: string }[] = [
  ...range('2026-01-01', '2026-01-03', '元旦'),
  ...range('2026-02-15', '2026-02-23', '春节'),
  ...range('2026-04-04', '2026-04-06', '清明节'),
  ...range('2026-05-01', '2026-05-05', '劳动节'),
  ...range('2026-06-19', '2026-06-21', '端午节'),
  ...range('2026-09-25', '2026-09-27', '中秋节'),
  ...range('2026-10-01', '2026-10-07', '国庆节'),
];
export const SWAPPED_WORKDAYS_2026: readonly { date: string; name: string }[] = [
  { date: '2026-01-04', name: '元旦调休上班' },
  { date: '2026-02-14', name: '春节调休上班' },
  { date: '2026-02-28', name: '春节调休上班' },
  { date: '2026-05-09', name: '劳动节调休上班' },
  { date: '2026-09-20', name: '国庆节调休上班' },
  { date: '2026-10-10', name: '国庆节调休上班' },
];

function range(from: string, to: string, name: string): { date: string; name: string }[] {
  const out = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push({ date: d, name });
  return out;
}
