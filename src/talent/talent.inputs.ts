import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { DateScalar } from '../common/date.js';
import { Payload } from '../common/errors.js';
import { Connection } from '../common/relay.js';
import { SkillLevel } from '../registry/enums.js';
import { DecimalScalar } from '../studios/decimal.js';
import { ChiefTechnician } from './chief-technician.entity.js';
import { ChiefTechnicianIncentive, ChiefTechnicianOrderField } from './enums.js';
import { SkillAllowanceStandard } from './skill-allowance.entity.js';
import { orderInput } from '../common/order-input.js';

// ── Chief technicians ──────────────────────────────────────────────────────────

@InputType({ description: 'Designates a worker as their enterprise’s chief technician (企业首席技师) for a term.' })
export class DesignateChiefTechnicianInput {
  @Field(() => ID, { description: 'The Worker’s global ID: a worker holding at least TECHNICIAN; their enterprise designates them.' }) workerId!: string;
  @Field(() => DateScalar, { description: 'First day of the term (YYYY-MM-DD).' }) termFrom!: string;
  @Field(() => DateScalar, { description: 'Last day of the term (YYYY-MM-DD), not before termFrom, at most 10 years on. Terms of one worker must not overlap.' }) termTo!: string;
  @Field(() => ChiefTechnicianIncentive, { description: 'The incentive (激励方式): ANNUAL_SALARY 年薪, EQUITY 股权, OPTIONS 期权, ALLOWANCE 津贴.' }) incentive!: ChiefTechnicianIncentive;
  @Field(() => DecimalScalar, { nullable: true, description: 'Amount in yuan, exact (per year for ANNUAL_SALARY, per month for ALLOWANCE, the agreed value for EQUITY and OPTIONS); optional.' })
  incentiveAmount?: string | null;
  @Field(() => String, { nullable: true, description: 'Terms of the incentive in words, up to 1000 characters; optional.' }) incentiveNotes?: string | null;
}

@InputType({ description: 'Ends a chief technician’s term early (提前终止), with the reason.' })
export class EndChiefTechnicianTermInput {
  @Field(() => ID, { description: 'The ChiefTechnician’s global ID.' }) chiefTechnicianId!: string;
  @Field(() => DateScalar, { nullable: true, description: 'The last day of the shortened term: from termFrom to the day before termTo; today (China) when omitted.' }) endedOn?: string | null;
  @Field({ description: 'Why the term ends early, 1 to 500 characters.' }) reason!: string;
}

@ObjectType({ description: 'The outcome of designateChiefTechnician or endChiefTechnicianTerm.' })
export class ChiefTechnicianPayload extends Payload {
  @Field(() => ChiefTechnician, { nullable: true, description: 'The designation as stored now; null when refused.' }) chiefTechnician?: ChiefTechnician | null;
}

export const ChiefTechnicianOrder = orderInput('ChiefTechnician', ChiefTechnicianOrderField, {
  fields: 'What to order chief technician designations by.',
  values: { TERM_FROM: 'By the first day of the term.', CREATED_AT: 'By when the designation was recorded.' },
  input: 'How to order chief technician designations: a field and a direction.',
});
export type ChiefTechnicianOrder = InstanceType<typeof ChiefTechnicianOrder>;

export const ChiefTechnicianConnection = Connection(ChiefTechnician, 'ChiefTechnician');
export type ChiefTechnicianConnection = InstanceType<typeof ChiefTechnicianConnection>;

// ── Skill allowance standards ──────────────────────────────────────────────────

@InputType({ description: 'The allowance for one skill level.' })
export class SkillAllowanceRateInput {
  @Field(() => SkillLevel, { description: 'The skill level; each at most once per standard.' }) level!: SkillLevel;
  @Field(() => DecimalScalar, { description: 'Yuan per month, exact: up to 8 digits before the point and 2 after, e.g. "300.00".' }) yuanPerMonth!: string;
}

@InputType({ description: 'An enterprise’s skill allowance standard (技能津贴标准) from a date on; earlier standards stay as history.' })
export class RecordSkillAllowanceStandardInput {
  @Field(() => ID, { description: 'The Enterprise’s global ID.' }) enterpriseId!: string;
  @Field(() => DateScalar, { description: 'The day it takes effect (YYYY-MM-DD); one standard per enterprise and day.' }) effectiveFrom!: string;
  @Field(() => [SkillAllowanceRateInput], { description: 'One to five rates, one per skill level; a level left out has no allowance in this standard.' })
  rates!: SkillAllowanceRateInput[];
}

@ObjectType({ description: 'The outcome of recordSkillAllowanceStandard.' })
export class SkillAllowanceStandardPayload extends Payload {
  @Field(() => SkillAllowanceStandard, { nullable: true, description: 'The standard recorded; null when refused.' }) standard?: SkillAllowanceStandard | null;
}

export const SkillAllowanceStandardConnection = Connection(SkillAllowanceStandard, 'SkillAllowanceStandard');
export type SkillAllowanceStandardConnection = InstanceType<typeof SkillAllowanceStandardConnection>;
