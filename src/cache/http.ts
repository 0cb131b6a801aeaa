import { gzipSync } from 'node:zlib';
import type { IncomingMessage } from 'node:http';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { getOperationAST, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { Counter, Gauge, type Registry } from 'prom-client';
import type { Context } from '../context.js';
import { negotiateLocale } from '../common/i18n.js';
import { commonMessage } from '../common/messages.js';
import { contentTypeOf, responseMediaType } from '../graphql-over-http.js';
import { budgetKey, type RequestGuard } from '../limits/guard.js';
import { clientAddress } from '../limits/http.js';
import { Flights, Gate } from './flight.js';
import { markScope } from './scope.js';
import { answerKey, etagOf, fresh, ifNoneMatchHits, ResponseStore, type CacheSlot, type CachedAnswer } from './store.js';

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
/**
 * A drill taker's own writes: an anonymous read shows nothing they change (attempts, answers and
 * devices are the taker's and the drill's runner's alone), and a city's drill sends hundreds a second,
 * each of which would empty every instance's cache with a NOTIFY of its own (bench `drill`). Submitting
 * is not here: a submission may change a drill's public board (an extended deadline outlives the window).
 */
const TAKER_PRIVATE = new Set(['enterDrill', 'enterDrillAsWorker', 'startAttempt', 'saveAnswer']);
const announcedLive = (operation: OperationDefinitionNode) =>
  operation.selectionSet.selections.every((s) => s.kind === 'Field' && (ANNOUNCED_LIVE.has(s.name.value) || TAKER_PRIVATE.has(s.name.value)));

const GZIP_MIN_BYTES = 1024;
/** A document with neither word holds only queries (a mutation or subscription needs its keyword); one with either, even as a field name, is left alone. */
const MAY_WRITE = /\b(mutation|subscription)\b/;
const RETRY_AFTER_SECONDS = 1;

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
 * may depend on who they are). A mark drops the answers that read its competition (src/cache/scope.ts);
 * every other mutation on any instance and every other live event empties it.
 *
 * The clock is the one thing that changes answers without a write (a drill's phase turns OPEN at
 * opensAt, a competition's appealWindowOpen turns false at its close; a taker's own writes, which
 * would have emptied the cache near such moments, no longer do). Rule: a field resolver that reads
 * the clock calls dependsOnClockUntil(ctx, next instant its answer would change) (src/cache/clock.ts),
 * or dependsOnClock(ctx) when that instant is unknown (then CLOCK_MAX_AGE_MS at most). The answer
 * carries the earliest such instant as `expiresAt`: it is not stored once past it, not served from the
 * store or shared with waiting requests after it. A resolver that reads the clock without saying so
 * is a bug of that resolver: its anonymous answer stays until the next write.
 */
export class ResponseCache {
  readonly store: ResponseStore;
  private readonly slots = new WeakMap<IncomingMessage, CacheSlot>();
  private readonly counter: Counter<'outcome'>;
  private readonly refusals: Counter;
  private readonly flights = new Flights();
  readonly gate: Gate;

  constructor(
    maxBytes: number,
    executions: { concurrent: number; queue: number },
    private readonly guard: RequestGuard,
    private readonly trustProxyHops: number,
    /** False while this instance cannot hear other instances' notices (its LISTEN connection is down): then nothing is served from the cache. */
    private readonly listening: () => boolean,
    private readonly notifyOthers: () => Promise<void>,
    registry: Registry,
  ) {
    this.store = new ResponseStore(maxBytes);
    this.gate = new Gate(executions.concurrent, executions.queue);
    this.counter = new Counter({
      name: 'jiangxin_response_cache_requests_total',
      help: 'Anonymous GraphQL reads by response-cache outcome: hit, shared (served the answer of an identical request executing at the time), not_modified (a 304 from the cache), miss (executed), bypass (Cache-Control: no-cache).',
      labelNames: ['outcome'] as const,
      registers: [registry],
    });
    this.refusals = new Counter({ name: 'jiangxin_anonymous_executions_refused_total', help: 'Anonymous reads refused with 503 because ANONYMOUS_QUEUE requests were already waiting to execute.', registers: [registry] });
    const store = this.store;
    const gate = this.gate;
    new Gauge({ name: 'jiangxin_anonymous_executions', help: 'Anonymous reads executing now (at most ANONYMOUS_EXECUTIONS).', registers: [registry], collect() { this.set(gate.active); } });
    new Gauge({ name: 'jiangxin_anonymous_executions_waiting', help: 'Anonymous reads waiting for a place to execute.', registers: [registry], collect() { this.set(gate.waiting); } });
    new Gauge({ name: 'jiangxin_response_cache_bytes', help: 'Bytes held by the response cache (bodies, gzip copies, keys).', registers: [registry], collect() { this.set(store.bytes); } });
  }

