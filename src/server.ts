import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { GraphQLSchema } from 'graphql';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import type { App } from './app.js';
import { createContext, type Context, type Viewer } from './context.js';
import { resolveViewer } from './auth/auth.service.js';
import { TokenService } from './auth/tokens.js';
import { buildSchema } from './schema.js';
import { BoardCache } from './competitions/leaderboard.service.js';
import { competitionEventHandler, competitionResync } from './competitions/live.js';
import { resultsCsvHandler } from './competitions/results-csv.js';
import { databaseUrlOf, LiveBridge } from './live/bridge.js';
import { createLivePubSub } from './live/pubsub.js';
import { LatestHub } from './live/latest.js';
import { sharedSubscribe } from './live/shared-subscribe.js';
import { sendRawJson } from './live/raw-json.js';
import { formatErrorFor, operationLogPlugin } from './observability.js';

export interface RunningServer {
  url: string;
  wsUrl: string;
  port: number;
  app: App;
  httpServer: http.Server;
  close(): Promise<void>;
}

let schemaOnce: Promise<GraphQLSchema> | undefined;
/** The schema is built once per process (type-graphql metadata is global). */
export function getSchema(): Promise<GraphQLSchema> {
  schemaOnce ??= buildSchema();
  return schemaOnce;
}

async function databaseReachable(orm: MikroORM, timeoutMs = 2000): Promise<boolean> {
  const probe = orm.em.getConnection().execute('select 1');
  const timeout = new Promise<false>((r) => setTimeout(() => r(false), timeoutMs).unref());
  try {
    return (await Promise.race([probe.then(() => true), timeout])) === true;
  } catch {
    return false;
  }
}

/** HTTP and WebSocket (graphql-ws) on one port and path, sharing one context factory. */
export async function createServer(config: Config, orm: MikroORM, log: Logger, jwtSecret: string): Promise<RunningServer> {
  const app: App = { config, orm, log, tokens: new TokenService(jwtSecret, config.jwtTtlSeconds), boards: new BoardCache(), pubSub: createLivePubSub(), boardFeed: new LatestHub() };
  app.live = new LiveBridge(databaseUrlOf(orm), log, competitionEventHandler(app), competitionResync(app));
  await app.live.start();
  const schema = await getSchema();
  const expressApp = express();
  expressApp.disable('x-powered-by');
  const httpServer = http.createServer(expressApp);

  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload: 64 * 1024 });
  const wsCleanup = useServer<Record<string, unknown>, { viewer?: Viewer | null }>(
    {
      schema,
      subscribe: sharedSubscribe,
      onConnect: async (ctx) => {
        const auth = ctx.connectionParams?.authorization;
        const viewer = await resolveViewer(orm.em.fork(), app.tokens, auth);
        // A token that does not verify is refused outright rather than silently treated as anonymous.
        if (auth && !viewer) return false;
        ctx.extra.viewer = viewer;
        return true;
      },
      context: (ctx) => createContext(app, ctx.extra.viewer ?? null),
    },
    wsServer,
  );
  sendRawJson(wsServer);

  const apollo = new ApolloServer<Context>({
    schema,
    introspection: config.nodeEnv !== 'production',
    // main.ts owns the signals: drain, then close the ORM, then stop the embedded database.
    stopOnTerminationSignals: false,
    formatError: formatErrorFor(log, config.nodeEnv === 'development'),
    includeStacktraceInErrorResponses: config.nodeEnv === 'development',
    plugins: [
      // We set no cache hints; left on, this default plugin wraps every field resolver (willResolveField) to compute them.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.shutdownGraceSeconds * 1000 }),
      {
        async serverWillStart() {
          return {
            async drainServer() {
              await wsCleanup.dispose();
              await app.live?.stop();
            },
          };
        },
      },
      operationLogPlugin(log),
    ],
  });
  await apollo.start();

  expressApp.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  expressApp.get('/ready', async (_req, res) => {
    const db = await databaseReachable(orm);
    res.status(db ? 200 : 503).json({ status: db ? 'ready' : 'unavailable', database: db ? 'up' : 'down' });
  });
  expressApp.get('/competitions/:id/results.csv', resultsCsvHandler(app));
  expressApp.use(
    '/graphql',
    // The largest legitimate body is a 10,000-row importWorkers (about 2.5 MB of JSON).
    express.json({ limit: '4mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const ctx = createContext(app, null);
        ctx.viewer = await resolveViewer(ctx.em, app.tokens, req.headers.authorization);
        return ctx;
      },
    }),
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}/graphql`,
    wsUrl: `ws://${host}:${port}/graphql`,
    port,
    app,
    httpServer,
    close() {
      // Apollo's drain: stop accepting, let in-flight requests finish, then close sockets and the WS server.
      closing ??= apollo.stop();
      return closing;
    },
  };
}
