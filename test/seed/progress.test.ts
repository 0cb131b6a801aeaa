import { Role } from '../../src/auth/role';
import { LoginAttempt } from '../../src/auth/login-attempt.entity';
import { SeedRun } from '../../src/seed/seed-run.entity';
import { beginSeed, DEMO_DOMAIN, finishSeed, lockSeed, SeedRefused } from '../../src/seed/progress';
import { createEnterprise } from '../helpers/registry';
import { ok, startTestServer, type TestServer } from '../helpers/server';

/*
 * What `npm run seed` does on a database, decided from it: build on an empty one, nothing on a
 * finished demo, rebuild an unfinished one, refuse (changing nothing) wherever data is not the seed's.
 * test/seed/npm-seed.test.ts runs the real command, killed half-way and again.
 */
let t: TestServer;
beforeEach(async () => {
  t = await startTestServer();
});
afterEach(async () => t.close());

const count = async (table: string): Promise<number> => Number((await t.orm.em.getConnection().execute(`SELECT count(*) AS n FROM "${table}"`))[0].n);
const marker = () => t.orm.em.fork().findOne(SeedRun, { name: 'demo' });
/** An unfinished run's leftovers: the demo admin, an enterprise, a failed login. */
async function halfBuilt(): Promise<void> {
  await t.orm.em.fork().insert(SeedRun, { name: 'demo', startedAt: new Date(Date.now() - 60_000), finishedAt: null });
  const admin = await t.user([Role.ADMIN], { email: `admin@${DEMO_DOMAIN}` });
  await createEnterprise(t, admin.token);
  await t.orm.em.fork().insert(LoginAttempt, { id: crypto.randomUUID(), email: `admin@${DEMO_DOMAIN}`, at: new Date() });
}

it('builds on an empty database and marks the run started; a failed login is nobody’s data and stays', async () => {
  await t.orm.em.fork().insert(LoginAttempt, { id: crypto.randomUUID(), email: 'someone@example.com', at: new Date() });
  expect(await beginSeed(t.orm)).toEqual({ kind: 'build', replacedRunStartedAt: null });
  expect(await marker()).toMatchObject({ finishedAt: null, startedAt: expect.any(Date) });
  expect(await count('login_attempt')).toBe(1);
});

it('refuses a database that holds data the seed did not make (a first admin of its own), changing nothing', async () => {
  const admin = await t.user([Role.ADMIN], { email: 'admin@example.com' });
  await createEnterprise(t, admin.token);
  await expect(beginSeed(t.orm)).rejects.toThrow(SeedRefused);
  await expect(beginSeed(t.orm)).rejects.toThrow(/holds data already \(in app_user, enterprise\).*empty database/);
  expect(await marker()).toBeNull();
  expect(await count('enterprise')).toBe(1);
});

it('removes what an unfinished run built and starts again, keeping failed logins', async () => {
  await halfBuilt();
  const before = (await marker())!.startedAt;
  const plan = await beginSeed(t.orm);
  expect(plan).toEqual({ kind: 'build', replacedRunStartedAt: before });
  expect(await count('app_user')).toBe(0);
  expect(await count('enterprise')).toBe(0);
  expect(await count('login_attempt')).toBe(1);
  expect((await marker())!.startedAt.getTime()).toBeGreaterThan(before.getTime());
});

it('refuses to remove an unfinished run when the database holds users it did not make, changing nothing', async () => {
  await halfBuilt();
  await t.user([Role.ADMIN], { email: 'ops@example.com' });
  await expect(beginSeed(t.orm)).rejects.toThrow(/did not finish, and the database now holds users it did not make \(ops@example\.com\): nothing is removed/);
  expect(await count('app_user')).toBe(2);
  expect(await count('enterprise')).toBe(1);
  expect((await marker())!.finishedAt).toBeNull();
});

it('finishes: the demo logins get the demo password (earlier tokens stop working); then a run does nothing', async () => {
  await beginSeed(t.orm);
  const admin = await t.user([Role.ADMIN], { email: `admin@${DEMO_DOMAIN}` });
  await finishSeed(t.orm, 'demo-password-2026');
  const login = ok(await t.gql(`mutation($i: LoginInput!) { login(input: $i) { token userErrors { code } } }`, { i: { email: `admin@${DEMO_DOMAIN}`, password: 'demo-password-2026' } }));
  expect(login.login.token).toEqual(expect.any(String));
  expect((await t.gql(`{ viewer { id } }`, {}, admin.token)).data?.viewer ?? null).toBeNull();
  expect(await beginSeed(t.orm)).toEqual({ kind: 'finished' });
  expect(await count('app_user')).toBe(1);
});

it('lets one seed at a time run on a database', async () => {
  const first = await lockSeed(t.databaseUrl);
  await expect(lockSeed(t.databaseUrl)).rejects.toThrow(/Another `npm run seed` is running/);
  await first.release();
  await (await lockSeed(t.databaseUrl)).release();
});
