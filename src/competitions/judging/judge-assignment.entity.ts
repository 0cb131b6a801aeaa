import { Entity, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { Node } from '../../common/relay.js';
import type { User } from '../../auth/user.entity.js';
import type { Competition } from '../setup/competition.entity.js';

/** A judge on a competition's panel for some stages. Removal keeps the row (removedAt), so the panel's history stays. */
@ObjectType({ implements: Node, description: 'A judge (裁判) assigned to stages of a competition.' })
@Entity()
@Index({ properties: ['competition', 'user'] })
export class JudgeAssignment extends Node {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne('Competition', { ref: true, deleteRule: 'cascade' }) competition!: Ref<Competition>;
  @ManyToOne('User', { ref: true, deleteRule: 'restrict' }) @Index() user!: Ref<User>;
  @Property({ type: 'uuid[]' }) stageIds: string[] = [];
  /** A substitute's scope: the only entries this judge marks; null = every entry (issue 12 §3). */
  @Property({ type: 'uuid[]', nullable: true }) entryIds: string[] | null = null;
  @Field({ description: 'Chief judge (裁判长).' }) @Property({ type: 'boolean' }) chief: boolean = false;
  /** The judge's enterprise when assigned (from their registry worker): conflict-of-interest checks use it. */
  @Property({ type: 'uuid', nullable: true }) enterpriseId: string | null = null;
  /** Required when the panel changes during the competition; shown by JudgeResolver.reason (the jury's and the seat holder's). */
  @Property({ type: 'string', length: 1000, nullable: true }) reason: string | null = null;
  @Field({ description: 'When the judge was (first) assigned.' }) @Property({ type: 'Date' }) assignedAt: Date = new Date();
  @Field(() => Date, { nullable: true, description: 'When the judge was taken off the panel; null while on it.' }) @Property({ type: 'Date', nullable: true }) removedAt: Date | null = null;
  /** Shown by JudgeResolver.removedReason (the jury's and the seat holder's). */
  @Property({ type: 'string', length: 1000, nullable: true }) removedReason: string | null = null;
}
