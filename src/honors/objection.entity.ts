import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { Node } from '../common/relay.js';
import type { User } from '../auth/user.entity.js';
import { ObjectionStatus } from './enums.js';
import type { HonorCampaign } from './campaign.entity.js';
import type { Nomination } from './nomination.entity.js';

@ObjectType({ implements: Node, description: 'An objection (异议) to a shortlisted nominee during the public notice; who lodged it only the campaign’s organizer sees.' })
@Entity()
export class Objection extends Node {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne('HonorCampaign', { ref: true, deleteRule: 'cascade' }) @Index() campaign!: Ref<HonorCampaign>;
  @ManyToOne('Nomination', { ref: true, deleteRule: 'cascade' }) @Index() nomination!: Ref<Nomination>;
  @ManyToOne('User', { ref: true, deleteRule: 'restrict' }) @Index() lodgedBy!: Ref<User>;
  @Field({ description: 'The grounds (异议理由); at most 5000 characters.' }) @Property({ type: 'text' }) grounds!: string;
  @Field(() => ObjectionStatus, { description: 'Where it stands.' }) @Enum({ items: () => ObjectionStatus }) @Index() status: ObjectionStatus = ObjectionStatus.OPEN;
  @Field(() => String, { nullable: true, description: 'The organizer’s finding (处理意见); null while OPEN.' }) @Property({ type: 'text', nullable: true }) resolution: string | null = null;
  @Field({ description: 'When it was lodged.' }) @Property({ type: 'Date' }) lodgedAt: Date = new Date();
  @Field(() => Date, { nullable: true, description: 'When it was resolved; null while OPEN.' }) @Property({ type: 'Date', nullable: true }) resolvedAt: Date | null = null;
}
