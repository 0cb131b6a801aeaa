import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { Node } from '../common/relay.js';
import { DateScalar } from '../common/date.js';
import type { User } from '../auth/user.entity.js';
import { HonorKind, Level, SkillLevel } from '../registry/enums.js';
import { CampaignStatus } from './enums.js';

@ObjectType({ description: 'A published review criterion (评审标准) of a campaign: each reviewer marks it from 0 to its maximum.' })
export class CampaignCriterion {
  @Field({ description: 'What is judged, e.g. 技能水平, 创新成果, 传帮带.' }) name!: string;
  @Field(() => Int, { description: 'The most marks it gives (1–100).' }) maxScore!: number;
}

@ObjectType({ description: 'Who may be nominated (推荐条件); every condition given must hold.' })
export class CampaignEligibility {
  @Field(() => [String], { description: 'Trades (工种) whose workers may be nominated (at most 50); empty = any trade.' }) trades!: string[];
  @Field(() => SkillLevel, { nullable: true, description: 'The lowest skill level a nominee holds; null = any.' }) minSkillLevel!: SkillLevel | null;
  @Field(() => [HonorKind], { description: 'A nominee must already hold (unrevoked) at least one of these honors; empty = none needed.' }) requiredHonorKinds!: HonorKind[];
  @Field(() => Int, { nullable: true, description: 'Years in the trade at least (this year − the worker’s tradeStartYear); null = no minimum.' }) minYearsInTrade!: number | null;
}

@ObjectType({ implements: Node, description: 'An honor selection campaign (评选表彰): nominations, review, vetting, public notice (公示), conferral (表彰).' })
@Entity()
export class HonorCampaign extends Node {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  /** Collated "pinyin" in PostgreSQL (its migration), so lists order it 李 before 张. */
  @Field({ description: 'Title, e.g. 2027年度港城大工匠评选; public.' }) @Property({ type: 'string', length: 200 }) title!: string;
  @Field(() => HonorKind, { description: 'The honor conferred (or recommended).' }) @Enum({ items: () => HonorKind }) honorKind!: HonorKind;
  @Field(() => Level, { description: 'The level of the honor: PROVINCE or NATIONAL campaigns end in the city’s recommendation list, not a conferral.' })
  @Enum({ items: () => Level }) level!: Level;
  @Field(() => Int, { description: 'The year of the honor.' }) @Property({ type: 'integer' }) @Index() year!: number;
  @Property({ type: 'text[]' }) eligibleTrades: string[] = [];
  @Enum({ items: () => SkillLevel, nullable: true }) minSkillLevel: SkillLevel | null = null;
  @Property({ type: 'text[]' }) requiredHonorKinds: HonorKind[] = [];
  @Property({ type: 'integer', nullable: true }) minYearsInTrade: number | null = null;
  @Field(() => Int, { description: 'Places (名额), 1–1000.' }) @Property({ type: 'integer' }) quota!: number;
  @Field(() => Int, { description: 'At least this percentage of the places goes to front-line workers (一线职工): ceil(share × quota) places, 0–100.' })
  @Property({ type: 'integer' }) frontLineSharePercent: number = 0;
  @Field(() => DateScalar, { description: 'First day of the nomination window (推荐期), China time.' }) @Property({ type: 'date' }) nominationOpensOn!: string;
  @Field(() => DateScalar, { description: 'Last day of the nomination window, China time.' }) @Property({ type: 'date' }) nominationClosesOn!: string;
  @Field(() => Int, { description: 'Nominations per enterprise at most (推荐名额).' }) @Property({ type: 'integer' }) perEnterpriseCap!: number;
  @Field(() => [CampaignCriterion], { description: 'The published review criteria, in order (1–10 of them).' }) @Property({ type: 'json' }) criteria: CampaignCriterion[] = [];
  /** User ids of the review panel (REVIEWERs); field resolver `reviewers`. */
  @Property({ type: 'uuid[]' }) reviewerIds: string[] = [];
  @Field(() => [String], { description: 'The departments that vet every nominee before the notice (联审部门), e.g. 纪检监察, 安全生产, 税务, 信访 (1–10).' })
  @Property({ type: 'text[]' }) vettingDepartments: string[] = [];
  @Field(() => Int, { description: 'The notice period (公示期) in working days on the working-day calendar.' }) @Property({ type: 'integer' }) noticeWorkingDays: number = 5;
  @Field(() => CampaignStatus, { description: 'Where it stands.' }) @Enum({ items: () => CampaignStatus }) @Index() status: CampaignStatus = CampaignStatus.NOMINATING;
  /** The organizer who opened it: runs it, and alone sees who lodged an objection. */
  @ManyToOne('User', { ref: true, deleteRule: 'restrict' }) @Index() organizer!: Ref<User>;
  @Field({ description: 'When it was opened.' }) @Property({ type: 'Date' }) createdAt: Date = new Date();
  @Field(() => String, { nullable: true, description: 'The document number (文号) of the conferral or of the recommendation; null until concluded.' })
  @Property({ type: 'string', length: 100, nullable: true }) documentNumber: string | null = null;
  @Field(() => Date, { nullable: true, description: 'When it was concluded (conferred or recommended) or cancelled.' }) @Property({ type: 'Date', nullable: true }) concludedAt: Date | null = null;
  @Property({ version: true }) version!: number;
}
