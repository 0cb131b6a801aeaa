/**
 * Token buckets by key (user or client address), in memory: each instance keeps its own, so with
 * N instances behind a load balancer a client gets up to N times the budget. Buckets refill lazily
 * on use; full ones are forgotten, so memory follows the number of recently active clients.
 */
export interface TakeResult {
  ok: boolean;
  /** Tokens left after this take (or now, when refused). */
  remaining: number;
  /** When refused: seconds until `amount` tokens are available. */
  retryAfterSeconds: number;
}

export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    readonly capacity: number,
    readonly refillPerSecond: number,
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 100_000,
  ) {}

  /** Tokens available to `key` now. */
  available(key: string): number {
    const b = this.buckets.get(key);
    if (!b) return this.capacity;
    return Math.min(this.capacity, b.tokens + ((this.now() - b.at) / 1000) * this.refillPerSecond);
  }

  /** Takes `amount` tokens if all are there; takes none otherwise. */
  take(key: string, amount: number): TakeResult {
    const now = this.now();
    const tokens = this.available(key);
    if (amount > tokens) {
      const retryAfterSeconds = Math.max(1, Math.ceil((amount - tokens) / this.refillPerSecond));
      return { ok: false, remaining: Math.floor(tokens), retryAfterSeconds };
    }
    if (this.buckets.size >= this.maxKeys && !this.buckets.has(key)) this.forgetFull();
    this.buckets.set(key, { tokens: tokens - amount, at: now });
    return { ok: true, remaining: Math.floor(tokens - amount), retryAfterSeconds: 0 };
  }

  /** Gives back tokens taken for work that turned out smaller (never above capacity). */
  refund(key: string, amount: number): void {
    const b = this.buckets.get(key);
    if (!b || amount <= 0) return;
    this.buckets.set(key, { tokens: Math.min(this.capacity, this.available(key) + amount), at: this.now() });
  }

  get size(): number {
    return this.buckets.size;
  }

  /** Drops buckets that have refilled: they behave exactly like absent ones. */
  forgetFull(): void {
    for (const key of [...this.buckets.keys()]) if (this.available(key) >= this.capacity) this.buckets.delete(key);
  }
}
