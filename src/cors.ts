import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';

/*
 * Cross-origin access for a frontend served elsewhere (a dev server, the union's site): exactly the
 * origins of CORS_ORIGINS, none by default. A few lines rather than a dependency (the `cors` package
 * is only a transitive one here, without types).
 *
 * Credentials: the API authenticates with a bearer token in the Authorization header, never a cookie,
 * so Access-Control-Allow-Credentials is not sent: a browser attaches no cookies, and none are needed.
 * HTTP requests from other origins are not refused by the server (the browser withholds the answer
 * when the headers are missing); Apollo's CSRF prevention still refuses "simple" requests that could
 * have been sent without a preflight.
 */

/** Request headers a frontend may send: the token, the body's type, the language, Apollo's CSRF preflight marker. */
const ALLOWED_HEADERS = 'Authorization, Content-Type, Accept, Accept-Language, Apollo-Require-Preflight, X-Apollo-Operation-Name';
/** Response headers a frontend may read: why a token was refused, when to retry, a download's file name. */
const EXPOSED_HEADERS = 'WWW-Authenticate, Retry-After, Content-Disposition';
/** How long a browser may keep a preflight's answer (Chromium caps it at two hours). */
const PREFLIGHT_MAX_AGE_SECONDS = 3600;

/** The canonical form of an origin (`scheme://host[:port]`, lower case, default port dropped), or null when it is none. */
export function canonicalOrigin(raw: string): string | null {
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    // An origin has no path, query, fragment or credentials.
    if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) return null;
    return url.origin;
  } catch {
    return null;
  }
}

/** Adds a field to the response's Vary header (as Express's res.vary), for handlers outside Express too. */
export function addVary(res: ServerResponse, field: string): void {
  const current = res.getHeader('Vary');
  const list = current === undefined ? [] : String(current).split(',').map((s) => s.trim()).filter(Boolean);
  if (list.includes('*') || list.some((f) => f.toLowerCase() === field.toLowerCase())) return;
  res.setHeader('Vary', [...list, field].join(', '));
}

/**
 * Sets the Access-Control-* headers of a request from the allowed origins; every response says Vary: Origin.
 * Answers a preflight itself (204) and returns true then; false: the request goes on.
 */
export function applyCors(origins: ReadonlySet<string>, req: IncomingMessage, res: ServerResponse): boolean {
  if (origins.size === 0) return false;
  // The answer depends on the Origin: a cache must not give one origin's answer to another.
  addVary(res, 'Origin');
  const origin = req.headers.origin;
  const allow = typeof origin === 'string' && origins.has(origin);
  const preflight = req.method === 'OPTIONS' && typeof origin === 'string' && req.headers['access-control-request-method'] !== undefined;
  if (allow) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    if (!preflight) res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS);
  }
  if (!preflight) return false;
  if (allow) {
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
    res.setHeader('Access-Control-Max-Age', String(PREFLIGHT_MAX_AGE_SECONDS));
  }
  // A preflight from another origin is answered without the headers: the browser then refuses the request.
  res.statusCode = 204;
  res.end();
  return true;
}

/** applyCors as Express middleware. */
export function corsMiddleware(allowed: readonly string[]): RequestHandler {
  const origins = new Set(allowed);
  return (req, res, next) => {
    if (!applyCors(origins, req, res)) next();
  };
}

/**
 * Whether a WebSocket upgrade may proceed. Browsers always send Origin and a page cannot forge it:
 * one from the server's own origin (the scoreboard page, the IDE) or an allowed one passes, any other
 * is refused. Clients that are not browsers (Node, tablets' native apps) send none and pass.
 */
export function websocketOriginAllowed(req: IncomingMessage, allowed: readonly string[], trustProxyHops: number): boolean {
  const origin = req.headers.origin;
  if (origin === undefined || origin === '') return true;
  if (allowed.includes(origin)) return true;
  const host = URL.canParse(origin) ? new URL(origin).host : undefined;
  if (host === undefined) return false;
  // Same origin: the page came from this server (behind a trusted proxy, from the host it forwards).
  const forwarded = trustProxyHops > 0 ? String(req.headers['x-forwarded-host'] ?? '').split(',')[0]!.trim() : '';
  return host === (forwarded || req.headers.host || '').toLowerCase();
}
