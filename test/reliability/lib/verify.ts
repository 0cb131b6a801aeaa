import pg from 'pg';
import { computeLeaderboard, type Aggregation, type LeaderboardEntry, type Mark, type Scheme } from '../../../src/scoring';
import { idOf, toGlobalId } from '../../../src/common/relay';
import type { MarkOp } from './workload';
import { expectedState } from './workload';
import type { Ack } from './judges';
import type { BoardState } from './screens';

export interface MarkAudit {
  expectedMarks: number;
  storedMarks: number;
  expectedRevisions: number;
  storedRevisions: number;
  /** Acknowledged marks or corrections whose effect is not in the database. */
  lost: string[];
  /** Marks or revisions in the database that no op asked for (a retry recorded twice, a score version above its corrections). */
  doubled: string[];
  /**
   * Planned marks or corrections that never reached the database and were never acknowledged: not
   * sent before the run ended, or sent and never answered (the client counts those). Not a double,
   * and not lost by the server; the scenarios still require none.
   */
  notSent: string[];
  /** Acknowledgements naming another score than the one that holds the mark. */
  misattributed: string[];
}

/** Compares the database with what the judges were told (acks) and meant (ops). */
export async function auditMarks(databaseUrl: string, competitionUuid: string, plan: MarkOp[][], acks: Map<string, Ack>): Promise<MarkAudit> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const scores = (await db.query(`select id, entry_id, criterion_id, slot, value::text as value, version from score where competition_id = $1`, [competitionUuid])).rows;
    const revisions = (await db.query(`select r.score_id, r.old_value::text as old, r.new_value::text as new from score_revision r where r.competition_id = $1 order by r.at, r.id`, [competitionUuid])).rows;
    return compareMarks(scores, revisions, plan, acks);
  } finally {
    await db.end();
  }
}

/** Score rows and revision rows as the audit reads them. */
export interface ScoreRow { id: string; entry_id: string; criterion_id: string; slot: string; value: string; version: number }
export interface RevisionRow { score_id: string; old: string; new: string }

/** The audit's comparison itself, pure (test/reliability-audit.unit.test.ts: the main suite skips test/reliability/). */
export function compareMarks(scores: ScoreRow[], revisions: RevisionRow[], plan: MarkOp[][], acks: Map<string, Ack>): MarkAudit {
  const expected = expectedState(plan);
  const bySlot = new Map(scores.map((s) => [`${toGlobalId('Entry', s.entry_id)}|${toGlobalId('Criterion', s.criterion_id)}|${s.slot}`, s]));
  const revisionsOf = new Map<string, [number, number][]>();
  for (const r of revisions) revisionsOf.set(r.score_id, [...(revisionsOf.get(r.score_id) ?? []), [Number(r.old), Number(r.new)]]);
  const opsOf = new Map<string, MarkOp[]>();
  for (const ops of plan) for (const op of ops) opsOf.set(op.slot, [...(opsOf.get(op.slot) ?? []), op]);
  const audit: MarkAudit = { expectedMarks: expected.size, storedMarks: scores.length, expectedRevisions: 0, storedRevisions: revisions.length, lost: [], doubled: [], notSent: [], misattributed: [] };
  for (const [slot, want] of expected) {
    audit.expectedRevisions += want.revisions.length;
    const row = bySlot.get(slot);
    const got = row ? revisionsOf.get(row.id) ?? [] : [];
    const prefix = got.length <= want.revisions.length && JSON.stringify(got) === JSON.stringify(want.revisions.slice(0, got.length));
    if (!prefix) {
      // More corrections than planned, or other ones: something was recorded twice (or made up).
      audit.doubled.push(`${slot}: revisions ${JSON.stringify(got)}, expected ${JSON.stringify(want.revisions)}`);
      continue;
    }
    // The ops that reached the database: the mark and as many corrections as are stored.
    const ops = opsOf.get(slot)!;
    const applied = row ? got.length + 1 : 0;
    if (row) {
      const value = ops[applied - 1]!.value;
      if (Number(row.value) !== value) audit.lost.push(`${slot}: value ${row.value}, expected ${value} after ${got.length} corrections`);
      if (row.version > applied) audit.doubled.push(`${slot}: score version ${row.version} after ${got.length} corrections`);
      else if (row.version < applied) audit.lost.push(`${slot}: score version ${row.version} after ${got.length} stored corrections`);
    }
    // The rest never arrived: lost if the server acknowledged them, else never sent or never answered.
    for (const op of ops.slice(applied)) {
      const what = `${slot}: ${op.correction ? 'correction' : 'mark'} ${op.key} (value ${op.value})`;
      (acks.has(op.key) ? audit.lost : audit.notSent).push(acks.has(op.key) ? `${what} acknowledged, not in the database` : `${what} never acknowledged, not in the database`);
    }
  }
  for (const [slot] of bySlot) if (!expected.has(slot)) audit.doubled.push(`${slot}: a mark no judge gave`);
  for (const ops of plan) {
    for (const op of ops) {
      const ack = acks.get(op.key);
      const row = bySlot.get(op.slot);
      if (ack && row && idOf(ack.scoreId, 'Score') !== row.id) audit.misattributed.push(`${op.key}: acknowledged as ${ack.scoreId}`);
    }
  }
  return audit;
}

