import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { Node } from '../common/relay.js';
import type { User } from '../auth/user.entity.js';
import type { Enterprise } from '../registry/enterprise.entity.js';
import type { Worker } from '../registry/worker.entity.js';
import { Level } from '../registry/enums.js';
import { StudioKind, StudioStatus } from './enums.js';

@ObjectType({ implements: Node, description: 'An innovation studio (创新工作室) and its accreditation.' })
@Entity()
@Index({ properties: ['status', 'reviewDueAt'] })
export class Studio extends Node {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();

  /** Collated "pinyin" in PostgreSQL (Migration20261206200000), so lists order it 李 before 张. */
  @Field() @Property({ type: 'string', length: 200 }) name!: string;
  @Field(() => StudioKind) @Enum({ items: () => StudioKind }) @Index() kind!: StudioKind;
  @Field(() => Level) @Enum({ items: () => Level }) level!: Level;
  @Field(() => StudioStatus) @Enum({ items: () => StudioStatus }) @Index() status: StudioStatus = StudioStatus.APPLIED;
  @Field() @Property({ type: 'text' }) description: string = '';
  @Field(() => [String], { description: 'Fields of work (攻关方向), e.g. 焊接工艺.' }) @Property({ type: 'text[]' }) focusAreas: string[] = [];

  /** Field resolvers (loaders). */
  @ManyToOne('Enterprise', { ref: true, deleteRule: 'restrict' }) @Index() enterprise!: Ref<Enterprise>;
  @ManyToOne('Worker', { ref: true, deleteRule: 'restrict' }) @Index() leader!: Ref<Worker>;

  /** The STUDIO_MANAGER who applied and manages the studio. */
  @ManyToOne('User', { ref: true, deleteRule: 'restrict' }) @Index() manager!: Ref<User>;

  @Field() @Property({ type: 'Date' }) appliedAt: Date = new Date();
  @Field(() => Date, { nullable: true, description: 'First accreditation.' }) @Property({ type: 'Date', nullable: true }) accreditedAt: Date | null = null;
  @Field(() => Date, { nullable: true, description: 'Re-evaluation (复评) due: three years after accreditation or the last renewal.' })
  @Property({ type: 'Date', nullable: true }) reviewDueAt: Date | null = null;

  @Field() @Property({ type: 'Date' }) createdAt: Date = new Date();
  @Field() @Property({ type: 'Date', onUpdate: () => new Date() }) updatedAt: Date = new Date();
  @Property({ version: true }) version!: number;
}
