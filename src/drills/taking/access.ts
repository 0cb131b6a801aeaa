import type { Context } from '../../context.js';
import { unauthenticated } from '../../common/errors.js';
import { DrillResultRelease, AttemptStatus } from '../enums.js';
import type { Drill } from '../setup/drill.entity.js';
import type { DrillAttempt } from './attempt.entity.js';
import type { DrillTaker } from './drill-token.js';
import { m } from './messages.js';

/** The request's drill taker (a drill token), or UNAUTHENTICATED: a user token or none does not serve. */
export function takerOf(ctx: Context): DrillTaker {
  if (!ctx.drillTaker) throw unauthenticated(m('needsDrillToken'));
  return ctx.drillTaker;
}

/**
 * Whether a taker may see their marks, the keys and explanations: once the attempt is over (submitted),
 * and for a drill releasing AFTER_WINDOW only once the window closed. A voided attempt shows no marks.
 */
export function resultReleased(attempt: Pick<DrillAttempt, 'status'>, drill: Pick<Drill, 'resultRelease' | 'closesAt'>, now = new Date()): boolean {
  if (attempt.status !== AttemptStatus.SUBMITTED) return false;
  return drill.resultRelease === DrillResultRelease.IMMEDIATELY || now >= drill.closesAt;
}
