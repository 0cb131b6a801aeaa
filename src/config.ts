import path from 'node:path';
import { canonicalOrigin } from './cors.js';

/** The one place that reads process.env; everything else receives a typed Config. */
export interface Config {
  port: number;
  host: string;
  /** Unset → embedded PostgreSQL under dataDir. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Unset in embedded mode → generated once and kept under dataDir (see db/secrets.ts). */
  jwtSecret: string | undefined;
  jwtTtlSeconds: number;
  /** `SESSION_MAX_HOURS`: how long after a login its tokens may be renewed; then the user logs in again. */
  sessionMaxHours: number;
  /** Lifetime of a one-time link: results CSV (createResultsDownload), score sheet and nomination form print pages (short: the URL ends up in proxy logs). */
  resultsDownloadTtlSeconds: number;
  logLevel: string;
  nodeEnv: 'development' | 'production' | 'test';
  bootstrapAdmin: { email: string; password: string } | undefined;
  /** Seconds given to in-flight requests on shutdown before sockets are cut. */
  shutdownGraceSeconds: number;
  /** Set → GET /metrics asks for `Authorization: Bearer <token>`; unset → /metrics is open. */
  metricsToken: string | undefined;
  /** `GRAPHIQL`: the IDE at GET /graphql. Unset → on unless NODE_ENV=production (see graphiqlEnabled). */
  graphiql: boolean | undefined;
  /** `CORS_ORIGINS`: the origins (`https://host[:port]`) whose pages may call the API over HTTP and WebSocket; none by default. */
  corsOrigins: string[];
  /**
   * `PUBLIC_BASE_URL`: where people reach this deployment's pages (`https://host[/path]`, no trailing
   * slash); printed on drill passes as the taker's address. Unset: slips print no address.
   */
  publicBaseUrl: string | undefined;
  /** `RESPONSE_CACHE_MB`: memory for the spectators' response cache (src/cache), in bytes; 0 turns it off. */
  responseCacheBytes: number;
  /**
   * `ANONYMOUS_EXECUTIONS`: anonymous reads the response cache could not answer that may execute at
   * once (0: no bound); more wait in line, up to `ANONYMOUS_QUEUE`, beyond which they get 503 with
   * Retry-After (src/cache/flight.ts, docs/response-cache.md).
   */
  anonymousExecutions: { concurrent: number; queue: number };
  /** Limits against hostile or runaway clients (README, "Limits"). */
  limits: Limits;
}

export interface Limits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  /** Largest computed cost of one operation (see src/limits/cost.ts). */
  maxCost: number;
  /** Cost budget per user (per client address when anonymous): a token bucket of this size… */
  costBudget: number;
  /** …refilled at this many points per second. */
  costRestorePerSecond: number;
  /** Mutations per user (per address when anonymous): a burst of this many… */
  writeBurst: number;
  /** …then this many per second. */
  writesPerSecond: number;
  maxBodyBytes: number;
  /** Reverse proxies in front of the server whose X-Forwarded-For is trusted (0: use the socket address). */
  trustProxyHops: number;
  wsInitTimeoutMs: number;
  wsMaxSubscriptionsPerConnection: number;
  wsMaxConnectionsPerAddress: number;
  wsMaxPayloadBytes: number;
  /** How often open WebSockets' users are re-checked (disabled, token revoked, roles changed). */
  wsAuthRecheckSeconds: number;
  /** A leaderboard screen gets at most one board per this many ms (always the newest); 0: every board. */
  boardMinIntervalMs: number;
}

function loadLimits(env: NodeJS.ProcessEnv): Limits {
  const n = (name: string, fallback: number, min: number, max: number) => int(name, env[name], fallback, min, max);
  return {
    maxDepth: n('QUERY_MAX_DEPTH', 12, 1, 1000),
    maxAliases: n('QUERY_MAX_ALIASES', 15, 0, 10_000),
    maxDirectives: n('QUERY_MAX_DIRECTIVES', 20, 0, 10_000),
    maxTokens: n('QUERY_MAX_TOKENS', 2000, 10, 1_000_000),
    maxCost: n('QUERY_MAX_COST', 5000, 1, 100_000_000),
    costBudget: n('COST_BUDGET', 10_000, 1, 1_000_000_000),
    costRestorePerSecond: n('COST_RESTORE_PER_SECOND', 500, 1, 1_000_000_000),
    writeBurst: n('WRITE_BURST', 50, 1, 1_000_000_000),
    writesPerSecond: n('WRITES_PER_SECOND', 20, 1, 1_000_000_000),
    maxBodyBytes: n('MAX_BODY_BYTES', 4 * 1024 * 1024, 1024, 100 * 1024 * 1024),
    trustProxyHops: n('TRUST_PROXY_HOPS', 0, 0, 10),
    wsInitTimeoutMs: n('WS_INIT_TIMEOUT_MS', 5000, 100, 600_000),
    wsMaxSubscriptionsPerConnection: n('WS_MAX_SUBSCRIPTIONS_PER_CONNECTION', 25, 1, 100_000),
    wsMaxConnectionsPerAddress: n('WS_MAX_CONNECTIONS_PER_ADDRESS', 100, 1, 1_000_000),
    wsMaxPayloadBytes: n('WS_MAX_PAYLOAD_BYTES', 64 * 1024, 1024, 100 * 1024 * 1024),
    wsAuthRecheckSeconds: n('WS_AUTH_RECHECK_SECONDS', 60, 1, 86_400),
    boardMinIntervalMs: n('LIVE_BOARD_MIN_INTERVAL_MS', 200, 0, 60_000),
  };
}

