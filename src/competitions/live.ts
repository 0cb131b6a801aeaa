import type { App } from '../app.js';
import type { LiveEvent } from '../live/events.js';
import { topicFor } from '../live/events.js';
import type { Board } from './leaderboard.service.js';

export interface BoardMessage {
  board: Board;
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
    if (board) app.boardFeed.publish(competitionId, { board } satisfies BoardMessage);
    for (const event of events) {
      if (event.kind === 'score' || event.kind === 'status') app.pubSub.publish(topicFor(event.kind, competitionId), event);
    }
  };
}

/** After the LISTEN connection was lost: rebuild every board this instance serves and publish it. */
export function competitionResync(app: App) {
  return async (): Promise<void> => {
    for (const competitionId of app.boards.competitionIds()) {
      const board = await app.boards.rebuild(app.orm.em.fork(), competitionId);
      if (board) app.boardFeed.publish(competitionId, { board } satisfies BoardMessage);
    }
  };
}
