import path from 'node:path';
import { defineConfig, MikroORM, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { migrationsList } from '../../migrations/index.js';
import type { Logger } from '../logger.js';
import { entities } from './entities.js';
import { projectRoot } from './paths.js';

export function ormConfig(clientUrl: string, opts: { log?: Logger; poolMax?: number } = {}): Options {
  return defineConfig({
    clientUrl,
    entities,
    extensions: [Migrator],
    migrations: {
      migrationsList: migrationsList as never,
      path: path.join(projectRoot, 'migrations'),
      pathTs: path.join(projectRoot, 'migrations'),
      emit: 'ts',
      snapshot: false,
      transactional: true,
      allOrNothing: true,
      tableName: 'mikro_orm_migrations',
    },
    // Entities are validated at discovery; a mismatch fails the start, not a request.
    validate: true,
    strict: true,
    forceUndefined: false,
    pool: { min: 0, max: opts.poolMax ?? 20 },
    // knex's own warnings (a pooled connection lost in a database restart) go to our structured log, not the console.
    driverOptions: {
      log: {
        warn: (msg: unknown) => opts.log?.warn({ knex: String(msg) }, 'database driver'),
        error: (msg: unknown) => opts.log?.error({ knex: String(msg) }, 'database driver'),
        deprecate: (msg: unknown) => opts.log?.debug({ knex: String(msg) }, 'database driver'),
        debug: (msg: unknown) => opts.log?.debug({ knex: String(msg) }, 'database driver'),
      },
    },
    debug: false,
    logger: (msg) => opts.log?.debug({ orm: msg }, 'orm'),
    // Many small writes per request: don't let the ORM lazily load in loops (see ARCHITECTURE, Data access).
    allowGlobalContext: false,
  });
}

export async function openOrm(clientUrl: string, opts: { log?: Logger; poolMax?: number } = {}): Promise<MikroORM> {
  return MikroORM.init(ormConfig(clientUrl, opts));
}

/** Runs pending migrations; returns their names. */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const done = await orm.getMigrator().up();
  return done.map((m) => m.name);
}
