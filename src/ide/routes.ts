import path from 'node:path';
import { Router, type Request, type RequestHandler } from 'express';
import { projectRoot } from '../db/paths.js';
import { assetHandler, securityHeaders } from '../common/static-assets.js';

/**
 * The GraphQL IDE (GraphiQL) at `GET /graphql` in a browser, in place of Apollo's landing page, which
 * loads Sandbox from a CDN and fonts from a site blocked in mainland China. Everything it needs is
 * served from this server: GraphiQL 3's browser build (GraphiQL 4+ ships ES modules only; its CSS
 * embeds its fonts as data: URLs), React 18's browser builds (React 19 has none), graphql-ws's
 * browser build for subscriptions, and our own boot script (src/ide/assets/ide.js).
 * On unless NODE_ENV=production; `GRAPHIQL=true|false` overrides (see config.ts).
 */
const pkg = (name: string) => path.dirname(require.resolve(`${name}/package.json`));

const ASSETS = new Map<string, string>([
  ['react.js', path.join(pkg('react'), 'umd', 'react.production.min.js')],
  ['react-dom.js', path.join(pkg('react-dom'), 'umd', 'react-dom.production.min.js')],
  ['graphiql.js', path.join(pkg('graphiql'), 'graphiql.min.js')],
  ['graphiql.css', path.join(pkg('graphiql'), 'graphiql.min.css')],
  ['graphql-ws.js', path.join(path.dirname(path.dirname(require.resolve('graphql-ws'))), 'umd', 'graphql-ws.min.js')],
  ['ide.js', path.join(projectRoot, 'src', 'ide', 'assets', 'ide.js')],
  ['ide.css', path.join(projectRoot, 'src', 'ide', 'assets', 'ide.css')],
]);

/** Where the assets are served; the page refers to them relative to /graphql. */
export const IDE_ASSETS_PATH = '/ide/assets';

// Scripts only from this origin. GraphiQL (CodeMirror, Radix) sets inline styles, and its fonts are data: URLs.
const CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self' data:; img-src 'self' data:; connect-src 'self' ws: wss:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";


export const idePage = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>匠心 GraphQL IDE</title>
<link rel="stylesheet" href="ide/assets/graphiql.css">
<link rel="stylesheet" href="ide/assets/ide.css">
<script src="ide/assets/react.js" defer></script>
<script src="ide/assets/react-dom.js" defer></script>
<script src="ide/assets/graphiql.js" defer></script>
<script src="ide/assets/graphql-ws.js" defer></script>
<script src="ide/assets/ide.js" defer></script>
</head>
<body>
<div id="graphiql"><p class="loading">GraphiQL 加载中… (loading)</p></div>
<noscript>GraphiQL needs JavaScript.</noscript>
</body>
</html>
`;

/**
 * True for what Apollo would answer with its landing page: a GET that prefers HTML over JSON (a
 * browser's address bar). Any other GET, with a query or not, goes on to Apollo and its CSRF check.
 */
function wantsPage(req: Request): boolean {
  return req.path === '/graphql' && !!req.headers.accept
    && req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html';
}

/** `GET /graphql` from a browser: the IDE page; everything else falls through to Apollo. */
export const idePageHandler: RequestHandler = (req, res, next) => {
  if (!wantsPage(req)) return next();
  securityHeaders(res, CSP);
  res.setHeader('Cache-Control', 'no-cache');
  res.type('html').send(idePage);
};

export function ideAssetRoutes(): Router {
  const router = Router();
  router.get('/:file', assetHandler(ASSETS, CSP));
  return router;
}
