import DataLoader from 'dataloader';
import { Cursor } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, childrenLoader, type LoaderFactory } from '../common/loaders.js';
import type { ConnectionShape } from '../common/relay.js';
import { IncubationProject } from './incubation-project.entity.js';
import { GateDecision, ProjectFunding, ProjectMilestone, ProjectPartner } from './project-parts.entity.js';

export const projectById = byIdLoader(IncubationProject);
export const partnersByProject = childrenLoader(ProjectPartner, 'project', { addedAt: 'asc', id: 'asc' });
/** Due first; milestones without a due date last ('asc nulls last' is a MikroORM QueryOrder value). */
export const milestonesByProject = childrenLoader(ProjectMilestone, 'project', { dueAt: 'asc nulls last', createdAt: 'asc' } as never);
export const fundingByProject = childrenLoader(ProjectFunding, 'project', { receivedAt: 'asc', recordedAt: 'asc' });
export const gateHistoryByProject = childrenLoader(GateDecision, 'project', { at: 'asc', id: 'asc' });

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

/** The newest-first order of project lists; the cursor matches paginate()'s for the same order. */
export const PROJECT_ORDER = { createdAt: 'desc', id: 'desc' } as const;

/**
 * First pages of several studios' projects in one statement (a window query, counts included):
 * keyed "studioId:first", so `studios { projects(first: 5) }` costs the same for 1 or 100 studios.
 * Pages after a cursor ask for one studio at a time and go through paginate() instead.
 */
export const firstProjectsByStudio: LoaderFactory<string, ConnectionShape<IncubationProject>> = (em) =>
  new DataLoader<string, ConnectionShape<IncubationProject>>(async (keys) => {
    const pgEm = em as EntityManager;
    const byFirst = new Map<number, string[]>();
    for (const key of keys) {
      const [studioId, first] = key.split(':') as [string, string];
      byFirst.set(Number(first), [...(byFirst.get(Number(first)) ?? []), studioId]);
    }
    const pages = new Map<string, ConnectionShape<IncubationProject>>();
    for (const [first, studioIds] of byFirst) {
      const knex = pgEm.getKnex();
      const ranked = knex('incubation_project as p')
        .select('p.*')
        .select(knex.raw('row_number() over (partition by p.studio_id order by p.created_at desc, p.id desc) as rn'))
        .select(knex.raw('count(*) over (partition by p.studio_id) as total'))
        .whereIn('p.studio_id', studioIds);
      const rows: Record<string, unknown>[] = await knex.select('*').from(ranked.as('r')).where('r.rn', '<=', first).orderBy('r.rn');
      const grouped = new Map<string, { items: IncubationProject[]; total: number }>(studioIds.map((id) => [id, { items: [], total: 0 }]));
      for (const row of rows) {
        const { rn: _rn, total, ...columns } = row;
        const group = grouped.get(columns.studio_id as string)!;
        group.total = Number(total);
        group.items.push(pgEm.map(IncubationProject, columns));
      }
      for (const [studioId, { items, total }] of grouped) {
        const edges = items.map((node) => ({ cursor: Cursor.encode([node.createdAt, node.id]), node }));
        pages.set(`${studioId}:${first}`, {
          edges,
          nodes: items,
          totalCount: total,
          pageInfo: { hasNextPage: total > items.length, hasPreviousPage: false, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
        });
      }
    }
    return keys.map((k) => pages.get(k)!);
  });
