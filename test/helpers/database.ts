import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { migrate, openOrm } from '../../src/db/orm';
import { projectRoot } from '../../src/db/paths';

/** The admin URL of the run's PostgreSQL (global-setup.mjs: embedded, or DATABASE_URL). */
export function adminUrl(): string {
  const url = process.env.JX_TEST_ADMIN_URL;
  if (!url) throw new Error('JX_TEST_ADMIN_URL is not set: run the tests through jest (test/helpers/global-setup.mjs)');
  return url;
}

export function urlFor(database: string): string {
  const u = new URL(adminUrl());
  u.pathname = `/${database}`;
  return u.toString();
}

async function withAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Named after the migrations' content, so a changed migration gets a fresh template. */
function templateName(): string {
  const dir = path.join(projectRoot, 'migrations');
  const hash = crypto.createHash('sha1');
  for (const f of fs.readdirSync(dir).sort()) hash.update(f).update(fs.readFileSync(path.join(dir, f)));
  return `jx_tpl_${hash.digest('hex').slice(0, 12)}`;
}

/**
 * A migrated template database, built once per run under an advisory lock (test files run in
 * parallel workers); every test file then clones it, which takes milliseconds.
 */
async function ensureTemplate(): Promise<string> {
  const name = templateName();
  await withAdmin(async (c) => {
    await c.query('SELECT pg_advisory_lock(727001)');
    try {
      const { rowCount } = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (rowCount) return;
      const building = `${name}_building`;
      await c.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
      await c.query(`CREATE DATABASE ${building}`);
      const orm = await openOrm(urlFor(building), { poolMax: 2 });
      try {
        await migrate(orm);
      } finally {
        await orm.close(true);
      }
      await c.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
    } finally {
      await c.query('SELECT pg_advisory_unlock(727001)');
    }
  });
  return name;
}

/** A fresh, migrated database of this test file's own. */
export async function createTestDatabase(): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const template = await ensureTemplate();
  const name = `jx_test_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  await withAdmin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  return {
    name,
    url: urlFor(name),
    drop: () => withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
