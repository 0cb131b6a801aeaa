import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError, OperationDefinitionNode } from 'graphql';
import { GraphQLError } from 'graphql';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics.js';
import { commonMessage } from './common/messages.js';

type Outcome = 'ok' | 'user_errors' | 'error';

/** True when any top-level mutation payload in `data` carries userErrors. */
function hasUserErrors(data: unknown): boolean {
  if (!data || typeof data !== 'object') return false;
  return Object.values(data as Record<string, unknown>).some(
    (v) => !!v && typeof v === 'object' && Array.isArray((v as { userErrors?: unknown[] }).userErrors) && (v as { userErrors: unknown[] }).userErrors.length > 0,
  );
}

/** The operation's root fields (their schema names, not aliases), for metrics: a label set bounded by the schema. */
function rootFields(operation: OperationDefinitionNode | undefined): string {
  if (!operation) return '(invalid)';
  const names = [...new Set(operation.selectionSet.selections.map((s) => (s.kind === 'Field' ? s.name.value : '(fragment)')))].sort();
  return names.length > 3 ? '(several)' : names.join(',');
}

/**
 * One log line per operation (name, type, duration, outcome), and the operation counter and latency
 * histogram when metrics are given. An Apollo plugin rather than a type-graphql middleware:
 * middlewares run per field and multiply resolver time on large lists.
 * Variables are never logged: they carry passwords and tokens.
 */
export function operationLogPlugin(log: Logger, metrics?: Metrics): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse(rc) {
          const body = rc.response.body;
          const result = body.kind === 'single' ? body.singleResult : undefined;
          const errors = result?.errors ?? rc.errors;
          const outcome: Outcome = errors?.length ? 'error' : hasUserErrors(result?.data) ? 'user_errors' : 'ok';
          const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
          const type = rc.operation?.operation ?? 'unknown';
          if (metrics) {
            const operation = rootFields(rc.operation);
            metrics.operations.inc({ operation, type, outcome });
            metrics.operationSeconds.observe({ operation, type }, durationMs / 1000);
          }
          log.info(
            {
              operation: rc.operationName ?? rc.operation?.selectionSet.selections.map((s) => ('name' in s ? s.name.value : '?')).join(',') ?? null,
              type: rc.operation?.operation ?? null,
              durationMs: Math.round(durationMs * 100) / 100,
              outcome,
              ...(errors?.length ? { errorCodes: errors.map((e) => e.extensions?.code ?? 'INTERNAL_SERVER_ERROR') } : {}),
            },
            'graphql operation',
          );
        },
      };
    },
  };
}

/** Codes that are the client's business; anything else is masked outside development. */
const CLIENT_CODES = new Set([
  'UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * What a database outage shows up as: Node's socket errors, and PostgreSQL's SQLSTATE classes 08
 * (connection exception), 57P (operator intervention: shutdown, crash, starting up) and 53300 (too many
 * connections). Whole classes, not a list of codes: a list once missed one (issue 14).
 */
const SOCKET_DOWN_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNABORTED']);
// `aborted` (exactly) is tarn's rejection of a request still waiting for a connection when the pool is
// destroyed, as at shutdown: the request did nothing and may be retried elsewhere.
const DATABASE_DOWN_MESSAGE =
  /Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect|Knex: Timeout acquiring a connection|Client was closed and is not queryable|Cannot use a pool after calling end|sorry, too many clients|the database system is (starting up|shutting down|in recovery mode)|^aborted$/i;

function databaseDownCode(code: unknown): boolean {
  if (typeof code !== 'string') return false;
  return SOCKET_DOWN_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code) || /^57P0[1-5]$/.test(code) || code === '53300';
}

/**
 * True for an error that says the database cannot be reached now (not that a query was wrong). Looks
 * through the ORM's and the pool's wrappers (`cause`, `previous`, `original`) and a failed connect's
 * AggregateError (one error per address tried).
 */
export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 5) return false;
  const e = err as { code?: unknown; message?: unknown; name?: unknown; cause?: unknown; previous?: unknown; original?: unknown; errors?: unknown };
  if (databaseDownCode(e.code)) return true;
  if (e.name === 'ConnectionException') return true;
  if (typeof e.message === 'string' && DATABASE_DOWN_MESSAGE.test(e.message)) return true;
  if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return [e.cause, e.previous, e.original].some((inner) => inner !== err && isDatabaseUnavailable(inner, depth + 1));
}

function withoutStacktrace(extensions: GraphQLFormattedError['extensions']): Record<string, unknown> | undefined {
  if (!extensions || !('stacktrace' in extensions)) return extensions;
  const { stacktrace: _dropped, ...rest } = extensions;
  return rest;
}

export function formatErrorFor(log: Logger, development: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && CLIENT_CODES.has(code)) return formatted;
    const original = error instanceof GraphQLError ? error.originalError : error;
    // graphql-js's own coercion errors (bad enum value, wrong type) have no original error: client faults.
    if (error instanceof GraphQLError && !original) return { ...formatted, extensions: { ...formatted.extensions, code: code ?? 'BAD_USER_INPUT' } };
    // An outage is not a bug: the client is told to retry (with the same idempotencyKey), and nothing was done.
    if (isDatabaseUnavailable(original ?? error)) {
      log.warn({ err: String((original as Error | undefined)?.message ?? error), path: formatted.path }, 'database unavailable');
      return { message: commonMessage('databaseUnavailableRetry'), path: formatted.path, locations: formatted.locations, extensions: { code: 'SERVICE_UNAVAILABLE' } };
    }
    log.error({ err: original ?? error, path: formatted.path }, 'unexpected error');
    // Development shows the message; the stack stays in the log (it names the server's files and lines).
    if (development) return { ...formatted, extensions: withoutStacktrace(formatted.extensions) };
    return { message: commonMessage('internalError'), path: formatted.path, locations: formatted.locations, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
