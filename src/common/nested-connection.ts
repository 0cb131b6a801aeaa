import DataLoader from 'dataloader';
import { Cursor, type EntityClass, type FilterQuery, type QueryOrderMap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../context.js';
import { paginate } from './pagination.js';
import { rowReader } from './loaders.js';
import { checkPageRequest, type ConnectionShape, type PageRequest } from './relay.js';

/**
 * A connection on a parent object (Studio.members, Worker.honors, Competition.awards …), the one way
 * every nested list is paged (issue 13: every growable list a connection with ordering).
 *
 * The first page of many parents — what a list of studios each showing their members asks for — is
 * one window-function statement for all of them (through a per-request DataLoader), so a list of a
 * hundred parents costs what one does. A page after a cursor, or from the end (`last`), is one
 * parent's own question and goes through paginate(). Both give the same cursors, so a client can
 * take the first page from the batch and the next one from paginate.
 *
 * `order` names scalar properties (not relations); `id` is appended to make it
 * total, as paginate does. `where` is simple equality on scalar columns (e.g. `{ revokedAt: null }`).
 */
export interface NestedList<T extends { id: string }> {
  /** The entity listed. */
  entity: EntityClass<T>;
  /** Its many-to-one property pointing at the parent. */
  parent: string;
  /** Extra equality filters on scalar properties, the same for every parent. */
  where?: Record<string, string | number | boolean | null>;
  /**
   * Read-only rows (rowReader, loaders.ts) instead of managed entities for the first pages: for hot
   * lists whose nodes are only read (Worker.honors on the competition page and the registry: hydrating
   * 300 honors into the identity map was a quarter of the page's CPU). Relations are then `{ id }`.
   */
  rows?: boolean;
}

type Direction = 'asc' | 'desc';

export async function nestedConnection<T extends { id: string }>(
  ctx: Context,
  list: NestedList<T>,
  parentId: string,
  page: PageRequest,
  order: Record<string, Direction>,
): Promise<ConnectionShape<T>> {
  const full = { ...order, id: order.id ?? Object.values(order)[0] ?? 'asc' } as Record<string, Direction>;
  const { first, last } = checkPageRequest(page);
  if (page.after != null || page.before != null || last != null || first == null) {
    const where = { ...(list.where ?? {}), [list.parent]: parentId } as FilterQuery<T>;
    return paginate(ctx.em, list.entity, where, page, full as QueryOrderMap<T>);
  }
  const loader = firstPages(ctx, list, full);
  return loader.load(`${parentId}:${first}`);
}

/** One DataLoader per request, list and order: keys are "parentId:first". */
const loaders = new WeakMap<Context, Map<string, DataLoader<string, ConnectionShape<never>>>>();

function firstPages<T extends { id: string }>(ctx: Context, list: NestedList<T>, order: Record<string, Direction>): DataLoader<string, ConnectionShape<T>> {
  const name = `${list.entity.name}.${list.parent}|${JSON.stringify(list.where ?? {})}|${JSON.stringify(order)}`;
  let byList = loaders.get(ctx);
  if (!byList) loaders.set(ctx, (byList = new Map()));
  let loader = byList.get(name) as DataLoader<string, ConnectionShape<T>> | undefined;
  if (!loader) {
    loader = new DataLoader<string, ConnectionShape<T>>((keys) => loadFirstPages(ctx.em as EntityManager, list, order, keys));
    byList.set(name, loader as never);
  }
  return loader;
}

async function loadFirstPages<T extends { id: string }>(
  em: EntityManager,
  list: NestedList<T>,
  order: Record<string, Direction>,
  keys: readonly string[],
): Promise<ConnectionShape<T>[]> {
  const meta = em.getMetadata().get(list.entity.name);
  const column = (property: string) => {
    const prop = meta.properties[property as keyof T & string];
    if (!prop?.fieldNames?.[0]) throw new Error(`${meta.className}.${property} has no column`);
    return prop.fieldNames[0];
  };
  const parentColumn = column(list.parent);
  const orderSql = Object.entries(order).map(([p, d]) => `"${column(p)}" ${d === 'desc' ? 'desc' : 'asc'}`).join(', ');
  const byFirst = new Map<number, string[]>();
  for (const key of keys) {
    const [parentId, first] = key.split(':') as [string, string];
    byFirst.set(Number(first), [...(byFirst.get(Number(first)) ?? []), parentId]);
  }
  const pages = new Map<string, ConnectionShape<T>>();
  const knex = em.getKnex();
  const reader = list.rows ? rowReader(em, list.entity) : undefined;
  for (const [first, parentIds] of byFirst) {
    const ranked = knex(meta.tableName)
      .select('*')
      .select(knex.raw(`row_number() over (partition by "${parentColumn}" order by ${orderSql}) as jx_rn`))
      .select(knex.raw(`count(*) over (partition by "${parentColumn}") as jx_total`))
      .whereIn(parentColumn, parentIds);
    for (const [p, v] of Object.entries(list.where ?? {})) {
      if (v === null) ranked.whereNull(column(p));
      else ranked.where(column(p), v);
    }
    const rows: Record<string, unknown>[] = first > 0 ? await knex.select('*').from(ranked.as('r')).where('r.jx_rn', '<=', first).orderBy('r.jx_rn') : [];
    const totals = first > 0 ? new Map<string, number>() : await countsOf(em, meta.tableName, parentColumn, parentIds, list, column);
    const grouped = new Map<string, T[]>(parentIds.map((id) => [id, []]));
    for (const row of rows) {
      const { jx_rn: _rn, jx_total: total, ...columns } = row;
      const parentId = columns[parentColumn] as string;
      totals.set(parentId, Number(total));
      grouped.get(parentId)!.push(reader ? reader.read(columns) : (em.map(list.entity, columns as never) as T));
    }
    for (const [parentId, items] of grouped) {
      const edges = items.map((node) => ({ cursor: Cursor.for(meta, node as never, order as never), node }));
      const total = totals.get(parentId) ?? 0;
      pages.set(`${parentId}:${first}`, {
        edges,
        nodes: items,
        totalCount: total,
        pageInfo: { hasNextPage: total > items.length, hasPreviousPage: false, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
      });
    }
  }
  return keys.map((k) => pages.get(k)!);
}

/** `first: 0` asks only for totalCount. */
async function countsOf<T extends { id: string }>(
  em: EntityManager, table: string, parentColumn: string, parentIds: string[], list: NestedList<T>, column: (p: string) => string,
): Promise<Map<string, number>> {
  const q = em.getKnex()(table).select(parentColumn).count({ n: '*' }).whereIn(parentColumn, parentIds).groupBy(parentColumn);
  for (const [p, v] of Object.entries(list.where ?? {})) {
    if (v === null) q.whereNull(column(p));
    else q.where(column(p), v);
  }
  const rows = (await q) as unknown as Record<string, unknown>[];
  return new Map(rows.map((r) => [r[parentColumn] as string, Number(r.n)]));
}
