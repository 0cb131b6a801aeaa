import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { Context } from './context.js';
import { applyCors } from './cors.js';
import { responseLocale } from './locale.js';
import { withLocale } from './common/i18n.js';
import type { GraphqlBody } from './limits/http.js';

/**
 * The authenticated GraphQL POST, served straight from Node's request handler, not through Express.
 *
 * A taker's save, a judge's mark, an organizer's mutation: each is one POST to /graphql with a bearer
 * token. Through Express such a request walked the router's stack of layers, had its request and
 * response re-prototyped and went through the Apollo integration's header copy and URL parse — about
 * a quarter of the server's CPU for a save, and most of the short-lived garbage a request leaves
 * (bench/README.md, session 5). This lane does what that chain did for it, in the same order: CORS,
 * the language, the body (the same body-parser reader and refusals), then Apollo with the same
 * context. Everything else — anonymous requests (the response cache serves them), GET, preflights,
 * another content type or encoding, another path — goes to Express as before, so what a client sees
 * is the same either way (test/server/graphql-post.test.ts runs the GraphQL-over-HTTP audits through
 * both).
 */
export interface GraphqlPostLane {
  /** Serves the request and returns true when it is one of this lane's; false: Express serves it. */
  (req: IncomingMessage, res: ServerResponse): boolean;
}

/** A body this lane reads as body-parser does with no surprises: JSON, in UTF-8, not compressed. */
function plainJson(req: IncomingMessage): boolean {
  const type = req.headers['content-type'];
  if (typeof type !== 'string') return false;
  const [media = '', ...params] = type.split(';');
  if (media.trim().toLowerCase() !== 'application/json') return false;
  for (const p of params) {
    const [name = '', value = ''] = p.split('=');
    if (name.trim().toLowerCase() === 'charset' && value.trim().replace(/^"|"$/g, '').toLowerCase() !== 'utf-8') return false;
  }
  const encoding = req.headers['content-encoding'];
  return encoding === undefined || encoding.toLowerCase() === 'identity';
}

function isLaneRequest(req: IncomingMessage): boolean {
  if (req.method !== 'POST' || req.headers.authorization === undefined) return false;
  const url = req.url ?? '';
  if (!(url === '/graphql' || url.startsWith('/graphql?'))) return false;
  return plainJson(req);
}

export function graphqlPostLane(
  apollo: ApolloServer<Context>,
  corsOrigins: readonly string[],
  body: GraphqlBody,
  context: (req: IncomingMessage) => Promise<Context>,
): GraphqlPostLane {
  const origins = new Set(corsOrigins);
  const fail = (res: ServerResponse, err: unknown) => {
    if (res.headersSent) return void res.destroy(err instanceof Error ? err : undefined);
    res.statusCode = 500;
    res.end();
  };
  return (req, res) => {
    if (!isLaneRequest(req)) return false;
    applyCors(origins, req, res);
    const locale = responseLocale(req, res);
    body.read(req, res, (err) =>
      // The reader's callbacks run outside any request scope: the language is set again around the rest.
      withLocale(locale, () => {
        if (err !== undefined) {
          if (body.readFailed(err, req, res)) return;
          // What body-parser leaves unanswered (a request cut short, a length that does not match) is a bad request.
          res.statusCode = (err as { status?: number }).status ?? 400;
          return void res.end();
        }
        const read = req as IncomingMessage & { body?: unknown };
        if (!body.batched(read, res)) execute(apollo, read, res, context).catch((e: unknown) => fail(res, e));
      }),
    );
    return true;
  };
}

async function execute(apollo: ApolloServer<Context>, req: IncomingMessage & { body?: unknown }, res: ServerResponse, context: (req: IncomingMessage) => Promise<Context>): Promise<void> {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  const url = req.url ?? '';
  const q = url.indexOf('?');
  const response = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: 'POST', headers, search: q < 0 ? '' : url.slice(q), body: req.body },
    context: () => context(req),
  });
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') return void res.end(response.body.string);
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}
