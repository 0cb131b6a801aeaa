import type { EntityManager } from '@mikro-orm/postgresql';
import { Level, NON_PUBLIC, Ownership, SKILL_LEVEL_ORDER } from '../../registry/enums.js';
import { cstYearBounds } from './finalize.service.js';
import { CompetitionStatus, CriterionKind, EntryStatus, type CompetitionKind } from '../enums.js';
import type { CompetitionStats, EfficacyLine, EfficacyReport } from './stats.types.js';

/*
 * Every figure here is computed by PostgreSQL (aggregates, GROUP BY); nothing is counted in memory.
 * The SQL names columns as the migrations create them.
 */

/** Skill levels lowest first, as an SQL array literal of our own enum values (no user input). */
const LEVELS = `array[${SKILL_LEVEL_ORDER.map((l) => `'${l}'`).join(', ')}]::text[]`;
const levelRank = (column: string) => `coalesce(array_position(${LEVELS}, ${column}::text), 0)`;

/**
 * A worker `w` eligible for competition `c` as registration judges it: trade in the eligible trades
 * (the competition's own trade when none are listed), level within the range (no level counts as
 * below JUNIOR), enterprise in the list when there is one.
 */
const ELIGIBLE = `
  w.trade = any(case when cardinality(c.eligible_trades) > 0 then c.eligible_trades else array[c.trade]::text[] end)
  and (c.min_skill_level is null or ${levelRank('w.skill_level')} >= ${levelRank('c.min_skill_level')})
  and (c.max_skill_level is null or ${levelRank('w.skill_level')} <= ${levelRank('c.max_skill_level')})
  and (cardinality(c.eligible_enterprise_ids) = 0 or w.enterprise_id = any(c.eligible_enterprise_ids))`;

/**
 * A worker `w` (of enterprise `wen`) in competition `c`'s scope: an ENTERPRISE contest's host enterprise,
 * a DISTRICT contest's district, the whole registry from CITY up; never one of its own judges (a judge
 * user linked to the worker, on the panel now).
 */
const IN_SCOPE = `
  case c.level when '${Level.ENTERPRISE}' then w.enterprise_id = c.host_enterprise_id
               when '${Level.DISTRICT}' then wen.district = c.district
               else true end
  and not exists (select 1 from judge_assignment j join app_user u on u.id = j.user_id
                  where j.competition_id = c.id and j.removed_at is null and u.worker_id = w.id)`;

/** The competition columns the participation CTEs read. */
const C_COLUMNS = 'id, level, host_enterprise_id, district, trade, eligible_trades, min_skill_level, max_skill_level, eligible_enterprise_ids';

/**
 * Active entries, their workers (with the enterprise registered at entry), the enterprises taking part,
 * and the eligible workers in scope who did not enter. The participation rate's denominator is entered
 * + idle: every eligible worker in scope, so enterprises that sent nobody count too.
 */
const PARTICIPATION = `
  act as (select e.id, e.competition_id from entry e join c on c.id = e.competition_id where e.status = '${EntryStatus.ACTIVE}'),
  mem as (select m.competition_id, m.entry_id, m.worker_id, m.enterprise_id from entry_member m join act on act.id = m.entry_id),
  ent as (select distinct competition_id, enterprise_id from mem),
  idle as (
    select c.id as competition_id, w.id as worker_id, w.enterprise_id
    from c cross join worker w join enterprise wen on wen.id = w.enterprise_id
    where ${ELIGIBLE} and ${IN_SCOPE}
      and not exists (select 1 from mem where mem.competition_id = c.id and mem.worker_id = w.id)
  )`;

/** An award that gave something: a prize, the honor, or a promotion actually written (not withheld). */
const BENEFITED = `(a.prize is not null or a.honor_granted
  or exists (select 1 from jsonb_array_elements(a.promotions) p where p->>'withheld' is null))`;

/**
 * Awards (ranked entries at finalization) of the competitions in `c` whose standardised score
 * (WorldSkills 700 scale, src/scoring/standardise.ts) shows as 700.00 or more: the Medallion for
 * Excellence threshold. Rounded half up, 700.00 means 500 + 100·(t − m)/sd ≥ 699.995, i.e.
 * (t − m)/sd ≥ 1.99995; with n awards, s = Σt and q = Σt², t − m = (n·t − s)/n and sd = √(n·q − s²)/n,
 * so: n·t − s ≥ 0 and (n·t − s)² ≥ 1.99995²·(n·q − s²), exact in numeric (no square root).
 * Fewer than 3 ranked entries or zero spread standardise to null or 500: never excellent. Absent
 * entrants ranked last are left out, as withStandardisedScores leaves them out.
 */