  /** The slot of a request the middleware let through (for the context factory). */
  slotOf(req: IncomingMessage): CacheSlot | undefined {
    return this.slots.get(req);
  }

  /** Empties the cache on this instance. */
  invalidate(): void {
    this.store.invalidate();
  }

  /**
   * Live events (any instance's, this one's too; before any screen here is told of them): a mark or correction (`score`) drops only the
   * answers that read its competition or whose scope is unknown; any other event empties the cache.
   */
  liveEvents(events: readonly { kind: string; competitionId: string }[]): void {
    if (!this.store.enabled) return;
    for (const event of events) {
      if (event.kind === 'score') this.store.invalidateCompetition(event.competitionId);
      else this.store.invalidate();
    }
  }

  /** Express middleware for POST /graphql, after the body parser: answers from the cache, shares or bounds executions, or notes the slot for the plugin. */
  middleware(): RequestHandler {
    return (req, res, next) => {
      const body = req.body as { query?: unknown; operationName?: unknown; variables?: unknown } | undefined;
      if (req.method !== 'POST' || req.headers.authorization !== undefined || typeof body?.query !== 'string') return next();
      // Only a document that cannot hold a mutation may share an execution or wait in line for one.
      const readOnly = !MAY_WRITE.test(body.query);
      const media = responseMediaType(req.headers.accept);
      const bypass = /(^|,)\s*no-cache\s*(,|$)/i.test(req.headers['cache-control'] ?? '');
      if (bypass && this.store.enabled) this.counter.inc({ outcome: 'bypass' });
      if (!this.store.enabled || bypass || !media) return readOnly ? void this.execute(req, res, next, undefined) : next();
      const key = answerKey({ query: body.query, operationName: body.operationName, variables: body.variables, locale: negotiateLocale(req.headers['accept-language']), media });
      void this.answer(req, res, next, key, readOnly);
    };
  }

  private async answer(req: Request, res: Response, next: NextFunction, key: string, readOnly: boolean): Promise<void> {
    // Deaf to the other instances, neither the store nor another request's execution may answer.
    if (!this.listening()) return this.execute(req, res, next, { key, generation: this.store.generation }, readOnly);
    const hit = this.store.get(key);
    if (hit) return this.serve(req, res, next, hit, 'hit');
    if (!readOnly) return this.execute(req, res, next, { key, generation: this.store.generation }, false);
    for (;;) {
      const boarding = this.flights.board(key, this.store.generation);
      if ('lead' in boarding) return this.execute(req, res, next, { key, generation: this.store.generation, flight: boarding.lead });
      if ('wait' in boarding) {
        const shared = await boarding.wait.answer;
        if (shared && fresh(shared)) return this.serve(req, res, next, shared, 'shared');
        // Not an answer for others (errors, a refusal) or past its clock edge: this request executes as itself.
        return this.execute(req, res, next, { key, generation: this.store.generation });
      }
      // Behind an execution from before a write: wait for it to land, then look again.
      await boarding.queue.answer;
      const stored = this.listening() ? this.store.get(key) : undefined;
      if (stored) return this.serve(req, res, next, stored, 'hit');
      if (!this.listening()) return this.execute(req, res, next, { key, generation: this.store.generation });
    }
  }

  /** Lets a request through to Apollo once the gate has a place for it (a read; anything else passes at once). */
  private async execute(req: Request, res: Response, next: NextFunction, slot: CacheSlot | undefined, readOnly = true): Promise<void> {
    if (slot) this.counter.inc({ outcome: 'miss' });
    const release = readOnly ? await this.gate.enter() : () => undefined;
    if (!release) {
      slot?.flight?.settle(null);
      this.refusals.inc();
      return this.refuse(req, res);
    }
    const done = () => (release(), slot?.flight?.settle(null));
    res.once('close', done);
    // Gone while it waited: nothing to execute for it (the listener may have missed the close).
    if (req.socket.destroyed) return done();
    if (slot) {
      // Reads start now: an answer is as fresh as this moment, so it may be stored if no write comes before it ends.
      this.slots.set(req, { ...slot, generation: this.store.generation });
    }
    next();
  }

