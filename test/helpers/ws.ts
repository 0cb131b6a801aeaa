import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import { idOf } from '../../src/common/relay';
import type { TestServer } from './server';

/** A graphql-ws client as a frontend would open one, optionally with a bearer token. */
export function wsClient(url: string, token?: string | null, opts: { retryAttempts?: number; locale?: string } = {}): Client {
  return createClient({
    url,
    webSocketImpl: WebSocket,
    connectionParams: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(opts.locale ? { locale: opts.locale } : {}) },
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
    // 20 s: on a loaded CI machine a cross-instance event can take seconds; jest's 30 s still bounds it.
    async waitFor(pred, timeoutMs = 20_000) {
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

/**
 * Resolves once `server` holds `n` leaderboardUpdated subscriptions for the competition (a global
 * ID). A subscription registers asynchronously: a mark sent before it has would reach nobody, and a
 * fixed sleep was not always long enough on a loaded machine. Bounded by the test's timeout.
 */
export async function boardSubscribers(server: TestServer, competitionId: string, n: number): Promise<void> {
  const id = idOf(competitionId, 'Competition')!;
  while (server.server.app.boardFeed.subscriberCount(id) < n) await new Promise((r) => setTimeout(r, 10));
}

/**
 * Resolves once `server` counts at least `n` active subscriptions on `field` (its
 * jiangxin_subscriptions_active gauge, raised once the subscription's source is set up). For
 * subscriptions outside the board feed; only exact when no other subscription on that field is
 * open or closing. Bounded by the test's timeout.
 */
export async function subscriptionsActive(server: TestServer, field: string, n: number): Promise<void> {
  for (;;) {
    const { values } = await server.server.app.metrics.subscriptions.get();
    if ((values.find((v) => v.labels.field === field)?.value ?? 0) >= n) return;
    await new Promise((r) => setTimeout(r, 10));
  }
}
