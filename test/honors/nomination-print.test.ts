/// <reference lib="dom" />
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Role } from '../../src/auth/role';
import { idOf } from '../../src/common/relay';
import { createWorker } from '../helpers/registry';
import { errorCode, ok, startTestServer, type TestServer } from '../helpers/server';
import { ARTIFACTS, hasChromium, launchBrowser, warnNoChromium } from '../helpers/browser';
import { nomineeWithEvidence, type Evidence } from './evidence';
import { honorWorld, must, nominate, openCampaign, type HonorWorld, type User } from './fixture';

/**
 * The printable nomination form (推荐表): a one-time link from createNominationPrintLink (its
 * nominator, a NOMINATOR of its enterprise, the campaign's organizer, an ADMIN) opens an A4 page with
 * the nominee's registry facts, the statement, the evidence, the internal notice and the seal boxes.
 */
const LINK = `mutation($input: CreateNominationPrintLinkInput!) { createNominationPrintLink(input: $input) { url expiresAt userErrors { code field message } } }`;
const NAME = '王<script>alert(1)</script>';
const STATEMENT = '扎根一线二十年，<b>攻克</b>焊接难题 & 带徒 12 人。';

let t: TestServer;
let w: HonorWorld;
let ev: Evidence;
let nominationId: string;
let campaignTitle: string;
let enterpriseNominator: User;

beforeAll(async () => {
  t = await startTestServer();
  w = await honorWorld(t);
  ev = await nomineeWithEvidence(t, w, NAME, ['焊缝<img src=x onerror=alert(1)>检测装置', '薄板焊接夹具']);
  const campaignId = await openCampaign(t, w, { title: '2027年度港城大工匠评选', perEnterpriseCap: 3 });
  campaignTitle = '2027年度港城大工匠评选';
  const n = await nominate(t, w.organizer.token, campaignId, ev.workerId, { statement: STATEMENT, innovationIds: ev.innovationIds, methodIds: ev.methodIds });
  expect(n.userErrors).toEqual([]);
  nominationId = n.nomination.id;
  enterpriseNominator = await t.user([Role.NOMINATOR]);
  await must(t, w.admin.token, 'setUserEnterprise', 'SetUserEnterpriseInput', { userId: enterpriseNominator.globalId, enterpriseId: ev.enterpriseId }, 'user { id }');
}, 120_000);
afterAll(async () => t.close());

const origin = () => t.url.replace(/\/graphql$/, '');
const link = (token: string | null, id = nominationId) => t.gql(LINK, { input: { nominationId: id } }, token);
async function urlFor(token: string): Promise<string> {
  const res = ok(await link(token)).createNominationPrintLink;
  expect(res.userErrors).toEqual([]);
  return res.url;
}

