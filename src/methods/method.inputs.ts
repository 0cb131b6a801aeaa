import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Payload } from '../common/errors.js';
import { Connection } from '../common/relay.js';
import { orderInput } from '../common/order-input.js';
import { DecimalScalar } from '../studios/decimal.js';
import { MethodStatus } from './enums.js';
import { ExpertReview, ExpertReviewRevision } from './expert-review.entity.js';
import { MethodAdoption } from './method-adoption.entity.js';
import { OperatingMethod } from './operating-method.entity.js';

const METHOD_ID = 'The method (an OperatingMethod ID).';

@InputType({ description: 'A method (先进操作法) put forward for naming.' })
export class SubmitOperatingMethodInput {
  @Field({ description: 'The name the inventors propose (拟命名), one line of at most 200 characters; the official name is given when NAMED.' }) proposedName!: string;
  @Field(() => [ID], { description: 'Registry workers who invented it, the lead inventor first (1–20).' }) inventorWorkerIds!: string[];
  @Field(() => ID, { nullable: true, description: 'The studio it came from; a STUDIO_MANAGER must manage it.' }) studioId?: string | null;
  @Field({ description: 'Trade (工种), e.g. 焊工.' }) trade!: string;
  @Field({ description: 'What the method is and what it solves; at most 5000 characters.' }) summary!: string;
  @Field(() => [String], { description: 'The steps, in order (1–50).' }) steps!: string[];
  @Field({ description: 'Expected benefit (预期效益) as the inventors describe it; at most 2000 characters.' }) expectedBenefit!: string;
}

@InputType({ description: 'Experts to review a method (分配评审专家).' })
export class AssignMethodReviewersInput {
  @Field(() => ID, { description: METHOD_ID }) methodId!: string;
  @Field(() => [ID], { description: 'Users holding REVIEWER (1–20); already assigned ones are kept as they are. A method has at most 20 reviewers in all.' }) reviewerUserIds!: string[];
}

@InputType({ description: 'Takes an expert off a method before they have reviewed it.' })
export class RemoveMethodReviewerInput {
  @Field(() => ID, { description: METHOD_ID }) methodId!: string;
  @Field(() => ID, { description: 'The reviewer to take off (a User ID, as in `OperatingMethod.reviewers`).' }) reviewerUserId!: string;
}

@InputType({ description: 'An expert review (专家评审); a second one by the same reviewer corrects the first, which is kept as a revision.' })
export class ReviewOperatingMethodInput {
  @Field(() => ID, { description: METHOD_ID }) methodId!: string;
  @Field(() => Int, { description: '创新性, 0–25.' }) innovation!: number;
  @Field(() => Int, { description: '实用性, 0–25.' }) practicality!: number;
  @Field(() => Int, { description: '效益, 0–25.' }) benefit!: number;
  @Field(() => Int, { description: '推广性, 0–25.' }) promotability!: number;
  @Field({ description: 'The expert’s opinion (评审意见); at most 2000 characters.' }) comment!: string;
  @Field({ description: 'Whether the expert recommends naming it.' }) recommend!: boolean;
}

@InputType({ description: 'Names (命名) a method that passed review.' })
export class NameOperatingMethodInput {
  @Field(() => ID, { description: METHOD_ID }) methodId!: string;
  @Field({ description: 'Unique; contains the lead inventor’s name, e.g. 王晓明高效焊接法.' }) officialName!: string;
}

@InputType({ description: 'Rejects a method before naming (final).' })
export class RejectOperatingMethodInput {
  @Field(() => ID, { description: METHOD_ID }) methodId!: string;
  @Field({ description: 'Why; shown to those who may see the method. At most 2000 characters.' }) reason!: string;
}

@InputType({ description: 'An enterprise took up a NAMED method (推广应用).' })
export class RecordMethodAdoptionInput {
  @Field(() => ID, { description: 'The NAMED method adopted (an OperatingMethod ID).' }) methodId!: string;
  @Field(() => ID, { description: 'The adopting enterprise (an Enterprise ID).' }) enterpriseId!: string;
  @Field({ description: 'Not in the future, not before the method was submitted.' }) adoptedAt!: Date;
  @Field(() => Int, { description: 'Workers trained in the method (0–1,000,000).' }) workersTrained!: number;
  @Field(() => DecimalScalar, { description: 'Economic benefit in yuan, e.g. "125000.00".' }) economicBenefit!: string;
}

@InputType({ description: 'Which methods to list; all given conditions must hold.' })
export class OperatingMethodFilter {
  @Field(() => MethodStatus, { nullable: true, description: 'Only methods in this state.' }) status?: MethodStatus | null;
  @Field(() => String, { nullable: true, description: 'Exact trade (工种).' }) trade?: string | null;
  @Field(() => ID, { nullable: true, description: 'Only methods submitted through this studio (a Studio ID).' }) studioId?: string | null;
  @Field(() => String, { nullable: true, description: 'Part of the proposed or official name.' }) search?: string | null;
  @Field(() => ID, { nullable: true, description: 'Methods this worker (co-)invented.' }) inventorWorkerId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The lead inventor’s enterprise.' }) enterpriseId?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'True: only methods you are an assigned reviewer of (a reviewer’s work list).' }) assignedToMe?: boolean | null;
}

