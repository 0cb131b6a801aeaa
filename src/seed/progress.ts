import pg from 'pg';
import type { MikroORM } from '@mikro-orm/postgresql';
import { LoginAttempt } from '../auth/login-attempt.entity.js';
import { hashPassword } from '../auth/passwords.js';
import { User } from '../auth/user.entity.js';
import { AppraisalEligibilityRule } from '../appraisal/eligibility-rule.entity.js';
import { CalendarDay } from '../honors/calendar-day.entity.js';
import { SeedRun } from './seed-run.entity.js';

/** Every demo login is `…@demo.jiangxin.cn`. */
export const DEMO_DOMAIN = 'demo.jiangxin.cn';
const RUN = 'demo';
/** pg_advisory_lock key held by a running seed. */
const LOCK_KEY = 727_051;

/** The seed will not go on, and has changed nothing: the message says why and what to do. */
export class SeedRefused extends Error {}

export type SeedPlan = { kind: 'finished' } | { kind: 'build'; replacedRunStartedAt: Date | null };

/**
 * Held while a seed runs (a session-level advisory lock, so it goes with the connection when the
 * process dies): a second seed on the same database must not take the first one's work for a dead run.
 */
export async function lockSeed(databaseUrl: string): Promise<{ release(): Promise<void> }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [LOCK_KEY]);
  if (!rows[0]?.ok) {
    await client.end();
    throw new SeedRefused('Another `npm run seed` is running on this database: let it finish.');
  }
  return { release: () => client.end() };
}

/**
 * The tables the city lives in: every entity's but the seed marker's, failed logins' (nobody's data, kept) and
 * reference data a migration wrote (the appraisal eligibility rules and the working-day calendar: there before any
 * city, never removed).
 */
function cityTables(orm: MikroORM): string[] {
  const tables = Object.values(orm.getMetadata().getAll())
    .filter((m) => !m.embeddable && !m.virtual && !m.abstract && m.tableName && ![SeedRun, LoginAttempt, AppraisalEligibilityRule, CalendarDay].includes(m.class as never))
    .map((m) => m.tableName);
  return [...new Set(tables)].sort();
}

const quoted = (t: string) => `"${t.replace(/"/g, '""')}"`;

/**
 * What this run does, decided from the database, and the run marked started:
 * - a finished demo: nothing (`finished`);
 * - an empty database: build;
 * - a seed that started and never finished: remove what it built and build again. Only the seed
 *   could have written there: every write needs a login, and until the seed finishes its users have a
 *   password nobody knows (see `finishSeed`). So a user who is not a demo login means someone else
 *   is using this database, and then nothing is removed;
 * - any other data: refused, so the demo never mixes with (or wipes) real data.
 */
export async function beginSeed(orm: MikroORM): Promise<SeedPlan> {
  const em = orm.em.fork();
  const run = await em.findOne(SeedRun, { name: RUN });
  if (run?.finishedAt) return { kind: 'finished' };
  const tables = cityTables(orm);
  const conn = em.getConnection();
  if (!run) {
    const rows: { t: string }[] = await conn.execute(tables.map((t) => `SELECT '${t}' AS t WHERE EXISTS (SELECT 1 FROM ${quoted(t)})`).join(' UNION ALL '));
    if (rows.length) {
      throw new SeedRefused(`The database holds data already (in ${rows.map((r) => r.t).join(', ')}): the demo city goes only into an empty database, so that it never mixes with real data. Point DATA_DIR at a new directory (or DATABASE_URL at an empty database) and run the seed again.`);
    }
  } else {
    const others = await em.find(User, { $not: { email: { $like: `%@${DEMO_DOMAIN}` } } }, { orderBy: { email: 'asc' }, limit: 5 });
    if (others.length) {
      throw new SeedRefused(`A demo seed started at ${run.startedAt.toISOString()} did not finish, and the database now holds users it did not make (${others.map((u) => u.email).join(', ')}): nothing is removed. Point DATA_DIR at a new directory (or DATABASE_URL at an empty database) and run the seed again.`);
    }
  }
  const replacedRunStartedAt = run?.startedAt ?? null; // read now: the upsert below updates `run` too
  await em.transactional(async (tx) => {
    if (run) await tx.getConnection().execute(`TRUNCATE ${tables.map(quoted).join(', ')}`);
    await tx.upsert(SeedRun, { name: RUN, startedAt: new Date(), finishedAt: null });
  });
  return { kind: 'build', replacedRunStartedAt };
}

/**
 * The demo logins get `password` (they were built with a throwaway one, so that nobody could log in
 * to a half-built city) and the run is marked finished, in one transaction: either the demo is
 * there and usable, or the next run rebuilds it.
 */
export async function finishSeed(orm: MikroORM, password: string): Promise<void> {
  await orm.em.fork().transactional(async (em) => {
    const users = await em.find(User, { email: { $like: `%@${DEMO_DOMAIN}` } });
    const hash = await hashPassword(password); // one scrypt for all: the password is printed for everyone anyway
    for (const u of users) {
      u.passwordHash = hash;
      u.tokenVersion += 1; // the build's tokens stop working
    }
    const run = await em.findOneOrFail(SeedRun, { name: RUN });
    run.finishedAt = new Date();
  });
}
