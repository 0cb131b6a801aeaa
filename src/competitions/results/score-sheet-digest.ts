import { createHash } from 'node:crypto';

/**
 * The canonical score sheet of one stage and its SHA-256 digest: what the chief judge's sign-off
 * vouches for. Pure (no database), so anyone holding the marks can recompute it; the exact format,
 * with a test vector, is docs/score-sheet-digest.md, and a unit test recomputes that vector from the
 * document's own text.
 */

/** One correction of a mark, as kept in the score log. Ids are raw lowercase UUIDs. */
export interface SheetRevision {
  at: Date;
  /** Who made the correction. */
  judgeId: string;
  reasonKind: string;
  oldValue: number;
  newValue: number;
  reason: string;
}

/** One current mark of the stage with its corrections (in any order: the sheet sorts them). */
export interface SheetMark {
  entryId: string;
  criterionId: string;
  /** Who gave (or, for a MEASUREMENT criterion, last corrected) the mark. */
  judgeId: string;
  value: number;
  revisions: readonly SheetRevision[];
}

/** Two decimals as a string, from the exact hundredths (marks are stored with two decimals). */
export function twoPlaces(value: number): string {
  return (Math.round(value * 100) / 100).toFixed(2);
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function revisionLine(r: SheetRevision): { at: string; json: string } {
  const at = r.at.toISOString();
  // Key order is part of the format: at, by, kind, from, to, reason.
  return { at, json: JSON.stringify({ at, by: r.judgeId, kind: r.reasonKind, from: twoPlaces(r.oldValue), to: twoPlaces(r.newValue), reason: r.reason }) };
}

/**
 * One JSON line per mark, sorted by entry, criterion and judge id (UTF-16 code-unit order, the same as
 * byte order for lowercase UUIDs); each line ends with `\n`, the last one too; no marks → empty text.
 * Revisions sit inside their mark's line in time order (ties: by their own JSON text).
 */
export function canonicalScoreSheet(marks: readonly SheetMark[]): string {
  const sorted = [...marks].sort((a, b) => compare(a.entryId, b.entryId) || compare(a.criterionId, b.criterionId) || compare(a.judgeId, b.judgeId));
  return sorted.map((m) => {
    const revisions = m.revisions.map(revisionLine).sort((a, b) => compare(a.at, b.at) || compare(a.json, b.json));
    // JSON.stringify writes no spaces and leaves non-ASCII characters as they are (UTF-8 below).
    const head = JSON.stringify({ entry: m.entryId, criterion: m.criterionId, judge: m.judgeId, value: twoPlaces(m.value) });
    return `${head.slice(0, -1)},"revisions":[${revisions.map((r) => r.json).join(',')}]}\n`;
  }).join('');
}

/** Hex SHA-256 of the canonical sheet's UTF-8 bytes. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function scoreSheetDigest(marks: readonly SheetMark[]): string {
  return sha256Hex(canonicalScoreSheet(marks));
}
