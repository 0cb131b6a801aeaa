import { createHash } from 'node:crypto';
import { Role } from '../../src/auth/role';
import { errorCode, ok, startTestServer, type TestServer } from '../helpers/server';
import { setupCompetition, type CompetitionFixture } from '../helpers/competition';

/** createResultsDownload: a plain link to the results CSV, good once and for a short time. */
const CREATE = `mutation($input: CreateResultsDownloadInput!) { createResultsDownload(input: $input) { url expiresAt userErrors { code field message } } }`;
const TITLE = '港城焊工技能大赛（决赛）';

let t: TestServer;
let f: CompetitionFixture;
beforeAll(async () => {
  t = await startTestServer({ config: { resultsDownloadTtlSeconds: 1 } as never });
  f = await setupCompetition(t, { title: TITLE, entries: 2, judges: 1 });
});
afterAll(async () => t.close());

const origin = () => t.url.replace(/\/graphql$/, '');
async function mint(token: string | null = f.organizer.token, competitionId = f.competitionId) {
  return t.gql(CREATE, { input: { competitionId } }, token);
}
const get = (url: string) => fetch(origin() + url);

/** The file name a browser takes from `filename*=UTF-8''…`. */
function fileName(disposition: string | null): string {
  const m = /filename\*=UTF-8''([^;]+)/.exec(disposition ?? '');
  return m ? decodeURIComponent(m[1]!) : '';
}

describe('createResultsDownload', () => {
  it('gives a link that downloads once, without a header, named after the competition', async () => {
    const { url, expiresAt, userErrors } = ok(await mint()).createResultsDownload;
    expect(userErrors).toEqual([]);
    expect(url).toMatch(/^\/competitions\/[^/]+\/results\.csv\?token=[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now() - 1000);
    const first = await get(url);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(first.headers.get('referrer-policy')).toBe('no-referrer');
    const disposition = first.headers.get('content-disposition');
    expect(fileName(disposition)).toBe(`${TITLE}.csv`);
    expect(disposition).toMatch(/^attachment; filename="results-[A-Za-z0-9_-]+\.csv"; /); // the ASCII fallback
    const text = Buffer.from(await first.arrayBuffer()).toString('utf8');
    expect(text.startsWith('\uFEFF名次,参赛号,姓名,单位')).toBe(true);

    const second = await get(url);
    expect(second.status).toBe(410);
    expect(await second.json()).toEqual({ error: expect.any(String) });
  });

  it('gives one of two simultaneous downloads of the same link', async () => {
    const { url } = ok(await mint()).createResultsDownload;
    const statuses = (await Promise.all([get(url), get(url)])).map((r) => r.status).sort();
    expect(statuses).toEqual([200, 410]);
  });

  it('refuses an expired link, a changed token and a link used for another competition', async () => {
    const { url } = ok(await mint()).createResultsDownload;
    const other = await setupCompetition(t, { entries: 1, judges: 1, organizer: f.organizer });
    expect((await get(url.replace(/\/competitions\/[^/]+\//, `/competitions/${other.competitionId}/`))).status).toBe(410);
    // One character changed (always to another: a token starting with 'x' made this a no-op 1 time in 64).
    expect((await get(url.replace(/token=(.)/, (_m: string, c: string) => `token=${c === 'x' ? 'y' : 'x'}`))).status).toBe(410);
    // The test server's links live one second; wait until this one is past it.
    const { url: soon, expiresAt } = ok(await mint()).createResultsDownload;
    while (Date.now() <= Date.parse(expiresAt) + 200) await new Promise((r) => setTimeout(r, 100));
    expect((await get(soon)).status).toBe(410);
  });

  it('clears expired links when the next one is made, and keeps the live ones', async () => {
    const hash = (url: string) => createHash('sha256').update(new URL(url, origin()).searchParams.get('token')!).digest('hex');
    const rows = async (h: string) => (await t.orm.em.fork().execute(`select count(*)::int as n from results_download where token_hash = ?`, [h]))[0].n;
    const expired = hash(ok(await mint()).createResultsDownload.url);
    const live = hash(ok(await mint()).createResultsDownload.url);
    // Past their time (the test server's links last a second): one long gone, one still good for an hour.
    await t.orm.em.fork().execute(`update results_download set expires_at = now() - interval '1 day' where token_hash = ?`, [expired]);
    await t.orm.em.fork().execute(`update results_download set expires_at = now() + interval '1 hour' where token_hash = ?`, [live]);
    expect([await rows(expired), await rows(live)]).toEqual([1, 1]);
    ok(await mint());
    expect([await rows(expired), await rows(live)]).toEqual([0, 1]);
    expect((await t.orm.em.fork().execute(`select count(*)::int as n from results_download where expires_at < now() - interval '1 second'`))[0].n).toBe(0);
  });

  it('is for the competition’s organizer and admins only, like the CSV itself', async () => {
    expect(errorCode(await mint(null))).toBe('UNAUTHENTICATED');
    expect(errorCode(await mint(f.judges[0]!.token))).toBe('FORBIDDEN');
    expect(errorCode(await mint((await t.user([Role.STUDIO_MANAGER])).token))).toBe('FORBIDDEN');
    // An organizer of another competition may not, as with the bearer token (issue 12 §1).
    expect(errorCode(await mint((await t.user([Role.ORGANIZER])).token))).toBe('FORBIDDEN');
    expect(ok(await mint((await t.user([Role.ADMIN])).token)).createResultsDownload.userErrors).toEqual([]);
    const unknown = ok(await mint(f.organizer.token, Buffer.from('Competition:11111111-1111-4111-8111-111111111111').toString('base64url'))).createResultsDownload;
    expect(unknown).toMatchObject({ url: null, userErrors: [expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'competitionId'] })] });
  });
});
