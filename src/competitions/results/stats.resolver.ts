import DataLoader from 'dataloader';
import { Arg, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../context.js';
import { badInput } from '../../common/errors.js';
import type { LoaderFactory } from '../../common/loaders.js';
import { Role } from '../../auth/role.js';
import { Competition } from '../setup/competition.entity.js';
import { competitionStats, efficacyReport, EMPTY_STATS } from './stats.service.js';
import { CompetitionStats, EfficacyFilter, EfficacyReport } from './stats.types.js';
import { m } from './messages.js';

/** Stats of every competition a request asks for, in one statement. */
const statsByCompetition: LoaderFactory<string, CompetitionStats> = (em) =>
  new DataLoader<string, CompetitionStats>(async (ids) => {
    const stats = await competitionStats(em as EntityManager, ids);
    return ids.map((id) => stats.get(id) ?? EMPTY_STATS);
  });

@Resolver(() => Competition)
export class StatsResolver {
  @FieldResolver(() => CompetitionStats, { description: 'Participation and benefit (竞赛成效), marking progress. Public.' })
  async stats(@Root() competition: Competition, @Ctx() ctx: Context): Promise<CompetitionStats> {
    return ctx.loaders.get(statsByCompetition).load(competition.id);
  }

  @Authorized(Role.ORGANIZER)
  @Query(() => EfficacyReport, {
    description: 'ORGANIZER or ADMIN: efficacy evaluation (成效评估) of the competitions finalized in a year, per kind, district and ownership.',
  })
  async efficacyReport(@Arg('filter', () => EfficacyFilter, { description: 'The year (required), and optionally a competition kind, a district and an ownership.' }) filter: EfficacyFilter, @Ctx() ctx: Context): Promise<EfficacyReport> {
    if (!Number.isInteger(filter.year) || filter.year < 1949 || filter.year > 2999) throw badInput(m('badYear'));
    const district = filter.district?.trim();
    const scope = { year: filter.year, kind: filter.kind ?? null, district: district ? district : null, ownership: filter.ownership ?? null };
    return { ...(await efficacyReport(ctx.em, scope)), filter: scope };
  }
}
