/// <reference lib="dom" />
// (page.evaluate callbacks run in the browser)
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { createServer, type RunningServer } from '../../src/server';
import { ok, startTestServer, TEST_JWT_SECRET, type TestServer } from '../helpers/server';
import { mutate, setupCompetition, signOffAndPublish, type CompetitionFixture } from '../helpers/competition';
import { ARTIFACTS, hasChromium, launchBrowser, warnNoChromium } from '../helpers/browser';

/**
 * The big-screen scoreboard in headless Chromium, against a real server: what a hall screen shows,
 * how fast a mark reaches it, the freeze, a server restart under it, and the prizes at the end.
 * The tests run in order on one competition and one open page.
 */
const SUBMIT = `mutation($input: SubmitScoreInput!) { submitScore(input: $input) { score { id } userErrors { code field message } } }`;
const PUBLIC_BOARD = `query($id: ID!) { node(id: $id) { ... on Competition { leaderboard { rows { entryId displayName rank total } } } } }`;
const STAGES = [
  { name: '理论', weight: 40, criteria: [{ kind: 'MEASUREMENT' as const, maxScore: 100 }] },
  { name: '实操', weight: 60, criteria: [{ kind: 'MEASUREMENT' as const, maxScore: 100 }] },
];
const PEOPLE = [
  ['陈立国', '厦门港务集团有限公司'], ['林晓燕', '厦门船舶重工股份有限公司'], ['黄志强', '厦门金龙汽车集团'],
  ['吴建华', '厦门钨业股份有限公司'], ['郑海涛', '厦门航空工业有限公司'], ['王丽萍', '厦门电力检修公司'],
];

const suite = hasChromium ? describe : describe.skip;
if (!hasChromium) warnNoChromium('scoreboard end-to-end tests');

let a: TestServer;
let b: TestServer;
let restarted: RunningServer | undefined;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;
let f: CompetitionFixture;
const pageErrors: string[] = [];

async function mark(entry: number, stage: number, value: number, on: TestServer = a) {
  const res = ok(await on.gql(SUBMIT, { input: { entryId: f.entries[entry]!.id, criterionId: f.stages[stage]!.criteria[0]!.id, value } }, f.judges[0]!.token));
  if (res.submitScore.userErrors.length) throw new Error(JSON.stringify(res.submitScore.userErrors));
}

const rowTotal = (entry: number) => page.locator(`#rows .row[data-entry-id="${f.entries[entry]!.id}"] .total`);

async function shot(name: string, target: Page = page) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await target.screenshot({ path: path.join(ARTIFACTS, name) });
}

