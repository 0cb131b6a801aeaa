import type { App } from '../../app.js';
import type { LiveEvent } from '../../live/events.js';
import { topicFor } from '../../live/events.js';
import type { Board } from './leaderboard.service.js';

export interface BoardMessage {
  board: Board;
}

/**
 * Publishes a board unless a newer one of the competition went out already. The event handler and
 * the resync after a reconnect run side by side: a rebuild read just before a mark committed can
 * finish after the board with that mark, and screens must not step back to it.
 */
const published = new WeakMap<App, Map<string, number>>();
function publishBoard(app: App, competitionId: string, board: Board): void {
  let versions = published.get(app);
  if (!versions) published.set(app, (versions = new Map()));
  if ((versions.get(competitionId) ?? -1) > board.version) return;
  versions.set(competitionId, board.version);
  app.boardFeed.publish(competitionId, { board } satisfies BoardMessage);
}

/**
 * Turns committed events into local publications. A batch (every event of one competition that
 * arrived while the previous batch was handled) advances the board once, re-reading only the
 * entries it names, and publishes it once on the latest-value feed shared by all this instance's
 * screens; marks and status changes are published one by one to their own (private) topics.
 */
export function competitionEventHandler(app: App) {
  return async (events: LiveEvent[]): Promise<void> => {
    if (!events.length) return;
    const competitionId = events[0]!.competitionId;
    const versions: number[] = [];
    const entryIds = new Set<string>();
    let rebuild = false;
    for (const event of events) {
      versions.push(event.version);
      if (event.kind === 'status' || !event.entryId) rebuild = true;
      else entryIds.add(event.entryId);
    }
    // Nobody on this instance shows this board: it is built on first read instead.
    const watched = app.boards.has(competitionId) || app.boardFeed.subscriberCount(competitionId) > 0;
    const board = watched && (await app.boards.advance(app.orm.em.fork(), competitionId, versions, rebuild ? null : [...entryIds]));
    if (board) publishBoard(app, competitionId, board);
    for (const event of events) {
      if (event.kind === 'score' || event.kind === 'status') app.pubSub.publish(topicFor(event.kind, competitionId), event);
    }
  };
}

/**
 * After the LISTEN connection was lost: rebuild every board this instance serves or has screens on
 * (a board whose update failed during the outage is no longer cached) and publish it.
 */
export function competitionResync(app: App) {
  return async (): Promise<void> => {
    for (const competitionId of new Set([...app.boards.competitionIds(), ...app.boardFeed.topicNames()])) {
      const board = await app.boards.rebuild(app.orm.em.fork(), competitionId);
      if (board) publishBoard(app, competitionId, board);
    }
  };
}
