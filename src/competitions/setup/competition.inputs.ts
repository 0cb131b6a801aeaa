import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Payload } from '../../common/errors.js';
import { Connection } from '../../common/relay.js';
import { Level, SkillLevel } from '../../registry/enums.js';
import { SortDirection } from '../../registry/registry.inputs.js';
import { Enterprise } from '../../registry/enterprise.entity.js';
import { Competition } from './competition.entity.js';
import { Criterion } from './criterion.entity.js';
import { AbsentRanking, Aggregation, CompetitionKind, CompetitionStatus, CriterionKind, PrizeTierName } from '../enums.js';
import { Stage } from './stage.entity.js';

// ── Competition ────────────────────────────────────────────────────────────────

@InputType({ description: 'Who may enter. Empty lists mean no restriction (trades: the competition’s own trade).' })
export class EligibilityInput {
  @Field(() => [String], { nullable: true, description: 'Trades (工种) allowed; empty = the competition’s trade.' }) trades?: string[] | null;
  @Field(() => SkillLevel, { nullable: true }) minSkillLevel?: SkillLevel | null;
  @Field(() => SkillLevel, { nullable: true }) maxSkillLevel?: SkillLevel | null;
  @Field(() => [ID], { nullable: true, description: 'Enterprises whose workers may enter; empty = any.' }) enterpriseIds?: string[] | null;
}

@InputType({ description: 'Exactly one of count and share.' })
export class PrizeTierInput {
  @Field(() => PrizeTierName) tier!: PrizeTierName;
  @Field(() => Int, { nullable: true, description: 'A fixed number of places.' }) count?: number | null;
  @Field(() => Float, { nullable: true, description: 'A share of ranked entries in (0, 1], e.g. 0.1 = 10 %.' }) share?: number | null;
}

@InputType()
export class CreateCompetitionInput {
  @Field() title!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => CompetitionKind) kind!: CompetitionKind;
  @Field(() => Level) level!: Level;
  @Field({ description: 'Trade (工种) competed in.' }) trade!: string;
  @Field(() => ID, { nullable: true, description: 'Required for an ENTERPRISE-level competition.' }) hostEnterpriseId?: string | null;
  @Field(() => String, { nullable: true, description: 'District (县区); required for a DISTRICT-level competition.' }) district?: string | null;
  @Field(() => Date, { nullable: true, description: 'In the future, not after startsAt; registerEntry is refused once it has passed.' }) registrationDeadline?: Date | null;
  @Field(() => Date) startsAt!: Date;
  @Field(() => Date, { description: 'Not before startsAt.' }) endsAt!: Date;
  @Field(() => Aggregation, { nullable: true, description: 'Default MEAN.' }) aggregation?: Aggregation | null;
  @Field(() => AbsentRanking, { nullable: true, description: 'Where entrants who did not show up (ABSENT) go in the ranking; default UNRANKED.' }) absentRanking?: AbsentRanking | null;
  @Field(() => EligibilityInput, { nullable: true }) eligibility?: EligibilityInput | null;
  @Field(() => Int, { nullable: true, description: 'Workers per entry, 1–10; default 1 (individual).' }) teamSize?: number | null;
  @Field(() => [PrizeTierInput], { nullable: true }) prizeTiers?: PrizeTierInput[] | null;
  @Field(() => Int, { nullable: true }) honorTopN?: number | null;
  @Field(() => Int, { nullable: true }) promotionTopM?: number | null;
  @Field(() => Float, { nullable: true, description: 'Re-check sample share (复核抽样比例) of the entries outside the prize places, more than 0 and at most 1, four decimals at most; default 0.15.' }) recheckSampleShare?: number | null;
  @Field(() => Float, { nullable: true, description: 'Re-check error-rate threshold (复核差错率上限), 0 to less than 1, four decimals at most; default 0.05.' }) recheckErrorThreshold?: number | null;
  @Field(() => Int, { nullable: true, description: 'Appeal window (申诉期) in minutes after publishResults, 0–10080; 0 = no appeals (e.g. a drill). Default 120.' })
  appealWindowMinutes?: number | null;
  @Field(() => Int, { nullable: true, description: 'Minutes the arbitrators have to rule on an appeal once filed, 1–43200. Default 1440 (24 hours).' })
  arbitrationDeadlineMinutes?: number | null;
}

