import type { EntityManager } from '@mikro-orm/postgresql';
import type { Ownership } from '../registry/enums.js';
import { ChiefTechnicianIncentive } from './enums.js';
import { RATE_COLUMNS } from './skill-allowance.entity.js';
import type { ChiefTechnicianLine, ChiefTechnicianReport, SkillAllowanceLine, SkillAllowanceReport } from './talent-report.types.js';

/*
 * The efficacy report's talent sections (issue 15 §3). Every figure is computed by PostgreSQL; means
 * are numeric averages rounded to two decimals there, so they are exact. The scope is the registry's
 * enterprises, narrowed by the report's district and ownership.
 */

export interface TalentScope {
  year: number;
  district: string | null;
  ownership: Ownership | null;
}

type Row = Record<string, string | number | null>;
const n = (v: unknown) => Number(v ?? 0);

/**
 * The enterprises CTE `en` and its parameters: every enterprise in the registry (when it was entered
 * says nothing about when it existed), narrowed by district and ownership.
 */
function enterprises(q: TalentScope): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  let sql = 'select id, district, ownership from enterprise where true';
  if (q.district != null) {
    sql += ' and district = ?';
    params.push(q.district);
  }
  if (q.ownership != null) {
    sql += ' and ownership = ?';
    params.push(q.ownership);
  }
  return { sql, params };
}

const GROUPING = 'group by grouping sets ((en.ownership), (en.district), ()) order by en.ownership nulls last, en.district nulls last';

function split<T>(rows: Row[], lineOf: (r: Row) => T): { byOwnership: T[]; byDistrict: T[]; totals: T } {
  const pick = (o: number, d: number) => rows.filter((r) => n(r.g_o) === o && n(r.g_d) === d).map(lineOf);
  return { byOwnership: pick(0, 1), byDistrict: pick(1, 0), totals: pick(1, 1)[0] ?? lineOf({ g_o: 1, g_d: 1 }) };
}

const keys = (r: Row) => ({
  ownership: n(r.g_o) === 0 ? (r.ownership as Ownership) : null,
  district: n(r.g_d) === 0 ? (r.district as string) : null,
});

export async function skillAllowanceReport(em: EntityManager, q: TalentScope): Promise<SkillAllowanceReport> {
  const asOf = `${q.year}-12-31`;
  const en = enterprises(q);
  const levelColumns = RATE_COLUMNS.map(([, , col]) => `count(s.${col}) as n_${col}, round(avg(s.${col}), 2)::text as mean_${col}`).join(',\n       ');
  const rows = await em.execute<Row[]>(
    `with en as (${en.sql}),
     s as (
       select distinct on (st.enterprise_id) st.*
       from skill_allowance_standard st join en on en.id = st.enterprise_id
       where st.effective_from <= ?::date
       order by st.enterprise_id, st.effective_from desc
     )
     select grouping(en.ownership) as g_o, grouping(en.district) as g_d, en.ownership, en.district,
       count(*) as enterprises, count(s.id) as with_standard,
       case when count(*) = 0 then 0 else round(count(s.id)::numeric / count(*), 4) end as share,
       ${levelColumns}
     from en left join s on s.enterprise_id = en.id
     ${GROUPING}`,
    [...en.params, asOf],
  );
  const lineOf = (r: Row): SkillAllowanceLine => ({
    ...keys(r),
    enterprises: n(r.enterprises),
    enterprisesWithStandard: n(r.with_standard),
    share: n(r.share),
    levels: RATE_COLUMNS.map(([level, , col]) => ({ level, enterprises: n(r[`n_${col}`]), meanYuanPerMonth: (r[`mean_${col}`] as string | null) ?? null })),
  });
  return { asOf, ...split(rows, lineOf) };
}

export async function chiefTechnicianReport(em: EntityManager, q: TalentScope): Promise<ChiefTechnicianReport> {
  const en = enterprises(q);
  const from = `${q.year}-01-01`;
  const to = `${q.year}-12-31`;
  const incentive = (k: ChiefTechnicianIncentive) => `count(d.id) filter (where d.incentive = '${k}')`;
  const rows = await em.execute<Row[]>(
    `with en as (${en.sql}),
     d as (
       select c.* from chief_technician c join en on en.id = c.enterprise_id
       where c.term_from <= ?::date and coalesce(c.ended_on, c.term_to) >= ?::date
     )
     select grouping(en.ownership) as g_o, grouping(en.district) as g_d, en.ownership, en.district,
       count(distinct en.id) as enterprises,
       count(distinct d.enterprise_id) as with_chief,
       count(d.id) as designations,
       count(d.id) filter (where d.term_from >= ?::date) as new_designations,
       count(d.id) filter (where d.ended_on is not null and d.ended_on <= ?::date) as ended_early,
       ${incentive(ChiefTechnicianIncentive.ANNUAL_SALARY)} as annual_salary,
       ${incentive(ChiefTechnicianIncentive.EQUITY)} as equity,
       ${incentive(ChiefTechnicianIncentive.OPTIONS)} as options,
       ${incentive(ChiefTechnicianIncentive.ALLOWANCE)} as allowance
     from en left join d on d.enterprise_id = en.id
     ${GROUPING}`,
    [...en.params, to, from, from, to],
  );
  const lineOf = (r: Row): ChiefTechnicianLine => ({
    ...keys(r),
    enterprises: n(r.enterprises),
    enterprisesWithChiefTechnician: n(r.with_chief),
    designations: n(r.designations),
    newDesignations: n(r.new_designations),
    endedEarly: n(r.ended_early),
    annualSalary: n(r.annual_salary),
    equity: n(r.equity),
    options: n(r.options),
    allowance: n(r.allowance),
  });
  return split(rows, lineOf);
}
