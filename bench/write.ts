import { performance } from 'node:perf_hooks';
import { gql } from './lib/gql.js';
import { BENCH_ADMIN, benchDatabase, startServerProcess } from './lib/env.js';
import { StatementCounter } from './lib/pgstat.js';
import { createEnterprise, seedCompetition } from './lib/seed.js';
import { login } from './lib/gql.js';
import { cpuSeconds, fmt, summarize, table } from './lib/stats.js';

const SUBMIT = `mutation($i: SubmitScoreInput!) { submitScore(input: $i) { leaderboardVersion userErrors { message } } }`;
const IMPORT = `mutation($i: ImportWorkersInput!) { importWorkers(input: $i) { createdCount userErrors { message } } }`;

/** submitScore alone (no subscribers) at one request in flight per judge, then one 10,000-row importWorkers. */
export async function writePath(opts: { seconds: number; judges: number; entries: number; criteria: number; importRows: number }): Promise<void> {
  const db = await benchDatabase();
  const server = await startServerProcess(db.url);
  const counter = await StatementCounter.open(db.url);
  try {
    const seeded = await seedCompetition(server.url, { entries: opts.entries, criteria: opts.criteria, judges: opts.judges });
    // Each judge marks its own shuffled sheet: every (entry, criterion) once.
    const sheets = seeded.judgeTokens.map(() => {
      const cells = seeded.entryIds.flatMap((entryId) => seeded.criteria.map((c) => ({ entryId, criterionId: c.id })));
      for (let i = cells.length - 1; i > 0; i--) {
        const k = Math.floor(Math.random() * (i + 1));
        [cells[i], cells[k]] = [cells[k]!, cells[i]!];
      }
      return cells;
    });
    const submit = (judge: number, cell: { entryId: string; criterionId: string }) =>
      gql(server.url, SUBMIT, { i: { ...cell, value: Math.round(Math.random() * 1000) / 100, reason: 'bench', idempotencyKey: `${judge}:${cell.entryId}:${cell.criterionId}` } }, seeded.judgeTokens[judge]);
    const statements = counter ? fmt(await counter.perRun(() => submit(0, sheets[0]!.pop()!), 20), 1) : '–';
    const latencies: number[] = [];
    let failed = 0;
    const reasons = new Set<string>();
    const deadline = performance.now() + opts.seconds * 1000;
    const cpu0 = cpuSeconds(server.pid);
    const started = performance.now();
    await Promise.all(sheets.map(async (sheet, judge) => {
      while (performance.now() < deadline && sheet.length) {
        const t0 = performance.now();
        try {
          const d = await submit(judge, sheet.pop()!);
          if (d.submitScore.userErrors.length) {
            failed++;
            reasons.add(d.submitScore.userErrors[0].message);
          } else latencies.push(performance.now() - t0);
        } catch (err) {
          failed++;
          reasons.add(String(err).slice(0, 120));
        }
      }
    }));
    const elapsed = (performance.now() - started) / 1000;
    const cpu = cpuSeconds(server.pid) - cpu0;
    const s = summarize(latencies);

    const admin = await login(server.url, BENCH_ADMIN.email, BENCH_ADMIN.password);
    const enterprise = await createEnterprise(server.url, admin, `导入企业${Date.now()}`, 'STATE_OWNED');
    const rows = Array.from({ length: opts.importRows }, (_, i) => ({
      name: `导入职工${i}`, gender: i % 2 ? 'MALE' : 'FEMALE', birthYear: 1970 + (i % 30), trade: ['焊工', '钳工', '电工'][i % 3], skillLevel: 'INTERMEDIATE',
      employeeNumber: `IMP-${String(i).padStart(6, '0')}`, migrantWorker: i % 4 === 0, joinedAt: '2015-03-01',
    }));
    const icpu0 = cpuSeconds(server.pid);
    const t0 = performance.now();
    const d = await gql(server.url, IMPORT, { i: { enterpriseId: enterprise, rows } }, admin);
    const importSeconds = (performance.now() - t0) / 1000;
    const importCpu = cpuSeconds(server.pid) - icpu0;
    console.log(table(`write path: submitScore alone, ${opts.judges} judges one request in flight each, ${opts.seconds} s; importWorkers of ${opts.importRows} rows`, [
      ['marks accepted', `${latencies.length} (${failed} failed${reasons.size ? `: ${[...reasons].slice(0, 2).join('; ')}` : ''})`],
      ['marks per second', fmt(latencies.length / elapsed)],
      ['submitScore latency ms', `p50 ${fmt(s.p50)}  p95 ${fmt(s.p95)}  p99 ${fmt(s.p99)}  max ${fmt(s.max)}`],
      ['server CPU per mark', `${fmt((1000 * cpu) / (latencies.length || 1))} ms`],
      ['SQL statements per mark', statements],
      [`importWorkers ${opts.importRows} rows`, `${fmt(importSeconds, 2)} s wall, ${fmt(importCpu, 2)} s server CPU (${d.importWorkers.createdCount} imported${d.importWorkers.userErrors.length ? `, ${JSON.stringify(d.importWorkers.userErrors).slice(0, 200)}` : ''})`],
    ]));
  } finally {
    await counter?.close();
    await server.stop();
    await db.stop();
  }
}