@InputType({
  description: 'Only the fields given change. Rules and eligibility change while DRAFT; title, description and dates until REGISTRATION_CLOSED; the appeal settings until the results are published.',
})
export class UpdateCompetitionInput {
  @Field(() => ID) competitionId!: string;
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => CompetitionKind, { nullable: true }) kind?: CompetitionKind | null;
  @Field(() => Level, { nullable: true }) level?: Level | null;
  @Field(() => String, { nullable: true }) trade?: string | null;
  @Field(() => ID, { nullable: true }) hostEnterpriseId?: string | null;
  @Field(() => String, { nullable: true }) district?: string | null;
  @Field(() => Date, { nullable: true, description: 'In the future; once the current one has passed, use extendRegistrationDeadline.' })
  registrationDeadline?: Date | null;
  @Field(() => Date, { nullable: true }) startsAt?: Date | null;
  @Field(() => Date, { nullable: true }) endsAt?: Date | null;
  @Field(() => Aggregation, { nullable: true }) aggregation?: Aggregation | null;
  @Field(() => AbsentRanking, { nullable: true, description: 'Where ABSENT entries go in the ranking (DRAFT only).' }) absentRanking?: AbsentRanking | null;
  @Field(() => EligibilityInput, { nullable: true, description: 'Replaces the whole eligibility.' }) eligibility?: EligibilityInput | null;
  @Field(() => Int, { nullable: true }) teamSize?: number | null;
  @Field(() => [PrizeTierInput], { nullable: true, description: 'Replaces the list.' }) prizeTiers?: PrizeTierInput[] | null;
  @Field(() => Int, { nullable: true }) honorTopN?: number | null;
  @Field(() => Int, { nullable: true }) promotionTopM?: number | null;
  @Field(() => Float, { nullable: true, description: 'Re-check sample share (复核抽样比例) of the entries outside the prize places, more than 0 and at most 1, four decimals at most; default 0.15.' }) recheckSampleShare?: number | null;
  @Field(() => Float, { nullable: true, description: 'Re-check error-rate threshold (复核差错率上限), 0 to less than 1, four decimals at most; default 0.05.' }) recheckErrorThreshold?: number | null;
  @Field(() => Int, { nullable: true, description: 'Appeal window (申诉期) in minutes after publishResults, 0–10080; 0 = no appeals. May change until the results are published.' })
  appealWindowMinutes?: number | null;
  @Field(() => Int, { nullable: true, description: 'Minutes the arbitrators have to rule on an appeal once filed, 1–43200. May change until the results are published.' })
  arbitrationDeadlineMinutes?: number | null;
}

@InputType({ description: 'Moves the registration deadline later, also one that has passed (which lets entries in again); the reason is recorded in `transitions`.' })
export class ExtendRegistrationDeadlineInput {
  @Field(() => ID) competitionId!: string;
  @Field(() => Date, { description: 'In the future, later than the current deadline, not after startsAt.' }) registrationDeadline!: Date;
  @Field({ description: 'Why (required).' }) reason!: string;
}

@ObjectType()
export class CompetitionPayload extends Payload {
  @Field(() => Competition, { nullable: true }) competition?: Competition | null;
}

@InputType({
  description: 'A move of a whole competition: every lifecycle move (openRegistration … finalizeCompetition, cancelCompetition) and the leaderboard freeze take this one input.',
})
export class CompetitionTransitionInput {
  @Field(() => ID, { description: 'The competition to move.' }) competitionId!: string;
  @Field(() => String, {
    nullable: true,
    description: 'Why, at most 1000 characters. Required by reopenScoring and cancelCompetition. Recorded with a lifecycle move in the competition’s history (`transitions`); for a freeze or its lifting, written to the server’s operation log.',
  })
  reason?: string | null;
}

@ObjectType({ description: 'Who may enter the competition.' })
export class Eligibility {
  @Field(() => [String], { description: 'Trades allowed (the competition’s trade when none were listed).' }) trades!: string[];
  @Field(() => SkillLevel, { nullable: true }) minSkillLevel!: SkillLevel | null;
  @Field(() => SkillLevel, { nullable: true }) maxSkillLevel!: SkillLevel | null;
  @Field(() => [Enterprise], { description: 'Enterprises whose workers may enter; empty = any.' }) enterprises!: Enterprise[];
}

