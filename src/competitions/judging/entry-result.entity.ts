import { DecimalType, Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import type { EntryResult as ComputedResult } from '../../scoring/index.js';

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
  /**
   * stageId → [received, expected] marks of this entry in that stage: the public board shows a stage
   * score only once its marks are all in (independence, leaderboard/public-board.ts).
   */
  @Property({ type: 'json', default: '{}' }) stageMarks: StageMarksRecord = {};
  @Property({ type: 'Date' }) updatedAt: Date = new Date();
}

/** stageId → [marks received, marks expected] of one entry in that stage. */
export type StageMarksRecord = Record<string, [received: number, expected: number]>;

/** The stored columns of an entry's computed result: one mapping for every writer of entry_result. */
export function storedResult(result: ComputedResult): Pick<EntryResult, 'stageScores' | 'total' | 'marksReceived' | 'marksExpected' | 'stageMarks'> {
  return {
    stageScores: Object.fromEntries(result.stageScores.map((s) => [s.stageId, s.score])),
    total: result.total,
    marksReceived: result.marksReceived,
    marksExpected: result.marksExpected,
    stageMarks: Object.fromEntries(result.stageMarks.map((m) => [m.stageId, [m.received, m.expected]])),
  };
}
