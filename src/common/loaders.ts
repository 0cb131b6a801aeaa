import DataLoader from 'dataloader';
import { helper, type EntityManager, type EntityName } from '@mikro-orm/core';

/** Gets the request's EntityManager, and its Loaders to prime others with rows it fetched along the way. */
export type LoaderFactory<K, V> = (em: EntityManager, loaders: Loaders) => DataLoader<K, V>;

/**
 * Per-request DataLoaders, created on first use. Modules define their own factories (next to their
 * resolvers) and ask for them here, so the context needs to know no module.
 */
export class Loaders {
  private readonly cache = new Map<LoaderFactory<unknown, unknown>, DataLoader<unknown, unknown>>();
  constructor(private readonly em: EntityManager) {}

  get<K, V>(factory: LoaderFactory<K, V>): DataLoader<K, V> {
    let loader = this.cache.get(factory as LoaderFactory<unknown, unknown>);
    if (!loader) {
      loader = factory(this.em, this) as DataLoader<unknown, unknown>;
      this.cache.set(factory as LoaderFactory<unknown, unknown>, loader);
    }
    return loader as DataLoader<K, V>;
  }
}

/**
 * One SELECT … WHERE id IN (…) per tick for the ids asked that this request has not loaded yet:
 * an entity already loaded into the request's identity map (the competition a page asked for by
 * id) is not fetched again.
 */
export function byIdLoader<T extends { id: string }>(entity: EntityName<T>): LoaderFactory<string, T | null> {
  return (em) =>
    new DataLoader<string, T | null>(async (ids) => {
      const meta = em.getMetadata().get(entity as never);
      // The identity map also holds bare references (a relation's key) and partial loads (`fields`): those are fetched.
      const eager = meta.props.filter((p) => !p.lazy && (p.kind === 'scalar' || p.kind === 'm:1')).map((p) => p.name as string);
      const uow = em.getUnitOfWork();
      const map = new Map<string, T>();
      const missing: string[] = [];
      for (const id of ids) {
        const known = uow.getById<T>(meta.className, id as never);
        const loaded = known ? helper(known).__loadedProperties : undefined;
        if (known && helper(known).__initialized && eager.every((p) => loaded!.has(p))) map.set(id, known);
        else missing.push(id);
      }
      if (missing.length) for (const r of await em.find(entity, { id: { $in: missing } } as never)) map.set(r.id, r);
      return ids.map((id) => map.get(id) ?? null);
    });
}

/** Rows in the order of `parentIds`, grouped by their many-to-one `parentKey` (an entity or `{ id }`). */
function groupByParent<T extends object>(rows: T[], parentKey: string, parentIds: readonly string[]): T[][] {
  const groups = new Map<string, T[]>(parentIds.map((id) => [id, []]));
  for (const row of rows) groups.get(((row as Record<string, unknown>)[parentKey] as { id: string }).id)?.push(row);
  return parentIds.map((id) => groups.get(id) ?? []);
}

/** Children grouped by their parent's id in one query, e.g. a worker's honors. */
export function childrenLoader<T extends object>(
  entity: EntityName<T>,
  parentKey: string,
  orderBy: Record<string, 'asc' | 'desc'>,
): LoaderFactory<string, T[]> {
  return (em) =>
    new DataLoader<string, T[]>(async (parentIds) => {
      const rows = await em.find(entity, { [parentKey]: { $in: [...parentIds] } } as never, { orderBy: orderBy as never });
      return groupByParent(rows, parentKey, parentIds);
    });
}

type Column = [property: string, convert?: (value: unknown) => unknown];
interface RowReader<T> {
  table: string;
  columnOf(property: string): string;
  /** From a row keyed by column names (raw SQL). */
  read(row: Record<string, unknown>): T;
  /** From entity data keyed by property names, relations as keys (what MikroORM's driver returns). */
  fromData(data: Record<string, unknown>): T;
}
const readers = new WeakMap<object, RowReader<unknown>>();

