import type { EntityManager } from '@mikro-orm/postgresql';
import type { PubSub } from '../../live/pubsub.js';

/**
 * Drill result events: their own NOTIFY channel (the competitions' channel carries versioned board
 * events), heard by every instance's LiveBridge (server.ts) and re-published to local subscribers.
 * The payload is the drill and how many attempts were submitted: subscribers refetch the figures.
 */
export const DRILL_CHANNEL = 'jiangxin_drills';

export interface DrillResultsEvent { drillId: string; submitted: number }

export const drillResultsTopic = (drillId: string) => `drillResults:${drillId}`;

/** In the submitting transaction, so the event goes out only if the submissions commit. */
export async function announceSubmissions(tx: EntityManager, attempts: { drill: { id: string } }[]): Promise<void> {
  const perDrill = new Map<string, number>();
  for (const a of attempts) perDrill.set(a.drill.id, (perDrill.get(a.drill.id) ?? 0) + 1);
  for (const [drillId, submitted] of perDrill) {
    await tx.execute('select pg_notify(?, ?)', [DRILL_CHANNEL, JSON.stringify({ drillId, submitted } satisfies DrillResultsEvent)]);
  }
}

/** What the bridge calls with each notification on DRILL_CHANNEL. */
export function publishDrillEvent(pubSub: PubSub, payload: string): void {
  try {
    const event = JSON.parse(payload) as DrillResultsEvent;
    if (typeof event.drillId === 'string') pubSub.publish(drillResultsTopic(event.drillId), event);
  } catch {
    // A malformed notification is not ours to answer; ignore it.
  }
}
