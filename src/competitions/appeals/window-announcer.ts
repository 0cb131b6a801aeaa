import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../../logger.js';
import { CompetitionStatus } from '../enums.js';
import { announceChange, CompetitionChange } from '../leaderboard/announce.js';
import { Competition } from '../setup/competition.entity.js';
import { lockCompetition } from '../setup/competition.service.js';

/** setTimeout's longest delay (about 24.8 days); a later closing re-arms when this one fires. */
const MAX_DELAY_MS = 2 ** 31 - 1;

/**
 * Announces that an appeal window has closed: whether it is open is computed on read
 * (appealWindowOpen), but a screen showing 成绩公示中 only refetches on an event. A per-process timer
 * per published competition, armed by publishResults and, at start-up, for every published
 * competition not yet announced (so a restart, or another instance, takes over). The announcement is
 * once per competition across instances: under the competition row's lock, only the first finds
 * appealWindowClosedAnnouncedAt empty, sets it and raises the board version with a status event.
 */
export class AppealWindowAnnouncer {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private stopped = false;

  constructor(private readonly orm: MikroORM, private readonly log: Logger) {}

  /** Arms a timer for every published competition whose closing has not been announced yet. */
  async start(): Promise<void> {
    const pending = await this.orm.em.fork().find(
      Competition,
      { status: CompetitionStatus.RESULTS_PUBLISHED, appealWindowClosedAnnouncedAt: null, appealWindowClosesAt: { $ne: null } },
      { fields: ['id', 'appealWindowClosesAt'] },
    );
    for (const c of pending) this.schedule(c.id, c.appealWindowClosesAt!);
  }

  schedule(competitionId: string, closesAt: Date): void {
    if (this.stopped) return;
    clearTimeout(this.timers.get(competitionId));
    const delay = Math.min(MAX_DELAY_MS, Math.max(0, closesAt.getTime() - Date.now()));
    const timer = setTimeout(() => void this.announce(competitionId), delay);
    timer.unref();
    this.timers.set(competitionId, timer);
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private async announce(competitionId: string): Promise<void> {
    this.timers.delete(competitionId);
    if (this.stopped) return;
    try {
      await this.orm.em.fork().transactional(async (tx) => {
        const competition = await lockCompetition(tx, competitionId);
        const closesAt = competition.appealWindowClosesAt;
        if (competition.status !== CompetitionStatus.RESULTS_PUBLISHED || competition.appealWindowClosedAnnouncedAt || !closesAt) return;
        if (closesAt.getTime() > Date.now()) return this.schedule(competitionId, closesAt);
        competition.appealWindowClosedAnnouncedAt = new Date();
        await announceChange(tx, competition, CompetitionChange.APPEAL_WINDOW_CLOSED);
        await tx.flush();
      });
    } catch (err) {
      // The next start-up (of any instance) tries again; meanwhile appealWindowOpen answers correctly on read.
      this.log.warn({ err, competitionId }, 'appeals: announcing the close of an appeal window failed');
    }
  }
}