/**
 * Read-only instances of an entity class made straight from rows. MikroORM's hydration (identity
 * map, change-set snapshots, reference wrappers) costs ~25 µs an entity, most of a list page's CPU;
 * these cost ~1 µs. They are `instanceof` the entity (so GraphQL types, `Node.id` and resolveType
 * work) and a many-to-one is `{ id }`. Not managed: for field resolvers to read, never to change.
 */
export function rowReader<T extends object>(em: EntityManager, entity: EntityName<T>): RowReader<T> {
  const meta = em.getMetadata().get(entity as never);
  const cached = readers.get(meta);
  if (cached) return cached as RowReader<T>;
  const platform = em.getPlatform();
  // Own writable data properties on a prototype shadow the entity prototype's tracking setters.
  const proto = Object.create(meta.class.prototype as object) as object;
  const columns: Column[] = [];
  for (const prop of meta.props) {
    if (prop.fieldNames?.length !== 1 || (prop.kind !== 'scalar' && prop.kind !== 'm:1' && !(prop.kind === '1:1' && prop.owner))) continue;
    Object.defineProperty(proto, prop.name, { value: undefined, writable: true, enumerable: true, configurable: true });
    const custom = prop.customType;
    const convert = prop.kind !== 'scalar'
      ? (v: unknown) => (v == null ? null : { id: v })
      : custom ? (v: unknown) => (v == null ? v : custom.convertToJSValue(v, platform)) : undefined;
    columns.push([prop.name, convert]);
  }
  const comparator = em.getComparator();
  const fromData = (data: Record<string, unknown>): T => {
    const o = Object.create(proto) as Record<string, unknown>;
    for (const [property, convert] of columns) o[property] = convert ? convert(data[property]) : data[property];
    return o as T;
  };
  const reader: RowReader<T> = {
    table: meta.tableName,
    columnOf: (property) => meta.properties[property as never]!.fieldNames[0]!,
    // MikroORM's compiled result mapper: column → property names, dates and booleans parsed.
    read: (row) => fromData(comparator.mapResult(meta.className, row as never) as Record<string, unknown>),
    fromData,
  };
  readers.set(meta, reader as RowReader<unknown>);
  return reader;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Plain rows of a statement whose one parameter is a uuid array (`= any(?::uuid[])`), in the request's transaction if any. */
export async function selectByKeys(em: EntityManager, sql: string, keys: readonly string[]): Promise<Record<string, unknown>[]> {
  const conn = (em as unknown as { getConnection(): { execute(sql: string, params: unknown[], method: 'all', ctx?: unknown): Promise<Record<string, unknown>[]> } }).getConnection();
  return conn.execute(sql, [`{${keys.join(',')}}`], 'all', em.getTransactionContext());
}

async function selectRows<T extends object>(em: EntityManager, reader: RowReader<T>, keyProperty: string, keys: readonly string[], orderBy = ''): Promise<T[]> {
  const sql = `select * from ${quote(reader.table)} where ${quote(reader.columnOf(keyProperty))} = any(?::uuid[])${orderBy}`;
  return (await selectByKeys(em, sql, keys)).map((row) => reader.read(row));
}

/** As byIdLoader (uuid keys), returning read-only rows (see rowReader): for hot read paths. */
export function readByIdLoader<T extends { id: string }>(entity: EntityName<T>): LoaderFactory<string, T | null> {
  return (em) =>
    new DataLoader<string, T | null>(async (ids) => {
      const rows = await selectRows(em, rowReader(em, entity), 'id', ids);
      const map = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => map.get(id) ?? null);
    });
}

/** As childrenLoader (uuid parent keys), returning read-only rows (see rowReader): for hot read paths. */
export function readChildrenLoader<T extends object>(
  entity: EntityName<T>,
  parentKey: string,
  orderBy: Record<string, 'asc' | 'desc'>,
): LoaderFactory<string, T[]> {
  return (em) =>
    new DataLoader<string, T[]>(async (parentIds) => {
      const reader = rowReader(em, entity);
      const order = ` order by ${Object.entries(orderBy).map(([p, d]) => `${quote(reader.columnOf(p))} ${d}`).join(', ')}`;
      return groupByParent(await selectRows(em, reader, parentKey, parentIds, order), parentKey, parentIds);
    });
}
