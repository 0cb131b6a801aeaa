/// <reference lib="dom" />
// (page.evaluate callbacks run in the browser)
import type { Page } from 'playwright-core';
import { ok, startTestServer, type TestServer } from '../helpers/server';
import { mutate, setupCompetition, type CompetitionFixture } from '../helpers/competition';
import { hasChromium, launchBrowser, warnNoChromium } from '../helpers/browser';

/**
 * The scoreboard and competition integrity (issue 12): a stage score the public board holds back
 * (the entry's marks in it are not all in) shows as 评分中, never as 0; once scoring is closed, a stage
 * not yet signed off by the chief judge carries a 未签字 mark, which its sign-off removes.
 */
const SUBMIT = `mutation($input: SubmitScoreInput!) { submitScore(input: $input) { score { id } userErrors { code field message } } }`;
const STAGES = [
  { name: '理论', weight: 40, criteria: [{ kind: 'MEASUREMENT' as const, maxScore: 100 }] },
  { name: '实操', weight: 60, criteria: [{ kind: 'JUDGEMENT' as const, maxScore: 100 }] },
];

const suite = hasChromium ? describe : describe.skip;
if (!hasChromium) warnNoChromium('scoreboard integrity tests');

let t: TestServer;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;
let f: CompetitionFixture;
const pageErrors: string[] = [];

async function mark(judge: number, entry: number, stage: number, value: number) {
  const res = ok(await t.gql(SUBMIT, { input: { entryId: f.entries[entry]!.id, criterionId: f.stages[stage]!.criteria[0]!.id, value } }, f.judges[judge]!.token));
  if (res.submitScore.userErrors.length) throw new Error(JSON.stringify(res.submitScore.userErrors));
}
const cells = (entry: number) => page.locator(`#rows .row[data-entry-id="${f.entries[entry]!.id}"] .stage`);
const total = (entry: number) => page.locator(`#rows .row[data-entry-id="${f.entries[entry]!.id}"] .total`);
/** Stage columns' names and whether each carries the 未签字 badge (drawn by CSS from data-badge). */
const headers = () => page.$$eval('#head .stage', (els) => els.map((e) => ({
  name: e.textContent,
  badge: e.classList.contains('is-unsigned') ? getComputedStyle(e, '::after').content : null,
})));

suite('scoreboard: held-back stage scores and sign-offs', () => {
  beforeAll(async () => {
    t = await startTestServer();
    f = await setupCompetition(t, { entries: 2, judges: 2, stages: STAGES });
    await mark(0, 0, 0, 80); // theory of entry 0: complete with one mark (32)
    await mark(0, 0, 1, 90); // practical of entry 0: one judge of two
    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.on('pageerror', (err) => pageErrors.push(String(err)));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows a stage score held back by the board as 评分中, not 0, and the score once its marks are in', async () => {
    await page.goto(t.url.replace(/\/graphql$/, `/scoreboard/${f.competitionId}`));
    await page.waitForFunction(() => document.querySelectorAll('#rows .row').length === 2);
    await page.waitForFunction(() => document.getElementById('connection')!.dataset.state === 'live');
    expect(await cells(0).allTextContents()).toEqual(['80.00', '评分中']);
    expect(await cells(0).nth(1).getAttribute('class')).toContain('pending');
    expect(await total(0).textContent()).toBe('32.00');
    expect(await cells(1).allTextContents()).toEqual(['评分中', '评分中']);
    expect(await headers()).toEqual([{ name: '理论', badge: null }, { name: '实操', badge: null }]);

    await mark(1, 0, 1, 70); // the second judge's mark: practical = 80, total = 32 + 48
    await page.waitForFunction((id) => document.querySelector(`#rows .row[data-entry-id="${id}"] .total`)?.textContent === '80.00', f.entries[0]!.id, { timeout: 3000 });
    expect(await cells(0).allTextContents()).toEqual(['80.00', '80.00']);
    expect(await cells(0).nth(1).getAttribute('class')).not.toContain('pending');
  });

  it('marks the stages not yet signed off once scoring is closed, and drops the mark on a sign-off', async () => {
    await mark(0, 1, 0, 70);
    await mark(0, 1, 1, 60);
    await mark(1, 1, 1, 50);
    await mutate(t, f.organizer.token, 'closeScoring', 'CompetitionTransitionInput', { competitionId: f.competitionId }, 'competition { status }');
    await page.waitForFunction(() => document.getElementById('status')!.textContent === '评分结束', undefined, { timeout: 3000 });
    await page.waitForFunction(() => document.querySelectorAll('#head .stage.is-unsigned').length === 2, undefined, { timeout: 3000 });
    expect(await headers()).toEqual([{ name: '理论', badge: '"未签字"' }, { name: '实操', badge: '"未签字"' }]);

    await mutate(t, f.judges[0]!.token, 'signOffStage', 'SignOffStageInput', { stageId: f.stages[1]!.id }, 'signOff { id }');
    await page.waitForFunction(() => document.querySelectorAll('#head .stage.is-unsigned').length === 1, undefined, { timeout: 3000 });
    expect(await headers()).toEqual([{ name: '理论', badge: '"未签字"' }, { name: '实操', badge: null }]);
    expect(await page.locator('#publication').isHidden()).toBe(true);
  });

  it('shows 成绩公示中 and when the appeal window closes, in Beijing time, while results are published', async () => {
    await mutate(t, f.judges[0]!.token, 'signOffStage', 'SignOffStageInput', { stageId: f.stages[0]!.id }, 'signOff { id }');
    await mutate(t, f.organizer.token, 'updateCompetition', 'UpdateCompetitionInput', { competitionId: f.competitionId, appealWindowMinutes: 120 }, 'competition { id }');
    const { competition } = await mutate(t, f.organizer.token, 'publishResults', 'CompetitionTransitionInput', { competitionId: f.competitionId }, 'competition { appealWindowClosesAt }');
    await page.locator('#publication').waitFor({ state: 'visible', timeout: 3000 });
    const beijing = new Date(competition.appealWindowClosesAt).toLocaleString('zh-CN', {
      timeZone: 'Asia/Shanghai', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false,
    });
    expect(await page.locator('#publication').textContent()).toBe(`成绩公示中 · 申诉截止 ${beijing}（北京时间）`);
    // Independently of the page's formatting: UTC+8, whatever the screen's own time zone.
    const utc8 = new Date(new Date(competition.appealWindowClosesAt).getTime() + 8 * 3600_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    expect(beijing).toBe(`${utc8.getUTCMonth() + 1}月${utc8.getUTCDate()}日 ${pad(utc8.getUTCHours())}:${pad(utc8.getUTCMinutes())}`);
    expect(await page.locator('#status').textContent()).toBe('成绩公示中');
    expect(await headers()).toEqual([{ name: '理论', badge: null }, { name: '实操', badge: null }]); // both signed
    expect(pageErrors).toEqual([]);
  });
});
