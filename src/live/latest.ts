/**
 * Latest-value topics for live views (a leaderboard): a subscriber that is still sending the previous
 * value gets only the newest one next, never a queue of stale ones. A slow phone or a burst of marks
 * therefore costs one send per subscriber per moment, and the board a screen shows is never behind
 * by more than the send it is in.
 */
export class LatestHub<T> {
  private readonly topics = new Map<string, Set<Slot<T>>>();
  private readonly generations = new Map<string, number>();

  constructor(private readonly chunk = 100) {}

  subscribe(topic: string): AsyncIterableIterator<T> {
    let slots = this.topics.get(topic);
    if (!slots) this.topics.set(topic, (slots = new Set()));
    const slot = new Slot<T>(() => {
      slots.delete(slot);
      if (!slots.size && this.topics.get(topic) === slots) {
        this.topics.delete(topic);
        this.generations.delete(topic);
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
    let i = 0;
    const step = () => {
      if (this.generations.get(topic) !== generation) return;
      for (const end = Math.min(i + this.chunk, targets.length); i < end; i++) targets[i]!.offer(value);
      if (i < targets.length) setImmediate(step);
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

  constructor(private readonly onClose: () => void) {}

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

  next(): Promise<IteratorResult<T>> {
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
