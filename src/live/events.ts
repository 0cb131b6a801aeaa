/**
 * The one NOTIFY channel; payloads stay small (ids and versions), subscribers refetch what they show.
 * Sent only by competitions/leaderboard/board-version.ts (each event raises a leaderboard version);
 * every instance LISTENs on it (bridge.ts).
 */
export const LIVE_CHANNEL = 'jiangxin_live';

export type LiveEvent =
  | { kind: 'leaderboard'; competitionId: string; version: number; entryId: string | null }
  | { kind: 'score'; competitionId: string; scoreId: string; entryId: string; revision: boolean; version: number }
  /** `change`: a CompetitionChange (competitions/leaderboard/announce.ts); `stageId` when it concerns one stage. */
  | { kind: 'status'; competitionId: string; status: string; change: string; stageId?: string | null; version: number };

export function topicFor(kind: LiveEvent['kind'], competitionId: string): string {
  return `${kind}:${competitionId}`;
}
