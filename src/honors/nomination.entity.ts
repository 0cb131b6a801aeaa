import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique, type Ref, DecimalType } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { Node } from '../common/relay.js';
import { DateScalar } from '../common/date.js';
import type { User } from '../auth/user.entity.js';
import type { Enterprise } from '../registry/enterprise.entity.js';
import type { Worker } from '../registry/worker.entity.js';
import { NominationStatus } from './enums.js';
import type { HonorCampaign } from './campaign.entity.js';

@ObjectType({ implements: Node, description: 'A worker nominated (推荐) for a campaign by their enterprise, with a statement and registry evidence.' })
@Entity()
@Unique({ properties: ['campaign', 'worker'] })
@Index({ properties: ['campaign', 'enterprise'] })
export class Nomination extends Node {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne('HonorCampaign', { ref: true, deleteRule: 'cascade' }) campaign!: Ref<HonorCampaign>;
  @ManyToOne('Worker', { ref: true, deleteRule: 'restrict' }) @Index() worker!: Ref<Worker>;
  /** The worker's enterprise when nominated: the cap, the nominator's scope and reviewers' conflicts use it. */
  @ManyToOne('Enterprise', { ref: true, deleteRule: 'restrict' }) enterprise!: Ref<Enterprise>;
  @ManyToOne('User', { ref: true, deleteRule: 'restrict' }) nominatedBy!: Ref<User>;
  @Field({ description: 'Front-line worker (一线职工) when nominated: the front-line places go by this.' }) @Property({ type: 'boolean' }) frontLine!: boolean;
  @Field({ description: 'The nominating statement (推荐事迹); at most 5000 characters.' }) @Property({ type: 'text' }) statement!: string;
  @Property({ type: 'uuid[]' }) innovationIds: string[] = [];
  @Property({ type: 'uuid[]' }) methodIds: string[] = [];
  @Property({ type: 'uuid[]' }) awardIds: string[] = [];
  @Field(() => DateScalar, { description: 'First day of the notice inside the enterprise (企业内部公示).' }) @Property({ type: 'date' }) internalNoticeFrom!: string;
  @Field(() => DateScalar, { description: 'Last day of the notice inside the enterprise.' }) @Property({ type: 'date' }) internalNoticeTo!: string;
  @Field(() => NominationStatus, { description: 'Where it stands.' }) @Enum({ items: () => NominationStatus }) @Index() status: NominationStatus = NominationStatus.NOMINATED;
  @Field(() => Float, { description: 'The review score: the mean of the panel reviewers’ totals, two decimals; set when the shortlist is published, 0 before.' })
  @Property({ type: new DecimalType('number'), precision: 7, scale: 2, default: 0 }) score: number = 0;
  @Field(() => DateScalar, { nullable: true, description: 'First day of its public notice (公示); null unless shortlisted at some point.' })
  @Property({ type: 'date', nullable: true }) noticeStartsOn: string | null = null;
  @Field(() => DateScalar, { nullable: true, description: 'Last day of its public notice (a working day); null unless shortlisted at some point.' })
  @Property({ type: 'date', nullable: true }) noticeEndsOn: string | null = null;
  @Field({ description: 'When it was made.' }) @Property({ type: 'Date' }) nominatedAt: Date = new Date();
}

/** One reviewer's marks for one nomination, one per criterion in the campaign's order; a second scoring replaces the first. */
@ObjectType({ description: 'A reviewer’s marks for a nomination (评审打分).' })
@Entity()
@Unique({ properties: ['nomination', 'reviewer'] })
export class NominationScore {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne('Nomination', { ref: true, deleteRule: 'cascade' }) @Index() nomination!: Ref<Nomination>;
  @ManyToOne('User', { ref: true, deleteRule: 'restrict' }) reviewer!: Ref<User>;
  @Field(() => [Int], { description: 'Marks per criterion, in the campaign’s criteria order.' }) @Property({ type: 'json' }) marks: number[] = [];
  @Field(() => Int, { description: 'The sum of the marks.' }) @Property({ type: 'integer' }) total!: number;
  @Field({ description: 'When it was (last) given.' }) @Property({ type: 'Date' }) scoredAt: Date = new Date();
}

/** A vetting department's answer for one nominee (联审意见); a second one replaces the first. */
@ObjectType({ description: 'A vetting department’s clearance of a nominee (联审意见).' })
@Entity()
@Unique({ properties: ['nomination', 'department'] })
export class VettingClearance {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne('Nomination', { ref: true, deleteRule: 'cascade' }) @Index() nomination!: Ref<Nomination>;
  @Field({ description: 'The department (one of the campaign’s vettingDepartments).' }) @Property({ type: 'string', length: 100 }) department!: string;
  @Field({ description: 'True: nothing against the nominee. False: the nominee cannot go to notice and is not ranked.' }) @Property({ type: 'boolean' }) cleared!: boolean;
  @Field({ description: 'The department’s note; may be empty.' }) @Property({ type: 'text' }) note: string = '';
  @ManyToOne('User', { ref: true, deleteRule: 'restrict' }) recordedBy!: Ref<User>;
  @Field({ description: 'When it was recorded.' }) @Property({ type: 'Date' }) recordedAt: Date = new Date();
}
