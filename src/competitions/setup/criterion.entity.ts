import { DecimalType, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { Node } from '../../common/relay.js';
import type { Competition } from './competition.entity.js';
import type { Stage } from './stage.entity.js';
import { CriterionKind } from '../enums.js';

@ObjectType({ implements: Node, description: 'A criterion (评分项) of a stage.' })
@Entity()
export class Criterion extends Node {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne('Stage', { ref: true, deleteRule: 'cascade' }) @Index() stage!: Ref<Stage>;
  /** Denormalized for one-query loads of a whole scheme. */
  @ManyToOne('Competition', { ref: true, deleteRule: 'cascade' }) @Index() competition!: Ref<Competition>;
  @Field({ description: 'Name; public.' }) @Property({ type: 'string', length: 200 }) name!: string;
  @Field(() => CriterionKind, { description: 'Measured (客观评分) or judged (主观评分).' }) @Enum({ items: () => CriterionKind }) kind!: CriterionKind;
  @Field(() => Float, { description: 'The highest mark, in points (two decimals).' }) @Property({ type: new DecimalType('number'), precision: 7, scale: 2 }) maxScore!: number;
  @Field({ description: 'What judges look for; empty when none was given.' }) @Property({ type: 'text' }) description: string = '';
  @Field(() => Int, { description: '0-based place within its stage.' }) @Property({ type: 'integer' }) position!: number;
}