export class ConfigError extends Error {}

function int(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return n;
}

function bool(name: string, raw: string | undefined): boolean | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

/** CORS_ORIGINS: comma-separated origins, each exactly `scheme://host[:port]` (no path, no `*`). */
function origins(raw: string | undefined): string[] {
  const list = (raw ?? '').split(',').map((o) => o.trim()).filter((o) => o !== '');
  return [...new Set(list.map((o) => {
    const origin = canonicalOrigin(o);
    // "*" would let every site's pages act with a user's token once they have one: name the origins.
    if (!origin) throw new ConfigError(`CORS_ORIGINS must list origins like https://app.example.com (scheme, host, optional port; no path, no *), got "${o}"`);
    return origin;
  }))];
}

/** PUBLIC_BASE_URL: an absolute http(s) URL without credentials, query or fragment; kept without its trailing slash. */
function baseUrl(raw: string | undefined): string | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  let url: URL | undefined;
  try {
    url = new URL(raw.trim());
  } catch {
    url = undefined;
  }
  // A query or fragment would end up before the path appended to it; credentials would be printed on paper.
  if (!url || !['http:', 'https:'].includes(url.protocol) || url.username || url.password || url.search || url.hash || raw.includes('?') || raw.includes('#')) {
    throw new ConfigError(`PUBLIC_BASE_URL must be an http(s) address like https://jiangxin.example.cn (optionally a path; no query, no credentials), got "${raw}"`);
  }
  return url.href.replace(/\/+$/, '');
}

/** The GraphQL IDE is served in development (and tests); in production only when GRAPHIQL=true. */
export function graphiqlEnabled(config: Pick<Config, 'graphiql' | 'nodeEnv'>): boolean {
  return config.graphiql ?? config.nodeEnv !== 'production';
}

/** Introspection is off in production, unless the IDE was asked for there: it cannot work without. */
export function introspectionEnabled(config: Pick<Config, 'graphiql' | 'nodeEnv'>): boolean {
  return config.nodeEnv !== 'production' || graphiqlEnabled(config);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const nodeEnvRaw = env.NODE_ENV ?? 'development';
  if (!['development', 'production', 'test'].includes(nodeEnvRaw)) {
    throw new ConfigError(`NODE_ENV must be development, production or test, got "${nodeEnvRaw}"`);
  }
  const nodeEnv = nodeEnvRaw as Config['nodeEnv'];
  const jwtSecret = env.JWT_SECRET || undefined;
  if (jwtSecret !== undefined && Buffer.byteLength(jwtSecret) < 32) {
    throw new ConfigError('JWT_SECRET must be at least 32 bytes');
  }
  if (nodeEnv === 'production' && jwtSecret === undefined) {
    throw new ConfigError('JWT_SECRET is required when NODE_ENV=production');
  }
  const email = env.BOOTSTRAP_ADMIN_EMAIL || undefined;
  const password = env.BOOTSTRAP_ADMIN_PASSWORD || undefined;
  if ((email === undefined) !== (password === undefined)) {
    throw new ConfigError('BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD go together');
  }
  return {
    port: int('PORT', env.PORT, 4000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.DATA_DIR || '.data'),
    jwtSecret,
    jwtTtlSeconds: 12 * 3600,
    sessionMaxHours: int('SESSION_MAX_HOURS', env.SESSION_MAX_HOURS, 7 * 24, 1, 366 * 24),
    resultsDownloadTtlSeconds: 300,
    logLevel: env.LOG_LEVEL || (nodeEnv === 'test' ? 'silent' : 'info'),
    nodeEnv,
    bootstrapAdmin: email && password ? { email, password } : undefined,
    shutdownGraceSeconds: int('SHUTDOWN_GRACE_SECONDS', env.SHUTDOWN_GRACE_SECONDS, 10, 0, 600),
    metricsToken: env.METRICS_TOKEN || undefined,
    graphiql: bool('GRAPHIQL', env.GRAPHIQL),
    corsOrigins: origins(env.CORS_ORIGINS),
    publicBaseUrl: baseUrl(env.PUBLIC_BASE_URL),
    responseCacheBytes: int('RESPONSE_CACHE_MB', env.RESPONSE_CACHE_MB, 64, 0, 64 * 1024) * 1024 * 1024,
    anonymousExecutions: {
      concurrent: int('ANONYMOUS_EXECUTIONS', env.ANONYMOUS_EXECUTIONS, 8, 0, 10_000),
      queue: int('ANONYMOUS_QUEUE', env.ANONYMOUS_QUEUE, 1000, 0, 1_000_000),
    },
    limits: loadLimits(env),
  };
}
