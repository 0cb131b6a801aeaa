import pg from 'pg';
import { cleanUp, freshEnv, gql, postmaster, run, start, startServer, type Finished, type FreshEnv } from './processes';

/*
 * `npm run seed` as the README says, as processes, with a new user's environment (default limits, a
 * fresh DATA_DIR, a free PORT), then `node dist/src/main.js` on that data, read over HTTP. Compiling
 * dist/ is part of `npm run seed`: the first test does it, so the file runs its tests in order.
 */
jest.setTimeout(600_000);
afterAll(cleanUp);

const PASSWORD = 'demo-password-2026';
const DEMO_EMAILS = ['admin', 'organizer', 'judge1', 'judge2', 'judge3', 'officer', 'studio', 'reviewer', 'reviewer2', 'reviewer3', 'appraiser', 'assessor', 'inspector', ...[1, 2, 3, 4, 5, 6].map((n) => `nominator${n}`)].map((n) => `${n}@demo.jiangxin.cn`);
const QINHUANGDAO = ['海港区', '山海关区', '北戴河区', '抚宁区', '青龙满族自治县', '昌黎县', '卢龙县', '经济技术开发区'];
const XIAMEN = /厦门|鹭岛|湖里|思明|集美|海沧|同安|翔安|厦航/;
let compiled = false;

function seeded(r: Finished): { seconds: number; workers: number } {
  if (r.code !== 0) throw new Error(`the seed exited with ${r.code ?? r.signal}:\n${r.stdout}\n${r.stderr}`);
  const m = /Seeded in ([\d.]+) s: 12 enterprises, (\d+) workers, 3 competitions/.exec(r.stdout);
  if (!m) throw new Error(`unexpected output:\n${r.stdout}`);
  return { seconds: Number(m[1]), workers: Number(m[2]) };
}

async function login(base: string, email: string): Promise<string> {
  const d = await gql(base, `mutation($i: LoginInput!) { login(input: $i) { token userErrors { code message } } }`, { i: { email, password: PASSWORD } });
  if (!d.login.token) throw new Error(`${email} cannot log in: ${JSON.stringify(d.login.userErrors)}`);
  return d.login.token;
}

const TOTALS = `{ enterprises { totalCount } workers { totalCount } competitions { totalCount } users { totalCount }
  studios { totalCount } incubationProjects { totalCount } exhibitions { totalCount } alliances { totalCount } }`;

