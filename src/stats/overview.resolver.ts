import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.js';
import { innovationOverview, overviewScope } from './overview.service.js';
import { InnovationOverview, InnovationOverviewFilter } from './overview.types.js';

@Resolver()
export class OverviewResolver {
  @Query(() => InnovationOverview, {
    description:
      'The city’s innovation overview: studios, innovations, methods, projects, funding, training and benefit, by year and district. ' +
      'Public, like the showcase it feeds: aggregates only, no names or identities. One SQL statement. ' +
      'Every figure counts only rows the viewer may see one by one, so no filter, pair of filters or reading before and after a change ' +
      'reveals a row that is not public (a threshold on small cells would not do: the city total minus the other districts, ' +
      'or one sum read before and after a new record, gives the hidden figure). ADMIN and REVIEWER get every studio ' +
      '(with its innovations and reports) and project funding, ADMIN also every submitted method; everyone else gets ACCREDITED studios only, ' +
      'null for the counts of other studio statuses and of submitted methods, and null for funding (project owners see their own on the project).',
  })
  async innovationOverview(
    @Arg('filter', () => InnovationOverviewFilter, { nullable: true, description: 'Year and district; the whole city over all years when omitted.' }) filter: InnovationOverviewFilter | null,
    @Ctx() ctx: Context,
  ): Promise<InnovationOverview> {
    return innovationOverview(ctx.em, filter, overviewScope(ctx.viewer));
  }
}
