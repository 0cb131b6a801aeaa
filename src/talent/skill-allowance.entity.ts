import { DecimalType, Entity, Index, ManyToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { DateScalar } from '../common/date.js';
import { Node } from '../common/relay.js';
import type { User } from '../auth/user.entity.js';
import { Enterprise } from '../registry/enterprise.entity.js';
import { SkillLevel } from '../registry/enums.js';
import { DecimalScalar } from '../studios/decimal.js';

@ObjectType({ description: 'The allowance for one skill level in a standard.' })
export class SkillAllowanceRate {
  @Field(() => SkillLevel, { description: 'The skill level.' }) level!: SkillLevel;
  @Field(() => DecimalScalar, { description: 'Yuan per month, exact (two decimals).' }) yuanPerMonth!: string;
}

/** The columns of a standard, one per skill level, lowest first. */
export const RATE_COLUMNS: readonly [SkillLevel, keyof SkillAllowanceStandard & string, string][] = [
  [SkillLevel.JUNIOR, 'junior', 'junior'],
  [SkillLevel.INTERMEDIATE, 'intermediate', 'intermediate'],
  [SkillLevel.SENIOR, 'senior', 'senior'],
  [SkillLevel.TECHNICIAN, 'technician', 'technician'],
  [SkillLevel.SENIOR_TECHNICIAN, 'seniorTechnician', 'senior_technician'],
];

const money = () => ({ type: new DecimalType('string'), precision: 10, scale: 2, nullable: true });

/**
 * An enterprise's skill allowance standard (技能津贴标准) from a date on: yuan per month per skill
 * level. A new standard does not change an old one: the history is every standard recorded, and the
 * one in force on a day is the latest whose effectiveFrom is not after it.
 */
@ObjectType({ implements: Node, description: 'An enterprise’s skill allowance standard (技能津贴标准): yuan per month per skill level, from a date on.' })
@Entity()
@Unique({ properties: ['enterprise', 'effectiveFrom'] })
export class SkillAllowanceStandard extends Node {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'cascade' }) @Index() enterprise!: Ref<Enterprise>;

  @Field(() => DateScalar, { description: 'The day it takes effect; it holds until the next standard’s effectiveFrom.' })
  @Property({ type: 'date' }) effectiveFrom!: string;

  @Property(money()) junior: string | null = null;
  @Property(money()) intermediate: string | null = null;
  @Property(money()) senior: string | null = null;
  @Property(money()) technician: string | null = null;
  @Property(money()) seniorTechnician: string | null = null;

  @ManyToOne('User', { ref: true, nullable: true, deleteRule: 'set null' }) recordedBy: Ref<User> | null = null;

  @Field({ description: 'When it was recorded.' })
  @Property({ type: 'Date' }) createdAt: Date = new Date();

  @Field(() => [SkillAllowanceRate], { description: 'The allowance per skill level, lowest level first; levels without an allowance are left out (at most five).' })
  get rates(): SkillAllowanceRate[] {
    return RATE_COLUMNS.flatMap(([level, prop]) => {
      const v = this[prop] as string | null;
      return v == null ? [] : [{ level, yuanPerMonth: v }];
    });
  }
}
