import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/**
 * Failed (and under-way) pass checks of enterDrill, per drill and client address, kept in the
 * database so the throttle holds across instances (entry-throttle.ts).
 */
@Entity({ tableName: 'drill_entry_attempt' })
@Index({ properties: ['drillId', 'at'] })
@Index({ properties: ['address', 'at'] })
export class DrillEntryAttempt {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();

  /** Not a foreign key: a guess may name a drill that does not exist. */
  @Property({ type: 'uuid' }) drillId!: string;

  @Property({ type: 'string', length: 100 }) address!: string;

  @Property({ type: 'Date' }) at: Date = new Date();

  /** Settled as a failure (a wrong pass, a closed drill); false while the check is under way. */
  @Property({ type: 'boolean', default: false }) failed: boolean = false;
}
