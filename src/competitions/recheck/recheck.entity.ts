import { DecimalType, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { Node } from '../../common/relay.js';
import type { User } from '../../auth/user.entity.js';
import type { Competition } from '../setup/competition.entity.js';
import type { Stage } from '../setup/stage.entity.js';
import type { Entry } from '../entries/entry.entity.js';
import type { Score } from '../judging/score.entity.js';
import type { ScoreRevision } from '../judging/score-revision.entity.js';

export enum RecheckItemStatus {
  PENDING = 'PENDING',
  CONFIRMED = 'CONFIRMED',
  CORRECTED = 'CORRECTED',
}
registerEnumType(RecheckItemStatus, {
  name: 'RecheckItemStatus',
  description: 'Where the re-check of one recorded mark stands.',
  valuesConfig: {
    PENDING: { description: 'Not checked yet.' },
    CONFIRMED: { description: 'The recorded mark matches the paper score sheet and the arithmetic.' },
    CORRECTED: { description: 'The recorded mark was wrong and was corrected (a revision of reason kind RECHECK).' },
  },
});

/**
 * The re-check sample (复核抽样) of a competition: one per competition, drawn once from a recorded
 * seed (recheck/draw.ts says how), with the share and threshold it was drawn under.
 */
@ObjectType({ implements: Node, description: 'The re-check sample (复核抽样) of a competition: every entry in the prize places and at least the competition’s recheckSampleShare of the others, drawn reproducibly from the recorded seed.' })
@Entity()
export class RecheckSample extends Node {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  // One sample per competition: a second draw (another click, another seed) finds it.
  @ManyToOne('Competition', { ref: true, deleteRule: 'cascade', unique: true }) competition!: Ref<Competition>;
  @Field({ description: 'The seed the sample was drawn from: with the board as it stood, it reproduces the draw (docs/recheck.md).' })
  @Property({ type: 'string', length: 100 }) seed!: string;
  @ManyToOne('User', { ref: true, deleteRule: 'restrict' }) drawnBy!: Ref<User>;
  @Field({ description: 'When the sample was drawn.' }) @Property({ type: 'Date' }) drawnAt: Date = new Date();
  @Field(() => Float, { description: 'The competition’s recheckSampleShare when drawn.' })
  @Property({ type: new DecimalType('number'), precision: 5, scale: 4 }) sampleShare!: number;
  @Field(() => Float, { description: 'The competition’s recheckErrorThreshold when drawn: the one the stages’ error rates are held to.' })
  @Property({ type: new DecimalType('number'), precision: 5, scale: 4 }) errorThreshold!: number;
  /** Entries in the prize places, best first. */
  @Property({ type: 'uuid[]' }) topEntryIds: string[] = [];
  /** The other entries drawn, in draw order. */
  @Property({ type: 'uuid[]' }) drawnEntryIds: string[] = [];
  @Field(() => Int, { description: 'How many ranked entries with marks were outside the prize places (the pool the others were drawn from).' })
  @Property({ type: 'integer' }) othersCount!: number;
  /** Stages whose error rate exceeded the threshold: every one of their marks is re-checked. */
  @Property({ type: 'uuid[]' }) fullRecheckStageIds: string[] = [];
}

/** One recorded mark (a score row) to re-check: from the sample, or added by a stage's full re-check. */
@ObjectType({ implements: Node, description: 'One recorded mark to re-check (复核): confirmed as recorded, or corrected.' })
@Entity()
@Unique({ properties: ['sample', 'score'] })
@Index({ properties: ['sample', 'position'] })
@Index({ properties: ['competition', 'stage'] })
export class RecheckItem extends Node {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne('RecheckSample', { ref: true, deleteRule: 'cascade' }) sample!: Ref<RecheckSample>;
  @ManyToOne('Competition', { ref: true, deleteRule: 'cascade' }) competition!: Ref<Competition>;
  @ManyToOne('Stage', { ref: true, deleteRule: 'cascade' }) stage!: Ref<Stage>;
  @ManyToOne('Entry', { ref: true, deleteRule: 'cascade' }) entry!: Ref<Entry>;
  @ManyToOne('Score', { ref: true, deleteRule: 'cascade' }) @Index() score!: Ref<Score>;
  /** The order items are listed in: the sample's entries in draw order (criteria by position, judges by id), then added items. */
  @Property({ type: 'integer' }) position!: number;
  @Field({ description: 'Added by the stage’s full re-check (its error rate exceeded the threshold), not drawn: it does not count toward the error rate.' })
  @Property({ type: 'boolean' }) full: boolean = false;
  @Field(() => Float, { description: 'The mark as recorded when the item was made: what the re-checker compares with the paper score sheet.' })
  @Property({ type: new DecimalType('number'), precision: 7, scale: 2 }) recordedValue!: number;
  @Field(() => RecheckItemStatus, { description: 'PENDING until a re-checker confirms or corrects it.' }) @Enum({ items: () => RecheckItemStatus }) status: RecheckItemStatus = RecheckItemStatus.PENDING;
  @ManyToOne('User', { ref: true, nullable: true, deleteRule: 'restrict' }) checkedBy: Ref<User> | null = null;
  @Field(() => Date, { nullable: true, description: 'When it was confirmed or corrected.' })
  @Property({ type: 'Date', nullable: true }) checkedAt: Date | null = null;
  @ManyToOne('ScoreRevision', { ref: true, nullable: true, deleteRule: 'set null' }) revision: Ref<ScoreRevision> | null = null;
  @Property({ type: 'Date' }) createdAt: Date = new Date();
}
