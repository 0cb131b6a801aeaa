import pg from 'pg';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../logger.js';
import { LIVE_CHANNEL, type LiveEvent } from './events.js';

export type LiveHandler = (event: LiveEvent) => Promise<void>;

/**
 * Every server instance LISTENs on one dedicated connection and hands each committed event to the
 * handler, one at a time per competition (so boards advance in version order). When the connection
 * drops (database restart), it reconnects with backoff and calls `onResync`, because events sent
 * while it was away are lost to it and subscribers must get the current state.
 */
export class LiveBridge {
  private client: pg.Client | null = null;
  private stopped = false;
  private retryMs = 250;
  private readonly queues = new Map<string, Promise<void>>();
  connected = false;

  constructor(
    private readonly url: string,
    private readonly log: Logger,
    private readonly handle: LiveHandler,
    private readonly onResync: () => Promise<void>,
  ) {}

  async start(): Promise<void> {
    await this.connect(false);
  }

  private async connect(resync: boolean): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, keepAlive: true });
    client.on('notification', (msg) => this.dispatch(msg.payload));
    client.on('error', (err) => this.log.warn({ err: err.message }, 'live: LISTEN connection error'));
    client.on('end', () => {
      this.connected = false;
      if (this.client === client) this.client = null;
      if (!this.stopped) this.scheduleReconnect();
    });
    await client.connect();
    await client.query(`LISTEN ${LIVE_CHANNEL}`);
    this.client = client;
    this.connected = true;
    this.retryMs = 250;
    if (resync) {
      this.log.info('live: LISTEN connection restored; resynchronising subscribers');
      await this.onResync().catch((err) => this.log.error({ err }, 'live: resync failed'));
    }
  }

  private scheduleReconnect(): void {
    const wait = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, 5000);
    setTimeout(() => {
      if (this.stopped) return;
      this.connect(true).catch((err) => {
        this.log.warn({ err: String(err?.message ?? err) }, 'live: reconnect failed; retrying');
        this.scheduleReconnect();
      });
    }, wait).unref();
  }

  private dispatch(payload: string | undefined): void {
    let event: LiveEvent;
    try {
      event = JSON.parse(payload ?? '') as LiveEvent;
    } catch {
      this.log.warn('live: ignoring a malformed notification');
      return;
    }
    const key = event.competitionId;
    const prev = this.queues.get(key) ?? Promise.resolve();
    const next = prev
      .then(() => this.handle(event))
      .catch((err) => this.log.error({ err, event }, 'live: handler failed'))
      .finally(() => {
        if (this.queues.get(key) === next) this.queues.delete(key);
      });
    this.queues.set(key, next);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.allSettled([...this.queues.values()]);
    await this.client?.end().catch(() => undefined);
    this.client = null;
  }
}

export function databaseUrlOf(orm: MikroORM): string {
  return orm.config.get('clientUrl') as string;
}
