import { DecimalType, Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The leaderboard row of one entry, recomputed from that entry's marks only after each mark
 * (scoring/computeEntryResult), so a leaderboard is one read of these rows and a ranking in memory —
 * never a re-read of every mark of the competition. Keyed by the entry's id.
 */
@Entity()
export class EntryResult {
  @PrimaryKey({ type: 'uuid' }) entryId!: string;
  @Property({ type: 'uuid' }) @Index() competitionId!: string;
  /** stageId → stage score (0–100, two decimals). */
  @Property({ type: 'json' }) stageScores: Record<string, number> = {};
  @Property({ type: new DecimalType('number'), precision: 7, scale: 2 }) total: number = 0;
  @Property({ type: 'integer' }) marksReceived: number = 0;
  @Property({ type: 'integer' }) marksExpected: number = 0;
  @Property({ type: 'Date' }) updatedAt: Date = new Date();
}
