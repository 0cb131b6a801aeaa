import { BENCH_ADMIN } from './env.js';
import { gql, login, must } from './gql.js';
import { createEnterprise, importWorkers, seedCompetition, type SeededCompetition } from './seed.js';

const HONORS = ['MODEL_WORKER', 'CRAFTSMAN', 'GOLD_MEDAL_WORKER', 'SKILLED_CRAFTSMAN', 'TECHNICAL_EXPERT', 'OUTSTANDING_TECHNICIAN'];
const LEVELS = ['ENTERPRISE', 'DISTRICT', 'CITY', 'PROVINCE'];

/** Runs `fn` over `items`, `width` at a time. */
export async function inBatches<T>(items: T[], width: number, fn: (item: T, i: number) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += width) await Promise.all(items.slice(i, i + width).map((x, k) => fn(x, i + k)));
}

async function grantHonors(url: string, token: string, workerIds: string[]): Promise<void> {
  await inBatches(workerIds, 20, async (workerId, i) => {
    for (let h = 0; h < 1 + (i % 3); h++) {
      const d = await gql(url, `mutation($i: GrantHonorInput!) { grantHonor(input: $i) { userErrors { message } } }`, {
        i: { workerId, kind: HONORS[(i + h) % HONORS.length], level: LEVELS[(i + h) % LEVELS.length], year: 2015 + h, source: '压测' },
      }, token);
      must(d.grantHonor, 'grantHonor');
    }
  });
}

/**
 * What the frontend reads: a competition of `entries` entries, every entry marked on every criterion
 * (so every entry has stage totals), honors on its workers, and a registry of `registry` more workers
 * whose first page (by name) also holds honors.
 */
export async function seedReadData(url: string, opts: { entries: number; registry: number }): Promise<SeededCompetition & { adminToken: string }> {
  const seeded = await seedCompetition(url, { entries: opts.entries, criteria: 6, judges: 1 });
  const marks = seeded.entryIds.flatMap((entryId) => seeded.criteria.map((c) => ({ entryId, criterionId: c.id })));
  await inBatches(marks, 20, async (m, i) => {
    const d = await gql(url, `mutation($i: SubmitScoreInput!) { submitScore(input: $i) { userErrors { message } } }`, {
      i: { ...m, value: ((i * 37) % 1000) / 100, reason: 'bench' },
    }, seeded.judgeTokens[0]);
    must(d.submitScore, 'submitScore');
  });
  const admin = await login(url, BENCH_ADMIN.email, BENCH_ADMIN.password);
  for (let e = 0; e < opts.registry; e += 1000) {
    const ent = await createEnterprise(url, admin, `登记企业${Date.now()}-${e}`, e % 2000 ? 'STATE_OWNED' : 'PRIVATE');
    await importWorkers(url, admin, ent, Math.min(1000, opts.registry - e), `职工${e / 1000}-`);
  }
  const firstPage: any = await gql(url, `{ workers(first: 100) { nodes { id } } }`, {}, admin);
  const entrants: any = await gql(url, `query($id: ID!) { competition(id: $id) { entries(first: 100) { nodes { participants { worker { id } } } } } }`, { id: seeded.competitionId }, admin);
  const ids = new Set<string>(firstPage.workers.nodes.map((n: { id: string }) => n.id));
  for (const n of entrants.competition.entries.nodes) for (const p of n.participants) ids.add(p.worker.id);
  await grantHonors(url, admin, [...ids]);
  return { ...seeded, adminToken: admin };
}
