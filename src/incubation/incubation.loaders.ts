import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, type LoaderFactory } from '../common/loaders.js';
import { IncubationProject } from './incubation-project.entity.js';

export const projectById = byIdLoader(IncubationProject);

/** Sum of funding per project, summed by PostgreSQL on numeric: exact, "0.00" when none. */
export const fundingTotalByProject: LoaderFactory<string, string> = (em) =>
  new DataLoader<string, string>(async (ids) => {
    const rows: { project_id: string; total: string }[] = await (em as EntityManager)
      .getKnex()
      .select('project_id')
      .sum({ total: 'amount' })
      .from('project_funding')
      .whereIn('project_id', [...ids])
      .groupBy('project_id');
    const totals = new Map(rows.map((r) => [r.project_id, r.total]));
    return ids.map((id) => totals.get(id) ?? '0.00');
  });

/** The newest-first order of project lists (root and per studio). */
export const PROJECT_ORDER = { createdAt: 'desc', id: 'desc' } as const;
