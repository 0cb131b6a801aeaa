import { DecimalType, Entity, ManyToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { Node } from '../common/relay.js';
import type { User } from '../auth/user.entity.js';
import { DecimalScalar } from './decimal.js';
import type { Studio } from './studio.entity.js';

@ObjectType({ implements: Node, description: 'A studio’s annual report (年度报告): one per studio and year.' })
@Entity()
@Unique({ properties: ['studio', 'year'] })
export class StudioReport extends Node {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne('Studio', { ref: true, deleteRule: 'cascade' }) studio!: Ref<Studio>;
  @Field(() => Int, { description: 'The calendar year reported on.' }) @Property({ type: 'integer' }) year!: number;
  @Field(() => Int, { description: 'Workers trained (培训职工).' }) @Property({ type: 'integer' }) trainees!: number;
  @Field(() => Int, { description: 'Apprentices mentored (带徒).' }) @Property({ type: 'integer' }) apprenticesMentored!: number;
  @Field(() => Int, { description: 'Projects (攻关项目) completed in the year.' }) @Property({ type: 'integer' }) projectsCompleted!: number;
  @Field(() => Int, { description: 'Patents filed in the year.' }) @Property({ type: 'integer' }) patentsFiled!: number;
  @Field(() => DecimalScalar, { description: 'Economic benefit (经济效益) in yuan.' })
  @Property({ type: new DecimalType('string'), precision: 14, scale: 2 }) economicBenefit!: string;
  @Field({ description: 'The report’s text (工作总结).' }) @Property({ type: 'text' }) summary!: string;
  @ManyToOne('User', { ref: true, deleteRule: 'restrict' }) submittedBy!: Ref<User>;
  @Field({ description: 'When it was first submitted.' }) @Property({ type: 'Date' }) submittedAt: Date = new Date();
  @Field({ description: 'When it was last corrected (or submitted).' }) @Property({ type: 'Date', onUpdate: () => new Date() }) updatedAt: Date = new Date();
  @Field(() => Int, { description: 'Pass it back to correct the report; a stale one is refused (STALE_VERSION).' })
  @Property({ version: true }) version!: number;
}
