import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../common/date.js';
import { Payload } from '../common/errors.js';
import { Connection } from '../common/relay.js';
import { SkillLevel } from '../registry/enums.js';
import { AppraisalBody } from './appraisal-body.entity.js';
import { AppraisalCandidate } from './appraisal-candidate.entity.js';
import { AppraisalSession } from './appraisal-session.entity.js';
import { AppraisalFlag, AppraisalSample } from './appraisal-review.entity.js';
import { AppraisalEligibilityRule } from './eligibility-rule.entity.js';
import { orderInput } from '../common/order-input.js';
import {
  AppraisalBodyOrderField, AppraisalBodyStatus, AppraisalCandidateOrderField, AppraisalFlagDecision, AppraisalFlagOrderField, AppraisalFlagStatus,
  AppraisalSessionOrderField, AppraisalSessionStatus,
} from './enums.js';

// ── Bodies ─────────────────────────────────────────────────────────────────────

@InputType({ description: 'ADMIN: change what an appraisal body may appraise and for how long; fields left null stay as they are.' })
export class UpdateAppraisalBodyInput {
  @Field(() => ID, { description: 'The AppraisalBody.' }) bodyId!: string;
  @Field(() => [String], { nullable: true, description: 'Its trades (工种), replacing the old list: 1 to 30, none twice; not dropping one an OPEN session appraises.' }) trades?: string[] | null;
  @Field(() => [SkillLevel], { nullable: true, description: 'Its levels, replacing the old list: at least one, none twice; not dropping one an OPEN session appraises to.' }) levels?: SkillLevel[] | null;
  @Field(() => DateScalar, { nullable: true, description: 'New first day of its authorisation.' }) validFrom?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'New last day of its authorisation; not before validFrom.' }) validUntil?: string | null;
}

@InputType({ description: 'ADMIN: change the eligibility rule (申报条件) of one target level; fields left null stay as they are. Which level must be held stays one below (one level up only).' })
export class UpdateAppraisalEligibilityRuleInput {
  @Field(() => SkillLevel, { description: 'The target level whose rule changes.' }) targetLevel!: SkillLevel;
  @Field(() => Int, { nullable: true, description: 'Whole years the required level must have been held, 0–50.' }) minYearsAtLevel?: number | null;
  @Field(() => Int, { nullable: true, description: 'Whole years in the trade, 0–60.' }) minYearsInTrade?: number | null;
  @Field(() => String, { nullable: true, description: 'Where the rule comes from (e.g. the standard’s wording or the notice that changed it), 1 to 500 characters.' }) basis?: string | null;
}

@ObjectType({ description: 'The result of updateAppraisalEligibilityRule.' })
export class AppraisalEligibilityRulePayload extends Payload {
  @Field(() => AppraisalEligibilityRule, { nullable: true, description: 'The rule as stored now; null when refused.' }) rule?: AppraisalEligibilityRule | null;
}

@InputType({ description: 'The session’s runner: take a candidate off an OPEN session before any assessor has marked them.' })
export class RemoveAppraisalCandidateInput {
  @Field(() => ID, { description: 'The AppraisalCandidate.' }) candidateId!: string;
}

@InputType({ description: 'The session’s runner: take an assessor off an OPEN session before they have marked anyone in it.' })
export class RemoveAppraisalAssessorInput {
  @Field(() => ID, { description: 'The AppraisalSession (OPEN).' }) sessionId!: string;
  @Field(() => ID, { description: 'The assessor’s User.' }) userId!: string;
}

