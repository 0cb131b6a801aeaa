import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.js';
import { innovationOverview } from './overview.service.js';
import { InnovationOverview, InnovationOverviewFilter } from './overview.types.js';

@Resolver()
export class OverviewResolver {
  @Query(() => InnovationOverview, {
    description:
      'The city’s innovation overview: studios, innovations, methods, projects, funding, training and benefit, by year and district. ' +
      'Public, like the showcase it feeds: aggregates only, no names or identities. One SQL statement.',
  })
  async innovationOverview(
    @Arg('filter', () => InnovationOverviewFilter, { nullable: true }) filter: InnovationOverviewFilter | null,
    @Ctx() ctx: Context,
  ): Promise<InnovationOverview> {
    return innovationOverview(ctx.em, filter);
  }
}
