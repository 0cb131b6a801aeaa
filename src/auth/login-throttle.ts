import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { domainError, UserErrorCode } from '../common/errors.js';
import { m } from './messages.js';
import { LoginAttempt } from './login-attempt.entity.js';

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
/** Failed password checks per account from one address in the window; then that address is refused. */
export const LOGIN_MAX_FAILURES = 10;
/** Once other addresses failed that often, each check waits this much per failure beyond it… */
export const LOGIN_DELAY_STEP_MS = 100;
/** …up to this: strangers elsewhere slow a judge's login down, they never refuse it. */
export const LOGIN_MAX_DELAY_MS = 3000;
/** Advisory-lock namespace (the two-int form) for counting one account's attempts. */
const LOCK_NAMESPACE = 727100;

/** The delay before a check when `others` failures came from other addresses. */
export function otherAddressDelayMs(others: number): number {
  if (others < LOGIN_MAX_FAILURES) return 0;
  return Math.min(LOGIN_MAX_DELAY_MS, (others - LOGIN_MAX_FAILURES + 1) * LOGIN_DELAY_STEP_MS);
}

export interface Attempt {
  /** The password was right: the attempt is not a failure. */
  succeeded(): Promise<void>;
}

/**
 * Password checks (login, changePassword) per account and client address. Each attempt is recorded
 * as a failure *before* the password is checked, under a per-account lock, so that parallel requests
 * cannot all pass the count; a right password then removes its own record. An address with
 * LOGIN_MAX_FAILURES failures in the window is refused without a check; failures from other
 * addresses only add delay, so judges in one hall (one address) cannot be locked out from elsewhere.
 * Kept in the database, so the limit holds across instances.
 */
export class LoginThrottle {
  constructor(private readonly em: EntityManager) {}

  async begin(email: string, address: string | undefined, field?: string[]): Promise<Attempt> {
    const addr = (address ?? 'unknown').slice(0, 100);
    const since = new Date(Date.now() - LOGIN_WINDOW_MS);
    const admitted = await this.em.fork().transactional(async (tx) => {
      await tx.execute(`select pg_advisory_xact_lock(${LOCK_NAMESPACE}, hashtext(?))`, [email]);
      const [row] = await tx.execute<{ mine: number; total: number }[]>(
        'select count(*) filter (where "address" = ?)::int as "mine", count(*)::int as "total" from "login_attempt" where "email" = ? and "at" >= ?',
        [addr, email, since],
      );
      if (row!.mine >= LOGIN_MAX_FAILURES) return null;
      const id = randomUUID();
      await tx.insert(LoginAttempt, { id, email, address: addr, at: new Date() });
      return { id, others: row!.total - row!.mine };
    });
    if (!admitted) {
      throw domainError(
        UserErrorCode.TOO_MANY_ATTEMPTS,
        m('tooManyLogins'),
        field,
      );
    }
    const delay = otherAddressDelayMs(admitted.others);
    if (delay > 0) await new Promise((r) => setTimeout(r, delay));
    return { succeeded: async () => void (await this.em.fork().nativeDelete(LoginAttempt, { id: admitted.id })) };
  }

  /** An admin's reset: forgets every failure of the account, from every address. Returns how many. */
  async clear(email: string): Promise<number> {
    return this.em.fork().nativeDelete(LoginAttempt, { email });
  }
}
