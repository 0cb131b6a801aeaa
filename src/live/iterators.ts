/**
 * Iterator adapters for subscriptions, written without async generators so that `return()` reaches
 * the source even while a `next()` is waiting on it (a generator would queue the return behind it).
 */
function wrap<T, U>(source: AsyncIterator<T>, next: () => Promise<IteratorResult<U>>): AsyncIterableIterator<U> {
  return {
    next,
    async return() {
      await source.return?.();
      return { value: undefined, done: true };
    },
    async throw(err?: unknown) {
      await source.return?.();
      throw err;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/** Each value of `source` through `fn`. */
export function mapIterator<T, U>(source: AsyncIterator<T>, fn: (value: T) => Promise<U>): AsyncIterableIterator<U> {
  return wrap(source, async (): Promise<IteratorResult<U>> => {
    const r = await source.next();
    return r.done ? { value: undefined, done: true } : { value: await fn(r.value), done: false };
  });
}

/** Only the values of `source` that `keep` accepts. */
export function filterIterator<T>(source: AsyncIterator<T>, keep: (value: T) => Promise<boolean>): AsyncIterableIterator<T> {
  return wrap(source, async () => {
    for (;;) {
      const r = await source.next();
      if (r.done || (await keep(r.value))) return r;
    }
  });
}

/** `first`, then the values of `source`. */
export function prependIterator<T>(first: T, source: AsyncIterator<T>): AsyncIterableIterator<T> {
  let pending: { value: T } | null = { value: first };
  return wrap(source, async () => {
    if (!pending) return source.next();
    const { value } = pending;
    pending = null;
    return { value, done: false };
  });
}
