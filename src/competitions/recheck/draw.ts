import { assignPrizes, type PrizeCandidate, type PrizeTier } from '../../scoring/index.js';
import { seededShuffle } from '../entries/lots.js';

/**
 * The re-check sample (复核抽样), pure and reproducible: the same board, prize tiers, share and seed
 * give the same sample on any machine, so anyone can re-run a recorded draw.
 *
 * 1. Top places: every entry the prize tiers would give a prize now (assignPrizes, as finalize does:
 *    ties at a tier's edge are never split, no-shows take no place) is in the sample.
 * 2. Others: the other ranked entries that hold at least one mark (an entry without marks has
 *    nothing to re-check). k = ⌈share × others⌉, computed exactly on the share's basis points.
 * 3. The others are sorted by entry id and shuffled with the seed (seededShuffle: Fisher–Yates driven
 *    by SHA-256(seed ‖ counter), as the draw of lots); the first k are drawn.
 */
export interface RecheckDraw {
  /** Entries in the prize places, best rank first (ties by entry id). */
  topEntryIds: string[];
  /** The others drawn, in draw order. */
  drawnEntryIds: string[];
  /** How many others there were to draw from. */
  othersCount: number;
}

/** Share as whole basis points (0.15 → 1500): shares are stored with four decimals. */
export function basisPoints(share: number): number {
  return Math.round(share * 10_000);
}

/** ⌈share × n⌉ without floating point: 0.15 × 20 is 3, never 4 from 3.0000000000000004. */
export function sampleSize(share: number, n: number): number {
  return Math.min(n, Math.floor((basisPoints(share) * n + 9_999) / 10_000));
}

export function drawRecheck(rows: readonly PrizeCandidate[], tiers: readonly PrizeTier[], share: number, seed: string): RecheckDraw {
  const prized = new Set(assignPrizes(rows, tiers).filter((a) => a.tier !== null).map((a) => a.entryId));
  const topEntryIds = rows
    .filter((r): r is PrizeCandidate & { rank: number } => prized.has(r.entryId) && r.rank !== null)
    .sort((a, b) => a.rank - b.rank || (a.entryId < b.entryId ? -1 : a.entryId > b.entryId ? 1 : 0))
    .map((r) => r.entryId);
  const others = rows.filter((r) => r.rank !== null && !prized.has(r.entryId) && r.marksReceived > 0).map((r) => r.entryId);
  const drawnEntryIds = seededShuffle(others, seed).slice(0, sampleSize(share, others.length));
  return { topEntryIds, drawnEntryIds, othersCount: others.length };
}
