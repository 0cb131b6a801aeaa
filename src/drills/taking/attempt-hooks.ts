import type { EntityManager } from '@mikro-orm/postgresql';
import type { DrillAttempt } from './attempt.entity.js';

/**
 * Runs inside the transaction that voided an attempt (voidDrillAttempt), so whatever reads the drill's
 * results (a competition stage filled from it) can note, atomically with the voiding, that they are out
 * of date. Rooms that need it register at start-up; taking itself registers none.
 */
export type AttemptVoidedHook = (tx: EntityManager, attempt: DrillAttempt, reason: string) => Promise<void>;

const hooks: AttemptVoidedHook[] = [];

export function onAttemptVoided(hook: AttemptVoidedHook): void {
  if (!hooks.includes(hook)) hooks.push(hook);
}

export async function attemptVoided(tx: EntityManager, attempt: DrillAttempt, reason: string): Promise<void> {
  for (const hook of hooks) await hook(tx, attempt, reason);
}
