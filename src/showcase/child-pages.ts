import DataLoader from 'dataloader';
import { ArgsType, Field, Int } from 'type-graphql';
import type { EntityManager as AnyEntityManager } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { LoaderFactory } from '../common/loaders.js';
import { badInput } from '../common/errors.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../common/relay.js';
import { commonMessage } from '../common/messages.js';

/**
 * Forward pages of a child list for many parents at once (an exhibition's exhibits, an alliance's
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

/** Forward paging of a nested list (Relay `first`/`after`). */
@ArgsType()
export class ChildPageArgs {
  @Field(() => Int, { nullable: true, description: `At most ${MAX_PAGE_SIZE}; default ${DEFAULT_PAGE_SIZE}.` }) first?: number | null;
  @Field(() => String, { nullable: true, description: 'An `endCursor` (or any edge’s `cursor`) of this list: the page starts after it.' }) after?: string | null;
}

function encodeCursor(row: ChildRow): string {
  return Buffer.from(JSON.stringify([new Date(row.ord).toISOString(), row.id]), 'utf8').toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Only what we wrote: an ISO time PostgreSQL can hold and a uuid, else a client error (never a SQL one). */
function decodeCursor(value: string): [string, string] {
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
  throw badInput(commonMessage('cursorForOtherList', { name: 'after' }));
}

export function checkChildPage(args: ChildPageArgs): { first: number; after: [string, string] | null } {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) throw badInput(commonMessage('pageSize', { name: 'first', max: MAX_PAGE_SIZE }));
  return { first, after: args.after != null ? decodeCursor(args.after) : null };
}

/** A loader of pages keyed by parent id and page arguments; parents asked with the same arguments share two statements. */
export type ChildPageKey = { parentId: string; first: number; after: string | null };

export function childPagesLoader(table: ChildTable): LoaderFactory<ChildPageKey, ChildPage> {
  return (anyEm: AnyEntityManager) => {
    const em = anyEm as EntityManager; // always PostgreSQL here
    const loader = new DataLoader<ChildPageKey, ChildPage, string>(
      async (keys) => {
        const groups = new Map<string, typeof keys[number][]>();
        for (const k of keys) {
          const g = `${k.first}|${k.after ?? ''}`;
          groups.set(g, [...(groups.get(g) ?? []), k]);
        }
        const pages = new Map<string, ChildPage>();
        for (const group of groups.values()) {
          const { first, after } = group[0]!;
          const cursor = after != null ? decodeCursor(after) : null;
          const found = await childPages(em, table, group.map((k) => k.parentId), first, cursor);
          for (const k of group) pages.set(`${k.parentId}|${first}|${after ?? ''}`, found.get(k.parentId)!);
        }
        return keys.map((k) => pages.get(`${k.parentId}|${k.first}|${k.after ?? ''}`)!);
      },
      { cacheKeyFn: (k) => `${k.parentId}|${k.first}|${k.after ?? ''}` },
    );
    return loader as unknown as DataLoader<ChildPageKey, ChildPage>; // keyed by a string built from the key
  };
}

async function childPages(em: EntityManager, t: ChildTable, parentIds: string[], first: number, after: [string, string] | null): Promise<Map<string, ChildPage>> {
  const afterSql = after ? `where (x.ord, x.id) > (?::timestamptz, ?::uuid)` : '';
  const rows = await em.execute<ChildRow[]>(
    `select * from (
       select x.*, row_number() over (partition by x.parent_id order by x.ord, x.id) as rn from (
         select c.id, ${t.parent} as parent_id, ${t.order} as ord, ${t.columns}
         from ${t.from} where ${t.parent} = any(array[?]::uuid[]) and (${t.visible})
       ) x ${afterSql}
     ) y where y.rn <= ? order by y.parent_id, y.rn`,
    [parentIds, ...(after ?? []), first + 1],
  );
  const counts = await em.execute<{ parent_id: string; n: string }[]>(
    `select ${t.parent} as parent_id, count(*) as n from ${t.from} where ${t.parent} = any(array[?]::uuid[]) and (${t.visible}) group by ${t.parent}`,
    [parentIds],
  );
  const totals = new Map(counts.map((c) => [c.parent_id, Number(c.n)]));
  const out = new Map<string, ChildPage>();
  for (const id of parentIds) {
    const mine = rows.filter((r) => r.parent_id === id);
    const page = mine.slice(0, first);
    out.set(id, {
      rows: page,
      cursors: page.map(encodeCursor),
      hasNextPage: mine.length > first,
      hasPreviousPage: after != null,
      totalCount: totals.get(id) ?? 0,
    });
  }
  return out;
}
