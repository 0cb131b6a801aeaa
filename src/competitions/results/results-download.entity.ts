import { Entity, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { User } from '../../auth/user.entity.js';
import type { Competition } from '../setup/competition.entity.js';

/**
 * A short-lived, single-use link to a competition's private file: the results CSV
 * (createResultsDownload) or a stage's printable score sheet (createScoreSheetPrintLink). Only the
 * SHA-256 of the token is stored; the row is the single-use record, so it holds across instances
 * and restarts. Not a GraphQL type.
 */
@Entity()
export class ResultsDownload {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne('Competition', { ref: true, deleteRule: 'cascade' }) @Index() competition!: Ref<Competition>;
  /** Hex SHA-256 of the token in the URL. */
  @Property({ type: 'string', length: 64, unique: true }) tokenHash!: string;
  /** What the link opens: RESULTS_CSV or `score-sheet:<stage id>`; a link opens nothing else. */
  @Property({ type: 'string', length: 100, default: 'results.csv' }) resource: string = 'results.csv';
  @ManyToOne('User', { ref: true, deleteRule: 'cascade' }) createdBy!: Ref<User>;
  @Property({ type: 'Date' }) expiresAt!: Date;
  @Property({ type: 'Date', nullable: true }) usedAt: Date | null = null;
  @Property({ type: 'Date' }) createdAt: Date = new Date();
}
