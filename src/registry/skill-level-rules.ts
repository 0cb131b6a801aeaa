import { UserErrorCode, type UserErrorInit } from '../common/errors.js';
import { SkillLevelChangeKind, SKILL_LEVEL_ORDER, skillRank, type SkillLevel } from './enums.js';
import { labelOf } from '../common/enum-labels.js';
import { m } from './messages.js';

const level = (l: SkillLevel) => labelOf('SkillLevel', l);

/** The kinds that need a note saying why: anything but an ordinary step. */
export const EXCEPTIONAL_KINDS: readonly SkillLevelChangeKind[] = [
  SkillLevelChangeKind.CORRECTION, SkillLevelChangeKind.REVOCATION, SkillLevelChangeKind.ANNULMENT,
];

/**
 * What recordSkillLevelChange allows (pure, so the rules are tested one by one):
 * - a worker without a level gets one with INITIAL (any level);
 * - PROMOTION goes exactly one level up;
 * - CORRECTION moves any number of levels either way, REVOCATION and ANNULMENT move down; all three need a note;
 * - COMPETITION is written by finalizeCompetition only, APPRAISAL by closeAppraisalSession only; the same level again is no change.
 * Returns the problems, each naming its input field; none means the change may be recorded.
 */
export function skillChangeProblems(from: SkillLevel | null, to: SkillLevel, kind: SkillLevelChangeKind, note: string | null): UserErrorInit[] {
  const fail = (field: string, message: string, code = UserErrorCode.INVALID_INPUT): UserErrorInit[] => [{ code, message, field: ['input', field] }];
  if (from === to) return fail('to', m('alreadyAtLevel', { level: level(to) }), UserErrorCode.INVALID_STATE);
  if (kind === SkillLevelChangeKind.COMPETITION) return fail('kind', m('competitionKind'));
  if (kind === SkillLevelChangeKind.APPRAISAL) return fail('kind', m('appraisalKind'));
  if (from === null) {
    return kind === SkillLevelChangeKind.INITIAL ? [] : fail('kind', m('noLevelYet'), UserErrorCode.INVALID_STATE);
  }
  if (kind === SkillLevelChangeKind.INITIAL) return fail('kind', m('hasLevel', { level: level(from) }), UserErrorCode.INVALID_STATE);
  const step = skillRank(to) - skillRank(from);
  if (kind === SkillLevelChangeKind.PROMOTION) {
    if (step === 1) return [];
    const next = SKILL_LEVEL_ORDER[skillRank(from) + 1];
    return fail('to', next ? m('oneStepUp', { from: level(from), to: level(next) }) : m('noStepUp', { from: level(from) }), UserErrorCode.INVALID_STATE);
  }
  const problems: UserErrorInit[] = [];
  if (kind !== SkillLevelChangeKind.CORRECTION && step > 0) problems.push(...fail('kind', m('onlyLowers', { kind: labelOf('SkillLevelChangeKind', kind) })));
  if (!note) problems.push(...fail('note', m('needsNote', { kind: labelOf('SkillLevelChangeKind', kind) })));
  return problems;
}
