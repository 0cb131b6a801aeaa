import type { EntityManager } from '@mikro-orm/postgresql';
import { rankRows, withStandardisedScores, type RankInput } from '../../scoring/index.js';
import { toGlobalId } from '../../common/relay.js';
import { Competition } from '../setup/competition.entity.js';
import { Entry } from '../entries/entry.entity.js';
import { EntryMember } from '../entries/entry-member.entity.js';
import { EntryResult, type StageMarksRecord } from '../judging/entry-result.entity.js';
import { AbsentRanking, CompetitionStatus, EntryStatus } from '../enums.js';
import { loadScheme, type LoadedScheme } from '../setup/scheme.js';
import type { Leaderboard, LeaderboardRow } from './leaderboard.types.js';
import { concurrently } from '../../common/concurrently.js';

/** One entry as the board shows it, before ranking. */
interface BoardEntry extends RankInput {
  startNumber: number | null;
  station: string | null;
  displayName: string | null;
  enterpriseNames: string[];
  status: EntryStatus;
  marksReceived: number;
  /** This entry's expected marks (only marks that can be given: scope and conflicts, issue 12 §3). */
  marksExpected?: number;
  /** A RESOLVED appeal changed a mark of this entry (absent in snapshots from before appeals). */
  changedOnAppeal?: boolean;
  /** stageId → [received, expected] marks in that stage (absent in snapshots from before it was kept). */
  stageMarks?: StageMarksRecord;
  /** On a public board (public-board.ts): the stages whose score this entry's row holds back. */
  hiddenStageIds?: string[];
}

/** A stage as boards know it; `markingClosedAt` is a string in a frozen snapshot (JSON). */
export interface BoardStage {
  id: string;
  name: string;
  weight: number;
  anonymous?: boolean;
  markingClosedAt?: Date | string | null;
}

/** A competition's full (un-anonymized) board at one version; views are derived from it per viewer. */
export interface Board {
  competitionId: string;
  version: number;
  updatedAt: Date;
  stages: BoardStage[];
  /** Stages whose scores this board holds back (public-board.ts: anonymous ones while marked); absent on the full board. */
  sealedStageIds?: string[];
  /** Expected of an entry by the whole panel: the figure for entries without a stored result yet. */
  marksExpected: number;
  /** Where ABSENT entries go (the competition's absentRanking). */
  absentRanking?: AbsentRanking;
  entries: Map<string, BoardEntry>;
  rows: Array<BoardEntry & { rank: number | null }>;
  tieBreakStageId: string | null;
  status: CompetitionStatus;
  /** While frozen: when, and the board as it stood then (what the public sees). */
  frozenAt: Date | null;
  frozenBoard: Board | null;
}

async function loadEntries(em: EntityManager, competitionId: string, absentRanking: AbsentRanking, entryIds?: string[]): Promise<BoardEntry[]> {
  const where = entryIds ? { id: { $in: entryIds } } : { competition: competitionId };
  const [entries, members, results, appealed] = await concurrently(
    em,
    () => em.find(Entry, where),
    () => em.find(EntryMember, entryIds ? { entry: { $in: entryIds } } : { competition: competitionId }, {
      populate: ['worker', 'worker.enterprise'] as never,
      orderBy: { position: 'asc' },
    }),
    () => em.find(EntryResult, entryIds ? { entryId: { $in: entryIds } } : { competitionId }),
    // Who won on appeal: entries a resolved appeal re-marked to a different value.
    () => em.execute<{ entry_id: string }[]>(
      `select distinct entry_id from appeal where competition_id = ? and status = 'RESOLVED' and marks_changed > 0 and (?::uuid[] is null or entry_id = any(?::uuid[]))`,
      // An array literal: knex spreads a JS array bound to `?` into a list, which is no uuid[].
      [competitionId, ...Array<string | null>(2).fill(entryIds ? `{${entryIds.join(',')}}` : null)],
    ),
  );
  const changed = new Set(appealed.map((r) => r.entry_id));
  const membersOf = new Map<string, EntryMember[]>();
  for (const m of members) membersOf.set(m.entry.id, [...(membersOf.get(m.entry.id) ?? []), m]);
  const resultOf = new Map(results.map((r) => [r.entryId, r]));
  return entries.map((e) => {
    const ms = membersOf.get(e.id) ?? [];
    const r = resultOf.get(e.id);
    const names = ms.map((m) => m.worker.getEntity().name);
    return {
      entryId: e.id,
      total: r ? Number(r.total) : 0,
      stageScores: r?.stageScores ?? {},
      // ABSENT as the competition says: ranked last (sharing that rank) or unranked like a withdrawal.
      ranked: e.status === EntryStatus.ACTIVE || (e.status === EntryStatus.ABSENT && absentRanking === AbsentRanking.LAST),
      ...(e.status === EntryStatus.ABSENT ? { last: true } : {}),
      sortKey: e.startNumber ?? Number.MAX_SAFE_INTEGER,
      marksReceived: r?.marksReceived ?? 0,
      ...(r ? { marksExpected: r.marksExpected } : {}),
      stageMarks: r?.stageMarks ?? {},
      startNumber: e.startNumber,
      station: e.station,
      displayName: e.teamName ?? (names.length ? names.join('、') : null),
      enterpriseNames: [...new Set(ms.map((m) => m.worker.getEntity().enterprise.getEntity().name))],
      status: e.status,
      changedOnAppeal: changed.has(e.id),
    };
  });
}

