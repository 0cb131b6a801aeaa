import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../context.js';
import { assignPrizes, selectTop, type PrizeTier } from '../../scoring/index.js';
import { Honor } from '../../registry/honor.entity.js';
import { SkillLevelChange } from '../../registry/skill-level-change.entity.js';
import { Worker } from '../../registry/worker.entity.js';
import { HonorKind, SKILL_LEVEL_ORDER, SkillLevel, SkillLevelChangeKind } from '../../registry/enums.js';
import { assertOwner } from '../access.js';
import { Award, type StoredAwardPromotion } from './award.entity.js';
import type { Competition, PrizeTierRule } from '../setup/competition.entity.js';
import { cleanReason, lockCompetition, recordTransition } from '../setup/competition.service.js';
import { Entry } from '../entries/entry.entity.js';
import { EntryMember } from '../entries/entry-member.entity.js';
import { EntryStatus, type PrizeTierName } from '../enums.js';
import { liftFreeze } from '../leaderboard/freeze.service.js';
import { buildBoard } from '../leaderboard/leaderboard.service.js';
import { assertFinalizable } from '../appeals/publication.service.js';
import { bilingual } from '../../common/i18n.js';
import { m } from './messages.js';

/** China Standard Time (UTC+8, no DST): honors, promotions and reports count calendar years there. */
const CST_OFFSET_MS = 8 * 3600 * 1000;

/** The calendar year (China Standard Time) of an instant. */
export function cstYear(at: Date): number {
  return new Date(at.getTime() + CST_OFFSET_MS).getUTCFullYear();
}

/** [first instant of the year, first instant of the next) in China Standard Time. */
export function cstYearBounds(year: number): [Date, Date] {
  return [new Date(Date.UTC(year, 0, 1) - CST_OFFSET_MS), new Date(Date.UTC(year + 1, 0, 1) - CST_OFFSET_MS)];
}

/** Competition promotions stop here: there is no level above 高级技师. */
export const PROMOTION_CAP = SkillLevel.SENIOR_TECHNICIAN;

/** Why a worker of a top-M entry was not promoted (recorded in the Award). */
export enum PromotionWithheldReason {
  AT_CAP = 'AT_CAP',
  ALREADY_PROMOTED_THIS_YEAR = 'ALREADY_PROMOTED_THIS_YEAR',
}

/** One element of Award.promotions as stored: a promotion, or (with `withheld`) one that was not given. */
export interface StoredPromotion extends StoredAwardPromotion {
  withheld?: PromotionWithheldReason;
}

/** One level up; a worker without a level starts at JUNIOR; null at the cap. */
export function nextSkillLevel(level: SkillLevel | null): SkillLevel | null {
  if (level === null) return SkillLevel.JUNIOR;
  if (level === PROMOTION_CAP) return null;
  return SKILL_LEVEL_ORDER[SKILL_LEVEL_ORDER.indexOf(level) + 1] ?? null;
}

// ── The plan: pure, unit-tested ────────────────────────────────────────────────

export interface PlanRow {
  entryId: string;
  /** From the leaderboard; null for withdrawn and disqualified entries. */
  rank: number | null;
  total: number;
  marksReceived: number;
  workerIds: string[];
  /** ABSENT (did not show up): ranked last or not at all as the competition says; wins nothing. */
  absent?: boolean;
}

export interface PlanWorker {
  id: string;
  skillLevel: SkillLevel | null;
  /** Holds a skill-level change from a competition in the finalize year already. */
  promotedThisYear: boolean;
}

export interface PlanRules {
  prizeTiers: readonly Pick<PrizeTierRule, 'tier' | 'count' | 'share'>[];
  honorTopN: number;
  promotionTopM: number;
}

export interface AwardPlan {
  entryId: string;
  rank: number;
  total: number;
  prize: PrizeTierName | null;
  honorGranted: boolean;
  promotions: StoredPromotion[];
}

export interface FinalizePlan {
  /** One per ranked entry, best first. */
  awards: AwardPlan[];
  /** Workers of the top-N entries (TECHNICAL_EXPERT), before skipping holders. */
  honorWorkerIds: string[];
}

/** An entry that never got a mark, or was marked ABSENT, takes no prize (as assignPrizes rules), no honor and no promotion. */
const noShow = (r: PlanRow) => (r.total === 0 && r.marksReceived === 0) || r.absent === true;

