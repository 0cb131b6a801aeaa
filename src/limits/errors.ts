import { GraphQLError, parse, type DocumentNode, type GraphQLFormattedError } from 'graphql';
import { m } from './messages.js';

/** What a client sees when a limit refuses its request: one code per limit, so it can react. */
export type LimitCode =
  | 'QUERY_TOO_DEEP'
  | 'TOO_MANY_ALIASES'
  | 'TOO_MANY_DIRECTIVES'
  | 'TOO_MANY_TOKENS'
  | 'QUERY_TOO_COSTLY'
  /** `first`/`last` over the page size: the code every resolver gave it already. */
  | 'BAD_USER_INPUT'
  | 'THROTTLED'
  | 'TOO_MANY_SUBSCRIPTIONS';

/**
 * A request refused by a limit. Apollo rewrites the code of validation errors to
 * GRAPHQL_VALIDATION_FAILED; `limitFormatError` restores ours from the original error.
 */
export class LimitError extends GraphQLError {
  constructor(code: LimitCode, message: string, extensions: Record<string, unknown> = {}, forHttp = true) {
    // A client fault: Apollo answers 400 (THROTTLED passes its own 429) rather than 500 for a plugin's error.
    super(message, { extensions: { code, ...(forHttp ? { http: { status: 400 } } : {}), ...extensions } });
    this.name = 'LimitError';
  }
}

function limitErrorOf(error: unknown): LimitError | undefined {
  if (error instanceof LimitError) return error;
  const original = error instanceof GraphQLError ? error.originalError : undefined;
  return original instanceof LimitError ? original : undefined;
}

/** graphql-js's own message when `parse(…, { maxTokens })` gives up. */
const TOKEN_LIMIT = /^Syntax Error: Document contains more tha[nt] (\d+) tokens/;

/** graphql-js parse with a token limit; going over it is TOO_MANY_TOKENS, any other syntax error stays as it is. */
export function parseLimited(source: string, maxTokens: number): DocumentNode {
  try {
    return parse(source, { maxTokens });
  } catch (err) {
    if (err instanceof GraphQLError && TOKEN_LIMIT.test(err.message)) throw tooManyTokens(maxTokens);
    throw err;
  }
}

function tooManyTokens(maxTokens: number | string): LimitError {
  return new LimitError('TOO_MANY_TOKENS', m('tooManyTokens', { max: Number(maxTokens) }), { maximum: Number(maxTokens) });
}

/** The formatted error of a limit refusal (never masked), or undefined for any other error. */
export function limitFormatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError | undefined {
  const tokens = formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED' ? TOKEN_LIMIT.exec(formatted.message) : null;
  const limit = limitErrorOf(error) ?? (tokens ? tooManyTokens(tokens[1]!) : undefined);
  if (!limit) return undefined;
  const { http: _http, ...extensions } = { ...formatted.extensions, ...limit.extensions } as Record<string, unknown>;
  return { message: limit.message, ...(formatted.locations ? { locations: formatted.locations } : {}), extensions };
}

/** The same error without Apollo's `http` extension (for graphql-ws, which sends extensions as they are). */
export function withoutHttp(err: LimitError): LimitError {
  const { http: _http, code, ...rest } = err.extensions as Record<string, unknown>;
  return new LimitError(code as LimitCode, err.message, rest, false);
}
