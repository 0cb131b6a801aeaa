import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../context.js';
import { withUserErrors } from '../../common/errors.js';
import { expectId } from '../../common/relay.js';
import { assertOwner, loadCompetition, ORGANIZER_ROLES } from '../access.js';
import { CreateResultsDownloadInput, mintResultsDownload, ResultsDownloadPayload } from './results-download.js';

@Resolver()
export class ResultsDownloadResolver {
  // The same readers as GET /competitions/{id}/results.csv with a bearer token: the competition's organizer, and ADMIN.
  @Authorized(...ORGANIZER_ROLES)
  @Mutation(() => ResultsDownloadPayload, {
    description: 'The competition’s ORGANIZER or an ADMIN: a short-lived, single-use link to the results CSV, for a plain link in a web page (no Authorization header needed).',
  })
  async createResultsDownload(@Arg('input') input: CreateResultsDownloadInput, @Ctx() ctx: Context): Promise<ResultsDownloadPayload> {
    return withUserErrors(async () => {
      const id = expectId(input.competitionId, 'Competition', ['input', 'competitionId']);
      const competition = await loadCompetition(ctx.em as EntityManager, id);
      assertOwner(ctx.viewer, competition);
      return mintResultsDownload(ctx.em as EntityManager, competition, ctx.viewer!.id, ctx.app.config.resultsDownloadTtlSeconds);
    });
  }
}
