import type { RequestHandler, Response } from 'express';

/** Headers for our own pages and their files: only the given policy's sources, no sniffing, no Referer onward. */
export function securityHeaders(res: Response, csp: string): void {
  res.setHeader('Content-Security-Policy', csp);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
}

/**
 * Serves a fixed map of file names (the route's `:file`) to paths; any other name is 404, so no path
 * from the request reaches the file system. Revalidated on every load (ETag), so a redeploy reaches
 * every browser at its next reload.
 */
export function assetHandler(assets: ReadonlyMap<string, string>, csp: string): RequestHandler {
  return (req, res) => {
    const file = assets.get(String(req.params.file));
    if (!file) {
      res.status(404).end();
      return;
    }
    securityHeaders(res, csp);
    // `send` treats a request's Cache-Control: no-cache as "never 304", but that directive is for
    // caches on the way (RFC 9111 §5.2.1.4); the origin answers If-None-Match on the ETag alone
    // (RFC 9110 §13.2.1). Fetch adds no-cache to every request it sends with If-None-Match.
    if (req.headers['if-none-match']) delete req.headers['cache-control'];
    res.sendFile(file, { headers: { 'Cache-Control': 'no-cache' } });
  };
}
