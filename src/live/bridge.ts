import pg from 'pg';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../logger.js';
import { LIVE_CHANNEL, type LiveEvent } from './events.js';

/** Receives every event that arrived since its last call for one competition, in commit order. */
export type LiveHandler = (events: LiveEvent[]) => Promise<void>;

/**
 * Every server instance LISTENs on one dedicated connection and hands each committed event to the
 * handler in batches, one batch at a time per competition (so boards advance in version order, and a
 * burst of marks costs one board update, not one each). When the connection
 * drops (database restart), it reconnects with backoff and calls `onResync`, because events sent
 * while it was away are lost to it and subscribers must get the current state.
 */
export class LiveBridge {
  private client: pg.Client | null = null;
  private stopped = false;
  private retryMs = 250;
  private reconnecting = false;
  /** Per competition: events waiting, and the drain running (if any). */
  private readonly pending = new Map<string, LiveEvent[]>();
  private readonly draining = new Map<string, Promise<void>>();
  /** Other channels heard on the same connection (e.g. user changes), each with its own resync. */
  private readonly channels = new Map<string, { onNotify: (payload: string) => void; onResync: () => Promise<void> }>();
  connected = false;

  constructor(
    private readonly url: string,
    private readonly log: Logger,
    private readonly handle: LiveHandler,
    private readonly onResync: () => Promise<void>,
  ) {}

  /** Before start(): LISTEN on `channel` too, on the same connection (one per instance, whatever the channels). */
  listen(channel: string, onNotify: (payload: string) => void, onResync: () => Promise<void>): void {
    this.channels.set(channel, { onNotify, onResync });
  }

  async start(): Promise<void> {
    await this.connect(false);
  }

  /**
   * One connection attempt. Its `end` handler is attached only once LISTEN succeeded: a failed
   * attempt is retried by its caller alone (the failed client also emits `end`, and answering that
   * too started a second reconnect loop per failure, leaving several LISTEN connections behind).
   */
  private async connect(resync: boolean): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, keepAlive: true });
    client.on('notification', (msg) => {
      if (msg.channel === LIVE_CHANNEL) this.dispatch(msg.payload);
      else this.channels.get(msg.channel)?.onNotify(msg.payload ?? '');
    });
    client.on('error', (err) => this.log.warn({ err: err.message }, 'live: LISTEN connection error'));
    try {
      await client.connect();
      for (const channel of [LIVE_CHANNEL, ...this.channels.keys()]) await client.query(`LISTEN ${channel}`);
    } catch (err) {
      await client.end().catch(() => undefined);
      throw err;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    client.on('end', () => {
      if (this.client !== client) return;
      this.client = null;
      this.connected = false;
      if (!this.stopped) this.scheduleReconnect();
    });
    this.client = client;
    this.connected = true;
    this.reconnecting = false; // before the resync: a drop during it must schedule the next attempt
    this.retryMs = 250;
    if (resync) {
      this.log.info('live: LISTEN connection restored; resynchronising subscribers');
      const resyncs = [this.onResync, ...[...this.channels.values()].map((c) => c.onResync)];
      await Promise.all(resyncs.map((r) => r().catch((err) => this.log.error({ err }, 'live: resync failed'))));
    }
  }

  /** At most one reconnect pending at a time. */
  private scheduleReconnect(): void {
    if (this.reconnecting || this.stopped) return;
    this.reconnecting = true;
    const wait = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, 5000);
    setTimeout(() => {
      if (this.stopped) return;
      this.connect(true).catch((err) => {
        this.reconnecting = false;
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
    const waiting = this.pending.get(key);
    if (waiting) {
      waiting.push(event);
      return;
    }
    this.pending.set(key, [event]);
    if (!this.draining.has(key)) this.draining.set(key, this.drain(key));
  }

  private async drain(key: string): Promise<void> {
    // Let the notifications already in the socket buffer join this batch.
    await new Promise<void>((r) => setImmediate(r));
    for (let batch = this.pending.get(key); batch; batch = this.pending.get(key)) {
      this.pending.delete(key);
      try {
        await this.handle(batch);
      } catch (err) {
        this.log.error({ err, events: batch.length }, 'live: handler failed');
      }
    }
    this.draining.delete(key);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.allSettled([...this.draining.values()]);
    await this.client?.end().catch(() => undefined);
    this.client = null;
  }
}

export function databaseUrlOf(orm: MikroORM): string {
  return orm.config.get('clientUrl') as string;
}
