import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../../logger.js';
import { AttemptStatus } from '../enums.js';
import { submitDueAtDeadline } from './marking.service.js';
import { Ticker } from '../../common/ticker.js';

/** Attempts submitted per transaction: a city's drill ending at its window's close has thousands due at once. */
export const SWEEP_BATCH = 200;
export const SWEEP_INTERVAL_MS = 1000;
/** Starts the sweeper's idle check, so a statement count of a request can tell it apart. */
export const SWEEPER_SQL_MARK = '/* drill-sweeper */';

/**
 * Submits (and marks) every attempt under way whose deadline passed, once a second, on every server
 * instance: rows are claimed with FOR UPDATE SKIP LOCKED, so two instances share the work and never
 * submit one attempt twice, and a taker's own submitAttempt (which locks the row) waits and then sees
 * it submitted. The database's clock decides, as it does for saves.
 */
export class DrillSweeper extends Ticker {
  protected readonly logs = { did: (n: number): [Record<string, unknown>, string] => [{ submitted: n }, 'drill attempts submitted at their deadline'], failed: 'drill sweep failed' };

  constructor(private readonly orm: MikroORM, log: Logger, intervalMs = SWEEP_INTERVAL_MS) {
    super(log, intervalMs);
  }

  protected runOnce(): Promise<number> {
    return this.sweep();
  }

  /** Every attempt due now, in batches; how many were submitted. */
  async sweep(): Promise<number> {
    let total = 0;
    for (;;) {
      // One cheap statement when nothing is due (the usual second), outside a transaction; the marker
      // lets the tests' statement counter (test/helpers/server.ts) leave this background work out.
      const due = await this.orm.em.getConnection().execute<{ one: number }[]>(
        `${SWEEPER_SQL_MARK} select 1 as one from "drill_attempt" where "status" = ? and "deadline" <= clock_timestamp() limit 1`,
        [AttemptStatus.IN_PROGRESS],
      );
      if (!due.length) return total;
      const n = await this.orm.em.fork().transactional((tx) => submitDueAtDeadline(tx, SWEEP_BATCH));
      total += n;
      if (n < SWEEP_BATCH) return total;
    }
  }
}
