import { Entity, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { Node } from '../../common/relay.js';
import type { User } from '../../auth/user.entity.js';
import type { Competition } from '../setup/competition.entity.js';
import type { Stage } from '../setup/stage.entity.js';

/** One criterion of one entry short of marks, as recorded when the gap was accepted. */
export interface RecordedGap {
  entryId: string;
  criterionId: string;
  /** Marks missing then (expected − received). */
  missing: number;
}

/**
 * The chief judge's acceptance (裁判长确认) that marks are missing, with a reason: closing a stage's
 * marking or the competition's scoring is refused while marks are missing unless every missing mark
 * is covered by an acceptance. `gaps` is exactly what was missing at that moment.
 */
@ObjectType({ implements: Node, description: 'The chief judge’s recorded acceptance (裁判长确认) of marks that are missing, so marking may close without them.' })
@Entity()
export class MarkingGapAcceptance extends Node {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne('Competition', { ref: true, deleteRule: 'cascade' }) @Index() competition!: Ref<Competition>;
  /** The stage whose gaps were accepted; null: every stage. */
  @ManyToOne('Stage', { ref: true, nullable: true, deleteRule: 'cascade' }) stage: Ref<Stage> | null = null;
  @ManyToOne('User', { ref: true, deleteRule: 'restrict' }) acceptedBy!: Ref<User>;
  @Field({ description: 'When the chief judge accepted the gap.' }) @Property({ type: 'Date' }) acceptedAt: Date = new Date();
  @Field({ description: 'Why the marks may stay missing (e.g. a judge fell ill).' }) @Property({ type: 'string', length: 1000 }) reason!: string;
  @Property({ type: 'json' }) gaps: RecordedGap[] = [];
}