const EXCELLENT = `
  std as (
    select a.competition_id, a.entry_id, a.total,
      count(*) over w as n, sum(a.total) over w as s, sum(a.total * a.total) over w as q
    -- An absent entrant ranked last has an award row but did not compete: not on the scale (as on the board).
    from award a join c on c.id = a.competition_id join entry ae on ae.id = a.entry_id and ae.status <> '${EntryStatus.ABSENT}'
    window w as (partition by a.competition_id)
  ),
  excellent as (
    select competition_id, entry_id from std
    where n >= 3 and n * q - s * s > 0 and n * total - s >= 0
      and (n * total - s) * (n * total - s) >= 3.9998000025 * (n * q - s * s)
  )`;

const rate = (num: string, den: string) => `coalesce(round(${num}::numeric / nullif(${den}, 0), 4), 0)`;
const uuids = (ids: readonly string[]) => (ids.length ? ids : ['00000000-0000-0000-0000-000000000000']);

type Row = Record<string, string | number | null>;
const n = (v: string | number | null | undefined) => Number(v ?? 0);

/** Stats of many competitions in one statement (a DataLoader batches a page of competitions into it). */
export async function competitionStats(em: EntityManager, competitionIds: readonly string[]): Promise<Map<string, CompetitionStats>> {
  const rows = await em.execute<Row[]>(
    `with c as (
       select ${C_COLUMNS} from competition where id = any(array[?]::uuid[])
     ),
     ${PARTICIPATION},
     ${EXCELLENT},
     crit as (
       select cr.id, cr.competition_id,
         case when cr.kind = '${CriterionKind.MEASUREMENT}' then 1
              else (select count(*) from judge_assignment j
                    where j.competition_id = cr.competition_id and j.removed_at is null and cr.stage_id = any(j.stage_ids)) end as expected
       from criterion cr join c on c.id = cr.competition_id
     )
     select c.id,
       (select count(*) from act where act.competition_id = c.id) as entries,
       (select count(*) from mem where mem.competition_id = c.id) as workers,
       (select count(*) from idle where idle.competition_id = c.id) as idle_workers,
       (select count(*) from ent where ent.competition_id = c.id) as enterprises,
       (select count(*) from ent join enterprise en on en.id = ent.enterprise_id
         where ent.competition_id = c.id and en.ownership = any(array[?]::text[])) as non_public_enterprises,
       (select count(*) from award a where a.competition_id = c.id) as ranked_entries,
       (select count(*) from award a where a.competition_id = c.id and ${BENEFITED}) as benefited_entries,
       (select count(*) from excellent x where x.competition_id = c.id) as excellent_entries,
       -- Per entry, as stored with its result (only marks that can be given: scopes and conflicts);
       -- an entry without a result yet expects the whole panel's marks and has none.
       (select coalesce(sum(coalesce(r.marks_expected, (select coalesce(sum(expected), 0) from crit where crit.competition_id = c.id))), 0)
         from act left join entry_result r on r.entry_id = act.id where act.competition_id = c.id) as marks_expected,
       (select coalesce(sum(r.marks_received), 0) from act join entry_result r on r.entry_id = act.id
         where act.competition_id = c.id) as marks_received,
       (select count(*) from skill_level_change x where x.source_competition_id = c.id) as promotions,
       (select count(*) from honor h where h.source_competition_id = c.id) as honors
     from c`,
    [uuids(competitionIds), [...NON_PUBLIC]],
  );
  return new Map(rows.map((r) => [String(r.id), statsOf(r)]));
}

