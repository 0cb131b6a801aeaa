import type { App } from '../app.js';
import type { LiveEvent } from '../live/events.js';
import { topicFor } from '../live/events.js';
import type { Board } from './leaderboard.service.js';

export interface BoardMessage {
  board: Board;
}

/**
 * Turns committed events into local publications: the board is advanced once per event for this
 * instance and shared by all its subscribers, who each get a view for their role.
 */
export function competitionEventHandler(app: App) {
  return async (event: LiveEvent): Promise<void> => {
    const em = app.orm.em.fork();
    if (event.kind === 'leaderboard' || event.kind === 'status') {
      const board = await app.boards.advance(em, event.competitionId, event.version, event.kind === 'leaderboard' ? event.entryId : null);
      if (board) app.pubSub.publish(topicFor('leaderboard', event.competitionId), { board } satisfies BoardMessage);
    }
    if (event.kind === 'score' || event.kind === 'status') app.pubSub.publish(topicFor(event.kind, event.competitionId), event);
  };
}

/** After the LISTEN connection was lost: rebuild every board this instance serves and publish it. */
export function competitionResync(app: App) {
  return async (): Promise<void> => {
    for (const competitionId of app.boards.competitionIds()) {
      const board = await app.boards.rebuild(app.orm.em.fork(), competitionId);
      if (board) app.pubSub.publish(topicFor('leaderboard', competitionId), { board } satisfies BoardMessage);
    }
  };
}
