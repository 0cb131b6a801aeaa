import { DomainError } from '../../src/common/errors';
import { completedEntry, correctionAfterPanel, seesMark, seesPanelMarks, type MarkSight } from '../../src/competitions/judging/independent-marking';

// Stage A: one MEASUREMENT criterion; stage B: two JUDGEMENT criteria.
const criteria = [
  { id: 'm', stageId: 'A', kind: 'MEASUREMENT' },
  { id: 'j1', stageId: 'B', kind: 'JUDGEMENT' },
  { id: 'j2', stageId: 'B', kind: 'JUDGEMENT' },
];

describe('completedEntry', () => {
  it('needs the judge’s own mark on every JUDGEMENT criterion of their stages, and the measurement by anyone', () => {
    const own = [{ criterionId: 'j1', slot: 'me' }, { criterionId: 'j2', slot: 'me' }];
    expect(completedEntry(criteria, ['A', 'B'], own, 'me')).toBe(false);
    expect(completedEntry(criteria, ['A', 'B'], [...own, { criterionId: 'm', slot: 'M' }], 'me')).toBe(true);
    expect(completedEntry(criteria, ['B'], own, 'me')).toBe(true); // stage A is not theirs
    // A colleague's marks do not count as the judge's.
    expect(completedEntry(criteria, ['B'], [{ criterionId: 'j1', slot: 'me' }, { criterionId: 'j2', slot: 'other' }], 'me')).toBe(false);
    expect(completedEntry(criteria, [], [], 'me')).toBe(true); // nothing to mark, nothing to wait for
  });
});

describe('correctionAfterPanel', () => {
  const complete = [{ criterionId: 'j1', slot: 'me' }, { criterionId: 'j2', slot: 'me' }];
  it('lets a judge correct before completing, refuses after (APPROVAL_REQUIRED), and flags the chief judge’s own', () => {
    expect(correctionAfterPanel(criteria, { chief: false, stageIds: ['B'] }, complete.slice(0, 1), 'me')).toBe(false);
    let refused: unknown;
    try { correctionAfterPanel(criteria, { chief: false, stageIds: ['B'] }, complete, 'me'); } catch (err) { refused = err; }
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).errors[0]!.code).toBe('APPROVAL_REQUIRED');
    expect((refused as DomainError).message).toMatch(/修改需裁判长批准/);
    expect(correctionAfterPanel(criteria, { chief: true, stageIds: ['B'] }, [], 'me')).toBe(true);
  });
});

describe('seesMark', () => {
  const judge = (over: Partial<MarkSight> = {}): MarkSight => ({ all: false, viewerId: 'me', stageIds: new Set(['B', 'A']), closedStageIds: new Set(), completed: new Set(), ...over });
  const colleague = { entryId: 'e', stageId: 'B', kind: 'JUDGEMENT', judgeId: 'other' };
  it('shows a judge their own marks and the measurement; a colleague’s only once completed or closed', () => {
    expect(seesMark(judge(), { ...colleague, judgeId: 'me' })).toBe(true);
    expect(seesMark(judge(), { ...colleague, stageId: 'A', kind: 'MEASUREMENT' })).toBe(true);
    expect(seesMark(judge(), colleague)).toBe(false);
    expect(seesMark(judge({ completed: new Set(['e']) }), colleague)).toBe(true);
    expect(seesMark(judge({ completed: new Set(['f']) }), colleague)).toBe(false);
    expect(seesMark(judge({ closedStageIds: new Set(['B']) }), colleague)).toBe(true);
    expect(seesPanelMarks(judge({ closedStageIds: new Set(['A']) }), 'e', 'B')).toBe(false);
  });
  it('shows nothing of a stage the judge does not judge, and everything to the jury', () => {
    expect(seesMark(judge({ stageIds: new Set(['A']) }), { ...colleague, judgeId: 'me' })).toBe(false);
    expect(seesMark({ all: true, viewerId: 'o', stageIds: new Set(), closedStageIds: new Set(), completed: new Set() }, colleague)).toBe(true);
  });
});
