import { createHash } from 'node:crypto';

/** A request the cache may answer or store: its key and the generation it started at. */
export interface CacheSlot {
  key: string;
  generation: number;
  /** Set when this request leads a single flight (src/cache/flight.ts): its answer goes to the requests waiting on it. */
  flight?: { settle(answer: CachedAnswer | null): void };
  /** The earliest instant (ms) at which the answer would change by the clock alone (src/cache/clock.ts); unset: never. */
  expiresAt?: number;
}

/** One stored answer: the bytes as sent, gzip'd once, and what it cost to compute (charged again on every hit). */
export interface CachedAnswer {
  body: Buffer;
  /** Null when the body is too small for gzip to pay. */
  gzip: Buffer | null;
  /** Weak ETag over the body's bytes: equal answers, equal tags, whatever the version that produced them. */
  etag: string;
  contentType: string;
  requestedCost: number;
  actualCost: number;
  /** When (ms) the answer goes stale by the clock alone (a drill opens, a window closes); unset: only a write ends it. */
  expiresAt?: number;
}

/** Whether an answer may still be given at `now`: not past the instant its clock-derived fields change. */
export function fresh(answer: CachedAnswer, now = Date.now()): boolean {
  return answer.expiresAt === undefined || now < answer.expiresAt;
}

/** What a stored answer holds on to, for the bound: its buffers, its key and a fixed overhead. */
function sizeOf(key: string, a: CachedAnswer): number {
  return a.body.length + (a.gzip?.length ?? 0) + key.length * 2 + 200;
}

/**
 * The response cache's memory: answers by key, least recently used dropped first once their bytes
 * pass `maxBytes`. `generation` counts invalidations of any kind: a request notes it before
 * executing, and its answer is stored only if nothing it may have read was invalidated meanwhile,
 * so an answer computed from data a write has since changed is never kept. An answer whose scope
 * (the competitions it read, src/cache/scope.ts) is known survives marks in other competitions;
 * one whose scope is unknown (null) goes with every invalidation. An answer that read the clock
 * carries `expiresAt` and is dropped when asked for after it (no write marks the clock's edges). Pure (no GraphQL, no HTTP):
 * unit-tested on its own.
 */
export class ResponseStore {
  private readonly entries = new Map<string, { answer: CachedAnswer; size: number; scope: ReadonlySet<string> | null }>();
  private used = 0;
  generation = 0;
  /** The generation of the last whole invalidation. */
  private wholeAt = 0;
  /** Per competition, the generation of its last mark. Bounded by the number of competitions marked since the last whole invalidation. */
  private readonly markedAt = new Map<string, number>();

  constructor(readonly maxBytes: number) {}

  get enabled(): boolean {
    return this.maxBytes > 0;
  }

  get bytes(): number {
    return this.used;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string, now = Date.now()): CachedAnswer | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (!fresh(e.answer, now)) {
      this.delete(key);
      return undefined;
    }
    // Most recently used last: Map keeps insertion order.
    this.entries.delete(key);
    this.entries.set(key, e);
    return e.answer;
  }

  /**
   * Stores an answer computed from `generation` on, which read the competitions in `scope` (null:
   * unknown); refused (false) if something it may have read was invalidated since, its clock edge
   * has passed already, or it alone exceeds the bound.
   */
  set(key: string, answer: CachedAnswer, generation: number, scope: ReadonlySet<string> | null = null, now = Date.now()): boolean {
    if (!this.storable(generation, scope) || !fresh(answer, now)) return false;
    const size = sizeOf(key, answer);
    if (size > this.maxBytes) return false;
    this.delete(key);
    this.entries.set(key, { answer, size, scope });
    this.used += size;
    for (const [k] of this.entries) {
      if (this.used <= this.maxBytes) break;
      this.delete(k);
    }
    return true;
  }

  /** Whether nothing an answer computed from `generation` on, reading `scope`, may have read was invalidated since. */
  storable(generation: number, scope: ReadonlySet<string> | null): boolean {
    if (generation === this.generation) return true;
    if (!scope || this.wholeAt > generation) return false;
    for (const id of scope) if ((this.markedAt.get(id) ?? 0) > generation) return false;
    return true;
  }

  /** Drops every answer and moves the generation on, so answers being computed now are not stored either. */
  invalidate(): void {
    this.generation++;
    this.wholeAt = this.generation;
    this.markedAt.clear();
    this.entries.clear();
    this.used = 0;
  }

  /** A mark in one competition: drops the answers that read it and those whose scope is unknown. */
  invalidateCompetition(competitionId: string): void {
    this.generation++;
    this.markedAt.set(competitionId, this.generation);
    for (const [k, e] of this.entries) if (!e.scope || e.scope.has(competitionId)) this.delete(k);
  }

  private delete(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    this.entries.delete(key);
    this.used -= e.size;
  }
}

/** The key of one request's answer: the document, operation name and variables as sent, the language and the media type. */
export function answerKey(parts: { query: string; operationName?: unknown; variables?: unknown; locale: string; media: string }): string {
  return createHash('sha256')
    .update(JSON.stringify([parts.query, parts.operationName ?? null, parts.variables ?? null, parts.locale, parts.media]))
    .digest('base64url');
}

/** A weak ETag (RFC 9110) for these bytes. */
export function etagOf(body: Buffer): string {
  return `W/"${createHash('sha1').update(body).digest('base64url')}"`;
}

/** Whether an If-None-Match header names this ETag (weak comparison, `*` matches any). */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  const want = bare(etag);
  return header.split(',').some((t) => t.trim() === '*' || bare(t) === want);
}
