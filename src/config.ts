import path from 'node:path';

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
  logLevel: string;
  nodeEnv: 'development' | 'production' | 'test';
  bootstrapAdmin: { email: string; password: string } | undefined;
  /** Seconds given to in-flight requests on shutdown before sockets are cut. */
  shutdownGraceSeconds: number;
  /** Set → GET /metrics asks for `Authorization: Bearer <token>`; unset → /metrics is open. */
  metricsToken: string | undefined;
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
    logLevel: env.LOG_LEVEL || (nodeEnv === 'test' ? 'silent' : 'info'),
    nodeEnv,
    bootstrapAdmin: email && password ? { email, password } : undefined,
    shutdownGraceSeconds: int('SHUTDOWN_GRACE_SECONDS', env.SHUTDOWN_GRACE_SECONDS, 10, 0, 600),
    metricsToken: env.METRICS_TOKEN || undefined,
  };
}
