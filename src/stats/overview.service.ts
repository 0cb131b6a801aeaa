import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput } from '../common/errors.js';
import { Level } from '../registry/enums.js';
import { InnovationCategory, StudioKind, StudioStatus } from '../studios/enums.js';
import { cstYear } from '../studios/decimal.js';
import { PUBLIC_STATUSES, REVIEW_DUE } from '../studios/accreditation.js';
import { seesEveryStudio } from '../studios/access.js';
import { isAdmin } from '../methods/access.js';
import { seesEveryProjectsInternals } from '../incubation/access.js';
import type { Viewer } from '../context.js';
import { MethodStatus } from '../methods/enums.js';
import { FundingSourceKind, ProjectStage } from '../incubation/enums.js';
import type { InnovationOverview } from './overview.types.js';
import { m } from './messages.js';

/*
 * Every figure is computed by PostgreSQL (COUNT/SUM with GROUP BY and FILTER) in a single statement:
 * each section is a CTE narrowed by district and year, and the result is a few rows of
 * (figure, key, count, amount). Nothing is loaded row by row. Amounts stay exact: numeric summed
 * in SQL and returned as text.
 */

/*
 * Who sees which rows. A figure over rows the viewer may not see leaks them, however big the cell: a
 * district with one funded project shows its amount, the city total minus the other districts shows a
 * hidden district, and one figure read before and after a new record shows that record, even when
 * rounded to bands. So a viewer gets each figure over the rows they may see one by one, nothing else:
 * - studios, their innovations and reports: every studio for ADMIN and REVIEWER; ACCREDITED ones (the
 *   public ones) for everyone else;
 * - methods submitted: every method for ADMIN (the only role that sees them all), null for everyone else;
 *   methods named and adoptions are public;
 * - project funding: ADMIN and REVIEWER (who see every project's money); null for everyone else, project
 *   owners too (a sum over several projects is not theirs to see). Projects themselves are public.
 * No figure anyone else gets changes when a non-public row is added, changed or removed.
 */
export interface OverviewScope {
  everyStudio: boolean;
  everyMethod: boolean;
  funding: boolean;
}

export function overviewScope(viewer: Viewer | null): OverviewScope {
  return { everyStudio: seesEveryStudio(viewer), everyMethod: isAdmin(viewer), funding: seesEveryProjectsInternals(viewer) };
}

/** Re-evaluation counts as due this many days ahead. */
export const REVIEW_DUE_WITHIN_DAYS = 90;

type Row = { figure: string; key: string | null; n: number | null; amount: string | null };
const money = (expr: string) => `coalesce(sum(${expr}), 0)::numeric(20, 2)::text`;
const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

export interface OverviewFilter {
  year?: number | null;
  district?: string | null;
}