@InputType({ description: 'ADMIN: record an enterprise (or training institution registered as one) as an appraisal body (评价机构).' })
export class RecordAppraisalBodyInput {
  @Field(() => ID, { description: 'The Enterprise; one body per enterprise.' }) enterpriseId!: string;
  @Field({ description: 'Filing code (备案编号), 4 to 20 letters or digits, unique; starts its certificate numbers.' }) code!: string;
  @Field(() => [String], { description: 'Trades (工种) it may appraise: 1 to 30, none twice.' }) trades!: string[];
  @Field(() => [SkillLevel], { description: 'Levels it may appraise to: at least one, none twice.' }) levels!: SkillLevel[];
  @Field(() => DateScalar, { description: 'First day of its authorisation.' }) validFrom!: string;
  @Field(() => DateScalar, { description: 'Last day of its authorisation; not before validFrom.' }) validUntil!: string;
}

@InputType({ description: 'ADMIN: suspend an appraisal body (监督管理), with the reason.' })
export class SuspendAppraisalBodyInput {
  @Field(() => ID, { description: 'The AppraisalBody.' }) bodyId!: string;
  @Field({ description: 'Why, 1 to 2000 characters.' }) reason!: string;
}

@InputType({ description: 'ADMIN: reinstate a suspended appraisal body.' })
export class ReinstateAppraisalBodyInput {
  @Field(() => ID, { description: 'The AppraisalBody.' }) bodyId!: string;
}

@ObjectType({ description: 'The outcome of recordAppraisalBody, suspendAppraisalBody or reinstateAppraisalBody.' })
export class AppraisalBodyPayload extends Payload {
  @Field(() => AppraisalBody, { nullable: true, description: 'The body as stored now; null when refused.' }) body?: AppraisalBody | null;
}

@InputType({ description: 'Narrows the appraisal bodies list.' })
export class AppraisalBodyFilter {
  @Field(() => AppraisalBodyStatus, { nullable: true, description: 'Only this status.' }) status?: AppraisalBodyStatus | null;
  @Field(() => String, { nullable: true, description: 'Only bodies that may appraise this trade.' }) trade?: string | null;
}

export const AppraisalBodyOrder = orderInput('AppraisalBody', AppraisalBodyOrderField, {
  fields: 'What to order appraisal bodies by.',
  values: { CREATED_AT: 'By when the body was recorded.', VALID_UNTIL: 'By the last day its recording is valid.' },
  input: 'How to order appraisal bodies.',
});
export type AppraisalBodyOrder = InstanceType<typeof AppraisalBodyOrder>;

export const AppraisalBodyConnection = Connection(AppraisalBody, 'AppraisalBody');
export type AppraisalBodyConnection = InstanceType<typeof AppraisalBodyConnection>;

// ── Sessions ───────────────────────────────────────────────────────────────────

@InputType({ description: 'Weights of the five components in percent: sum 100, innovation + problemSolving + performance at least 40.' })
export class AppraisalWeightsInput {
  @Field(() => Int, { description: 'Theory (理论知识), 0–100.' }) theory!: number;
  @Field(() => Int, { description: 'Practical skill (操作技能), 0–100.' }) practical!: number;
  @Field(() => Int, { description: 'Innovation ability (创新能力), 0–100.' }) innovation!: number;
  @Field(() => Int, { description: 'On-site problem solving (解决现场问题), 0–100.' }) problemSolving!: number;
  @Field(() => Int, { description: 'Performance contribution (业绩贡献), 0–100.' }) performance!: number;
}

@InputType({ description: 'Open an appraisal session of a body (its APPRAISER staff, or an ADMIN).' })
export class CreateAppraisalSessionInput {
  @Field(() => ID, { description: 'The AppraisalBody running it: ACTIVE and within its validity period.' }) bodyId!: string;
  @Field({ description: 'A title, 1 to 200 characters.' }) title!: string;
  @Field({ description: 'The trade: one of the body’s trades.' }) trade!: string;
  @Field(() => SkillLevel, { description: 'The level a pass grants: one of the body’s levels.' }) targetLevel!: SkillLevel;
  @Field({ description: 'External (candidates of any enterprise; assessors never mark their own enterprise’s workers) or internal (the body’s own workers only).' }) external!: boolean;
  @Field(() => AppraisalWeightsInput, { nullable: true, description: 'Default: theory 20, practical 40, innovation 15, problem solving 15, performance 10.' }) weights?: AppraisalWeightsInput | null;
  @Field(() => Int, { nullable: true, description: 'Lowest passing result, 1–100; default 60.' }) passMark?: number | null;
}