it('a fresh clone: `npm run seed`, then the server on that data shows the Qinhuangdao demo; a rerun leaves it alone', async () => {
  const e = await freshEnv();
  const seed = await run('npm', ['run', 'seed'], e.env);
  compiled = true;
  const { seconds, workers } = seeded(seed);
  console.log(`npm run seed: ${seed.seconds.toFixed(1)} s (tsc, then the seed: ${seconds} s)`);
  const [liveId, finalizedId] = [...seed.stdout.matchAll(new RegExp(`http://localhost:${e.port}/scoreboard/(\\S+)`, 'g'))].map((m) => m[1]!);
  expect(liveId && finalizedId).toBeTruthy();

  const server = await startServer(e);
  try {
    const { base } = server;
    expect((await fetch(`${base}/scoreboard/${liveId}`)).status).toBe(200);
    const COMP = `query($id: ID!) { node(id: $id) { ... on Competition { title status leaderboard { sealedStageIds rows(first: 1000) { nodes { rank completeness enterpriseNames } } } awards(first: 100) { nodes { prize } } } } }`;
    const live = (await gql(base, COMP, { id: liveId })).node;
    expect(live.title).toContain('秦皇岛');
    expect(live.status).toBe('IN_PROGRESS');
    expect(live.leaderboard.rows.nodes.length).toBeGreaterThanOrEqual(12);
    // The theory paper is marked by code: the public board holds it back (加密评分中) while it is marked.
    expect(live.leaderboard.sealedStageIds).toHaveLength(1);
    expect(live.leaderboard.rows.nodes.every((r: any) => r.completeness === null)).toBe(true);
    const finalized = (await gql(base, COMP, { id: finalizedId })).node;
    expect(finalized.status).toBe('FINALIZED');
    expect(finalized.awards.nodes.map((a: any) => a.prize)).toContain('FIRST');

    // Every demo login works with the printed password.
    const tokens = new Map<string, string>();
    for (const email of DEMO_EMAILS) tokens.set(email, await login(base, email));
    const admin = tokens.get(DEMO_EMAILS[0]!)!;
    expect(seed.stdout).toContain(`password for all: ${PASSWORD}`);
    // The organizer sees the live board whole: marking complete for some entries, still going on for others.
    const jury = (await gql(base, COMP, { id: liveId }, tokens.get(DEMO_EMAILS[1]!)!)).node.leaderboard;
    expect(jury.sealedStageIds).toEqual([]);
    const complete = jury.rows.nodes.filter((r: any) => r.completeness === 1).length;
    expect(complete).toBeGreaterThan(0);
    expect(complete).toBeLessThan(jury.rows.nodes.length); // marking still going on

    const city = await gql(base, `{
      enterprises(first: 50) { totalCount nodes { name ownership size industry district } }
      competitions(first: 10) { nodes { title status } }
      studios(first: 50) { nodes { name status } }
      incubationProjects(first: 50) { nodes { title stage } }
      operatingMethods(first: 20) { nodes { status adoptionSummary { enterprises } } }
      exhibitions(first: 5) { nodes { title venue } }
      alliances(first: 5) { nodes { name region } }
      workers(first: 1) { totalCount }
      innovations(first: 1) { totalCount }
      innovationOverview(filter: {}) { __typename }
    }`, {}, admin);
    expect(seed.stdout).toContain(`${city.innovations.totalCount} innovations`);
    expect(city.workers.totalCount).toBe(workers);
    const ents = city.enterprises.nodes;
    expect(new Set(ents.map((x: any) => x.ownership))).toEqual(new Set(['STATE_OWNED', 'COLLECTIVE', 'PRIVATE', 'MIXED', 'FOREIGN_INVESTED']));
    expect(new Set(ents.map((x: any) => x.size))).toEqual(new Set(['LARGE', 'MEDIUM', 'SMALL', 'MICRO']));
    const districts = new Set(ents.map((x: any) => x.district));
    expect(districts.size).toBeGreaterThanOrEqual(6);
    for (const d of districts) expect(QINHUANGDAO).toContain(d);
    expect(JSON.stringify(city)).not.toMatch(XIAMEN);
    expect(city.competitions.nodes.map((c: any) => c.status).sort()).toEqual(['FINALIZED', 'IN_PROGRESS', 'REGISTRATION_OPEN']);
    expect(new Set(city.studios.nodes.map((s: any) => s.status))).toEqual(new Set(['APPLIED', 'CHANGES_REQUESTED', 'ACCREDITED', 'REJECTED', 'SUSPENDED', 'REVOKED']));
    expect(new Set(city.incubationProjects.nodes.map((p: any) => p.stage))).toEqual(new Set(['IDEA', 'INCUBATING', 'PILOT', 'GRADUATED', 'TERMINATED']));
    const methods = city.operatingMethods.nodes;
    expect(new Set(methods.map((m: any) => m.status))).toEqual(new Set(['NAMED', 'UNDER_REVIEW', 'REJECTED']));
    expect(methods.filter((m: any) => m.status === 'NAMED').every((m: any) => m.adoptionSummary.enterprises >= 1)).toBe(true);
    // Skill appraisal: one closed session with passes (certificates in the registry) and a failure.
    const appraisal = (await gql(base, `{ appraisalSessions(first: 5) { nodes { status candidates(first: 10) { nodes { outcome certificateNumber } } } } }`, {}, admin)).appraisalSessions.nodes;
    expect(appraisal.map((s: any) => s.status)).toEqual(['CLOSED']);
    const outcomes = appraisal[0].candidates.nodes.map((c: any) => c.outcome);
    expect(outcomes).toContain('PASSED');
    expect(outcomes).toContain('FAILED');
    expect(appraisal[0].candidates.nodes.filter((c: any) => c.outcome === 'PASSED').every((c: any) => /^S13030001\d{9}$/.test(c.certificateNumber))).toBe(true);

    await expectDrills(base, seed.stdout, tokens.get(DEMO_EMAILS[1]!)!, tokens.get('reviewer@demo.jiangxin.cn')!);
  } finally {
    expect((await server.stop()).code).toBe(0);
  }

  const again = await run(process.execPath, ['dist/src/scripts/seed.js'], e.env);
  expect(again.code).toBe(0);
  expect(again.stdout).toContain('The demo city is already there.');
});

/**
 * Online drills: the bank imported and approved; the welding drill finished with a ranked board (varying
 * scores, one attempt submitted at the deadline, one voided); the electricians' drill open with passes and
 * attempts under way, one of its printed passes letting a taker in.
 */
