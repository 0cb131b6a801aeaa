import net from 'node:net';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { USER_CHANNEL } from '../../src/auth/user-state';
import { LiveBridge } from '../../src/live/bridge';
import { LIVE_CHANNEL, type LiveEvent } from '../../src/live/events';
import { createLogger } from '../../src/logger';
import { createTestDatabase } from '../helpers/database';

/**
 * A relay to PostgreSQL that can be cut: `down()` ends every connection through it and refuses new
 * ones, as a database restart does; `up()` lets them through again.
 */
async function cuttableRelay(target: URL) {
  let isUp = true;
  const open = new Set<net.Socket>();
  const server = net.createServer((client) => {
    if (!isUp) return client.destroy();
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    open.add(client);
    client.pipe(upstream).pipe(client);
    const end = () => {
      open.delete(client);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const url = new URL(target);
  url.hostname = '127.0.0.1';
  url.port = String((server.address() as AddressInfo).port);
  return {
    url: url.toString(),
    connections: () => open.size,
    down() {
      isUp = false;
      for (const s of open) s.destroy();
    },
    up() {
      isUp = true;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('the LISTEN connection comes back once after an outage, resynchronises every channel, and delivers events again', async () => {
  const db = await createTestDatabase();
  const relay = await cuttableRelay(new URL(db.url));
  const received: LiveEvent[] = [];
  let resyncs = 0;
  const bridge = new LiveBridge(relay.url, createLogger('silent'), async (events) => void received.push(...events), async () => void resyncs++);
  // A second channel (user changes) on the same connection, with its own resync.
  const users: string[] = [];
  let userResyncs = 0;
  bridge.listen(USER_CHANNEL, (payload) => void users.push(payload), async () => void userResyncs++);
  const notify = async (version: number) => {
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    await c.query('select pg_notify($1, $2)', [LIVE_CHANNEL, JSON.stringify({ kind: 'leaderboard', competitionId: 'c1', version, entryId: null })]);
    await c.query('select pg_notify($1, $2)', [USER_CHANNEL, `user-${version}`]);
    await c.end();
  };
  try {
    await bridge.start();
    expect(relay.connections()).toBe(1);
    relay.down();
    await sleep(2000); // several failed attempts (250, 500, 1000 ms backoff)
    expect(bridge.connected).toBe(false);
    relay.up();
    for (let i = 0; i < 50 && !bridge.connected; i++) await sleep(100);
    await sleep(3000); // time for any second reconnect loop to show itself
    expect(bridge.connected).toBe(true);
    expect(relay.connections()).toBe(1);
    expect(resyncs).toBe(1);
    expect(userResyncs).toBe(1);
    await notify(7);
    for (let i = 0; i < 50 && (!received.length || !users.length); i++) await sleep(50);
    expect(received.map((e) => e.version)).toEqual([7]);
    expect(users).toEqual(['user-7']);
  } finally {
    await bridge.stop();
    await relay.close();
    await db.drop();
  }
}, 30_000);
