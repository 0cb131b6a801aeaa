import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { Node } from '../common/relay.js';
import type { User } from '../auth/user.entity.js';
import type { OperatingMethod } from './operating-method.entity.js';

@ObjectType({ implements: Node, description: 'One expert’s review (专家评审) of a method: four scores of 0–25, a comment, a recommendation.' })
@Entity()
@Unique({ properties: ['method', 'reviewer'] })
export class ExpertReview extends Node {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne('OperatingMethod', { ref: true, deleteRule: 'cascade' }) method!: Ref<OperatingMethod>;
  /** Field resolver `reviewerName`. */
  @ManyToOne('User', { ref: true, deleteRule: 'restrict' }) @Index() reviewer!: Ref<User>;
  @Field(() => Int, { description: '创新性, 0–25.' }) @Property({ type: 'smallint' }) innovation!: number;
  @Field(() => Int, { description: '实用性, 0–25.' }) @Property({ type: 'smallint' }) practicality!: number;
  @Field(() => Int, { description: '效益, 0–25.' }) @Property({ type: 'smallint' }) benefit!: number;
  @Field(() => Int, { description: '推广性, 0–25.' }) @Property({ type: 'smallint' }) promotability!: number;
  @Field(() => Int, { description: 'Sum of the four, 0–100.' }) @Property({ type: 'smallint' }) total!: number;
  @Field({ description: 'The expert’s opinion (评审意见).' }) @Property({ type: 'text' }) comment!: string;
  @Field({ description: 'Whether the expert recommends naming it.' }) @Property({ type: 'boolean' }) recommend!: boolean;
  @Field({ description: 'When the review was first given.' }) @Property({ type: 'Date' }) submittedAt: Date = new Date();
  @Field({ description: 'When it was last corrected (equal to submittedAt when never corrected).' }) @Property({ type: 'Date' }) updatedAt: Date = new Date();
}

@ObjectType({ implements: Node, description: 'A replaced version of an expert review, kept when the reviewer corrected it.' })
@Entity()
export class ExpertReviewRevision extends Node {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne('ExpertReview', { ref: true, deleteRule: 'cascade' }) @Index() review!: Ref<ExpertReview>;
  @Field(() => Int, { description: '创新性 as then given, 0–25.' }) @Property({ type: 'smallint' }) innovation!: number;
  @Field(() => Int, { description: '实用性 as then given, 0–25.' }) @Property({ type: 'smallint' }) practicality!: number;
  @Field(() => Int, { description: '效益 as then given, 0–25.' }) @Property({ type: 'smallint' }) benefit!: number;
  @Field(() => Int, { description: '推广性 as then given, 0–25.' }) @Property({ type: 'smallint' }) promotability!: number;
  @Field(() => Int, { description: 'Sum of the four as then given, 0–100.' }) @Property({ type: 'smallint' }) total!: number;
  @Field({ description: 'The opinion as then given.' }) @Property({ type: 'text' }) comment!: string;
  @Field({ description: 'The recommendation as then given.' }) @Property({ type: 'boolean' }) recommend!: boolean;
  @Field({ description: 'When this version was given.' }) @Property({ type: 'Date' }) givenAt!: Date;
  @Field({ description: 'When the correction replaced it.' }) @Property({ type: 'Date' }) replacedAt: Date = new Date();
}
