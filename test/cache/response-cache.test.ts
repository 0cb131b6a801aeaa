import { gunzipSync } from 'node:zlib';
import http from 'node:http';
import { ok, startTestServer, type TestServer } from '../helpers/server';
import { mutate, setupCompetition, type CompetitionFixture } from '../helpers/competition';
import { createEnterprise, createWorker } from '../helpers/registry';
import { Role } from '../../src/auth/role';
import { createDrill, ENTER, ISSUE, SAVE, seedBank, START, SUBMIT as SUBMIT_ATTEMPT, TRADE } from '../drills/taking-fixture';

/**
 * The spectators' response cache (src/cache, docs/response-cache.md): anonymous reads are answered
 * again from memory until a write, gzip'd and with an ETag; nothing a logged-in viewer may see, no
 * post-freeze board and no other language ever comes out of it.
 */
const PAGE = `query Page($id: ID!) { competition(id: $id) { id title status
  stages { id name anonymous }
  entries(first: 100) { totalCount nodes { id startNumber displayName participants { name enterprise { name } worker { id } } } }
  leaderboard { version frozen sealedStageIds rows(first: 100) { nodes { entryId rank total stageTotals { stageId score } } } } } }`;
const SUBMIT = `mutation($input: SubmitScoreInput!) { submitScore(input: $input) { leaderboardVersion score { id } userErrors { code message } } }`;

const CACHE_ON = { responseCacheBytes: 16 * 1024 * 1024 };
let t: TestServer;
let f: CompetitionFixture;
let base: string;

interface Raw { status: number; headers: http.IncomingHttpHeaders; body: Buffer }

/** A raw POST (node:http, so no client adds Cache-Control or decodes gzip behind our back). */
function post(query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Raw> {
  const url = new URL(t.url);
  const payload = JSON.stringify({ query, variables });
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}
const json = (r: Raw) => JSON.parse((r.headers['content-encoding'] === 'gzip' ? gunzipSync(r.body) : r.body).toString());
const page = (token?: string, headers: Record<string, string> = {}) => post(PAGE, { id: f.competitionId }, token ? { ...headers, authorization: `Bearer ${token}` } : headers);
/** The same read executed afresh: what the cache must agree with. */
const fresh = async (headers: Record<string, string> = {}) => json(await page(undefined, { ...headers, 'cache-control': 'no-cache' }));

async function counts(): Promise<Record<string, number>> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const out: Record<string, number> = { hit: 0, shared: 0, miss: 0, not_modified: 0, bypass: 0 };
  for (const m of text.matchAll(/^jiangxin_response_cache_requests_total\{outcome="(\w+)"\} (\d+)/gm)) out[m[1]!] = Number(m[2]);
  return out;
}
async function delta(fn: () => Promise<unknown>): Promise<Record<string, number>> {
  const before = await counts();
  await fn();
  const after = await counts();
  return Object.fromEntries(Object.keys(after).map((k) => [k, after[k]! - (before[k] ?? 0)]));
}
async function mark(judge: number, entry: number, stage: number, value: number, c: CompetitionFixture = f): Promise<number> {
  const res = ok(await t.gql(SUBMIT, { input: { entryId: c.entries[entry]!.id, criterionId: c.stages[stage]!.criteria[0]!.id, value } }, c.judges[judge]!.token)).submitScore;
  expect(res.userErrors).toEqual([]);
  return res.leaderboardVersion;
}
/**
 * A mark reaches the cache by its live event (docs/response-cache.md), as it reaches the screens:
 * a moment after submitScore answers. Reads the public page until it shows `version`.
 */
