import type { IncomingMessage, ServerResponse } from 'node:http';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../context.js';
import { APPLICATION_JSON, contentTypeOf, responseMediaType } from '../graphql-over-http.js';
import { LimitError } from './errors.js';
import { m } from './messages.js';
import { budgetKey, settle, type CostReport, type RequestGuard } from './guard.js';

/**
 * The client's address: the socket's peer, or with `hops` trusted reverse proxies in front, the
 * address the outermost of them saw (as Express's `trust proxy` = hops computes `req.ip`).
 */
export function clientAddress(req: IncomingMessage, hops: number): string {
  const peer = req.socket.remoteAddress ?? 'unknown';
  if (hops <= 0) return peer;
  const forwarded = String(req.headers['x-forwarded-for'] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const chain = [peer, ...forwarded.reverse()];
  return chain[Math.min(hops, chain.length - 1)]!;
}

/**
 * Sends a refusal as a GraphQL response in the media type the client accepts (GraphQL over HTTP):
 * application/graphql-response+json when it prefers it, else application/json.
 */
function send(req: IncomingMessage, res: ServerResponse, r: Refusal): void {
  res.statusCode = r.status;
  res.setHeader('Content-Type', contentTypeOf(responseMediaType(req.headers.accept) ?? APPLICATION_JSON));
  res.end(JSON.stringify(r.body));
}

interface Refusal { status: number; body: { errors: { message: string; extensions: Record<string, unknown> }[] } }

function refuse(status: number, code: string, message: string, extra: Record<string, unknown> = {}): Refusal {
  return { status, body: { errors: [{ message, extensions: { code, ...extra } }] } };
}

/**
 * Reading /graphql's body: size capped (413 PAYLOAD_TOO_LARGE), malformed JSON a 400, and a JSON array
 * (batched operations, a way to multiply one request's work) refused with BATCHING_NOT_SUPPORTED.
 * `read` is body-parser's JSON reader (plain Node request and response); `readFailed` answers the
 * reader's errors it knows and says whether it did; `batched` refuses a batch and says whether it did.
 */
export interface GraphqlBody {
  read: (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;
  readFailed: (err: unknown, req: IncomingMessage, res: ServerResponse) => boolean;
  batched: (req: IncomingMessage & { body?: unknown }, res: ServerResponse) => boolean;
}

export function graphqlBodyReader(maxBodyBytes: number): GraphqlBody {
  return {
    read: express.json({ limit: maxBodyBytes }) as unknown as GraphqlBody['read'],
    readFailed(err, req, res) {
      const type = (err as { type?: string }).type;
      const r =
        type === 'entity.too.large'
          ? refuse(413, 'PAYLOAD_TOO_LARGE', m('bodyTooLarge', { max: maxBodyBytes }), { maximumBytes: maxBodyBytes })
          : type === 'entity.parse.failed'
            ? refuse(400, 'BAD_REQUEST', m('bodyNotJson'))
            : undefined;
      if (r) send(req, res, r);
      return r !== undefined;
    },
    batched(req, res) {
      if (!Array.isArray(req.body)) return false;
      send(req, res, refuse(400, 'BATCHING_NOT_SUPPORTED', m('noBatching')));
      return true;
    },
  };
}

/** graphqlBodyReader as Express middleware. */
export function graphqlBody(body: GraphqlBody): (RequestHandler | ErrorRequestHandler)[] {
  const bodyErrors: ErrorRequestHandler = (err, req, res, next) => {
    if (!body.readFailed(err, req, res)) next(err);
  };
  const noBatches: RequestHandler = (req, res, next) => {
    if (!body.batched(req, res)) next();
  };
  return [body.read as RequestHandler, bodyErrors, noBatches];
}

/**
 * Apollo plugin: admits each operation through the guard once it is resolved (after validation,
 * before execution) and reports `extensions.cost` on the response, refused or not.
 */
export function limitsPlugin(guard: RequestGuard): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let cost: CostReport | undefined;
      let charged = false;
      let who = '';
      return {
        async didResolveOperation(rc) {
          const ctx = rc.contextValue;
          if (!rc.operation) return;
          who = budgetKey(ctx.viewer, ctx.clientAddress);
          try {
            cost = guard.admit(rc.schema, rc.document, rc.operation, rc.request.variables, who, true);
            charged = true;
          } catch (err) {
            if (err instanceof LimitError) cost = err.extensions.cost as CostReport | undefined;
            throw err;
          }
        },
        async willSendResponse(rc) {
          const body = rc.response.body;
          if (!cost || body.kind !== 'single') return;
          // No refund for a failed operation: an error late in a costly query (data nulled) must not make it free.
          if (charged && rc.operation && !body.singleResult.errors?.length) cost = settle(guard, cost, who, body.singleResult.data, rc.operation);
          body.singleResult.extensions = { ...body.singleResult.extensions, cost };
        },
      };
    },
  };
}
