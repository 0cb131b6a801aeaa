import { createPubSub } from '@graphql-yoga/subscription';

/**
 * A server instance's pub/sub for its graphql-ws subscribers. Nothing publishes to it from a write:
 * writes NOTIFY (live/events.ts), and each instance's LiveBridge re-publishes here, so subscribers on
 * every instance see every committed event. One per instance (not per process), so two instances in
 * one process (as in tests) stay as separate as two processes.
 */
export function createLivePubSub() {
  return createPubSub<Record<string, [unknown]>>();
}
export type PubSub = ReturnType<typeof createLivePubSub>;

/** type-graphql wants a pubSub at build time; our subscriptions subscribe through ctx.app.pubSub instead. */
export const schemaPubSub = createLivePubSub();
