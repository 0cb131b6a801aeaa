import type { EntityManager } from '@mikro-orm/postgresql';
import { toGlobalId } from '../../common/relay.js';
import { CriterionKind, EntryStatus } from '../enums.js';
import { FLAG_MIN_COMPARED_MARKS, FLAG_SHARE_OF_MAX, type JudgeReport, type JudgeReportLine } from './judge-report.types.js';

/*
 * The judge marking-pattern report (issue 12 §7), one statement, every figure in PostgreSQL numeric.
 * Definitions (docs/judging-statistics.md):
 * - marks: the current values of JUDGEMENT marks on ACTIVE entries (withdrawn, disqualified and any other
 *   non-active entry left out, for the judge and for the panel alike);
 * - deviation of a mark: mark − mean of the other judges' marks on that entry and criterion (k marks in
 *   all, k ≥ 2); the own mark is excluded, so a judge is not measured against a mean they moved;
 * - spread: population standard deviation of those deviations;
 * - trimmed high / low: on a panel of k ≥ 3 marks, the mark is strictly the highest / lowest (ties: nobody);
 * - flagged: |mean deviation| as rounded > FLAG_SHARE_OF_MAX × maxScore with at least FLAG_MIN_COMPARED_MARKS deviations.
 *
 * A mean of the others divides by k − 1, so it is computed to 30 decimals, and every figure is first
 * rounded to 20 decimals and then to 2 (half away from zero): a mean that is exactly x.xx5 (say a sum of
 * thirds) thereby rounds up instead of being decided by the 30th digit. Exact whenever the result's
 * denominator (200 × marks × the lcm of the panel sizes less one) stays below 10¹⁹: panels of up to 30
 * judges with thousands of marks.
 */
const REPORT_SQL = `
  with m as (
    select s.judge_id, s.criterion_id, s.value,
      count(*) over p as k,
      sum(s.value) over p as t,
      max(s.value) over p as hi,
      min(s.value) over p as lo,
      count(*) over (partition by s.entry_id, s.criterion_id, s.value) as same
    from score s
    join criterion cr on cr.id = s.criterion_id
    join entry e on e.id = s.entry_id
    where s.competition_id = ? and cr.kind = '${CriterionKind.JUDGEMENT}' and e.status = '${EntryStatus.ACTIVE}'
    window p as (partition by s.entry_id, s.criterion_id)
  ),
  d as (
    select judge_id, criterion_id, value, k, hi, lo, same,
      case when k > 1 then value - (t - value)::numeric(40, 30) / (k - 1) end as dev
    from m
  ),
  g as (
    select judge_id, criterion_id,
      count(*) as marks,
      count(dev) as compared,
      round(round(avg(dev), 20), 2) as mean_dev,
      round(round(avg(abs(dev)), 20), 2) as mad,
      round(round(stddev_pop(dev), 20), 2) as spread,
      count(*) filter (where k >= 3) as panels3,
      count(*) filter (where k >= 3 and value = hi and same = 1) as high,
      count(*) filter (where k >= 3 and value = lo and same = 1) as low
    from d group by judge_id, criterion_id
  )
  select g.*, u.display_name,
    exists (select 1 from judge_assignment j
            where j.competition_id = cr.competition_id and j.user_id = g.judge_id and j.removed_at is null) as on_panel,
    coalesce(g.compared >= ${FLAG_MIN_COMPARED_MARKS} and abs(g.mean_dev) > ${FLAG_SHARE_OF_MAX} * cr.max_score, false) as flagged
  from g
  join criterion cr on cr.id = g.criterion_id
  join stage st on st.id = cr.stage_id
  join app_user u on u.id = g.judge_id
  order by st.position, cr.position, u.display_name, u.id`;

type Row = Record<string, string | number | boolean | null>;
const num = (v: Row[string]) => Number(v ?? 0);
const orNull = (v: Row[string]) => (v === null || v === undefined ? null : Number(v));

/** The report of one competition; who may read it is the resolver's (the jury's) rule. */
export async function judgeReport(em: EntityManager, competitionId: string): Promise<JudgeReport> {
  const rows = await em.execute<Row[]>(REPORT_SQL, [competitionId]);
  const lines: Omit<JudgeReportLine, 'criterion'>[] = rows.map((r) => ({
    judgeId: toGlobalId('User', String(r.judge_id)),
    judgeName: String(r.display_name),
    onPanel: r.on_panel === true,
    criterionId: String(r.criterion_id),
    marks: num(r.marks),
    comparedMarks: num(r.compared),
    meanDeviation: orNull(r.mean_dev),
    meanAbsoluteDeviation: orNull(r.mad),
    spread: orNull(r.spread),
    panelsOfThree: num(r.panels3),
    trimmedHigh: num(r.high),
    trimmedLow: num(r.low),
    flagged: r.flagged === true,
  }));
  return { flagShareOfMaxScore: FLAG_SHARE_OF_MAX, flagMinimumMarks: FLAG_MIN_COMPARED_MARKS, lines: lines as JudgeReportLine[] };
}
