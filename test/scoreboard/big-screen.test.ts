/// <reference lib="dom" />
// (page.evaluate callbacks run in the browser)
import type { Page } from 'playwright-core';
import { ok, startTestServer, type TestServer } from '../helpers/server';
import { setupCompetition, type CompetitionFixture } from '../helpers/competition';
import { hasChromium, launchBrowser, warnNoChromium } from '../helpers/browser';

/**
 * The scoreboard on a hall's 1920×1080 screen with a full field (issue 13): before any mark it lists
 * the entries in start order without ranks or 0.00 totals; twenty rows fit a screen; the pages are
 * even; the tab has an icon.
 */
const SUBMIT = `mutation($input: SubmitScoreInput!) { submitScore(input: $input) { score { id } userErrors { code field message } } }`;
const STAGES = [
  { name: '理论', weight: 40, criteria: [{ kind: 'MEASUREMENT' as const, maxScore: 100 }] },
  { name: '实操', weight: 60, criteria: [{ kind: 'MEASUREMENT' as const, maxScore: 100 }] },
];
const ENTRIES = 40;

const suite = hasChromium ? describe : describe.skip;
if (!hasChromium) warnNoChromium('scoreboard big-screen tests');

let t: TestServer;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;
let f: CompetitionFixture;
const pageErrors: string[] = [];

/** Every row as shown: start number, rank and total text, and whether it is on the current page. */
const shownRows = (p: Page) => p.$$eval('#rows .row', (rows) => rows.map((r) => ({
  start: r.querySelector('.start')!.textContent,
  rank: r.querySelector('.rank')!.textContent,
  total: r.querySelector('.total')!.textContent,
  visible: getComputedStyle(r).display !== 'none',
})));

