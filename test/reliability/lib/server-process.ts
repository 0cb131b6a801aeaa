import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { freePort } from '../../../src/db/embedded';
import { projectRoot } from '../../../src/db/paths';
import { BENCH_ADMIN, BENCH_JWT_SECRET } from '../../../bench/lib/env';
import { describeExit, watchProcess } from '../../../bench/lib/watch';

export const ADMIN = BENCH_ADMIN;
export const JWT_SECRET = BENCH_JWT_SECRET;

/** A server instance as users run it (`node dist/src/main.js`, production settings), which the test may kill. */
export interface ServerInstance {
  name: string;
  base: string;
  url: string;
  wsUrl: string;
  pid: number;
  exited(): boolean;
  /**
   * Why the process ended when the test did not end it (a crash, or a signal from elsewhere), else
   * null: exit code, signal and the last RSS sampled (every second), printed at once as well.
   */
  unexpectedExit(): string | null;
  /** SIGKILL: no drain, no goodbye to sockets or the database. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Per-user and per-address limits (write throttling, query cost budgets; src/config.ts) raised out of
 * the way: these tests are about faults, and the seeding admin and a hundred judges on one loopback
 * address would otherwise be throttled, which is another test's subject.
 */
const HIGH_LIMITS: Record<string, string> = {
  WRITE_BURST: '1000000',
  WRITES_PER_SECOND: '1000000',
  COST_BUDGET: '1000000000',
  COST_RESTORE_PER_SECOND: '1000000000',
  WS_MAX_CONNECTIONS_PER_ADDRESS: '100000',
};

/** `port`: a given one, to start an instance again where its clients know it (drill-restart.test.ts). */
export async function startServer(name: string, databaseUrl: string, extraEnv: Record<string, string> = {}, opts: { port?: number } = {}): Promise<ServerInstance> {
  const port = opts.port ?? await freePort();
  const child: ChildProcess = spawn(process.execPath, [path.join(projectRoot, 'dist/src/main.js')], {
    env: {
      ...process.env,
      ...HIGH_LIMITS,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      JWT_SECRET,
      LOG_LEVEL: process.env.RELIABILITY_SERVER_LOG ?? 'fatal',
      BOOTSTRAP_ADMIN_EMAIL: ADMIN.email,
      BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
      SHUTDOWN_GRACE_SECONDS: '2',
      ...extraEnv,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const watch = watchProcess(child, name);
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server ${name} exited with code ${child.exitCode}, signal ${child.signalCode}`);
    try {
      if ((await fetch(`${base}/ready`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`server ${name} did not become ready`);
    await new Promise((r) => setTimeout(r, 100));
  }
  // The watch prints an unexpected exit the moment it happens (code, signal, last RSS).
  const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = async (sig: NodeJS.Signals) => {
    watch.stopping();
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(sig);
    await exit;
  };
  return {
    name,
    base,
    url: `${base}/graphql`,
    wsUrl: `ws://127.0.0.1:${port}/graphql`,
    pid: child.pid!,
    exited: () => child.exitCode !== null || child.signalCode !== null,
    unexpectedExit: () => {
      const e = watch.unexpectedExit();
      return e ? describeExit(e) : null;
    },
    kill: () => signal('SIGKILL'),
    stop: () => signal('SIGTERM'),
  };
}

/** GET /ready: its status code, or 0 when the server does not answer. */
export async function readyStatus(instance: ServerInstance): Promise<number> {
  try {
    const res = await fetch(`${instance.base}/ready`, { signal: AbortSignal.timeout(5000) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}