async function expectDrills(base: string, stdout: string, organizer: string, reviewer: string): Promise<void> {
  const bank = await gql(base, `{ questions(first: 100) { totalCount nodes { trade type status topic difficulty key { explanation } } } }`, {}, reviewer);
  const approved = bank.questions.nodes.filter((q: any) => q.status === 'APPROVED');
  expect(approved.length).toBeGreaterThanOrEqual(30);
  expect(new Set(approved.map((q: any) => q.type))).toEqual(new Set(['SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'TRUE_FALSE', 'FILL_IN']));
  expect(new Set(approved.map((q: any) => q.trade))).toEqual(new Set(['焊工', '电工']));
  expect(approved.every((q: any) => q.key.explanation)).toBe(true);

  const DRILLS = `{ drills(first: 10) { nodes { id title phase status resultRelease
    leaderboard(first: 50) { totalCount nodes { rank score passed } }
    attempts(first: 50) { nodes { status submittedBy voidReason } }
    enterpriseFigures(first: 50) { nodes { passHolders } } } } }`;
  const drills = (await gql(base, DRILLS, {}, organizer)).drills.nodes;
  expect(drills.map((d: any) => d.phase).sort()).toEqual(['CLOSED', 'OPEN']);
  expect(drills.every((d: any) => d.status === 'PUBLISHED')).toBe(true);
  const finished = drills.find((d: any) => d.phase === 'CLOSED');
  const attempts = finished.attempts.nodes;
  expect(finished.leaderboard.totalCount).toBeGreaterThanOrEqual(5);
  expect(new Set(finished.leaderboard.nodes.map((n: any) => n.score)).size).toBeGreaterThan(2);
  expect(attempts.filter((a: any) => a.status === 'SUBMITTED' && a.submittedBy === 'TAKER').length).toBeGreaterThanOrEqual(5);
  expect(attempts.filter((a: any) => a.submittedBy === 'DEADLINE').length).toBeGreaterThanOrEqual(1);
  expect(attempts.filter((a: any) => a.status === 'VOIDED').map((a: any) => a.voidReason)).toEqual([expect.stringContaining('代答')]);
  expect(attempts.some((a: any) => a.status === 'IN_PROGRESS')).toBe(false);
  // Its board is public after the window: anyone reads it without logging in.
  const board = (await gql(base, `query($id: ID!) { drill(id: $id) { publicLeaderboard(first: 50) { totalCount nodes { rank score } } } }`, { id: finished.id })).drill.publicLeaderboard;
  expect(board.totalCount).toBe(finished.leaderboard.totalCount);

  const open = drills.find((d: any) => d.phase === 'OPEN');
  expect(open.enterpriseFigures.nodes.reduce((n: number, e: any) => n + e.passHolders, 0)).toBeGreaterThan(0);
  expect(open.attempts.nodes.filter((a: any) => a.status === 'IN_PROGRESS')).toHaveLength(2);
  // A pass the seed printed lets its worker in, as the README tells a demo user to try.
  const printed = /drill id (\S+):[\s\S]*?pass (\S+)\s+employee number (\S+)/.exec(stdout);
  expect(printed?.[1]).toBe(open.id);
  const entered = (await gql(base, `mutation($i: EnterDrillInput!) { enterDrill(input: $i) { token drill { id } userErrors { code message } } }`,
    { i: { drillId: printed![1], pass: printed![2], employeeNumber: printed![3] } })).enterDrill;
  expect(entered.userErrors).toEqual([]);
  expect(entered.drill.id).toBe(open.id);
}

/** Waits until the seed under dataDir has written `n` enterprises (it prints nothing before the end). */
async function untilEnterprises(e: FreshEnv, n: number, seed: { output(): string; child: { exitCode: number | null } }): Promise<void> {
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (seed.child.exitCode !== null) throw new Error(`the seed ended before it was killed:\n${seed.output()}`);
    if (Date.now() > deadline) throw new Error(`the seed wrote no ${n} enterprises:\n${seed.output()}`);
    const pm = postmaster(e.dataDir);
    if (pm?.port) {
      const c = new pg.Client({ host: '127.0.0.1', port: pm.port, user: 'postgres', password: pm.password, database: 'jiangxin' });
      try {
        await c.connect();
        if (Number((await c.query('SELECT count(*) AS n FROM enterprise')).rows[0].n) >= n) return;
      } catch {
        /* not up, or not migrated yet */
      } finally {
        await c.end().catch(() => {});
      }
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

it('a seed killed half-way: the rerun removes the half-built city and builds the whole demo once', async () => {
  if (!compiled) expect((await run('npm', ['run', 'build'], { PATH: process.env.PATH!, HOME: process.env.HOME! })).code).toBe(0);
  const e = await freshEnv();
  const first = start(process.execPath, ['dist/src/scripts/seed.js'], e.env);
  await untilEnterprises(e, 3, first);
  first.child.kill('SIGKILL'); // no goodbye: the embedded PostgreSQL stays running, as after a crash
  expect((await first.done).signal).toBe('SIGKILL');

  const rerun = await run(process.execPath, ['dist/src/scripts/seed.js'], e.env);
  const { workers } = seeded(rerun);
  expect(rerun.stdout).toMatch(/A seed started at \S+ did not finish: removed what it had built; building the demo city again\./);

  const server = await startServer(e);
  try {
    const admin = await login(server.base, DEMO_EMAILS[0]!);
    const totals = await gql(server.base, TOTALS, {}, admin);
    expect(totals).toEqual({
      enterprises: { totalCount: 12 }, workers: { totalCount: workers }, competitions: { totalCount: 3 }, users: { totalCount: DEMO_EMAILS.length },
      studios: { totalCount: 9 }, incubationProjects: { totalCount: 5 }, exhibitions: { totalCount: 1 }, alliances: { totalCount: 2 },
    });
  } finally {
    expect((await server.stop()).code).toBe(0);
  }
});
