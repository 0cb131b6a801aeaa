import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { Node } from '../common/relay.js';
import type { User } from '../auth/user.entity.js';
import type { Enterprise } from '../registry/enterprise.entity.js';
import type { Studio } from '../studios/studio.entity.js';
import { MethodStatus } from './enums.js';

@ObjectType({ implements: Node, description: 'An advanced operating method (先进操作法): submitted, reviewed by experts, named, promoted.' })
@Entity()
export class OperatingMethod extends Node {
  /** Collated "pinyin" in PostgreSQL (Migration20261206200000), so lists order it 李 before 张. */
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Field({ description: 'The name the inventors proposed (拟命名); public with the method.' }) @Property({ type: 'string', length: 200 }) proposedName!: string;
  @Field(() => String, { nullable: true, description: 'Set when NAMED; unique; contains the lead inventor’s name, e.g. 王晓明高效焊接法.' })
  @Property({ type: 'string', length: 200, nullable: true, unique: true }) officialName: string | null = null;
  @Field(() => MethodStatus, { description: 'Where it stands in review (SUBMITTED → UNDER_REVIEW → NAMED or REJECTED).' }) @Enum({ items: () => MethodStatus }) @Index() status: MethodStatus = MethodStatus.SUBMITTED;
  /** Worker ids, the lead inventor first; a GIN index serves `worker.operatingMethods`. */
  @Property({ type: 'uuid[]' }) @Index({ type: 'gin' }) inventorIds: string[] = [];
  /** Enterprises of the inventors and of the studio at submission: reviewers from them have a conflict of interest. */
  @Property({ type: 'uuid[]' }) enterpriseIds: string[] = [];
  /** The lead inventor's enterprise: the overview counts the method in its district. */
  @ManyToOne('Enterprise', { ref: true, deleteRule: 'restrict' }) @Index() enterprise!: Ref<Enterprise>;
  @ManyToOne('Studio', { ref: true, nullable: true, deleteRule: 'restrict' }) @Index() studio: Ref<Studio> | null = null;
  @Field({ description: 'Trade (工种) the method is for.' }) @Property({ type: 'string', length: 100 }) @Index() trade!: string;
  @Field({ description: 'What the method is and what it solves.' }) @Property({ type: 'text' }) summary!: string;
  @Field(() => [String], { description: 'The steps of the method, in order.' }) @Property({ type: 'text[]' }) steps: string[] = [];
  @Field({ description: 'Expected benefit, as described by the inventors.' }) @Property({ type: 'text' }) expectedBenefit!: string;
  @ManyToOne('User', { ref: true, deleteRule: 'restrict' }) @Index() submittedBy!: Ref<User>;
  @Field({ description: 'When it was submitted.' }) @Property({ type: 'Date' }) submittedAt: Date = new Date();
  @Field(() => Date, { nullable: true, description: 'When it was named (命名); null unless NAMED.' }) @Property({ type: 'Date', nullable: true }) namedAt: Date | null = null;
  @Field(() => Date, { nullable: true, description: 'When it was rejected; null unless REJECTED.' }) @Property({ type: 'Date', nullable: true }) rejectedAt: Date | null = null;
  @Field(() => String, { nullable: true, description: 'Why it was rejected; null unless REJECTED.' }) @Property({ type: 'string', length: 2000, nullable: true }) rejectionReason: string | null = null;
  @Property({ version: true }) version!: number;
}
