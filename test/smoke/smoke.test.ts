import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, type ServerInstance } from '../reliability/lib/server-process';
import { seedCompetition, type Seeded } from '../reliability/lib/seed';
import { gql, must } from '../../bench/lib/gql';
import { record, wsClient } from '../helpers/ws';

/**
 * `npm run test:smoke` (issue 11, item 17): the compiled server as a user starts it, on its own
 * embedded PostgreSQL, under whichever Node runs this (.ci/run runs it on Node 22 LTS; the whole suite
 * runs on 20 and 24). It logs in as the bootstrap admin, builds a tiny competition, watches the public
 * board over graphql-ws, submits a mark and sees the board move, then stops the server cleanly.
 */
const BOARD = `version rows(first: 1000) { nodes { entryId total completeness } }`;
let dataDir: string;
let server: ServerInstance | undefined;
let seeded: Seeded;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jx-smoke-'));
  // Embedded mode, as `npm start` on a fresh checkout; as root initdb needs o+x on the directory.
  fs.chmodSync(dataDir, 0o755);
  server = await startServer('smoke', '', { DATA_DIR: dataDir });
  seeded = await seedCompetition(server.url, { entries: 3, criteria: 3, judges: 1, aggregation: 'MEAN' });
}, 300_000);

afterAll(async () => {
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

/** Waits until the server counts the subscription (graphql-ws's onOperation: its source stream exists). */
async function subscribed(instance: ServerInstance, field: string): Promise<void> {
  const line = `jiangxin_subscriptions_active{field="${field}"} 1`;
  for (let i = 0; i < 600; i++) {
    if ((await (await fetch(`${instance.base}/metrics`)).text()).includes(line)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the server never counted a ${field} subscription`);
}

test(`Node ${process.version}: a query, a subscription and a mark on the compiled server`, async () => {
  const { competitionId, judges, entryIds, criteria } = seeded;
  const query = `query($id: ID!) { node(id: $id) { ... on Competition { status leaderboard { ${BOARD} } } } }`;
  const before = (await gql(server!.url, query, { id: competitionId })).node;
  expect(before.status).toBe('IN_PROGRESS');
  expect(before.leaderboard.rows.nodes.map((r: { completeness: number }) => r.completeness)).toEqual([0, 0, 0]);

  const client = wsClient(server!.wsUrl);
  const board = record<{ leaderboardUpdated: { version: number; rows: { nodes: { entryId: string; total: number; completeness: number }[] } } }>(
    client, `subscription($id: ID!) { leaderboardUpdated(competitionId: $id) { ${BOARD} } }`, { id: competitionId });
  try {
    await subscribed(server!, 'leaderboardUpdated');
    const criterion = criteria.find((c) => c.kind === 'JUDGEMENT')!;
    const mark = await gql(server!.url, `mutation($i: SubmitScoreInput!) { submitScore(input: $i) { leaderboardVersion userErrors { code field message } } }`,
      { i: { entryId: entryIds[0], criterionId: criterion.id, value: criterion.maxScore } }, judges[0]!.token);
    const { leaderboardVersion } = must(mark.submitScore, 'submitScore');
    expect(leaderboardVersion).toBeGreaterThan(before.leaderboard.version);

    const moved = await board.waitFor((d) => d.leaderboardUpdated.version >= leaderboardVersion, 30_000);
    const row = moved.leaderboardUpdated.rows.nodes.find((r) => r.entryId === entryIds[0])!;
    expect(row.completeness).toBeGreaterThan(0);
    expect(row.total).toBeGreaterThan(0);
  } finally {
    board.stop();
    await client.dispose();
  }
  await server!.stop();
  expect(server!.unexpectedExit()).toBeNull();
}, 120_000);
