import { Entity, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { User } from '../../auth/user.entity.js';
import { Worker } from '../../registry/worker.entity.js';
import { Drill } from '../setup/drill.entity.js';

/**
 * A drill pass (答题凭证): what an enterprise hands a worker without an account, so that the pass plus
 * their employee number lets them into one drill (enterDrill). Only a hash of the code is kept: the
 * code is shown once, when issued. At most one pass per worker and drill is live (revokedAt null);
 * reissuing revokes the old one. Not a GraphQL type: passes leave the server only as issued codes.
 */
@Entity({ tableName: 'drill_pass' })
@Index({ properties: ['drill', 'worker'] })
@Index({ name: 'drill_pass_live_unique', expression: `create unique index "drill_pass_live_unique" on "drill_pass" ("drill_id", "worker_id") where "revoked_at" is null` })
export class DrillPass {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();

  @ManyToOne(() => Drill, { ref: true, deleteRule: 'cascade' }) drill!: Ref<Drill>;

  @ManyToOne(() => Worker, { ref: true, deleteRule: 'cascade' }) worker!: Ref<Worker>;

  /** sha256 of the normalized code (hex); unique, so a code names one pass. */
  @Property({ type: 'string', length: 64, unique: true }) codeHash!: string;

  @Property({ type: 'Date' }) issuedAt: Date = new Date();

  @ManyToOne('User', { ref: true, nullable: true, deleteRule: 'set null' }) issuedBy: Ref<User> | null = null;

  @Property({ type: 'Date', nullable: true }) revokedAt: Date | null = null;

  @Property({ type: 'Date', nullable: true }) lastUsedAt: Date | null = null;
}
