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