@InputType({ description: 'Change an open session’s weights or pass mark (only the fields given).' })
export class ConfigureAppraisalSessionInput {
  @Field(() => ID, { description: 'The AppraisalSession (OPEN).' }) sessionId!: string;
  @Field(() => AppraisalWeightsInput, { nullable: true, description: 'New weights; unchanged when null.' }) weights?: AppraisalWeightsInput | null;
  @Field(() => Int, { nullable: true, description: 'New pass mark, 1–100; unchanged when null.' }) passMark?: number | null;
}

@InputType({ description: 'Add a registry worker as a candidate, checked against the eligibility rules (appraisalEligibilityRules).' })
export class AddAppraisalCandidateInput {
  @Field(() => ID, { description: 'The AppraisalSession (OPEN).' }) sessionId!: string;
  @Field(() => ID, { description: 'The Worker.' }) workerId!: string;
}

@InputType({ description: 'Name a user (with the APPRAISER role) as an assessor (考评员) of a session.' })
export class AddAppraisalAssessorInput {
  @Field(() => ID, { description: 'The AppraisalSession (OPEN).' }) sessionId!: string;
  @Field(() => ID, { description: 'The User.' }) userId!: string;
}

@InputType({ description: 'An assessor’s marks for one candidate, 0–100 per component; they replace the assessor’s earlier marks for that candidate.' })
export class EnterAppraisalMarksInput {
  @Field(() => ID, { description: 'The AppraisalCandidate.' }) candidateId!: string;
  @Field(() => AppraisalWeightsInput, { description: 'The five marks, each 0–100 (the same shape as weights).' }) marks!: AppraisalWeightsInput;
}

@InputType({ description: 'Close a session: results computed, passes written into the registry.' })
export class CloseAppraisalSessionInput {
  @Field(() => ID, { description: 'The AppraisalSession (OPEN, every candidate marked).' }) sessionId!: string;
}

@ObjectType({ description: 'The outcome of a mutation on an appraisal session.' })
export class AppraisalSessionPayload extends Payload {
  @Field(() => AppraisalSession, { nullable: true, description: 'The session as stored now; null when refused.' }) session?: AppraisalSession | null;
}

@ObjectType({ description: 'The outcome of addAppraisalCandidate or enterAppraisalMarks.' })
export class AppraisalCandidatePayload extends Payload {
  @Field(() => AppraisalCandidate, { nullable: true, description: 'The candidate; null when refused.' }) candidate?: AppraisalCandidate | null;
}

@InputType({ description: 'Narrows the appraisal sessions list.' })
export class AppraisalSessionFilter {
  @Field(() => ID, { nullable: true, description: 'Only this AppraisalBody’s sessions.' }) bodyId?: string | null;
  @Field(() => AppraisalSessionStatus, { nullable: true, description: 'Only this status.' }) status?: AppraisalSessionStatus | null;
}

export const AppraisalSessionOrder = orderInput('AppraisalSession', AppraisalSessionOrderField, {
  fields: 'What to order appraisal sessions by.',
  values: { CREATED_AT: 'By when the session was created.', CLOSED_AT: 'By when the session closed.' },
  input: 'How to order appraisal sessions.',
});
export type AppraisalSessionOrder = InstanceType<typeof AppraisalSessionOrder>;

export const AppraisalCandidateOrder = orderInput('AppraisalCandidate', AppraisalCandidateOrderField, {
  fields: 'What to order a session’s candidates by.',
  values: { ADDED_AT: 'By when the candidate was added.' },
  input: 'How to order a session’s candidates.',
});
export type AppraisalCandidateOrder = InstanceType<typeof AppraisalCandidateOrder>;

