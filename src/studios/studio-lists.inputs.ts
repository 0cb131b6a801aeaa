import { Connection } from '../common/relay.js';
import { orderInput } from '../common/order-input.js';
import { StudioDecision } from './studio-decision.entity.js';
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

export const StudioMemberOrder = orderInput('StudioMember', StudioMemberOrderField, {
  fields: 'What to order a studio’s members by.',
  values: { JOINED_AT: 'When they joined the studio; the leader named in the application joined first.' },
  input: 'The order of a studio’s members.',
});
export type StudioMemberOrder = InstanceType<typeof StudioMemberOrder>;

export enum StudioReportOrderField {
  YEAR = 'year',
  SUBMITTED_AT = 'submittedAt',
}

export const StudioReportOrder = orderInput('StudioReport', StudioReportOrderField, {
  fields: 'What to order a studio’s annual reports by.',
  values: { YEAR: 'The year reported on.', SUBMITTED_AT: 'When the report was first submitted.' },
  input: 'The order of a studio’s annual reports.',
});
export type StudioReportOrder = InstanceType<typeof StudioReportOrder>;

export enum StudioMethodOrderField {
  SUBMITTED_AT = 'submittedAt',
  PROPOSED_NAME = 'proposedName',
}

export const StudioMethodOrder = orderInput('StudioMethod', StudioMethodOrderField, {
  fields: 'What to order a studio’s operating methods by.',
  values: { SUBMITTED_AT: 'When the method was submitted.', PROPOSED_NAME: 'By the proposed name in pinyin order (李 before 张), Chinese before Latin letters.' },
  input: 'The order of a studio’s operating methods.',
});
export type StudioMethodOrder = InstanceType<typeof StudioMethodOrder>;

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
