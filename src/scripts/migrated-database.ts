import type { MikroORM } from '@mikro-orm/postgresql';
import { loadConfig, type Config } from '../config.js';
import { createLogger, type Logger } from '../logger.js';
import { openDatabase, type Database } from '../db/database.js';
import { migrate, openOrm } from '../db/orm.js';

export interface ScriptDatabase {
  config: Config;
  log: Logger;
  db: Database;
  orm: MikroORM;
}

/**
 * For the npm scripts: the configured database (embedded or DATABASE_URL), brought up to date, handed
 * to `fn`, then closed and (when embedded) stopped whatever `fn` does.
 */
export async function withMigratedDatabase<T>(fn: (s: ScriptDatabase) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const log = createLogger(process.env.LOG_LEVEL ?? 'warn');
  const db = await openDatabase(config, log);
  const orm = await openOrm(db.url, { log });
  try {
    await migrate(orm);
    return await fn({ config, log, db, orm });
  } finally {
    await orm.close(true);
    await db.stop();
  }
}
