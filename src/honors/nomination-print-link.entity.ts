import { Entity, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { User } from '../auth/user.entity.js';
import type { Nomination } from './nomination.entity.js';

/**
 * A short-lived, single-use link to one nomination's printable form (推荐表), minted by
 * createNominationPrintLink. As the competitions' print links: only the SHA-256 of the token is
 * stored, and the row is the single-use record. Not a GraphQL type.
 */
@Entity()
export class NominationPrintLink {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne('Nomination', { ref: true, deleteRule: 'cascade' }) @Index() nomination!: Ref<Nomination>;
  /** Hex SHA-256 of the token in the URL. */
  @Property({ type: 'string', length: 64, unique: true }) tokenHash!: string;
  @ManyToOne('User', { ref: true, deleteRule: 'cascade' }) createdBy!: Ref<User>;
  @Property({ type: 'Date' }) expiresAt!: Date;
  @Property({ type: 'Date', nullable: true }) usedAt: Date | null = null;
  @Property({ type: 'Date' }) createdAt: Date = new Date();
}
