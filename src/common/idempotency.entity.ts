import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/**
 * The first outcome of a retryable mutation, keyed by (user, operation, client key): a retry with the
 * same key gets it back and records nothing new. Written in the same transaction as the mutation,
 * so an outcome is stored exactly when its effects are.
 */
@Entity()
@Unique({ properties: ['userId', 'operation', 'key'] })
export class IdempotencyRecord {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'uuid' }) userId!: string;
  @Property({ type: 'string', length: 60 }) operation!: string;
  @Property({ type: 'string', length: 200 }) key!: string;
  /** Hash of the input, so reusing a key for a different request is refused rather than answered wrongly. */
  @Property({ type: 'string', length: 64 }) requestHash!: string;
  @Property({ type: 'json' }) outcome!: unknown;
  @Property({ type: 'Date' }) createdAt: Date = new Date();
}
