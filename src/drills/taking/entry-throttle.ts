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
 * As the login throttle (auth/login-throttle.ts): each check is recorded as a failure before the pass
 * is looked at, under a per-address lock, so parallel guesses cannot all pass the count; a right pass
 * removes its record.
 */
export async function beginEntry(em: EntityManager, drillId: string, address: string | undefined): Promise<{ succeeded(): Promise<void> }> {
  const addr = (address ?? 'unknown').slice(0, 100);
  const since = new Date(Date.now() - ENTRY_WINDOW_MS);
  const admitted = await em.fork().transactional(async (tx) => {
    await tx.execute(`select pg_advisory_xact_lock(${LOCK_NAMESPACE}, hashtext(?))`, [addr]);
    const [row] = await tx.execute<{ mine: number; drill: number }[]>(
      `select (select count(*) from "drill_entry_attempt" where "address" = ? and "at" >= ?)::int as "mine",
              (select count(*) from "drill_entry_attempt" where "drill_id" = ? and "at" >= ?)::int as "drill"`,
      [addr, since, drillId, since],
    );
    if (row!.mine >= ENTRY_MAX_FAILURES_PER_ADDRESS) return null;
    const id = randomUUID();
    await tx.insert(DrillEntryAttempt, { id, drillId, address: addr, at: new Date() });
    return { id, drill: row!.drill };
  });
  if (!admitted) throw domainError(UserErrorCode.TOO_MANY_ATTEMPTS, m('tooManyEntries'), ['input', 'pass']);
  const delay = drillDelayMs(admitted.drill);
  if (delay > 0) await new Promise((r) => setTimeout(r, delay));
  return { succeeded: async () => void (await em.fork().nativeDelete(DrillEntryAttempt, { id: admitted.id })) };
}
