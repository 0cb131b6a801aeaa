import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, childrenLoader, type LoaderFactory } from '../common/loaders.js';
import { childPagesLoader } from '../common/child-pages.js';
import { MethodStatus } from './enums.js';
import { meanTotal, namingThresholdProblems } from './naming.js';
import { ExpertReview } from './expert-review.entity.js';
import { MethodReviewer } from './method-reviewer.entity.js';
import { OperatingMethod } from './operating-method.entity.js';

export const methodById = byIdLoader(OperatingMethod);
export const reviewersByMethod = childrenLoader(MethodReviewer, 'method', { assignedAt: 'asc', id: 'asc' });
export const reviewsByMethod = childrenLoader(ExpertReview, 'method', { submittedAt: 'asc', id: 'asc' });

/**
 * Pages of NAMED methods per inventor (worker id), for `Worker.operatingMethods`: one statement for the
 * rows of every worker on the page and one for their counts (child-pages), a method listed once per inventor.
 */
export const namedMethodPagesByInventor = childPagesLoader({
  from: 'operating_method c cross join lateral unnest(c.inventor_ids) as inv(worker_id)',
  parent: 'inv.worker_id',
  order: 'c.named_at',
  columns: 'c.status',
  visible: `c.status = '${MethodStatus.NAMED}'`,
});

export interface AdoptionFigures {
  enterprises: number;
  workersTrained: number;
  economicBenefit: string;
}

/** Adoption totals per method, summed by PostgreSQL (numeric, so the yuan stay exact). */
export const adoptionSummaryByMethod: LoaderFactory<string, AdoptionFigures> = (em) =>
  new DataLoader<string, AdoptionFigures>(async (methodIds) => {
    const rows = await (em as EntityManager).execute<{ method_id: string; enterprises: number; workers_trained: string; economic_benefit: string }[]>(
      `select method_id, count(distinct enterprise_id)::int as enterprises, coalesce(sum(workers_trained), 0)::text as workers_trained,
              coalesce(sum(economic_benefit), 0)::numeric(16,2)::text as economic_benefit
       from method_adoption where method_id in (${methodIds.map(() => '?').join(', ')}) group by method_id`,
      [...methodIds],
    );
    const byId = new Map(rows.map((r) => [r.method_id, r]));
    return methodIds.map((id) => {
      const r = byId.get(id);
      return r
        ? { enterprises: r.enterprises, workersTrained: Number(r.workers_trained), economicBenefit: r.economic_benefit }
        : { enterprises: 0, workersTrained: 0, economicBenefit: '0.00' };
    });
  });

export interface ReviewFigures {
  reviews: number;
  meanTotal: number | null;
  recommending: number;
  meetsNamingThreshold: boolean;
}

/** Review count, mean total and recommendations per method, aggregated by PostgreSQL. */
export const reviewSummaryByMethod: LoaderFactory<string, ReviewFigures> = (em) =>
  new DataLoader<string, ReviewFigures>(async (methodIds) => {
    const rows = await (em as EntityManager).execute<{ method_id: string; reviews: number; sum: number; recommending: number }[]>(
      `select method_id, count(*)::int as reviews, sum(total)::int as sum, count(*) filter (where recommend)::int as recommending
       from expert_review where method_id in (${methodIds.map(() => '?').join(', ')}) group by method_id`,
      [...methodIds],
    );
    const byId = new Map(rows.map((r) => [r.method_id, r]));
    return methodIds.map((id) => {
      const r = byId.get(id);
      if (!r) return { reviews: 0, meanTotal: null, recommending: 0, meetsNamingThreshold: false };
      return {
        reviews: r.reviews,
        meanTotal: meanTotal(r.sum, r.reviews),
        recommending: r.recommending,
        meetsNamingThreshold: namingThresholdProblems(r.reviews, r.sum).length === 0,
      };
    });
  });
