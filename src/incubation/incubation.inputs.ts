import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Payload } from '../common/errors.js';
import { DecimalScalar } from '../studios/decimal.js';
import { FundingSourceKind, GateVerdict, PartnerKind, ProjectStage } from './enums.js';
import { IncubationProject } from './incubation-project.entity.js';
import { GateDecision, ProjectFunding, ProjectMilestone, ProjectPartner } from './project-parts.entity.js';

// The inputs and payloads of the project mutations (lists, filters and orders: incubation.lists.ts).

const PROJECT_ID = 'The project (an IncubationProject ID).';
const VERSION =
  'The project’s `version` as you read it: when given and the project changed since (another edit of it or its partners and milestones), ' +
  'the change is refused with STALE_VERSION. Omit to change regardless.';

@InputType({ description: 'A new incubation project (孵化项目), starting at IDEA.' })
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
  @Field(() => GateVerdict, { description: 'PASS, HOLD or KILL.' }) decision!: GateVerdict;
  @Field(() => Int, { nullable: true, description: 'The gate score, 0–100.' }) score?: number | null;
  @Field(() => String, { nullable: true, description: 'Required for KILL (it is the termination reason); at most 2000 characters.' })
  comment?: string | null;
}

@InputType({ description: 'A stage-gate decision (阶段评审) on a project.' })
export class AdvanceProjectInput {
  @Field(() => ID, { description: PROJECT_ID }) projectId!: string;
  @Field(() => GateDecisionInput, { description: 'The decision.' }) gateDecision!: GateDecisionInput;
  @Field(() => ProjectStage, {
    nullable: true,
    description: 'The stage you decided on. When given and the project has moved on meanwhile (another reviewer’s PASS), the decision is refused with STALE_VERSION instead of passing the next gate too.',
  })
  expectedStage?: ProjectStage | null;
}

@InputType({ description: 'A partner (合作方) joining a project.' })
export class AddProjectPartnerInput {
  @Field(() => ID, { description: PROJECT_ID }) projectId!: string;
  @Field(() => PartnerKind, { description: 'What kind of partner.' }) kind!: PartnerKind;
  @Field({ description: 'e.g. 市总工会, 某职业技术学院; unique per project and kind.' }) name!: string;
  @Field({ description: 'What the partner brings; at most 2000 characters.' }) contribution!: string;
}

@InputType({ description: 'Corrects a partner of a project; only the fields given change.' })
export class UpdateProjectPartnerInput {
  @Field(() => ID, { description: 'The partner (a ProjectPartner ID).' }) partnerId!: string;
  @Field(() => PartnerKind, { nullable: true, description: 'What kind of partner.' }) kind?: PartnerKind | null;
  @Field(() => String, { nullable: true, description: 'The name; unique per project and kind.' }) name?: string | null;
  @Field(() => String, { nullable: true, description: 'What the partner brings; at most 2000 characters.' }) contribution?: string | null;
  @Field(() => Int, { nullable: true, description: VERSION }) version?: number | null;
}

@InputType({ description: 'Takes a partner off a project (a partner added by mistake, or one that left).' })
export class RemoveProjectPartnerInput {
  @Field(() => ID, { description: 'The partner (a ProjectPartner ID).' }) partnerId!: string;
  @Field(() => Int, { nullable: true, description: VERSION }) version?: number | null;
}

@InputType({ description: 'Money a project received.' })
export class RecordFundingInput {
  @Field(() => ID, { description: PROJECT_ID }) projectId!: string;
  @Field(() => FundingSourceKind, { description: 'What kind of source.' }) sourceKind!: FundingSourceKind;
  @Field({ description: 'Who gave it, e.g. 市总工会, 某银行.' }) source!: string;
  @Field(() => DecimalScalar, { description: 'Yuan, more than zero, at most two decimals, e.g. "50000.00".' }) amount!: string;
  @Field(() => Date, { description: 'Not in the future.' }) receivedAt!: Date;
}

@InputType({ description: 'A planned step (里程碑) of a project.' })
export class AddMilestoneInput {
  @Field(() => ID, { description: PROJECT_ID }) projectId!: string;
  @Field({ description: 'One line, at most 200 characters.' }) title!: string;
  @Field(() => String, { nullable: true, description: 'What the step involves; at most 5000 characters. Empty when omitted.' }) description?: string | null;
  @Field(() => Date, { nullable: true, description: 'When it is due; none when omitted.' }) dueAt?: Date | null;
}

