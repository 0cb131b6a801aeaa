import { DecimalType, Entity, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { Node } from '../common/relay.js';
import type { User } from '../auth/user.entity.js';
import type { Enterprise } from '../registry/enterprise.entity.js';
import { DecimalScalar } from '../studios/decimal.js';
import type { OperatingMethod } from './operating-method.entity.js';

@ObjectType({ implements: Node, description: 'An enterprise adopting a named method (推广应用).' })
@Entity()
export class MethodAdoption extends Node {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne('OperatingMethod', { ref: true, deleteRule: 'cascade' }) @Index() method!: Ref<OperatingMethod>;
  /** Field resolver (loader). */
  @ManyToOne('Enterprise', { ref: true, deleteRule: 'restrict' }) @Index() enterprise!: Ref<Enterprise>;
  @Field({ description: 'When the enterprise adopted it.' }) @Property({ type: 'Date' }) @Index() adoptedAt!: Date;
  @Field(() => Int, { description: 'Workers the enterprise trained in the method.' }) @Property({ type: 'integer' }) workersTrained!: number;
  @Field(() => DecimalScalar, { description: 'Economic benefit (经济效益) in yuan.' })
  @Property({ type: new DecimalType('string'), precision: 14, scale: 2 }) economicBenefit!: string;
  @ManyToOne('User', { ref: true, deleteRule: 'restrict' }) recordedBy!: Ref<User>;
  @Field({ description: 'When the adoption was recorded here.' }) @Property({ type: 'Date' }) recordedAt: Date = new Date();
}
