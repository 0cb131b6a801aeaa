import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Payload } from '../../common/errors.js';
import { orderInput } from '../../common/order-input.js';
import { Connection } from '../../common/relay.js';
import { Enterprise } from '../../registry/enterprise.entity.js';
import { Ownership, SkillLevel } from '../../registry/enums.js';
import { DrillCounting, DrillPhase, DrillResultRelease, DrillStatus, QuestionDifficulty, QuestionType } from '../enums.js';
import { Drill } from './drill.entity.js';

@InputType({ description: 'One section of a paper rule.' })
export class PaperSectionInput {
  @Field({ description: 'Topic (知识点) to draw from, as the bank tags it.' }) topic!: string;
  @Field(() => QuestionDifficulty, { nullable: true, description: 'Only this difficulty; omit for any.' }) difficulty?: QuestionDifficulty | null;
  @Field(() => QuestionType, { nullable: true, description: 'Only this type; omit for any.' }) type?: QuestionType | null;
  @Field(() => Int, { description: 'Questions per paper, 1–200.' }) count!: number;
}

@InputType({ description: 'Points for a right answer of one question type.' })
export class PaperTypePointsInput {
  @Field(() => QuestionType, { description: 'The type.' }) type!: QuestionType;
  @Field(() => Float, { description: 'Points, 0–100, at most two decimals.' }) points!: number;
}

@InputType({ description: 'How each taker’s paper is drawn (组卷规则) from the APPROVED questions of the drill’s trades.' })
export class PaperRuleInput {
  @Field(() => [PaperSectionInput], { description: '1–50 sections, in paper order; a question is never drawn twice.' }) sections!: PaperSectionInput[];
  @Field(() => [PaperTypePointsInput], { description: 'Points per type: each of the four types exactly once.' }) pointsByType!: PaperTypePointsInput[];
}

@InputType({ description: 'Who may take a drill besides its trades; every list given must hold, an empty or omitted one sets no limit.' })
export class DrillEligibilityInput {
  @Field(() => [ID], { nullable: true, description: 'Only workers of these enterprises (at most 200 Enterprise IDs).' }) enterpriseIds?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Only workers of enterprises in these districts (县区, at most 50).' }) districts?: string[] | null;
  @Field(() => [Ownership], { nullable: true, description: 'Only workers of enterprises of these ownerships (所有制).' }) ownerships?: Ownership[] | null;
  @Field(() => SkillLevel, { nullable: true, description: 'The lowest skill level; omit for none. Also limits the bank: questions of another level are not drawn.' }) minSkillLevel?: SkillLevel | null;
  @Field(() => SkillLevel, { nullable: true, description: 'The highest skill level; omit for none.' }) maxSkillLevel?: SkillLevel | null;
}

@InputType({ description: 'A new drill (网上练兵), created as a DRAFT.' })
export class CreateDrillInput {
  @Field({ description: 'Title, 1–200 characters.' }) title!: string;
  @Field(() => String, { nullable: true, description: 'What it is about, up to 2000 characters.' }) description?: string | null;
  @Field(() => [String], { description: 'Trades (工种), 1–20: the papers draw from their banks and their workers may take it.' }) trades!: string[];
  @Field(() => DrillEligibilityInput, { nullable: true, description: 'Further limits on who may take it; none when omitted.' }) eligibility?: DrillEligibilityInput | null;
  @Field({ description: 'When attempts may start.' }) opensAt!: Date;
  @Field({ description: 'When the window closes; after opensAt and in the future.' }) closesAt!: Date;
  @Field(() => Int, { description: 'Minutes per attempt, 1–600.' }) timeLimitMinutes!: number;
  @Field(() => Int, { defaultValue: 1, description: 'Attempts per taker, 1–100: 1 for a contest.' }) attemptsAllowed!: number;
  @Field(() => DrillCounting, { defaultValue: DrillCounting.BEST, description: 'Which attempt counts when several are allowed.' }) counting!: DrillCounting;
  @Field(() => DrillResultRelease, { defaultValue: DrillResultRelease.AFTER_WINDOW, description: 'When takers see results: at once (practice) or after the window (contest).' })
  resultRelease!: DrillResultRelease;
  @Field({ defaultValue: false, description: 'Let anyone read the leaderboard (ranks, names, enterprises, scores, time used) once the window has closed; false keeps it to the organizer and admins.' })
  publicBoard!: boolean;
  @Field(() => PaperRuleInput, { description: 'How papers are drawn; checked against the APPROVED questions now (a short section is a userError naming it).' }) paperRule!: PaperRuleInput;
  @Field(() => Float, { description: 'Points needed to pass, 0 up to the paper’s most points.' }) passMark!: number;
  @Field(() => ID, { nullable: true, description: 'The Enterprise running it, for an enterprise’s own drill; omit for a union’s.' }) hostEnterpriseId?: string | null;
}

