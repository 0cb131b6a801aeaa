import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { Worker } from '../../registry/worker.entity.js';
import type { Competition } from '../setup/competition.entity.js';
import type { Entry } from './entry.entity.js';

/** A worker in an entry. The (competition, worker) key enforces one entry per worker per competition. */
@Entity()
@Unique({ properties: ['competition', 'worker'] })
export class EntryMember {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne('Entry', { ref: true, deleteRule: 'cascade' }) @Index() entry!: Ref<Entry>;
  @ManyToOne('Competition', { ref: true, deleteRule: 'cascade' }) competition!: Ref<Competition>;
  @ManyToOne('Worker', { ref: true, deleteRule: 'restrict' }) @Index() worker!: Ref<Worker>;
  /** Registered enterprise at entry time: conflict-of-interest checks and stats use it. */
  @Property({ type: 'uuid' }) @Index() enterpriseId!: string;
  @Property({ type: 'integer' }) position: number = 0;
}
