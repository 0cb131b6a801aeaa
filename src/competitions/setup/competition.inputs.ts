import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Payload } from '../../common/errors.js';
import { Connection } from '../../common/relay.js';
import { Level, SkillLevel } from '../../registry/enums.js';
import { SortDirection } from '../../registry/registry.inputs.js';
import { Enterprise } from '../../registry/enterprise.entity.js';
import { Competition } from './competition.entity.js';
import { CompetitionTransition } from './competition-transition.entity.js';
import { Criterion } from './criterion.entity.js';
import { AbsentRanking, Aggregation, CompetitionKind, CompetitionStatus, CriterionKind, PrizeTierName } from '../enums.js';
import { Stage } from './stage.entity.js';
import { orderInput } from '../../common/order-input.js';

// ── Competition ────────────────────────────────────────────────────────────────

@InputType({ description: 'Who may enter. Empty lists mean no restriction (trades: the competition’s own trade).' })
export class EligibilityInput {
  @Field(() => [String], { nullable: true, description: 'Trades (工种) allowed; empty = the competition’s trade.' }) trades?: string[] | null;
  @Field(() => SkillLevel, { nullable: true, description: 'Lowest skill level (技能等级) allowed; null = no lower bound.' }) minSkillLevel?: SkillLevel | null;
  @Field(() => SkillLevel, { nullable: true, description: 'Highest skill level allowed, not below minSkillLevel; null = no upper bound.' }) maxSkillLevel?: SkillLevel | null;
  @Field(() => [ID], { nullable: true, description: 'Enterprises whose workers may enter; empty = any.' }) enterpriseIds?: string[] | null;
}

@InputType({ description: 'One prize tier (奖项等次) of a competition: exactly one of count and share.' })
export class PrizeTierInput {
  @Field(() => PrizeTierName, { description: 'The prize (一等奖 …), as Award.prize names it; each at most once in a list.' }) prize!: PrizeTierName;
  @Field(() => Int, { nullable: true, description: 'A fixed number of places, 1–100000.' }) count?: number | null;
  @Field(() => Float, { nullable: true, description: 'A share of ranked entries in (0, 1], e.g. 0.1 = 10 %.' }) share?: number | null;
}

