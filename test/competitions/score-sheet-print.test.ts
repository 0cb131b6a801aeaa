/// <reference lib="dom" />
import fs from 'node:fs';
import path from 'node:path';
import { Role } from '../../src/auth/role';
import { errorCode, ok, startTestServer, type TestServer } from '../helpers/server';
import { mutate, setupCompetition, type CompetitionFixture } from '../helpers/competition';
import { ARTIFACTS, hasChromium, launchBrowser, warnNoChromium } from '../helpers/browser';

/**
 * The printable score sheet (评分表) of a stage: a one-time link from createScoreSheetPrintLink (the
 * chief judge's or the organizer's) opens an A4 page with every mark per criterion and judge, the
 * corrections, the digest, the sign-off and the signature lines. Read as HTML here; laid out and
 * printed to PDF in headless Chromium where it is installed.
 */
const LINK = `mutation($input: CreateScoreSheetPrintLinkInput!) { createScoreSheetPrintLink(input: $input) { url expiresAt userErrors { code field message } } }`;
const SUBMIT = `mutation($input: SubmitScoreInput!) { submitScore(input: $input) { score { id } userErrors { code message } } }`;
const TITLE = '2026年港城焊工职业技能大赛';

let t: TestServer;
let f: CompetitionFixture;
let judgeNames: string[];
let digest: string;

beforeAll(async () => {
  t = await startTestServer();
  f = await setupCompetition(t, { title: TITLE, entries: 2, judges: 3 });
  const mark = async (j: number, entryId: string, criterionId: string, value: number, reason?: string) => {
    const r = ok(await t.gql(SUBMIT, { input: { entryId, criterionId, value, reason } }, f.judges[j]!.token)).submitScore;
    if (r.userErrors.length) throw new Error(JSON.stringify(r.userErrors));
    return r.score.id as string;
  };
  const corrected = await mark(1, f.entries[0]!.id, f.stages[1]!.criteria[0]!.id, 41);
  for (const [i, e] of f.entries.entries()) {
    await mark(0, e.id, f.stages[0]!.criteria[0]!.id, 80 + i);
    for (const c of f.stages[1]!.criteria) for (const j of [0, 1, 2]) if (!(i === 0 && j === 1 && c === f.stages[1]!.criteria[0])) await mark(j, e.id, c.id, 40 + i + j);
  }
  // Judge 1 has seen the panel's marks on entry 0: their correction goes through the chief judge (independent marking).
  const { request } = await mutate(t, f.judges[1]!.token, 'requestScoreCorrection', 'RequestScoreCorrectionInput', { scoreId: corrected, value: 33.5, reason: '誊写错误<原始评分表>' }, 'request { id }');
  await mutate(t, f.judges[0]!.token, 'decideScoreCorrection', 'DecideScoreCorrectionInput', { requestId: request.id, approve: true }, 'request { status }');
  await mutate(t, f.organizer.token, 'closeScoring', 'CompetitionTransitionInput', { competitionId: f.competitionId }, 'competition { status }');
  const signed = await mutate(t, f.judges[0]!.token, 'signOffStage', 'SignOffStageInput', { stageId: f.stages[1]!.id }, 'signOff { digest }');
  digest = signed.signOff.digest;
  const panel = ok(await t.gql(`query($id: ID!) { node(id: $id) { ... on Competition { judges { nodes { user { id displayName } } } } } }`, { id: f.competitionId }, f.organizer.token)).node.judges.nodes;
  judgeNames = f.judges.map((j) => panel.find((p: any) => p.user.id === j.globalId).user.displayName);
}, 60_000);
afterAll(async () => t.close());

const origin = () => t.url.replace(/\/graphql$/, '');
const link = (stage: number, token: string | null = f.judges[0]!.token) => t.gql(LINK, { input: { stageId: f.stages[stage]!.id } }, token);
async function urlFor(stage: number, token?: string): Promise<string> {
  const res = ok(await link(stage, token)).createScoreSheetPrintLink;
  expect(res.userErrors).toEqual([]);
  return res.url;
}

