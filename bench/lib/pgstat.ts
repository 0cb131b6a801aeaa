import pg from 'pg';

// The drill sweeper's idle check (once a second on every server) is background work, not any request's
// cost: left out of every count, as the tests' statement counter leaves it out. SWEEPER_SQL_MARK of
// src/drills/taking/sweeper.ts, written out so the bench process does not load the server's entities.
const SWEEPER = '/* drill-sweeper */';

/**
 * SQL statements per request, counted by PostgreSQL itself (pg_stat_statements), so our server and
 * PostGraphile are counted the same way, BEGIN/COMMIT included. The bench's embedded cluster preloads
 * the module; with a DATABASE_URL that does not, counts print as unknown.
 */
export class StatementCounter {
  private constructor(private readonly client: pg.Client) {}

  static async open(databaseUrl: string): Promise<StatementCounter | null> {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
      await client.query('SELECT count(*) FROM pg_stat_statements');
      return new StatementCounter(client);
    } catch {
      await client.end();
      return null;
    }
  }

  /** Statements this database has run since the last reset (the counter's own reads excluded). */
  async total(): Promise<number> {
    const { rows } = await this.client.query(
      `SELECT coalesce(sum(calls), 0)::bigint AS n FROM pg_stat_statements
        WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT ILIKE '%pg_stat_statements%'
          AND position($1 in query) = 0`,
      [SWEEPER],
    );
    return Number(rows[0].n);
  }

  /**
   * Waits (up to 60 s) until the database is quiet: no statement running and none completed for
   * half a second. A load run's stragglers (requests queued for a pool connection) finish first.
   */
  async quiet(): Promise<void> {
    const deadline = Date.now() + 60_000;
    let last = await this.total();
    for (;;) {
      await new Promise((r) => setTimeout(r, 500));
      const { rows } = await this.client.query(
        // The comment keeps this probe out of the count, as the filter below does for the counter's own reads.
        `SELECT /* pg_stat_statements probe */ count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle'`,
      );
      const now = await this.total();
      if ((rows[0].n === 0 && now === last) || Date.now() > deadline) return;
      last = now;
    }
  }

  /** Runs `fn` `times` times one after another; statements per run (nothing else may use the database meanwhile). */
  async perRun(fn: () => Promise<unknown>, times = 5): Promise<number> {
    await this.quiet();
    await this.client.query('SELECT pg_stat_statements_reset()');
    const before = await this.total();
    for (let i = 0; i < times; i++) await fn();
    return (await this.total() - before) / times;
  }

  /** Forgets every count so far (the next figures start from zero). */
  async reset(): Promise<void> {
    await this.client.query('SELECT pg_stat_statements_reset()');
  }

  /** The statements that took the most time in PostgreSQL since the last reset: calls, mean ms, the text's start. */
  async top(n: number): Promise<{ calls: number; meanMs: number; totalMs: number; query: string }[]> {
    const { rows } = await this.client.query(
      `SELECT calls::int, mean_exec_time AS mean, total_exec_time AS total, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) AS q FROM pg_stat_statements
        WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT ILIKE '%pg_stat_statements%'
        ORDER BY total_exec_time DESC LIMIT $1`,
      [n],
    );
    return rows.map((r) => ({ calls: r.calls, meanMs: Number(r.mean), totalMs: Number(r.total), query: r.q }));
  }

  close(): Promise<void> {
    return this.client.end();
  }
}