suite('scoreboard on a big screen', () => {
  beforeAll(async () => {
    t = await startTestServer();
    f = await setupCompetition(t, { entries: ENTRIES, judges: 1, stages: STAGES });
    browser = await launchBrowser(); // 1920×1080
    page = await browser.context.newPage();
    page.on('pageerror', (err) => pageErrors.push(String(err)));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('before any mark lists the entries in start order, without ranks or 0.00 totals', async () => {
    await page.goto(t.url.replace(/\/graphql$/, `/scoreboard/${f.competitionId}`));
    await page.waitForFunction((n) => document.querySelectorAll('#rows .row').length === n, ENTRIES);
    await page.waitForFunction(() => document.getElementById('connection')!.dataset.state === 'live');
    const rows = await shownRows(page);
    const starts = [...f.entries].map((e) => e.startNumber!).sort((x, y) => x - y).map(String);
    expect(rows.map((r) => r.start)).toEqual(starts);
    expect(new Set(rows.map((r) => r.rank))).toEqual(new Set(['—']));
    expect(new Set(rows.map((r) => r.total))).toEqual(new Set(['']));
  });

  it('fits twenty rows on a 1920×1080 screen, with nothing overflowing it', async () => {
    const layout = await page.evaluate(() => {
      const visible = Array.from(document.querySelectorAll('#rows .row')).filter((r) => getComputedStyle(r).display !== 'none');
      return {
        visible: visible.length,
        lastBottom: visible[visible.length - 1]!.getBoundingClientRect().bottom,
        footerTop: document.querySelector('footer')!.getBoundingClientRect().top,
        footerBottom: document.querySelector('footer')!.getBoundingClientRect().bottom,
        scrollHeight: document.documentElement.scrollHeight,
        scrollWidth: document.documentElement.scrollWidth,
        pager: document.getElementById('pager')!.textContent,
        rowHeight: visible[0]!.getBoundingClientRect().height,
        rowsTop: document.getElementById('rows')!.getBoundingClientRect().top,
        footerHeight: document.querySelector('footer')!.offsetHeight,
        nameSize: parseFloat(getComputedStyle(document.querySelector('#rows .row .name')!).fontSize),
      };
    });
    expect(layout.visible).toBe(20);
    expect(layout.pager).toBe('第 1 / 2 页');
    expect(layout.lastBottom).toBeLessThanOrEqual(layout.footerTop);
    expect(layout.footerBottom).toBeLessThanOrEqual(1080);
    expect(layout.scrollHeight).toBeLessThanOrEqual(1080);
    expect(layout.scrollWidth).toBeLessThanOrEqual(1920);
    expect(layout.nameSize).toBeGreaterThanOrEqual(24); // still readable across a hall
  });

  it('ranks an entry once its first mark shows, and keeps the unmarked ones after it in start order', async () => {
    const entry = f.entries[7]!;
    const res = ok(await t.gql(SUBMIT, { input: { entryId: entry.id, criterionId: f.stages[0]!.criteria[0]!.id, value: 50 } }, f.judges[0]!.token));
    expect(res.submitScore.userErrors).toEqual([]);
    await page.waitForFunction((id) => document.querySelector('#rows .row')?.getAttribute('data-entry-id') === id, entry.id, { timeout: 3000 });
    const rows = await shownRows(page);
    expect(rows[0]).toMatchObject({ start: String(entry.startNumber), rank: '1', total: '20.00' });
    const rest = rows.slice(1);
    expect(rest.map((r) => Number(r.start))).toEqual(rest.map((r) => Number(r.start)).sort((x, y) => x - y));
    expect(new Set(rest.map((r) => r.rank + '|' + r.total))).toEqual(new Set(['—|']));
  });

  it('splits the rows into even pages on a shorter screen (no last page of a few rows)', async () => {
    const short = await browser.context.newPage();
    try {
      await short.setViewportSize({ width: 1920, height: 400 });
      await short.goto(`${page.url()}?page=3`);
      await short.waitForFunction((n) => document.querySelectorAll('#rows .row').length === n, ENTRIES);
      // Watch the pager turn (every 3 s) and note each page's size the first time it shows. The pager's
      // text, the page capacity and the visible rows are read in one evaluate, so they always belong to
      // the same layout and page; no assumption about which page shows first or how fast a loaded machine
      // turns them (CI failed on waits that did). The layout may still settle after the rows arrive (the
      // header fills in, fonts load: CI once saw 3 pages become 4): a new page count starts the count anew.
      const read = () => short.evaluate(() => ({
        capacity: Number(document.body.dataset.pageCapacity),
        pager: document.getElementById('pager')!.textContent ?? '',
        visible: Array.from(document.querySelectorAll('#rows .row')).filter((r) => getComputedStyle(r).display !== 'none').length,
      }));
      let seen = new Map<number, number>();
      let pages = 0;
      let capacity = 0;
      const deadline = Date.now() + 60_000;
      while ((pages === 0 || seen.size < pages) && Date.now() < deadline) {
        const now = await read();
        const m = now.pager.match(/^第 (\d+) \/ (\d+) 页$/);
        if (m) {
          if (Number(m[2]) !== pages || now.capacity !== capacity) {
            pages = Number(m[2]);
            capacity = now.capacity;
            seen = new Map();
          }
          if (!seen.has(Number(m[1]))) seen.set(Number(m[1]), now.visible);
        }
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(pages).toBe(Math.ceil(ENTRIES / capacity));
      expect(ENTRIES % capacity).not.toBe(0); // else every page is full anyway and the test shows nothing
      expect([...seen.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: pages }, (_, i) => i + 1));
      const sizes = [...seen.values()];
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(ENTRIES);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    } finally {
      await short.close();
    }
  }, 90_000);

  it('gives the tab the scoreboard’s icon', async () => {
    const href = await page.evaluate(() => (document.querySelector('link[rel="icon"]') as HTMLLinkElement).href);
    const res = await fetch(href);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(pageErrors).toEqual([]);
  });
});
