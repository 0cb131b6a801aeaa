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
    res.sendFile(file, { headers: { 'Cache-Control': 'no-cache' } });
  };
}
