import type { EntityManager } from '@mikro-orm/core';

type Thunks<T extends readonly unknown[]> = { [K in keyof T]: () => Promise<T[K]> };

/**
 * Runs independent reads in parallel on the pool, but one after another inside a transaction: a
 * transaction is one connection, and overlapping queries on one pg client are deprecated (pg 9 drops them).
 */
export async function concurrently<T extends readonly unknown[]>(em: EntityManager, ...reads: Thunks<T>): Promise<T> {
  if (!em.isInTransaction()) return (await Promise.all(reads.map((r) => r()))) as unknown as T;
  const out: unknown[] = [];
  for (const read of reads) out.push(await read());
  return out as unknown as T;
}