@InputType()
export class CompetitionFilter {
  @Field(() => CompetitionKind, { nullable: true }) kind?: CompetitionKind | null;
  @Field(() => CompetitionStatus, { nullable: true }) status?: CompetitionStatus | null;
  @Field(() => Level, { nullable: true }) level?: Level | null;
  @Field(() => String, { nullable: true }) trade?: string | null;
  @Field(() => Int, { nullable: true, description: 'Competitions starting in this calendar year (China Standard Time).' }) year?: number | null;
  @Field(() => String, { nullable: true, description: 'Part of the title.' }) search?: string | null;
}

export enum CompetitionOrderField {
  STARTS_AT = 'startsAt',
  CREATED_AT = 'createdAt',
  TITLE = 'title',
}
registerEnumType(CompetitionOrderField, {
  name: 'CompetitionOrderField',
  description: 'What to order competitions by.',
  valuesConfig: { TITLE: { description: 'By title in pinyin order (李 before 张), Chinese before Latin letters.' } },
});

@InputType()
export class CompetitionOrder {
  @Field(() => CompetitionOrderField) field!: CompetitionOrderField;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC }) direction!: SortDirection;
}

export const CompetitionConnection = Connection(Competition, 'Competition');
export type CompetitionConnection = InstanceType<typeof CompetitionConnection>;

// ── Marking scheme ─────────────────────────────────────────────────────────────

@InputType()
export class AddStageInput {
  @Field(() => ID) competitionId!: string;
  @Field() name!: string;
  @Field(() => Float, { description: 'Percent, > 0, two decimals at most; all stages sum to 100 before registration opens.' }) weight!: number;
  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Anonymous marking (加密评分): ON for a stage judged from a workpiece or paper without the entrant present (judges mark by marking code), OFF (the default) for one judged at the station. Fixed once the scheme is (DRAFT only).' })
  anonymous?: boolean | null;
}

@InputType({ description: 'Only the fields given change.' })
export class UpdateStageInput {
  @Field(() => ID) stageId!: string;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => Float, { nullable: true }) weight?: number | null;
  @Field(() => Int, { nullable: true, description: 'New 0-based place among the stages; the others shift.' }) position?: number | null;
  @Field(() => Boolean, { nullable: true, description: 'Anonymous marking on or off (DRAFT only: a stage’s anonymity never changes under its judges).' }) anonymous?: boolean | null;
}

@InputType()
export class RemoveStageInput {
  @Field(() => ID) stageId!: string;
}

@ObjectType()
export class StagePayload extends Payload {
  @Field(() => Stage, { nullable: true }) stage?: Stage | null;
  @Field(() => Competition, { nullable: true }) competition?: Competition | null;
}

@ObjectType()
export class RemoveStagePayload extends Payload {
  @Field(() => ID, { nullable: true }) removedStageId?: string | null;
  @Field(() => Competition, { nullable: true }) competition?: Competition | null;
}

@InputType()
export class AddCriterionInput {
  @Field(() => ID) stageId!: string;
  @Field() name!: string;
  @Field(() => CriterionKind) kind!: CriterionKind;
  @Field(() => Float, { description: '> 0, two decimals at most.' }) maxScore!: number;
  @Field(() => String, { nullable: true }) description?: string | null;
}

@InputType({ description: 'Only the fields given change.' })
export class UpdateCriterionInput {
  @Field(() => ID) criterionId!: string;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => CriterionKind, { nullable: true }) kind?: CriterionKind | null;
  @Field(() => Float, { nullable: true }) maxScore?: number | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => Int, { nullable: true, description: 'New 0-based place within the stage; the others shift.' }) position?: number | null;
}

@InputType()
export class RemoveCriterionInput {
  @Field(() => ID) criterionId!: string;
}

@ObjectType()
export class CriterionPayload extends Payload {
  @Field(() => Criterion, { nullable: true }) criterion?: Criterion | null;
  @Field(() => Stage, { nullable: true }) stage?: Stage | null;
}

@ObjectType()
export class RemoveCriterionPayload extends Payload {
  @Field(() => ID, { nullable: true }) removedCriterionId?: string | null;
  @Field(() => Stage, { nullable: true }) stage?: Stage | null;
}
