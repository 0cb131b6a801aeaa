import type { IncomingMessage } from 'node:http';
import express, { type ErrorRequestHandler, type Request, type RequestHandler, type Response } from 'express';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../context.js';
import { APPLICATION_JSON, responseMediaType } from '../graphql-over-http.js';
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
function send(req: Request, res: Response, r: ReturnType<typeof refuse>): void {
  res.status(r.status).type(responseMediaType(req.headers.accept) ?? APPLICATION_JSON).json(r.body);
}

function refuse(status: number, code: string, message: string, extra: Record<string, unknown> = {}) {
  return { status, body: { errors: [{ message, extensions: { code, ...extra } }] } };
}

/**
 * Body parsing for /graphql: size capped (413 PAYLOAD_TOO_LARGE), malformed JSON a 400, and a JSON
 * array (batched operations, a way to multiply one request's work) refused with BATCHING_NOT_SUPPORTED.
 */
export function graphqlBody(maxBodyBytes: number): (RequestHandler | ErrorRequestHandler)[] {
  const bodyErrors: ErrorRequestHandler = (err, req, res, next) => {
    const type = (err as { type?: string }).type;
    const r =
      type === 'entity.too.large'
        ? refuse(413, 'PAYLOAD_TOO_LARGE', m('bodyTooLarge', { max: maxBodyBytes }), { maximumBytes: maxBodyBytes })
        : type === 'entity.parse.failed'
          ? refuse(400, 'BAD_REQUEST', m('bodyNotJson'))
          : undefined;
    if (!r) return next(err);
    send(req, res, r);
  };
  const noBatches: RequestHandler = (req, res, next) => {
    if (!Array.isArray(req.body)) return next();
    const r = refuse(400, 'BATCHING_NOT_SUPPORTED', m('noBatching'));
    send(req, res, r);
  };
  return [express.json({ limit: maxBodyBytes }), bodyErrors, noBatches];
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