describe('createScoreSheetPrintLink and the page', () => {
  it('opens the signed stage’s sheet once: marks per criterion and judge, corrections, digest, sign-off and signature lines', async () => {
    const url = await urlFor(1);
    expect(url).toMatch(/^\/competitions\/[^/]+\/stages\/[^/]+\/score-sheet\?token=[A-Za-z0-9_-]{43}$/);
    const res = await fetch(origin() + url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('content-security-policy')).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'/);
    const html = await res.text();
    expect(html).toContain(`<h1>${TITLE}</h1>`);
    expect(html).toContain('实操 评分表');
    for (const e of f.entries) expect(html).toContain(`>${e.startNumber}<`);
    for (const name of judgeNames) expect(html).toContain(`<th>${name}</th>`);
    expect(html).toContain('33.50*'); // the corrected mark, flagged
    expect(html).toContain('誊写错误&#60;原始评分表&#62;'); // the reason, escaped
    expect(html).toContain(`<p class="digest" id="digest">${digest}</p>`);
    expect(html).toMatch(/已由裁判长 .+ 签字确认，摘要与本表一致/);
    expect(html.match(/<span class="role">评分裁判<\/span>/g)).toHaveLength(3);
    expect(html).toContain(`<span class="role">裁判长</span><span class="who">${judgeNames[0]}</span>`);
    expect(html).toContain('@page { size: A4;');
    expect(html).not.toContain('<script');

    expect((await fetch(origin() + url)).status).toBe(410);
  });

  it('shows an unsigned stage as unsigned, and is the organizer’s (or an admin’s) to print too', async () => {
    const html = await (await fetch(origin() + (await urlFor(0, f.organizer.token)))).text();
    expect(html).toContain('理论 评分表');
    expect(html).toContain('尚未签字确认');
    const admin = (await t.user([Role.ADMIN])).token;
    expect((await fetch(origin() + (await urlFor(0, admin)))).status).toBe(200);
  });

  it('is refused to judges, other organizers and the public', async () => {
    const otherOrganizer = (await t.user([Role.ORGANIZER])).token;
    for (const token of [f.judges[1]!.token, f.judges[2]!.token, otherOrganizer, (await t.user([Role.JUDGE])).token]) {
      expect(errorCode(await link(1, token))).toBe('FORBIDDEN');
    }
    expect(errorCode(await link(1, null))).toBe('UNAUTHENTICATED');
    expect(ok(await t.gql(LINK, { input: { stageId: f.entries[0]!.id } }, f.judges[0]!.token)).createScoreSheetPrintLink.userErrors[0].code).toBe('INVALID_INPUT');
  });

  it('a link opens only its own stage, only with its token; the CSV takes no print link', async () => {
    const url = await urlFor(1);
    const token = new URL(url, origin()).searchParams.get('token');
    const otherStage = url.replace(/\/stages\/[^/]+\//, `/stages/${f.stages[0]!.id}/`);
    expect((await fetch(origin() + otherStage)).status).toBe(410);
    expect((await fetch(`${origin()}/competitions/${f.competitionId}/results.csv?token=${token}`)).status).toBe(410);
    expect((await fetch(origin() + url.replace(/\?token=.*/, ''))).status).toBe(401);
    expect((await fetch(origin() + url)).status).toBe(200); // none of the above used it up
  });
});

const browserSuite = hasChromium ? describe : describe.skip;
if (!hasChromium) warnNoChromium('score sheet print page');

browserSuite('the score sheet in Chromium', () => {
  it('lays out on A4 and prints to PDF with the marks, the digest and the signature lines', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.context.newPage();
      const errors: string[] = [];
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); }); // a CSP refusal shows here
      await page.goto(origin() + (await urlFor(1)));
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('#digest').textContent()).toBe(digest);
      expect(await page.locator('table.marks tbody tr').count()).toBe(f.entries.length * f.stages[1]!.criteria.length);
      expect(await page.locator('.signature').count()).toBe(4);
      // The inline style sheet applied (its hash is in the CSP): table cells have borders.
      expect(await page.locator('table.marks td').first().evaluate((td) => getComputedStyle(td).borderTopStyle)).toBe('solid');
      const pdf = await page.pdf({ format: 'A4', printBackground: false });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      fs.writeFileSync(path.join(ARTIFACTS, 'score-sheet.pdf'), pdf);
      await page.emulateMedia({ media: 'screen' });
      await page.screenshot({ path: path.join(ARTIFACTS, 'score-sheet.png'), fullPage: true });
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