@InputType({ description: 'A new competition, created as DRAFT and owned by the organizer who creates it.' })
export class CreateCompetitionInput {
  @Field({ description: 'Title, 1–200 characters on one line.' }) title!: string;
  @Field(() => String, { nullable: true, description: 'What the competition is about, for entrants; up to 10000 characters. Default empty.' }) description?: string | null;
  @Field(() => CompetitionKind, { description: 'Kind of competition (竞赛类型).' }) kind!: CompetitionKind;
  @Field(() => Level, { description: 'Level (级别) of the organizing body; ENTERPRISE needs hostEnterpriseId, DISTRICT needs district.' }) level!: Level;
  @Field({ description: 'Trade (工种) competed in.' }) trade!: string;
  @Field(() => ID, { nullable: true, description: 'Required for an ENTERPRISE-level competition.' }) hostEnterpriseId?: string | null;
  @Field(() => String, { nullable: true, description: 'District (县区); required for a DISTRICT-level competition.' }) district?: string | null;
  @Field(() => Date, { nullable: true, description: 'In the future, not after startsAt; registerEntry is refused once it has passed.' }) registrationDeadline?: Date | null;
  @Field(() => Date, { description: 'When the competition starts (date and time).' }) startsAt!: Date;
  @Field(() => Date, { description: 'Not before startsAt.' }) endsAt!: Date;
  @Field(() => Aggregation, { nullable: true, description: 'How the judges’ marks of a criterion are combined (计分方法). Default MEAN.' }) aggregation?: Aggregation | null;
  @Field(() => AbsentRanking, { nullable: true, description: 'Where entrants who did not show up (ABSENT) go in the ranking; default UNRANKED.' }) absentRanking?: AbsentRanking | null;
  @Field(() => EligibilityInput, { nullable: true, description: 'Who may enter; null = the competition’s trade, any skill level, any enterprise.' }) eligibility?: EligibilityInput | null;
  @Field(() => Int, { nullable: true, description: 'Workers per entry, 1–10; default 1 (individual).' }) teamSize?: number | null;
  @Field(() => [PrizeTierInput], { nullable: true, description: 'The prizes, at most 4 (one per PrizeTierName); shares sum to at most 1. Default none.' }) prizeTiers?: PrizeTierInput[] | null;
  @Field(() => Int, { nullable: true, description: 'The top N ranked entries’ workers receive TECHNICAL_EXPERT (技术能手); 0–100000, default 0.' }) honorTopN?: number | null;
  @Field(() => Int, { nullable: true, description: 'The top M ranked entries’ workers are promoted one skill level; 0–100000, default 0.' }) promotionTopM?: number | null;
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
  @Field(() => ID, { description: 'The competition to change.' }) competitionId!: string;
  @Field(() => String, { nullable: true, description: 'New title, 1–200 characters (until REGISTRATION_CLOSED).' }) title?: string | null;
  @Field(() => String, { nullable: true, description: 'New description, up to 10000 characters (until REGISTRATION_CLOSED).' }) description?: string | null;
  @Field(() => CompetitionKind, { nullable: true, description: 'New kind (DRAFT only).' }) kind?: CompetitionKind | null;
  @Field(() => Level, { nullable: true, description: 'New level (DRAFT only); ENTERPRISE needs a host enterprise, DISTRICT a district.' }) level?: Level | null;
  @Field(() => String, { nullable: true, description: 'New trade (工种), 1–100 characters (DRAFT only).' }) trade?: string | null;
  @Field(() => ID, { nullable: true, description: 'New host enterprise (DRAFT only).' }) hostEnterpriseId?: string | null;
  @Field(() => String, { nullable: true, description: 'New district (县区), up to 100 characters (DRAFT only).' }) district?: string | null;
  @Field(() => Date, { nullable: true, description: 'In the future; once the current one has passed, use extendRegistrationDeadline.' })
  registrationDeadline?: Date | null;
  @Field(() => Date, { nullable: true, description: 'New start (until REGISTRATION_CLOSED); not before the registration deadline.' }) startsAt?: Date | null;
  @Field(() => Date, { nullable: true, description: 'New end (until REGISTRATION_CLOSED); not before startsAt.' }) endsAt?: Date | null;
  @Field(() => Aggregation, { nullable: true, description: 'New way of combining the judges’ marks (DRAFT only).' }) aggregation?: Aggregation | null;
  @Field(() => AbsentRanking, { nullable: true, description: 'Where ABSENT entries go in the ranking (DRAFT only).' }) absentRanking?: AbsentRanking | null;
  @Field(() => EligibilityInput, { nullable: true, description: 'Replaces the whole eligibility.' }) eligibility?: EligibilityInput | null;
  @Field(() => Int, { nullable: true, description: 'Workers per entry, 1–10 (DRAFT only).' }) teamSize?: number | null;
  @Field(() => [PrizeTierInput], { nullable: true, description: 'Replaces the list: at most 4, one per PrizeTierName (DRAFT only).' }) prizeTiers?: PrizeTierInput[] | null;
  @Field(() => Int, { nullable: true, description: 'Top N honored as TECHNICAL_EXPERT, 0–100000 (DRAFT only).' }) honorTopN?: number | null;
  @Field(() => Int, { nullable: true, description: 'Top M promoted one skill level, 0–100000 (DRAFT only).' }) promotionTopM?: number | null;
  @Field(() => Float, { nullable: true, description: 'Re-check sample share (复核抽样比例) of the entries outside the prize places, more than 0 and at most 1, four decimals at most; default 0.15.' }) recheckSampleShare?: number | null;
  @Field(() => Float, { nullable: true, description: 'Re-check error-rate threshold (复核差错率上限), 0 to less than 1, four decimals at most; default 0.05.' }) recheckErrorThreshold?: number | null;
  @Field(() => Int, { nullable: true, description: 'Appeal window (申诉期) in minutes after publishResults, 0–10080; 0 = no appeals. May change until the results are published.' })
  appealWindowMinutes?: number | null;
  @Field(() => Int, { nullable: true, description: 'Minutes the arbitrators have to rule on an appeal once filed, 1–43200. May change until the results are published.' })
  arbitrationDeadlineMinutes?: number | null;
}

