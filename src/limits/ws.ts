import type { IncomingMessage } from 'node:http';
import type { WebSocket, WebSocketServer } from 'ws';
import { decodeJwt } from 'jose';
import { getOperationAST, GraphQLError, validate, type ExecutionArgs, type GraphQLSchema } from 'graphql';
import type { Context as WsContext, SubscribePayload } from 'graphql-ws';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Viewer } from '../context.js';
import type { Logger } from '../logger.js';
import { User } from '../auth/user.entity.js';
import { LimitError, parseLimited, withoutHttp } from './errors.js';
import { budgetKey, type RequestGuard } from './guard.js';
import { clientAddress } from './http.js';
import { nulRefusal } from '../common/nul-guard.js';

export type WsExtra = { socket: WebSocket; request: IncomingMessage; viewer?: Viewer | null };

/** Close code for a socket whose user may no longer be served (graphql-ws's Unauthorized: clients do not retry it). */
export const CLOSE_UNAUTHORIZED = 4401;
/** Close code for one connection too many from an address (policy violation). */
export const CLOSE_TOO_MANY_CONNECTIONS = 1008;

/**
 * Caps open sockets per client address, and logs socket errors (an oversized message: ws closes
 * with 1009) as warnings instead of graphql-ws's console.error per hostile client. Must be
 * installed before graphql-ws's own listener.
 */
export function guardSockets(wss: WebSocketServer, max: number, trustProxyHops: number, log: Logger): void {
  const open = new Map<string, number>();
  wss.on('connection', (socket, req) => {
    // After graphql-ws's listener has run (same emit): replace its error handler with ours.
    queueMicrotask(() => {
      socket.removeAllListeners('error');
      socket.on('error', (err) => {
        // ws has already started closing the socket (1009 for an oversized message).
        log.warn({ err: { message: err.message, code: (err as { code?: string }).code } }, 'WebSocket client error; socket closed');
      });
    });
    const address = clientAddress(req, trustProxyHops);
    const n = (open.get(address) ?? 0) + 1;
    open.set(address, n);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
    if (n > max) socket.close(CLOSE_TOO_MANY_CONNECTIONS, `Too many connections from this address (at most ${max})`);
  });
}

interface Watched {
  socket: WebSocket;
  userId: string;
  tokenVersion: number;
  roles: string;
  /** Token expiry, ms since the epoch. */
  expiresAt: number;
  expiry?: NodeJS.Timeout;
}

/** setTimeout's longest delay (about 24.8 days); later expiries are caught by the periodic re-check. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Ends the sockets of users who may no longer be served: at the token's expiry, and on a periodic
 * re-check (one statement for all sockets of the instance) when the user was disabled, their
 * tokens revoked (token version bumped) or their roles changed. A subscription is authorized once,
 * when it starts; closing the socket is what ends private subscriptions (scoreSubmitted) in time.
 */
export class SocketAuthWatch {
  private readonly watched = new Set<Watched>();
  private timer?: NodeJS.Timeout;

  constructor(private readonly orm: MikroORM, private readonly everySeconds: number, private readonly log: Logger) {}

  start(): void {
    this.timer = setInterval(() => void this.recheck(), this.everySeconds * 1000);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    for (const w of this.watched) clearTimeout(w.expiry);
    this.watched.clear();
  }

  watch(socket: WebSocket, authorization: string, viewer: Viewer): void {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization.trim())?.[1];
    const claims = token ? decodeJwt(token) : {};
    const expiresAt = typeof claims.exp === 'number' ? claims.exp * 1000 : Infinity;
    const w: Watched = { socket, userId: viewer.id, tokenVersion: Number(claims.ver), roles: [...viewer.roles].sort().join(), expiresAt };
    const delay = Math.max(0, expiresAt - Date.now());
    if (delay <= MAX_TIMER_MS) {
      w.expiry = setTimeout(() => this.end(w, 'token expired'), delay);
      w.expiry.unref();
    }
    this.watched.add(w);
    socket.once('close', () => {
      clearTimeout(w.expiry);
      this.watched.delete(w);
    });
  }

  async recheck(): Promise<void> {
    if (this.watched.size === 0) return;
    const ids = [...new Set([...this.watched].map((w) => w.userId))];
    let users: User[];
    try {
      users = await this.orm.em.fork().find(User, { id: { $in: ids } }, { fields: ['id', 'disabled', 'tokenVersion', 'roles'] as never });
    } catch (err) {
      this.log.warn({ err }, 'WebSocket auth re-check failed; will retry');
      return;
    }
    const byId = new Map(users.map((u) => [u.id, u]));
    for (const w of [...this.watched]) {
      const u = byId.get(w.userId);
      if (w.expiresAt <= Date.now()) this.end(w, 'token expired');
      else if (!u || u.disabled) this.end(w, 'user disabled');
      else if (u.tokenVersion !== w.tokenVersion) this.end(w, 'token revoked');
      else if ([...u.roles].sort().join() !== w.roles) this.end(w, 'roles changed; reconnect');
    }
  }

  private end(w: Watched, reason: string): void {
    this.watched.delete(w);
    clearTimeout(w.expiry);
    w.socket.close(CLOSE_UNAUTHORIZED, `Unauthorized: ${reason}`);
  }
}

/**
 * graphql-ws `onSubscribe`: the same parsing, validation and admission as HTTP, plus a cap on
 * operations per connection. Subscriptions are not charged to the cost budget (they are capped
 * per connection and per address instead); queries and mutations over the socket are.
 */
export function guardedOnSubscribe(guard: RequestGuard, schema: GraphQLSchema) {
  const max = guard.limits.wsMaxSubscriptionsPerConnection;
  return (ctx: WsContext<Record<string, unknown>, WsExtra>, _id: string, payload: SubscribePayload): ExecutionArgs | readonly GraphQLError[] => {
    // graphql-ws has already registered this operation in ctx.subscriptions.
    if (Object.keys(ctx.subscriptions).length > max) {
      return [withoutHttp(new LimitError('TOO_MANY_SUBSCRIPTIONS', `At most ${max} operations at once on one connection`, { maximum: max }))];
    }
    let document;
    try {
      document = parseLimited(payload.query, guard.limits.maxTokens);
    } catch (err) {
      if (err instanceof LimitError) return [withoutHttp(err)];
      const e = err as GraphQLError;
      return [new GraphQLError(e.message, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
    }
    const invalid = validate(schema, document, guard.allValidationRules);
    if (invalid.length) {
      return invalid.map((e) => {
        const message = guard.production ? e.message.replace(/Did you mean ".+"\?/g, '[Suggestion hidden]').trim() : e.message;
        return new GraphQLError(message, { nodes: e.nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED', ...e.extensions } });
      });
    }
    const operation = getOperationAST(document, payload.operationName);
    if (!operation) return [new GraphQLError('Unable to identify operation', { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })];
    const variables = (payload.variables ?? undefined) as Record<string, unknown> | undefined;
    // The HTTP path refuses U+0000 in an Apollo plugin; the socket does not pass through Apollo.
    const refusal = nulRefusal(variables, document, false);
    if (refusal) return [refusal];
    try {
      const key = budgetKey(ctx.extra.viewer ?? null, clientAddress(ctx.extra.request, guard.limits.trustProxyHops));
      guard.admit(schema, document, operation, variables, key, operation.operation !== 'subscription');
    } catch (err) {
      if (err instanceof LimitError) return [withoutHttp(err)];
      throw err;
    }
    return { schema, document, operationName: payload.operationName, variableValues: variables };
  };
}
