import { Entity, ManyToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { DrillAttempt } from './attempt.entity.js';

/**
 * A taker's current answer to one question of their paper. Written by one statement (answer-save.ts):
 * a save with a sequence number not above the stored one changes nothing, so a retried older save
 * never overwrites a newer one.
 */
@Entity({ tableName: 'drill_answer' })
@Unique({ properties: ['attempt', 'questionId'] })
export class DrillAnswer {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();

  @ManyToOne(() => DrillAttempt, { ref: true, deleteRule: 'cascade' }) attempt!: Ref<DrillAttempt>;

  /** The Question's uuid (it is on the attempt's paper). */
  @Property({ type: 'uuid' }) questionId!: string;

  @Property({ type: 'json' }) answer: string[] = [];

  /** The client's sequence number of the save that wrote this answer. */
  @Property({ type: 'integer' }) seq!: number;

  @Property({ type: 'Date' }) savedAt: Date = new Date();
}
