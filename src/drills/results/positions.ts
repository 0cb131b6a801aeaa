import type { EntityManager } from '@mikro-orm/core';
import { badInput } from '../../common/errors.js';
import { commonMessage } from '../../common/messages.js';
import { checkPageRequest, type ConnectionShape, type PageRequest } from '../../common/relay.js';
import { AttemptStatus, DrillCounting } from '../enums.js';

/**
 * The counted attempt per worker of drill `?` (VOIDED and unfinished attempts never count): BEST is the
 * highest score (then the least time used, then the earlier attempt), LAST the highest attempt number.
 * Columns: attempt_id, worker_id, score, max_score, number, submitted_at, used (seconds).
 */
export function countedAttemptsSql(counting: DrillCounting): string {
  const pick = counting === DrillCounting.LAST ? 'a.number desc' : 'a.score desc, used asc, a.number asc';
  return `select distinct on (a.worker_id) a.id as attempt_id, a.worker_id, a.score, a.max_score, a.number, a.submitted_at,
      greatest(0, floor(extract(epoch from (a.submitted_at - coalesce(a.started_at, a.drawn_at)))))::int as used
    from drill_attempt a
    where a.drill_id = ? and a.status = '${AttemptStatus.SUBMITTED}' and a.score is not null
    order by a.worker_id, ${pick}`;
}

export interface Positioned { pos: string | number; total: string | number }

/** A cursor of these lists is the row's position in the list's (total) order, with the list's name. */
const cursorOf = (list: string, pos: number) => Buffer.from(`${list}:${pos}`).toString('base64url');
function posOf(list: string, cursor: string, name: string): number {
  const text = /^[A-Za-z0-9_-]{1,60}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString() : '';
  const m = new RegExp(`^${list}:(\\d{1,9})$`).exec(text);
  if (!m) throw badInput(commonMessage('badCursor', { name }));
  return Number(m[1]);
}

/**
 * A page of a list computed in SQL: `ranked` selects every row with `pos` (row_number over the list's
 * total order) and `total` (count(*) over ()); the page is a range of positions (keyset on the position),
 * one statement, plus a count only when the page comes back empty.
 */
export async function positionPage<R extends Positioned, N>(
  em: EntityManager, list: string, ranked: string, params: unknown[], countSql: string, args: PageRequest, toNode: (row: R) => N,
): Promise<ConnectionShape<N>> {
  const { first, last } = checkPageRequest(args);
  const after = args.after != null ? posOf(list, args.after, 'after') : 0;
  const before = args.before != null ? posOf(list, args.before, 'before') : 2 ** 31;
  const sql = `with ranked as (${ranked}) select * from ranked where pos > ? and pos < ? order by pos ${first != null ? 'asc' : 'desc'} limit ?`;
  const rows = (await em.getConnection().execute(sql, [...params, after, before, first ?? last ?? 0])) as R[];
  if (first == null) rows.reverse();
  let total: number;
  if (rows.length) total = Number(rows[0]!.total);
  else {
    const [c] = (await em.getConnection().execute(countSql, params)) as { n: string }[];
    total = Number(c?.n ?? 0);
  }
  const nodes = rows.map(toNode);
  const edges = rows.map((r, i) => ({ cursor: cursorOf(list, Number(r.pos)), node: nodes[i]! }));
  const firstPos = rows.length ? Number(rows[0]!.pos) : after + 1;
  const lastPos = rows.length ? Number(rows[rows.length - 1]!.pos) : Math.min(before - 1, total);
  return {
    edges, nodes, totalCount: total,
    pageInfo: {
      hasPreviousPage: firstPos > 1, hasNextPage: lastPos < total,
      startCursor: edges[0]?.cursor ?? null, endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
