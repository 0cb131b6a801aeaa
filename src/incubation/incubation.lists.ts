import { Field, ID, InputType } from 'type-graphql';
import { Connection } from '../common/relay.js';
import { orderInput } from '../common/order-input.js';
import { PartnerKind, ProjectStage } from './enums.js';
import { IncubationProject } from './incubation-project.entity.js';
import { GateDecision, ProjectFunding, ProjectMilestone, ProjectPartner } from './project-parts.entity.js';

// The lists of incubation: filters, orders and connections (each order's values are property names).

@InputType({ description: 'Which projects to list; all given conditions must hold.' })
export class IncubationProjectFilter {
  @Field(() => ProjectStage, { nullable: true, description: 'Only projects in this stage.' }) stage?: ProjectStage | null;
  @Field(() => String, { nullable: true, description: 'Exactly this field of technology.' }) field?: string | null;
  @Field(() => ID, { nullable: true, description: 'Only projects of this studio (a Studio ID).' }) studioId?: string | null;
  @Field(() => PartnerKind, { nullable: true, description: 'Projects with at least one partner of this kind.' }) partnerKind?: PartnerKind | null;
  @Field(() => String, { nullable: true, description: 'Part of the title.' }) search?: string | null;
}


export enum IncubationProjectOrderField {
  CREATED_AT = 'createdAt',
  UPDATED_AT = 'updatedAt',
  TITLE = 'title',
  STAGE = 'stage',
}

export const IncubationProjectOrder = orderInput('IncubationProject', IncubationProjectOrderField, {
  fields: 'What to order incubation projects by; ties are broken by ID, so pages are stable.',
  values: { CREATED_AT: 'When it was started.', UPDATED_AT: 'When it or its partners and milestones last changed.', TITLE: 'By title in pinyin order (李 before 张).', STAGE: 'Grouped by stage, groups in the alphabetical order of the stage values (GRADUATED, IDEA, INCUBATING, PILOT, TERMINATED).' },
  input: 'The order of a project list.',
});
export type IncubationProjectOrder = InstanceType<typeof IncubationProjectOrder>;

export enum ProjectPartnerOrderField {
  ADDED_AT = 'addedAt',
  KIND = 'kind',
}

export const ProjectPartnerOrder = orderInput('ProjectPartner', ProjectPartnerOrderField, {
  fields: 'What to order a project’s partners by; ties are broken by ID.',
  values: { ADDED_AT: 'When it joined.', KIND: 'Grouped by kind (alphabetical order of the kind values).' },
  input: 'The order of a project’s partners.',
});
export type ProjectPartnerOrder = InstanceType<typeof ProjectPartnerOrder>;

export enum ProjectMilestoneOrderField {
  CREATED_AT = 'createdAt',
}

export const ProjectMilestoneOrder = orderInput('ProjectMilestone', ProjectMilestoneOrderField, {
  fields: 'What to order a project’s milestones by; ties are broken by ID.',
  values: { CREATED_AT: 'When it was planned (added).' },
  input: 'The order of a project’s milestones.',
});
export type ProjectMilestoneOrder = InstanceType<typeof ProjectMilestoneOrder>;

export enum ProjectFundingOrderField {
  RECEIVED_AT = 'receivedAt',
  RECORDED_AT = 'recordedAt',
  AMOUNT = 'amount',
}

export const ProjectFundingOrder = orderInput('ProjectFunding', ProjectFundingOrderField, {
  fields: 'What to order a project’s funding by; ties are broken by ID.',
  values: { RECEIVED_AT: 'When the money was received.', RECORDED_AT: 'When it was recorded here.', AMOUNT: 'The amount in yuan.' },
  input: 'The order of a project’s funding.',
});
export type ProjectFundingOrder = InstanceType<typeof ProjectFundingOrder>;

export enum GateDecisionOrderField {
  DECIDED_AT = 'at',
}

export const GateDecisionOrder = orderInput('GateDecision', GateDecisionOrderField, {
  fields: 'What to order a project’s gate history by; ties are broken by ID.',
  values: { DECIDED_AT: 'When the decision was made.' },
  input: 'The order of a project’s gate history.',
});
export type GateDecisionOrder = InstanceType<typeof GateDecisionOrder>;

export const IncubationProjectConnection = Connection(IncubationProject, 'IncubationProject');
export type IncubationProjectConnection = InstanceType<typeof IncubationProjectConnection>;
export const ProjectPartnerConnection = Connection(ProjectPartner, 'ProjectPartner');
export type ProjectPartnerConnection = InstanceType<typeof ProjectPartnerConnection>;
export const ProjectMilestoneConnection = Connection(ProjectMilestone, 'ProjectMilestone');
export type ProjectMilestoneConnection = InstanceType<typeof ProjectMilestoneConnection>;
export const ProjectFundingConnection = Connection(ProjectFunding, 'ProjectFunding');
export type ProjectFundingConnection = InstanceType<typeof ProjectFundingConnection>;
export const GateDecisionConnection = Connection(GateDecision, 'GateDecision');
export type GateDecisionConnection = InstanceType<typeof GateDecisionConnection>;
