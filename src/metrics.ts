import { timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** The knex pool (tarn) under MikroORM: created on first use, so it may not exist yet. */
interface PoolStats {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
  max: number;
}

function poolOf(orm: MikroORM): PoolStats | undefined {
  const knex = orm.em.getConnection().getKnex() as unknown as { client?: { pool?: PoolStats } };
  return knex.client?.pool;
}

/**
 * Prometheus metrics of one server instance. A registry per instance rather than prom-client's
 * global one: tests run several instances in one process, and each must count only its own work.
 * Labels are bounded by the schema (root field names), never by what a client chooses to send
 * (operation names), so a client cannot grow the series without limit.
 */
export function createMetrics(orm: MikroORM) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const metrics = {
    registry,
    operations: new Counter({
      name: 'jiangxin_graphql_operations_total',
      help: 'GraphQL operations over HTTP by root fields, type and outcome (ok, user_errors, error).',
      labelNames: ['operation', 'type', 'outcome'] as const,
      registers: [registry],
    }),
    operationSeconds: new Histogram({
      name: 'jiangxin_graphql_operation_duration_seconds',
      help: 'GraphQL operation latency over HTTP, from request received to response ready.',
      labelNames: ['operation', 'type'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    wsConnections: new Gauge({
      name: 'jiangxin_websocket_connections',
      help: 'Open WebSocket connections on /graphql.',
      registers: [registry],
    }),
    subscriptions: new Gauge({
      name: 'jiangxin_subscriptions_active',
      help: 'Active GraphQL subscriptions by root field.',
      labelNames: ['field'] as const,
      registers: [registry],
    }),
    marksSubmitted: new Counter({
      name: 'jiangxin_marks_submitted_total',
      help: 'Marks (scores) written through this instance; revised = a correction of an earlier mark. Replays of an idempotent retry are not counted.',
      labelNames: ['revised'] as const,
      registers: [registry],
    }),
    liveEvents: new Counter({
      name: 'jiangxin_live_events_received_total',
      help: 'Committed live events received over LISTEN/NOTIFY (from every instance) by kind.',
      labelNames: ['kind'] as const,
      registers: [registry],
    }),
    eventsFannedOut: new Counter({
      name: 'jiangxin_subscription_events_sent_total',
      help: 'Subscription results sent to WebSocket subscribers by root field (one per subscriber per event).',
      labelNames: ['field'] as const,
      registers: [registry],
    }),
    answerBatchSaves: new Histogram({
      name: 'jiangxin_drill_answer_batch_saves',
      help: 'Drill answer saves per batch statement (save-batch.ts): how many takers one commit served.',
      buckets: [1, 2, 5, 10, 25, 50, 100, 200, 400],
      registers: [registry],
    }),
    answerSavesAlone: new Counter({
      name: 'jiangxin_drill_answer_saves_alone_total',
      help: 'Drill answer saves the batch did not store and that were saved (or refused) one by one: older seq, attempt over or taken over, row locked.',
      registers: [registry],
    }),
  };

  new Gauge({
    name: 'jiangxin_db_pool_connections',
    help: 'Database pool connections by state (used, free, pending = requests waiting for a connection, max).',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const pool = poolOf(orm);
      this.set({ state: 'used' }, pool?.numUsed() ?? 0);
      this.set({ state: 'free' }, pool?.numFree() ?? 0);
      this.set({ state: 'pending' }, pool?.numPendingAcquires() ?? 0);
      this.set({ state: 'max' }, pool?.max ?? 0);
    },
  });
  return metrics;
}

export type Metrics = ReturnType<typeof createMetrics>;

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * GET /metrics in Prometheus text format. With a token configured (METRICS_TOKEN) it asks for
 * `Authorization: Bearer <token>`; without one it is open, for a scraper on a private network or
 * behind a proxy that keeps /metrics internal (README, Operations).
 */
export function metricsHandler(metrics: Metrics, token: string | undefined) {
  return async (req: Request, res: Response): Promise<void> => {
    if (token) {
      const auth = req.headers.authorization ?? '';
      const given = auth.startsWith('Bearer ') ? auth.slice(7) : '';
      if (!sameSecret(given, token)) {
        res.setHeader('WWW-Authenticate', 'Bearer');
        res.status(401).json({ error: 'A valid metrics bearer token is required' });
        return;
      }
    }
    res.setHeader('Content-Type', metrics.registry.contentType);
    res.setHeader('Cache-Control', 'no-store');
    res.send(await metrics.registry.metrics());
  };
}
