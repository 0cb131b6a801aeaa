import { Entity, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { Node } from '../../common/relay.js';
import type { User } from '../../auth/user.entity.js';
import type { Competition } from '../setup/competition.entity.js';
import type { Stage } from '../setup/stage.entity.js';

/**
 * The chief judge's sign-off (裁判长签字) of one stage's results: who, when, and the SHA-256 digest of
 * the stage's canonical score sheet at that moment. A later change touching the stage invalidates it
 * (invalidatedAt); the row stays, so the history of sign-offs is kept. At most one valid row per stage.
 */
@ObjectType({ implements: Node, description: 'The chief judge’s sign-off (裁判长签字) of a stage’s results, with the digest of its score sheet.' })
@Entity()
@Index({ properties: ['competition', 'stage'] })
// One valid sign-off per stage: two chief-judge clicks at once cannot both record one.
@Index({ name: 'stage_sign_off_valid_unique', expression: `create unique index "stage_sign_off_valid_unique" on "stage_sign_off" ("stage_id") where "invalidated_at" is null` })
export class StageSignOff extends Node {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne('Competition', { ref: true, deleteRule: 'cascade' }) competition!: Ref<Competition>;
  @ManyToOne('Stage', { ref: true, deleteRule: 'cascade' }) stage!: Ref<Stage>;
  @ManyToOne('User', { ref: true, deleteRule: 'restrict' }) signedBy!: Ref<User>;
  @Field({ description: 'When the chief judge signed.' }) @Property({ type: 'Date' }) signedAt: Date = new Date();
  @Field({ description: 'SHA-256 (hex) of the stage’s canonical score sheet when signed; see docs/score-sheet-digest.md.' })
  @Property({ type: 'string', length: 64 }) digest!: string;
  @Field(() => Date, { nullable: true, description: 'When a later change touching the stage made this sign-off void.' })
  @Property({ type: 'Date', nullable: true }) invalidatedAt: Date | null = null;
  @Field(() => String, { nullable: true, description: 'What change voided it.' })
  @Property({ type: 'string', length: 1000, nullable: true }) invalidatedReason: string | null = null;
}
