import DataLoader from 'dataloader';
import type { EntityManager, EntityName } from '@mikro-orm/core';

export type LoaderFactory<K, V> = (em: EntityManager) => DataLoader<K, V>;

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
      loader = factory(this.em) as DataLoader<unknown, unknown>;
      this.cache.set(factory as LoaderFactory<unknown, unknown>, loader);
    }
    return loader as DataLoader<K, V>;
  }
}

/** One SELECT … WHERE id IN (…) per tick for all ids asked. */
export function byIdLoader<T extends { id: string }>(entity: EntityName<T>): LoaderFactory<string, T | null> {
  return (em) =>
    new DataLoader<string, T | null>(async (ids) => {
      const rows = await em.find(entity, { id: { $in: [...ids] } } as never);
      const map = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => map.get(id) ?? null);
    });
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
      const groups = new Map<string, T[]>(parentIds.map((id) => [id, []]));
      for (const row of rows) {
        const ref = (row as Record<string, unknown>)[parentKey] as { id: string };
        groups.get(ref.id)?.push(row);
      }
      return parentIds.map((id) => groups.get(id) ?? []);
    });
}
