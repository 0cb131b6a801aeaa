import { Ctx, Field, Float, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../context.js';
import { EfficacyReport, type EfficacyScope } from '../competitions/results/stats.types.js';
import { HonorKind } from '../registry/enums.js';

@ObjectType({ description: 'Honors conferred by campaigns for one honor kind (or all), with the front-line share the programme asks to raise.' })
export class HonorEfficacyLine {
  @Field(() => HonorKind, { nullable: true, description: 'The honor; null in the totals line.' }) kind!: HonorKind | null;
  @Field(() => Int, { description: 'Honors conferred and still standing (revoked ones are not counted).' }) conferred!: number;
  @Field(() => Int, { description: 'Of them, front-line workers (一线职工, as flagged when nominated).' }) frontLine!: number;
  @Field(() => Float, { description: 'frontLine ÷ conferred (4 decimals); 0 when none was conferred.' }) frontLineShare!: number;
  @Field(() => Int, { description: 'Nominees on the city’s recommendation lists for provincial or national honors (not conferred by the city).' }) recommended!: number;
}

@ObjectType({ description: 'Honor campaigns’ results in the report’s year (the campaigns’ year), district and ownership (of the nominating enterprise).' })
export class HonorEfficacy {
  @Field(() => [HonorEfficacyLine], { description: 'One line per honor kind with any result, in the HonorKind order of the schema’s values (at most one per kind).' }) byKind!: HonorEfficacyLine[];
  @Field(() => HonorEfficacyLine, { description: 'All kinds together.' }) totals!: HonorEfficacyLine;
}

const share = (part: number, whole: number) => (whole ? Math.round((part / whole) * 10_000) / 10_000 : 0);

export async function honorEfficacy(em: EntityManager, scope: EfficacyScope): Promise<HonorEfficacy> {
  const params: unknown[] = [scope.year];
  let where = '';
  if (scope.district) {
    where += ' and e.district = ?';
    params.push(scope.district);
  }
  if (scope.ownership) {
    where += ' and e.ownership = ?';
    params.push(scope.ownership);
  }
  const rows = await em.execute<{ kind: HonorKind; conferred: number; front_line: number; recommended: number }[]>(
    `select c.honor_kind as kind,
            count(h.id)::int as conferred,
            count(h.id) filter (where n.front_line)::int as front_line,
            count(*) filter (where n.status = 'RECOMMENDED')::int as recommended
     from nomination n
     join honor_campaign c on c.id = n.campaign_id
     join enterprise e on e.id = n.enterprise_id
     left join honor h on n.status = 'CONFERRED' and h.source_campaign_id = c.id and h.worker_id = n.worker_id and h.revoked_at is null
     where c.year = ? and n.status in ('CONFERRED', 'RECOMMENDED')${where}
     group by c.honor_kind`,
    params,
  );
  const order = Object.values(HonorKind) as string[];
  const line = (kind: HonorKind | null, conferred: number, frontLine: number, recommended: number): HonorEfficacyLine =>
    ({ kind, conferred, frontLine, frontLineShare: share(frontLine, conferred), recommended });
  const byKind = rows.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind)).map((r) => line(r.kind, r.conferred, r.front_line, r.recommended));
  const sum = (k: 'conferred' | 'frontLine' | 'recommended') => byKind.reduce((a, l) => a + l[k], 0);
  return { byKind, totals: line(null, sum('conferred'), sum('frontLine'), sum('recommended')) };
}

@Resolver(() => EfficacyReport)
export class HonorEfficacyResolver {
  @FieldResolver(() => HonorEfficacy, { description: 'Honors conferred by kind and front-line share (评选表彰), for the report’s year, district and ownership.' })
  async honorConferrals(@Root() report: EfficacyReport, @Ctx() ctx: Context): Promise<HonorEfficacy> {
    return honorEfficacy(ctx.em, report.filter);
  }
}
