import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { cstYearBounds } from '../competitions/results/finalize.service.js';
import type { Ownership } from '../registry/enums.js';

@ObjectType({ description: 'Appraisal pass figures of one group (a body, a trade, or all).' })
export class AppraisalPassLine {
  /** The body's id; its GraphQL field resolves through a loader. */
  bodyId!: string | null;
  @Field(() => String, { nullable: true, description: 'Set in byTrade lines: the trade.' }) trade!: string | null;
  @Field(() => Int, { description: 'Sessions closed in the year with candidates in this group.' }) sessions!: number;
  @Field(() => Int, { description: 'Candidates appraised.' }) candidates!: number;
  @Field(() => Int, { description: 'Of them, passed.' }) passed!: number;
  @Field(() => Float, { description: 'passed ÷ candidates, 0–1 (4 decimals); 0 when none.' }) passRate!: number;
}

@ObjectType({
  description: 'Enterprise skill appraisal (技能等级认定) in the report’s year: sessions closed in it (China Standard Time); annulled sessions are left out. '
    + 'Candidates are placed by their enterprise’s district and ownership (the report filter’s district and ownership apply to them).',
})
export class AppraisalEfficacy {
  @Field(() => [AppraisalPassLine], { description: 'Per appraisal body, one line each (bounded by the bodies recorded).' }) byBody!: AppraisalPassLine[];
  @Field(() => [AppraisalPassLine], { description: 'Per trade, one line each (bounded by the trades appraised).' }) byTrade!: AppraisalPassLine[];
  @Field(() => AppraisalPassLine, { description: 'All of them together.' }) totals!: AppraisalPassLine;
}

export interface AppraisalEfficacyQuery {
  year: number;
  district?: string | null;
  ownership?: Ownership | null;
}

type Row = Record<string, string | number | null>;
const n = (v: unknown) => Number(v ?? 0);

/** One statement: GROUPING SETS give the per-body and per-trade lines and the totals. */
export async function appraisalEfficacy(em: EntityManager, q: AppraisalEfficacyQuery): Promise<AppraisalEfficacy> {
  const [from, until] = cstYearBounds(q.year);
  const params: unknown[] = [from, until];
  let where = '';
  if (q.district != null) {
    where += ' and en.district = ?';
    params.push(q.district);
  }
  if (q.ownership != null) {
    where += ' and en.ownership = ?';
    params.push(q.ownership);
  }
  const rows = await em.execute<Row[]>(
    `select grouping(s.body_id) as g_body, grouping(s.trade) as g_trade, s.body_id, s.trade,
       count(distinct s.id) as sessions, count(*) as candidates, count(*) filter (where c.outcome = 'PASSED') as passed
     from appraisal_candidate c
     join appraisal_session s on s.id = c.session_id
     join worker w on w.id = c.worker_id
     join enterprise en on en.id = w.enterprise_id
     where s.status = 'CLOSED' and s.closed_at >= ? and s.closed_at < ?${where}
     group by grouping sets ((s.body_id), (s.trade), ())
     order by s.body_id nulls last, s.trade nulls last`,
    params,
  );
  const line = (r: Row): AppraisalPassLine => ({
    bodyId: n(r.g_body) === 0 ? String(r.body_id) : null,
    trade: n(r.g_trade) === 0 ? String(r.trade) : null,
    sessions: n(r.sessions),
    candidates: n(r.candidates),
    passed: n(r.passed),
    passRate: n(r.candidates) ? Math.round((n(r.passed) / n(r.candidates)) * 10_000) / 10_000 : 0,
  });
  const pick = (body: number, trade: number) => rows.filter((r) => n(r.g_body) === body && n(r.g_trade) === trade).map(line);
  return { byBody: pick(0, 1), byTrade: pick(1, 0), totals: pick(1, 1)[0] ?? line({}) };
}
