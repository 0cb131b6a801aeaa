import { DecimalType, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { Node } from '../../common/relay.js';
import { SkillLevel } from '../../registry/enums.js';
import type { Competition } from '../setup/competition.entity.js';
import type { Entry } from '../entries/entry.entity.js';
import { PrizeTierName } from '../enums.js';

@ObjectType({ description: 'A skill-level promotion granted by a competition.' })
export class AwardPromotion {
  @Field() workerId!: string;
  @Field(() => SkillLevel, { nullable: true }) from!: SkillLevel | null;
  @Field(() => SkillLevel) to!: SkillLevel;
}

/** The result of a finalized competition for one ranked entry (奖项): immutable once written. */
@ObjectType({ implements: Node, description: 'What a ranked entry won at finalization (奖项).' })
@Entity()
export class Award extends Node {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne('Competition', { ref: true, deleteRule: 'cascade' }) @Index() competition!: Ref<Competition>;
  @ManyToOne('Entry', { ref: true, deleteRule: 'cascade' }) @Index() entry!: Ref<Entry>;
  @Field(() => Int) @Property({ type: 'integer' }) rank!: number;
  @Field(() => Float) @Property({ type: new DecimalType('number'), precision: 7, scale: 2 }) total!: number;
  @Field(() => PrizeTierName, { nullable: true }) @Enum({ items: () => PrizeTierName, nullable: true }) prize: PrizeTierName | null = null;
  @Field({ description: 'TECHNICAL_EXPERT (技术能手) granted to the entry’s workers.' }) @Property({ type: 'boolean' }) honorGranted: boolean = false;
  @Property({ type: 'json' }) promotions: AwardPromotion[] = [];
  @Field() @Property({ type: 'Date' }) createdAt: Date = new Date();
}