describe('createNominationPrintLink and the form', () => {
  it('opens the form once: campaign, registry facts, statement, evidence, internal notice and seal boxes, every user text escaped', async () => {
    const url = await urlFor(w.organizer.token);
    expect(url).toMatch(/^\/nominations\/[^/]+\/form\?token=[A-Za-z0-9_-]{43}$/);
    const res = await fetch(origin() + url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'/);
    const html = await res.text();
    expect(html).toContain(`<h1>${campaignTitle}</h1>`);
    expect(html).toMatch(/<h2>工匠（市级，\d{4}年度）推荐表<\/h2>/);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).toContain('<td id="nominee-name">王&#60;script&#62;alert(1)&#60;/script&#62;</td>');
    expect(html).toContain('&#60;b&#62;攻克&#60;/b&#62;焊接难题 &#38; 带徒 12 人。');
    expect(html).toContain('<td>焊工</td><th>技能等级</th><td>高级工</td>');
    expect(html).toContain('<th>一线职工</th><td>是</td>');
    expect(html).toMatch(/<th>本工种从业年限<\/th><td>\d+年<\/td>/);
    expect(html).toContain('<th>学历</th><td>大专</td>');
    expect(html).toContain('焊缝&#60;img src=x onerror=alert(1)&#62;检测装置');
    expect(html).toContain('薄板焊接夹具');
    expect(html).toMatch(/<td colspan="3" id="methods"><ol><li>.{4}高效焊接法<\/li><\/ol><\/td>/);
    expect(html).toContain('<td colspan="3" id="awards"><span class="empty">无</span></td>');
    expect(html).toMatch(/id="internal-notice">\d{4}年\d+月\d+日 至 \d{4}年\d+月\d+日</);
    expect(html.match(/（盖章）/g)).toHaveLength(2);
    expect(html).toContain('@page { size: A4;');
    expect((await fetch(origin() + url)).status).toBe(410);
  });

  it('is printed by a NOMINATOR of the nominee’s enterprise and by an ADMIN too', async () => {
    for (const token of [enterpriseNominator.token, w.admin.token]) expect((await fetch(origin() + (await urlFor(token)))).status).toBe(200);
  });

  it('is refused to other enterprises’ nominators, other organizers, reviewers and the public', async () => {
    const otherOrganizer = await t.user([Role.ORGANIZER]);
    for (const u of [w.nominators[0]!, otherOrganizer, w.reviewers[2]!]) expect(errorCode(await link(u.token))).toBe('FORBIDDEN');
    expect(errorCode(await link(null))).toBe('UNAUTHENTICATED');
    const worker = await createWorker(t, w.admin.token, w.enterprises[0]!.id);
    expect(ok(await link(w.admin.token, worker.id)).createNominationPrintLink.userErrors[0].code).toBe('INVALID_INPUT');
    const links = await t.orm.em.fork().execute(`select count(*)::int as n from nomination_print_link where created_by_id in (?, ?)`, [w.nominators[0]!.id, otherOrganizer.id]);
    expect(links[0].n).toBe(0);
  });

  it('refuses a forged token, another nomination’s link, an expired link and a missing token, without using up a good link', async () => {
    const url = await urlFor(w.organizer.token);
    const token = new URL(url, origin()).searchParams.get('token')!;
    expect((await fetch(origin() + url.replace(/token=.*/, `token=${'A'.repeat(43)}`))).status).toBe(410);
    const other = await createWorker(t, w.admin.token, ev.enterpriseId);
    const campaignId = await openCampaign(t, w);
    const second = await nominate(t, w.organizer.token, campaignId, other.id);
    expect((await fetch(`${origin()}/nominations/${second.nomination.id}/form?token=${token}`)).status).toBe(410);
    expect((await fetch(origin() + url.replace(/\?token=.*/, ''))).status).toBe(401);
    expect((await fetch(origin() + url)).status).toBe(200);

    const expired = await urlFor(w.organizer.token);
    await t.orm.em.fork().execute(`update nomination_print_link set expires_at = now() - interval '1 second' where nomination_id = ? and used_at is null`, [idOf(nominationId, 'Nomination')]);
    expect((await fetch(origin() + expired)).status).toBe(410);
  });

  it('clears expired links when the next one is made, and keeps the live ones', async () => {
    const hash = (url: string) => createHash('sha256').update(new URL(url, origin()).searchParams.get('token')!).digest('hex');
    const rows = async (h: string) => (await t.orm.em.fork().execute(`select count(*)::int as n from nomination_print_link where token_hash = ?`, [h]))[0].n;
    const expired = hash(await urlFor(w.organizer.token));
    const live = hash(await urlFor(w.organizer.token));
    await t.orm.em.fork().execute(`update nomination_print_link set expires_at = now() - interval '1 day' where token_hash = ?`, [expired]);
    expect([await rows(expired), await rows(live)]).toEqual([1, 1]);
    await urlFor(w.organizer.token);
    expect([await rows(expired), await rows(live)]).toEqual([0, 1]);
  });
});

const browserSuite = hasChromium ? describe : describe.skip;
if (!hasChromium) warnNoChromium('nomination form print page');

browserSuite('the nomination form in Chromium', () => {
  it('lays out on A4 and prints to PDF with the nominee, the evidence and the seal boxes; no script runs', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.context.newPage();
      const errors: string[] = [];
      const dialogs: string[] = [];
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); }); // a CSP refusal shows here
      page.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });
      await page.goto(origin() + (await urlFor(w.organizer.token)));
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('#nominee-name').textContent()).toBe(NAME);
      expect(await page.locator('#innovations li').count()).toBe(2);
      expect(await page.locator('.seal').count()).toBe(2);
      expect(await page.locator('table.facts td').first().evaluate((td) => getComputedStyle(td).borderTopStyle)).toBe('solid');
      // Rendered text, not boxes: the page's text is Chinese and its glyphs take width.
      expect(await page.locator('h1').evaluate((h) => h.getBoundingClientRect().width)).toBeGreaterThan(100);
      const pdf = await page.pdf({ format: 'A4', printBackground: false });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      fs.writeFileSync(path.join(ARTIFACTS, 'nomination-form.pdf'), pdf);
      await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
      await page.emulateMedia({ media: 'screen' });
      await page.screenshot({ path: path.join(ARTIFACTS, 'nomination-form.png'), fullPage: true });
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
