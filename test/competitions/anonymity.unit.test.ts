import fc from 'fast-check';
import { computeEntryResult, weightedTotal, type Mark, type Scheme } from '../../src/scoring/index.js';
import { CompetitionStatus } from '../../src/competitions/enums.js';
import { PUBLIC_STANDING } from '../../src/competitions/access.js';
import { hidesEntryOfMark, sealedStageIds } from '../../src/competitions/marking/anonymity.js';
import { CODE_ALPHABET, CODE_LENGTH, newMarkingCode } from '../../src/competitions/marking/marking-code.service.js';
import { completionStages } from '../../src/competitions/judging/independent-marking.js';

describe('sealedStageIds: anonymous stages whose marking is open', () => {
  const stages = [
    { id: 'paper', anonymous: true, markingClosedAt: null },
    { id: 'station', anonymous: false, markingClosedAt: null },
    { id: 'closed-paper', anonymous: true, markingClosedAt: '2026-05-10T10:00:00.000Z' }, // as a frozen snapshot's JSON has it
  ];
  it('holds back open anonymous stages while marking, none once scoring has closed', () => {
    expect(sealedStageIds(stages, CompetitionStatus.IN_PROGRESS)).toEqual(['paper']);
    expect(sealedStageIds(stages, CompetitionStatus.REGISTRATION_CLOSED)).toEqual(['paper']);
    for (const s of [CompetitionStatus.SCORING_CLOSED, CompetitionStatus.RESULTS_PUBLISHED, CompetitionStatus.FINALIZED]) expect(sealedStageIds(stages, s)).toEqual([]);
    // A snapshot from before issue 12 has no anonymity: nothing sealed.
    expect(sealedStageIds([{ id: 'old' }], CompetitionStatus.IN_PROGRESS)).toEqual([]);
  });
});

describe('hidesEntryOfMark', () => {
  const judge = { jury: false, judge: true, stageIds: ['paper'] };
  const chief = { jury: true, judge: true, stageIds: ['paper'] };
  it('hides the entry of an anonymous stage’s mark from all but the jury until FINALIZED', () => {
    expect(hidesEntryOfMark(judge, { anonymous: true }, CompetitionStatus.IN_PROGRESS)).toBe(true);
    expect(hidesEntryOfMark(judge, { anonymous: true }, CompetitionStatus.SCORING_CLOSED)).toBe(true);
    expect(hidesEntryOfMark(PUBLIC_STANDING, { anonymous: true }, CompetitionStatus.IN_PROGRESS)).toBe(true);
    expect(hidesEntryOfMark(chief, { anonymous: true }, CompetitionStatus.IN_PROGRESS)).toBe(false);
    expect(hidesEntryOfMark(judge, { anonymous: false }, CompetitionStatus.IN_PROGRESS)).toBe(false);
    expect(hidesEntryOfMark(judge, { anonymous: true }, CompetitionStatus.FINALIZED)).toBe(false);
  });
});

describe('marking codes', () => {
  it('are six characters of an alphabet without 0/O and 1/I', () => {
    expect(CODE_ALPHABET).not.toMatch(/[01OI]/);
    expect(new Set(CODE_ALPHABET).size).toBe(CODE_ALPHABET.length);
    const codes = Array.from({ length: 2000 }, newMarkingCode);
    for (const c of codes) expect(c).toMatch(new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`));
    expect(new Set(codes).size).toBeGreaterThan(1990); // random, not a sequence
    expect(new Set(codes.join(''))).toEqual(new Set(CODE_ALPHABET)); // every character in use
  });
});

describe('weightedTotal', () => {
  const scheme: Scheme = {
    aggregation: 'MEAN',
    stages: [
      { id: 'paper', weight: 33.33, criteria: [{ id: 'p', kind: 'MEASUREMENT', maxScore: 7 }] },
      { id: 'station', weight: 66.67, criteria: [{ id: 's', kind: 'JUDGEMENT', maxScore: 3 }] },
    ],
  };
  it('over every stage is the entry’s total exactly; over the visible ones, their share alone', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 700 }), fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 }), (p, s1, s2) => {
      const marks: Mark[] = [
        { entryId: 'e', criterionId: 'p', judgeId: 'M', value: p / 100 },
        { entryId: 'e', criterionId: 's', judgeId: 'j1', value: s1 / 100 },
        { entryId: 'e', criterionId: 's', judgeId: 'j2', value: s2 / 100 },
      ];
      const r = computeEntryResult(scheme, marks, { paper: 1, station: 2 });
      const scores = Object.fromEntries(r.stageScores.map((x) => [x.stageId, x.score]));
      expect(weightedTotal(scheme.stages, scores)).toBe(r.total);
      const station = scheme.stages[1]!;
      expect(weightedTotal([station], scores)).toBe(computeEntryResult(scheme, marks.slice(1), { paper: 1, station: 2 }).total);
    }));
  });
});

describe('completionStages (independent marking with anonymous stages)', () => {
  it('counts an anonymous stage on its own and the open stages together, never one with the other', () => {
    const anonymous = new Set(['paper', 'essay']);
    const judged = ['paper', 'station', 'essay', 'oral'];
    expect(completionStages('paper', judged, anonymous)).toEqual(['paper']);
    expect(completionStages('station', judged, anonymous)).toEqual(['station', 'oral']);
    expect(completionStages('station', ['station'], new Set())).toEqual(['station']);
  });
});
