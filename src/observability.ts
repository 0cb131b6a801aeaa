import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError, OperationDefinitionNode } from 'graphql';
import { GraphQLError } from 'graphql';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics.js';

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

export function formatErrorFor(log: Logger, development: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && CLIENT_CODES.has(code)) return formatted;
    const original = error instanceof GraphQLError ? error.originalError : error;
    // graphql-js's own coercion errors (bad enum value, wrong type) have no original error: client faults.
    if (error instanceof GraphQLError && !original) return { ...formatted, extensions: { ...formatted.extensions, code: code ?? 'BAD_USER_INPUT' } };
    log.error({ err: original ?? error, path: formatted.path }, 'unexpected error');
    if (development) return formatted;
    return { message: 'Internal server error', path: formatted.path, locations: formatted.locations, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
