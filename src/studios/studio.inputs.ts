import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Payload } from '../common/errors.js';
import { Connection } from '../common/relay.js';
import { Level } from '../registry/enums.js';
import { SortDirection } from '../registry/registry.inputs.js';
import { DecimalScalar } from './decimal.js';
import { StudioKind, StudioMemberRole, StudioReevaluationDecision, StudioReviewDecision, StudioStatus } from './enums.js';
import { Studio } from './studio.entity.js';
import { StudioMember } from './studio-member.entity.js';
import { StudioReport } from './studio-report.entity.js';

@InputType({ description: 'An application for a studio (创新工作室申报); the applying STUDIO_MANAGER manages it from then on.' })
export class ApplyForStudioInput {
  @Field() name!: string;
  @Field(() => StudioKind) kind!: StudioKind;
  @Field(() => ID) enterpriseId!: string;
  @Field(() => ID, { description: 'The leader (领衔人), a worker of the enterprise who meets the kind’s rule.' }) leaderWorkerId!: string;
  @Field(() => Level) level!: Level;
  @Field({ defaultValue: '' }) description!: string;
  @Field(() => [String], { defaultValue: [] }) focusAreas!: string[];
}

@InputType({ description: 'The manager edits an application while it is APPLIED or CHANGES_REQUESTED; only the fields given change.' })
export class UpdateStudioInput {
  @Field(() => ID) studioId!: string;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => StudioKind, { nullable: true }) kind?: StudioKind | null;
  @Field(() => ID, { nullable: true }) leaderWorkerId?: string | null;
  @Field(() => Level, { nullable: true }) level?: Level | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => [String], { nullable: true, description: 'Replaces the list.' }) focusAreas?: string[] | null;
}

@InputType()
export class ResubmitStudioInput {
  @Field(() => ID) studioId!: string;
  @Field(() => String, { nullable: true, description: 'What was changed, for the reviewers.' }) comment?: string | null;
}

@InputType()
export class ReviewStudioInput {
  @Field(() => ID) studioId!: string;
  @Field(() => StudioReviewDecision) decision!: StudioReviewDecision;
  @Field(() => String, { nullable: true, description: 'Required for REJECT and REQUEST_CHANGES.' }) comment?: string | null;
}

@InputType()
export class ReevaluateStudioInput {
  @Field(() => ID) studioId!: string;
  @Field(() => StudioReevaluationDecision) decision!: StudioReevaluationDecision;
  @Field(() => String, { nullable: true, description: 'Required for SUSPEND and REVOKE.' }) comment?: string | null;
}

@ObjectType()
export class StudioPayload extends Payload {
  @Field(() => Studio, { nullable: true }) studio?: Studio | null;
}

@InputType()
export class AddStudioMemberInput {
  @Field(() => ID) studioId!: string;
  @Field(() => ID) workerId!: string;
  @Field(() => StudioMemberRole, { description: 'CORE_MEMBER, MEMBER or APPRENTICE (the leader is set by the application).' }) role!: StudioMemberRole;
  @Field(() => ID, { nullable: true, description: 'The mentor (师傅) of an APPRENTICE: a worker who is already a member.' }) mentorWorkerId?: string | null;
}

@InputType()
export class RemoveStudioMemberInput {
  @Field(() => ID) studioId!: string;
  @Field(() => ID) workerId!: string;
}

@ObjectType()
export class StudioMemberPayload extends Payload {
  @Field(() => StudioMember, { nullable: true }) member?: StudioMember | null;
  @Field(() => Studio, { nullable: true }) studio?: Studio | null;
}

@InputType({ description: 'The annual report; to correct one, pass the `version` you read (a stale one is refused with STALE_VERSION).' })
export class SubmitStudioReportInput {
  @Field(() => ID) studioId!: string;
  @Field(() => Int) year!: number;
  @Field(() => Int) trainees!: number;
  @Field(() => Int) apprenticesMentored!: number;
  @Field(() => Int) projectsCompleted!: number;
  @Field(() => Int) patentsFiled!: number;
  @Field(() => DecimalScalar) economicBenefit!: string;
  @Field() summary!: string;
  @Field(() => Int, { nullable: true, description: 'Omit for the year’s first report; the report’s version to correct it.' }) version?: number | null;
}

@ObjectType()
export class StudioReportPayload extends Payload {
  @Field(() => StudioReport, { nullable: true }) report?: StudioReport | null;
  @Field(() => Studio, { nullable: true }) studio?: Studio | null;
}

@InputType()
export class StudioFilter {
  @Field(() => StudioKind, { nullable: true }) kind?: StudioKind | null;
  @Field(() => StudioStatus, { nullable: true }) status?: StudioStatus | null;
  @Field(() => Level, { nullable: true }) level?: Level | null;
  @Field(() => ID, { nullable: true }) enterpriseId?: string | null;
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
registerEnumType(StudioOrderField, {
  name: 'StudioOrderField',
  description: 'What to order studios by.',
  valuesConfig: { NAME: { description: 'By name in pinyin order (李 before 张), Chinese before Latin letters.' } },
});

@InputType()
export class StudioOrder {
  @Field(() => StudioOrderField) field!: StudioOrderField;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC }) direction!: SortDirection;
}

export const StudioConnection = Connection(Studio, 'Studio');
export type StudioConnection = InstanceType<typeof StudioConnection>;
