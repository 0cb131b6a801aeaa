import { labelOf } from '../../common/enum-labels.js';
import { CompetitionStatus as S } from '../enums.js';
import { m } from './messages.js';

/**
 * The competition lifecycle as data: mutation name → the states it may start from and where it goes.
 * Pure, so it is unit-tested on its own; services apply it and record every move.
 */
export type LifecycleAction =
  | 'openRegistration'
  | 'closeRegistration'
  | 'startCompetition'
  | 'closeScoring'
  | 'reopenScoring'
  | 'publishResults'
  | 'finalizeCompetition'
  | 'cancelCompetition';

const BEFORE_FINAL = [S.DRAFT, S.REGISTRATION_OPEN, S.REGISTRATION_CLOSED, S.IN_PROGRESS, S.SCORING_CLOSED, S.RESULTS_PUBLISHED];

export const LIFECYCLE: Record<LifecycleAction, { from: readonly S[]; to: S; needsReason: boolean }> = {
  openRegistration: { from: [S.DRAFT], to: S.REGISTRATION_OPEN, needsReason: false },
  closeRegistration: { from: [S.REGISTRATION_OPEN], to: S.REGISTRATION_CLOSED, needsReason: false },
  startCompetition: { from: [S.REGISTRATION_CLOSED], to: S.IN_PROGRESS, needsReason: false },
  closeScoring: { from: [S.IN_PROGRESS], to: S.SCORING_CLOSED, needsReason: false },
  reopenScoring: { from: [S.SCORING_CLOSED], to: S.IN_PROGRESS, needsReason: true },
  publishResults: { from: [S.SCORING_CLOSED], to: S.RESULTS_PUBLISHED, needsReason: false },
  // Results are final only after they were public (成绩公示) and appeals were heard: never straight from SCORING_CLOSED.
  finalizeCompetition: { from: [S.RESULTS_PUBLISHED], to: S.FINALIZED, needsReason: false },
  cancelCompetition: { from: BEFORE_FINAL, to: S.CANCELLED, needsReason: true },
};

/** The target state, or a sentence (in the reader's language) saying why the move is illegal. */
export function nextStatus(current: S, action: LifecycleAction): { ok: true; to: S } | { ok: false; message: string } {
  const rule = LIFECYCLE[action];
  if (rule.from.includes(current)) return { ok: true, to: rule.to };
  const label = (s: S) => labelOf('CompetitionStatus', s);
  return { ok: false, message: m('moveNotAllowed', { action: m(action), status: label(current), from: rule.from.map(label).join(m('statusSeparator')) }) };
}

/** States in which the marking scheme (stages, criteria) may still change. */
export const SCHEME_EDITABLE: readonly S[] = [S.DRAFT];
/** States in which marks may be submitted. */
export const SCORING_OPEN: readonly S[] = [S.IN_PROGRESS];

/** States after marking: every stage's marking is closed in them. */
export const MARKING_OVER: readonly S[] = [S.SCORING_CLOSED, S.RESULTS_PUBLISHED, S.FINALIZED];

/** A stage's marking is closed once closed on its own (markingClosedAt) or with the competition's scoring. */
export function stageMarkingClosed(stage: { markingClosedAt: Date | null }, status: S): boolean {
  return stage.markingClosedAt !== null || MARKING_OVER.includes(status);
}
