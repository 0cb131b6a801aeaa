import { createHash } from 'node:crypto';

/**
 * The draw of lots (抽签), pure and reproducible: the same entries and the same recorded seed give the
 * same start numbers and stations on any machine, so anyone can re-run a published draw.
 *
 * Entries are first sorted by id (the input order must not matter), then shuffled by Fisher–Yates
 * driven by a counter-mode SHA-256 stream of the seed; indices are drawn by rejection sampling, so
 * every order is equally likely.
 */
export interface Lot {
  entryId: string;
  startNumber: number;
  station: string;
}

/** Unsigned 32-bit numbers: SHA-256(seed ‖ block counter), eight per block. */
function randomStream(seed: string): () => number {
  let block = 0;
  let words: number[] = [];
  return () => {
    if (!words.length) {
      const digest = createHash('sha256').update(`${seed}\u0000${block++}`, 'utf8').digest();
      words = Array.from({ length: 8 }, (_, i) => digest.readUInt32BE(i * 4));
    }
    return words.shift()!;
  };
}

/** A uniform integer in [0, n) without modulo bias. */
function below(next: () => number, n: number): number {
  const limit = Math.floor(0x1_0000_0000 / n) * n;
  for (;;) {
    const x = next();
    if (x < limit) return x % n;
  }
}

/** Station names: A01, A02, … (three digits from 100 entries on, so they still sort as text). */
export function stationName(startNumber: number, total: number): string {
  return `A${String(startNumber).padStart(Math.max(2, String(total).length), '0')}`;
}

/**
 * The ids sorted (so the input order does not matter), then shuffled by Fisher–Yates from the seed's
 * stream: the same ids and seed give the same order anywhere. The draw of lots and the re-check
 * sample (recheck/draw.ts) both use it.
 */
export function seededShuffle(ids: readonly string[], seed: string): string[] {
  const order = [...ids].sort();
  const next = randomStream(seed);
  for (let i = order.length - 1; i > 0; i--) {
    const j = below(next, i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

export function drawLots(entryIds: readonly string[], seed: string): Lot[] {
  const order = seededShuffle(entryIds, seed);
  return order.map((entryId, i) => ({ entryId, startNumber: i + 1, station: stationName(i + 1, order.length) }));
}
