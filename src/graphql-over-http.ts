import type { ApolloServerPlugin } from '@apollo/server';

/**
 * Status codes and media types of /graphql as the GraphQL over HTTP specification has them
 * (https://graphql.github.io/graphql-over-http/draft/), for both response media types:
 *
 * - `application/json` (no Accept, `*` / `*`, or asked for): a well-formed request is answered 200
 *   even when it fails before execution (parse, validation, variable coercion, a limit, a NUL): the
 *   spec's SHOULD, so a client can tell our answer from a proxy's 4xx/5xx page.
 * - `application/graphql-response+json`: a response without `data` is 4xx/5xx (400 for those same
 *   request errors); with `data` (even null, a partial response) it is 200.
 *
 * In both: a request that is not well-formed (malformed JSON, no `query`, a batch, a body too large)
 * is 4xx; an invalid bearer token 401 and a spent budget 429 (a client refused whatever it asks, which
 * the spec lets a server say with the relevant 4xx); an internal error 5xx.
 */
export const APPLICATION_JSON = 'application/json';
export const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json';
export type ResponseMediaType = typeof APPLICATION_JSON | typeof GRAPHQL_RESPONSE_JSON;

/** In this order, as Apollo offers them: on a tie (no Accept, `*` / `*`) application/json wins. */
const OFFERED: ResponseMediaType[] = [APPLICATION_JSON, GRAPHQL_RESPONSE_JSON];

interface Range { type: string; subtype: string; q: number; index: number }

function parseAccept(accept: string): Range[] {
  const ranges: Range[] = [];
  accept.split(',').forEach((part, index) => {
    const [range, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const [type, subtype] = (range ?? '').split('/');
    if (!type || !subtype) return;
    const qParam = params.find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    ranges.push({ type, subtype, q: Number.isFinite(q) ? q : 0, index });
  });
  return ranges;
}

/**
 * The media type a GraphQL response is sent in for this Accept header, or null when it accepts
 * neither (Apollo then answers 406). The same choice as Apollo's own negotiation: the best quality,
 * then the more specific range, then the range named first, then application/json.
 */
export function responseMediaType(accept: string | null | undefined): ResponseMediaType | null {
  if (!accept?.trim()) return APPLICATION_JSON;
  const ranges = parseAccept(accept);
  const scored = OFFERED.map((offered, i) => {
    const [type, subtype] = offered.split('/') as [string, string];
    let best: { q: number; s: number; index: number } | undefined;
    for (const r of ranges) {
      const s = r.type === type ? (r.subtype === subtype ? 2 : r.subtype === '*' ? 1 : -1) : r.type === '*' && r.subtype === '*' ? 0 : -1;
      if (s < 0) continue;
      if (!best || s > best.s || (s === best.s && (r.q > best.q || (r.q === best.q && r.index < best.index)))) best = { q: r.q, s, index: r.index };
    }
    return best && best.q > 0 ? { offered, i, ...best } : undefined;
  }).filter((x) => x !== undefined);
  scored.sort((a, b) => b.q - a.q || b.s - a.s || a.index - b.index || a.i - b.i);
  return scored[0]?.offered ?? null;
}

/** The content-type header for a media type, in UTF-8 as the spec requires. */
export function contentTypeOf(media: ResponseMediaType): string {
  return `${media}; charset=utf-8`;
}

/**
 * Sets the media type and status of every single-result response per the rules above. Apollo's
 * defaults differ for application/json (400 for parse/validation/coercion errors) and our errors'
 * `extensions.http` say one status whatever the media type; this plugin has the last word.
 */
export const graphqlOverHttpPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ request, response }) {
        if (response.body.kind !== 'single') return;
        const media = responseMediaType(request.http?.headers.get('accept'));
        if (!media) return;
        // Apollo keeps a content-type already set: its choice and the status below are then one decision.
        response.http.headers.set('content-type', contentTypeOf(media));
        const result = response.body.singleResult;
        // Executed (data present, even null): 200 — a MUST for application/json with data, the spec's
        // recommendation for application/graphql-response+json, errors or not (field errors such as
        // UNAUTHENTICATED for a field that needs a login are part of a partial response).
        if (result.data !== undefined) {
          response.http.status = 200;
          return;
        }
        const status = response.http.status;
        const codes = (result.errors ?? []).map((e) => e.extensions?.code);
        if (media === APPLICATION_JSON) {
          // A request error of a well-formed request: 200. BAD_REQUEST (no query, a bad parameter) is
          // a request that is not well-formed and keeps its 400.
          if ((status === undefined || status === 400) && !codes.includes('BAD_REQUEST')) response.http.status = 200;
          return;
        }
        // application/graphql-response+json without data: never 2xx.
        if (status === undefined || status < 400) {
          response.http.status = codes.includes('UNAUTHENTICATED') ? 401 : codes.includes('FORBIDDEN') ? 403 : 400;
          // A 401 names the scheme that would serve (RFC 9110).
          if (response.http.status === 401 && !response.http.headers.get('www-authenticate')) response.http.headers.set('www-authenticate', 'Bearer');
        }
      },
    };
  },
};
