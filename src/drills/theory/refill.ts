import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../../logger.js';
import type { Question } from '../bank/question.entity.js';
import type { DrillAttempt } from '../taking/attempt.entity.js';
import { AttemptStatus } from '../enums.js';
import { SWEEPER_SQL_MARK, SWEEP_INTERVAL_MS } from '../taking/sweeper.js';
import { bilingual } from '../../common/i18n.js';
import { fillStage } from './theory.service.js';
import { m } from './messages.js';
import { Ticker } from '../../common/ticker.js';

/*
 * After a stage was filled, a drill's results can still change: a question corrected (its attempts are
 * re-marked) or an attempt voided. The hooks below run in the transaction that changed them and only
 * flag the linked stages (refill pending, with the cause); the filler below writes the revisions through
 * the same mark path as soon as the stage is open, or the organizer's fillStageFromDrill does. So a
 * closed stage or a competition past IN_PROGRESS is never written, and the organizer sees what waits.
 */

/** Flags the filled stages matched by `where` (on stage_drill sd); the cause is appended to the pending reason. */
const FLAG_SQL = (where: string) => `update stage_drill sd set refill_pending = true, version = version + 1,
    pending_reason = left(concat_ws('; ', sd.pending_reason, ?::text), 900)
  where sd.filled_at is not null and ${where}`;

/** The correcting transaction's hook (onQuestionCorrected): stages filled from a drill whose submitted attempts hold the question. */
export async function flagRefillForQuestion(tx: EntityManager, question: Question): Promise<void> {
  await tx.execute(
    FLAG_SQL(`exists (select 1 from drill_attempt a where a.drill_id = sd.drill_id and a.status = ? and a.paper @> ?::jsonb)`),
    [bilingual(m, 'causeQuestion', { revision: question.revision }), AttemptStatus.SUBMITTED, JSON.stringify([{ questionId: question.id }])],
  );
}

/** voidDrillAttempt's hook: the stages filled from the attempt's drill. */
export async function flagRefillForVoided(tx: EntityManager, attempt: DrillAttempt, reason: string): Promise<void> {
  await tx.execute(FLAG_SQL(`sd.drill_id = ?`), [bilingual(m, 'causeVoided', { reason }), attempt.drill.id]);
}

/**
 * Stages to fill now: never filled or with a refill pending, their drill published and over (window
 * closed, no attempt under way), their competition IN_PROGRESS and the stage open, the stage still
 * one MEASUREMENT criterion. One statement, marked for the tests' statement counter.
 */
const DUE_SQL = `${SWEEPER_SQL_MARK} select sd.id from stage_drill sd
  join drill d on d.id = sd.drill_id join competition c on c.id = sd.competition_id join stage st on st.id = sd.stage_id
  where (sd.filled_at is null or sd.refill_pending) and d.status = 'PUBLISHED' and d.closes_at <= clock_timestamp()
    and c.status = 'IN_PROGRESS' and st.marking_closed_at is null
    and not exists (select 1 from drill_attempt a where a.drill_id = sd.drill_id and a.status = 'IN_PROGRESS')
    and not exists (select 1 from criterion cr where cr.stage_id = sd.stage_id and (cr.id <> sd.criterion_id or cr.kind <> 'MEASUREMENT'))
  order by sd.linked_at limit 20`;

/**
 * Fills linked stages once their drill is over, beside the deadline sweeper (started and stopped with
 * it), once a second. Why only after the window: a contest drill releases its results after it, and a
 * stage's marks are on the public board. Two instances may fill the same stage at once: each entry's
 * mark is taken under the entry's lock, so the second finds it unchanged (or the entry ABSENT) and
 * writes nothing.
 */
export class TheoryStageFiller extends Ticker {
  protected readonly logs = { did: (n: number): [Record<string, unknown>, string] => [{ stages: n }, 'competition stages filled from their drills'], failed: 'filling stages from drills failed' };

  constructor(private readonly orm: MikroORM, log: Logger, intervalMs = SWEEP_INTERVAL_MS) {
    super(log, intervalMs);
  }

  protected runOnce(): Promise<number> {
    return this.fillDue();
  }

  /** Every stage due now; how many were filled. */
  async fillDue(): Promise<number> {
    const due = await this.orm.em.getConnection().execute<{ id: string }[]>(DUE_SQL);
    for (const row of due) await fillStage(this.orm.em.fork(), row.id, false);
    return due.length;
  }
}
