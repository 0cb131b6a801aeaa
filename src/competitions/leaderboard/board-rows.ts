import { ArgsType, Field, Int } from 'type-graphql';
import { badInput } from '../../common/errors.js';
import { Connection, DEFAULT_PAGE_SIZE, type ConnectionShape } from '../../common/relay.js';
import { LeaderboardRow } from './leaderboard.types.js';
import { m } from './messages.js';

/**
 * The largest page of `Leaderboard.rows`. Every other list stops at 100 (MAX_PAGE_SIZE), but a big
 * screen needs the whole board in one subscription message, and nothing in the API bounds a
 * competition's entries (the benchmarks run 500). The board is computed in memory once per change
 * and audience, so a page of it costs no SQL; 1000 rows stay within the query cost limit
 * (QUERY_MAX_COST, 5000 by default) with both `edges` and `nodes`. The cost count (src/limits/cost.ts)
 * reads this bound from the field's `maxPageSize` extension.
 */
export const MAX_BOARD_ROWS = 1000;

@ArgsType()
export class LeaderboardRowsArgs {
  @Field(() => Int, {
    nullable: true,
    description: `How many rows to return from the top (or after \`after\`): 0 to ${MAX_BOARD_ROWS} — more than other lists, so a big screen gets the whole board in one message; ${DEFAULT_PAGE_SIZE} when neither \`first\` nor \`last\` is given. Not with \`last\`.`,
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'An `endCursor` (or any edge’s `cursor`) of this board: the page starts after that position.' })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: `How many rows to return from the bottom (or before \`before\`): 0 to ${MAX_BOARD_ROWS}. Not with \`first\`.` })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'A `startCursor` (or any edge’s `cursor`) of this board: the page ends before that position.' })
  before?: string | null;
}

export const LeaderboardRowConnection = Connection(LeaderboardRow, 'LeaderboardRow');
export type LeaderboardRowConnection = InstanceType<typeof LeaderboardRowConnection>;

// A cursor is the row's position (0-based) in the board, opaque to clients: the board is one
// in-memory array per version, so a position is exact within a version. Across versions rows move;
// `Leaderboard.version` tells a client that paged across a change.
const PREFIX = 'LeaderboardRow:';
export const rowCursor = (index: number): string => Buffer.from(`${PREFIX}${index}`, 'utf8').toString('base64url');

function positionOf(cursor: string, name: 'after' | 'before'): number {
  const raw = /^[A-Za-z0-9_-]{1,40}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const n = raw.startsWith(PREFIX) ? Number(raw.slice(PREFIX.length)) : NaN;
  if (!Number.isInteger(n) || n < 0) throw badInput(m('badRowCursor', { name }));
  return n;
}

/** A page of the board's rows, in board order (rank order, unranked last), as every connection pages. */
export function pageOfRows(rows: readonly LeaderboardRow[], args: LeaderboardRowsArgs): ConnectionShape<LeaderboardRow> {
  const { first, last, after, before } = args;
  if (first != null && last != null) throw badInput(m('bothFirstAndLast'));
  for (const [name, v] of [['first', first], ['last', last]] as const) {
    if (v != null && (!Number.isInteger(v) || v < 0 || v > MAX_BOARD_ROWS)) throw badInput(m('rowsPageSize', { name, max: MAX_BOARD_ROWS }));
  }
  let start = after != null ? Math.min(positionOf(after, 'after') + 1, rows.length) : 0;
  let end = before != null ? Math.min(positionOf(before, 'before'), rows.length) : rows.length;
  if (end < start) end = start;
  const windowStart = start;
  const windowEnd = end;
  if (last != null) start = Math.max(start, end - last);
  else end = Math.min(end, start + (first ?? DEFAULT_PAGE_SIZE));
  const nodes = rows.slice(start, end);
  const edges = nodes.map((node, i) => ({ cursor: rowCursor(start + i), node }));
  return {
    edges,
    nodes,
    totalCount: rows.length,
    pageInfo: {
      // As Relay: with `first`, whether rows follow in the window; with `last`, whether rows precede it.
      hasNextPage: end < windowEnd || (before != null && windowEnd < rows.length),
      hasPreviousPage: start > windowStart || (after != null && windowStart > 0),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
