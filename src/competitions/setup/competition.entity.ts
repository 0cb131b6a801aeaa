import { DecimalType, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { Node } from '../../common/relay.js';
import type { User } from '../../auth/user.entity.js';
import type { Enterprise } from '../../registry/enterprise.entity.js';
import { Level, SkillLevel } from '../../registry/enums.js';
import { AbsentRanking, Aggregation, CompetitionKind, CompetitionStatus, PrizeTierName } from '../enums.js';

@ObjectType({ description: 'One prize tier: a fixed count of places, or a share of ranked entries.' })
export class PrizeTierRule {
  /** Stored as `tier` in the competition's JSON; named `prize` in the schema, as Award.prize. */
  @Field(() => PrizeTierName, { name: 'prize', description: 'The prize (一等奖 …).' }) tier!: PrizeTierName;
  @Field(() => Int, { nullable: true, description: 'A fixed number of places; null when the tier is a share.' }) count?: number | null;
  @Field(() => Float, { nullable: true, description: 'Share of ranked entries, 0–1 (e.g. 0.1 = 10 %), rounded; null when the tier is a count.' }) share?: number | null;
}

@ObjectType({ implements: Node, description: 'A labor or skills competition (岗位练兵, 技术比武, 职业技能大赛).' })
@Entity()
export class Competition extends Node {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Collated "pinyin" in PostgreSQL (Migration20261206200000), so lists order it 李 before 张. */
  @Field({ description: 'Title (竞赛名称); public.' }) @Property({ type: 'string', length: 200 }) title!: string;
  @Field({ description: 'What the competition is about, for entrants; empty when none was given.' }) @Property({ type: 'text' }) description: string = '';

  @Field(() => CompetitionKind, { description: 'Kind of competition (竞赛类型).' }) @Enum({ items: () => CompetitionKind }) @Index() kind!: CompetitionKind;
  @Field(() => Level, { description: 'Level (级别) of the organizing body: sets whose workers its participation rate counts.' }) @Enum({ items: () => Level }) level!: Level;
  @Field({ description: 'Trade (工种) competed in.' }) @Property({ type: 'string', length: 100 }) trade!: string;

  /** Field resolver (loader). */
  @ManyToOne('Enterprise', { ref: true, nullable: true, deleteRule: 'set null' })
  hostEnterprise: Ref<Enterprise> | null = null;

  @Field(() => String, { nullable: true, description: 'District (县区) of a DISTRICT-level competition: its participation rate counts the workers of this district.' })
  @Property({ type: 'string', length: 100, nullable: true }) district: string | null = null;

  @Field(() => Date, { nullable: true, description: 'Entries are refused from this moment (报名截止); null = until registration is closed by hand.' })
  @Property({ type: 'Date', nullable: true }) registrationDeadline: Date | null = null;
  @Field(() => Date, { nullable: true, description: 'When the competition starts; null only for competitions created before it was required.' })
  @Property({ type: 'Date', nullable: true }) @Index() startsAt: Date | null = null;
  @Field(() => Date, { nullable: true, description: 'When the competition ends; null only for competitions created before it was required.' })
  @Property({ type: 'Date', nullable: true }) endsAt: Date | null = null;

  @Field(() => Aggregation, { description: 'How the judges’ marks of a criterion are combined (计分方法).' }) @Enum({ items: () => Aggregation }) aggregation: Aggregation = Aggregation.MEAN;
  @Field(() => AbsentRanking, { description: 'Where entrants who did not show up (ABSENT, 缺考) go in the ranking.' })
  @Enum({ items: () => AbsentRanking, default: AbsentRanking.UNRANKED }) absentRanking: AbsentRanking = AbsentRanking.UNRANKED;

  // Eligibility (exposed as `eligibility` by the resolver).
  @Property({ type: 'text[]' }) eligibleTrades: string[] = [];
  @Enum({ items: () => SkillLevel, nullable: true }) minSkillLevel: SkillLevel | null = null;
  @Enum({ items: () => SkillLevel, nullable: true }) maxSkillLevel: SkillLevel | null = null;
  @Property({ type: 'uuid[]' }) eligibleEnterpriseIds: string[] = [];

  @Field(() => Int, { description: 'Workers per entry; 1 = individual.' }) @Property({ type: 'integer' }) teamSize: number = 1;

  @Field(() => [PrizeTierRule], { description: 'The prizes, highest first: at most 4, one per PrizeTierName; empty when the competition awards none.' })
  @Property({ type: 'json' }) prizeTiers: PrizeTierRule[] = [];
  @Field(() => Int, { description: 'The top N ranked entries’ workers receive TECHNICAL_EXPERT (技术能手) at the competition’s level.' })
  @Property({ type: 'integer' }) honorTopN: number = 0;
  @Field(() => Int, { description: 'The top M ranked entries’ workers are promoted one skill level (at most once a year through competitions).' })
  @Property({ type: 'integer' }) promotionTopM: number = 0;

  @Field(() => Float, { description: '复核抽样比例: the re-check sample (drawRecheckSample) takes every entry in the prize places and at least this share of the others, rounded up to whole entries (0.15 = 15 %, the default).' })
  @Property({ type: new DecimalType('number'), precision: 5, scale: 4, default: 0.15 }) recheckSampleShare: number = 0.15;
  @Field(() => Float, { description: '复核差错率上限: when a stage’s re-check error rate (sampled marks changed ÷ sampled marks checked) exceeds it, every mark of the stage is re-checked before sign-off (0.05 = 5 %, the default).' })
  @Property({ type: new DecimalType('number'), precision: 5, scale: 4, default: 0.05 }) recheckErrorThreshold: number = 0.05;

  @Field(() => CompetitionStatus, { description: 'Where it stands in its lifecycle (竞赛状态); moved by the lifecycle mutations only.' }) @Enum({ items: () => CompetitionStatus }) @Index() status: CompetitionStatus = CompetitionStatus.DRAFT;

  /** The organizer who created it and may change it. */
  @ManyToOne('User', { ref: true, deleteRule: 'restrict' }) @Index() owner!: Ref<User>;

  @Field(() => String, { nullable: true, description: 'Seed of the draw of lots (抽签), recorded so the draw can be reproduced.' })
  @Property({ type: 'string', length: 100, nullable: true }) drawSeed: string | null = null;
  @Field(() => Date, { nullable: true, description: 'When lots were last drawn (drawLots); null before the draw.' }) @Property({ type: 'Date', nullable: true }) drawnAt: Date | null = null;

  /** +1 per change of the leaderboard; lets a client detect a missed event. */
  @Property({ type: 'integer' }) leaderboardVersion: number = 0;

  @Property({ type: 'Date', nullable: true }) frozenAt: Date | null = null;
  /** The leaderboard as it stood at the freeze, served to the public while frozen. */
  @Property({ type: 'json', nullable: true, lazy: true }) frozenLeaderboard: unknown = null;

  @Field(() => Int, { description: 'Appeal window (申诉期) in minutes from publishResults: appeals may be filed until it closes; 0 = no appeals (e.g. a drill). Default 120 (2 hours).' })
  @Property({ type: 'integer', default: 120 }) appealWindowMinutes: number = 120;
  @Field(() => Int, { description: 'Minutes the arbitrators have to rule on an appeal after it is filed (its deadline). Default 1440 (24 hours). A late ruling is still accepted and shows as overdue.' })
  @Property({ type: 'integer', default: 1440 }) arbitrationDeadlineMinutes: number = 1440;
  @Field(() => Date, { nullable: true, description: 'When the provisional results were published (成绩公示, publishResults).' })
  @Property({ type: 'Date', nullable: true }) resultsPublishedAt: Date | null = null;
  @Field(() => Date, { nullable: true, description: 'When the appeal window closes (resultsPublishedAt + appealWindowMinutes); null before publication.' })
  @Property({ type: 'Date', nullable: true }) appealWindowClosesAt: Date | null = null;
  /** When the window's closing was announced to subscribers (once, by whichever instance's timer came first). */
  @Property({ type: 'Date', nullable: true }) appealWindowClosedAnnouncedAt: Date | null = null;

  @Field(() => Date, { nullable: true, description: 'When the results became final (finalizeCompetition); null before.' }) @Property({ type: 'Date', nullable: true }) finalizedAt: Date | null = null;

  @Field({ description: 'When it was created.' }) @Property({ type: 'Date' }) createdAt: Date = new Date();
  @Field({ description: 'When its settings last changed.' }) @Property({ type: 'Date', onUpdate: () => new Date() }) updatedAt: Date = new Date();
  @Property({ version: true }) version!: number;
}