export function rank(board: Omit<Board, 'rows'>): Board {
  return { ...board, rows: rankRows([...board.entries.values()], board.tieBreakStageId) };
}

/** The whole board from stored per-entry results: a handful of queries, never every mark. */
export async function buildBoard(em: EntityManager, competition: Competition, loaded?: LoadedScheme): Promise<Board> {
  const scheme = loaded ?? (await loadScheme(em, competition));
  const entries = await loadEntries(em, competition.id, competition.absentRanking);
  let frozenBoard: Board | null = null;
  if (competition.frozenAt) {
    await em.populate(competition, ['frozenLeaderboard'] as never);
    frozenBoard = competition.frozenLeaderboard ? boardFromJson(competition.frozenLeaderboard) : null;
  }
  return rank({
    status: competition.status,
    frozenAt: competition.frozenAt,
    frozenBoard,
    competitionId: competition.id,
    version: competition.leaderboardVersion,
    updatedAt: new Date(),
    stages: scheme.stages.map((s) => ({ id: s.id, name: s.name, weight: Number(s.weight), anonymous: s.anonymous, markingClosedAt: s.markingClosedAt })),
    marksExpected: scheme.marksExpected,
    absentRanking: competition.absentRanking,
    entries: new Map(entries.map((e) => [e.entryId, e])),
    tieBreakStageId: scheme.tieBreakStageId,
  });
}

/** The next version of a board after some entries changed: re-reads those entries only, then re-ranks. */
export async function refreshEntries(em: EntityManager, board: Board, entryIds: string[], version: number): Promise<Board> {
  const fresh = await loadEntries(em, board.competitionId, board.absentRanking ?? AbsentRanking.UNRANKED, entryIds);
  const entries = new Map(board.entries);
  for (const id of entryIds) entries.delete(id);
  for (const e of fresh) entries.set(e.entryId, e);
  return rank({ ...board, entries, version, updatedAt: new Date() });
}

/** Share of an entry's expected marks received, four decimals; 0 when nothing is expected. */
function completeness(received: number, expected: number): number {
  return expected ? Math.min(1, Math.round((received / expected) * 10_000) / 10_000) : 0;
}

/**
 * An entry with no mark on this board has no rank to show: before the first mark every total is 0,
 * and "rank 1 for everyone" tells a hall nothing. So while marking is open, an active entry without
 * a received mark (on the public board: without a stage score shown) is unranked. Those entries are
 * all tied at 0 below every ranked one, so nulling their rank changes no other rank; they keep their
 * place in start order. Once scoring closes, every entry is ranked as the results rank it.
 */
function showsNoMark(status: CompetitionStatus, board: Board, r: Board['rows'][number], sealed: ReadonlySet<string>): boolean {
  if (r.rank === null || r.status !== EntryStatus.ACTIVE || !MARKING_OPEN.has(status)) return false;
  if (r.marksReceived === 0) return true;
  return board.stages.every((s) => sealed.has(s.id) || (r.hiddenStageIds?.includes(s.id) ?? false));
}
const MARKING_OPEN: ReadonlySet<CompetitionStatus> = new Set([
  CompetitionStatus.DRAFT, CompetitionStatus.REGISTRATION_OPEN, CompetitionStatus.REGISTRATION_CLOSED, CompetitionStatus.IN_PROGRESS,
]);

const views = new WeakMap<Board, Map<string, Leaderboard>>();

interface ViewOptions {
  anonymized: boolean;
  frozen?: boolean;
  frozenAt?: Date | null;
  /** The competition's status now, when the board is an older snapshot (the freeze's); else the board's own. */
  status?: CompetitionStatus;
}

/**
 * What one viewer sees: names hidden from the competition's judges until it is finalized. Memoized
 * per board: a thousand subscribers of one board share the few views there are.
 */
export function boardView(board: Board, opts: ViewOptions): Leaderboard {
  const key = `${opts.anonymized}|${opts.frozen ?? false}|${opts.frozenAt?.getTime() ?? ''}|${opts.status ?? ''}`;
  let byKey = views.get(board);
  if (!byKey) views.set(board, (byKey = new Map()));
  let view = byKey.get(key);
  if (!view) byKey.set(key, (view = makeView(board, opts)));
  return view;
}

