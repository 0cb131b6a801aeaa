import { idOf } from '../../src/common/relay';
import { startTestServer, type TestServer } from '../helpers/server';
import { setupCompetition } from '../helpers/competition';

/** The scoreboard's HTTP side, without a browser: the page, its assets, and what it refuses. */
let t: TestServer;
let base: string;
beforeAll(async () => {
  t = await startTestServer();
  base = t.url.replace(/\/graphql$/, '');
});
afterAll(async () => t.close());

describe('GET /scoreboard', () => {
  it('serves the page for a competition by global ID or uuid, under a strict CSP', async () => {
    const f = await setupCompetition(t, { until: 'DRAFT', title: '数控车工技术比武', judges: 0 });
    for (const id of [f.competitionId, idOf(f.competitionId, 'Competition')!]) {
      const res = await fetch(`${base}/scoreboard/${id}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'; script-src 'self'/);
      const html = await res.text();
      expect(html).toContain('<h1 id="title">数控车工技术比武</h1>');
      expect(html).toContain(`data-competition-id="${f.competitionId}"`); // always the global ID the API takes
    }
  });

  it('answers 404 for an unknown or malformed competition ID', async () => {
    expect((await fetch(`${base}/scoreboard/Q29tcGV0aXRpb246MDAwMDAwMDAtMDAwMC0wMDAwLTAwMDAtMDAwMDAwMDAwMDAw`)).status).toBe(404);
    expect((await fetch(`${base}/scoreboard/not-an-id`)).status).toBe(404);
  });

  it('serves its own assets and nothing else from the assets path', async () => {
    for (const file of ['scoreboard.js', 'pages.js', 'board-view.js', 'graphql-ws.js', 'scoreboard.css']) {
      const res = await fetch(`${base}/scoreboard/assets/${file}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(file.endsWith('.css') ? /^text\/css/ : /javascript/);
      expect((await res.text()).length).toBeGreaterThan(500);
    }
    expect((await fetch(`${base}/scoreboard/assets/graphql-ws.js`).then((r) => r.text()))).toContain('graphqlWs');
    for (const file of ['__proto__', 'routes.ts', '..%2Froutes.ts', 'constructor']) {
      expect((await fetch(`${base}/scoreboard/assets/${file}`)).status).toBe(404);
    }
  });

  it('serves the favicon the page links, with the same caching headers as its other files', async () => {
    const res = await fetch(`${base}/scoreboard/assets/favicon.svg`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const etag = res.headers.get('etag');
    expect(etag).toBeTruthy();
    expect(await res.text()).toContain('<svg');
    // Revalidation: a matching ETag is a 304 (fetch sends Cache-Control: no-cache with it), another a 200.
    const again = await fetch(`${base}/scoreboard/assets/favicon.svg`, { headers: { 'if-none-match': etag! } });
    expect([again.status, again.headers.get('etag')]).toEqual([304, etag]);
    expect((await fetch(`${base}/scoreboard/assets/favicon.svg`, { headers: { 'if-none-match': 'W/"stale"' } })).status).toBe(200);
    const f = await setupCompetition(t, { until: 'DRAFT', judges: 0 });
    expect(await fetch(`${base}/scoreboard/${f.competitionId}`).then((r) => r.text())).toContain('<link rel="icon" type="image/svg+xml" href="assets/favicon.svg">');
  });
});
