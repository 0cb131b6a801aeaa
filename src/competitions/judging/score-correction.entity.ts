import { DecimalType, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { Node } from '../../common/relay.js';
import type { User } from '../../auth/user.entity.js';
import type { Competition } from '../setup/competition.entity.js';
import type { Score } from './score.entity.js';
import type { ScoreRevision } from './score-revision.entity.js';

export enum ScoreCorrectionStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}
registerEnumType(ScoreCorrectionStatus, {
  name: 'ScoreCorrectionStatus',
  description: 'Where a request to correct a mark stands: PENDING (awaiting the chief judge), APPROVED (applied as a revision), REJECTED (the mark unchanged).',
});

/**
 * A judge's request to correct their mark after the panel's marks on that entry became visible to
 * them (independent marking, issue 12 §2). Only the chief judge decides it; an approval applies the
 * correction once, as a flagged revision. At most one PENDING request per mark.
 */
@ObjectType({ implements: Node, description: 'A judge’s request to correct a mark after seeing the panel’s marks (更正申请), decided by the chief judge (裁判长).' })
@Entity()
@Index({ properties: ['competition', 'requestedAt'] })
@Index({ name: 'score_correction_request_pending_unique', expression: `create unique index "score_correction_request_pending_unique" on "score_correction_request" ("score_id") where "status" = 'PENDING'` })
export class ScoreCorrectionRequest extends Node {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne('Competition', { ref: true, deleteRule: 'cascade' }) competition!: Ref<Competition>;
  @ManyToOne('Score', { ref: true, deleteRule: 'cascade' }) score!: Ref<Score>;
  @ManyToOne('User', { ref: true, deleteRule: 'restrict' }) judge!: Ref<User>;
  @Field(() => Float, { description: 'The mark’s value when the request was made.' })
  @Property({ type: new DecimalType('number'), precision: 7, scale: 2 }) oldValue!: number;
  @Field(() => Float, { description: 'The value the judge asks for.' })
  @Property({ type: new DecimalType('number'), precision: 7, scale: 2 }) newValue!: number;
  @Field({ description: 'Why the judge asks for the correction.' }) @Property({ type: 'string', length: 1000 }) reason!: string;
  @Field(() => ScoreCorrectionStatus, { description: 'PENDING until the chief judge decides; then APPROVED or REJECTED.' }) @Enum({ items: () => ScoreCorrectionStatus }) status: ScoreCorrectionStatus = ScoreCorrectionStatus.PENDING;
  @Field({ description: 'When the judge made the request.' }) @Property({ type: 'Date' }) requestedAt: Date = new Date();
  @ManyToOne('User', { ref: true, deleteRule: 'restrict', nullable: true }) decidedBy: Ref<User> | null = null;
  @Field(() => Date, { nullable: true, description: 'When the chief judge decided; null while PENDING.' }) @Property({ type: 'Date', nullable: true }) decidedAt: Date | null = null;
  @Field(() => String, { nullable: true, description: 'The chief judge’s reason (required to reject).' })
  @Property({ type: 'string', length: 1000, nullable: true }) decisionReason: string | null = null;
  /** The revision an approval produced. */
  @ManyToOne('ScoreRevision', { ref: true, deleteRule: 'set null', nullable: true }) revision: Ref<ScoreRevision> | null = null;
}
