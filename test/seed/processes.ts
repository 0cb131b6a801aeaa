import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../src/db/embedded';
import { projectRoot } from '../../src/db/paths';

/** What a new user's shell has: a PATH and a HOME, plus DATA_DIR (a fresh directory) and a free PORT. */
export interface FreshEnv { env: Record<string, string>; dataDir: string; port: number }

const made: string[] = [];

export async function freshEnv(): Promise<FreshEnv> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiangxin-seed-'));
  made.push(dataDir);
  const port = await freePort();
  return { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? os.homedir(), DATA_DIR: dataDir, PORT: String(port) }, dataDir, port };
}

export interface Finished { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; seconds: number }
export interface Running { child: ChildProcess; output(): string; done: Promise<Finished> }

/** A command in the project root, as a user runs it, with exactly `env`. */
export function start(command: string, args: string[], env: Record<string, string>): Running {
  const started = Date.now();
  const child = spawn(command, args, { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (b: Buffer) => (stdout += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
  const done = new Promise<Finished>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr, seconds: (Date.now() - started) / 1000 }));
  });
  return { child, output: () => `${stdout}\n${stderr}`, done };
}

export const run = (command: string, args: string[], env: Record<string, string>) => start(command, args, env).done;

/** `node dist/src/main.js` on env's DATA_DIR and PORT, once /ready answers. */
export async function startServer(e: FreshEnv): Promise<{ base: string; stop(): Promise<Finished> }> {
  const server = start(process.execPath, ['dist/src/main.js'], e.env);
  const base = `http://127.0.0.1:${e.port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (server.child.exitCode !== null) throw new Error(`the server exited: ${server.output()}`);
    const ready = await fetch(`${base}/ready`).then((r) => r.ok, () => false);
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`the server did not become ready: ${server.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    base,
    async stop() {
      server.child.kill('SIGTERM');
      return server.done;
    },
  };
}

export async function gql(base: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<any> {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: any; errors?: unknown[] };
  if (body.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** The embedded PostgreSQL a process started under dataDir (its pid file: pid, data dir, start time, port). */
export function postmaster(dataDir: string): { pid: number; port: number; password: string } | null {
  const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return null;
  const lines = fs.readFileSync(pidFile, 'utf8').split('\n');
  const password = fs.readFileSync(path.join(dataDir, 'pg-password'), 'utf8').trim();
  return { pid: Number(lines[0]), port: Number(lines[3]), password };
}

/**
 * Stops a PostgreSQL that a killed process left running under one of our data directories (the
 * seed's processes started it), then removes the directories.
 */
export async function cleanUp(): Promise<void> {
  for (const dir of made.splice(0)) {
    const pm = postmaster(dir);
    const alive = (pid: number) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    if (pm && alive(pm.pid)) {
      process.kill(pm.pid, 'SIGINT');
      for (let i = 0; i < 100 && alive(pm.pid); i++) await new Promise((r) => setTimeout(r, 100));
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