  private refuse(req: Request, res: Response): void {
    const media = responseMediaType(req.headers.accept) ?? 'application/json';
    res.status(503).setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    res.setHeader('Content-Type', contentTypeOf(media));
    res.end(JSON.stringify({ errors: [{ message: commonMessage('overloaded'), extensions: { code: 'SERVICE_UNAVAILABLE' } }] }));
  }

  private serve(req: Request, res: Response, next: NextFunction, hit: CachedAnswer, outcome: 'hit' | 'shared'): void {
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
    this.counter.inc({ outcome });
    res.status(200).setHeader('Content-Type', hit.contentType);
    if (hit.gzip && acceptsGzip(req.headers['accept-encoding'])) {
      res.setHeader('Content-Encoding', 'gzip');
      res.end(hit.gzip);
    } else res.end(hit.body);
  }

  /** After a mutation ran here (HTTP or WebSocket): empty the cache, and tell the other instances unless a live event will. */
  mutationRan(operation: OperationDefinitionNode): void {
    // Off (RESPONSE_CACHE_MB=0, as on every instance of a deployment): nothing to empty, no notice to send.
    if (!this.store.enabled) return;
    // A mark's own live event (heard here too, after its commit) drops what it changed: the rest stays.
    if (announcedLive(operation)) return;
    this.store.invalidate();
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
          if (rc.operation?.operation === 'mutation' && !announcedLive(rc.operation)) this.store.invalidate();
        },
        willSendResponse: async (rc) => {
          const operation = rc.operation;
          if (operation?.operation === 'mutation') return this.mutationRan(operation);
          const slot = rc.contextValue.responseCacheSlot;
          if (!slot || !operation) return;
          const scope = markScope(rc.schema, rc.document!, operation, rc.request.variables);
          // Neither storable (a write came since it started) nor awaited: no need to serialize it twice.
          if (!slot.flight && !this.store.storable(slot.generation, scope)) return;
          const answer = this.shareable(rc, slot.expiresAt);
          // The requests waiting on this one get its answer even if a write came meanwhile: they arrived before that write.
          slot.flight?.settle(answer);
          if (answer && this.store.set(slot.key, answer, slot.generation, scope)) {
            rc.response.http.headers.set('etag', answer.etag);
            rc.response.http.headers.set('cache-control', 'no-cache');
            rc.response.http.headers.set('vary', 'Accept, Accept-Encoding, Accept-Language, Authorization');
          }
        },
      }),
    };
  }

  /** The answer as every anonymous reader of it would get it, or null when it is not the same for all (errors, a viewer, not a plain query). */
  private shareable(rc: GraphQLRequestContextWillSendResponse<Context>, expiresAt: number | undefined): CachedAnswer | null {
    const body = rc.response.body;
    if (rc.contextValue.viewer || rc.operation?.operation !== 'query' || body.kind !== 'single') return null;
    const result = body.singleResult;
    const status = rc.response.http.status;
    if (result.errors?.length || !result.data || (status !== undefined && status !== 200)) return null;
    const cost = result.extensions?.cost as { requestedQueryCost?: number; actualQueryCost?: number } | undefined;
    // A client's own bucket (throttleStatus) is not part of a shared answer.
    const extensions = cost ? { ...result.extensions, cost: { requestedQueryCost: cost.requestedQueryCost, actualQueryCost: cost.actualQueryCost } } : result.extensions;
    const bytes = Buffer.from(JSON.stringify(extensions ? { data: result.data, extensions } : { data: result.data }));
    const media = responseMediaType(rc.request.http?.headers.get('accept'));
    return {
      body: bytes,
      gzip: bytes.length >= GZIP_MIN_BYTES ? gzipSync(bytes, { level: 6 }) : null,
      etag: etagOf(bytes),
      contentType: contentTypeOf(media ?? 'application/json'),
      requestedCost: cost?.requestedQueryCost ?? 0,
      actualCost: cost?.actualQueryCost ?? cost?.requestedQueryCost ?? 0,
      expiresAt,
    };
  }
}
