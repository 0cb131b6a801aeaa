import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Payload } from '../common/errors.js';
import { Connection } from '../common/relay.js';
import { Level } from '../registry/enums.js';
import { DecimalScalar } from './decimal.js';
import { StudioKind, StudioMemberRole, StudioReevaluationDecision, StudioReviewDecision, StudioStatus } from './enums.js';
import { Studio } from './studio.entity.js';
import { StudioMember } from './studio-member.entity.js';
import { StudioReport } from './studio-report.entity.js';
import { orderInput } from '../common/order-input.js';

@InputType({ description: 'An application for a studio (创新工作室申报); the applying STUDIO_MANAGER manages it from then on.' })
export class ApplyForStudioInput {
  @Field({ description: 'The studio’s name, 1 to 200 characters.' }) name!: string;
  @Field(() => StudioKind, { description: 'Its kind; the leader must meet the kind’s rule.' }) kind!: StudioKind;
  @Field(() => ID, { description: 'The enterprise the studio belongs to.' }) enterpriseId!: string;
  @Field(() => ID, { description: 'The leader (领衔人), a worker of the enterprise who meets the kind’s rule.' }) leaderWorkerId!: string;
  @Field(() => Level, { description: 'The level applied for.' }) level!: Level;
  @Field({ defaultValue: '', description: 'What the studio works on, at most 10,000 characters.' }) description!: string;
  @Field(() => [String], { defaultValue: [], description: 'Fields of work (攻关方向): at most 20, each 1 to 100 characters; repeats are dropped.' }) focusAreas!: string[];
}

@InputType({ description: 'The manager edits an application while it is APPLIED or CHANGES_REQUESTED; only the fields given change.' })
export class UpdateStudioInput {
  @Field(() => ID, { description: 'The studio to edit.' }) studioId!: string;
  @Field(() => String, { nullable: true, description: 'A new name; unchanged when omitted.' }) name?: string | null;
  @Field(() => StudioKind, { nullable: true, description: 'A new kind; the leader rule is checked again.' }) kind?: StudioKind | null;
  @Field(() => ID, { nullable: true, description: 'A new leader (a worker of the enterprise meeting the kind’s rule); the old one stays as a core member.' }) leaderWorkerId?: string | null;
  @Field(() => Level, { nullable: true, description: 'A new level; unchanged when omitted.' }) level?: Level | null;
  @Field(() => String, { nullable: true, description: 'A new description; unchanged when omitted.' }) description?: string | null;
  @Field(() => [String], { nullable: true, description: 'Replaces the list.' }) focusAreas?: string[] | null;
}

@InputType({ description: 'The manager sends a CHANGES_REQUESTED application back to the reviewers.' })
export class ResubmitStudioInput {
  @Field(() => ID, { description: 'The studio whose application is resubmitted.' }) studioId!: string;
  @Field(() => String, { nullable: true, description: 'What was changed, for the reviewers.' }) comment?: string | null;
}

@InputType({ description: 'A reviewer’s decision on an APPLIED studio (认定).' })
export class ReviewStudioInput {
  @Field(() => ID, { description: 'The studio decided on.' }) studioId!: string;
  @Field(() => StudioReviewDecision, { description: 'The decision.' }) decision!: StudioReviewDecision;
  @Field(() => String, { nullable: true, description: 'Required for REJECT and REQUEST_CHANGES.' }) comment?: string | null;
}

@InputType({ description: 'A re-evaluation (复评) of an ACCREDITED or SUSPENDED studio.' })
export class ReevaluateStudioInput {
  @Field(() => ID, { description: 'The studio re-evaluated.' }) studioId!: string;
  @Field(() => StudioReevaluationDecision, { description: 'The decision.' }) decision!: StudioReevaluationDecision;
  @Field(() => String, { nullable: true, description: 'Required for SUSPEND and REVOKE.' }) comment?: string | null;
}

@ObjectType({ description: 'The result of a change to a studio: the studio, or userErrors saying why nothing changed.' })
export class StudioPayload extends Payload {
  @Field(() => Studio, { nullable: true, description: 'The studio as it is now; null when refused.' }) studio?: Studio | null;
}

@InputType({ description: 'The manager adds a worker to the studio.' })
export class AddStudioMemberInput {
  @Field(() => ID, { description: 'The studio.' }) studioId!: string;
  @Field(() => ID, { description: 'The worker to add; not yet a member.' }) workerId!: string;
  @Field(() => StudioMemberRole, { description: 'CORE_MEMBER, MEMBER or APPRENTICE (the leader is set by the application).' }) role!: StudioMemberRole;
  @Field(() => ID, { nullable: true, description: 'The mentor (师傅) of an APPRENTICE: a worker who is already a member.' }) mentorWorkerId?: string | null;
}

