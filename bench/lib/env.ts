import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createLogger } from '../../src/logger.js';
import { freePort, startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/db/embedded.js';
import { projectRoot } from '../../src/db/paths.js';
import { watchProcess, type UnexpectedExit } from './watch.js';
import { SERVER_NODE_FLAGS } from './node-flags.js';

export const BENCH_ADMIN = { email: 'bench-admin@example.com', password: 'bench-admin-password' };
export const BENCH_JWT_SECRET = 'bench-secret-bench-secret-bench-secret-0123';

/** The bench's own PostgreSQL: DATABASE_URL when given, else a throwaway embedded cluster. */
export async function benchDatabase(): Promise<{ url: string; stop(): Promise<void> }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => {} };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiangxin-bench-'));
  fs.chmodSync(dir, 0o755);
  const db: EmbeddedDatabase = await startEmbeddedPostgres({ dataDir: dir, database: 'bench', log: createLogger('warn'), persistent: false,
    // Statement counts per request come from PostgreSQL itself (lib/pgstat.ts).
    settings: { shared_preload_libraries: 'pg_stat_statements' } });
  return {
    url: db.url,
    stop: async () => {
      await db.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface ServerProcess {
  url: string;
  /** Milliseconds from spawn to the first 200 from /ready. */
  readyMs: number;
  wsUrl: string;
  pid: number;
  rssMb(): number;
  /** The largest of the RSS samples taken every second since the start or the last resetMaxRss(). */
  maxRssMb(): number;
  resetMaxRss(): void;
  /** Set when the process ended without stop(): code, signal, last RSS (also printed at once). */
  unexpectedExit(): UnexpectedExit | null;
  stop(): Promise<void>;
}

/**
 * A server as users run it: its own process (`node dist/src/main.js`), production settings.
 * Without a database URL it starts its own embedded PostgreSQL (extraEnv.DATA_DIR says where).
 */
export async function startServerProcess(databaseUrl: string | undefined, extraEnv: Record<string, string> = {}, name = 'server'): Promise<ServerProcess> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    JWT_SECRET: BENCH_JWT_SECRET,
    LOG_LEVEL: 'warn',
    BOOTSTRAP_ADMIN_EMAIL: BENCH_ADMIN.email,
    BOOTSTRAP_ADMIN_PASSWORD: BENCH_ADMIN.password,
    // One machine plays every client from one address, seeding as one admin: lift the per-user and
    // per-address limits (README, "Limits"); the per-operation ones stay as in production.
    WRITE_BURST: '1000000000', WRITES_PER_SECOND: '1000000000', COST_BUDGET: '1000000000', COST_RESTORE_PER_SECOND: '1000000000',
    WS_MAX_CONNECTIONS_PER_ADDRESS: '1000000',
    ...extraEnv,
  };
  if (!databaseUrl) delete env.DATABASE_URL;
  const child: ChildProcess = spawn(process.execPath, [
    // BENCH_PROFILE=dir writes a CPU profile of the server (open it in Chrome DevTools).
    ...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []),
    ...SERVER_NODE_FLAGS,
    path.join(projectRoot, 'dist/src/main.js'),
  ], {
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const watch = watchProcess(child, name);
  const base = `http://127.0.0.1:${port}`;
  const spawned = performance.now();
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited with code ${child.exitCode}, signal ${child.signalCode}`);
    try {
      if ((await fetch(`${base}/ready`)).ok) break;
    } catch {
      /* not yet listening */
    }
    if (Date.now() > deadline) throw new Error('server did not become ready');
    await new Promise((r) => setTimeout(r, 25));
  }
  const readyMs = performance.now() - spawned;
  return {
    readyMs,
    url: `${base}/graphql`,
    wsUrl: `ws://127.0.0.1:${port}/graphql`,
    pid: child.pid!,
    rssMb: watch.rssMb,
    maxRssMb: watch.maxRssMb,
    resetMaxRss: watch.resetMax,
    unexpectedExit: watch.unexpectedExit,
    stop: () =>
      new Promise<void>((resolve) => {
        watch.stopping();
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
