import type { Logger } from '../logger.js';

/**
 * A background job run every `intervalMs` on every instance (the drill sweeper, the theory-stage
 * filler): never two runs of one at once; a run that fails is logged and the next second tries again;
 * stop() waits for the run under way, so a shutdown never cuts one in half.
 */
export abstract class Ticker {
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(protected readonly log: Logger, private readonly intervalMs: number) {}

  /** One run: how many things it did (logged when not 0). */
  protected abstract runOnce(): Promise<number>;
  /** The log line of a run that did `n` things, and of a run that failed. */
  protected abstract readonly logs: { did: (n: number) => [Record<string, unknown>, string]; failed: string };

  start(): void {
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => 0);
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = this.runOnce();
    try {
      const n = await this.running;
      if (n) this.log.info(...this.logs.did(n));
    } catch (err) {
      this.log.error({ err }, this.logs.failed);
    } finally {
      this.running = undefined;
    }
  }
}
