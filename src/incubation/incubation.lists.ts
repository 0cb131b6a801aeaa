import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { Connection } from '../common/relay.js';
import { SortDirection } from '../registry/registry.inputs.js';
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

const DIRECTION = 'Ascending (the default) or descending.';
const FIELD = 'What to order by.';

export enum IncubationProjectOrderField {
  CREATED_AT = 'createdAt',
  UPDATED_AT = 'updatedAt',
  TITLE = 'title',
  STAGE = 'stage',
}
registerEnumType(IncubationProjectOrderField, {
  name: 'IncubationProjectOrderField',
  description: 'What to order incubation projects by; ties are broken by ID, so pages are stable.',
  valuesConfig: {
    CREATED_AT: { description: 'When it was started.' },
    UPDATED_AT: { description: 'When it or its partners and milestones last changed.' },
    TITLE: { description: 'By title in pinyin order (李 before 张).' },
    STAGE: { description: 'Grouped by stage, groups in the alphabetical order of the stage values (GRADUATED, IDEA, INCUBATING, PILOT, TERMINATED).' },
  },
});

@InputType({ description: 'The order of a project list.' })
export class IncubationProjectOrder {
  @Field(() => IncubationProjectOrderField, { description: FIELD }) field!: IncubationProjectOrderField;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: DIRECTION }) direction!: SortDirection;
}

export enum ProjectPartnerOrderField {
  ADDED_AT = 'addedAt',
  KIND = 'kind',
}
registerEnumType(ProjectPartnerOrderField, {
  name: 'ProjectPartnerOrderField',
  description: 'What to order a project’s partners by; ties are broken by ID.',
  valuesConfig: { ADDED_AT: { description: 'When it joined.' }, KIND: { description: 'Grouped by kind (alphabetical order of the kind values).' } },
});

@InputType({ description: 'The order of a project’s partners.' })
export class ProjectPartnerOrder {
  @Field(() => ProjectPartnerOrderField, { description: FIELD }) field!: ProjectPartnerOrderField;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: DIRECTION }) direction!: SortDirection;
}

export enum ProjectMilestoneOrderField {
  CREATED_AT = 'createdAt',
}
registerEnumType(ProjectMilestoneOrderField, {
  name: 'ProjectMilestoneOrderField',
  description: 'What to order a project’s milestones by; ties are broken by ID.',
  valuesConfig: { CREATED_AT: { description: 'When it was planned (added).' } },
});

@InputType({ description: 'The order of a project’s milestones.' })
export class ProjectMilestoneOrder {
  @Field(() => ProjectMilestoneOrderField, { description: FIELD }) field!: ProjectMilestoneOrderField;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: DIRECTION }) direction!: SortDirection;
}

export enum ProjectFundingOrderField {
  RECEIVED_AT = 'receivedAt',
  RECORDED_AT = 'recordedAt',
  AMOUNT = 'amount',
}
registerEnumType(ProjectFundingOrderField, {
  name: 'ProjectFundingOrderField',
  description: 'What to order a project’s funding by; ties are broken by ID.',
  valuesConfig: {
    RECEIVED_AT: { description: 'When the money was received.' },
    RECORDED_AT: { description: 'When it was recorded here.' },
    AMOUNT: { description: 'The amount in yuan.' },
  },
});

@InputType({ description: 'The order of a project’s funding.' })
export class ProjectFundingOrder {
  @Field(() => ProjectFundingOrderField, { description: FIELD }) field!: ProjectFundingOrderField;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: DIRECTION }) direction!: SortDirection;
}

export enum GateDecisionOrderField {
  DECIDED_AT = 'at',
}
registerEnumType(GateDecisionOrderField, {
  name: 'GateDecisionOrderField',
  description: 'What to order a project’s gate history by; ties are broken by ID.',
  valuesConfig: { DECIDED_AT: { description: 'When the decision was made.' } },
});

@InputType({ description: 'The order of a project’s gate history.' })
export class GateDecisionOrder {
  @Field(() => GateDecisionOrderField, { description: FIELD }) field!: GateDecisionOrderField;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: DIRECTION }) direction!: SortDirection;
}

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
