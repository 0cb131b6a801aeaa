import http from 'node:http';
import { DRILL_CHANNEL, publishDrillEvent } from './drills/results/live.js';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import type { MikroORM } from '@mikro-orm/postgresql';
import { execute, type GraphQLSchema } from 'graphql';
import { introspectionEnabled, graphiqlEnabled, type Config } from './config.js';
import type { Logger } from './logger.js';
import type { App } from './app.js';
import { createContext, type Context } from './context.js';
import { authenticate, httpAuthentication, invalidToken } from './auth/authenticate.js';
import { USER_CHANNEL } from './auth/user-state.js';
import { TokenService } from './auth/tokens.js';
import { buildSchema } from './schema.js';
import { BoardCache } from './competitions/leaderboard/leaderboard.service.js';
import { competitionEventHandler, competitionResync } from './competitions/leaderboard/live.js';
import { resultsCsvHandler } from './competitions/results/results-csv.js';
import { scoreSheetHandler } from './competitions/results/score-sheet-print.js';
import { nominationFormHandler } from './honors/nomination-print.js';
import { databaseUrlOf, LiveBridge } from './live/bridge.js';
import { createLivePubSub } from './live/pubsub.js';
import { LatestHub } from './live/latest.js';
import { sharedSubscribe } from './live/shared-subscribe.js';
import { sendRawJson } from './live/raw-json.js';
import { formatErrorFor, operationLogPlugin } from './observability.js';
import { createMetrics, metricsHandler } from './metrics.js';
import { countedLiveHandler, countWebSockets, subscriptionMetrics } from './ws-metrics.js';
import { scoreboardRoutes } from './scoreboard/routes.js';
import { IDE_ASSETS_PATH, ideAssetRoutes, idePageHandler } from './ide/routes.js';
import { nulGuardPlugin } from './common/nul-guard.js';
import { graphqlOverHttpPlugin } from './graphql-over-http.js';
import { RequestGuard } from './limits/guard.js';
import { limitFormatError } from './limits/errors.js';
import { clientAddress, graphqlBody, graphqlBodyReader, limitsPlugin } from './limits/http.js';
import { graphqlPostLane, type GraphqlPostLane } from './graphql-post.js';
import { guardSockets, guardedOnSubscribe, type WsExtra } from './limits/ws.js';
import { SocketAuthWatch } from './limits/ws-auth.js';
import { corsMiddleware, websocketOriginAllowed } from './cors.js';
import { localeMiddleware, socketLocale } from './locale.js';
import { negotiateLocale, withLocale } from './common/i18n.js';
import { AppealWindowAnnouncer } from './competitions/appeals/window-announcer.js';
import { DrillTokenService, drillBearer } from './drills/taking/drill-token.js';
import { AnswerSaveBatcher } from './drills/taking/save-batch.js';
import { PaperQuestionCache } from './drills/taking/question-cache.js';
import { DrillSweeper } from './drills/taking/sweeper.js';
import { TheoryStageFiller } from './drills/theory/refill.js';
import { announceCacheFlush, RESPONSE_CACHE_CHANNEL, ResponseCache } from './cache/http.js';

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

/**
 * HTTP and WebSocket (graphql-ws) on one port and path, sharing one context factory. `now` is the
 * per-client budgets' clock: tests pass one they advance, so what the budgets admit does not depend
 * on how fast the machine is.
 */
