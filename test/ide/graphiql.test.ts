/// <reference lib="dom" />
// (page.evaluate callbacks run in the browser)
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ok, startTestServer, type TestServer } from '../helpers/server';
import { setupCompetition, type CompetitionFixture } from '../helpers/competition';
import { ARTIFACTS, hasChromium, launchBrowser, warnNoChromium } from '../helpers/browser';

/**
 * GraphiQL at GET /graphql in headless Chromium with every request to anywhere but the server
 * refused, as on a network that reaches nothing else (no CDN, no font site): it renders, loads the
 * schema, runs a query over HTTP and a subscription over graphql-ws, both with the token typed into
 * its Headers tab. The screenshot is kept under test/artifacts/graphiql.png.
 */
const TITLE = '2026年厦门市焊工职业技能大赛';
const SUBMIT = `mutation($input: SubmitScoreInput!) { submitScore(input: $input) { score { id } userErrors { code field message } } }`;

const suite = hasChromium ? describe : describe.skip;
if (!hasChromium) warnNoChromium('GraphiQL end-to-end tests');

let t: TestServer;
let f: CompetitionFixture;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;
const pageErrors: string[] = [];
const refused: string[] = [];

/** Replaces the text of one of GraphiQL's CodeMirror editors, as typing would. */
async function setEditor(selector: string, text: string): Promise<void> {
  await page.locator(selector).waitFor();
  await page.evaluate(([sel, value]) => {
    (document.querySelector(sel!) as unknown as { CodeMirror: { setValue(v: string): void } }).CodeMirror.setValue(value!);
  }, [selector, text]);
}

/**
 * Sets the operation and waits until GraphiQL has parsed it (it does so shortly after an edit, and
 * keeps the active tab's operation name in localStorage): run before that, it sends the old name.
 */
async function setOperation(name: string, text: string): Promise<void> {
  await setEditor('.graphiql-query-editor .CodeMirror', text);
  await page.waitForFunction((op) => {
    const state = JSON.parse(localStorage.getItem('graphiql:tabState') ?? 'null');
    return state?.tabs?.[state.activeTabIndex]?.operationName === op;
  }, name);
}

const response = () => page.evaluate(() =>
  (document.querySelector('.graphiql-response .CodeMirror') as unknown as { CodeMirror: { getValue(): string } }).CodeMirror.getValue());

async function waitForResponse(pred: (text: string) => boolean, timeoutMs = 10000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let text = '';
  while (Date.now() < deadline) {
    text = await response();
    if (pred(text)) return text;
    await page.waitForTimeout(50);
  }
  throw new Error(`no such response in ${timeoutMs} ms; last: ${text}`);
}

async function activeSubscriptions(field: string): Promise<number> {
  const metric = await t.server.app.metrics.subscriptions.get();
  return metric.values.find((v) => v.labels.field === field)?.value ?? 0;
}

suite('GraphiQL in Chromium, offline', () => {
  beforeAll(async () => {
    t = await startTestServer();
    f = await setupCompetition(t, { title: TITLE, entries: 2, judges: 1, stages: [{ name: '实操', weight: 100, criteria: [{ kind: 'MEASUREMENT', maxScore: 100 }] }] });
    browser = await launchBrowser();
    const origin = new URL(t.url).origin;
    // The WebSocket to the server is not routed; everything else must come from the server.
    await browser.context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(origin + '/') || url.startsWith('data:')) return route.continue();
      refused.push(url);
      return route.abort('internetdisconnected');
    });
    page = await browser.context.newPage();
    page.on('pageerror', (err) => pageErrors.push(String(err)));
    page.on('console', (msg) => {
      if (msg.type() === 'error') pageErrors.push(msg.text());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('renders from the server’s own assets and loads the schema', async () => {
    const res = await page.goto(t.url);
    expect(res?.status()).toBe(200);
    await page.locator('.graphiql-container').waitFor();
    // The documentation explorer lists the root types once the introspection query has come back.
    await page.locator('button[aria-label="Show Documentation Explorer"]').click();
    await page.locator('.graphiql-doc-explorer').getByText('Subscription', { exact: true }).waitFor();
    expect(await page.locator('.graphiql-query-editor .CodeMirror').textContent()).toContain('Jiangxin');
  });

  it('runs the example it opens with', async () => {
    await page.locator('.graphiql-execute-button').click();
    const text = await waitForResponse((s) => s.includes('totalCount'));
    expect(JSON.parse(text).data.competitions.edges[0].node).toMatchObject({ title: TITLE, status: 'IN_PROGRESS' });
  });

  it('runs a query over HTTP with the Authorization header from its Headers tab', async () => {
    await setEditor('.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror', JSON.stringify({ Authorization: `Bearer ${f.organizer.token}` }, null, 2));
    await setOperation('Who', `query Who {\n  viewer { roles }\n  competition(id: "${f.competitionId}") { title status }\n}\n`);
    await page.locator('.graphiql-execute-button').click();
    const text = await waitForResponse((s) => s.includes(TITLE));
    expect(JSON.parse(text)).toMatchObject({ data: { viewer: { roles: ['ORGANIZER'] }, competition: { title: TITLE, status: 'IN_PROGRESS' } } });
  });

  it('runs a subscription over graphql-ws, authorized by the same header, and shows each event', async () => {
    const before = await activeSubscriptions('scoreSubmitted');
    await setOperation('Marks',
      `# 评分实时推送 (organizers and judges only)\nsubscription Marks {\n  scoreSubmitted(competitionId: "${f.competitionId}") {\n    revision\n    score { value criterion { name } entry { startNumber } }\n  }\n}\n`);
    await page.locator('.graphiql-execute-button').click();
    const deadline = Date.now() + 10000;
    while ((await activeSubscriptions('scoreSubmitted')) <= before) {
      if (Date.now() > deadline) throw new Error(`the subscription did not start: ${await response()}`);
      await page.waitForTimeout(50);
    }
    const res = ok(await t.gql(SUBMIT, { input: { entryId: f.entries[0]!.id, criterionId: f.stages[0]!.criteria[0]!.id, value: 87.5 } }, f.judges[0]!.token));
    expect(res.submitScore.userErrors).toEqual([]);
    const text = await waitForResponse((s) => s.includes('87.5'));
    expect(JSON.parse(text)).toMatchObject({ data: { scoreSubmitted: { revision: false, score: { value: 87.5, entry: { startNumber: f.entries[0]!.startNumber } } } } });
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'graphiql.png') });
  });

  it('asked nothing of any other site, and the page raised no errors', () => {
    expect(refused).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
