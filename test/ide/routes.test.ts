import { getIntrospectionQuery } from 'graphql';
import { errorCode, ok, startTestServer, type TestServer } from '../helpers/server';
import { wsClient, wsRequest } from '../helpers/ws';

/**
 * The GraphQL IDE at GET /graphql (src/ide): served from the server's own assets, on outside
 * production, off in production unless GRAPHIQL=true, which turns introspection on there too.
 * What it looks like and that it runs queries and subscriptions: graphiql.test.ts (Chromium).
 */
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';
// What GraphiQL 3 sends to load the schema.
const IDE_INTROSPECTION = getIntrospectionQuery({ inputValueDeprecation: true });

let dev: TestServer;
let prod: TestServer;
let prodWithIde: TestServer;
let devWithoutIde: TestServer;

beforeAll(async () => {
  dev = await startTestServer();
  prod = await startTestServer({ shareWith: dev, config: { nodeEnv: 'production' } });
  prodWithIde = await startTestServer({ shareWith: dev, config: { nodeEnv: 'production', graphiql: true } });
  devWithoutIde = await startTestServer({ shareWith: dev, config: { nodeEnv: 'development', graphiql: false } });
});
afterAll(async () => {
  await devWithoutIde?.close();
  await prodWithIde?.close();
  await prod?.close();
  await dev?.close();
});

const origin = (t: TestServer) => t.url.replace(/\/graphql$/, '');
const browserGet = (url: string) => fetch(url, { headers: { accept: BROWSER_ACCEPT } });

/** The page's stylesheets and scripts, resolved against the page as a browser would. */
function assetUrls(html: string, pageUrl: string): string[] {
  return [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="([^"]+)"/g)].map((m) => new URL(m[1]!, pageUrl).href);
}

async function expectIde(t: TestServer): Promise<void> {
  const res = await browserGet(t.url);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
  const html = await res.text();
  expect(html).toContain('<div id="graphiql">');
  expect(html).not.toMatch(/apollographql|embeddable-sandbox|https?:\/\//);
}

async function expectNoIde(t: TestServer): Promise<void> {
  const res = await browserGet(t.url);
  expect(res.headers.get('content-type') ?? '').not.toMatch(/^text\/html/);
  const body = await res.text();
  expect(body).not.toMatch(/graphiql|apollographql|embeddable-sandbox/i);
  expect((await fetch(`${origin(t)}/ide/assets/graphiql.js`)).status).toBe(404);
}

describe('outside production (default)', () => {
  it('serves the IDE to a browser at GET /graphql instead of Apollo’s CDN landing page', async () => {
    await expectIde(dev);
  });

  it('serves every script and stylesheet the page needs itself, and none of them loads anything from elsewhere', async () => {
    const html = await (await browserGet(dev.url)).text();
    const urls = assetUrls(html, dev.url);
    expect(urls.map((u) => new URL(u).pathname)).toEqual([
      '/ide/assets/graphiql.css', '/ide/assets/ide.css',
      '/ide/assets/react.js', '/ide/assets/react-dom.js', '/ide/assets/graphiql.js', '/ide/assets/graphql-ws.js', '/ide/assets/ide.js',
    ]);
    for (const url of urls) {
      const res = await fetch(url);
      expect({ url, status: res.status }).toEqual({ url, status: 200 });
      expect(res.headers.get('content-type')).toMatch(url.endsWith('.css') ? /^text\/css/ : /javascript/);
      const text = await res.text();
      // No @import and no font or image fetched from another site (GraphiQL's fonts are data: URLs).
      if (url.endsWith('.css')) expect(text).not.toMatch(/@import|url\(\s*["']?(https?:)?\/\//);
    }
    expect((await fetch(`${origin(dev)}/ide/assets/..%2Fpackage.json`)).status).toBe(404);
  });

  it('leaves every other GET to Apollo: a query in the URL without a preflight header is still refused (CSRF)', async () => {
    const url = `${dev.url}?query=${encodeURIComponent('{ __typename }')}`;
    const res = await fetch(url, { headers: { accept: 'application/json' } });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/Cross-Site Request Forgery/);
    const allowed = await fetch(url, { headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } });
    expect(await allowed.json()).toEqual({ data: { __typename: 'Query' }, extensions: expect.anything() });
  });

  it('answers the introspection query GraphiQL sends to load the schema', async () => {
    const res = ok(await dev.gql(IDE_INTROSPECTION));
    expect(res.__schema.subscriptionType.name).toBe('Subscription');
  });

  it('is off with GRAPHIQL=false, and introspection stays on outside production', async () => {
    await expectNoIde(devWithoutIde);
    ok(await devWithoutIde.gql(`{ __schema { queryType { name } } }`));
  });
});

describe('in production', () => {
  it('is off by default, and so is introspection', async () => {
    await expectNoIde(prod);
    expect(errorCode(await prod.gql(`{ __schema { queryType { name } } }`))).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('with GRAPHIQL=true serves the IDE and turns introspection on, over HTTP and the WebSocket', async () => {
    await expectIde(prodWithIde);
    expect(ok(await prodWithIde.gql(IDE_INTROSPECTION)).__schema.queryType.name).toBe('Query');
    const c = wsClient(prodWithIde.wsUrl);
    try {
      expect((await wsRequest(c, `{ __schema { queryType { name } } }`)).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    } finally {
      await c.dispose();
    }
    // Field suggestions stay hidden: only introspection comes with the IDE.
    expect((await prodWithIde.gql(`{ competitons(first: 1) { totalCount } }`)).errors![0]!.message).not.toMatch(/Did you mean/);
  });
});
