import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { SkillLevel } from '../registry/enums.js';

/**
 * Who may be appraised for a level: data, one row per target level, seeded by Migration20261207020000
 * with the defaults of the national occupational skill standards' usual application requirements
 * (国家职业技能标准 申报条件; README, "Skill appraisal"). Not a Node: it is read as a whole.
 */
@ObjectType({ description: 'The eligibility rule for one target level (申报条件): the level held now, for how long, and years in the trade.' })
@Entity()
export class AppraisalEligibilityRule {
  @Field(() => SkillLevel, { description: 'The level appraised to.' })
  @PrimaryKey({ type: 'string', length: 30 })
  targetLevel!: SkillLevel;

  @Field(() => SkillLevel, { nullable: true, description: 'The level a candidate must hold now (one below); null: none (the first level).' })
  @Enum({ items: () => SkillLevel, nullable: true })
  requiredLevel: SkillLevel | null = null;

  @Field(() => Int, { description: 'Whole years the required level must have been held (取得证书后累计从事本职业工作年限).' })
  @Property({ type: 'integer' })
  minYearsAtLevel!: number;

  @Field(() => Int, { description: 'Whole years in the trade (累计从事本职业工作年限), from the worker’s tradeStartYear, else the year they joined.' })
  @Property({ type: 'integer' })
  minYearsInTrade!: number;

  @Field({ description: 'Where the default comes from, in the standard’s words.' })
  @Property({ type: 'string', length: 500 })
  basis!: string;
}
