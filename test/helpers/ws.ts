import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';

/** A graphql-ws client as a frontend would open one, optionally with a bearer token. */
export function wsClient(url: string, token?: string | null, opts: { retryAttempts?: number } = {}): Client {
  return createClient({
    url,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: opts.retryAttempts ?? 0,
    lazy: true,
  });
}

/** Runs one operation over the socket and resolves with its single result. */
export function wsRequest<T = any>(client: Client, query: string, variables?: Record<string, unknown>): Promise<{ data?: T; errors?: unknown[] }> {
  return new Promise((resolve, reject) => {
    let result: { data?: T; errors?: unknown[] } | undefined;
    client.subscribe<T>({ query, variables }, {
      next: (r) => (result = r as never),
      error: reject,
      complete: () => resolve(result ?? {}),
    });
  });
}

/** A live subscription that records every result, with a way to wait for one that matches. */
export interface Recorder<T> {
  results: { data?: T; errors?: any[] }[];
  error: unknown;
  waitFor(pred: (data: T) => boolean, timeoutMs?: number): Promise<T>;
  stop(): void;
}

export function record<T = any>(client: Client, query: string, variables?: Record<string, unknown>): Recorder<T> {
  const rec: Recorder<T> = {
    results: [],
    error: undefined,
    async waitFor(pred, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const hit = rec.results.find((r) => r.data && pred(r.data));
        if (hit) return hit.data!;
        if (rec.error) throw rec.error;
        if (Date.now() > deadline) throw new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(rec.results).slice(0, 500)}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    stop: () => undefined,
  };
  rec.stop = client.subscribe<T>({ query, variables }, {
    next: (r) => void rec.results.push(r as never),
    error: (e) => void (rec.error = e),
    complete: () => undefined,
  });
  return rec;
}

/** The server's count of live `field` subscriptions, from GET /metrics (jiangxin_subscriptions_active). */
export async function activeSubscriptions(graphqlUrl: string, field: string): Promise<number> {
  const text = await (await fetch(graphqlUrl.replace(/\/graphql$/, '/metrics'))).text();
  const line = text.split('\n').find((l) => l.startsWith(`jiangxin_subscriptions_active{field="${field}"}`));
  return line ? Number(line.split(' ').pop()) : 0;
}

/**
 * Until the server counts exactly `n` live `field` subscriptions. The gauge moves once the subscribe
 * resolver has returned its stream, so an event published after this reaches the subscriber; a fixed
 * sleep instead raced the resolver's database checks under load (the event went out before anyone listened).
 */
export async function untilSubscriptions(graphqlUrl: string, field: string, n: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let seen = await activeSubscriptions(graphqlUrl, field); seen !== n; seen = await activeSubscriptions(graphqlUrl, field)) {
    if (Date.now() > deadline) throw new Error(`${seen} ${field} subscriptions after ${timeoutMs} ms, expected ${n}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
