/**
 * The from-scratch leaderboard: every entry's result, then the ranking. The server
 * updates one entry at a time (computeEntryResult + rankRows); this is the reference that
 * path must always agree with.
 */
import { computeEntryResult } from './entry-result.js';
import { heaviestStageId, rankRows } from './rank.js';
import {
  ScoringInputError,
  type Aggregation,
  type EntryResult,
  type JudgesPerStage,
  type LeaderboardEntry,
  type LeaderboardRow,
  type Mark,
  type RankInput,
  type Scheme,
} from './types.js';

/** An entry's stored result as a row for rankRows (keeps the completeness figures). */
export function toRankInput(
  entry: LeaderboardEntry,
  result: EntryResult,
): RankInput & Pick<LeaderboardRow, 'marksReceived' | 'marksExpected' | 'completeness'> {
  return {
    entryId: entry.entryId,
    total: result.total,
    stageScores: Object.fromEntries(result.stageScores.map((s) => [s.stageId, s.score])),
    ranked: entry.ranked,
    ...(entry.sortKey !== undefined ? { sortKey: entry.sortKey } : {}),
    marksReceived: result.marksReceived,
    marksExpected: result.marksExpected,
    completeness: result.completeness,
  };
}

/**
 * Results and ranks of every entry, recomputed from all marks. Marks of an entry not in
 * `entries` throw ScoringInputError (as do the mark problems computeEntryResult refuses).
 * Tie-break stage: heaviestStageId(scheme). Rows come in rankRows order.
 */
export function computeLeaderboard(
  scheme: Scheme,
  allMarks: readonly Mark[],
  entries: readonly LeaderboardEntry[],
  judgesPerStage: JudgesPerStage,
  aggregation: Aggregation = scheme.aggregation,
): LeaderboardRow[] {
  const marksByEntry = new Map<string, Mark[]>(entries.map((e) => [e.entryId, []]));
  for (const mark of allMarks) {
    const marks = marksByEntry.get(mark.entryId);
    if (!marks) throw new ScoringInputError(`mark for unknown entry ${mark.entryId}`);
    marks.push(mark);
  }
  const rows = entries.map((entry) =>
    toRankInput(entry, computeEntryResult(scheme, marksByEntry.get(entry.entryId)!, judgesPerStage, aggregation)),
  );
  return rankRows(rows, heaviestStageId(scheme));
}
