import { gzipSync } from 'node:zlib';
import type { Request, RequestHandler } from 'express';
import type { ApolloServerPlugin } from '@apollo/server';
import { getOperationAST, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { Counter, Gauge, type Registry } from 'prom-client';
import type { Context } from '../context.js';
import { negotiateLocale } from '../common/i18n.js';
import { contentTypeOf, responseMediaType } from '../graphql-over-http.js';
import { budgetKey, type RequestGuard } from '../limits/guard.js';
import { clientAddress } from '../limits/http.js';
import { answerKey, etagOf, ifNoneMatchHits, ResponseStore, type CacheSlot, type CachedAnswer } from './store.js';

/** The channel on which an instance tells the others that a mutation ran there (payload unused). */
export const RESPONSE_CACHE_CHANNEL = 'jiangxin_response_cache';

/** Tells every instance (this one too) to empty its spectators' cache: this module owns its channel's NOTIFY. */
export async function announceCacheFlush(orm: { em: { getConnection(): { execute(sql: string, params: unknown[]): Promise<unknown> } } }): Promise<void> {
  await orm.em.getConnection().execute('select pg_notify(?, ?)', [RESPONSE_CACHE_CHANNEL, '']);
}

/**
 * Mutations whose every change already reaches every instance as a live event (each raises the
 * leaderboard version, which NOTIFYs on the live channel): no second notice for them. The mark is
 * the hot one; anything not named here sends its own.
 */
const ANNOUNCED_LIVE = new Set(['submitScore']);

const GZIP_MIN_BYTES = 1024;

function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [coding, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    if (coding !== 'gzip' && coding !== '*') return false;
    const q = params.find((p) => p.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  });
}

/**
 * The response cache for spectators (docs/response-cache.md): a public read is the same for every
 * anonymous viewer between two writes, so its bytes are kept and served again without execution —
 * gzip'd when the client accepts it, with an ETag so a client revalidating gets a 304. Only
 * anonymous requests are answered or stored (no Authorization header; a logged-in viewer's answer
 * may depend on who they are). Every mutation on any instance and every live event (each raise of a
 * leaderboard version) empties it.
 */
export class ResponseCache {
  readonly store: ResponseStore;
  private readonly slots = new WeakMap<Request, CacheSlot>();
  private readonly counter: Counter<'outcome'>;

  constructor(
    maxBytes: number,
    private readonly guard: RequestGuard,
    private readonly trustProxyHops: number,
    /** False while this instance cannot hear other instances' notices (its LISTEN connection is down): then nothing is served from the cache. */
    private readonly listening: () => boolean,
    private readonly notifyOthers: () => Promise<void>,
    registry: Registry,
  ) {
    this.store = new ResponseStore(maxBytes);
    this.counter = new Counter({
      name: 'jiangxin_response_cache_requests_total',
      help: 'Anonymous GraphQL reads by response-cache outcome: hit, not_modified (a 304 from the cache), miss, bypass (Cache-Control: no-cache).',
      labelNames: ['outcome'] as const,
      registers: [registry],
    });
    const store = this.store;
    new Gauge({ name: 'jiangxin_response_cache_bytes', help: 'Bytes held by the response cache (bodies, gzip copies, keys).', registers: [registry], collect() { this.set(store.bytes); } });
  }

  /** The slot of a request the middleware let through (for the context factory). */
  slotOf(req: Request): CacheSlot | undefined {
    return this.slots.get(req);
  }

  /** Empties the cache on this instance. */
  invalidate(): void {
    this.store.invalidate();
  }