@InputType({ description: 'Moves the registration deadline later, also one that has passed (which lets entries in again); the reason is recorded in `transitions`.' })
export class ExtendRegistrationDeadlineInput {
  @Field(() => ID, { description: 'The competition (DRAFT or REGISTRATION_OPEN).' }) competitionId!: string;
  @Field(() => Date, { description: 'In the future, later than the current deadline, not after startsAt.' }) registrationDeadline!: Date;
  @Field({ description: 'Why (required).' }) reason!: string;
}

@ObjectType({ description: 'The result of a mutation on a whole competition: the competition, or userErrors.' })
export class CompetitionPayload extends Payload {
  @Field(() => Competition, { nullable: true, description: 'The competition as it is now; null when refused.' }) competition?: Competition | null;
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
  @Field(() => SkillLevel, { nullable: true, description: 'Lowest skill level allowed; null = no lower bound.' }) minSkillLevel!: SkillLevel | null;
  @Field(() => SkillLevel, { nullable: true, description: 'Highest skill level allowed; null = no upper bound.' }) maxSkillLevel!: SkillLevel | null;
  @Field(() => [Enterprise], { description: 'Enterprises whose workers may enter; empty = any.' }) enterprises!: Enterprise[];
}

@InputType({ description: 'Which competitions to list; the conditions given all hold (AND).' })
export class CompetitionFilter {
  @Field(() => CompetitionKind, { nullable: true, description: 'Only this kind.' }) kind?: CompetitionKind | null;
  @Field(() => CompetitionStatus, { nullable: true, description: 'Only competitions in this status.' }) status?: CompetitionStatus | null;
  @Field(() => Level, { nullable: true, description: 'Only this level.' }) level?: Level | null;
  @Field(() => String, { nullable: true, description: 'Only this trade (工种), exactly.' }) trade?: string | null;
  @Field(() => Int, { nullable: true, description: 'Competitions starting in this calendar year (China Standard Time).' }) year?: number | null;
  @Field(() => String, { nullable: true, description: 'Part of the title.' }) search?: string | null;
}

export enum CompetitionOrderField {
  STARTS_AT = 'startsAt',
  CREATED_AT = 'createdAt',
  TITLE = 'title',
}

export const CompetitionOrder = orderInput('Competition', CompetitionOrderField, {
  fields: 'What to order competitions by.',
  values: { STARTS_AT: 'By when it starts.', CREATED_AT: 'By when it was created.', TITLE: 'By title in pinyin order (李 before 张), Chinese before Latin letters.' },
  input: 'How to order competitions; ties are broken by id in the same direction.',
});
export type CompetitionOrder = InstanceType<typeof CompetitionOrder>;

export const CompetitionConnection = Connection(Competition, 'Competition');
export type CompetitionConnection = InstanceType<typeof CompetitionConnection>;

// ── Marking scheme ─────────────────────────────────────────────────────────────

@InputType({ description: 'A new stage (赛段) at the end of a DRAFT competition’s marking scheme.' })
export class AddStageInput {
  @Field(() => ID, { description: 'The competition (DRAFT).' }) competitionId!: string;
  @Field({ description: 'Name, 1–100 characters, e.g. 理论 or 实操.' }) name!: string;
  @Field(() => Float, { description: 'Percent, > 0, two decimals at most; all stages sum to 100 before registration opens.' }) weight!: number;
  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Anonymous marking (加密评分): ON for a stage judged from a workpiece or paper without the entrant present (judges mark by marking code), OFF (the default) for one judged at the station. Fixed once the scheme is (DRAFT only).' })
  anonymous?: boolean | null;
}

@InputType({ description: 'Only the fields given change.' })
export class UpdateStageInput {
  @Field(() => ID, { description: 'The stage to change (its competition DRAFT).' }) stageId!: string;
  @Field(() => String, { nullable: true, description: 'New name, 1–100 characters.' }) name?: string | null;
  @Field(() => Float, { nullable: true, description: 'New weight in percent, > 0, two decimals at most.' }) weight?: number | null;
  @Field(() => Int, { nullable: true, description: 'New 0-based place among the stages; the others shift.' }) position?: number | null;
  @Field(() => Boolean, { nullable: true, description: 'Anonymous marking on or off (DRAFT only: a stage’s anonymity never changes under its judges).' }) anonymous?: boolean | null;
}

