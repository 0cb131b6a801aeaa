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
  @Field({ description: 'The studio’s name, e.g. 王晓明劳模创新工作室.' }) @Property({ type: 'string', length: 200 }) name!: string;
  @Field(() => StudioKind, { description: 'Its kind, which sets the rule its leader must meet.' }) @Enum({ items: () => StudioKind }) @Index() kind!: StudioKind;
  @Field(() => Level, { description: 'The level (级别) it is accredited at or applies for: enterprise, district, city …' }) @Enum({ items: () => Level }) level!: Level;
  @Field(() => StudioStatus, { description: 'Accreditation (认定) state.' }) @Enum({ items: () => StudioStatus }) @Index() status: StudioStatus = StudioStatus.APPLIED;
  @Field({ description: 'What the studio works on, as the applicant wrote it; may be empty.' }) @Property({ type: 'text' }) description: string = '';
  @Field(() => [String], { description: 'Fields of work (攻关方向), e.g. 焊接工艺: at most 20, each 1 to 100 characters.' }) @Property({ type: 'text[]' }) focusAreas: string[] = [];

  /** Field resolvers (loaders). */
  @ManyToOne('Enterprise', { ref: true, deleteRule: 'restrict' }) @Index() enterprise!: Ref<Enterprise>;
  @ManyToOne('Worker', { ref: true, deleteRule: 'restrict' }) @Index() leader!: Ref<Worker>;

  /** The STUDIO_MANAGER who applied and manages the studio. */
  @ManyToOne('User', { ref: true, deleteRule: 'restrict' }) @Index() manager!: Ref<User>;

  @Field({ description: 'When the application was made.' }) @Property({ type: 'Date' }) appliedAt: Date = new Date();
  @Field(() => Date, { nullable: true, description: 'First accreditation.' }) @Property({ type: 'Date', nullable: true }) accreditedAt: Date | null = null;
  @Field(() => Date, { nullable: true, description: 'Re-evaluation (复评) due: three years after accreditation or the last renewal.' })
  @Property({ type: 'Date', nullable: true }) reviewDueAt: Date | null = null;

  @Field({ description: 'When the record was created (the application).' }) @Property({ type: 'Date' }) createdAt: Date = new Date();
  @Field({ description: 'When the record last changed.' }) @Property({ type: 'Date', onUpdate: () => new Date() }) updatedAt: Date = new Date();
  @Property({ version: true }) version!: number;
}
