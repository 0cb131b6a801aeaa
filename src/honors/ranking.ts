/**
 * Who gets the places of a campaign (评审排名): pure, no database. ceil(share × quota) places are kept
 * for front-line workers (一线职工) and go to the best-scored front-line nominees; the other places go
 * by score to everyone left, front-line or not. When there are fewer front-line nominees than kept
 * places, the unused ones go by score too (a place is never left empty while someone is ranked).
 */
export interface RankCandidate {
  id: string;
  frontLine: boolean;
  /** Higher is better. */
  score: number;
  /** Breaks equal scores: the smaller one ranks first (e.g. the nomination time, then its ID). */
  tiebreak: string;
}

export interface Ranking {
  /** The selected, best score first. */
  selected: string[];
  /** The others, best score first: who would be considered when a place falls free. */
  reserve: string[];
  /** Places kept for front-line workers: ceil(share × quota), at most the quota. */
  frontLinePlaces: number;
}

export function frontLinePlaces(quota: number, sharePercent: number): number {
  return Math.min(quota, Math.floor((quota * sharePercent + 99) / 100));
}

export function byScore(a: RankCandidate, b: RankCandidate): number {
  return b.score - a.score || (a.tiebreak < b.tiebreak ? -1 : a.tiebreak > b.tiebreak ? 1 : 0);
}

export function rankCandidates(candidates: readonly RankCandidate[], quota: number, sharePercent: number): Ranking {
  const ordered = [...candidates].sort(byScore);
  const kept = frontLinePlaces(quota, sharePercent);
  const chosen = new Set<string>();
  for (const c of ordered) {
    if (chosen.size >= kept) break;
    if (c.frontLine) chosen.add(c.id);
  }
  for (const c of ordered) {
    if (chosen.size >= quota) break;
    chosen.add(c.id);
  }
  return {
    selected: ordered.filter((c) => chosen.has(c.id)).map((c) => c.id),
    reserve: ordered.filter((c) => !chosen.has(c.id)).map((c) => c.id),
    frontLinePlaces: kept,
  };
}