@InputType({ description: 'Removes a stage with its criteria (DRAFT only); the later stages move up.' })
export class RemoveStageInput {
  @Field(() => ID, { description: 'The stage to remove.' }) stageId!: string;
}

@ObjectType({ description: 'The result of adding or changing a stage.' })
export class StagePayload extends Payload {
  @Field(() => Stage, { nullable: true, description: 'The stage added or changed; null when refused.' }) stage?: Stage | null;
  @Field(() => Competition, { nullable: true, description: 'Its competition, with the stages in their new order; null when refused.' }) competition?: Competition | null;
}

@ObjectType({ description: 'The result of removing a stage.' })
export class RemoveStagePayload extends Payload {
  @Field(() => ID, { nullable: true, description: 'The ID of the stage removed (drop it from client caches); null when refused.' }) removedStageId?: string | null;
  @Field(() => Competition, { nullable: true, description: 'Its competition, with the remaining stages; null when refused.' }) competition?: Competition | null;
}

@InputType({ description: 'A new criterion (评分项) at the end of a stage (DRAFT only).' })
export class AddCriterionInput {
  @Field(() => ID, { description: 'The stage it belongs to.' }) stageId!: string;
  @Field({ description: 'Name, 1–200 characters.' }) name!: string;
  @Field(() => CriterionKind, { description: 'Measured (客观) or judged (主观).' }) kind!: CriterionKind;
  @Field(() => Float, { description: 'Maximum score in points, > 0, two decimals at most.' }) maxScore!: number;
  @Field(() => String, { nullable: true, description: 'What judges look for, shown to judges and entrants; default empty.' }) description?: string | null;
}

@InputType({ description: 'Only the fields given change.' })
export class UpdateCriterionInput {
  @Field(() => ID, { description: 'The criterion to change (its competition DRAFT).' }) criterionId!: string;
  @Field(() => String, { nullable: true, description: 'New name, 1–200 characters.' }) name?: string | null;
  @Field(() => CriterionKind, { nullable: true, description: 'New kind.' }) kind?: CriterionKind | null;
  @Field(() => Float, { nullable: true, description: 'New maximum score, > 0, two decimals at most.' }) maxScore?: number | null;
  @Field(() => String, { nullable: true, description: 'New description (empty text clears it).' }) description?: string | null;
  @Field(() => Int, { nullable: true, description: 'New 0-based place within the stage; the others shift.' }) position?: number | null;
}

@InputType({ description: 'Removes a criterion (DRAFT only); the later ones move up.' })
export class RemoveCriterionInput {
  @Field(() => ID, { description: 'The criterion to remove.' }) criterionId!: string;
}

@ObjectType({ description: 'The result of adding or changing a criterion.' })
export class CriterionPayload extends Payload {
  @Field(() => Criterion, { nullable: true, description: 'The criterion added or changed; null when refused.' }) criterion?: Criterion | null;
  @Field(() => Stage, { nullable: true, description: 'Its stage, with the criteria in their new order; null when refused.' }) stage?: Stage | null;
}

@ObjectType({ description: 'The result of removing a criterion.' })
export class RemoveCriterionPayload extends Payload {
  @Field(() => ID, { nullable: true, description: 'The ID of the criterion removed; null when refused.' }) removedCriterionId?: string | null;
  @Field(() => Stage, { nullable: true, description: 'Its stage, with the remaining criteria; null when refused.' }) stage?: Stage | null;
}

// ── Lifecycle history ─────────────────────────────────────────────────────────

export enum CompetitionTransitionOrderField {
  AT = 'at',
}
registerEnumType(CompetitionTransitionOrderField, { name: 'CompetitionTransitionOrderField', description: 'What to order a competition’s lifecycle history by.' });

@InputType({ description: 'How to order a competition’s lifecycle history; ties are broken by id in the same direction.' })
export class CompetitionTransitionOrder {
  @Field(() => CompetitionTransitionOrderField, { description: 'What to order by: AT, when the move was made.' }) field!: CompetitionTransitionOrderField;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Ascending (oldest first, the default) or descending.' }) direction!: SortDirection;
}

export const CompetitionTransitionConnection = Connection(CompetitionTransition, 'CompetitionTransition');
export type CompetitionTransitionConnection = InstanceType<typeof CompetitionTransitionConnection>;
