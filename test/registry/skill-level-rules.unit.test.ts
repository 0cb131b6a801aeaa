import { SkillLevel, SkillLevelChangeKind as K } from '../../src/registry/enums';
import { skillChangeProblems } from '../../src/registry/skill-level-rules';

const { JUNIOR, INTERMEDIATE, SENIOR, TECHNICIAN, SENIOR_TECHNICIAN } = SkillLevel;
const fields = (from: SkillLevel | null, to: SkillLevel, kind: K, note: string | null = null) =>
  skillChangeProblems(from, to, kind, note).map((p) => p.field!.join('.'));

describe('skillChangeProblems', () => {
  it.each([
    [null, SENIOR, K.INITIAL, null, []],
    [null, SENIOR, K.PROMOTION, null, ['input.kind']],
    [JUNIOR, INTERMEDIATE, K.PROMOTION, null, []],
    [TECHNICIAN, SENIOR_TECHNICIAN, K.PROMOTION, null, []],
    [JUNIOR, SENIOR, K.PROMOTION, null, ['input.to']],
    [SENIOR, INTERMEDIATE, K.PROMOTION, null, ['input.to']],
    [SENIOR, SENIOR, K.CORRECTION, 'n', ['input.to']],
    [JUNIOR, SENIOR_TECHNICIAN, K.CORRECTION, 'n', []],
    [SENIOR, JUNIOR, K.CORRECTION, 'n', []],
    [SENIOR, JUNIOR, K.CORRECTION, null, ['input.note']],
    [SENIOR, INTERMEDIATE, K.REVOCATION, 'n', []],
    [SENIOR, INTERMEDIATE, K.ANNULMENT, 'n', []],
    [SENIOR, TECHNICIAN, K.ANNULMENT, null, ['input.kind', 'input.note']],
    [SENIOR, TECHNICIAN, K.COMPETITION, null, ['input.kind']],
    [SENIOR, TECHNICIAN, K.INITIAL, null, ['input.kind']],
  ] as const)('%s → %s as %s (note %s): %j', (from, to, kind, note, expected) => {
    expect(fields(from, to, kind, note)).toEqual(expected);
  });
});
