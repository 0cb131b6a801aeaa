import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { Node } from '../common/relay.js';
import type { Worker } from '../registry/worker.entity.js';
import { StudioMemberRole } from './enums.js';
import type { Studio } from './studio.entity.js';

@ObjectType({ implements: Node, description: 'A worker in a studio, with their role; apprentices have a mentor (师带徒).' })
@Entity()
@Unique({ properties: ['studio', 'worker'] })
export class StudioMember extends Node {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne('Studio', { ref: true, deleteRule: 'cascade' }) studio!: Ref<Studio>;
  /** Field resolvers `worker` / `name` (loader). */
  @ManyToOne('Worker', { ref: true, deleteRule: 'restrict' }) @Index() worker!: Ref<Worker>;
  @Field(() => StudioMemberRole, { description: 'Their role in the studio.' }) @Enum({ items: () => StudioMemberRole }) role!: StudioMemberRole;
  @ManyToOne('Worker', { ref: true, nullable: true, deleteRule: 'restrict' }) mentor: Ref<Worker> | null = null;
  @Field({ description: 'When they joined the studio (the leader: with the application or when named leader).' }) @Property({ type: 'Date' }) joinedAt: Date = new Date();
}
