import type { CacheSlot } from './store.js';

/**
 * How long the response cache keeps an answer that read the clock without knowing when it would
 * read otherwise (a list filtered by "upcoming" or by phase: the next edge is some row's time).
 */
export const CLOCK_MAX_AGE_MS = 5_000;

/**
 * A field resolver whose answer follows the clock (a drill's phase, an appeal window) tells the
 * response cache the next instant it would answer differently: the stored answer expires then, so an
 * anonymous reader never gets UPCOMING after the opening although no write came (src/cache/http.ts).
 * Null: the answer no longer changes with time. Only a context the cache may store from carries a
 * slot; for every other request this costs a property read.
 */
export function dependsOnClockUntil(ctx: { responseCacheSlot?: CacheSlot }, edge: Date | null): void {
  const slot = ctx.responseCacheSlot;
  if (!slot || !edge) return;
  const at = edge.getTime();
  if (slot.expiresAt === undefined || at < slot.expiresAt) slot.expiresAt = at;
}

/** The same for an answer that read the clock with no known next edge: it is kept CLOCK_MAX_AGE_MS at most. */
export function dependsOnClock(ctx: { responseCacheSlot?: CacheSlot }, now = Date.now()): void {
  dependsOnClockUntil(ctx, new Date(now + CLOCK_MAX_AGE_MS));
}
