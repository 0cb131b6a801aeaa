import { UserErrorCode } from '../common/errors.js';
import { labelOf } from '../common/enum-labels.js';
import { m } from './messages.js';
import { GateVerdict as V, ProjectStage as S } from './enums.js';

/**
 * The stage gates as data: each open stage, the stage a PASS leads to and what must be true first.
 * Pure (no database), so the whole machine is unit-tested on its own; the service gathers the facts
 * under a lock and applies `decideGate`.
 */
export type GateRequirement = 'PARTNER' | 'COMPLETED_MILESTONE' | 'FUNDING';

/** What the service counts before a gate decision. */
export interface GateFacts {
  partners: number;
  completedMilestones: number;
  fundingRecords: number;
}

type OpenStage = S.IDEA | S.INCUBATING | S.PILOT;

/** `needs` names the message saying what the gate needs (in the reader's language). */
export const GATES = {
  [S.IDEA]: { next: S.INCUBATING, requirement: 'PARTNER', needs: 'needsPartner' },
  [S.INCUBATING]: { next: S.PILOT, requirement: 'COMPLETED_MILESTONE', needs: 'needsMilestone' },
  [S.PILOT]: { next: S.GRADUATED, requirement: 'FUNDING', needs: 'needsFunding' },
} as const satisfies Record<OpenStage, { next: S; requirement: GateRequirement; needs: string }>;

const stageLabel = (stage: S) => labelOf('ProjectStage', stage);

export const FINAL_STAGES: readonly S[] = [S.GRADUATED, S.TERMINATED];

export function isFinal(stage: S): boolean {
  return FINAL_STAGES.includes(stage);
}

function met(requirement: GateRequirement, facts: GateFacts): boolean {
  switch (requirement) {
    case 'PARTNER':
      return facts.partners > 0;
    case 'COMPLETED_MILESTONE':
      return facts.completedMilestones > 0;
    case 'FUNDING':
      return facts.fundingRecords > 0;
  }
}

export type GateOutcome =
  | { ok: true; to: S }
  | { ok: false; code: UserErrorCode; message: string; field: string[] };

const FIELD = ['input', 'gateDecision', 'decision'];

/**
 * Where a decision takes a project in `stage`: PASS to the next stage when the gate's requirement
 * is met, HOLD stays (and is recorded), KILL terminates and needs a reason. Final stages take none.
 */
export function decideGate(stage: S, verdict: V, facts: GateFacts, comment: string | null): GateOutcome {
  if (isFinal(stage)) {
    return { ok: false, code: UserErrorCode.INVALID_STATE, message: m('gateFinal', { stage: stageLabel(stage) }), field: ['input', 'projectId'] };
  }
  const gate = GATES[stage as OpenStage];
  switch (verdict) {
    case V.HOLD:
      return { ok: true, to: stage };
    case V.KILL:
      if (!comment) {
        return { ok: false, code: UserErrorCode.INVALID_INPUT, message: m('killNeedsReason'), field: ['input', 'gateDecision', 'comment'] };
      }
      return { ok: true, to: S.TERMINATED };
    case V.PASS:
      if (!met(gate.requirement, facts)) {
        return { ok: false, code: UserErrorCode.NOT_ELIGIBLE, message: m('gateNeeds', { stage: stageLabel(stage), needs: m(gate.needs) }), field: FIELD };
      }
      return { ok: true, to: gate.next };
  }
}

/** What the next PASS needs, for clients to show (in the reader's language); null once final. */
export function nextGateNeeds(stage: S): string | null {
  if (isFinal(stage)) return null;
  const gate = GATES[stage as OpenStage];
  return m('nextGate', { next: stageLabel(gate.next), needs: m(gate.needs) });
}
