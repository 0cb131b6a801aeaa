import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { CompetitionStatus } from '../competitions/enums.js';
import { competitionById } from '../competitions/competitions.loaders.js';
import { Award } from '../competitions/results/award.entity.js';
import { visibleMethods } from '../methods/access.js';
import { methodById } from '../methods/methods.loaders.js';
import { OperatingMethod } from '../methods/operating-method.entity.js';
import { canSeeStudio } from '../studios/access.js';
import { Innovation } from '../studios/innovation.entity.js';
import { innovationById, studioById } from '../studios/studios.loaders.js';
import { evidenceAwardById } from './honors.loaders.js';
import { Nomination } from './nomination.entity.js';

const present = <T>(xs: (T | null | undefined)[]): T[] => xs.filter((x): x is T => x != null);

/**
 * A nomination's evidence as the records themselves, in the order the nominator listed them. Each is
 * shown under its own type's read rules (a record you could not open by node(id:) is left out), and
 * batched per request: a page of nominations loads each kind of evidence in one statement.
 * Plain lists: nominateForHonor takes at most 20 of each.
 */
@Resolver(() => Nomination)
export class NominationEvidenceResolver {
  @FieldResolver(() => [Innovation], { description: 'Evidence: the nominee’s innovations (创新成果), in the order listed; at most 20 (the nomination’s limit). Those whose studio you may not see are left out.' })
  async innovations(@Root() n: Nomination, @Ctx() ctx: Context): Promise<Innovation[]> {
    const rows = present(await ctx.loaders.get(innovationById).loadMany(n.innovationIds).then((r) => r.map((x) => (x instanceof Error ? null : x))));
    const studios = await ctx.loaders.get(studioById).loadMany(rows.map((r) => r.studio.id));
    return rows.filter((_, i) => { const s = studios[i]; return !!s && !(s instanceof Error) && canSeeStudio(ctx.viewer, s); });
  }

  @FieldResolver(() => [OperatingMethod], { description: 'Evidence: the nominee’s named operating methods (先进操作法), in the order listed; at most 20 (the nomination’s limit).' })
  async operatingMethods(@Root() n: Nomination, @Ctx() ctx: Context): Promise<OperatingMethod[]> {
    const rows = present(await ctx.loaders.get(methodById).loadMany(n.methodIds).then((r) => r.map((x) => (x instanceof Error ? null : x))));
    return visibleMethods(ctx, rows);
  }

  @FieldResolver(() => [Award], { description: 'Evidence: competition awards of the nominee’s entries (竞赛获奖), in the order listed; at most 20 (the nomination’s limit). Awards of a competition no longer FINALIZED are left out.' })
  async awards(@Root() n: Nomination, @Ctx() ctx: Context): Promise<Award[]> {
    const rows = present(await ctx.loaders.get(evidenceAwardById).loadMany(n.awardIds).then((r) => r.map((x) => (x instanceof Error ? null : x))));
    const competitions = await ctx.loaders.get(competitionById).loadMany(rows.map((a) => a.competition.id));
    return rows.filter((_, i) => { const c = competitions[i]; return !!c && !(c instanceof Error) && c.status === CompetitionStatus.FINALIZED; });
  }
}
