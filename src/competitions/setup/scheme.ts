import type { EntityManager } from '@mikro-orm/postgresql';
import type { JudgesPerStage, Scheme } from '../../scoring/index.js';
import { heaviestStageId } from '../../scoring/index.js';
import type { Competition } from './competition.entity.js';
import { Criterion } from './criterion.entity.js';
import { JudgeAssignment } from '../judging/judge-assignment.entity.js';
import { Stage } from './stage.entity.js';
import { concurrently } from '../../common/concurrently.js';

/** A competition's marking scheme as the scoring engine sees it, plus what the server needs around it. */
export interface LoadedScheme {
  scheme: Scheme;
  judgesPerStage: JudgesPerStage;
  stages: Stage[];
  criteria: Map<string, Criterion>;
  tieBreakStageId: string | null;
  /** Marks expected of one entry under the current panel. */
  marksExpected: number;
}

/** Stages and criteria (in position order) as the scoring engine sees them. */
function schemeOf(aggregation: Competition['aggregation'], stages: Stage[], criteria: Criterion[]): Scheme {
  return {
    aggregation,
    stages: stages.map((s) => ({
      id: s.id,
      weight: Number(s.weight),
      criteria: criteria.filter((c) => c.stage.id === s.id).map((c) => ({ id: c.id, kind: c.kind, maxScore: Number(c.maxScore) })),
    })),
  };
}

/** Three small queries: stages, criteria, active judges. */
export async function loadScheme(em: EntityManager, competition: Competition): Promise<LoadedScheme> {
  const [stages, criteria, judges] = await concurrently(
    em,
    () => em.find(Stage, { competition }, { orderBy: { position: 'asc' } }),
    () => em.find(Criterion, { competition }, { orderBy: { position: 'asc' } }),
    () => em.find(JudgeAssignment, { competition, removedAt: null }),
  );
  const scheme = schemeOf(competition.aggregation, stages, criteria);
  const judgesPerStage = judgesPerStageOf(scheme, judges);
  let marksExpected = 0;
  for (const stage of scheme.stages) {
    for (const c of stage.criteria) marksExpected += c.kind === 'MEASUREMENT' ? 1 : judgesPerStage[stage.id] ?? 0;
  }
  return {
    scheme,
    judgesPerStage,
    stages,
    criteria: new Map(criteria.map((c) => [c.id, c])),
    tieBreakStageId: heaviestStageId(scheme),
    marksExpected,
  };
}

/** What marking needs of a scheme, as plain data. */
export interface MarkingPlan {
  scheme: Scheme;
  criteria: Map<string, { id: string; stageId: string; kind: string; maxScore: number }>;
  /** Name and anonymity per stage: both fixed once the scheme is. */
  stages: Map<string, { id: string; name: string; anonymous: boolean }>;
}

const plans = new Map<string, Promise<MarkingPlan>>();

/**
 * The scheme of a competition past DRAFT, kept per process: it can no longer change (scheme.service
 * refuses edits outside DRAFT), so the hot marking path does not re-read stages and criteria.
 */
export function markingPlan(em: EntityManager, competition: Pick<Competition, 'id' | 'status' | 'aggregation'>): Promise<MarkingPlan> {
  const cached = plans.get(competition.id);
  if (cached && competition.status !== 'DRAFT') return cached;
  const plan = (async (): Promise<MarkingPlan> => {
    const [stages, criteria] = await concurrently(
      em,
      () => em.find(Stage, { competition: competition.id }, { orderBy: { position: 'asc' } }),
      () => em.find(Criterion, { competition: competition.id }, { orderBy: { position: 'asc' } }),
    );
    const scheme = schemeOf(competition.aggregation, stages, criteria);
    return {
      scheme,
      criteria: new Map(criteria.map((c) => [c.id, { id: c.id, stageId: c.stage.id, kind: c.kind, maxScore: Number(c.maxScore) }])),
      stages: new Map(stages.map((s) => [s.id, { id: s.id, name: s.name, anonymous: s.anonymous }])),
    };
  })();
  if (competition.status !== 'DRAFT') {
    plans.set(competition.id, plan);
    plan.catch(() => plans.delete(competition.id));
  }
  return plan;
}

/** The anonymous stages of a plan (marked by code). */
export function anonymousStageIds(plan: MarkingPlan): Set<string> {
  return new Set([...plan.stages.values()].filter((s) => s.anonymous).map((s) => s.id));
}

/** Judges per stage under a panel (active assignments). */
export function judgesPerStageOf(scheme: Scheme, panel: readonly Pick<JudgeAssignment, 'stageIds'>[]): JudgesPerStage {
  const counts: Record<string, number> = Object.fromEntries(scheme.stages.map((s) => [s.id, 0]));
  for (const j of panel) for (const sid of j.stageIds) if (sid in counts) counts[sid]! += 1;
  return counts;
}
