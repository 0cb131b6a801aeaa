import { UserErrorCode, type UserErrorInit } from '../common/errors.js';
import { SkillLevelChangeKind, SKILL_LEVEL_ORDER, skillRank, type SkillLevel } from './enums.js';

/** The kinds that need a note saying why: anything but an ordinary step. */
export const EXCEPTIONAL_KINDS: readonly SkillLevelChangeKind[] = [
  SkillLevelChangeKind.CORRECTION, SkillLevelChangeKind.REVOCATION, SkillLevelChangeKind.ANNULMENT,
];

/**
 * What recordSkillLevelChange allows (pure, so the rules are tested one by one):
 * - a worker without a level gets one with INITIAL (any level);
 * - PROMOTION goes exactly one level up;
 * - CORRECTION moves any number of levels either way, REVOCATION and ANNULMENT move down; all three need a note;
 * - COMPETITION is written by finalizeCompetition only; the same level again is no change.
 * Returns the problems, each naming its input field; none means the change may be recorded.
 */
export function skillChangeProblems(from: SkillLevel | null, to: SkillLevel, kind: SkillLevelChangeKind, note: string | null): UserErrorInit[] {
  const fail = (field: string, message: string, code = UserErrorCode.INVALID_INPUT): UserErrorInit[] => [{ code, message, field: ['input', field] }];
  if (from === to) return fail('to', `The worker is already at ${to}`, UserErrorCode.INVALID_STATE);
  if (kind === SkillLevelChangeKind.COMPETITION) return fail('kind', 'COMPETITION promotions are written by finalizeCompetition');
  if (from === null) {
    return kind === SkillLevelChangeKind.INITIAL ? [] : fail('kind', 'The worker has no level yet: record the first one with kind INITIAL', UserErrorCode.INVALID_STATE);
  }
  if (kind === SkillLevelChangeKind.INITIAL) return fail('kind', `The worker already has a level (${from}); INITIAL is for a worker without one`, UserErrorCode.INVALID_STATE);
  const step = skillRank(to) - skillRank(from);
  if (kind === SkillLevelChangeKind.PROMOTION) {
    if (step === 1) return [];
    const next = SKILL_LEVEL_ORDER[skillRank(from) + 1];
    return fail('to', `An ordinary promotion goes one level up${next ? ` (${from} → ${next})` : ''}; a bigger step up or any step down needs kind CORRECTION, REVOCATION or ANNULMENT and a note`, UserErrorCode.INVALID_STATE);
  }
  const problems: UserErrorInit[] = [];
  if (kind !== SkillLevelChangeKind.CORRECTION && step > 0) problems.push(...fail('kind', `${kind} lowers a level; a wrongly recorded level is put right with CORRECTION`));
  if (!note) problems.push(...fail('note', `A ${kind} needs a note saying why`));
  return problems;
}
