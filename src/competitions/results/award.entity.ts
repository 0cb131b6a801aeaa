import { DecimalType, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { Node } from '../../common/relay.js';
import { SkillLevel } from '../../registry/enums.js';
import type { Competition } from '../setup/competition.entity.js';
import type { Entry } from '../entries/entry.entity.js';
import { PrizeTierName } from '../enums.js';

/** A promotion as stored in Award.promotions (json): the worker's uuid and the levels. */
export interface StoredAwardPromotion {
  workerId: string;
  from: SkillLevel | null;
  to: SkillLevel;
}

@ObjectType({ description: 'A skill-level promotion (晋级) granted by a competition to one worker of a top-M entry, written to their skill-level history.' })
export class AwardPromotion {
  /** The worker's uuid; `worker` (award.resolver.ts) loads them. */
  workerId!: string;
  @Field(() => SkillLevel, { nullable: true, description: 'The worker’s level before (技能等级); null when they held none.' }) from!: SkillLevel | null;
  @Field(() => SkillLevel, { description: 'The worker’s level after: one step above `from`.' }) to!: SkillLevel;
}

/** The result of a finalized competition for one ranked entry (奖项): immutable once written. */
@ObjectType({ implements: Node, description: 'What a ranked entry won at finalization (奖项).' })
@Entity()
export class Award extends Node {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne('Competition', { ref: true, deleteRule: 'cascade' }) @Index() competition!: Ref<Competition>;
  @ManyToOne('Entry', { ref: true, deleteRule: 'cascade' }) @Index() entry!: Ref<Entry>;
  @Field(() => Int, { description: 'Final rank (名次), standard competition ranking (1, 2, 2, 4).' }) @Property({ type: 'integer' }) rank!: number;
  @Field(() => Float, { description: 'Final total (总分), 0–100, two decimals, as the leaderboard computed it at finalization.' }) @Property({ type: new DecimalType('number'), precision: 7, scale: 2 }) total!: number;
  @Field(() => PrizeTierName, { nullable: true, description: 'The prize tier won (一等奖 …); null for a ranked entry outside the prize places.' }) @Enum({ items: () => PrizeTierName, nullable: true }) prize: PrizeTierName | null = null;
  @Field({ description: 'TECHNICAL_EXPERT (技术能手) granted to the entry’s workers.' }) @Property({ type: 'boolean' }) honorGranted: boolean = false;
  @Property({ type: 'json' }) promotions: StoredAwardPromotion[] = [];
  @Field({ description: 'When the competition was finalized and this award written.' }) @Property({ type: 'Date' }) createdAt: Date = new Date();
}