@InputType({ description: 'Corrects a milestone not yet completed; only the fields given change.' })
export class UpdateProjectMilestoneInput {
  @Field(() => ID, { description: 'The milestone (a ProjectMilestone ID).' }) milestoneId!: string;
  @Field(() => String, { nullable: true, description: 'One line, at most 200 characters.' }) title?: string | null;
  @Field(() => String, { nullable: true, description: 'What the step involves; at most 5000 characters; an empty string clears it.' }) description?: string | null;
  @Field(() => Date, { nullable: true, description: 'When it is due; null clears the due date, omitted leaves it.' }) dueAt?: Date | null;
  @Field(() => Int, { nullable: true, description: VERSION }) version?: number | null;
}

@InputType({ description: 'Removes a milestone not yet completed.' })
export class RemoveProjectMilestoneInput {
  @Field(() => ID, { description: 'The milestone (a ProjectMilestone ID).' }) milestoneId!: string;
  @Field(() => Int, { nullable: true, description: VERSION }) version?: number | null;
}

@InputType({ description: 'Marks a milestone reached.' })
export class CompleteMilestoneInput {
  @Field(() => ID, { description: 'The milestone (a ProjectMilestone ID).' }) milestoneId!: string;
  @Field(() => String, { nullable: true, description: 'What was achieved.' }) note?: string | null;
}

@ObjectType({ description: 'The result of creating a project.' })
export class IncubationProjectPayload extends Payload {
  @Field(() => IncubationProject, { nullable: true, description: 'The project created; null when refused (see userErrors).' }) project?: IncubationProject | null;
}

@ObjectType({ description: 'The result of a stage-gate decision.' })
export class AdvanceProjectPayload extends Payload {
  @Field(() => IncubationProject, { nullable: true, description: 'The project after the decision; null when refused.' }) project?: IncubationProject | null;
  @Field(() => GateDecision, { nullable: true, description: 'The decision as recorded; null when refused.' }) gateDecision?: GateDecision | null;
}

@ObjectType({ description: 'The result of adding or changing a partner.' })
export class ProjectPartnerPayload extends Payload {
  @Field(() => ProjectPartner, { nullable: true, description: 'The partner as added or changed; null when refused.' }) partner?: ProjectPartner | null;
  @Field(() => IncubationProject, { nullable: true, description: 'The project (with its new version); null when refused.' }) project?: IncubationProject | null;
}

@ObjectType({ description: 'The result of removing a partner.' })
export class RemoveProjectPartnerPayload extends Payload {
  @Field(() => ID, { nullable: true, description: 'The ID of the partner removed; null when refused.' }) removedPartnerId?: string | null;
  @Field(() => IncubationProject, { nullable: true, description: 'The project (with its new version); null when refused.' }) project?: IncubationProject | null;
}

@ObjectType({ description: 'The result of recording funding.' })
export class ProjectFundingPayload extends Payload {
  @Field(() => ProjectFunding, { nullable: true, description: 'The funding recorded; null when refused.' }) funding?: ProjectFunding | null;
  @Field(() => IncubationProject, { nullable: true, description: 'The project; null when refused.' }) project?: IncubationProject | null;
}

@ObjectType({ description: 'The result of adding, changing or completing a milestone.' })
export class ProjectMilestonePayload extends Payload {
  @Field(() => ProjectMilestone, { nullable: true, description: 'The milestone as it now is; null when refused.' }) milestone?: ProjectMilestone | null;
  @Field(() => IncubationProject, { nullable: true, description: 'The project; null when refused.' }) project?: IncubationProject | null;
}

@ObjectType({ description: 'The result of removing a milestone.' })
export class RemoveProjectMilestonePayload extends Payload {
  @Field(() => ID, { nullable: true, description: 'The ID of the milestone removed; null when refused.' }) removedMilestoneId?: string | null;
  @Field(() => IncubationProject, { nullable: true, description: 'The project (with its new version); null when refused.' }) project?: IncubationProject | null;
}