/** The board's rows as compared: everything a screen shows, in order. */
export function rowsKey(board: BoardState): string {
  return JSON.stringify(board.rows.nodes);
}

/**
 * The leaderboard recomputed from scratch by the pure engine from the marks in the database, in the
 * API's shape, plus the stored per-entry results compared with it (the server updates those one
 * entry at a time; a stale read there shows up here).
 */
export async function recomputeFromScratch(databaseUrl: string, competitionUuid: string): Promise<{ rows: unknown[]; storedResultMismatches: string[] }> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const q = async (sql: string) => (await db.query(sql, [competitionUuid])).rows;
    const [competition] = await q(`select aggregation, status from competition where id = $1`);
    const stages = await q(`select id, weight::text as weight from stage where competition_id = $1 order by position`);
    const criteria = await q(`select id, stage_id, kind, max_score::text as max_score from criterion where competition_id = $1 order by position`);
    const panel = await q(`select stage_ids from judge_assignment where competition_id = $1 and removed_at is null`);
    const entries = await q(`select id, status, start_number from entry where competition_id = $1`);
    const scores = await q(`select entry_id, criterion_id, slot, value::text as value from score where competition_id = $1`);
    const stored = await q(`select entry_id, stage_scores, total::text as total, marks_received from entry_result where competition_id = $1`);
    const scheme: Scheme = {
      aggregation: competition.aggregation as Aggregation,
      stages: stages.map((s) => ({
        id: s.id,
        weight: Number(s.weight),
        criteria: criteria.filter((c) => c.stage_id === s.id).map((c) => ({ id: c.id, kind: c.kind, maxScore: Number(c.max_score) })),
      })),
    };
    const judgesPerStage: Record<string, number> = Object.fromEntries(stages.map((s) => [s.id, 0]));
    for (const p of panel) for (const sid of p.stage_ids as string[]) if (sid in judgesPerStage) judgesPerStage[sid]! += 1;
    const marks: Mark[] = scores.map((s) => ({ entryId: s.entry_id, criterionId: s.criterion_id, judgeId: s.slot, value: Number(s.value) }));
    const leaderboardEntries: LeaderboardEntry[] = entries.map((e) => ({ entryId: e.id, ranked: e.status === 'ACTIVE', sortKey: e.start_number ?? Number.MAX_SAFE_INTEGER }));
    const rows = computeLeaderboard(scheme, marks, leaderboardEntries, judgesPerStage);
    const storedResultMismatches: string[] = [];
    const storedOf = new Map(stored.map((r) => [r.entry_id, r]));
    for (const row of rows) {
      const s = storedOf.get(row.entryId);
      const want = { total: row.total, marksReceived: row.marksReceived, stageScores: row.stageScores };
      const got = s ? { total: Number(s.total), marksReceived: s.marks_received, stageScores: s.stage_scores } : null;
      const same = got && got.total === want.total && got.marksReceived === want.marksReceived && scheme.stages.every((st) => (got.stageScores[st.id] ?? 0) === (want.stageScores[st.id] ?? 0));
      if (!same && (got || row.marksReceived > 0)) storedResultMismatches.push(`entry ${row.entryId}: stored ${JSON.stringify(got)}, from scratch ${JSON.stringify(want)}`);
    }
    return {
      storedResultMismatches,
      rows: rows.map((r) => ({
        entryId: toGlobalId('Entry', r.entryId),
        // The board leaves an entry without a mark unranked while marking is open (issue 13).
        rank: r.marksReceived === 0 && ['DRAFT', 'REGISTRATION_OPEN', 'REGISTRATION_CLOSED', 'IN_PROGRESS'].includes(competition.status) ? null : r.rank,
        total: r.total,
        completeness: r.marksExpected ? Math.min(1, Math.round((r.marksReceived / r.marksExpected) * 10_000) / 10_000) : 0,
        stageTotals: scheme.stages.map((s) => ({ stageId: toGlobalId('Stage', s.id), score: r.stageScores[s.id] ?? 0 })),
      })),
    };
  } finally {
    await db.end();
  }
}
