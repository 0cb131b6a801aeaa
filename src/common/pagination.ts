import type { EntityManager as SqlEntityManager } from '@mikro-orm/postgresql';
import { Cursor, raw, type EntityManager, type EntityName, type FilterQuery, type QueryOrderMap } from '@mikro-orm/core';
import { badInput } from './errors.js';
import { checkPageRequest, type ConnectionShape, type PageRequest } from './relay.js';
import { rowReader } from './loaders.js';
import { concurrently } from './concurrently.js';
import { commonMessage } from './messages.js';

/**
 * Keyset pagination over any entity: MikroORM's findByCursor compares the order columns (with the
 * primary key last, so the order is total) instead of using OFFSET, so pages stay stable and fast.
 * Cursors are opaque base64url strings; a malformed one is a clear client error, never a SQL error.
 */
export async function paginate<T extends { id: string }>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  args: PageRequest,
  orderBy: QueryOrderMap<T>,
  populate?: string[],
): Promise<ConnectionShape<T>> {
  const cursor = await em.findByCursor(entity, where, { ...keyset(args, orderBy), populate: populate as never, includeCount: true } as never);
  return toConnection(cursor as unknown as Cursor<T>);
}

/** The page size, a total order (primary key last) and the checked cursors: what both paginators ask MikroORM for. */
function keyset<T>(args: PageRequest, orderBy: QueryOrderMap<T>) {
  const { first, last } = checkPageRequest(args);
  const order = { ...orderBy, id: (orderBy as Record<string, string>).id ?? 'asc' } as QueryOrderMap<T>;
  const width = Object.keys(order).length;
  const after = args.after != null ? checkCursor(args.after, width, 'after') : undefined;
  const before = args.before != null ? checkCursor(args.before, width, 'before') : undefined;
  return { first, last, after, before, orderBy: order };
}

function toConnection<T extends { id: string }>(c: Cursor<T>): ConnectionShape<T> {
  const items = [...(c as unknown as Iterable<T>)];
  const edges = items.map((node) => ({ cursor: c.from(node as never), node }));
  return {
    edges,
    nodes: items,
    totalCount: c.totalCount as number,
    pageInfo: {
      hasNextPage: c.hasNextPage,
      hasPreviousPage: c.hasPrevPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

/**
 * As paginate, for hot lists whose nodes are only read: the page comes back as read-only rows
 * (see rowReader in loaders.ts) instead of hydrated, managed entities, a third of the CPU of a page.
 * The SQL (keyset condition, order, overfetch, count) is MikroORM's own, from its driver.
 */
export async function paginateRows<T extends { id: string }>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  args: PageRequest,
  orderBy: QueryOrderMap<T>,
): Promise<ConnectionShape<T>> {
  const options = { ...keyset(args, orderBy), overfetch: true };
  const meta = em.getMetadata().get((typeof entity === 'string' ? entity : (entity as { name: string }).name) as never);
  let data: Record<string, unknown>[];
  let count: number;
  if (options.first != null && options.after == null && options.before == null) {
    // The first page: the page statement sees every row of the list, so it counts them too (a
    // window count, taken before LIMIT) and no second statement is needed. An empty page means none.
    const qb = (em as unknown as SqlEntityManager).createQueryBuilder(entity, 'e').select(['e.*', raw('count(*) over () as "__total"')]).where(where).orderBy(options.orderBy).limit(options.first + 1);
    data = (await qb.execute('all', true)) as Record<string, unknown>[];
    count = Number(data[0]?.__total ?? 0);
  } else {
    [data, count] = await concurrently(
      em,
      async () => (await em.getDriver().find(meta.className, where as never, { ...options, ctx: em.getTransactionContext() } as never)) as Record<string, unknown>[],
      () => em.count(entity, where),
    );
  }
  const reader = rowReader(em, entity);
  const rows = data.map((d) => reader.fromData(d));
  return toConnection(new Cursor<T>(rows as never, count, options as never, meta as never));
}

function checkCursor(value: string, width: number, name: string): string {
  let decoded: unknown;
  try {
    if (!/^[A-Za-z0-9_-]{1,2000}$/.test(value)) throw new Error('charset');
    decoded = Cursor.decode(value);
  } catch {
    throw badInput(commonMessage('badCursor', { name }));
  }
  const ok =
    Array.isArray(decoded) &&
    decoded.length === width &&
    decoded.every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v) || v instanceof Date);
  if (!ok) throw badInput(commonMessage('cursorForOtherList', { name }));
  return value;
}

/**
 * The keyset order paginate and nestedConnection take, from a list's order input (`{ field, direction }`,
 * the field enum's values being property names): the field, then `id` in the same direction so the order
 * is total; `fallback` (the list's default, `id` included) when no order was asked for.
 */
export function orderOf(order: { field: string; direction: string } | null | undefined, fallback: Record<string, 'asc' | 'desc'>): Record<string, 'asc' | 'desc'> {
  if (!order) return fallback;
  const dir = order.direction === 'DESC' ? 'desc' : 'asc';
  return { [order.field]: dir, id: dir };
}

/** `%text%` for ILIKE with the user's own % and _ taken literally. */
export function containsPattern(text: string): string {
  return `%${text.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