@InputType({ description: 'The manager removes a member (not the leader, not a mentor of apprentices).' })
export class RemoveStudioMemberInput {
  @Field(() => ID, { description: 'The studio.' }) studioId!: string;
  @Field(() => ID, { description: 'The member’s worker ID.' }) workerId!: string;
}

@ObjectType({ description: 'The result of adding or removing a member.' })
export class StudioMemberPayload extends Payload {
  @Field(() => StudioMember, { nullable: true, description: 'The member added (or removed); null when refused.' }) member?: StudioMember | null;
  @Field(() => Studio, { nullable: true, description: 'The studio as it is now; null when refused.' }) studio?: Studio | null;
}

@InputType({ description: 'The annual report; to correct one, pass the `version` you read (a stale one is refused with STALE_VERSION).' })
export class SubmitStudioReportInput {
  @Field(() => ID, { description: 'The studio reporting.' }) studioId!: string;
  @Field(() => Int, { description: 'The year reported on: 2000 to the current year (China Standard Time).' }) year!: number;
  @Field(() => Int, { description: 'Workers trained (培训职工): 0 to 1,000,000.' }) trainees!: number;
  @Field(() => Int, { description: 'Apprentices mentored (带徒): 0 to 100,000.' }) apprenticesMentored!: number;
  @Field(() => Int, { description: 'Projects completed: 0 to 100,000.' }) projectsCompleted!: number;
  @Field(() => Int, { description: 'Patents filed: 0 to 100,000.' }) patentsFiled!: number;
  @Field(() => DecimalScalar, { description: 'Economic benefit (经济效益) in yuan, e.g. "12500.50".' }) economicBenefit!: string;
  @Field({ description: 'The report’s text, at most 20,000 characters.' }) summary!: string;
  @Field(() => Int, { nullable: true, description: 'Omit for the year’s first report; the report’s version to correct it.' }) version?: number | null;
}

@ObjectType({ description: 'The result of submitting or correcting an annual report.' })
export class StudioReportPayload extends Payload {
  @Field(() => StudioReport, { nullable: true, description: 'The report as stored; null when refused.' }) report?: StudioReport | null;
  @Field(() => Studio, { nullable: true, description: 'The studio; null when refused.' }) studio?: Studio | null;
}

@InputType({ description: 'Which studios to list; all given conditions apply.' })
export class StudioFilter {
  @Field(() => StudioKind, { nullable: true, description: 'Only this kind.' }) kind?: StudioKind | null;
  @Field(() => StudioStatus, { nullable: true, description: 'Only this status (among the studios you may see).' }) status?: StudioStatus | null;
  @Field(() => Level, { nullable: true, description: 'Only this level.' }) level?: Level | null;
  @Field(() => ID, { nullable: true, description: 'Only studios of this enterprise.' }) enterpriseId?: string | null;
  @Field(() => String, { nullable: true, description: 'The enterprise’s district (县区).' }) district?: string | null;
  @Field(() => String, { nullable: true, description: 'Part of the name or description.' }) search?: string | null;
  @Field(() => Date, {
    nullable: true,
    description:
      'Studios awaiting re-evaluation (复评) due before this time: ACCREDITED and SUSPENDED ones (a re-evaluation renews or revokes a suspended studio). ' +
      'Never REVOKED or REJECTED studios (final) nor applications (not accredited), whatever date they carry.',
  })
  reviewDueBefore?: Date | null;
  @Field(() => Boolean, { nullable: true, description: 'Only studios you manage.' }) managedByMe?: boolean | null;
}

export enum StudioOrderField {
  NAME = 'name',
  APPLIED_AT = 'appliedAt',
}

export const StudioOrder = orderInput('Studio', StudioOrderField, {
  fields: 'What to order studios by.',
  values: { NAME: 'By name in pinyin order (李 before 张), Chinese before Latin letters.', APPLIED_AT: 'By when the studio applied for accreditation.' },
  input: 'The order of a list of studios.',
});
export type StudioOrder = InstanceType<typeof StudioOrder>;

export const StudioConnection = Connection(Studio, 'Studio');
export type StudioConnection = InstanceType<typeof StudioConnection>;
