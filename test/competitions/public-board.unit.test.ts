import { toGlobalId } from '../../src/common/relay';
import { CompetitionStatus, EntryStatus } from '../../src/competitions/enums';
import { boardFromJson, boardToJson, boardView, rank, type Board } from '../../src/competitions/leaderboard/leaderboard.service';
import { publicBoard, publicStageVisible } from '../../src/competitions/leaderboard/public-board';

const open = { id: 'T', name: '理论', weight: 30, markingClosedAt: null };
const closed = { id: 'P', name: '实操', weight: 70, markingClosedAt: '2026-05-10T08:00:00.000Z' };

describe('publicStageVisible', () => {
  it('shows an entry’s stage once its expected marks there are all in', () => {
    expect(publicStageVisible(open, { stageMarks: { T: [2, 3] } }, CompetitionStatus.IN_PROGRESS)).toBe(false);
    expect(publicStageVisible(open, { stageMarks: { T: [3, 3] } }, CompetitionStatus.IN_PROGRESS)).toBe(true);
    // Nothing expected yet (no judge of the stage) is nothing to show; nor is a row written before stage marks were kept.
    expect(publicStageVisible(open, { stageMarks: { T: [0, 0] } }, CompetitionStatus.IN_PROGRESS)).toBe(false);
    expect(publicStageVisible(open, {}, CompetitionStatus.IN_PROGRESS)).toBe(false);
  });

  it('holds an anonymous stage back while it is marked, complete or not (anonymous marking joins the same rule)', () => {
    const paper = { ...open, anonymous: true };
    expect(publicStageVisible(paper, { stageMarks: { T: [3, 3] } }, CompetitionStatus.IN_PROGRESS)).toBe(false);
    expect(publicStageVisible({ ...paper, markingClosedAt: new Date() }, { stageMarks: { T: [1, 3] } }, CompetitionStatus.IN_PROGRESS)).toBe(true);
    expect(publicStageVisible(paper, {}, CompetitionStatus.SCORING_CLOSED)).toBe(true);
  });

  it('shows every score of a stage whose marking is closed, on its own or with the competition’s scoring', () => {
    expect(publicStageVisible(closed, { stageMarks: { P: [1, 3] } }, CompetitionStatus.IN_PROGRESS)).toBe(true);
    for (const s of [CompetitionStatus.SCORING_CLOSED, CompetitionStatus.RESULTS_PUBLISHED, CompetitionStatus.FINALIZED]) {
      expect(publicStageVisible(open, {}, s)).toBe(true);
    }
  });
});

describe('publicBoard', () => {
  const entry = (id: string, theory: number, practical: number, stageMarks: Record<string, [number, number]>) => ({
    entryId: id, total: 0.3 * theory + 0.7 * practical, stageScores: { T: theory, P: practical }, ranked: true, sortKey: id,
    startNumber: 1, station: null, displayName: id, enterpriseNames: [], status: EntryStatus.ACTIVE,
    marksReceived: Object.values(stageMarks).reduce((n, [received]) => n + received, 0), stageMarks,
  });
  const full = (status: CompetitionStatus): Board => rank({
    competitionId: 'c', version: 7, updatedAt: new Date(), stages: [open, { ...closed, markingClosedAt: null }], marksExpected: 4,
    entries: new Map([
      ['a', entry('a', 50, 90, { T: [1, 1], P: [1, 3] })], // practical still being marked
      ['b', entry('b', 80, 60, { T: [1, 1], P: [3, 3] })],
      ['c', entry('c', 70, 70, { T: [1, 1], P: [3, 3] })],
    ]),
    tieBreakStageId: 'P', status, frozenAt: null, frozenBoard: null,
  });

  it('ranks by the stages shown, holds back the rest, and standardises what it shows', () => {
    const live = full(CompetitionStatus.IN_PROGRESS);
    expect(live.rows.map((r) => r.entryId)).toEqual(['a', 'c', 'b']); // 78, 70, 66
    const pub = publicBoard(live);
    expect(pub.rows.map((r) => [r.entryId, r.total, r.rank])).toEqual([['c', 70, 1], ['b', 66, 2], ['a', 15, 3]]);
    expect(publicBoard(live)).toBe(pub); // derived once per board
    const view = boardView(pub, { anonymized: false });
    const a = view.allRows.find((r) => r.entryId === toGlobalId('Entry', 'a'))!;
    expect(a.stageTotals.map((s) => s.score)).toEqual([50, null]);
    // Standardised from the totals shown (70, 66, 15), not from the full board's.
    expect(view.allRows.map((r) => r.standardisedScore)).toEqual([
      expect.closeTo(500 + 100 * (70 - 151 / 3) / Math.sqrt(((70 - 151 / 3) ** 2 + (66 - 151 / 3) ** 2 + (15 - 151 / 3) ** 2) / 3), 2),
      expect.any(Number), expect.any(Number),
    ]);
  });

  it('is the full board once scoring is closed, and follows the rule in a freeze snapshot (dates as strings)', () => {
    const done = full(CompetitionStatus.SCORING_CLOSED);
    expect(publicBoard(done)).toBe(done);
    const snapshot = boardFromJson(JSON.parse(JSON.stringify(boardToJson(full(CompetitionStatus.IN_PROGRESS)))));
    expect(publicBoard(snapshot).rows.map((r) => r.entryId)).toEqual(['c', 'b', 'a']);
  });
});
