import DataLoader from 'dataloader';
import type { EntityManager as AnyEntityManager } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { LoaderFactory } from './loaders.js';
import { badInput } from './errors.js';
import { checkPageRequest, DEFAULT_PAGE_SIZE, type ConnectionShape, type PageRequest } from './relay.js';
import { SortDirection } from './order-input.js';
import { commonMessage } from './messages.js';

/**
 * Pages of a child list for many parents at once (an exhibition's exhibits, an alliance's
 * members): one statement for the rows of every parent on the page (a window function numbers each
 * parent's rows) and one for their counts, however many parents there are.
 */
export interface ChildTable {
  /** `from` clause with the child table aliased `c`, joins allowed, e.g. `exhibition_item c`. */
  from: string;
  /** Column of `c` holding the parent id. */
  parent: string;
  /** Column of `c` giving the order (ties broken by `c.id`). */
  order: string;
  /** Extra columns to select, e.g. `c.kind, c.item_id`. */
  columns: string;
  /** Rows to leave out (not visible to the public), as SQL over `c`; our own text, never user input. */
  visible: string;
}

export type ChildRow = Record<string, unknown> & { id: string; parent_id: string; ord: Date };

export interface ChildPage {
  rows: ChildRow[];
  cursors: string[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  totalCount: number;
}

function encodeCursor(row: ChildRow): string {
  return Buffer.from(JSON.stringify([new Date(row.ord).toISOString(), row.id]), 'utf8').toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Only what we wrote: an ISO time PostgreSQL can hold and a uuid, else a client error (never a SQL one). */
function decodeCursor(value: string, name: 'after' | 'before'): [string, string] {
  try {
    if (!/^[A-Za-z0-9_-]{1,300}$/.test(value)) throw new Error('charset');
    const v = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string' && UUID.test(v[1])) {
      const at = new Date(v[0]);
      const year = at.getUTCFullYear();
      if (!Number.isNaN(at.getTime()) && year >= 1 && year <= 9999) return [at.toISOString(), v[1]];
    }
  } catch {
    /* fall through */
  }
  throw badInput(commonMessage('cursorForOtherList', { name }));
}

/**
 * What a page request asks of a child list, checked: `first`/`after` read forward, `last`/`before` read
 * back from the end (or from the cursor), in the list's order (`desc` reverses it), as every connection does.
 */
export interface ChildPageRequest {
  limit: number;
  cursor: [string, string] | null;
  forward: boolean;
  desc: boolean;
}

export function checkChildPage(args: PageRequest, direction: SortDirection = SortDirection.ASC): ChildPageRequest {
  const { first, last } = checkPageRequest(args);
  const forward = last == null;
  if (forward && args.before != null) throw badInput(commonMessage('cursorForOtherList', { name: 'before' }));
  if (!forward && args.after != null) throw badInput(commonMessage('cursorForOtherList', { name: 'after' }));
  const raw = forward ? args.after : args.before;
  return {
    limit: (forward ? first : last) ?? DEFAULT_PAGE_SIZE,
    cursor: raw != null ? decodeCursor(raw, forward ? 'after' : 'before') : null,
    forward,
    desc: direction === SortDirection.DESC,
  };
}

/** A loader of pages keyed by parent id and page request; parents asked with the same request share two statements. */
export type ChildPageKey = { parentId: string } & ChildPageRequest;

const requestKey = (k: ChildPageRequest) => `${k.limit}|${k.cursor?.join(',') ?? ''}|${k.forward}|${k.desc}`;

export function childPagesLoader(table: ChildTable): LoaderFactory<ChildPageKey, ChildPage> {
  return (anyEm: AnyEntityManager) => {
    const em = anyEm as EntityManager; // always PostgreSQL here
    const loader = new DataLoader<ChildPageKey, ChildPage, string>(
      async (keys) => {
        const groups = new Map<string, typeof keys[number][]>();
        for (const k of keys) groups.set(requestKey(k), [...(groups.get(requestKey(k)) ?? []), k]);
        const pages = new Map<string, ChildPage>();
        for (const [key, group] of groups) {
          const found = await childPages(em, table, group.map((k) => k.parentId), group[0]!);
          for (const k of group) pages.set(`${k.parentId}|${key}`, found.get(k.parentId)!);
        }
        return keys.map((k) => pages.get(`${k.parentId}|${requestKey(k)}`)!);
      },
      { cacheKeyFn: (k) => `${k.parentId}|${requestKey(k)}` },
    );
    return loader as unknown as DataLoader<ChildPageKey, ChildPage>; // keyed by a string built from the key
  };
}

async function childPages(em: EntityManager, t: ChildTable, parentIds: string[], req: ChildPageRequest): Promise<Map<string, ChildPage>> {
  // Reading back from the end is reading the reversed order forward, then turning the page round.
  const reversed = req.desc === req.forward;
  const dir = reversed ? 'desc' : 'asc';
  const cursorSql = req.cursor ? `where (x.ord, x.id) ${reversed ? '<' : '>'} (?::timestamptz, ?::uuid)` : '';
  const rows = await em.execute<ChildRow[]>(
    `select * from (
       select x.*, row_number() over (partition by x.parent_id order by x.ord ${dir}, x.id ${dir}) as rn from (
         select c.id, ${t.parent} as parent_id, ${t.order} as ord, ${t.columns}
         from ${t.from} where ${t.parent} = any(array[?]::uuid[]) and (${t.visible})
       ) x ${cursorSql}
     ) y where y.rn <= ? order by y.parent_id, y.rn`,
    [parentIds, ...(req.cursor ?? []), req.limit + 1],
  );
  const counts = await em.execute<{ parent_id: string; n: string }[]>(
    `select ${t.parent} as parent_id, count(*) as n from ${t.from} where ${t.parent} = any(array[?]::uuid[]) and (${t.visible}) group by ${t.parent}`,
    [parentIds],
  );
  const totals = new Map(counts.map((c) => [c.parent_id, Number(c.n)]));
  const out = new Map<string, ChildPage>();
  for (const id of parentIds) {
    const mine = rows.filter((r) => r.parent_id === id);
    const more = mine.length > req.limit;
    const page = req.forward ? mine.slice(0, req.limit) : mine.slice(0, req.limit).reverse();
    out.set(id, {
      rows: page,
      cursors: page.map(encodeCursor),
      hasNextPage: req.forward ? more : req.cursor != null,
      hasPreviousPage: req.forward ? req.cursor != null : more,
      totalCount: totals.get(id) ?? 0,
    });
  }
  return out;
}

/**
 * A child page as a connection, its rows turned into nodes by `nodes` (a loader's loadMany, in row
 * order): a row whose node is gone or hidden (null, or an Error) is left out with its cursor. `extra`
 * adds fields of the row to its edge (an alliance member's joinedAt, an exhibit's addedAt).
 */
export async function childConnection<N extends object, X extends object = object>(
  page: ChildPage,
  nodes: (rows: ChildRow[]) => Promise<readonly (N | null | undefined | Error)[]>,
  extra: (row: ChildRow) => X = () => ({}) as X,
): Promise<ConnectionShape<N> & { edges: ({ cursor: string; node: N } & X)[] }> {
  const found = await nodes(page.rows);
  const edges = page.rows
    .map((row, i) => ({ ...extra(row), cursor: page.cursors[i]!, node: found[i] }))
    .filter((edge): edge is { cursor: string; node: N } & X => edge.node != null && !(edge.node instanceof Error));
  return {
    edges,
    nodes: edges.map((edge) => edge.node),
    totalCount: page.totalCount,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
