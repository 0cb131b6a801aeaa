import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { Node } from '../../common/relay.js';
import type { User } from '../../auth/user.entity.js';
import type { Competition } from './competition.entity.js';
import { CompetitionStatus } from '../enums.js';

@ObjectType({ implements: Node, description: 'One move of a competition’s lifecycle: who, when, why.' })
@Entity()
export class CompetitionTransition extends Node {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne('Competition', { ref: true, deleteRule: 'cascade' }) @Index() competition!: Ref<Competition>;
  @Field(() => CompetitionStatus, { description: 'The status before the move.' }) @Enum({ items: () => CompetitionStatus }) from!: CompetitionStatus;
  @Field(() => CompetitionStatus, { description: 'The status after it (the same as `from` for a moved registration deadline).' }) @Enum({ items: () => CompetitionStatus }) to!: CompetitionStatus;
  @ManyToOne('User', { ref: true, deleteRule: 'restrict' }) by!: Ref<User>;
  @Field(() => String, { nullable: true, description: 'Why, as the organizer wrote it; null when no reason was given.' }) @Property({ type: 'string', length: 1000, nullable: true }) reason: string | null = null;
  @Field({ description: 'When the move was made.' }) @Property({ type: 'Date' }) at: Date = new Date();
}
