import { Role } from '../../src/auth/role';
import { seedDemo } from '../../src/seed';
import { ok, startTestServer, type TestServer } from '../helpers/server';

/* `npm run seed` builds its city through the public API; this runs the same builder on a fresh database. */
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t.close());

it('builds a believable city: every ownership and size, a live contest, a finalized one, one taking entries', async () => {
  const admin = await t.user([Role.ADMIN]);
  const demo = await seedDemo(t.url, admin.email, 'password-123');
  expect(demo.workers).toBeGreaterThan(250);

  const ents = ok(await t.gql(`{ enterprises(first: 50) { totalCount nodes { ownership size district } } }`, {}, admin.token)).enterprises;
  expect(new Set(ents.nodes.map((e: any) => e.ownership))).toEqual(new Set(['STATE_OWNED', 'COLLECTIVE', 'PRIVATE', 'MIXED', 'FOREIGN_INVESTED']));
  expect(new Set(ents.nodes.map((e: any) => e.size))).toEqual(new Set(['LARGE', 'MEDIUM', 'SMALL', 'MICRO']));
  expect(new Set(ents.nodes.map((e: any) => e.district)).size).toBeGreaterThanOrEqual(5);

  const COMP = `query($id: ID!) { node(id: $id) { ... on Competition { status leaderboard { rows { rank completeness } } awards { prize } } } }`;
  const live = ok(await t.gql(COMP, { id: demo.competitions.liveId })).node;
  expect(live.status).toBe('IN_PROGRESS');
  expect(live.leaderboard.rows.length).toBeGreaterThanOrEqual(12);
  const complete = live.leaderboard.rows.filter((r: any) => r.completeness === 1).length;
  expect(complete).toBeGreaterThan(0);
  expect(complete).toBeLessThan(live.leaderboard.rows.length); // marking still going on

  const finalized = ok(await t.gql(COMP, { id: demo.competitions.finalizedId })).node;
  expect(finalized.status).toBe('FINALIZED');
  expect(finalized.awards.map((a: any) => a.prize)).toContain('FIRST');
  expect(ok(await t.gql(COMP, { id: demo.competitions.upcomingId })).node.status).toBe('REGISTRATION_OPEN');

  const studios = ok(await t.gql(`{ studios(first: 50) { nodes { status } } }`, {}, admin.token)).studios.nodes;
  expect(new Set(studios.map((s: any) => s.status))).toEqual(new Set(['APPLIED', 'CHANGES_REQUESTED', 'ACCREDITED', 'REJECTED', 'SUSPENDED', 'REVOKED']));
  const projects = ok(await t.gql(`{ incubationProjects(first: 50) { nodes { stage } } }`, {}, admin.token)).incubationProjects.nodes;
  expect(new Set(projects.map((p: any) => p.stage))).toEqual(new Set(['IDEA', 'INCUBATING', 'PILOT', 'GRADUATED', 'TERMINATED']));
  expect(ok(await t.gql(`{ innovations(first: 50) { totalCount } }`)).innovations.totalCount).toBe(demo.innovation.innovationIds.length);

  const methods = ok(await t.gql(`{ operatingMethods(first: 20) { nodes { status adoptionSummary { enterprises } } } }`, {}, admin.token)).operatingMethods.nodes;
  expect(new Set(methods.map((m: any) => m.status))).toEqual(new Set(['NAMED', 'UNDER_REVIEW', 'REJECTED']));
  expect(methods.filter((m: any) => m.status === 'NAMED').every((m: any) => m.adoptionSummary.enterprises >= 1)).toBe(true);
  const overview = ok(await t.gql(`{ innovationOverview(filter: {}) { __typename } }`));
  expect(overview.innovationOverview.__typename).toBe('InnovationOverview');

  // Every demo login works with the shared password.
  for (const [email] of demo.logins) {
    const res = ok(await t.gql(`mutation($i: LoginInput!) { login(input: $i) { token userErrors { code } } }`, { i: { email, password: 'password-123' } }));
    expect(res.login.token).toEqual(expect.any(String));
  }
}, 180_000);
