import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { ConnectionArgs } from '../common/relay.js';
import { nestedConnection } from '../common/nested-connection.js';
import { orderOf } from '../common/pagination.js';
import { ExpertReviewRevisionConnection, ExpertReviewRevisionOrder } from './method.inputs.js';
import type { Context } from '../context.js';
import { registerNodeType } from '../common/node.resolver.js';
import { userById } from '../auth/user-summary.js';
import { canSeeReviews } from './access.js';
import { ExpertReview, ExpertReviewRevision } from './expert-review.entity.js';
import { methodById } from './methods.loaders.js';
import { OperatingMethod } from './operating-method.entity.js';

// node(id:) applies the rule of `OperatingMethod.reviews`: admins and the method's assigned reviewers.
registerNodeType('ExpertReview', async (ctx, ids) => {
  if (!ctx.viewer) return new Map();
  const rows = await ctx.em.find(ExpertReview, { id: { $in: ids } });
  const seen = await Promise.all(rows.map((r) => canSeeReviews(ctx, r.method.id)));
  return new Map(rows.filter((_, i) => seen[i]).map((r) => [r.id, r]));
});
registerNodeType('ExpertReviewRevision', async (ctx, ids) => {
  if (!ctx.viewer) return new Map();
  const rows = await ctx.em.find(ExpertReviewRevision, { id: { $in: ids } }, { populate: ['review'] });
  const seen = await Promise.all(rows.map((r) => canSeeReviews(ctx, r.review.getEntity().method.id)));
  return new Map(rows.filter((_, i) => seen[i]).map((r) => [r.id, r]));
});

@Resolver(() => ExpertReview)
export class ExpertReviewResolver {
  @FieldResolver(() => String, { description: 'The expert’s display name.' })
  async reviewerName(@Root() r: ExpertReview, @Ctx() ctx: Context): Promise<string> {
    return (await ctx.loaders.get(userById).load(r.reviewer.id))?.displayName ?? '';
  }

  @FieldResolver(() => OperatingMethod, { description: 'The method reviewed.' })
  async method(@Root() r: ExpertReview, @Ctx() ctx: Context): Promise<OperatingMethod> {
    return (await ctx.loaders.get(methodById).load(r.method.id))!;
  }

  @FieldResolver(() => ExpertReviewRevisionConnection, { description: 'Earlier versions this review replaced (each correction keeps one), oldest first unless ordered otherwise.' })
  async revisions(
    @Root() r: ExpertReview,
    @Args() page: ConnectionArgs,
    @Arg('orderBy', () => ExpertReviewRevisionOrder, { nullable: true, description: 'Default: REPLACED_AT ascending.' }) orderBy: ExpertReviewRevisionOrder | null,
    @Ctx() ctx: Context,
  ): Promise<ExpertReviewRevisionConnection> {
    return nestedConnection(ctx, { entity: ExpertReviewRevision, parent: 'review' }, r.id, page, orderOf(orderBy, { replacedAt: 'asc', id: 'asc' }));
  }
}