export enum OperatingMethodOrderField {
  SUBMITTED_AT = 'submittedAt',
  PROPOSED_NAME = 'proposedName',
  STATUS = 'status',
}

export const OperatingMethodOrder = orderInput('OperatingMethod', OperatingMethodOrderField, {
  fields: 'What to order operating methods by; ties are broken by ID, so pages are stable.',
  values: { SUBMITTED_AT: 'When it was submitted.', PROPOSED_NAME: 'By proposed name in pinyin order (李 before 张).', STATUS: 'Grouped by status, groups in the alphabetical order of the status values (NAMED, REJECTED, SUBMITTED, UNDER_REVIEW).' },
  input: 'The order of an operating-method list.',
});
export type OperatingMethodOrder = InstanceType<typeof OperatingMethodOrder>;

export enum MethodAdoptionOrderField {
  ADOPTED_AT = 'adoptedAt',
  RECORDED_AT = 'recordedAt',
  WORKERS_TRAINED = 'workersTrained',
  ECONOMIC_BENEFIT = 'economicBenefit',
}

export const MethodAdoptionOrder = orderInput('MethodAdoption', MethodAdoptionOrderField, {
  fields: 'What to order a method’s adoptions by; ties are broken by ID.',
  values: { ADOPTED_AT: 'When the enterprise adopted it.', RECORDED_AT: 'When the adoption was recorded.', WORKERS_TRAINED: 'Workers trained.', ECONOMIC_BENEFIT: 'Economic benefit in yuan.' },
  input: 'The order of a method’s adoptions.',
});
export type MethodAdoptionOrder = InstanceType<typeof MethodAdoptionOrder>;

@ObjectType({ description: 'The expert reviews of a method in figures, against the naming threshold.' })
export class ReviewSummary {
  @Field(() => Int, { description: 'Expert reviews given (one per reviewer; corrections not counted again).' }) reviews!: number;
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
  @Field(() => Int, { description: 'Workers trained, over all adoptions.' }) workersTrained!: number;
  @Field(() => DecimalScalar, { description: 'Total economic benefit in yuan.' }) economicBenefit!: string;
}

@ObjectType({ description: 'The result of a change to an operating method.' })
export class OperatingMethodPayload extends Payload {
  @Field(() => OperatingMethod, { nullable: true, description: 'The method as changed; null when refused (see userErrors).' }) method?: OperatingMethod | null;
}

@ObjectType({ description: 'The result of an expert review.' })
export class ReviewOperatingMethodPayload extends Payload {
  @Field(() => ExpertReview, { nullable: true, description: 'The review as recorded; null when refused.' }) review?: ExpertReview | null;
  @Field(() => OperatingMethod, { nullable: true, description: 'The method reviewed; null when refused.' }) method?: OperatingMethod | null;
  @Field(() => Boolean, { nullable: true, description: 'True when this corrected your earlier review (kept as a revision); null when refused.' }) corrected?: boolean | null;
}

@ObjectType({ description: 'The result of recording an adoption.' })
export class RecordMethodAdoptionPayload extends Payload {
  @Field(() => MethodAdoption, { nullable: true, description: 'The adoption recorded; null when refused.' }) adoption?: MethodAdoption | null;
  @Field(() => OperatingMethod, { nullable: true, description: 'The method adopted; null when refused.' }) method?: OperatingMethod | null;
}

export const OperatingMethodConnection = Connection(OperatingMethod, 'OperatingMethod');
export type OperatingMethodConnection = InstanceType<typeof OperatingMethodConnection>;
export const MethodAdoptionConnection = Connection(MethodAdoption, 'MethodAdoption');
export type MethodAdoptionConnection = InstanceType<typeof MethodAdoptionConnection>;
export const ExpertReviewRevisionConnection = Connection(ExpertReviewRevision, 'ExpertReviewRevision');
export type ExpertReviewRevisionConnection = InstanceType<typeof ExpertReviewRevisionConnection>;

export enum ExpertReviewRevisionOrderField {
  REPLACED_AT = 'replacedAt',
}
export const ExpertReviewRevisionOrder = orderInput('ExpertReviewRevision', ExpertReviewRevisionOrderField, {
  fields: 'What to order a review’s earlier versions (ExpertReview.revisions) by.',
  values: { REPLACED_AT: 'When the correction replaced the version.' },
  input: 'The order of a review’s earlier versions (ExpertReview.revisions).',
});
export type ExpertReviewRevisionOrder = InstanceType<typeof ExpertReviewRevisionOrder>;

export enum WorkerMethodOrderField {
  NAMED_AT = 'namedAt',
}
export const WorkerMethodOrder = orderInput('WorkerMethod', WorkerMethodOrderField, {
  fields: 'What to order the methods a worker invented (Worker.operatingMethods) by.',
  values: { NAMED_AT: 'When the method was named (命名).' },
  input: 'The order of the methods a worker invented (Worker.operatingMethods).',
});
export type WorkerMethodOrder = InstanceType<typeof WorkerMethodOrder>;
