import WebSocket from 'ws';
import { performance } from 'node:perf_hooks';

/** How many rows a screen shows: the top 20 (a phone, a hall's ticker), or BENCH_SCREEN_ROWS (500: the big-screen page's whole board). */
const SCREEN_ROWS = Number(process.env.BENCH_SCREEN_ROWS ?? 20);

/** What a scoreboard screen subscribes to. */
export const BOARD_SUBSCRIPTION = `subscription($id: ID!) { leaderboardUpdated(competitionId: $id) {
  version updatedAt rows(first: ${SCREEN_ROWS}) { nodes { rank startNumber station displayName enterpriseNames total completeness stageTotals { score } } } } }`;

/**
 * BENCH_BOARD=changes: screens follow leaderboardChanged instead, the same 20 rows and fields as row
 * changes (docs/frontend.md), and check that each change applies to the version they hold.
 */
export const CHANGES_SUBSCRIPTION = `subscription($id: ID!) { leaderboardChanged(competitionId: $id, first: ${SCREEN_ROWS}) {
  version baseVersion updatedAt rowCount changedRows { position row { rank startNumber station displayName enterpriseNames total completeness stageTotals { score } } } } }`;
export const followsChanges = () => process.env.BENCH_BOARD === 'changes';

export interface Screen {
  ws: WebSocket;
  /** Changes (BENCH_BOARD=changes) whose baseVersion was not the version the screen held: must stay 0. */
  offBase: number;
  arrivals: { version: number; at: number }[];
  bytes: number;
  messages: number;
}

/** One graphql-ws subscriber speaking the protocol directly, so the client side stays cheap. */
export function openScreen(wsUrl: string, competitionId: string): Promise<Screen> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(wsUrl, 'graphql-transport-ws');
    const screen: Screen = { ws, arrivals: [], bytes: 0, messages: 0, offBase: 0 };
    const query = followsChanges() ? CHANGES_SUBSCRIPTION : BOARD_SUBSCRIPTION;
    ws.on('open', () => ws.send(JSON.stringify({ type: 'connection_init', payload: {} })));
    ws.on('message', (raw: Buffer) => {
      const text = raw.toString();
      if (text.startsWith('{"type":"connection_ack"')) {
        ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query, variables: { id: competitionId } } }));
        setTimeout(() => resolve(screen), 20);
        return;
      }
      const m = /"version":(\d+)/.exec(text);
      if (m) {
        const base = /"baseVersion":(\d+)/.exec(text);
        if (base && Number(base[1]) !== screen.arrivals.at(-1)?.version) screen.offBase += 1;
        screen.arrivals.push({ version: Number(m[1]), at: performance.now() });
        screen.bytes += raw.length;
        screen.messages += 1;
      }
    });
    ws.on('error', reject);
  });
}

/** `n` screens, 50 connecting at a time; `urlOf(i)` picks the instance of the i-th. */
export async function openScreens(n: number, competitionId: string, urlOf: (i: number) => string): Promise<Screen[]> {
  const screens: Screen[] = [];
  for (let i = 0; i < n; i += 50) {
    screens.push(...(await Promise.all(Array.from({ length: Math.min(50, n - i) }, (_, k) => openScreen(urlOf(i + k), competitionId)))));
  }
  return screens;
}

export function closeScreens(screens: Screen[]): void {
  for (const s of screens) s.ws.terminate();
}

function firstAtOrAfter(arrivals: Screen['arrivals'], version: number): number | null {
  let lo = 0;
  let hi = arrivals.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (arrivals[mid]!.version < version) lo = mid + 1;
    else hi = mid;
  }
  return lo < arrivals.length ? arrivals[lo]!.at : null;
}

/**
 * For every version a mark produced (version → when its submitScore was sent): the time until the
 * slowest screen held it or a newer one (screens skip superseded boards by design). Versions some
 * screen never got count as missing.
 */
export function deliveries(sentAt: Map<number, number>, screens: Screen[]): { latencies: number[]; missing: number; skipped: number; messages: number; bytes: number } {
  const latencies: number[] = [];
  let missing = 0;
  for (const [version, t0] of sentAt) {
    let worst = 0;
    let all = true;
    for (const s of screens) {
      const at = firstAtOrAfter(s.arrivals, version);
      if (at === null) {
        missing++;
        all = false;
      } else worst = Math.max(worst, at - t0);
    }
    if (all) latencies.push(worst);
  }
  let skipped = 0;
  for (const s of screens) for (let i = 1; i < s.arrivals.length; i++) skipped += Math.max(0, s.arrivals[i]!.version - s.arrivals[i - 1]!.version - 1);
  return { latencies, missing, skipped, messages: screens.reduce((n, s) => n + s.messages, 0), bytes: screens.reduce((n, s) => n + s.bytes, 0) };
}

/**
 * Waits until every screen holds the newest version a mark produced, or `maxMs` passed: on a loaded
 * machine the last boards land seconds after the last answer, and a fixed pause would count them as
 * never delivered.
 */
export async function settle(sentAt: Map<number, number>, screens: Screen[], maxMs = 30_000): Promise<void> {
  const newest = Math.max(0, ...sentAt.keys());
  const deadline = Date.now() + maxMs;
  const holds = (s: Screen) => (s.arrivals[s.arrivals.length - 1]?.version ?? 0) >= newest;
  while (Date.now() < deadline && !screens.every(holds)) await new Promise((r) => setTimeout(r, 100));
}
