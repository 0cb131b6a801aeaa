/// <reference lib="dom" />
import fs from 'node:fs';
import path from 'node:path';
import { Role } from '../../src/auth/role';
import { errorCode, ok, startTestServer, type TestServer } from '../helpers/server';
import { createEnterprise, createWorker } from '../helpers/registry';
import { mutate } from '../helpers/competition';
import { ARTIFACTS, hasChromium, launchBrowser, warnNoChromium } from '../helpers/browser';
import { passesPage, SLIPS_PER_PAGE } from '../../src/drills/taking/pass-page';
import { createDrill, seedBank, TRADE } from './taking-fixture';

/*
 * Printable drill passes (答题凭证): issueDrillPasses and reissueDrillPass return, beside the codes and
 * the CSV, a self-contained A4 page of cut-out slips. Read as HTML through the API here; laid out and
 * printed to PDF in headless Chromium where it is installed.
 */
const ISSUE = `mutation($input: IssueDrillPassesInput!) { issueDrillPasses(input: $input) {
  passes { code worker { id name employeeNumber } } printPage userErrors { code field message } } }`;
const REISSUE = `mutation($input: ReissueDrillPassInput!) { reissueDrillPass(input: $input) { pass { code worker { id } } printPage userErrors { code field message } } }`;
const WORKERS = 9; // 4 + 4 + 1 slips: three sheets
const SCRIPT_NAME = '<script>alert(1)</script>';

let t: TestServer;
let admin: string;
let organizer: { id: string; token: string };
let ent: { id: string; name: string };
let nominator: { token: string };
let drill: { id: string };
let issued: { printPage: string; passes: { code: string; worker: { id: string; name: string; employeeNumber: string } }[] };

beforeAll(async () => {
  t = await startTestServer();
  admin = (await t.user([Role.ADMIN])).token;
  organizer = await t.user([Role.ORGANIZER]);
  ent = await createEnterprise(t, admin, { name: '港城焊接<有限>公司' });
  const n = await t.user([Role.NOMINATOR]);
  await mutate(t, admin, 'setUserEnterprise', 'SetUserEnterpriseInput', { userId: n.globalId, enterpriseId: ent.id }, 'user { id }');
  nominator = n;
  await createWorker(t, admin, ent.id, { employeeNumber: 'P0', trade: TRADE, name: SCRIPT_NAME });
  for (let i = 1; i < WORKERS; i++) await createWorker(t, admin, ent.id, { employeeNumber: `P${i}`, trade: TRADE, name: `焊工${i}号` });
  await seedBank(t, organizer.id);
  drill = await createDrill(t, { organizerUserId: organizer.id, attemptsAllowed: 2, opensAt: new Date('2026-12-07T01:00:00Z'), closesAt: new Date(Date.now() + 3600_000) });
  issued = ok(await t.gql(ISSUE, { input: { drillId: drill.id, enterpriseId: ent.id } }, nominator.token)).issueDrillPasses;
}, 60_000);
afterAll(async () => t.close());

