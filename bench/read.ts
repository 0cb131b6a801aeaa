import { parseGlobalId } from '../src/common/relay.js';
import { gql } from './lib/gql.js';
import { benchDatabase, startServerProcess } from './lib/env.js';
import { hammer, type LoadResult } from './lib/load.js';
import { StatementCounter } from './lib/pgstat.js';
import { startPostGraphile } from './lib/postgraphile.js';
import { seedReadData } from './lib/read-data.js';
import { cpuSeconds, fmt, table } from './lib/stats.js';
import { report } from './lib/summary.js';

/**
 * `Cache-Control: no-cache` on a request means "bypass the response cache" (bench/README.md): the
 * uncached rows send it, so they measure execution; the cached rows send what a browser sends.
 */
const BYPASS = { 'cache-control': 'no-cache' };
const BROWSER = { 'accept-encoding': 'gzip, deflate' };

/** The two reads, ours and PostGraphile's equivalent for its generated schema (simplify-inflector). */
const READS = {
  'competition page': {
    ours: `query CompetitionPage($id: ID!, $n: Int!) { competition(id: $id) {
      id title kind level trade status startsAt endsAt
      stages { id name weight position }
      entries(first: $n) { totalCount nodes { id startNumber station status
        participants { name enterprise { id name } worker { id name skillLevel enterprise { id name } honors { nodes { id kind level year } } } } } }
      leaderboard { version rows(first: $n) { totalCount nodes { entryId rank total completeness stageTotals { stageId score } } } } } }`,
    theirs: `query CompetitionPage($id: UUID!, $n: Int!) { competition(id: $id) {
      id title kind level trade status startsAt endsAt
      stages(orderBy: POSITION_ASC) { nodes { id name weight position } }
      entries(first: $n, orderBy: [START_NUMBER_ASC, ID_ASC]) { totalCount nodes { id startNumber station status
        entryResult { total marksReceived marksExpected stageScores }
        entryMembers(orderBy: POSITION_ASC) { nodes { enterprise { id name }
          worker { id name skillLevel enterprise { id name } honors(orderBy: [YEAR_DESC, CREATED_AT_ASC]) { nodes { id kind level year } } } } } } } } }`,
  },
  'workers(first: 100)': {
    ours: `query Registry($n: Int!) { workers(first: $n) { totalCount pageInfo { hasNextPage endCursor }
      nodes { id name gender birthYear trade skillLevel employeeNumber migrantWorker enterprise { id name district } honors { nodes { id kind level year } } } } }`,
    theirs: `query Registry($n: Int!) { workers(first: $n, orderBy: [NAME_ASC, ID_ASC]) { totalCount pageInfo { hasNextPage endCursor }
      nodes { id name gender birthYear trade skillLevel employeeNumber migrantWorker enterprise { id name district } honors(orderBy: [YEAR_DESC, CREATED_AT_ASC]) { nodes { id kind level year } } } } }`,
  },
} as const;

interface Side {
  name: string;
  pid: number;
  url: string;
  token?: string;
  headers?: Record<string, string>;
  query: string;
  variables: (n: number) => Record<string, unknown>;
}

/** Fails loudly unless the read returns the full page: a fast error page would flatter anyone. */
async function check(side: Side, expectRows: number): Promise<void> {
  const data = await gql(side.url, side.query, side.variables(100), side.token, side.headers);
  const text = JSON.stringify(data);
  const ids = text.match(/"honors":/g)?.length ?? 0;
  if (ids < expectRows) throw new Error(`${side.name}: expected ${expectRows} workers with honors, got ${ids}: ${text.slice(0, 300)}`);
}

const line = (r: LoadResult & { cpuMs: number }) =>
  `${fmt(r.perSecond, 0).padStart(5)} req/s  p50 ${fmt(r.p50, 0)} ms  p99 ${fmt(r.p99, 0)} ms  ${fmt(r.cpuMs, 1)} ms CPU/req  ${fmt(r.bytesPerResponse / 1024, 0)} KiB/resp${r.notModified ? `  (${r.notModified} × 304)` : ''}${r.failed ? `  (${r.failed} failed)` : ''}`;

/** The ETag our server gives the page (a browser's first visit), or null when it gives none. */
async function etagOf(side: Side): Promise<string | null> {
  const res = await fetch(side.url, { method: 'POST', headers: { 'content-type': 'application/json', ...(side.token ? { authorization: `Bearer ${side.token}` } : {}), ...BROWSER }, body: JSON.stringify({ query: side.query, variables: side.variables(100) }) });
  await res.arrayBuffer();
  return res.headers.get('etag');
}

