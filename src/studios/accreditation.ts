import { labelOf } from '../common/enum-labels.js';
import { StudioAction as A, StudioStatus as S } from './enums.js';
import { labelsOf, m } from './messages.js';

/**
 * The accreditation state machine as data: action → the states it may start from and where it goes.
 * Pure, so it is unit-tested on its own; the service applies it and records every move.
 */
export const ACCREDITATION: Record<Exclude<A, A.APPLY>, { from: readonly S[]; to: S; needsComment: boolean }> = {
  [A.RESUBMIT]: { from: [S.CHANGES_REQUESTED], to: S.APPLIED, needsComment: false },
  [A.ACCREDIT]: { from: [S.APPLIED], to: S.ACCREDITED, needsComment: false },
  [A.REJECT]: { from: [S.APPLIED], to: S.REJECTED, needsComment: true },
  [A.REQUEST_CHANGES]: { from: [S.APPLIED], to: S.CHANGES_REQUESTED, needsComment: true },
  [A.RENEW]: { from: [S.ACCREDITED, S.SUSPENDED], to: S.ACCREDITED, needsComment: false },
  [A.SUSPEND]: { from: [S.ACCREDITED], to: S.SUSPENDED, needsComment: true },
  [A.REVOKE]: { from: [S.ACCREDITED, S.SUSPENDED], to: S.REVOKED, needsComment: true },
};

export type StudioMove = Exclude<A, A.APPLY>;

/** The target state, or a sentence saying why the move is illegal. */
export function nextStudioStatus(current: S, action: StudioMove): { ok: true; to: S } | { ok: false; message: string } {
  const rule = ACCREDITATION[action];
  if (rule.from.includes(current)) return { ok: true, to: rule.to };
  return {
    ok: false,
    message: m('illegalMove', { action: labelOf('StudioAction', action), status: labelOf('StudioStatus', current), from: labelsOf('StudioStatus', rule.from) }),
  };
}

/** Accreditation holds for three years; a renewal starts another three. */
export function reviewDueFrom(at: Date): Date {
  const due = new Date(at.getTime());
  due.setUTCFullYear(due.getUTCFullYear() + 3);
  return due;
}

/** States in which the manager may still edit the application. */
export const EDITABLE: readonly S[] = [S.APPLIED, S.CHANGES_REQUESTED];
/** States in which the studio works: members, reports. */
export const ACTIVE: readonly S[] = [S.APPLIED, S.CHANGES_REQUESTED, S.ACCREDITED, S.SUSPENDED];
/**
 * States that await a re-evaluation (复评) by their reviewDueAt: an accredited studio, and a suspended one
 * (re-evaluation lifts the suspension with RENEW or ends it with REVOKE). Revoked and rejected studios are
 * final, and applications were never accredited, so none of those has a review due whatever its date says.
 */
export const REVIEW_DUE: readonly S[] = [S.ACCREDITED, S.SUSPENDED];
/** Visible to everyone (public showcase). */
export const PUBLIC_STATUSES: readonly S[] = [S.ACCREDITED];
