import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Payload } from '../common/errors.js';
import { Connection } from '../common/relay.js';
import { DecimalScalar } from '../studios/decimal.js';
import { FundingSourceKind, GateVerdict, PartnerKind, ProjectStage } from './enums.js';
import { IncubationProject } from './incubation-project.entity.js';
import { GateDecision, ProjectFunding, ProjectMilestone, ProjectPartner } from './project-parts.entity.js';

@InputType()
export class CreateIncubationProjectInput {
  @Field({ description: 'At most 200 characters.' }) title!: string;
  @Field({ description: 'At most 5000 characters.' }) summary!: string;
  @Field({ description: 'Field of technology, e.g. 智能制造; at most 100 characters.' }) field!: string;
  @Field(() => ID, { description: 'The worker who leads it; a member of the studio when studioId is given.' }) leadWorkerId!: string;
  @Field(() => ID, { nullable: true, description: 'An ACCREDITED studio the project comes from. A STUDIO_MANAGER must manage it.' })
  studioId?: string | null;
}

@InputType({ description: 'One stage-gate decision.' })
export class GateDecisionInput {
  @Field(() => GateVerdict) decision!: GateVerdict;
  @Field(() => Int, { nullable: true, description: 'The gate score, 0–100.' }) score?: number | null;
  @Field(() => String, { nullable: true, description: 'Required for KILL (it is the termination reason); at most 2000 characters.' })
  comment?: string | null;
}

@InputType()
export class AdvanceProjectInput {
  @Field(() => ID) projectId!: string;
  @Field(() => GateDecisionInput) gateDecision!: GateDecisionInput;
  @Field(() => ProjectStage, {
    nullable: true,
    description: 'The stage you decided on. When given and the project has moved on meanwhile (another reviewer’s PASS), the decision is refused with STALE_VERSION instead of passing the next gate too.',
  })
  expectedStage?: ProjectStage | null;
}

@InputType()
export class AddProjectPartnerInput {
  @Field(() => ID) projectId!: string;
  @Field(() => PartnerKind) kind!: PartnerKind;
  @Field({ description: 'e.g. 市总工会, 某职业技术学院; unique per project and kind.' }) name!: string;
  @Field({ description: 'What the partner brings; at most 2000 characters.' }) contribution!: string;
}

@InputType()
export class RecordFundingInput {
  @Field(() => ID) projectId!: string;
  @Field(() => FundingSourceKind) sourceKind!: FundingSourceKind;
  @Field({ description: 'Who gave it, e.g. 市总工会, 某银行.' }) source!: string;
  @Field(() => DecimalScalar, { description: 'Yuan, more than zero, at most two decimals, e.g. "50000.00".' }) amount!: string;
  @Field(() => Date, { description: 'Not in the future.' }) receivedAt!: Date;
}

@InputType()
export class AddMilestoneInput {
  @Field(() => ID) projectId!: string;
  @Field() title!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => Date, { nullable: true }) dueAt?: Date | null;
}

@InputType()
export class CompleteMilestoneInput {
  @Field(() => ID) milestoneId!: string;
  @Field(() => String, { nullable: true, description: 'What was achieved.' }) note?: string | null;
}

@InputType({ description: 'All given conditions must hold.' })
export class IncubationProjectFilter {
  @Field(() => ProjectStage, { nullable: true }) stage?: ProjectStage | null;
  @Field(() => String, { nullable: true, description: 'Exactly this field of technology.' }) field?: string | null;
  @Field(() => ID, { nullable: true }) studioId?: string | null;
  @Field(() => PartnerKind, { nullable: true, description: 'Projects with at least one partner of this kind.' }) partnerKind?: PartnerKind | null;
  @Field(() => String, { nullable: true, description: 'Part of the title.' }) search?: string | null;
}

@ObjectType()
export class IncubationProjectPayload extends Payload {
  @Field(() => IncubationProject, { nullable: true }) project?: IncubationProject | null;
}

@ObjectType()
export class AdvanceProjectPayload extends Payload {
  @Field(() => IncubationProject, { nullable: true }) project?: IncubationProject | null;
  @Field(() => GateDecision, { nullable: true, description: 'The decision as recorded.' }) gateDecision?: GateDecision | null;
}

@ObjectType()
export class ProjectPartnerPayload extends Payload {
  @Field(() => ProjectPartner, { nullable: true }) partner?: ProjectPartner | null;
  @Field(() => IncubationProject, { nullable: true }) project?: IncubationProject | null;
}

@ObjectType()
export class ProjectFundingPayload extends Payload {
  @Field(() => ProjectFunding, { nullable: true }) funding?: ProjectFunding | null;
  @Field(() => IncubationProject, { nullable: true }) project?: IncubationProject | null;
}

@ObjectType()
export class ProjectMilestonePayload extends Payload {
  @Field(() => ProjectMilestone, { nullable: true }) milestone?: ProjectMilestone | null;
  @Field(() => IncubationProject, { nullable: true }) project?: IncubationProject | null;
}

export const IncubationProjectConnection = Connection(IncubationProject, 'IncubationProject');
export type IncubationProjectConnection = InstanceType<typeof IncubationProjectConnection>;