export const AppraisalSessionConnection = Connection(AppraisalSession, 'AppraisalSession');
export type AppraisalSessionConnection = InstanceType<typeof AppraisalSessionConnection>;
export const AppraisalCandidateConnection = Connection(AppraisalCandidate, 'AppraisalCandidate');
export type AppraisalCandidateConnection = InstanceType<typeof AppraisalCandidateConnection>;

// ── Supervision ────────────────────────────────────────────────────────────────

@InputType({ description: 'INSPECTOR: record a sample (抽查) of a closed session’s results and the findings.' })
export class SampleAppraisalSessionInput {
  @Field(() => ID, { description: 'The AppraisalSession (CLOSED).' }) sessionId!: string;
  @Field(() => [ID], { description: 'The sampled AppraisalCandidates of that session, 1 to 50.' }) candidateIds!: string[];
  @Field({ description: 'What was found, 1 to 5000 characters.' }) findings!: string;
}

@ObjectType({ description: 'The outcome of sampleAppraisalSession.' })
export class AppraisalSamplePayload extends Payload {
  @Field(() => AppraisalSample, { nullable: true, description: 'The sample; null when refused.' }) sample?: AppraisalSample | null;
}

@InputType({ description: 'INSPECTOR: annul a closed session’s results, with the reason.' })
export class AnnulAppraisalSessionInput {
  @Field(() => ID, { description: 'The AppraisalSession (CLOSED).' }) sessionId!: string;
  @Field({ description: 'Why, 1 to 2000 characters; becomes the note of each ANNULMENT entry.' }) reason!: string;
}

@ObjectType({ description: 'The outcome of annulAppraisalSession.' })
export class AnnulAppraisalSessionPayload extends Payload {
  @Field(() => AppraisalSession, { nullable: true, description: 'The session, now ANNULLED; null when refused.' }) session?: AppraisalSession | null;
  @Field(() => [AppraisalFlag], { nullable: true, description: 'Workers flagged instead of reverted (a later change was built on the annulled level); at most the session’s candidates.' }) flags?: AppraisalFlag[] | null;
}

@InputType({ description: 'ADMIN: decide a flagged worker.' })
export class ResolveAppraisalFlagInput {
  @Field(() => ID, { description: 'The AppraisalFlag (OPEN).' }) flagId!: string;
  @Field(() => AppraisalFlagDecision, { description: 'KEEP_LEVEL or REVERT_LEVEL.' }) decision!: AppraisalFlagDecision;
  @Field(() => String, { nullable: true, description: 'Why; required for REVERT_LEVEL (it becomes the ANNULMENT entry’s note).' }) note?: string | null;
}

@ObjectType({ description: 'The outcome of resolveAppraisalFlag.' })
export class AppraisalFlagPayload extends Payload {
  @Field(() => AppraisalFlag, { nullable: true, description: 'The flag, now RESOLVED; null when refused.' }) flag?: AppraisalFlag | null;
}

@InputType({ description: 'Narrows the appraisal flags list.' })
export class AppraisalFlagFilter {
  @Field(() => AppraisalFlagStatus, { nullable: true, description: 'Only this status (OPEN: what waits for a decision).' }) status?: AppraisalFlagStatus | null;
}

export const AppraisalFlagOrder = orderInput('AppraisalFlag', AppraisalFlagOrderField, {
  fields: 'What to order appraisal flags by.',
  values: { CREATED_AT: 'By when the flag was raised.' },
  input: 'How to order appraisal flags.',
});
export type AppraisalFlagOrder = InstanceType<typeof AppraisalFlagOrder>;

export const AppraisalFlagConnection = Connection(AppraisalFlag, 'AppraisalFlag');
export type AppraisalFlagConnection = InstanceType<typeof AppraisalFlagConnection>;
export const AppraisalSampleConnection = Connection(AppraisalSample, 'AppraisalSample');
export type AppraisalSampleConnection = InstanceType<typeof AppraisalSampleConnection>;