function statsOf(r: Row): CompetitionStats {
  const workers = n(r.workers);
  const eligibleWorkers = workers + n(r.idle_workers);
  const ranked = n(r.ranked_entries);
  const benefited = n(r.benefited_entries);
  return {
    entries: n(r.entries),
    workers,
    enterprises: n(r.enterprises),
    nonPublicEnterprises: n(r.non_public_enterprises),
    eligibleWorkers,
    participationRate: eligibleWorkers ? round4(workers / eligibleWorkers) : 0,
    rankedEntries: ranked,
    benefitedEntries: benefited,
    benefitRate: ranked ? round4(benefited / ranked) : 0,
    excellentEntries: n(r.excellent_entries),
    marksReceived: n(r.marks_received),
    marksExpected: n(r.marks_expected),
    promotions: n(r.promotions),
    honors: n(r.honors),
  };
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

export const EMPTY_STATS: CompetitionStats = statsOf({});

export interface EfficacyQuery {
  year: number;
  district?: string | null;
  kind?: CompetitionKind | null;
  ownership?: Ownership | null;
}

/**
 * 成效评估 over the competitions FINALIZED in a calendar year (China Standard Time): one statement,
 * GROUP BY GROUPING SETS giving the per-kind, per-district, per-ownership lines and the totals at once.
 * The unit is a worker's participation (one row per worker entered or eligible, per competition), each
 * placed by the district and ownership of their enterprise; entries are counted distinct.
 */
export async function efficacyReport(em: EntityManager, q: EfficacyQuery): Promise<Omit<EfficacyReport, 'filter'>> {
  const [from, until] = cstYearBounds(q.year);
  const params: unknown[] = [CompetitionStatus.FINALIZED, from, until];
  let kindFilter = '';
  if (q.kind) {
    kindFilter = 'and kind = ?';
    params.push(q.kind);
  }
  const where: string[] = [];
  if (q.district != null) {
    where.push('en.district = ?');
    params.push(q.district);
  }
  if (q.ownership != null) {
    where.push('en.ownership = ?');
    params.push(q.ownership);
  }
  const districtFilter = where.length ? `where ${where.join(' and ')}` : '';
  const rows = await em.execute<Row[]>(
    `with c as (
       select ${C_COLUMNS}, kind from competition where status = ? and finalized_at >= ? and finalized_at < ? ${kindFilter}
     ),
     ${PARTICIPATION},
     ${EXCELLENT},
     prom as (select source_competition_id as cid, worker_id, count(*) as n from skill_level_change
              where source_competition_id in (select id from c) group by 1, 2),
     hon as (select source_competition_id as cid, worker_id, count(*) as n from honor
             where source_competition_id in (select id from c) group by 1, 2),
     facts as (
       select mem.competition_id, mem.entry_id, mem.enterprise_id, true as entered,
              a.id is not null as ranked, coalesce(${BENEFITED}, false) as benefited, x.entry_id is not null as excellent,
              coalesce(prom.n, 0) as promotions, coalesce(hon.n, 0) as honors
       from mem
       left join award a on a.entry_id = mem.entry_id
       left join excellent x on x.entry_id = mem.entry_id
       left join prom on prom.cid = mem.competition_id and prom.worker_id = mem.worker_id
       left join hon on hon.cid = mem.competition_id and hon.worker_id = mem.worker_id
       union all
       select competition_id, null, enterprise_id, false, false, false, false, 0, 0 from idle
     )
     select grouping(c.kind) as g_kind, grouping(en.district) as g_district, grouping(en.ownership) as g_ownership,
       c.kind, en.district, en.ownership,
       count(distinct f.competition_id) as competitions,
       count(distinct f.entry_id) as entries,
       count(distinct f.enterprise_id) filter (where f.entered) as enterprises,
       count(*) filter (where f.entered) as workers,
       count(*) as eligible_workers,
       ${rate('count(*) filter (where f.entered)', 'count(*)')} as participation_rate,
       count(distinct f.entry_id) filter (where f.ranked) as ranked_entries,
       count(distinct f.entry_id) filter (where f.benefited) as benefited_entries,
       ${rate('count(distinct f.entry_id) filter (where f.benefited)', 'count(distinct f.entry_id) filter (where f.ranked)')} as benefit_rate,
       count(distinct f.entry_id) filter (where f.excellent) as excellent_entries,
       coalesce(sum(f.promotions), 0) as promotions,
       coalesce(sum(f.honors), 0) as honors
     from facts f join c on c.id = f.competition_id join enterprise en on en.id = f.enterprise_id
     ${districtFilter}
     group by grouping sets ((c.kind), (en.district), (en.ownership), ())
     order by c.kind nulls last, en.district nulls last, en.ownership nulls last`,
    params,
  );
  const lines = rows.map((r) => ({ r, line: lineOf(r) }));
  const pick = (g: [number, number, number]) =>
    lines.filter(({ r }) => n(r.g_kind) === g[0] && n(r.g_district) === g[1] && n(r.g_ownership) === g[2]).map(({ line }) => line);
  return {
    year: q.year,
    byKind: pick([0, 1, 1]),
    byDistrict: pick([1, 0, 1]),
    byOwnership: pick([1, 1, 0]),
    totals: pick([1, 1, 1])[0] ?? lineOf({}),
  };
}

function lineOf(r: Row): EfficacyLine {
  const key = (g: string, v: string | number | null | undefined) => (n(r[g]) === 0 && v != null ? String(v) : null);
  return {
    kind: key('g_kind', r.kind) as CompetitionKind | null,
    district: key('g_district', r.district),
    ownership: key('g_ownership', r.ownership) as Ownership | null,
    competitions: n(r.competitions),
    entries: n(r.entries),
    enterprises: n(r.enterprises),
    workers: n(r.workers),
    eligibleWorkers: n(r.eligible_workers),
    participationRate: n(r.participation_rate),
    rankedEntries: n(r.ranked_entries),
    benefitedEntries: n(r.benefited_entries),
    benefitRate: n(r.benefit_rate),
    excellentEntries: n(r.excellent_entries),
    promotions: n(r.promotions),
    honors: n(r.honors),
  };
}
