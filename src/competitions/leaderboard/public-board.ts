import { weightedTotal } from '../../scoring/index.js';
import type { CompetitionStatus } from '../enums.js';
import { sealedStageIds } from '../marking/anonymity.js';
import { stageMarkingClosed } from '../setup/lifecycle.js';
import { rank, type Board, type BoardStage } from './leaderboard.service.js';

/**
 * The public board (issue 12): what everyone but the jury sees — the public, the hall's screens and
 * every judge. The jury (the competition's organizer, its chief judge, admins) sees the full board live.
 * Two rules decide which stage scores it shows, both in publicStageVisible:
 *
 * - Anonymous marking (§1): an anonymous stage's scores are held back while its marking is open
 *   (sealed: the whole column), so nobody watches which named total a mark just moved; completeness
 *   is withheld too while a stage is sealed (it would move with each anonymous mark).
 * - Independent marking: a stage score moves with each mark, so a judge who has not yet marked an
 *   entry would read the panel's level (with two judges, the colleague's mark) off the board. So an
 *   entry's score in a stage shows only once that entry's expected marks in the stage are all in, or
 *   the stage's marking is closed. Until then its cell is held back (评分中).
 *
 * What the public board ranks by: its total is Σ weight × stage score / 100 over the stages it shows
 * for that entry (a held-back stage counts 0), and its ranks, tie-breaks and standardised scores are
 * computed from those totals — never from the full board's, which would leak what is held back.
 */

/** The marks an entry has and expects in each stage: stageId → [received, expected]. */
type StageMarks = Readonly<Record<string, readonly [number, number]>>;

function closed(stage: BoardStage, status: CompetitionStatus): boolean {
  return stageMarkingClosed({ markingClosedAt: stage.markingClosedAt ? new Date(stage.markingClosedAt) : null }, status);
}

/** Whether the public sees this entry's score in this stage: the one rule of "which stage scores does the public see". */
export function publicStageVisible(stage: BoardStage, entry: { stageMarks?: StageMarks }, status: CompetitionStatus): boolean {
  if (closed(stage, status)) return true;
  if (stage.anonymous) return false;
  const [received, expected] = entry.stageMarks?.[stage.id] ?? [0, 0];
  // Nothing expected (no judge of the stage yet) is no complete stage: there is no score to show.
  return expected > 0 && received >= expected;
}

const publicBoards = new WeakMap<Board, Board>();

/**
 * The public board derived from a full board (the live one, or the snapshot taken at a freeze, which
 * then follows the rules as they stood at the freeze): held-back stages leave the rows' stage scores,
 * totals and ranks; a row keeps which ones (hiddenStageIds) and the board which whole stages are
 * sealed, so the view shows them as held back. Derived once per board, shared by every public viewer.
 */
export function publicBoard(board: Board): Board {
  let derived = publicBoards.get(board);
  if (derived) return derived;
  const sealed = sealedStageIds(board.stages, board.status);
  let anyHidden = sealed.length > 0;
  const entries = new Map([...board.entries].map(([id, e]) => {
    const shown = board.stages.filter((s) => publicStageVisible(s, e, board.status));
    if (shown.length === board.stages.length) return [id, e] as const;
    anyHidden = true;
    const stageScores = Object.fromEntries(shown.map((s) => [s.id, e.stageScores[s.id] ?? 0]));
    const hiddenStageIds = board.stages.filter((s) => !shown.includes(s)).map((s) => s.id);
    return [id, { ...e, stageScores, total: weightedTotal(shown, stageScores), hiddenStageIds }] as const;
  }));
  const tieBreakStageId = board.tieBreakStageId && sealed.includes(board.tieBreakStageId) ? null : board.tieBreakStageId;
  derived = anyHidden ? rank({ ...board, entries, tieBreakStageId, sealedStageIds: sealed, frozenBoard: null }) : board;
  publicBoards.set(board, derived);
  return derived;
}
