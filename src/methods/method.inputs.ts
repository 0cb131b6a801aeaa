import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Payload } from '../common/errors.js';
import { Connection } from '../common/relay.js';
import { DecimalScalar } from '../studios/decimal.js';
import { MethodStatus } from './enums.js';
import { ExpertReview } from './expert-review.entity.js';
import { MethodAdoption } from './method-adoption.entity.js';
import { OperatingMethod } from './operating-method.entity.js';

@InputType({ description: 'A method (先进操作法) put forward for naming.' })
export class SubmitOperatingMethodInput {
  @Field() proposedName!: string;
  @Field(() => [ID], { description: 'Registry workers who invented it, the lead inventor first (1–20).' }) inventorWorkerIds!: string[];
  @Field(() => ID, { nullable: true, description: 'The studio it came from; a STUDIO_MANAGER must manage it.' }) studioId?: string | null;
  @Field({ description: 'Trade (工种), e.g. 焊工.' }) trade!: string;
  @Field() summary!: string;
  @Field(() => [String], { description: 'The steps, in order (1–50).' }) steps!: string[];
  @Field() expectedBenefit!: string;
}

@InputType()
export class AssignMethodReviewersInput {
  @Field(() => ID) methodId!: string;
  @Field(() => [ID], { description: 'Users holding REVIEWER (1–20); already assigned ones are kept as they are.' }) reviewerUserIds!: string[];
}

@InputType({ description: 'An expert review (专家评审); a second one by the same reviewer corrects the first, which is kept as a revision.' })
export class ReviewOperatingMethodInput {
  @Field(() => ID) methodId!: string;
  @Field(() => Int, { description: '创新性, 0–25.' }) innovation!: number;
  @Field(() => Int, { description: '实用性, 0–25.' }) practicality!: number;
  @Field(() => Int, { description: '效益, 0–25.' }) benefit!: number;
  @Field(() => Int, { description: '推广性, 0–25.' }) promotability!: number;
  @Field() comment!: string;
  @Field() recommend!: boolean;
}

@InputType()
export class NameOperatingMethodInput {
  @Field(() => ID) methodId!: string;
  @Field({ description: 'Unique; contains the lead inventor’s name, e.g. 王晓明高效焊接法.' }) officialName!: string;
}

@InputType()
export class RejectOperatingMethodInput {
  @Field(() => ID) methodId!: string;
  @Field() reason!: string;
}

@InputType({ description: 'An enterprise took up a NAMED method (推广应用).' })
export class RecordMethodAdoptionInput {
  @Field(() => ID) methodId!: string;
  @Field(() => ID) enterpriseId!: string;
  @Field({ description: 'Not in the future, not before the method was submitted.' }) adoptedAt!: Date;
  @Field(() => Int, { description: 'Workers trained in the method (0–1,000,000).' }) workersTrained!: number;
  @Field(() => DecimalScalar, { description: 'Economic benefit in yuan, e.g. "125000.00".' }) economicBenefit!: string;
}

@InputType()
export class OperatingMethodFilter {
  @Field(() => MethodStatus, { nullable: true }) status?: MethodStatus | null;
  @Field(() => String, { nullable: true, description: 'Exact trade (工种).' }) trade?: string | null;
  @Field(() => ID, { nullable: true }) studioId?: string | null;
  @Field(() => String, { nullable: true, description: 'Part of the proposed or official name.' }) search?: string | null;
  @Field(() => ID, { nullable: true, description: 'Methods this worker (co-)invented.' }) inventorWorkerId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The lead inventor’s enterprise.' }) enterpriseId?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'True: only methods you are an assigned reviewer of (a reviewer’s work list).' }) assignedToMe?: boolean | null;
}

@ObjectType({ description: 'The expert reviews of a method in figures, against the naming threshold.' })
export class ReviewSummary {
  @Field(() => Int) reviews!: number;
  @Field(() => Float, {
    nullable: true,
    description:
      'Mean review total (0–100), rounded half up to two decimals (215 over 3 reviews: 71.666… → 71.67); null without reviews. ' +
      'For display: the naming threshold is checked exactly (sum of totals ≥ 75 × reviews), see meetsNamingThreshold.',
  })
  meanTotal!: number | null;
  @Field(() => Int, { description: 'Reviews that recommend naming.' }) recommending!: number;
  @Field({ description: 'At least 3 reviews with a mean total of at least 75, compared exactly (sum ≥ 75 × reviews, not the rounded meanTotal): nameOperatingMethod would accept it.' })
  meetsNamingThreshold!: boolean;
}

@ObjectType({ description: 'Promotion (推广) of a method in figures, computed in SQL over its adoptions.' })
export class AdoptionSummary {
  @Field(() => Int, { description: 'Distinct enterprises that adopted it.' }) enterprises!: number;
  @Field(() => Int) workersTrained!: number;
  @Field(() => DecimalScalar, { description: 'Total economic benefit in yuan.' }) economicBenefit!: string;
}

@ObjectType()
export class OperatingMethodPayload extends Payload {
  @Field(() => OperatingMethod, { nullable: true }) method?: OperatingMethod | null;
}

@ObjectType()
export class ReviewOperatingMethodPayload extends Payload {
  @Field(() => ExpertReview, { nullable: true }) review?: ExpertReview | null;
  @Field(() => OperatingMethod, { nullable: true }) method?: OperatingMethod | null;
  @Field(() => Boolean, { nullable: true, description: 'True when this corrected your earlier review (kept as a revision).' }) corrected?: boolean | null;
}

@ObjectType()
export class RecordMethodAdoptionPayload extends Payload {
  @Field(() => MethodAdoption, { nullable: true }) adoption?: MethodAdoption | null;
  @Field(() => OperatingMethod, { nullable: true }) method?: OperatingMethod | null;
}

export const OperatingMethodConnection = Connection(OperatingMethod, 'OperatingMethod');
export type OperatingMethodConnection = InstanceType<typeof OperatingMethodConnection>;
