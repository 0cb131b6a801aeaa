import { Field, InputType, registerEnumType } from 'type-graphql';
import { Connection } from '../common/relay.js';
import { orderInput } from '../common/order-input.js';
import { StudioDecision } from './studio-decision.entity.js';
import { SortDirection } from '../registry/registry.inputs.js';
import { StudioMember } from './studio-member.entity.js';
import { StudioReport } from './studio-report.entity.js';

/*
 * The lists on a studio (Studio.members, .reports, .innovations, .methods): connections with the same
 * arguments as every other list (first/after/last/before, orderBy), paged by nestedConnection.
 * Innovation's order is in innovation.inputs.ts, shared with the root `innovations` list.
 */

export enum StudioMemberOrderField {
  JOINED_AT = 'joinedAt',
}
registerEnumType(StudioMemberOrderField, {
  name: 'StudioMemberOrderField',
  description: 'What to order a studio’s members by.',
  valuesConfig: { JOINED_AT: { description: 'When they joined the studio; the leader named in the application joined first.' } },
});

@InputType({ description: 'The order of a studio’s members.' })
export class StudioMemberOrder {
  @Field(() => StudioMemberOrderField, { description: 'The property to order by.' }) field!: StudioMemberOrderField;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'ASC (the default) or DESC.' }) direction!: SortDirection;
}

export enum StudioReportOrderField {
  YEAR = 'year',
  SUBMITTED_AT = 'submittedAt',
}
registerEnumType(StudioReportOrderField, {
  name: 'StudioReportOrderField',
  description: 'What to order a studio’s annual reports by.',
  valuesConfig: {
    YEAR: { description: 'The year reported on.' },
    SUBMITTED_AT: { description: 'When the report was first submitted.' },
  },
});

@InputType({ description: 'The order of a studio’s annual reports.' })
export class StudioReportOrder {
  @Field(() => StudioReportOrderField, { description: 'The property to order by.' }) field!: StudioReportOrderField;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'ASC (the default) or DESC.' }) direction!: SortDirection;
}

export enum StudioMethodOrderField {
  SUBMITTED_AT = 'submittedAt',
  PROPOSED_NAME = 'proposedName',
}
registerEnumType(StudioMethodOrderField, {
  name: 'StudioMethodOrderField',
  description: 'What to order a studio’s operating methods by.',
  valuesConfig: {
    SUBMITTED_AT: { description: 'When the method was submitted.' },
    PROPOSED_NAME: { description: 'By the proposed name in pinyin order (李 before 张), Chinese before Latin letters.' },
  },
});

@InputType({ description: 'The order of a studio’s operating methods.' })
export class StudioMethodOrder {
  @Field(() => StudioMethodOrderField, { description: 'The property to order by.' }) field!: StudioMethodOrderField;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'ASC (the default) or DESC.' }) direction!: SortDirection;
}

export const StudioMemberConnection = Connection(StudioMember, 'StudioMember');
export type StudioMemberConnection = InstanceType<typeof StudioMemberConnection>;
export const StudioReportConnection = Connection(StudioReport, 'StudioReport');
export type StudioReportConnection = InstanceType<typeof StudioReportConnection>;

export enum StudioDecisionOrderField {
  AT = 'at',
}
export const StudioDecisionOrder = orderInput('StudioDecision', StudioDecisionOrderField, {
  fields: 'What to order a studio’s accreditation moves (Studio.decisions) by.',
  values: { AT: 'When the move was made.' },
  input: 'The order of a studio’s accreditation moves (Studio.decisions).',
});
export type StudioDecisionOrder = InstanceType<typeof StudioDecisionOrder>;
export const StudioDecisionConnection = Connection(StudioDecision, 'StudioDecision');
export type StudioDecisionConnection = InstanceType<typeof StudioDecisionConnection>;
