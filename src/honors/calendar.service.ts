import type { EntityManager } from '@mikro-orm/postgresql';
import { domainError, UserErrorCode } from '../common/errors.js';
import { InputCheck } from '../common/validate.js';
import { CalendarDay } from './calendar-day.entity.js';
import { CalendarDayKind } from './enums.js';
import { m } from './messages.js';
import type { WorkingCalendar } from './working-days.js';

/** The calendar's exceptions from `from` on (a notice period reaches a few weeks ahead at most; a year is plenty). */
export async function loadCalendar(em: EntityManager, from: string): Promise<WorkingCalendar> {
  const rows = await em.find(CalendarDay, { date: { $gte: from } }, { orderBy: { date: 'asc' } });
  return {
    holidays: new Set(rows.filter((r) => r.kind === CalendarDayKind.HOLIDAY).map((r) => r.date)),
    workdays: new Set(rows.filter((r) => r.kind === CalendarDayKind.WORKDAY).map((r) => r.date)),
  };
}

export class CalendarService {
  constructor(private readonly em: EntityManager) {}

  /** Marks a date a holiday or a swapped working day (replacing what the calendar said of it). */
  async set(data: { date: string; kind: CalendarDayKind; name: string }): Promise<CalendarDay> {
    const check = new InputCheck();
    const date = check.plainDate('date', data.date);
    const name = check.name('name', data.name, { max: 100 });
    check.throwIfAny();
    const day = (await this.em.findOne(CalendarDay, { date })) ?? this.em.create(CalendarDay, { date, kind: data.kind, name });
    day.kind = data.kind;
    day.name = name;
    await this.em.flush();
    return day;
  }

  /** Takes a date off the calendar: it counts as its weekday again. */
  async remove(date: string): Promise<string> {
    const check = new InputCheck();
    const day = check.plainDate('date', date);
    check.throwIfAny();
    const row = await this.em.findOne(CalendarDay, { date: day });
    if (!row) throw domainError(UserErrorCode.NOT_FOUND, m('calendarDayMissing', { date: day }), ['input', 'date']);
    await this.em.removeAndFlush(row);
    return day;
  }
}
