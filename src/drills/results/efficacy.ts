import { Ctx, Field, Float, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../context.js';
import { EfficacyReport, type EfficacyScope } from '../../competitions/results/stats.types.js';
import { CompetitionKind } from '../../competitions/enums.js';
import { Ownership } from '../../registry/enums.js';

@ObjectType({ description: 'Online drills’ participation (网上练兵) in a group of enterprises: pass holders, takers, passes.' })
export class DrillEfficacyLine {
  @Field(() => String, { nullable: true, description: 'Set in byDistrict lines: district of the takers’ enterprises.' }) district!: string | null;
  @Field(() => Ownership, { nullable: true, description: 'Set in byOwnership lines: ownership of the takers’ enterprises.' }) ownership!: Ownership | null;
  @Field(() => Int, { description: 'Drills with at least one counted attempt in this group.' }) drills!: number;
  @Field(() => Int, { description: 'Distinct enterprises with a taker.' }) enterprises!: number;
  @Field(() => Int, { description: 'Live drill passes (workers invited, per drill).' }) passHolders!: number;
  @Field(() => Int, { description: 'Worker participations: a worker with a counted attempt (a worker in two drills counts twice).' }) participants!: number;
  @Field(() => Float, { description: '参与率: participants ÷ passHolders (4 decimals); 0 without pass holders.' }) participationRate!: number;
  @Field(() => Int, { description: 'Participations whose counted score (BEST or LAST per the drill) reaches the pass mark.' }) passed!: number;
  @Field(() => Float, { description: '及格率: passed ÷ participants (4 decimals); 0 without participants.' }) passRate!: number;
}

@ObjectType({ description: 'Online drills closed in the report’s year (China Standard Time), next to the competitions; published drills only.' })
export class DrillEfficacy {
  @Field(() => [DrillEfficacyLine], { description: 'Per district of the takers’ enterprises (at most one line per district).' }) byDistrict!: DrillEfficacyLine[];
  @Field(() => [DrillEfficacyLine], { description: 'Per ownership (at most one line per ownership).' }) byOwnership!: DrillEfficacyLine[];
  @Field(() => DrillEfficacyLine, { description: 'All of them together.' }) totals!: DrillEfficacyLine;
}

const share = (part: number, whole: number) => (whole ? Math.round((part / whole) * 10_000) / 10_000 : 0);
interface Row { g_district: number; g_ownership: number; district: string | null; ownership: Ownership | null; drills: number; enterprises: number; pass_holders: number; participants: number; passed: number }

export async function drillEfficacy(em: EntityManager, scope: EfficacyScope): Promise<DrillEfficacy> {
  const line = (r: Partial<Row>, district: string | null, ownership: Ownership | null): DrillEfficacyLine => {
    const [passHolders, participants, passed] = [r.pass_holders ?? 0, r.participants ?? 0, r.passed ?? 0];
    return { district, ownership, drills: r.drills ?? 0, enterprises: r.enterprises ?? 0, passHolders, participants, participationRate: share(participants, passHolders), passed, passRate: share(passed, participants) };
  };
  // Drills are the programme's online drills: a report asked for another competition kind has none.
  if (scope.kind && scope.kind !== CompetitionKind.ONLINE_DRILL) return { byDistrict: [], byOwnership: [], totals: line({}, null, null) };
  const params: unknown[] = [scope.year];
  let where = '';
  if (scope.district) (where += ' and e.district = ?'), params.push(scope.district);
  if (scope.ownership) (where += ' and e.ownership = ?'), params.push(scope.ownership);
  const rows = await em.execute<Row[]>(
    `with d as (
       select id, pass_mark, counting from drill
       where status = 'PUBLISHED' and closes_at <= now() and extract(year from closes_at at time zone 'Asia/Shanghai') = ?
     ), holders as (
       select distinct p.drill_id, p.worker_id from drill_pass p join d on d.id = p.drill_id where p.revoked_at is null
     ), counted as (
       select distinct on (a.drill_id, a.worker_id) a.drill_id, a.worker_id, a.score >= d.pass_mark as passed
       from drill_attempt a join d on d.id = a.drill_id
       where a.status = 'SUBMITTED' and a.score is not null
       order by a.drill_id, a.worker_id, case when d.counting = 'LAST' then a.number else 0 end desc, a.score desc, a.number
     ), rows as (
       select coalesce(h.drill_id, c.drill_id) as drill_id, coalesce(h.worker_id, c.worker_id) as worker_id,
         h.worker_id is not null as holder, c.worker_id is not null as took, coalesce(c.passed, false) as passed
       from holders h full join counted c on c.drill_id = h.drill_id and c.worker_id = h.worker_id
     )
     select grouping(e.district)::int as g_district, grouping(e.ownership)::int as g_ownership, e.district, e.ownership,
       (count(distinct r.drill_id) filter (where r.took))::int as drills, (count(distinct e.id) filter (where r.took))::int as enterprises,
       (count(*) filter (where r.holder))::int as pass_holders, (count(*) filter (where r.took))::int as participants,
       (count(*) filter (where r.passed))::int as passed
     from rows r join worker w on w.id = r.worker_id join enterprise e on e.id = w.enterprise_id
     where true${where}
     group by grouping sets ((e.district), (e.ownership), ())`,
    params,
  );
  const total = rows.find((r) => r.g_district && r.g_ownership) ?? {};
  const byDistrict = rows.filter((r) => !r.g_district).sort((a, b) => String(a.district).localeCompare(String(b.district), 'zh-Hans-CN-u-co-pinyin')).map((r) => line(r, r.district, null));
  const order = Object.values(Ownership) as string[];
  const byOwnership = rows.filter((r) => !r.g_ownership).sort((a, b) => order.indexOf(a.ownership!) - order.indexOf(b.ownership!)).map((r) => line(r, null, r.ownership));
  return { byDistrict, byOwnership, totals: line(total, null, null) };
}

@Resolver(() => EfficacyReport)
export class DrillEfficacyResolver {
  @FieldResolver(() => DrillEfficacy, { description: 'Online drills (网上练兵) closed in the report’s year: pass holders, participation and passes per district and ownership (kind: they count as ONLINE_DRILL).' })
  async drills(@Root() report: EfficacyReport, @Ctx() ctx: Context): Promise<DrillEfficacy> {
    return drillEfficacy(ctx.em as unknown as EntityManager, report.filter);
  }
}
