import type { CachedAnswer } from './store.js';

/**
 * One execution that identical anonymous misses share (single flight). `generation` is the
 * store's generation when the execution was let through: an answer it produces reflects every
 * write whose invalidation came before that. `answer` settles once, with the shareable answer, or
 * null when the execution's answer may not be given to anyone else (errors, a refusal, a
 * mutation, a dropped connection).
 */
export interface Flight {
  readonly generation: number;
  readonly answer: Promise<CachedAnswer | null>;
  settle(answer: CachedAnswer | null): void;
}

function flight(generation: number, onSettled: (f: Flight) => void): Flight {
  let resolve!: (a: CachedAnswer | null) => void;
  const answer = new Promise<CachedAnswer | null>((r) => (resolve = r));
  let settled = false;
  const f: Flight = {
    generation,
    answer,
    settle(a) {
      if (settled) return;
      settled = true;
      onSettled(f);
      resolve(a);
    },
  };
  return f;
}

/** What a miss does: lead a new execution, or wait for one it may be served from. */
export type Boarding = { lead: Flight } | { wait: Flight } | { queue: Flight };

/**
 * The flights in the air, one per key at most. A request that misses at generation `g`:
 * - no flight for its key → it leads one (executes; the others wait for it);
 * - a flight let through at `g` → it waits for that flight's answer: nothing was invalidated between
 *   that execution's start and this request's arrival, so the answer is as fresh as one of its own;
 * - a flight from an older generation (a write came since it started) → its answer may predate a
 *   write this request must see, so the request may not be served it. It queues behind it instead
 *   (`queue`): when the old flight lands, the caller looks in the store again and otherwise leads
 *   the next flight (`board` again, at the generation of that moment: the first to wake leads and
 *   the others, woken in the same turn, wait for it), so a herd arriving during a slow execution costs one more
 *   execution, not one each. Pure: unit-tested on its own.
 */
export class Flights {
  private readonly current = new Map<string, Flight>();

  get size(): number {
    return this.current.size;
  }

  board(key: string, generation: number): Boarding {
    const f = this.current.get(key);
    if (!f) return { lead: this.launch(key, generation) };
    if (f.generation === generation) return { wait: f };
    return { queue: f };
  }

  private launch(key: string, generation: number): Flight {
    const f = flight(generation, (done) => {
      if (this.current.get(key) === done) this.current.delete(key);
    });
    this.current.set(key, f);
    return f;
  }
}

/**
 * A bound on concurrent executions (anonymous reads that the cache could not answer): beyond
 * `limit` running, requests wait in line; beyond `queueLimit` waiting, they are refused at once
 * (the caller answers 503 with Retry-After). A herd then costs bounded memory and CPU instead of
 * hundreds of executions interleaved on one core, each holding its half-built result.
 */
export class Gate {
  private running = 0;
  private readonly line: Array<() => void> = [];

  constructor(readonly limit: number, readonly queueLimit: number) {}

  get active(): number {
    return this.running;
  }

  get waiting(): number {
    return this.line.length;
  }

  /** Resolves with a release function once a place is free; null when the line is full (refused). */
  enter(): Promise<(() => void) | null> {
    if (this.limit <= 0) return Promise.resolve(() => undefined);
    if (this.running < this.limit) {
      this.running++;
      return Promise.resolve(this.releaser());
    }
    if (this.line.length >= this.queueLimit) return Promise.resolve(null);
    return new Promise((resolve) => this.line.push(() => resolve(this.releaser())));
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.line.shift();
      // The place passes straight to the next in line: `running` stays as it is.
      if (next) next();
      else this.running--;
    };
  }
}