export async function innovationOverview(em: EntityManager, filter: OverviewFilter | null, scope: OverviewScope): Promise<InnovationOverview> {
  const year = filter?.year ?? null;
  if (year != null && (!Number.isInteger(year) || year < 1949 || year > 2100)) throw badInput(m('yearRange', { min: 1949, max: 2100 }));
  const district = filter?.district?.trim() || null;
  const bounds = year != null ? cstYear(year) : null;

  const params: unknown[] = [];
  /** `where` for a section: the enterprise aliased `e` in the district, the dated column in the year. */
  const where = (dated: { column: string; kind: 'timestamp' | 'year' } | null) => {
    const parts = ['true'];
    if (district) {
      parts.push('e.district = ?');
      params.push(district);
    }
    if (bounds && dated?.kind === 'timestamp') {
      parts.push(`${dated.column} >= ? and ${dated.column} < ?`);
      params.push(bounds.start, bounds.end);
    } else if (year != null && dated?.kind === 'year') {
      parts.push(`${dated.column} = ?`);
      params.push(year);
    }
    return parts.join(' and ');
  };
  const inYear = (column: string) => {
    if (!bounds) return 'true';
    params.push(bounds.start, bounds.end);
    return `${column} >= ? and ${column} < ?`;
  };

  // Studios (and what hangs off them) the viewer may see: all, or the public ones.
  const seen = scope.everyStudio ? '' : ` and s.status in (${list(PUBLIC_STATUSES)})`;
  const dueStatuses = scope.everyStudio ? REVIEW_DUE : REVIEW_DUE.filter((x) => PUBLIC_STATUSES.includes(x));

  // Parameters are pushed in the order the text below is built: keep the sections in this order.
  const st = `st as (select s.kind, s.level, s.status from studio s join enterprise e on e.id = s.enterprise_id where ${where({ column: 's.applied_at', kind: 'timestamp' })}${seen})`;
  const due = `due as (select s.review_due_at from studio s join enterprise e on e.id = s.enterprise_id
    where ${where(null)} and s.status in (${list(dueStatuses)}) and s.review_due_at is not null)`;
  const inv = `inv as (select i.category, i.economic_benefit from innovation i join studio s on s.id = i.studio_id join enterprise e on e.id = s.enterprise_id
    where ${where({ column: 'i.year', kind: 'year' })}${seen})`;
  const mth = `mth as (select count(*) filter (where ${inYear('m.submitted_at')}) as submitted,
      count(*) filter (where m.status = '${MethodStatus.NAMED}' and ${inYear('m.named_at')}) as named
    from operating_method m join enterprise e on e.id = m.enterprise_id where ${where(null)})`;
  const ado = `ado as (select a.method_id, a.workers_trained, a.economic_benefit from method_adoption a join enterprise e on e.id = a.enterprise_id
    where ${where({ column: 'a.adopted_at', kind: 'timestamp' })})`;
  const prj = `prj as (select p.stage from incubation_project p join enterprise e on e.id = p.enterprise_id where ${where({ column: 'p.created_at', kind: 'timestamp' })})`;
  const fnd = `fnd as (select f.source_kind, f.amount from project_funding f join incubation_project p on p.id = f.project_id join enterprise e on e.id = p.enterprise_id
    where ${where({ column: 'f.received_at', kind: 'timestamp' })})`;
  const rpt = `rpt as (select r.* from studio_report r join studio s on s.id = r.studio_id join enterprise e on e.id = s.enterprise_id
    where ${where({ column: 'r.year', kind: 'year' })}${seen})`;
  params.push(REVIEW_DUE_WITHIN_DAYS);

  const rows = await em.execute<Row[]>(
    `with ${[st, due, inv, mth, ado, prj, fnd, rpt].join(',\n')}
     select 'studio_kind' as figure, kind::text as key, count(*)::int as n, null as amount from st group by kind
     union all select 'studio_level', level::text, count(*)::int, null from st group by level
     union all select 'studio_status', status::text, count(*)::int, null from st group by status
     union all select 'studio_due', null, count(*) filter (where review_due_at <= now() + make_interval(days => ?))::int, null from due
     union all select 'studio_overdue', null, count(*) filter (where review_due_at < now())::int, null from due
     union all select 'innovation_category', category::text, count(*)::int, null from inv group by category
     union all select 'innovation_benefit', null, null, ${money('economic_benefit')} from inv
     union all select 'method_submitted', null, submitted::int, null from mth
     union all select 'method_named', null, named::int, null from mth
     union all select 'method_adopted', null, count(distinct method_id)::int, null from ado
     union all select 'method_adoptions', null, count(*)::int, null from ado
     union all select 'method_trained', null, coalesce(sum(workers_trained), 0)::int, null from ado
     union all select 'method_benefit', null, null, ${money('economic_benefit')} from ado
     union all select 'project_stage', stage::text, count(*)::int, null from prj group by stage
     ${scope.funding ? `union all select 'funding_source', source_kind::text, null, ${money('amount')} from fnd group by source_kind
     union all select 'funding_total', null, null, ${money('amount')} from fnd` : ''}
     union all select 'report_count', null, count(*)::int, null from rpt
     union all select 'report_trainees', null, coalesce(sum(trainees), 0)::int, null from rpt
     union all select 'report_apprentices', null, coalesce(sum(apprentices_mentored), 0)::int, null from rpt
     union all select 'report_projects', null, coalesce(sum(projects_completed), 0)::int, null from rpt
     union all select 'report_patents', null, coalesce(sum(patents_filed), 0)::int, null from rpt
     union all select 'report_benefit', null, null, ${money('economic_benefit')} from rpt
     union all select 'benefit_total', null, null, (
       (select coalesce(sum(economic_benefit), 0) from inv) + (select coalesce(sum(economic_benefit), 0) from ado)
       + (select coalesce(sum(economic_benefit), 0) from rpt))::numeric(20, 2)::text`,
    params,
  );
  return shape(rows, year, district, scope);
}

