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
