import { Entity, Index, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/**
 * Failed password checks (and checks under way) per email and client address, kept in the database
 * so throttling holds across server instances (see login-throttle.ts).
 */
@Entity()
@Index({ properties: ['email', 'at'] })
export class LoginAttempt {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 254 })
  email!: string;

  /** The client's address (limits/http.ts clientAddress); '' for attempts recorded before addresses were. */
  @Property({ type: 'string', length: 100, default: '' })
  address: Opt<string> = '';

  @Property({ type: 'Date' })
  at: Date = new Date();
}