export function toPrizeTiers(rules: PlanRules['prizeTiers']): PrizeTier<PrizeTierName>[] {
  return rules.map((t) => (t.count != null ? { tier: t.tier, count: t.count } : { tier: t.tier, share: t.share ?? 0 }));
}

/**
 * What finalizing gives each ranked entry: its prize (assignPrizes: count or share of ranked entries,
 * ties never split), the honor for the top N and a one-step promotion for the workers of the top M
 * (selectTop: a tie at the cut is included). No-shows are ranked but take none of them. A worker at
 * SENIOR_TECHNICIAN, or already promoted through a competition this year, is recorded as withheld.
 */
export function planAwards(rows: readonly PlanRow[], rules: PlanRules, workers: ReadonlyMap<string, PlanWorker>): FinalizePlan {
  const prizes = new Map(assignPrizes(rows, toPrizeTiers(rules.prizeTiers)).map((a) => [a.entryId, a.tier]));
  const eligible = rows.map((r) => (noShow(r) ? { ...r, rank: null } : r));
  const honored = new Set(selectTop(eligible, rules.honorTopN).map((r) => r.entryId));
  const promoted = new Set(selectTop(eligible, rules.promotionTopM).map((r) => r.entryId));
  const ranked = rows.filter((r): r is PlanRow & { rank: number } => r.rank !== null).sort((a, b) => a.rank - b.rank);
  const awards = ranked.map((r): AwardPlan => ({
    entryId: r.entryId,
    rank: r.rank,
    total: r.total,
    prize: prizes.get(r.entryId) ?? null,
    honorGranted: honored.has(r.entryId),
    promotions: promoted.has(r.entryId) ? r.workerIds.map((id) => promotionOf(workers.get(id) ?? { id, skillLevel: null, promotedThisYear: false })) : [],
  }));
  const honorWorkerIds = ranked.filter((r) => honored.has(r.entryId)).flatMap((r) => r.workerIds);
  return { awards, honorWorkerIds };
}

function promotionOf(w: PlanWorker): StoredPromotion {
  const to = nextSkillLevel(w.skillLevel);
  if (to === null) return { workerId: w.id, from: w.skillLevel, to: w.skillLevel!, withheld: PromotionWithheldReason.AT_CAP };
  if (w.promotedThisYear) return { workerId: w.id, from: w.skillLevel, to, withheld: PromotionWithheldReason.ALREADY_PROMOTED_THIS_YEAR };
  return { workerId: w.id, from: w.skillLevel, to };
}

// ── The transaction ────────────────────────────────────────────────────────────

export interface FinalizeOutcome {
  competition: Competition;
  awards: Award[];
}

/**
 * 决赛定榜: RESULTS_PUBLISHED → FINALIZED (after publication and appeals, see appeals/publication.service.ts) in one transaction with everything it implies — the freeze
 * lifted, one Award per ranked entry, TECHNICAL_EXPERT honors and skill-level promotions written to the
 * registry, sourced to the competition. A fixed number of queries whatever the field size.
 */
