import path from 'node:path';
import { Router, type Request, type Response } from 'express';
import type { App } from '../app.js';
import { idOf, toGlobalId } from '../common/relay.js';
import { projectRoot } from '../db/paths.js';
import { Competition } from '../competitions/setup/competition.entity.js';
import { assetHandler, securityHeaders } from '../common/static-assets.js';

/**
 * The big-screen scoreboard: `GET /scoreboard/:competitionId` (global ID or uuid) serves a page that
 * reads the public leaderboard over /graphql and follows it over graphql-ws, exactly as any other
 * client would: it gets no data the API would not give an anonymous viewer. Its script and styles
 * are the project's own files (src/scoreboard/assets), and the graphql-ws client is the package's
 * own browser build, so the page needs nothing from the internet.
 */
const ASSETS = new Map<string, string>([
  ['scoreboard.js', path.join(projectRoot, 'src', 'scoreboard', 'assets', 'scoreboard.js')],
  ['pages.js', path.join(projectRoot, 'src', 'scoreboard', 'assets', 'pages.js')],
  ['board-view.js', path.join(projectRoot, 'src', 'scoreboard', 'assets', 'board-view.js')],
  ['favicon.svg', path.join(projectRoot, 'src', 'scoreboard', 'assets', 'favicon.svg')],
  ['scoreboard.css', path.join(projectRoot, 'src', 'scoreboard', 'assets', 'scoreboard.css')],
  ['graphql-ws.js', path.join(path.dirname(path.dirname(require.resolve('graphql-ws'))), 'umd', 'graphql-ws.min.js')],
]);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Scripts and styles from this origin only; the page talks to /graphql over HTTP and WebSocket.
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self' ws: wss:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}


export function scoreboardPage(title: string, competitionId: string): string {
  const t = escapeHtml(title);
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t} · 实时成绩</title>
<link rel="icon" type="image/svg+xml" href="assets/favicon.svg">
<link rel="stylesheet" href="assets/scoreboard.css">
<script src="assets/graphql-ws.js" defer></script>
<script src="assets/pages.js" defer></script>
<script src="assets/board-view.js" defer></script>
<script src="assets/scoreboard.js" defer></script>
</head>
<body data-competition-id="${escapeHtml(competitionId)}">
<header class="top">
  <div class="titles">
    <h1 id="title">${t}</h1>
    <div id="meta" class="meta"></div>
  </div>
  <div class="state">
    <span id="status" class="status"></span>
    <span id="connection" class="connection" data-state="connecting">连接中…</span>
  </div>
</header>
<div id="frozen" class="frozen" role="status" hidden></div>
<div id="publication" class="publication" role="status" hidden></div>
<section id="prizes" class="prizes" aria-label="获奖名单" hidden></section>
<main id="board" class="board" role="table" aria-label="排行榜">
  <div id="head" class="row head" role="row"></div>
  <div id="rows" role="rowgroup"></div>
  <p id="empty" class="empty" hidden>暂无参赛选手</p>
</main>
<footer class="updated"><span id="pager" class="pager" hidden></span><span id="updated"></span></footer>
</body>
</html>
`;
}

async function page(app: App, req: Request, res: Response): Promise<void> {
  const raw = String(req.params.competitionId ?? '');
  const id = UUID.test(raw) ? raw.toLowerCase() : idOf(raw, 'Competition');
  const competition = id ? await app.orm.em.fork().findOne(Competition, { id }) : null;
  securityHeaders(res, CSP);
  res.setHeader('Cache-Control', 'no-cache');
  if (!competition) {
    res.status(404).type('html').send('<!doctype html><meta charset="utf-8"><title>未找到</title><p>没有这个竞赛（competition not found）。</p>');
    return;
  }
  res.type('html').send(scoreboardPage(competition.title, toGlobalId('Competition', competition.id)));
}

export function scoreboardRoutes(app: App): Router {
  const router = Router();
  router.get('/assets/:file', assetHandler(ASSETS, CSP));
  router.get('/:competitionId', (req, res) => {
    page(app, req, res).catch((err) => {
      app.log.error({ err }, 'scoreboard page failed');
      if (!res.headersSent) res.status(500).type('text').send('Internal error');
    });
  });
  return router;
}