describe('the printable passes', () => {
  it('come with the issue: a slip per pass with the drill, window, limits, enterprise, worker and code', () => {
    expect(issued.passes).toHaveLength(WORKERS);
    const html = issued.printPage;
    expect(html.match(/<div class="slip">/g)).toHaveLength(WORKERS);
    expect(html.match(/<section class="sheet">/g)).toHaveLength(Math.ceil(WORKERS / SLIPS_PER_PAGE));
    for (const p of issued.passes) {
      expect(html).toContain(`<div class="code">${p.code}</div>`);
      expect(html).toContain(`<td class="number">${p.worker.employeeNumber}</td>`);
    }
    expect(html).toContain('<td class="worker">焊工3号</td>');
    expect(html).toContain('电焊安全网上练兵');
    expect(html).toContain('2026年12月7日 09:00');
    expect(html).toContain('每次 30 分钟');
    // No PUBLIC_BASE_URL on this server: no address line (test/drills/pass-url.test.ts has one).
    expect(html).not.toContain('答题网址');
    expect(html).not.toContain('class="where"');
    expect(html).toContain('可答 2 次');
  });

  it('print every name as text: a worker named <script> and an enterprise with <> in its name', () => {
    expect(issued.passes.map((p) => p.worker.name)).toContain(SCRIPT_NAME);
    expect(issued.printPage).not.toContain('<script');
    expect(issued.printPage).toContain('<td class="worker">&#60;script&#62;alert(1)&#60;/script&#62;</td>');
    expect(issued.printPage).toContain('港城焊接&#60;有限&#62;公司');
  });

  it('come with a reissue too: one slip with the new code, not the old one', async () => {
    const old = issued.passes[2]!;
    const res = ok(await t.gql(REISSUE, { input: { drillId: drill.id, workerId: old.worker.id } }, nominator.token)).reissueDrillPass;
    expect(res.userErrors).toEqual([]);
    expect(res.printPage.match(/<div class="slip">/g)).toHaveLength(1);
    expect(res.printPage).toContain(`<div class="code">${res.pass.code}</div>`);
    expect(res.printPage).not.toContain(old.code);
    expect(res.printPage).toContain(`<td class="number">${old.worker.employeeNumber}</td>`);
  });

  it('are nobody’s but the issuer’s: another enterprise’s contact, a refused issue and the public get no page', async () => {
    const other = await createEnterprise(t, admin);
    const stranger = await t.user([Role.NOMINATOR]);
    await mutate(t, admin, 'setUserEnterprise', 'SetUserEnterpriseInput', { userId: stranger.globalId, enterpriseId: other.id }, 'user { id }');
    const input = { drillId: drill.id, enterpriseId: ent.id };
    expect(errorCode(await t.gql(ISSUE, { input }, stranger.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(REISSUE, { input: { drillId: drill.id, workerId: issued.passes[0]!.worker.id } }, stranger.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(ISSUE, { input }, null))).toBe('UNAUTHENTICATED');
    const closed = await createDrill(t, { organizerUserId: organizer.id, opensAt: new Date(Date.now() - 7200_000), closesAt: new Date(Date.now() - 3600_000) });
    const refused = ok(await t.gql(ISSUE, { input: { drillId: closed.id, enterpriseId: ent.id } }, nominator.token)).issueDrillPasses;
    expect(refused).toMatchObject({ passes: null, printPage: null });
    expect(refused.userErrors[0].code).toBe('INVALID_STATE');
  });
});

const browserSuite = hasChromium ? describe : describe.skip;
if (!hasChromium) warnNoChromium('drill pass print page');

/** Pages of a PDF as Chromium writes it: one `/Type /Page` object per page. */
const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;

browserSuite('the passes in Chromium', () => {
  it('print on A4, four slips a sheet, none split, with the names, numbers and codes as text', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.context.newPage();
      const errors: string[] = [];
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      page.on('dialog', (d) => { errors.push(`dialog: ${d.message()}`); void d.dismiss(); }); // the <script> name must never run
      await page.setContent(issued.printPage, { waitUntil: 'load' });
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.slip').count()).toBe(WORKERS);
      expect(await page.locator('.worker').allTextContents()).toContain(SCRIPT_NAME);
      const codes = await page.locator('.code').allTextContents();
      expect(codes.sort()).toEqual(issued.passes.map((p) => p.code).sort());
      // The inline style applied: the code is large and monospace, the slips have a cut line.
      const code = await page.locator('.code').first().evaluate((el) => ({ size: parseFloat(getComputedStyle(el).fontSize), family: getComputedStyle(el).fontFamily }));
      expect(code.size).toBeGreaterThan(28);
      expect(code.family).toContain('monospace');
      expect(await page.locator('.slip').first().evaluate((el) => getComputedStyle(el).borderTopStyle)).toBe('dashed');
      // Every slip lies within one sheet, and every sheet is no taller than A4's printable height (277 mm).
      const mm = 96 / 25.4;
      const sheets = await page.locator('.sheet').evaluateAll((els) => els.map((s) => ({
        height: s.getBoundingClientRect().height,
        slipsInside: Array.from(s.querySelectorAll('.slip')).every((c) => c.getBoundingClientRect().bottom <= s.getBoundingClientRect().bottom + 0.5),
        // The slips clip what overflows them: nothing may.
        overflowing: Array.from(s.querySelectorAll('.slip')).filter((c) => c.scrollHeight > c.clientHeight).length,
      })));
      expect(sheets).toHaveLength(Math.ceil(WORKERS / SLIPS_PER_PAGE));
      for (const s of sheets) {
        expect(s.slipsInside).toBe(true);
        expect(s.overflowing).toBe(0);
        expect(s.height).toBeLessThanOrEqual(277 * mm);
      }
      const pdf = await page.pdf({ format: 'A4', printBackground: false, preferCSSPageSize: true });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdfPages(pdf)).toBe(Math.ceil(WORKERS / SLIPS_PER_PAGE));
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      fs.writeFileSync(path.join(ARTIFACTS, 'drill-passes.pdf'), pdf);
      // One slip alone (a reissue) is one page; a taker address and a window over two days still fit in a slip.
      const one = passesPage({
        drill: { title: '2026年厦门市职工电焊安全知识网上练兵（第二季·决赛）', opensAt: new Date('2026-12-07T01:00:00Z'), closesAt: new Date('2026-12-09T10:00:00Z'), timeLimitMinutes: 45, attemptsAllowed: 3 },
        enterpriseName: '厦门港城重型机械焊接制造股份有限公司海沧分公司', takerUrl: 'https://jiangxin.example.cn/drills/RHJpbGw6YjQ0ZjE1/enter',
        passes: [{ workerName: '欧阳建国', employeeNumber: 'HC-2026-000123', code: issued.passes[0]!.code }],
      });
      await page.setContent(one, { waitUntil: 'load' });
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.slip').evaluate((c) => c.scrollHeight <= c.clientHeight)).toBe(true);
      expect(pdfPages(await page.pdf({ format: 'A4', preferCSSPageSize: true }))).toBe(1);
      await page.emulateMedia({ media: 'screen' });
      await page.setContent(issued.printPage, { waitUntil: 'load' });
      await page.screenshot({ path: path.join(ARTIFACTS, 'drill-passes.png'), fullPage: true });
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
