import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../common/date.js';
import { Ownership, SkillLevel } from '../registry/enums.js';
import { DecimalScalar } from '../studios/decimal.js';

@ObjectType({ description: 'The mean allowance of one skill level over the enterprises whose standard gives one.' })
export class SkillAllowanceLevelMean {
  @Field(() => SkillLevel, { description: 'The skill level.' }) level!: SkillLevel;
  @Field(() => Int, { description: 'Enterprises whose standard in force gives an allowance for this level.' }) enterprises!: number;
  @Field(() => DecimalScalar, { nullable: true, description: 'Their mean allowance, yuan per month, exact to two decimals (half up); null when none gives one.' })
  meanYuanPerMonth!: string | null;
}

@ObjectType({ description: 'Skill allowance figures of a group of enterprises (one ownership, one district, or all).' })
export class SkillAllowanceLine {
  @Field(() => Ownership, { nullable: true, description: 'Set in byOwnership lines.' }) ownership!: Ownership | null;
  @Field(() => String, { nullable: true, description: 'Set in byDistrict lines.' }) district!: string | null;
  @Field(() => Int, { description: 'Enterprises in the registry (in the report’s district and ownership).' }) enterprises!: number;
  @Field(() => Int, { description: 'Of them, those with a skill allowance standard in force at the end of the year.' }) enterprisesWithStandard!: number;
  @Field(() => Float, { description: 'enterprisesWithStandard ÷ enterprises, 0–1 (4 decimals); 0 when there are no enterprises.' }) share!: number;
  @Field(() => [SkillAllowanceLevelMean], { description: 'Per skill level, lowest first (always five).' }) levels!: SkillAllowanceLevelMean[];
}

@ObjectType({ description: 'Skill allowances (技能津贴): how many enterprises have a standard, and the mean allowance by level — the programme asks non-public enterprises to follow.' })
export class SkillAllowanceReport {
  @Field(() => DateScalar, { description: 'The day the standards are read at: 31 December of the year (each enterprise’s latest standard effective by then).' }) asOf!: string;
  @Field(() => [SkillAllowanceLine], { description: 'Per ownership (所有制).' }) byOwnership!: SkillAllowanceLine[];
  @Field(() => [SkillAllowanceLine], { description: 'Per district (县区).' }) byDistrict!: SkillAllowanceLine[];
  @Field(() => SkillAllowanceLine, { description: 'All enterprises in the report’s scope.' }) totals!: SkillAllowanceLine;
}

@ObjectType({ description: 'Chief technician figures of a group of enterprises (one ownership, one district, or all).' })
export class ChiefTechnicianLine {
  @Field(() => Ownership, { nullable: true, description: 'Set in byOwnership lines.' }) ownership!: Ownership | null;
  @Field(() => String, { nullable: true, description: 'Set in byDistrict lines.' }) district!: string | null;
  @Field(() => Int, { description: 'Enterprises in the registry (in the report’s district and ownership).' }) enterprises!: number;
  @Field(() => Int, { description: 'Of them, those with a chief technician in office on some day of the year.' }) enterprisesWithChiefTechnician!: number;
  @Field(() => Int, { description: 'Designations in office on some day of the year (a term ended early counts up to its last day).' }) designations!: number;
  @Field(() => Int, { description: 'Designations whose term began in the year.' }) newDesignations!: number;
  @Field(() => Int, { description: 'Designations ended early within the year.' }) endedEarly!: number;
  @Field(() => Int, { description: 'Of the designations in office, those with an ANNUAL_SALARY incentive.' }) annualSalary!: number;
  @Field(() => Int, { description: 'Of the designations in office, those with an EQUITY incentive.' }) equity!: number;
  @Field(() => Int, { description: 'Of the designations in office, those with an OPTIONS incentive.' }) options!: number;
  @Field(() => Int, { description: 'Of the designations in office, those with an ALLOWANCE incentive.' }) allowance!: number;
}

@ObjectType({ description: 'Chief technicians (企业首席技师) in office in the year, by the ownership and district of their enterprise.' })
export class ChiefTechnicianReport {
  @Field(() => [ChiefTechnicianLine], { description: 'Per ownership (所有制).' }) byOwnership!: ChiefTechnicianLine[];
  @Field(() => [ChiefTechnicianLine], { description: 'Per district (县区).' }) byDistrict!: ChiefTechnicianLine[];
  @Field(() => ChiefTechnicianLine, { description: 'All enterprises in the report’s scope.' }) totals!: ChiefTechnicianLine;
}
