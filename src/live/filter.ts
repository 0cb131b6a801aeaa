/** An async iterator of only the values `keep` accepts; `return()` reaches the source even while it waits. */
export function filterIterator<T>(source: AsyncIterator<T>, keep: (value: T) => Promise<boolean>): AsyncIterableIterator<T> {
  return {
    async next() {
      for (;;) {
        const r = await source.next();
        if (r.done || (await keep(r.value))) return r;
      }
    },
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
