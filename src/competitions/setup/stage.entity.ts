import { DecimalType, Entity, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { Node } from '../../common/relay.js';
import type { Competition } from './competition.entity.js';

@ObjectType({ implements: Node, description: 'A stage (赛段) of the marking scheme, e.g. theory 30 %, practical 70 %.' })
@Entity()
export class Stage extends Node {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne('Competition', { ref: true, deleteRule: 'cascade' }) @Index() competition!: Ref<Competition>;
  @Field({ description: 'Name, e.g. 理论 or 实操; public.' }) @Property({ type: 'string', length: 100 }) name!: string;
  @Field(() => Float, { description: 'Weight in percent; the stages’ weights sum to 100.' })
  @Property({ type: new DecimalType('number'), precision: 5, scale: 2 }) weight!: number;
  @Field(() => Int, { description: '0-based place among the competition’s stages.' }) @Property({ type: 'integer' }) position!: number;
  @Field({ description: 'Anonymous marking (加密评分): judged from a workpiece or paper without the entrant present, by marking code (加密号). OFF for a stage judged at the station in the entrant’s presence.' })
  @Property({ type: 'boolean', default: false }) anonymous: boolean = false;
  @Field(() => Date, { nullable: true, description: 'When marking of this stage closed: on its own (closeStageMarking) or with the competition’s scoring (closeScoring); null while open (reopenScoring clears it).' })
  @Property({ type: 'Date', nullable: true }) markingClosedAt: Date | null = null;
}