/** Rows → the GraphQL shape; enum lists complete with zeros so charts need no gap-filling. */
function shape(rows: Row[], year: number | null, district: string | null, scope: OverviewScope): InnovationOverview {
  const count = (figure: string, key: string | null = null) => rows.find((r) => r.figure === figure && r.key === key)?.n ?? 0;
  const amount = (figure: string, key: string | null = null) => rows.find((r) => r.figure === figure && r.key === key)?.amount ?? '0.00';
  const byKind = Object.values(StudioKind).map((kind) => ({ kind, count: count('studio_kind', kind) }));
  const trainedByMethods = count('method_trained');
  const trainedByStudios = count('report_trainees');
  return {
    year,
    district,
    studios: {
      total: byKind.reduce((sum, k) => sum + k.count, 0),
      byKind,
      byLevel: Object.values(Level).map((level) => ({ level, count: count('studio_level', level) })),
      byStatus: Object.values(StudioStatus).map((status) => ({
        status,
        count: scope.everyStudio || PUBLIC_STATUSES.includes(status) ? count('studio_status', status) : null,
      })),
      dueForReevaluation: count('studio_due'),
      overdueForReevaluation: count('studio_overdue'),
    },
    innovations: (() => {
      const byCategory = Object.values(InnovationCategory).map((category) => ({ category, count: count('innovation_category', category) }));
      return { total: byCategory.reduce((sum, c) => sum + c.count, 0), byCategory, economicBenefit: amount('innovation_benefit') };
    })(),
    methods: {
      submitted: scope.everyMethod ? count('method_submitted') : null,
      named: count('method_named'),
      adopted: count('method_adopted'),
      adoptions: count('method_adoptions'),
      workersTrained: trainedByMethods,
      economicBenefit: amount('method_benefit'),
    },
    projects: (() => {
      const byStage = Object.values(ProjectStage).map((stage) => ({ stage, count: count('project_stage', stage) }));
      return {
        total: byStage.reduce((sum, s) => sum + s.count, 0),
        byStage,
        funding: scope.funding ? amount('funding_total') : null,
        fundingBySource: Object.values(FundingSourceKind).map((sourceKind) => ({ sourceKind, amount: scope.funding ? amount('funding_source', sourceKind) : null })),
      };
    })(),
    studioReports: {
      reports: count('report_count'),
      trainees: trainedByStudios,
      apprenticesMentored: count('report_apprentices'),
      projectsCompleted: count('report_projects'),
      patentsFiled: count('report_patents'),
      economicBenefit: amount('report_benefit'),
    },
    workersTrained: { byMethodAdoptions: trainedByMethods, byStudios: trainedByStudios, total: trainedByMethods + trainedByStudios },
    economicBenefit: {
      innovations: amount('innovation_benefit'),
      methodAdoptions: amount('method_benefit'),
      studioReports: amount('report_benefit'),
      total: amount('benefit_total'),
    },
  };
}
