import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { Node } from '../common/relay.js';
import type { User } from '../auth/user.entity.js';
import { StudioAction, StudioStatus } from './enums.js';
import type { Studio } from './studio.entity.js';

@ObjectType({ implements: Node, description: 'One recorded move of a studio’s accreditation: who, when, why.' })
@Entity()
export class StudioDecision extends Node {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne('Studio', { ref: true, deleteRule: 'cascade' }) @Index() studio!: Ref<Studio>;
  @Field(() => StudioAction, { description: 'The move made.' }) @Enum({ items: () => StudioAction }) action!: StudioAction;
  @Field(() => StudioStatus, { nullable: true, description: 'Null for the application itself.' })
  @Enum({ items: () => StudioStatus, nullable: true }) from: StudioStatus | null = null;
  @Field(() => StudioStatus, { description: 'The status it led to.' }) @Enum({ items: () => StudioStatus }) to!: StudioStatus;
  /** Field resolver `decidedBy`. */
  @ManyToOne('User', { ref: true, deleteRule: 'restrict' }) by!: Ref<User>;
  @Field(() => String, { nullable: true, description: 'Why, as the decider wrote it (required to reject, request changes, suspend or revoke); null when none was given.' }) @Property({ type: 'string', length: 2000, nullable: true }) comment: string | null = null;
  @Field({ description: 'When the move was made.' }) @Property({ type: 'Date' }) at: Date = new Date();
}
