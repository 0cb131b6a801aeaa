import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { domainError, UserErrorCode } from '../../common/errors.js';
import { DrillEntryAttempt } from './entry-attempt.entity.js';
import { m } from './messages.js';

export const ENTRY_WINDOW_MS = 15 * 60 * 1000;
/**
 * Failed entries from one address in the window; then it is refused. Generous: a workshop's takers
 * share one address behind its router, and they mistype.
 */
export const ENTRY_MAX_FAILURES_PER_ADDRESS = 30;
/**
 * Checks under way at once from one address. A check is recorded before the pass is looked at; only a
 * settled failure counts against the 30 (or a record left by a request that died: older than
 * ENTRY_STALE_MS). So a workshop of a hundred phones behind one router entering at the opening minute
 * is let in, while parallel guesses are still bounded: by this cap, then by the 30 once they settle.
 */
export const ENTRY_MAX_IN_FLIGHT_PER_ADDRESS = 200;
export const ENTRY_STALE_MS = 30_000;
/** Failures at one drill from anywhere beyond which every check waits (slows a spread-out guesser, never locks takers out). */
export const ENTRY_DRILL_FAILURES_BEFORE_DELAY = 200;
export const ENTRY_DELAY_STEP_MS = 10;
export const ENTRY_MAX_DELAY_MS = 2000;
const LOCK_NAMESPACE = 727116;

/** The delay before a check when the drill saw `failures` failures in the window. */
export function drillDelayMs(failures: number): number {
  if (failures < ENTRY_DRILL_FAILURES_BEFORE_DELAY) return 0;
  return Math.min(ENTRY_MAX_DELAY_MS, (failures - ENTRY_DRILL_FAILURES_BEFORE_DELAY + 1) * ENTRY_DELAY_STEP_MS);
}

/**
 * As the login throttle (auth/login-throttle.ts): each check is recorded before the pass is looked at,
 * under a per-address lock, so parallel guesses cannot all pass the count; a right pass removes its
 * record, a wrong one marks it failed (`failed()`).
 */
export async function beginEntry(em: EntityManager, drillId: string, address: string | undefined): Promise<{ succeeded(): Promise<void>; failed(): Promise<void> }> {
  const addr = (address ?? 'unknown').slice(0, 100);
  const now = Date.now();
  const since = new Date(now - ENTRY_WINDOW_MS);
  const stale = new Date(now - ENTRY_STALE_MS);
  const admitted = await em.fork().transactional(async (tx) => {
    await tx.execute(`select pg_advisory_xact_lock(${LOCK_NAMESPACE}, hashtext(?))`, [addr]);
    const [row] = await tx.execute<{ mine: number; inFlight: number; drill: number }[]>(
      `select (select count(*) from "drill_entry_attempt" where "address" = ? and "at" >= ? and ("failed" or "at" < ?))::int as "mine",
              (select count(*) from "drill_entry_attempt" where "address" = ? and "at" >= ? and not "failed")::int as "inFlight",
              (select count(*) from "drill_entry_attempt" where "drill_id" = ? and "at" >= ? and ("failed" or "at" < ?))::int as "drill"`,
      [addr, since, stale, addr, stale, drillId, since, stale],
    );
    if (row!.mine >= ENTRY_MAX_FAILURES_PER_ADDRESS || row!.inFlight >= ENTRY_MAX_IN_FLIGHT_PER_ADDRESS) return null;
    const id = randomUUID();
    await tx.insert(DrillEntryAttempt, { id, drillId, address: addr, at: new Date(), failed: false });
    return { id, drill: row!.drill };
  });
  if (!admitted) throw domainError(UserErrorCode.TOO_MANY_ATTEMPTS, m('tooManyEntries'), ['input', 'pass']);
  const delay = drillDelayMs(admitted.drill);
  if (delay > 0) await new Promise((r) => setTimeout(r, delay));
  return {
    succeeded: async () => void (await em.fork().nativeDelete(DrillEntryAttempt, { id: admitted.id })),
    failed: async () => void (await em.fork().nativeUpdate(DrillEntryAttempt, { id: admitted.id }, { failed: true })),
  };
}
