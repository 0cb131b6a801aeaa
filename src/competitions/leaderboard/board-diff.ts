import type { FieldNode, FragmentDefinitionNode, SelectionSetNode } from 'graphql';
import type { LeaderboardRow } from './leaderboard.types.js';

/** A row of the board at its position (0-based, board order), as a change sends it. */
export interface RowAt {
  position: number;
  row: LeaderboardRow;
}

/**
 * The rows of `next` a client holding `base` must replace: every position whose row differs in a
 * field the client selected (or that `base` does not have). A client rebuilds `next` as: its rows,
 * cut to `next.length`, with each named position replaced. By position, not by entry: a row that
 * moved is named at its new position, and whatever slid into its old one is named there too, so
 * the client needs no sort key of its own (ranks and ties stay the server's).
 */
export function changedRows(base: readonly LeaderboardRow[], next: readonly LeaderboardRow[], fields: readonly (keyof LeaderboardRow)[]): RowAt[] {
  const out: RowAt[] = [];
  for (let i = 0; i < next.length; i++) {
    const row = next[i]!;
    const old = base[i];
    if (!old || fields.some((f) => !sameValue(old[f], row[f]))) out.push({ position: i, row });
  }
  return out;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  // Lists (enterpriseNames, stageTotals) are rebuilt per board: compare what they say.
  return typeof a === 'object' && typeof b === 'object' && a !== null && b !== null && JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The names of the fields selected at `path` under a selection set (through fragments): what of a
 * row the client shows, so a change a screen does not show (say, every row's standardisedScore
 * moving with each mark) does not make every row of the board "changed".
 */
export function selectedFields(sets: readonly SelectionSetNode[], path: readonly string[], fragments: Record<string, FragmentDefinitionNode>): string[] {
  let level = sets.flatMap((s) => fieldsOf(s, fragments));
  for (const name of path) {
    level = level.filter((f) => f.name.value === name).flatMap((f) => (f.selectionSet ? fieldsOf(f.selectionSet, fragments) : []));
  }
  return [...new Set(level.map((f) => f.name.value).filter((n) => !n.startsWith('__')))];
}

function fieldsOf(set: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>, depth = 0): FieldNode[] {
  if (depth > 10) return [];
  return set.selections.flatMap((s) => {
    if (s.kind === 'Field') return [s];
    const inner = s.kind === 'InlineFragment' ? s.selectionSet : fragments[s.name.value]?.selectionSet;
    return inner ? fieldsOf(inner, fragments, depth + 1) : [];
  });
}