async function heard(version: number, id = f.competitionId): Promise<void> {
  const until = Date.now() + 5000;
  while (json(await post(PAGE, { id })).data.competition.leaderboard.version < version && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
}

beforeAll(async () => {
  t = await startTestServer({ config: CACHE_ON });
  base = t.url.replace(/\/graphql$/, '');
  f = await setupCompetition(t, { entries: 3, judges: 2 });
}, 60_000);
afterAll(async () => t.close());

describe('anonymous reads', () => {
  it('are answered from the cache the second time: the same bytes, gzip’d on request, 304 on a matching If-None-Match', async () => {
    const first = await page();
    expect(first.status).toBe(200);
    const etag = first.headers.etag!;
    expect(etag).toMatch(/^W\/"/);
    let second!: Raw;
    expect(await delta(async () => (second = await page()))).toMatchObject({ hit: 1, miss: 0 });
    expect(second.headers.etag).toBe(etag);
    expect(second.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(json(second).data).toEqual(json(first).data);
    const zipped = await page(undefined, { 'accept-encoding': 'gzip, deflate' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.body.length).toBeLessThan(second.body.length);
    expect(json(zipped)).toEqual(json(second));
    const revalidated = await page(undefined, { 'if-none-match': etag });
    expect([revalidated.status, revalidated.body.length, revalidated.headers.etag]).toEqual([304, 0, etag]);
    expect((await page(undefined, { 'if-none-match': 'W/"other"' })).status).toBe(200);
  });

  it('bypass the cache with Cache-Control: no-cache (neither answered from it nor stored)', async () => {
    await page();
    expect(await delta(() => page(undefined, { 'cache-control': 'no-cache' }))).toMatchObject({ hit: 0, bypass: 1 });
  });

  it('never hand a logged-in viewer the anonymous answer: the organizer, a judge and the public each get their own', async () => {
    const anon = json(await page());
    expect(json(await page()).data).toEqual(anon.data);
    const d = await delta(async () => {
      const organizer = json(await page(f.organizer.token));
      const judge = json(await page(f.judges[1]!.token));
      // The organizer reads the registry records, the judge (anonymous marking) no names, the public names only.
      expect(organizer.data.competition.entries.nodes[0].participants[0].worker).not.toBeNull();
      expect(judge.data.competition.entries.nodes[0].participants).toEqual([]);
      expect(judge.data.competition.entries.nodes[0].displayName).toBeNull();
      expect(anon.data.competition.entries.nodes[0].participants[0].worker).toBeNull();
      expect(anon.data.competition.entries.nodes[0].displayName).toBeTruthy();
    });
    expect(d).toMatchObject({ hit: 0, miss: 0 });
    // And what the logged-in viewers were answered was not stored for the public either.
    expect(json(await page()).data).toEqual(anon.data);
  });

  it('see every mark at once, and a write anywhere empties the cache', async () => {
    const before = json(await page()).data.competition.leaderboard.version;
    await heard(await mark(0, 0, 0, 80));
    const after = json(await page());
    expect(after.data.competition.leaderboard.version).toBeGreaterThan(before);
    expect(after.data).toEqual((await fresh()).data);
    // A registry change, which raises no leaderboard version (an entrant's enterprise renamed), shows at once too.
    json(await page());
    await mutate(t, f.organizer.token, 'updateEnterprise', 'UpdateEnterpriseInput', { enterpriseId: f.entries[0]!.enterpriseId, name: '缓存测试企业' }, 'enterprise { id }');
    const names = json(await page()).data.competition.entries.nodes.flatMap((e: any) => e.participants.map((p: any) => p.enterprise.name));
    expect(names).toContain('缓存测试企业');
  });
});

describe('what the public may not see never comes out of the cache', () => {
  it('a frozen board: the public keeps the frozen version while the jury sees the marks after it', async () => {
    await mutate(t, f.organizer.token, 'freezeLeaderboard', 'CompetitionTransitionInput', { competitionId: f.competitionId }, 'leaderboard { frozen }');
    const frozen = json(await page()).data.competition.leaderboard;
    expect(frozen.frozen).toBe(true);
    await mark(1, 1, 0, 70);
    await mark(0, 2, 0, 60);
    for (let i = 0; i < 2; i++) {
      const pub = json(await page()).data.competition.leaderboard;
      expect(pub.version).toBe(frozen.version);
      expect(pub.rows).toEqual(frozen.rows);
    }
    const jury = json(await page(f.organizer.token)).data.competition.leaderboard;
    expect(jury.version).toBeGreaterThan(frozen.version);
    await mutate(t, f.organizer.token, 'unfreezeLeaderboard', 'CompetitionTransitionInput', { competitionId: f.competitionId }, 'leaderboard { frozen }');
    expect(json(await page()).data.competition.leaderboard.version).toBe(jury.version + 1);
  });

  it('an anonymous stage’s scores: the cached public answer is the public’s, not the jury’s', async () => {
    const g = await setupCompetition(t, { entries: 2, judges: 2, stages: [{ name: '理论', weight: 40, anonymous: true, criteria: [{ kind: 'MEASUREMENT', maxScore: 100 }] }, { name: '实操', weight: 60, criteria: [{ kind: 'MEASUREMENT', maxScore: 100 }] }] });
    const read = (token?: string, headers: Record<string, string> = {}) => post(PAGE, { id: g.competitionId }, token ? { authorization: `Bearer ${token}` } : headers);
    const sealedBefore = json(await read()).data.competition.leaderboard.sealedStageIds;
    // A mark in the open stage, read by the public (now cached) and then by the jury.
    await heard(await mark(0, 0, 1, 90, g), g.competitionId);
    const pub = json(await read());
    expect(json(await read()).data).toEqual(pub.data);
    expect(pub.data).toEqual(json(await read(undefined, { 'cache-control': 'no-cache' })).data);
    // The public's board seals the anonymous stage (no score beside an entry); the jury's does not.
    const sealed = g.stages[0]!.id;
    expect(sealedBefore).toEqual([sealed]);
    expect(pub.data.competition.leaderboard.sealedStageIds).toEqual([sealed]);
    const jury = json(await read(g.organizer.token));
    expect(jury.data.competition.leaderboard.sealedStageIds).toEqual([]);
    expect(jury.data.competition.leaderboard.rows.nodes[0].stageTotals.find((s: any) => s.stageId === sealed).score).not.toBeNull();
    expect(pub.data.competition.leaderboard.rows.nodes.flatMap((r: any) => r.stageTotals).filter((s: any) => s.stageId === sealed && s.score !== null)).toEqual([]);
    expect(json(await read()).data).toEqual(pub.data);
    expect(JSON.stringify(pub)).not.toContain('"worker":{');
  });

  it('another language: the key holds the locale, and an answer with an error (in the reader’s language) is never stored', async () => {
    await page(undefined, { 'accept-language': 'zh-CN' });
    expect(await delta(() => page(undefined, { 'accept-language': 'en' }))).toMatchObject({ hit: 0, miss: 1 });
    const BAD = `query($id: ID!) { competition(id: $id) { id leaderboard { rows(first: 100000) { totalCount } } } }`;
    const zh = json(await post(BAD, { id: f.competitionId }, { 'accept-language': 'zh-CN' }));
    const en = json(await post(BAD, { id: f.competitionId }, { 'accept-language': 'en' }));
    expect(zh.errors[0].message).not.toEqual(en.errors[0].message);
    expect(json(await post(BAD, { id: f.competitionId }, { 'accept-language': 'zh-CN' })).errors[0].message).toBe(zh.errors[0].message);
    expect(await delta(() => post(BAD, { id: f.competitionId }, { 'accept-language': 'en' }))).toMatchObject({ hit: 0, miss: 1 });
  });
});

describe('a crowd missing at once (single flight)', () => {
  it('shares one execution among identical concurrent misses, and each gets the answer a fresh read gives', async () => {
    // Quiet first: a live event or notice of the tests before, landing during the crowd, would rightly start a second execution.
    const until = Date.now() + 5000;
    while ((await delta(() => page())).hit !== 1 && Date.now() < until);
    // A document no one has read yet (the page with a comment): the crowd below all miss.
    const crowd = `${PAGE} # the crowd`;
    let answers: Raw[] = [];
    const d = await delta(async () => (answers = await Promise.all(Array.from({ length: 20 }, () => post(crowd, { id: f.competitionId })))));
    expect(d.miss).toBe(1);
    expect(d.shared).toBeGreaterThan(0);
    expect(d.shared + d.hit).toBe(19);
    const expected = (await fresh()).data;
    for (const a of answers) expect(json(a).data).toEqual(expected);
  });

  it('a logged-in viewer never joins an anonymous execution', async () => {
    await mark(1, 2, 1, 25);
    const all = await Promise.all([page(), page(f.organizer.token), page(), page(f.judges[0]!.token)]);
    expect(json(all[1]!).data.competition.entries.nodes[0].participants[0].worker).not.toBeNull();
    expect(json(all[3]!).data.competition.entries.nodes[0].displayName).toBeNull();
    expect(json(all[0]!).data.competition.entries.nodes[0].participants[0].worker).toBeNull();
  });
});

describe('marks in other competitions', () => {
  it('a mark in competition A keeps B’s cached page and drops A’s', async () => {
    const g = await setupCompetition(t, { entries: 2, judges: 2 });
    const readA = () => page();
    const readB = () => post(PAGE, { id: g.competitionId });
    // B's setup sends live events of its own (opening, drawing lots: whole-cache ones): until they are all heard, both may miss.
    const until = Date.now() + 5000;
    let settled: Record<string, number>;
    do settled = await delta(async () => (await readA(), await readB()));
    while (settled.hit !== 2 && Date.now() < until);
    expect(settled).toMatchObject({ hit: 2, miss: 0 });
    const before = json(await readB());
    const version = await mark(1, 0, 1, 30);
    // Until A's page shows the mark (its event has reached the cache), and once more after: B's was a hit throughout.
    const d = await delta(async () => {
      await heard(version);
      expect(json(await readB())).toEqual(before);
    });
    expect(d.miss).toBe(1); // A's page, once
    const a = json(await readA());
    expect(a.data.competition.leaderboard.version).toBe(version);
    expect(a.data).toEqual((await fresh()).data);
    // And a registry write still empties everything, B's page included.
    await mutate(t, g.organizer.token, 'updateEnterprise', 'UpdateEnterpriseInput', { enterpriseId: g.entries[0]!.enterpriseId, name: '另一竞赛企业' }, 'enterprise { id }');
    expect(await delta(() => readB())).toMatchObject({ hit: 0, miss: 1 });
  });
});

describe('bounded anonymous executions (ANONYMOUS_EXECUTIONS, ANONYMOUS_QUEUE)', () => {
  it('beyond the line, an anonymous read is refused with 503, SERVICE_UNAVAILABLE and Retry-After; logged-in reads are not held', async () => {
    const s = await startTestServer({ shareWith: t, config: { ...CACHE_ON, anonymousExecutions: { concurrent: 1, queue: 1 } } });
    try {
      const ask = (headers: Record<string, string>) => fetch(s.url, { method: 'POST', headers: { 'content-type': 'application/json', 'cache-control': 'no-cache', ...headers }, body: JSON.stringify({ query: PAGE, variables: { id: f.competitionId } }) });
      const anon = await Promise.all(Array.from({ length: 8 }, () => ask({ 'accept-language': 'en' })));
      const refused = anon.filter((r) => r.status === 503);
      expect(refused.length).toBeGreaterThan(0);
      expect(anon.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(2); // one running, one waiting
      expect(refused[0]!.headers.get('retry-after')).toBe('1');
      const body = (await refused[0]!.json()) as any;
      expect(body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
      expect(body.errors[0].message).toBe('The server is busy. Retry shortly.');
      const organizer = await Promise.all(Array.from({ length: 4 }, () => ask({ authorization: `Bearer ${f.organizer.token}` })));
      expect(organizer.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    } finally {
      await s.close();
    }
  });
});

describe('two instances on one database', () => {
  it('a write on one empties the other’s cache (its notice), so the other’s public answer follows', async () => {
    const b = await startTestServer({ shareWith: t, config: CACHE_ON });
    try {
      const read = async () => ok(await b.gql(PAGE, { id: f.competitionId })).competition.entries.nodes.flatMap((e: any) => e.participants.map((p: any) => p.enterprise.name)) as string[];
      await read();
      await read(); // cached on b now
      await mutate(t, f.organizer.token, 'updateEnterprise', 'UpdateEnterpriseInput', { enterpriseId: f.entries[1]!.enterpriseId, name: '另一实例企业' }, 'enterprise { id }');
      const until = Date.now() + 5000;
      while (!(await read()).includes('另一实例企业') && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      expect(await read()).toContain('另一实例企业');
    } finally {
      await b.close();
    }
  });
});

describe('budgets', () => {
  it('a cached answer is paid from the client’s cost budget as an executed one: short of it, THROTTLED', async () => {
    const frozen = () => 1_000_000;
    const s = await startTestServer({ shareWith: t, config: CACHE_ON, limits: { costBudget: 620, costRestorePerSecond: 1 }, now: frozen });
    try {
      const ask = () => fetch(s.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: PAGE, variables: { id: f.competitionId } }) });
      const first = await ask();
      const cost = ((await first.json()) as any).extensions.cost;
      expect(cost.requestedQueryCost).toBeGreaterThan(620 - cost.actualQueryCost); // what is left after one cannot pay for a second
      const second = await ask();
      expect(second.status).toBe(429);
      expect(((await second.json()) as any).errors[0].extensions.code).toBe('THROTTLED');
    } finally {
      await s.close();
    }
  });
});

describe('a drill taker’s own writes', () => {
  it('leave the public answers in the cache (entering, starting, saving); submitting empties it', async () => {
    const admin = (await t.user([Role.ADMIN])).token;
    const organizer = await t.user([Role.ORGANIZER]);
    const ent = await createEnterprise(t, admin);
    await createWorker(t, admin, ent.id, { employeeNumber: 'CACHE-1', trade: TRADE });
    await seedBank(t, organizer.id);
    const drill = await createDrill(t, { organizerUserId: organizer.id });
    const [pass] = ok(await t.gql(ISSUE, { input: { drillId: drill.id, enterpriseId: ent.id } }, organizer.token)).issueDrillPasses.passes;
    const { token } = ok(await t.gql(ENTER, { input: { drillId: drill.id, pass: pass.code, employeeNumber: 'CACHE-1' } })).enterDrill;
    json(await page());
    const { attempt } = ok(await t.gql(START, { input: { drillId: drill.id } }, token)).startAttempt;
    const q = attempt.questions[0];
    expect(ok(await t.gql(SAVE, { input: { attemptId: attempt.id, questionId: q.questionId, answer: ['A'], seq: 1 } }, token)).saveAnswer.saved).toBe(true);
    expect(await delta(() => page())).toMatchObject({ hit: 1, miss: 0 });
    // Entering again (a second device) keeps it too.
    ok(await t.gql(ENTER, { input: { drillId: drill.id, pass: pass.code, employeeNumber: 'CACHE-1', deviceId: 'tablet' } }));
    expect(await delta(() => page())).toMatchObject({ hit: 1, miss: 0 });
    // Submitting may change a public drill board: it empties the cache like any other write.
    const { token: tablet } = ok(await t.gql(ENTER, { input: { drillId: drill.id, pass: pass.code, employeeNumber: 'CACHE-1', deviceId: 'tablet-2' } })).enterDrill;
    ok(await t.gql(START, { input: { drillId: drill.id } }, tablet));
    expect(ok(await t.gql(SUBMIT_ATTEMPT, { input: { attemptId: attempt.id } }, tablet)).submitAttempt.userErrors).toEqual([]);
    expect(await delta(() => page())).toMatchObject({ hit: 0, miss: 1 });
  }, 60_000);
});

describe('answers that read the clock', () => {
  const DRILLS = `{ drills(first: 100) { nodes { id phase } } }`;
  const phaseOf = async (id: string) => (json(await post(DRILLS, {})).data.drills.nodes.find((d: { id: string }) => d.id === id)?.phase as string);

  it('a drill list read before the opening says UPCOMING; after it, with nothing written in between, OPEN (the answer expires at the edge)', async () => {
    const admin = (await t.user([Role.ADMIN])).token;
    const organizer = await t.user([Role.ORGANIZER]);
    await createEnterprise(t, admin);
    await seedBank(t, organizer.id);
    const opensAt = new Date(Date.now() + 3000);
    const drill = await createDrill(t, { organizerUserId: organizer.id, opensAt });
    expect(await phaseOf(drill.id)).toBe('UPCOMING');
    // Kept meanwhile: only the edge ends it, not every read.
    expect(await delta(() => post(DRILLS, {}))).toMatchObject({ hit: 1, miss: 0 });
    await new Promise((r) => setTimeout(r, Math.max(0, opensAt.getTime() - Date.now()) + 50));
    expect(await delta(async () => expect(await phaseOf(drill.id)).toBe('OPEN'))).toMatchObject({ hit: 0, miss: 1 });
    // The new answer is cached again until the close.
    expect(await delta(() => post(DRILLS, {}))).toMatchObject({ hit: 1, miss: 0 });
  }, 60_000);
});
