import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { Node } from '../common/relay.js';
import type { User } from '../auth/user.entity.js';
import type { Enterprise } from '../registry/enterprise.entity.js';
import type { Worker } from '../registry/worker.entity.js';
import type { Studio } from '../studios/studio.entity.js';
import { ProjectStage } from './enums.js';

@ObjectType({ implements: Node, description: 'A workers’ innovation project in incubation (孵化项目), passing stage gates.' })
@Entity()
export class IncubationProject extends Node {
  /** Collated "pinyin" in PostgreSQL (Migration20261206200000), so lists order it 李 before 张. */
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Field({ description: 'The project’s title (public).' }) @Property({ type: 'string', length: 200 }) title!: string;
  @Field({ description: 'What the project is about (public).' }) @Property({ type: 'text' }) summary!: string;
  @Field({ description: 'Field of technology, e.g. 智能制造.' }) @Property({ type: 'string', length: 100 }) @Index() field!: string;
  @Field(() => ProjectStage, { description: 'Where it stands: IDEA → INCUBATING → PILOT → GRADUATED, or TERMINATED.' }) @Enum({ items: () => ProjectStage }) @Index() stage: ProjectStage = ProjectStage.IDEA;
  /** Field resolvers (loaders). */
  @ManyToOne('Worker', { ref: true, deleteRule: 'restrict' }) @Index() leadWorker!: Ref<Worker>;
  /** The lead worker's enterprise at creation: conflicts of interest and the overview's district. */
  @ManyToOne('Enterprise', { ref: true, deleteRule: 'restrict' }) @Index() enterprise!: Ref<Enterprise>;
  @ManyToOne('Studio', { ref: true, nullable: true, deleteRule: 'restrict' }) @Index() studio: Ref<Studio> | null = null;
  /** Who created it and runs it (partners, funding, milestones). */
  @ManyToOne('User', { ref: true, deleteRule: 'restrict' }) @Index() owner!: Ref<User>;
  @Field(() => String, { nullable: true, description: 'Why it was terminated (the KILL decision’s comment); null unless TERMINATED.' })
  @Property({ type: 'string', length: 2000, nullable: true }) terminationReason: string | null = null;
  @Field({ description: 'When it was started.' }) @Property({ type: 'Date' }) createdAt: Date = new Date();
  @Field({ description: 'When it, its partners, funding or milestones last changed.' }) @Property({ type: 'Date', onUpdate: () => new Date() }) updatedAt: Date = new Date();
  @Field(() => Int, { description: 'Raised by every change of the project or its partners, funding and milestones: pass it back as `version` when correcting a partner or milestone, to be told (STALE_VERSION) of a change you have not seen.' })
  @Property({ version: true }) version!: number;
}
