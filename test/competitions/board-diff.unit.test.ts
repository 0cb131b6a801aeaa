import { parse, type OperationDefinitionNode } from 'graphql';
import { changedRows, selectedFields } from '../../src/competitions/leaderboard/board-diff';
import type { LeaderboardRow } from '../../src/competitions/leaderboard/leaderboard.types';

const row = (entryId: string, rank: number | null, total: number, standardisedScore: number | null = null): LeaderboardRow => ({
  entryId, rank, total, standardisedScore, startNumber: 1, station: null, displayName: entryId, enterpriseNames: [], status: 'ACTIVE' as never,
  stageTotals: [], completeness: null, changedOnAppeal: false,
});

/** A client's rebuild: its rows cut to the new length, each named position replaced. */
function apply(base: LeaderboardRow[], next: LeaderboardRow[], fields: (keyof LeaderboardRow)[]) {
  const rows = base.slice(0, next.length);
  for (const c of changedRows(base, next, fields)) rows[c.position] = c.row;
  return rows;
}

describe('changedRows', () => {
  const base = [row('a', 1, 90), row('b', 2, 80), row('c', 3, 70), row('d', 4, 60)];

  it('names a row that moved and every row that slid, and nothing else', () => {
    const next = [row('a', 1, 90), row('d', 2, 85), row('b', 3, 80), row('c', 4, 70)];
    expect(changedRows(base, next, ['entryId', 'rank', 'total']).map((c) => c.position)).toEqual([1, 2, 3]);
    expect(apply(base, next, ['entryId', 'rank', 'total'])).toEqual(next);
  });

  it('ignores a field the client did not select (every standardised score moves with each mark)', () => {
    const next = base.map((r, i) => ({ ...r, standardisedScore: 500 + i }));
    expect(changedRows(base, next, ['entryId', 'rank', 'total'])).toEqual([]);
    expect(changedRows(base, next, ['entryId', 'standardisedScore'])).toHaveLength(4);
  });

  it('compares lists by what they say, and handles a board that grew or shrank', () => {
    const names = base.map((r) => ({ ...r, enterpriseNames: ['x'] }));
    expect(changedRows(names, names.map((r) => ({ ...r, enterpriseNames: ['x'] })), ['enterpriseNames'])).toEqual([]);
    const grown = [...base, row('e', null, 0)];
    expect(changedRows(base, grown, ['entryId']).map((c) => c.position)).toEqual([4]);
    expect(apply(base, base.slice(0, 2), ['entryId'])).toEqual(base.slice(0, 2));
  });
});

describe('selectedFields', () => {
  it('reads the fields under a path, through inline fragments and named ones', () => {
    const doc = parse(`subscription { x { changedRows { position row { rank ...F ... on LeaderboardRow { total } } } } } fragment F on LeaderboardRow { entryId __typename }`);
    const op = doc.definitions[0] as OperationDefinitionNode;
    const fragments = Object.fromEntries(doc.definitions.filter((d) => d.kind === 'FragmentDefinition').map((d) => [(d as { name: { value: string } }).name.value, d])) as never;
    const x = op.selectionSet.selections[0] as { selectionSet: OperationDefinitionNode['selectionSet'] };
    expect(selectedFields([x.selectionSet], ['changedRows', 'row'], fragments).sort()).toEqual(['entryId', 'rank', 'total']);
    expect(selectedFields([x.selectionSet], ['changedRows'], fragments).sort()).toEqual(['position', 'row']);
  });
});
