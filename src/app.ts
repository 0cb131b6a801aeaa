import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import type { TokenService } from './auth/tokens.js';
import type { BoardCache } from './competitions/leaderboard/leaderboard.service.js';
import type { LiveBridge } from './live/bridge.js';
import type { PubSub } from './live/pubsub.js';
import type { LatestHub } from './live/latest.js';
import type { BoardMessage } from './competitions/leaderboard/live.js';
import type { Metrics } from './metrics.js';
import type { AppealWindowAnnouncer } from './competitions/appeals/window-announcer.js';
import type { DrillTokenService } from './drills/taking/drill-token.js';
import type { DrillSweeper } from './drills/taking/sweeper.js';
import type { AnswerSaveBatcher } from './drills/taking/save-batch.js';
import type { PaperQuestionCache } from './drills/taking/question-cache.js';
import type { TheoryStageFiller } from './drills/theory/refill.js';

/** Process-wide services every request may use; built once in createServer. */
export interface App {
  config: Config;
  orm: MikroORM;
  log: Logger;
  tokens: TokenService;
  /** Leaderboards kept current by live events (per instance). */
  boards: BoardCache;
  live?: LiveBridge;
  /** This instance's subscribers; fed only by its LiveBridge. */
  pubSub: PubSub;
  /** Leaderboard screens, per competition: latest value wins, so slow screens skip, never queue. */
  boardFeed: LatestHub<BoardMessage>;
  /** This instance's Prometheus metrics (GET /metrics). */
  metrics: Metrics;
  /** Announces the close of appeal windows (per instance; once across instances). */
  appealWindows?: AppealWindowAnnouncer;
  /** Drill tokens (enterDrill): signed with the same secret as user tokens, never mistaken for one. */
  drillTokens: DrillTokenService;
  /** Drill answers saved in batches, one statement and commit for many takers (per instance). */
  answerSaves: AnswerSaveBatcher;
  /** The questions of drill papers being started, by id and version (per instance; never stale: see the class). */
  paperQuestions: PaperQuestionCache;
  /** Submits drill attempts at their deadline (per instance; SKIP LOCKED shares the work). */
  drillSweeper?: DrillSweeper;
  /** Fills competition stages linked to drills once the drill is over (per instance, beside the sweeper). */
  theoryFiller?: TheoryStageFiller;
}
