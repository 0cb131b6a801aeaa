import { getOperationAST, type ExecutionArgs } from 'graphql';
import type { WebSocketServer } from 'ws';
import type { LiveHandler } from './live/bridge.js';
import type { Metrics } from './metrics.js';

/** Open sockets on the WebSocket server, counted from the socket's own open and close. */
export function countWebSockets(wsServer: WebSocketServer, metrics: Metrics): void {
  wsServer.on('connection', (socket) => {
    metrics.wsConnections.inc();
    socket.once('close', () => metrics.wsConnections.dec());
  });
}

function rootField(args: ExecutionArgs): string {
  const field = getOperationAST(args.document, args.operationName)?.selectionSet.selections[0];
  return field?.kind === 'Field' ? field.name.value : '(unknown)';
}

/**
 * graphql-ws hooks that keep the subscription gauge and the fan-out counter. A subscription counts
 * from the moment its stream is set up until it completes, or until its socket closes (whichever
 * comes first, counted once).
 */
export function subscriptionMetrics(metrics: Metrics) {
  const live = new WeakMap<object, Map<string, string>>();
  const end = (ctx: object, id: string) => {
    const field = live.get(ctx)?.get(id);
    if (field === undefined) return;
    live.get(ctx)!.delete(id);
    metrics.subscriptions.dec({ field });
  };
  return {
    onOperation(ctx: object, id: string, _payload: unknown, args: ExecutionArgs, result: unknown) {
      if (!result || typeof (result as AsyncIterable<unknown>)[Symbol.asyncIterator] !== 'function') return;
      let byId = live.get(ctx);
      if (!byId) live.set(ctx, (byId = new Map()));
      const field = rootField(args);
      byId.set(id, field);
      metrics.subscriptions.inc({ field });
    },
    onNext(ctx: object, id: string) {
      const field = live.get(ctx)?.get(id);
      if (field !== undefined) metrics.eventsFannedOut.inc({ field });
    },
    onComplete(ctx: object, id: string) {
      end(ctx, id);
    },
    onClose(ctx: object) {
      for (const id of [...(live.get(ctx)?.keys() ?? [])]) end(ctx, id);
    },
  };
}

/** The live-event handler, counting each committed event this instance receives. */
export function countedLiveHandler(metrics: Metrics, handle: LiveHandler): LiveHandler {
  return (events) => {
    for (const event of events) metrics.liveEvents.inc({ kind: event.kind });
    return handle(events);
  };
}
