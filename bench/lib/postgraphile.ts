import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePort } from '../../src/db/embedded.js';
import { projectRoot } from '../../src/db/paths.js';

/**
 * PostGraphile 4, the peer: a dependency of the bench only, kept in bench/postgraphile with its own
 * lockfile (it wants graphql 15), installed there on first use and run as its own process.
 */
const dir = path.join(projectRoot, 'bench/postgraphile');

function ensureInstalled(): void {
  if (fs.existsSync(path.join(dir, 'node_modules/postgraphile/cli.js'))) return;
  console.log('installing PostGraphile for the bench (npm ci --prefix bench/postgraphile) …');
  execFileSync('npm', ['ci', '--prefix', dir, '--no-audit', '--no-fund'], { stdio: 'inherit' });
}

export interface PeerProcess {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export async function startPostGraphile(databaseUrl: string, poolSize: number): Promise<PeerProcess> {
  ensureInstalled();
  const port = await freePort();
  // Production settings, as its docs recommend them; cwd holds postgraphile.tags.json5.
  const child: ChildProcess = spawn(process.execPath, [
    path.join(dir, 'node_modules/postgraphile/cli.js'),
    '--connection', databaseUrl, '--schema', 'public', '--host', '127.0.0.1', '--port', String(port),
    '--append-plugins', '@graphile-contrib/pg-simplify-inflector',
    '--disable-default-mutations', '--disable-graphiql', '--disable-query-log', '--dynamic-json',
    '--no-setof-functions-contain-nulls', '--legacy-relations', 'omit', '--max-pool-size', String(poolSize),
  ], { cwd: dir, env: { ...process.env, NODE_ENV: 'production' }, stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}/graphql`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`PostGraphile exited with ${child.exitCode}`);
    try {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
      if (res.ok) break;
    } catch {
      /* not yet listening */
    }
    if (Date.now() > deadline) throw new Error('PostGraphile did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