function makeView(board: Board, opts: ViewOptions): Leaderboard {
  const sealed = new Set(board.sealedStageIds ?? []);
  const shown: Omit<LeaderboardRow, 'standardisedScore'>[] = board.rows.map((r) => ({
    rank: showsNoMark(opts.status ?? board.status, board, r, sealed) ? null : r.rank,
    entryId: toGlobalId('Entry', r.entryId),
    startNumber: r.startNumber,
    station: r.station,
    displayName: opts.anonymized ? null : r.displayName,
    enterpriseNames: opts.anonymized ? [] : r.enterpriseNames,
    status: r.status,
    total: r.total,
    stageTotals: board.stages.map((s) => ({
      stageId: toGlobalId('Stage', s.id), stageName: s.name, weight: s.weight,
      score: sealed.has(s.id) || r.hiddenStageIds?.includes(s.id) ? null : r.stageScores[s.id] ?? 0,
    })),
    changedOnAppeal: r.changedOnAppeal ?? false,
    completeness: sealed.size ? null : completeness(r.marksReceived, r.marksExpected ?? board.marksExpected),
  }));
  // Last, from the ranks and totals this view shows (frozen, anonymized or with hidden stages alike), so the two always agree.
  const rows: LeaderboardRow[] = withStandardisedScores(shown, (r) => r.status === EntryStatus.ABSENT);
  return {
    competitionId: toGlobalId('Competition', board.competitionId),
    version: board.version,
    frozen: opts.frozen ?? false,
    frozenAt: opts.frozenAt ?? null,
    updatedAt: board.updatedAt,
    sealedStageIds: [...sealed].map((id) => toGlobalId('Stage', id)),
    allRows: rows,
  };
}

/** Boards serialize to JSON for the freeze snapshot; Maps do not, so they are rebuilt on read. */
export function boardToJson(board: Board): unknown {
  return { ...board, entries: [...board.entries.values()], frozenBoard: null };
}

export function boardFromJson(json: unknown): Board {
  const b = json as Board & { entries: BoardEntry[]; updatedAt: string };
  return { ...b, updatedAt: new Date(b.updatedAt), entries: new Map(b.entries.map((e) => [e.entryId, e])) };
}

/**
 * Boards per competition, kept by each server instance and moved forward by live events, so a
 * burst of marks costs one entry re-read per mark and one ranking, shared by every subscriber.
 * Correctness never depends on it: a board is served only at the version the database reports.
 */
export class BoardCache {
  private readonly boards = new Map<string, Promise<Board>>();

  /** The board at exactly `competition.leaderboardVersion`. */
  async current(em: EntityManager, competition: Competition): Promise<Board> {
    const cached = this.boards.get(competition.id);
    if (cached) {
      const board = await cached.catch(() => null);
      if (board && board.version === competition.leaderboardVersion) return board;
    }
    const fresh = buildBoard(em, competition);
    this.boards.set(competition.id, fresh);
    fresh.catch(() => this.boards.delete(competition.id));
    return fresh;
  }

  has(competitionId: string): boolean {
    return this.boards.has(competitionId);
  }

  competitionIds(): string[] {
    return [...this.boards.keys()];
  }

  /** A full rebuild at the database's current version. */
  async rebuild(em: EntityManager, competitionId: string): Promise<Board | null> {
    const competition = await em.findOne(Competition, { id: competitionId });
    if (!competition) return null;
    const next = buildBoard(em, competition);
    this.boards.set(competitionId, next);
    next.catch(() => this.boards.delete(competitionId));
    return next;
  }

  /**
   * Applies a batch of live events (their versions, and the entries they touched, or null when the
   * change is wider than some entries): the named entries are refreshed when the batch continues the
   * cached version without a gap, else the board is rebuilt at the database's version.
   */
  async advance(em: EntityManager, competitionId: string, versions: number[], entryIds: string[] | null): Promise<Board | null> {
    const cached = await this.boards.get(competitionId)?.catch(() => null);
    const top = Math.max(...versions);
    if (cached && cached.version >= top) return cached;
    const contiguous = cached !== null && cached !== undefined && entryIds !== null && continues(cached.version, versions);
    if (!contiguous) return this.rebuild(em, competitionId);
    const next = refreshEntries(em, cached, entryIds, top);
    this.boards.set(competitionId, next);
    next.catch(() => this.boards.delete(competitionId));
    return next;
  }
}

/** True when `versions` are exactly from+1, from+2, … (in any order): no change was missed. */
function continues(from: number, versions: number[]): boolean {
  const fresh = new Set(versions.filter((v) => v > from));
  const top = Math.max(...versions);
  return fresh.size === top - from;
}