export async function frontendRead(opts: { seconds: number; clients: number[]; entries: number; registry: number }): Promise<void> {
  const db = await benchDatabase();
  const server = await startServerProcess(db.url);
  let peer: Awaited<ReturnType<typeof startPostGraphile>> | undefined;
  let counter: StatementCounter | null = null;
  try {
    const t0 = Date.now();
    const seeded = await seedReadData(server.url, opts);
    const seedSeconds = (Date.now() - t0) / 1000;
    peer = await startPostGraphile(db.url, 20);
    counter = await StatementCounter.open(db.url);
    const competitionUuid = parseGlobalId(seeded.competitionId)!.id;
    for (const [title, q] of Object.entries(READS)) {
      const competition = title === 'competition page';
      const sides: Side[] = [
        { name: 'ours', pid: server.pid, url: server.url, token: seeded.organizerToken, headers: BYPASS, query: q.ours, variables: (n) => (competition ? { id: seeded.competitionId, n } : { n }) },
        { name: 'PostGraphile', pid: peer.pid, url: peer.url, query: q.theirs, variables: (n) => (competition ? { id: competitionUuid, n } : { n }) },
      ];
      const rows: [string, string][] = [];
      const results = new Map<string, LoadResult & { cpuMs: number }>();
      // Statements first, for both sides, while nothing else runs.
      for (const side of sides) {
        await check(side, 100);
        const statements = async (n: number) => (counter ? fmt(await counter.perRun(() => gql(side.url, side.query, side.variables(n), side.token, side.headers), 10), 1) : '–');
        rows.push([`${side.name}: SQL statements per request`, `${await statements(100)} (first: 10 → ${await statements(10)})`]);
      }
      // The page again through the response cache: as a browser asks (gzip), then as a phone that has it (If-None-Match).
      // The response cache serves anonymous readers only (docs/response-cache.md): a spectator's phone is anonymous.
      const spectator: Side = { ...sides[0]!, token: undefined };
      const etag = competition ? await etagOf(spectator) : null;
      const runs: { side: Side; label: string; headers?: Record<string, string> }[] = [
        ...sides.map((side) => ({ side, label: side.name, headers: side.headers })),
        ...(competition ? [{ side: spectator, label: 'ours, cached', headers: BROWSER }] : []),
        ...(competition && etag ? [{ side: spectator, label: 'ours, If-None-Match', headers: { ...BROWSER, 'if-none-match': etag } }] : []),
      ];
      for (const { side, label, headers } of runs) {
        await counter?.quiet();
        const body = { query: side.query, variables: side.variables(100) };
        await hammer(side.url, body, { connections: 10, seconds: 2, token: side.token, headers }); // warm-up, not counted
        for (const clients of opts.clients) {
          const cpu0 = cpuSeconds(side.pid);
          const load = await hammer(side.url, body, { connections: clients, seconds: opts.seconds, token: side.token, headers });
          // The server process's own CPU per request (PostgreSQL's is not in it): steady on a busy machine, unlike req/s.
          const r = { ...load, cpuMs: (1000 * (cpuSeconds(side.pid) - cpu0)) / load.requests };
          results.set(`${label}:${clients}`, r);
          rows.push([`${label}${label === 'ours' && competition ? ' (no-cache)' : ''}, ${clients} clients`, line(r)]);
        }
      }
      if (competition && !etag) rows.push(['ours, If-None-Match', 'not run: the page came without an ETag']);
      const ratio = (label: string) => opts.clients.map((c) => `${fmt(results.get(`${label}:${c}`)!.perSecond / results.get(`PostGraphile:${c}`)!.perSecond, 2)}×`).join(' / ');
      for (const { label } of runs.filter((r) => r.label !== 'PostGraphile')) {
        for (const clients of opts.clients) {
          const ours = results.get(`${label}:${clients}`)!;
          const theirs = results.get(`PostGraphile:${clients}`)!;
          rows.push([`${label} ÷ PostGraphile, ${clients} clients`, `req/s ${fmt(ours.perSecond / theirs.perSecond, 2)}×   p99 ${fmt(ours.p99 / theirs.p99, 2)}×   server CPU/req ${fmt(ours.cpuMs / theirs.cpuMs, 2)}×`]);
        }
      }
      const clientsLabel = `(${opts.clients.join(' / ')} clients)`;
      const cpuRatio = opts.clients.map((c) => fmt(results.get(`ours:${c}`)!.cpuMs / results.get(`PostGraphile:${c}`)!.cpuMs, 1)).join(' / ');
      if (competition) {
        report('pageUncached', `${ratio('ours')} ${clientsLabel}; server CPU/req ${cpuRatio}× PostGraphile's`);
        const inm = opts.clients.map((c) => results.get(`ours, If-None-Match:${c}`)).filter((r) => r);
        const share = inm.length ? `, ${fmt((100 * inm.reduce((n, r) => n + r!.notModified, 0)) / inm.reduce((n, r) => n + r!.requests, 0), 0)} % answered 304` : '';
        report('pageCached', `plain ${ratio('ours, cached')}; If-None-Match ${etag ? `${ratio('ours, If-None-Match')}${share}` : 'not run (no ETag)'} ${clientsLabel}`);
      } else report('workers', `${ratio('ours')} ${clientsLabel}; server CPU/req ${cpuRatio}× PostGraphile's`);
      console.log(table(`frontend read: ${title} (${opts.entries} entries; registry of ${opts.registry + opts.entries + 1} workers; ${opts.seconds} s per row; data built in ${fmt(seedSeconds, 0)} s)`, rows));
    }
  } finally {
    await counter?.close();
    await peer?.stop();
    await server.stop();
    await db.stop();
  }
}
