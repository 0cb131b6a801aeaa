import { Role } from '../../src/auth/role';
import { ok, startTestServer, type TestServer } from '../helpers/server';
import { createEnterprise, createWorker } from '../helpers/registry';
import { createDrill, seedBank, TRADE } from './taking-fixture';

/*
 * PUBLIC_BASE_URL on a drill pass: each printed slip says where the taker goes, the drill's page under
 * the deployment's address (`<base>/drills/<Drill ID>`), HTML-escaped. Without the setting
 * (test/drills/pass-print.test.ts) there is no address line.
 */
const ISSUE = `mutation($input: IssueDrillPassesInput!) { issueDrillPasses(input: $input) { passes { code } printPage userErrors { code field message } } }`;
const REISSUE = `mutation($input: ReissueDrillPassInput!) { reissueDrillPass(input: $input) { printPage userErrors { code field message } } }`;
// `&` is legal in a path and must come out escaped (&#38;) in the HTML.
const BASE = 'https://jx.example.cn/city&union';

let t: TestServer;
afterAll(async () => t?.close());

it('each slip prints the taker page’s address under PUBLIC_BASE_URL, escaped; a reissued slip too', async () => {
  t = await startTestServer({ config: { publicBaseUrl: BASE } });
  const admin = (await t.user([Role.ADMIN])).token;
  const organizer = await t.user([Role.ORGANIZER]);
  const ent = await createEnterprise(t, admin);
  const w1 = await createWorker(t, admin, ent.id, { employeeNumber: 'U1', trade: TRADE });
  await createWorker(t, admin, ent.id, { employeeNumber: 'U2', trade: TRADE });
  await seedBank(t, organizer.id);
  const drill = await createDrill(t, { organizerUserId: organizer.id });
  const issued = ok(await t.gql(ISSUE, { input: { drillId: drill.id, enterpriseId: ent.id } }, organizer.token)).issueDrillPasses;
  expect(issued.userErrors).toEqual([]);
  const line = `<div class="where">答题网址 / Go to：https://jx.example.cn/city&#38;union/drills/${drill.id}</div>`;
  expect(issued.printPage.split(line)).toHaveLength(issued.passes.length + 1);
  expect(issued.printPage).not.toContain('city&union');
  const reissued = ok(await t.gql(REISSUE, { input: { drillId: drill.id, workerId: w1.id } }, organizer.token)).reissueDrillPass;
  expect(reissued.userErrors).toEqual([]);
  expect(reissued.printPage).toContain(line);
}, 60_000);
