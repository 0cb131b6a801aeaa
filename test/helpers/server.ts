import type { MikroORM } from '@mikro-orm/postgresql';
import { loadConfig, type Config, type Limits } from '../../src/config';
import { createLogger } from '../../src/logger';
import { openOrm } from '../../src/db/orm';
import { createServer, type RunningServer } from '../../src/server';
import { AuthService } from '../../src/auth/auth.service';
import { Role } from '../../src/auth/role';
import { idOf } from '../../src/common/relay';
import { SWEEPER_SQL_MARK } from '../../src/drills/taking/sweeper';
import { createTestDatabase } from './database';
import { print, type DocumentNode } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';

export interface GqlResult<T = Record<string, any>> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string }; path?: string[] }[];
}

export interface TestServer {
  url: string;
  databaseUrl: string;
  wsUrl: string;
  orm: MikroORM;
  server: RunningServer;
  /**
   * One operation over HTTP. A typed document from test/generated/graphql.ts (graphql-codegen) types the
   * variables and the result; a string gives `any`. `locale` is sent as Accept-Language (none: Chinese).
   */
  gql<R, V>(document: TypedDocumentNode<R, V>, variables?: V, token?: string | null, opts?: { locale?: string }): Promise<GqlResult<R>>;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string | null, opts?: { locale?: string }): Promise<GqlResult<T>>;
  /** A user with these roles, made through the service, and their token. */
  user(roles: Role[], opts?: { email?: string; workerId?: string }): Promise<{ id: string; globalId: string; token: string; email: string }>;
  /** SQL statements the server issued while `fn` ran. */
  countStatements(fn: () => Promise<unknown>): Promise<number>;
  close(): Promise<void>;
}
export const TEST_JWT_SECRET = 'test-secret-that-is-at-least-32-bytes-long!';
let userSeq = 0;

/**
 * Budgets, write throttles and the per-address socket cap are tested in test/hardening with their
 * own values; elsewhere they would only slow fixtures (dozens of writes a second by one organizer).
 */
export const GENEROUS_LIMITS: Partial<Limits> = {
  costBudget: 1e9, costRestorePerSecond: 1e9, writeBurst: 1e9, writesPerSecond: 1e9, wsMaxConnectionsPerAddress: 1e6,
};

export interface TestServerOptions {
  shareWith?: TestServer;
  /** Config over the test defaults (e.g. nodeEnv: 'production'). */
  config?: Partial<Config>;
  /** Limits over the defaults and GENEROUS_LIMITS. */
  limits?: Partial<Limits>;
  /** The per-client budgets' clock (default: real time); see test/hardening/throttle.test.ts. */
  now?: () => number;
}

/** A server on a fresh database, or a second instance on another server's database (`shareWith`). */
export async function startTestServer(opts: TestServerOptions = {}): Promise<TestServer> {
  const db = opts.shareWith
    ? { url: opts.shareWith.databaseUrl, drop: async () => {} }
    : await createTestDatabase();
  const log = createLogger(process.env.JX_TEST_LOG ?? 'silent');
  const base = loadConfig({ NODE_ENV: 'test' });
  const config: Config = {
    // The response cache is off unless a test turns it on (test/cache): fixtures that write the
    // database directly and tests that count statements mean the executed read.
    ...base, port: 0, host: '127.0.0.1', databaseUrl: db.url, responseCacheBytes: 0, ...opts.config,
    limits: { ...base.limits, ...GENEROUS_LIMITS, ...opts.config?.limits, ...opts.limits },
  };
  const orm = await openOrm(db.url, { log, poolMax: 10 });
  const server = await createServer(config, orm, log, TEST_JWT_SECRET, opts.now);
  let statements = 0;
  // The drill sweeper's once-a-second idle check is background work, not the request's statements.
  orm.em.getConnection().getKnex().on('query', (q: { sql?: string }) => {
    if (!q.sql?.startsWith(SWEEPER_SQL_MARK)) statements += 1;
  });

  const gql = async (query: string | DocumentNode, variables?: unknown, token?: string | null, gqlOpts?: { locale?: string }) => {
    const res = await fetch(server.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(gqlOpts?.locale ? { 'accept-language': gqlOpts.locale } : {}),
      },
      body: JSON.stringify({ query: typeof query === 'string' ? query : print(query), variables }),
    });
    return (await res.json()) as GqlResult<any>;
  };

  return {
    url: server.url,
    databaseUrl: db.url,
    wsUrl: server.wsUrl,
    orm,
    server,
    gql: gql as TestServer['gql'],
    async user(roles, opts = {}) {
      const email = opts.email ?? `user${++userSeq}-${Date.now()}@example.com`;
      const svc = new AuthService(orm.em.fork(), server.app.tokens);
      const workerId = opts.workerId ? (idOf(opts.workerId, 'Worker') ?? opts.workerId) : undefined; // a global ID or a uuid
      const u = await svc.createUser({ email, displayName: email.split('@')[0]!, password: 'password-123', roles, workerId });
      const token = await server.app.tokens.issue({ userId: u.id, tokenVersion: u.tokenVersion });
      return { id: u.id, globalId: u.globalId, token, email };
    },
    async countStatements(fn) {
      const before = statements;
      await fn();
      return statements - before;
    },
    async close() {
      await server.close();
      await orm.close(true);
      await db.drop();
    },
  };
}

/** Fails the test with the GraphQL errors when there are any; returns data. */
export function ok<T>(res: GqlResult<T>): T {
  if (res.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors)}`);
  return res.data as T;
}

export function errorCode(res: GqlResult): string | undefined {
  return res.errors?.[0]?.extensions?.code;
}

type Refusals = { userErrors: { code: string; field?: string[] | null; message: string }[] };

/** Runs a typed operation (test/operations/*.graphql) as `token`; fails loudly on GraphQL errors or userErrors. */
export async function run<R extends Record<string, unknown>, V>(t: TestServer, token: string, document: TypedDocumentNode<R, V>, variables: V): Promise<R> {
  const data = ok(await t.gql(document, variables, token));
  for (const [name, payload] of Object.entries(data)) {
    const refused = (payload as Refusals | null)?.userErrors;
    if (refused?.length) throw new Error(`${name}: ${JSON.stringify(refused)}`);
  }
  return data;
}
