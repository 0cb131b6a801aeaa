import type { IncomingMessage } from 'node:http';
import type { WebSocket, WebSocketServer } from 'ws';
import { getOperationAST, GraphQLError, validate, type ExecutionArgs, type GraphQLSchema } from 'graphql';
import type { Context as WsContext, SubscribePayload } from 'graphql-ws';
import type { Viewer } from '../context.js';
import type { Logger } from '../logger.js';
import { LimitError, parseLimited, withoutHttp } from './errors.js';
import { budgetKey, type RequestGuard } from './guard.js';
import { clientAddress } from './http.js';
import { nulRefusal } from '../common/nul-guard.js';
import { rememberHandshakeLocale, type SocketAuthWatch } from './ws-auth.js';
import { commonMessage } from '../common/messages.js';
import { withLocale, DEFAULT_LOCALE, type Locale } from '../common/i18n.js';
import { m } from './messages.js';
import { m as authMessage } from '../auth/messages.js';
import { socketLocale } from '../locale.js';

export type WsExtra = { socket: WebSocket; request: IncomingMessage; viewer?: Viewer | null; tokenVersion?: number; sessionStart?: number; locale?: Locale };

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
    const locale = socketLocale(undefined, req.headers['accept-language']);
    rememberHandshakeLocale(socket, locale);
    const address = clientAddress(req, trustProxyHops);
    const n = (open.get(address) ?? 0) + 1;
    open.set(address, n);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
    if (n > max) socket.close(CLOSE_TOO_MANY_CONNECTIONS, withLocale(locale, () => m('tooManyConnections', { max })));
  });
}

/**
 * graphql-ws `onSubscribe`: the same parsing, validation and admission as HTTP, plus a cap on
 * operations per connection. Subscriptions are not charged to the cost budget (they are capped
 * per connection and per address instead); queries and mutations over the socket are. Every
 * operation of a logged-in socket first re-checks its user (`auth`): one that may no longer be
 * served is refused and its socket closed.
 */
export function guardedOnSubscribe(guard: RequestGuard, schema: GraphQLSchema, auth?: SocketAuthWatch) {
  const max = guard.limits.wsMaxSubscriptionsPerConnection;
  // Refusals are written in the socket's language (set by onConnect).
  return (ctx: WsContext<Record<string, unknown>, WsExtra>, id: string, payload: SubscribePayload) =>
    withLocale(ctx.extra.locale ?? DEFAULT_LOCALE, () => check(ctx, id, payload));
  async function check(ctx: WsContext<Record<string, unknown>, WsExtra>, _id: string, payload: SubscribePayload): Promise<ExecutionArgs | readonly GraphQLError[]> {
    // graphql-ws has already registered this operation in ctx.subscriptions.
    if (Object.keys(ctx.subscriptions).length > max) {
      return [withoutHttp(new LimitError('TOO_MANY_SUBSCRIPTIONS', m('tooManyOperations', { max }), { maximum: max }))];
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
    if (!operation) return [new GraphQLError(m('unknownOperation'), { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })];
    if (auth && ctx.extra.viewer) {
      let viewer;
      try {
        // Writes read the user's state from the database: a mark must never pass on a stale cache.
        viewer = await auth.check(ctx.extra.socket, operation.operation === 'mutation', ctx.extra.locale);
      } catch {
        return [new GraphQLError(commonMessage('databaseUnavailable'), { extensions: { code: 'SERVICE_UNAVAILABLE' } })];
      }
      // Refused: the socket is being closed with 4401 and the reason, which is what the client sees.
      if (viewer === null) return [new GraphQLError(authMessage('noLongerServed'), { extensions: { code: 'UNAUTHENTICATED' } })];
      if (viewer) ctx.extra.viewer = viewer; // current roles and worker for this operation
    }
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
  }
}
