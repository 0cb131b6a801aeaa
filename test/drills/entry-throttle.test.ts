import { Role } from '../../src/auth/role';
import { ENTRY_MAX_FAILURES_PER_ADDRESS } from '../../src/drills/taking/entry-throttle';
import { ok, startTestServer, type TestServer } from '../helpers/server';
import { createEnterprise, createWorker } from '../helpers/registry';
import { createDrill, ENTER, ISSUE, seedBank, TRADE } from './taking-fixture';

/* Guessing passes: failures from one address are counted across drills; past the limit even a right pass waits. */
let t: TestServer;
afterAll(async () => t.close());

it('refuses an address after too many wrong passes, without telling a right one from a wrong one before', async () => {
  t = await startTestServer();
  const admin = (await t.user([Role.ADMIN])).token;
  const organizer = await t.user([Role.ORGANIZER]);
  const ent = await createEnterprise(t, admin);
  await createWorker(t, admin, ent.id, { employeeNumber: 'TH1', trade: TRADE });
  await seedBank(t, organizer.id);
  const drill = await createDrill(t, { organizerUserId: organizer.id });
  const [pass] = ok(await t.gql(ISSUE, { input: { drillId: drill.id, enterpriseId: ent.id } }, admin)).issueDrillPasses.passes;
  const guess = (n: number) => t.gql(ENTER, { input: { drillId: drill.id, pass: `GUES-S${String(n).padStart(3, '0')}-AAAA`, employeeNumber: 'TH1' } });
  // A right pass among the guesses is let in, and does not count.
  for (let n = 0; n < ENTRY_MAX_FAILURES_PER_ADDRESS - 1; n++) {
    expect(ok(await guess(n)).enterDrill.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_CREDENTIALS' })]);
  }
  const right = () => t.gql(ENTER, { input: { drillId: drill.id, pass: pass.code, employeeNumber: 'TH1' } });
  expect(ok(await right()).enterDrill.userErrors).toEqual([]);
  expect(ok(await guess(99)).enterDrill.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_CREDENTIALS' })]);
  expect(ok(await guess(100)).enterDrill.userErrors).toEqual([expect.objectContaining({ code: 'TOO_MANY_ATTEMPTS' })]);
  expect(ok(await right()).enterDrill).toMatchObject({ token: null, userErrors: [{ code: 'TOO_MANY_ATTEMPTS' }] });
}, 60_000);

it('lets a workshop behind one address in at once: only settled failures count, checks under way only against a higher cap', async () => {
  // A server of its own: the test above left this machine's address refused.
  const t = await startTestServer();
  const admin = (await t.user([Role.ADMIN])).token;
  const organizer = await t.user([Role.ORGANIZER]);
  await seedBank(t, organizer.id);
  const ent = await createEnterprise(t, admin);
  const n = ENTRY_MAX_FAILURES_PER_ADDRESS + 20;
  for (let i = 0; i < n; i++) await createWorker(t, admin, ent.id, { employeeNumber: `WS${i}`, trade: TRADE });
  const drill = await createDrill(t, { organizerUserId: organizer.id });
  const { passes } = ok(await t.gql(`mutation($input: IssueDrillPassesInput!) { issueDrillPasses(input: $input) { passes { code worker { employeeNumber } } } }`,
    { input: { drillId: drill.id, enterpriseId: ent.id } }, admin)).issueDrillPasses;
  expect(passes).toHaveLength(n);
  // Every phone at once, all from this one address (the tests' loopback): more at once than the failure limit.
  try {
    const entered = await Promise.all(passes.map((p: any) => t.gql(ENTER, { input: { drillId: drill.id, pass: p.code, employeeNumber: p.worker.employeeNumber } })));
    expect(entered.map((r: any) => (ok(r) as any).enterDrill.userErrors)).toEqual(passes.map(() => []));
    // Guesses still settle as failures and are refused past the limit.
    const guesses: string[] = [];
    for (let k = 0; k <= ENTRY_MAX_FAILURES_PER_ADDRESS; k++) {
      guesses.push(ok(await t.gql(ENTER, { input: { drillId: drill.id, pass: `GUES-S${String(k).padStart(3, '0')}-BBBB`, employeeNumber: 'WS0' } })).enterDrill.userErrors[0].code);
    }
    expect(guesses.slice(0, -1).every((c) => c === 'INVALID_CREDENTIALS')).toBe(true);
    expect(guesses.at(-1)).toBe('TOO_MANY_ATTEMPTS');
  } finally {
    await t.close();
  }
}, 120_000);