@InputType({ description: 'Changes a drill while it is a DRAFT, or PUBLISHED but not yet open; omitted fields stay.' })
export class UpdateDrillInput {
  @Field(() => ID, { description: 'The Drill’s global ID.' }) drillId!: string;
  @Field(() => Int, { nullable: true, description: 'The version you read (Drill.version): refused with STALE_VERSION when it changed since.' }) version?: number | null;
  @Field(() => String, { nullable: true, description: 'New title.' }) title?: string | null;
  @Field(() => String, { nullable: true, description: 'New description; empty clears it.' }) description?: string | null;
  @Field(() => [String], { nullable: true, description: 'New trades.' }) trades?: string[] | null;
  @Field(() => DrillEligibilityInput, { nullable: true, description: 'New eligibility, replacing the old one whole.' }) eligibility?: DrillEligibilityInput | null;
  @Field(() => Date, { nullable: true, description: 'New opening time.' }) opensAt?: Date | null;
  @Field(() => Date, { nullable: true, description: 'New closing time.' }) closesAt?: Date | null;
  @Field(() => Int, { nullable: true, description: 'New time limit in minutes.' }) timeLimitMinutes?: number | null;
  @Field(() => Int, { nullable: true, description: 'New attempts per taker.' }) attemptsAllowed?: number | null;
  @Field(() => DrillCounting, { nullable: true, description: 'New counting.' }) counting?: DrillCounting | null;
  @Field(() => DrillResultRelease, { nullable: true, description: 'New result release.' }) resultRelease?: DrillResultRelease | null;
  @Field(() => Boolean, { nullable: true, description: 'Whether the leaderboard is public after the window (only while the drill may be changed: takers should know before they start).' }) publicBoard?: boolean | null;
  @Field(() => PaperRuleInput, { nullable: true, description: 'New paper rule, checked against the APPROVED questions.' }) paperRule?: PaperRuleInput | null;
  @Field(() => Float, { nullable: true, description: 'New pass mark.' }) passMark?: number | null;
}

@InputType({ description: 'Names one drill.' })
export class DrillIdInput {
  @Field(() => ID, { description: 'The Drill’s global ID.' }) drillId!: string;
}

@ObjectType({ description: 'The outcome of createDrill, updateDrill, publishDrill or cancelDrill.' })
export class DrillPayload extends Payload {
  @Field(() => Drill, { nullable: true, description: 'The drill as stored now; null when refused.' }) drill?: Drill | null;
}

@ObjectType({ description: 'Who may take a drill besides its trades (the same rule engine as competition entries); empty lists set no limit.' })
export class DrillEligibility {
  @Field(() => [Enterprise], { description: 'Only workers of these enterprises (at most 200); empty = any.' }) enterprises!: Enterprise[];
  @Field(() => [String], { description: 'Only workers of enterprises in these districts; empty = any.' }) districts!: string[];
  @Field(() => [Ownership], { description: 'Only workers of enterprises of these ownerships; empty = any.' }) ownerships!: Ownership[];
  @Field(() => SkillLevel, { nullable: true, description: 'The lowest skill level; null = none.' }) minSkillLevel!: SkillLevel | null;
  @Field(() => SkillLevel, { nullable: true, description: 'The highest skill level; null = none.' }) maxSkillLevel!: SkillLevel | null;
}

@InputType({ description: 'Which drills: every condition given must hold.' })
export class DrillFilter {
  @Field(() => DrillStatus, { nullable: true, description: 'In this status.' }) status?: DrillStatus | null;
  @Field(() => DrillPhase, { nullable: true, description: 'In this phase now (a cancelled drill is CLOSED).' }) phase?: DrillPhase | null;
  @Field(() => String, { nullable: true, description: 'Open to this trade.' }) trade?: string | null;
}

export enum DrillOrderField {
  OPENS_AT = 'opensAt',
  CREATED_AT = 'createdAt',
  TITLE = 'title',
}
export const DrillOrder = orderInput('Drill', DrillOrderField, {
  fields: 'What to order drills by.',
  values: { OPENS_AT: 'When its window opens.', CREATED_AT: 'When it was created.', TITLE: 'Its title (by pinyin).' },
  input: 'The order of drills (Query.drills).',
});
export type DrillOrder = InstanceType<typeof DrillOrder>;

export const DrillConnection = Connection(Drill, 'Drill');
export type DrillConnection = InstanceType<typeof DrillConnection>;