suite('scoreboard page in Chromium', () => {
  beforeAll(async () => {
    a = await startTestServer();
    b = await startTestServer({ shareWith: a });
    f = await setupCompetition(a, {
      title: '2026年厦门市焊工职业技能大赛', entries: 6, judges: 1, stages: STAGES,
      prizeTiers: [{ prize: 'FIRST', count: 1 }, { prize: 'SECOND', count: 1 }, { prize: 'THIRD', count: 2 }],
    });
    // Names a hall would see (before any board is built, so the board reads them).
    for (const [i, [name, enterprise]] of PEOPLE.entries()) {
      await mutate(a, f.organizer.token, 'updateWorker', 'UpdateWorkerInput', { workerId: f.entries[i]!.workerIds[0], name }, 'worker { id }');
      await mutate(a, f.organizer.token, 'updateEnterprise', 'UpdateEnterpriseInput', { enterpriseId: f.entries[i]!.enterpriseId, name: enterprise }, 'enterprise { id }');
    }
    await mark(0, 0, 88); await mark(0, 1, 90); // 35.2 + 54 = 89.2
    await mark(1, 0, 92); await mark(1, 1, 85); // 36.8 + 51 = 87.8
    await mark(2, 0, 75); await mark(2, 1, 80); // 30 + 48 = 78
    await mark(3, 0, 80); // 32
    await mark(4, 0, 70); // 28
    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.on('pageerror', (err) => pageErrors.push(String(err)));
  });

  afterAll(async () => {
    await browser?.close();
    await restarted?.close();
    await b?.close();
    await a?.close();
  });

  it('renders the public leaderboard: rank, start number, name, enterprise, stage scores, total, completeness', async () => {
    const res = await page.goto(a.url.replace(/\/graphql$/, `/scoreboard/${f.competitionId}`));
    expect(res?.status()).toBe(200);
    expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.waitForFunction(() => document.querySelectorAll('#rows .row').length === 6);
    const api = ok(await a.gql(PUBLIC_BOARD, { id: f.competitionId })).node.leaderboard.rows;
    const shown = await page.$$eval('#rows .row', (rows) => rows.map((r) => ({
      entryId: (r as HTMLElement).dataset.entryId,
      rank: r.querySelector('.rank')!.textContent,
      name: r.querySelector('.name')!.textContent,
      total: r.querySelector('.total')!.textContent,
    })));
    // An entry with no mark yet (the sixth) has no rank and no total to show (issue 13).
    expect(shown).toEqual(api.map((r: any) => r.rank === null
      ? { entryId: r.entryId, rank: '—', name: r.displayName, total: '' }
      : { entryId: r.entryId, rank: String(r.rank), name: r.displayName, total: r.total.toFixed(2) }));
    expect(shown.map((r) => r.rank)).toEqual(['1', '2', '3', '4', '5', '—']);
    const first = page.locator('#rows .row').first();
    expect(await first.locator('.name').textContent()).toBe('陈立国');
    expect(await first.locator('.ent').textContent()).toBe('厦门港务集团有限公司');
    expect(await first.locator('.stage').allTextContents()).toEqual(['88.00', '90.00']);
    expect(await first.locator('.pct').textContent()).toBe('100%');
    expect(await first.locator('.start').textContent()).toBe(String(f.entries[0]!.startNumber));
    expect(await page.locator('#head .stage').allTextContents()).toEqual(['理论', '实操']);
    expect(await page.locator('#status').textContent()).toBe('比赛进行中');
    expect(await page.locator('#frozen').isHidden()).toBe(true);
    await page.waitForFunction(() => document.getElementById('connection')!.dataset.state === 'live');
  });

  it('shows a mark submitted through the API within a second, and highlights the row that moved', async () => {
    const started = Date.now();
    await mark(3, 1, 100); // 32 + 60 = 92: from fourth to first
    await page.waitForFunction((id) => document.querySelector(`#rows .row[data-entry-id="${id}"] .total`)?.textContent === '92.00', f.entries[3]!.id, { timeout: 1000, polling: 20 });
    expect(Date.now() - started).toBeLessThan(1000);
    const first = page.locator('#rows .row').first();
    expect(await first.getAttribute('data-entry-id')).toBe(f.entries[3]!.id);
    expect(await first.getAttribute('class')).toContain('moved-up');
    expect(await page.locator('#rows .row').nth(1).getAttribute('class')).toContain('moved-down');
    await page.waitForTimeout(700); // the slide settles before the picture
    await shot('scoreboard-live.png');
    if (process.env.JX_DOCS_SCREENSHOT) fs.copyFileSync(path.join(ARTIFACTS, 'scoreboard-live.png'), path.join(__dirname, '..', '..', 'docs', 'scoreboard.png'));
  });

  it('shows the freeze banner, and keeps the public board as it stood at the freeze', async () => {
    await mutate(a, f.organizer.token, 'freezeLeaderboard', 'CompetitionTransitionInput', { competitionId: f.competitionId }, 'leaderboard { frozen }');
    await page.locator('#frozen').waitFor({ state: 'visible', timeout: 2000 });
    expect(await page.locator('#frozen').textContent()).toContain('封榜');
    await mark(4, 1, 100); // 28 + 60 = 88, not public while frozen
    await page.waitForTimeout(800);
    expect(await rowTotal(4).textContent()).toBe('28.00');
    await shot('scoreboard-frozen.png');
  });

  it('recovers when its server restarts, and catches up on what it missed meanwhile', async () => {
    const port = a.server.port;
    await a.server.close(); // closes every WebSocket; the page starts retrying
    await page.waitForFunction(() => document.getElementById('connection')!.dataset.state !== 'live', undefined, { timeout: 5000 });
    // While the page's server is away, the other instance lifts the freeze: the page gets no event for it.
    await mutate(b, f.organizer.token, 'unfreezeLeaderboard', 'CompetitionTransitionInput', { competitionId: f.competitionId }, 'leaderboard { frozen }');
    const config = { ...loadConfig({ NODE_ENV: 'test' }), port, host: '127.0.0.1', databaseUrl: a.databaseUrl };
    restarted = await createServer(config, a.orm, createLogger('silent'), TEST_JWT_SECRET);
    await page.waitForFunction(() => document.getElementById('connection')!.dataset.state === 'live', undefined, { timeout: 15000 });
    await page.locator('#frozen').waitFor({ state: 'hidden', timeout: 5000 });
    await page.waitForFunction((id) => document.querySelector(`#rows .row[data-entry-id="${id}"] .total`)?.textContent === '88.00', f.entries[4]!.id, { timeout: 5000 });
    // And it is live again: a new mark arrives by subscription.
    const started = Date.now();
    await mark(5, 0, 90, b); // 36
    await page.waitForFunction((id) => document.querySelector(`#rows .row[data-entry-id="${id}"] .total`)?.textContent === '36.00', f.entries[5]!.id, { timeout: 1000, polling: 20 });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('shows the prizes once finalized, and folds into a phone layout', async () => {
    await mark(5, 1, 60, b); // 36 + 36 = 72
    await mutate(b, f.organizer.token, 'closeScoring', 'CompetitionTransitionInput', { competitionId: f.competitionId }, 'competition { status }');
    await signOffAndPublish(b, f);
    await mutate(b, f.organizer.token, 'finalizeCompetition', 'CompetitionTransitionInput', { competitionId: f.competitionId }, 'competition { status }');
    await page.locator('#prizes').waitFor({ state: 'visible', timeout: 3000 });
    expect(await page.locator('#status').textContent()).toBe('成绩已发布');
    expect(await page.locator('#prizes .tier[data-prize="FIRST"] .tier-who').textContent()).toBe('吴建华');
    expect(await page.locator(`#rows .row[data-entry-id="${f.entries[3]!.id}"] .prize`).textContent()).toBe('一等奖');
    await shot('scoreboard-final.png');

    const phone = await browser.context.newPage();
    try {
      await phone.setViewportSize({ width: 390, height: 844 });
      await phone.goto(page.url());
      await phone.waitForFunction(() => document.querySelectorAll('#rows .row').length === 6);
      const layout = await phone.evaluate(() => ({
        overflow: document.documentElement.scrollWidth > window.innerWidth,
        stageShown: getComputedStyle(document.querySelector('#rows .row .stage')!).display !== 'none',
        nameSize: parseFloat(getComputedStyle(document.querySelector('#rows .row .name')!).fontSize),
      }));
      expect(layout).toEqual({ overflow: false, stageShown: false, nameSize: 16 });
      await shot('scoreboard-phone.png', phone);
    } finally {
      await phone.close();
    }
    const bigName = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('#rows .row .name')!).fontSize));
    expect(bigName).toBeGreaterThanOrEqual(28); // readable across a hall at 1080p
    expect(pageErrors).toEqual([]);
  });

  it('shows a screenful at a time when the rows do not fit a big screen, turning the pages', async () => {
    const short = await browser.context.newPage();
    try {
      await short.setViewportSize({ width: 1280, height: 200 });
      await short.goto(`${page.url()}?page=3`);
      await short.waitForFunction(() => document.querySelectorAll('#rows .row').length === 6);
      const visible = () => short.$$eval('#rows .row', (rows) => rows.filter((r) => getComputedStyle(r).display !== 'none').map((r) => (r as HTMLElement).dataset.rank));
      const firstPage = await visible();
      expect(firstPage.length).toBeGreaterThan(0);
      expect(firstPage.length).toBeLessThan(6);
      expect(firstPage[0]).toBe('1');
      expect(await short.locator('#pager').textContent()).toMatch(/^第 1 \/ \d 页$/);
      await short.waitForFunction(() => document.getElementById('pager')!.textContent!.startsWith('第 2'), undefined, { timeout: 5000 });
      const secondPage = await visible();
      expect(secondPage[0]).toBe(String(firstPage.length + 1));
      expect(Math.abs(secondPage.length - firstPage.length)).toBeLessThanOrEqual(1); // even pages (issue 13)
      await shot('scoreboard-paged.png', short);
    } finally {
      await short.close();
    }
  });
});
