/**
 * Latest-value topics for live views (a leaderboard): a subscriber that is still sending the previous
 * value gets only the newest one next, never a queue of stale ones. A slow phone or a burst of marks
 * therefore costs one send per subscriber per moment, and the board a screen shows is never behind
 * by more than the send it is in.
 */
export class LatestHub<T> {
  private readonly topics = new Map<string, Set<Slot<T>>>();
  private readonly generations = new Map<string, number>();
  /** Per topic: the subscriber the next value is offered to first (round robin across takeovers). */
  private readonly cursors = new Map<string, number>();

  /**
   * @param chunk subscribers offered a value per turn of the event loop
   * @param minIntervalMs a subscriber gets at most one value per this many ms, always the newest: a
   *   screen needs a few boards a second, and a thousand screens taking every board of a burst of
   *   marks fill sockets faster than clients read them, so boards queue in kernel buffers and arrive
   *   seconds late (bench fanout: p50 14.5 s at 47 marks/s with every board sent)
   */
  constructor(private readonly chunk = 100, private readonly minIntervalMs = 0) {}

  subscribe(topic: string): AsyncIterableIterator<T> {
    let slots = this.topics.get(topic);
    if (!slots) this.topics.set(topic, (slots = new Set()));
    const slot = new Slot<T>(this.minIntervalMs, () => {
      slots.delete(slot);
      if (!slots.size && this.topics.get(topic) === slots) {
        this.topics.delete(topic);
        this.generations.delete(topic);
        this.cursors.delete(topic);
      }
    });
    slots.add(slot);
    return slot;
  }

  /**
   * Offers the value to every subscriber, a chunk per turn of the event loop: a thousand sends in
   * one turn would hold up the database replies that judges' marks (and the row lock they hold)
   * wait for. A newer value for the topic takes over from an older one still being offered.
   */
  publish(topic: string, value: T): void {
    const slots = this.topics.get(topic);
    if (!slots) return;
    const generation = (this.generations.get(topic) ?? 0) + 1;
    this.generations.set(topic, generation);
    const targets = [...slots];
    const n = targets.length;
    // Start where the value this one takes over from stopped: restarting at the first subscriber
    // would starve the last ones for as long as boards come faster than one full round.
    const start = (this.cursors.get(topic) ?? 0) % n;
    let k = 0;
    const step = () => {
      if (this.generations.get(topic) !== generation) return;
      for (const end = Math.min(k + this.chunk, n); k < end; k++) targets[(start + k) % n]!.offer(value);
      this.cursors.set(topic, (start + k) % n);
      if (k < n) setImmediate(step);
    };
    step();
  }

  /** Topics with at least one subscriber. */
  topicNames(): string[] {
    return [...this.topics.keys()];
  }

  subscriberCount(topic?: string): number {
    if (topic) return this.topics.get(topic)?.size ?? 0;
    let n = 0;
    for (const slots of this.topics.values()) n += slots.size;
    return n;
  }
}

class Slot<T> implements AsyncIterableIterator<T> {
  private pending: { value: T } | null = null;
  private waiter: ((r: IteratorResult<T>) => void) | null = null;
  private closed = false;
  private lastTaken = 0;

  constructor(private readonly minIntervalMs: number, private readonly onClose: () => void) {}

  offer(value: T): void {
    if (this.closed) return;
    const waiter = this.waiter;
    if (waiter) {
      this.waiter = null;
      waiter({ value, done: false });
    } else {
      this.pending = { value };
    }
  }

  async next(): Promise<IteratorResult<T>> {
    const wait = this.lastTaken + this.minIntervalMs - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const result = await this.take();
    if (!result.done) this.lastTaken = Date.now();
    return result;
  }

  private take(): Promise<IteratorResult<T>> {
    if (this.pending) {
      const { value } = this.pending;
      this.pending = null;
      return Promise.resolve({ value, done: false });
    }
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiter = resolve));
  }

  return(): Promise<IteratorResult<T>> {
    if (!this.closed) {
      this.closed = true;
      this.pending = null;
      this.onClose();
      const waiter = this.waiter;
      this.waiter = null;
      waiter?.({ value: undefined, done: true });
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(err?: unknown): Promise<IteratorResult<T>> {
    void this.return();
    return Promise.reject(err);
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }
}
