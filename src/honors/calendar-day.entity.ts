import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { DateScalar } from '../common/date.js';
import { CalendarDayKind } from './enums.js';

/** An exception to the Monday–Friday week on the working-day calendar (工作日历); one row per date. */
@ObjectType({ description: 'A public holiday or a swapped working day (调休) on the working-day calendar.' })
@Entity()
export class CalendarDay {
  @Field(() => DateScalar, { description: 'The date.' }) @PrimaryKey({ type: 'date' }) date!: string;
  @Field(() => CalendarDayKind, { description: 'Holiday (not worked) or swapped working day (worked).' }) @Enum({ items: () => CalendarDayKind }) kind!: CalendarDayKind;
  @Field({ description: 'What the day is, e.g. 春节 or 春节调休上班.' }) @Property({ type: 'string', length: 100 }) name!: string;
}