  /** Express middleware for POST /graphql, after the body parser: answers from the cache, or notes the slot for the plugin. */
  middleware(): RequestHandler {
    return (req, res, next) => {
      const body = req.body as { query?: unknown; operationName?: unknown; variables?: unknown } | undefined;
      if (!this.store.enabled || req.method !== 'POST' || req.headers.authorization !== undefined || typeof body?.query !== 'string') return next();
      if (/(^|,)\s*no-cache\s*(,|$)/i.test(req.headers['cache-control'] ?? '')) {
        this.counter.inc({ outcome: 'bypass' });
        return next();
      }
      const media = responseMediaType(req.headers.accept);
      if (!media) return next();
      const key = answerKey({ query: body.query, operationName: body.operationName, variables: body.variables, locale: negotiateLocale(req.headers['accept-language']), media });
      this.slots.set(req, { key, generation: this.store.generation });
      const hit = this.listening() ? this.store.get(key) : undefined;
      if (!hit) {
        this.counter.inc({ outcome: 'miss' });
        return next();
      }
      // The client's budget pays for a cached answer as for an executed one; short of it, Apollo refuses it (THROTTLED).
      const who = budgetKey(null, clientAddress(req, this.trustProxyHops));
      if (this.guard.costBuckets.available(who) < hit.requestedCost) return next();
      this.guard.costBuckets.take(who, hit.actualCost);
      res.setHeader('ETag', hit.etag);
      res.setHeader('Cache-Control', 'no-cache');
      res.setHeader('Vary', 'Accept, Accept-Encoding, Accept-Language, Authorization');
      if (ifNoneMatchHits(req.headers['if-none-match'], hit.etag)) {
        this.counter.inc({ outcome: 'not_modified' });
        res.status(304).end();
        return;
      }
      this.counter.inc({ outcome: 'hit' });
      res.status(200).setHeader('Content-Type', hit.contentType);
      if (hit.gzip && acceptsGzip(req.headers['accept-encoding'])) {
        res.setHeader('Content-Encoding', 'gzip');
        res.end(hit.gzip);
      } else res.end(hit.body);
    };
  }

  /** After a mutation ran here (HTTP or WebSocket): empty the cache, and tell the other instances unless a live event will. */
  mutationRan(operation: OperationDefinitionNode): void {
    // Off (RESPONSE_CACHE_MB=0, as on every instance of a deployment): nothing to empty, no notice to send.
    if (!this.store.enabled) return;
    this.store.invalidate();
    const roots = operation.selectionSet.selections.map((s) => (s.kind === 'Field' ? s.name.value : ''));
    if (roots.every((r) => ANNOUNCED_LIVE.has(r))) return;
    // The mutation has committed: the notice only has to reach the other instances, which empty theirs.
    void this.notifyOthers().catch(() => undefined);
  }

  /** The same for a WebSocket execution (graphql-ws runs no Apollo plugin). */
  afterSocketExecution(document: DocumentNode, operationName: string | null | undefined): void {
    const operation = getOperationAST(document, operationName);
    if (operation?.operation === 'mutation') this.mutationRan(operation);
  }

  /** Apollo plugin, last in the list: stores anonymous queries' clean answers, and invalidates on mutations. */
  plugin(): ApolloServerPlugin<Context> {
    return {
      requestDidStart: async () => ({
        didResolveOperation: async (rc) => {
          // Before it writes too: a read that overlaps the mutation never stores what it read.
          if (rc.operation?.operation === 'mutation') this.store.invalidate();
        },
        willSendResponse: async (rc) => {
          const operation = rc.operation;
          if (operation?.operation === 'mutation') return this.mutationRan(operation);
          const slot = rc.contextValue.responseCacheSlot;
          const body = rc.response.body;
          if (!slot || rc.contextValue.viewer || operation?.operation !== 'query' || body.kind !== 'single') return;
          const result = body.singleResult;
          const status = rc.response.http.status;
          if (result.errors?.length || !result.data || (status !== undefined && status !== 200) || slot.generation !== this.store.generation) return;
          const cost = result.extensions?.cost as { requestedQueryCost?: number; actualQueryCost?: number } | undefined;
          // A client's own bucket (throttleStatus) is not part of a shared answer.
          const extensions = cost ? { ...result.extensions, cost: { requestedQueryCost: cost.requestedQueryCost, actualQueryCost: cost.actualQueryCost } } : result.extensions;
          const bytes = Buffer.from(JSON.stringify(extensions ? { data: result.data, extensions } : { data: result.data }));
          const media = responseMediaType(rc.request.http?.headers.get('accept'));
          const answer: CachedAnswer = {
            body: bytes,
            gzip: bytes.length >= GZIP_MIN_BYTES ? gzipSync(bytes, { level: 6 }) : null,
            etag: etagOf(bytes),
            contentType: contentTypeOf(media ?? 'application/json'),
            requestedCost: cost?.requestedQueryCost ?? 0,
            actualCost: cost?.actualQueryCost ?? cost?.requestedQueryCost ?? 0,
          };
          if (this.store.set(slot.key, answer, slot.generation)) {
            rc.response.http.headers.set('etag', answer.etag);
            rc.response.http.headers.set('cache-control', 'no-cache');
            rc.response.http.headers.set('vary', 'Accept, Accept-Encoding, Accept-Language, Authorization');
          }
        },
      }),
    };
  }
}