export async function finalizeCompetition(em: EntityManager, viewer: Viewer, competitionId: string, reason: string | null = null): Promise<FinalizeOutcome> {
  return em.transactional(async (tx) => {
    // The row lock serializes with marks, freezes and a second finalize: the second one finds FINALIZED.
    const competition = await lockCompetition(tx, competitionId);
    assertOwner(viewer, competition);
    const now = new Date();
    await assertFinalizable(tx, competition, now);
    await recordTransition(tx, competition, 'finalizeCompetition', viewer, cleanReason(reason, false, 'finalize the competition'));
    competition.finalizedAt = now;
    if (competition.frozenAt) await liftFreeze(tx, competition);

    const board = await buildBoard(tx, competition);
    const members = await tx.find(EntryMember, { competition }, { fields: ['entry', 'worker'], orderBy: { position: 'asc' } });
    const workersOf = new Map<string, string[]>();
    for (const m of members) workersOf.set(m.entry.id, [...(workersOf.get(m.entry.id) ?? []), m.worker.id]);
    const rows: PlanRow[] = board.rows.map((r) => ({
      entryId: r.entryId, rank: r.rank, total: r.total, marksReceived: r.marksReceived, workerIds: workersOf.get(r.entryId) ?? [],
      absent: r.status === EntryStatus.ABSENT,
    }));

    const year = cstYear(now);
    const eligible = rows.map((r) => (noShow(r) ? { ...r, rank: null } : r));
    const promotionCandidates = selectTop(eligible, competition.promotionTopM).flatMap((r) => r.workerIds);
    const honorCandidates = selectTop(eligible, competition.honorTopN).flatMap((r) => r.workerIds);
    await lockWorkers(tx, [...promotionCandidates, ...honorCandidates]);
    const workers = await loadPlanWorkers(tx, promotionCandidates, year);
    const plan = planAwards(rows, competition, new Map(workers.map((w) => [w.plan.id, w.plan])));

    await grantHonors(tx, competition, plan.honorWorkerIds, year);
    const entities = new Map(workers.map((w) => [w.plan.id, w.entity]));
    const awards = plan.awards.map((a) => {
      for (const p of a.promotions) if (!p.withheld) promote(tx, competition, entities.get(p.workerId)!, p, now);
      return tx.create(Award, {
        competition, entry: tx.getReference(Entry, a.entryId), rank: a.rank, total: a.total, prize: a.prize,
        honorGranted: a.honorGranted, promotions: a.promotions, createdAt: now,
      } as never);
    });
    await tx.flush();
    return { competition, awards };
  });
}

/**
 * Locks the workers' rows (FOR UPDATE, in id order so two finalizes never deadlock) before their
 * promotions and honors of the year are read: a second competition finalizing at the same moment
 * waits here, then reads the first one's committed promotion and honor and withholds its own.
 * The unique indexes on skill_level_change and honor are the backstop.
 */
async function lockWorkers(tx: EntityManager, ids: string[]): Promise<void> {
  const sorted = [...new Set(ids)].sort();
  if (sorted.length) await tx.execute('select id from worker where id = any(array[?]::uuid[]) order by id for update', [sorted]);
}

/** Two queries: the workers, and which of them a competition already promoted this year. */
async function loadPlanWorkers(tx: EntityManager, ids: string[], year: number): Promise<{ entity: Worker; plan: PlanWorker }[]> {
  if (!ids.length) return [];
  const [from, until] = cstYearBounds(year);
  // One after the other: a transaction is one connection.
  const workers = await tx.find(Worker, { id: { $in: ids } }, { refresh: true }); // as committed by whoever held the lock before us
  const changes = await tx.find(
    SkillLevelChange,
    { worker: { $in: ids }, sourceCompetitionId: { $ne: null }, at: { $gte: from, $lt: until } },
    { fields: ['worker'] },
  );
  const promoted = new Set(changes.map((c) => c.worker.id));
  return workers.map((w) => ({ entity: w, plan: { id: w.id, skillLevel: w.skillLevel, promotedThisYear: promoted.has(w.id) } }));
}

/** TECHNICAL_EXPERT at the competition's level for the year; a worker already holding exactly that is skipped. */
async function grantHonors(tx: EntityManager, competition: Competition, workerIds: string[], year: number): Promise<void> {
  if (!workerIds.length) return;
  const held = await tx.find(
    Honor,
    { worker: { $in: workerIds }, kind: HonorKind.TECHNICAL_EXPERT, level: competition.level, year, revokedAt: null },
    { fields: ['worker'] },
  );
  const holders = new Set(held.map((h) => h.worker.id));
  for (const workerId of new Set(workerIds)) {
    if (holders.has(workerId)) continue;
    tx.create(Honor, {
      worker: tx.getReference(Worker, workerId), kind: HonorKind.TECHNICAL_EXPERT, level: competition.level, year,
      source: competition.title, sourceCompetitionId: competition.id,
    } as never);
  }
}

function promote(tx: EntityManager, competition: Competition, worker: Worker, p: StoredPromotion, at: Date): void {
  tx.create(SkillLevelChange, {
    worker, from: p.from, to: p.to, kind: SkillLevelChangeKind.COMPETITION, reason: bilingual(m, 'promotedReason', { title: competition.title }), source: competition.title, sourceCompetitionId: competition.id, at,
  } as never);
  worker.skillLevel = p.to;
}
