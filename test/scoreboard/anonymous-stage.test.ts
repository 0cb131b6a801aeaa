/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/server';
import { acceptMissingMarks, mutate } from '../helpers/competition';
import { hasChromium, launchBrowser, warnNoChromium } from '../helpers/browser';
import { anonymousWorld, codeMap, issue, submit, type AnonWorld } from '../competitions/anonymous-setup';

/**
 * The scoreboard in Chromium while an anonymous stage is being marked (issue 12 §1): its cells read
 * 加密评分中, the total counts the open stage only and completeness is withheld; once scoring has
 * closed the paper's scores appear.
 */
const suite = hasChromium ? describe : describe.skip;
if (!hasChromium) warnNoChromium('scoreboard anonymous-stage tests');

let t: TestServer;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;
let w: AnonWorld;

suite('scoreboard page with an anonymous stage', () => {
  beforeAll(async () => {
    t = await startTestServer();
    w = await anonymousWorld(t);
    await issue(t, w);
    // Entry 1 (no judge is conflicted with it): the paper by one judge, the practical by the whole panel, so
    // the public board shows the practical's score (an open stage's score shows once the entry's marks in it are all in).
    const entry1 = (await codeMap(t, w.paper, w.officer.token))!.nodes.find((n) => n.entry.id === w.f.entries[1]!.id)!;
    for (const [input, judge] of [
      [{ markingId: entry1.markingId, criterionId: w.f.stages[0]!.criteria[0]!.id, value: 90 }, w.f.judges[1]!],
      ...[...w.f.judges, w.conflicted].map((j) => [{ entryId: w.f.entries[1]!.id, criterionId: w.f.stages[1]!.criteria[0]!.id, value: 25 }, j] as const),
    ] as const) expect((await submit(t, judge.token, input)).userErrors).toEqual([]);
    browser = await launchBrowser();
    page = await browser.context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const row = () => page.locator(`#rows .row[data-entry-id="${w.f.entries[1]!.id}"]`);

  it('shows 加密评分中 for the paper while it is marked, the practical’s share as the total, no completeness', async () => {
    await page.goto(t.url.replace(/\/graphql$/, `/scoreboard/${w.f.competitionId}`));
    await page.waitForFunction(() => document.querySelectorAll('#rows .row').length === 3);
    expect(await row().locator('.stage').allTextContents()).toEqual(['加密评分中', '50.00']);
    expect(await row().locator('.total').textContent()).toBe('30.00'); // 60 % of 50
    expect(await row().locator('.pct').textContent()).toBe('—');
  });

  it('shows the paper’s scores once scoring has closed', async () => {
    await acceptMissingMarks(t, w.f); // the other entries' marks are left out on purpose
    await mutate(t, w.f.organizer.token, 'closeScoring', 'CompetitionTransitionInput', { competitionId: w.f.competitionId }, 'competition { id }');
    await page.waitForFunction((id) => document.querySelector(`#rows .row[data-entry-id="${id}"] .total`)?.textContent === '66.00', w.f.entries[1]!.id);
    expect(await row().locator('.stage').allTextContents()).toEqual(['90.00', '50.00']);
  });
});
