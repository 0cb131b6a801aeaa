import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** Failed logins per email, kept in the database so throttling holds across server instances. */
@Entity()
@Index({ properties: ['email', 'at'] })
export class LoginAttempt {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 254 })
  email!: string;

  @Property({ type: 'Date' })
  at: Date = new Date();
}
