import 'reflect-metadata';
import { loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { jwtSecretFor, openDatabase } from './db/database.js';
import { migrate, openOrm } from './db/orm.js';
import { createServer } from './server.js';
import { AuthService } from './auth/auth.service.js';
import { TokenService } from './auth/tokens.js';
import { logProcessExits } from './process-exit.js';

/** start-up: config → database (DATABASE_URL or embedded) → migrate → serve; clean shutdown on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  logProcessExits();
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const db = await openDatabase(config, log);
  const orm = await openOrm(db.url, { log });
  const applied = await migrate(orm);
  if (applied.length) log.info({ migrations: applied }, 'migrations applied');
  const jwtSecret = jwtSecretFor(config, db.embedded);
  if (config.bootstrapAdmin) {
    const auth = new AuthService(orm.em.fork(), new TokenService(jwtSecret, config.jwtTtlSeconds, config.sessionMaxHours * 3600), log);
    if (await auth.bootstrapAdmin(config.bootstrapAdmin.email, config.bootstrapAdmin.password)) {
      log.info({ email: config.bootstrapAdmin.email }, 'bootstrap admin created');
    }
  }
  const server = await createServer(config, orm, log, jwtSecret);
  log.info({ url: server.url, ws: server.wsUrl, database: db.embedded ? 'embedded' : 'DATABASE_URL' }, 'Jiangxin is serving');

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: draining requests');
    const force = setTimeout(() => {
      log.error('shutdown took too long; exiting');
      process.exit(1);
    }, (config.shutdownGraceSeconds + 15) * 1000);
    force.unref();
    try {
      await server.close();
      log.info('requests drained; closing the database connections');
      await orm.close(true);
      await db.stop();
      log.info('stopped cleanly');
      process.exit(0);
    } catch (err) {
      log.error({ err }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err) => {
  // Config errors and start failures: one clear line, non-zero exit.
  console.error(`Jiangxin failed to start: ${err instanceof Error ? err.message : String(err)}`);
  if (process.env.NODE_ENV === 'development' && err instanceof Error) console.error(err.stack);
  process.exit(1);
});