export async function createServer(config: Config, orm: MikroORM, log: Logger, jwtSecret: string, now: () => number = Date.now): Promise<RunningServer> {
  const metrics = createMetrics(orm);
  const app: App = {
    config, orm, log, tokens: new TokenService(jwtSecret, config.jwtTtlSeconds, config.sessionMaxHours * 3600), boards: new BoardCache(), pubSub: createLivePubSub(),
    boardFeed: new LatestHub(100, config.limits.boardMinIntervalMs), metrics, drillTokens: new DrillTokenService(jwtSecret), answerSaves: new AnswerSaveBatcher(orm, log, metrics), paperQuestions: new PaperQuestionCache(),
  };
  const limits = config.limits;
  const guard = new RequestGuard(limits, config.nodeEnv === 'production', now, introspectionEnabled(config));
  // Spectators' reads (src/cache): a mark drops its competition's pages; every other live event and every mutation, here or on another instance, empties it.
  const responseCache = new ResponseCache(config.responseCacheBytes, config.anonymousExecutions, guard, limits.trustProxyHops, () => app.live?.connected ?? false,
    () => announceCacheFlush(orm), app.metrics.registry);
  const onLiveEvent = countedLiveHandler(app.metrics, competitionEventHandler(app));
  const resync = competitionResync(app);
  app.live = new LiveBridge(databaseUrlOf(orm), log, (events) => (responseCache.liveEvents(events), onLiveEvent(events)), () => (responseCache.invalidate(), resync()));
  const live = app.live;
  live.listen(RESPONSE_CACHE_CHANNEL, () => responseCache.invalidate(), async () => responseCache.invalidate());
  const authWatch = new SocketAuthWatch(orm, limits.wsAuthRecheckSeconds, log, () => live.connected);
  // A user disabled, their password or roles changed on any instance: their sockets here are re-checked at once.
  live.listen(USER_CHANNEL, (userId) => authWatch.userChanged(userId), () => authWatch.resync());
  // Drill submissions (any instance) reach this instance's drillResultsUpdated subscribers; nothing to resync: subscribers refetch on the next.
  // They empty the spectators' cache too: the sweeper's submissions (an extended attempt, after the close) change a drill's public board without a mutation.
  live.listen(DRILL_CHANNEL, (payload) => (responseCache.invalidate(), publishDrillEvent(app.pubSub, payload)), async () => responseCache.invalidate());
  await live.start();
  app.appealWindows = new AppealWindowAnnouncer(orm, log);
  await app.appealWindows.start();
  app.drillSweeper = new DrillSweeper(orm, log);
  app.drillSweeper.start();
  app.theoryFiller = new TheoryStageFiller(orm, log);
  app.theoryFiller.start();
  const schema = await getSchema();
  const expressApp = express();
  expressApp.disable('x-powered-by');
  expressApp.use(corsMiddleware(config.corsOrigins));
  expressApp.use(localeMiddleware);
  // Set once Apollo has started: authenticated GraphQL POSTs skip Express (src/graphql-post.ts).
  let lane: GraphqlPostLane | undefined;
  const httpServer = http.createServer((req, res) => {
    if (!lane?.(req, res)) expressApp(req, res);
  });

  authWatch.start();
  // ws closes a socket whose message exceeds maxPayload (close code 1009).
  const wsServer = new WebSocketServer({
    server: httpServer,
    path: '/graphql',
    maxPayload: limits.wsMaxPayloadBytes,
    // A browser page from an origin not in CORS_ORIGINS (nor this server's own) is refused at the upgrade (403).
    verifyClient: ({ req }: { req: http.IncomingMessage }, done: (ok: boolean, code?: number, message?: string) => void) =>
      websocketOriginAllowed(req, config.corsOrigins, limits.trustProxyHops) ? done(true) : done(false, 403, 'Origin not allowed'),
  });
  guardSockets(wsServer, limits.wsMaxConnectionsPerAddress, limits.trustProxyHops, log);
  const wsCleanup = useServer<Record<string, unknown>, Pick<WsExtra, 'viewer' | 'tokenVersion' | 'sessionStart' | 'locale'>>(
    {
      schema,
      subscribe: sharedSubscribe,
      // Queries and mutations over the socket run in its language, as subscriptions do in sharedSubscribe.
      execute: async (args) => {
        try {
          return await withLocale((args.contextValue as Context).locale, () => execute(args));
        } finally {
          responseCache.afterSocketExecution(args.document, args.operationName);
        }
      },
      connectionInitWaitTimeout: limits.wsInitTimeoutMs,
      onConnect: async (ctx) => {
        const auth = await authenticate(orm.em.fork(), app.tokens, ctx.connectionParams?.authorization);
        // A token that does not verify is refused outright rather than silently treated as anonymous.
        if (auth.refusal) return false;
        ctx.extra.viewer = auth.viewer;
        ctx.extra.locale = socketLocale(ctx.connectionParams, ctx.extra.request.headers['accept-language']);
        ctx.extra.tokenVersion = auth.viewer ? auth.claims.tokenVersion : undefined;
        ctx.extra.sessionStart = auth.viewer ? auth.claims.sessionStart : undefined;
        if (auth.viewer) authWatch.watch(ctx.extra.socket, auth.claims, auth.viewer);
        return true;
      },
      onSubscribe: guardedOnSubscribe(guard, schema, authWatch) as never,
      context: (ctx) => {
        const c = createContext(app, ctx.extra.viewer ?? null);
        c.tokenVersion = ctx.extra.tokenVersion;
        c.sessionStart = ctx.extra.sessionStart;
        c.locale = ctx.extra.locale ?? c.locale;
        c.clientAddress = clientAddress(ctx.extra.request, limits.trustProxyHops);
        return c;
      },
      ...subscriptionMetrics(app.metrics),
    },
    wsServer,
  );
  sendRawJson(wsServer);
  countWebSockets(wsServer, app.metrics);

  const formatError = formatErrorFor(log, config.nodeEnv === 'development');
  const apollo = new ApolloServer<Context>({
    schema,
    introspection: introspectionEnabled(config),
    // main.ts owns the signals: drain, then close the ORM, then stop the embedded database.
    stopOnTerminationSignals: false,
    validationRules: guard.validationRules,
    parseOptions: { maxTokens: limits.maxTokens },
    formatError: (formatted, error) => limitFormatError(formatted, error) ?? formatError(formatted, error),
    // Never, not even in development (npm start's default): a stack names the server's files; the log has it.
    includeStacktraceInErrorResponses: false,
    plugins: [
      nulGuardPlugin,
      // We set no cache hints; left on, this default plugin wraps every field resolver (willResolveField) to compute them.
      ApolloServerPluginCacheControlDisabled(),
      // Its landing page loads Sandbox from a CDN; a browser gets our own IDE instead (src/ide), or nothing.
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.shutdownGraceSeconds * 1000 }),
      {
        async serverWillStart() {
          return {
            async drainServer() {
              authWatch.stop();
              app.appealWindows?.stop();
              await app.drillSweeper?.stop();
              await app.theoryFiller?.stop();
              await wsCleanup.dispose();
              await app.live?.stop();
            },
          };
        },
      },
      operationLogPlugin(log, app.metrics),
      ...(guard.apolloPlugins as ApolloServerPlugin<Context>[]),
      limitsPlugin(guard),
      // Last word on each response's status and media type (GraphQL over HTTP; see the module).
      graphqlOverHttpPlugin,
      // After the two above: stores the answer as they left it.
      responseCache.plugin(),
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
  expressApp.get('/metrics', metricsHandler(app.metrics, config.metricsToken));
  if (config.nodeEnv === 'production' && !config.metricsToken) log.warn('GET /metrics is open: set METRICS_TOKEN, or keep /metrics off the public network at the proxy');
  expressApp.get('/competitions/:id/results.csv', resultsCsvHandler(app));
  expressApp.get('/competitions/:id/stages/:stageId/score-sheet', scoreSheetHandler(app));
  expressApp.get('/nominations/:id/form', nominationFormHandler(app));
  expressApp.use('/scoreboard', scoreboardRoutes(app));
  if (graphiqlEnabled(config)) {
    expressApp.use(IDE_ASSETS_PATH, ideAssetRoutes());
    expressApp.get('/graphql', idePageHandler);
    if (config.nodeEnv === 'production') log.warn('GRAPHIQL=true: the GraphQL IDE and introspection are on in production');
  }
  const body = graphqlBodyReader(limits.maxBodyBytes);
  const context = async (req: http.IncomingMessage): Promise<Context> => {
    const ctx = createContext(app, null);
    ctx.locale = negotiateLocale(req.headers['accept-language']);
    ctx.clientAddress = clientAddress(req, limits.trustProxyHops);
    // A drill token (enterDrill) makes a taker, never a viewer; one that does not verify is refused like a user's.
    const drillToken = drillBearer(req.headers.authorization, (t) => app.drillTokens.knows(t));
    if (drillToken) {
      const checked = await app.drillTokens.check(drillToken);
      if ('refusal' in checked) throw invalidToken(checked.refusal);
      ctx.drillTaker = checked.taker;
      return ctx;
    }
    // A bearer token that does not serve is UNAUTHENTICATED (401), not anonymous.
    const auth = await httpAuthentication(ctx.em, app.tokens, req.headers.authorization);
    ctx.viewer = auth?.viewer ?? null;
    ctx.tokenVersion = auth?.claims.tokenVersion;
    ctx.sessionStart = auth?.claims.sessionStart;
    ctx.responseCacheSlot = responseCache.slotOf(req);
    return ctx;
  };
  expressApp.use(
    '/graphql',
    ...graphqlBody(body),
    // Again after the body is read: the body parser's stream events run outside the first one's scope.
    localeMiddleware,
    responseCache.middleware(),
    expressMiddleware(apollo, { context: async ({ req }) => context(req) }),
  );
  lane = graphqlPostLane(apollo, config.corsOrigins, body, context);

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
