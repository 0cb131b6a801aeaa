import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServerProcess } from './lib/env.js';
import { fmt, summarize, table } from './lib/stats.js';

/** `node dist/src/main.js` to the first 200 from /ready: on a new data dir (initdb + migrations), then again on it. */
export async function startTimes(opts: { warmRuns: number }): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiangxin-start-'));
  fs.chmodSync(dataDir, 0o755);
  try {
    const cold = await startServerProcess(undefined, { DATA_DIR: dataDir });
    const coldRss = cold.rssMb();
    await cold.stop();
    const warm: number[] = [];
    for (let i = 0; i < opts.warmRuns; i++) {
      const s = await startServerProcess(undefined, { DATA_DIR: dataDir });
      warm.push(s.readyMs);
      await s.stop();
    }
    const w = summarize(warm);
    console.log(table('start: embedded PostgreSQL, spawn → first 200 from /ready', [
      ['cold (new data dir: initdb, migrations, bootstrap admin)', `${fmt(cold.readyMs / 1000, 2)} s  (server RSS ${fmt(coldRss, 0)} MB)`],
      [`warm (same data dir), ${opts.warmRuns} runs`, `median ${fmt(w.p50 / 1000, 2)} s  max ${fmt(w.max / 1000, 2)} s`],
    ]));
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
