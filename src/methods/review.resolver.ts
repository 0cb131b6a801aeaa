import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { registerNodeType } from '../common/node.resolver.js';
import { userById } from '../auth/user-summary.js';
import { canSeeReviews } from './access.js';
import { ExpertReview, ExpertReviewRevision } from './expert-review.entity.js';
import { methodById, revisionsByReview } from './methods.loaders.js';
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

  @FieldResolver(() => [ExpertReviewRevision], { description: 'Earlier versions this review replaced, oldest first. Bounded in practice: corrections are possible only while the method is UNDER_REVIEW.' })
  async revisions(@Root() r: ExpertReview, @Ctx() ctx: Context): Promise<ExpertReviewRevision[]> {
    return ctx.loaders.get(revisionsByReview).load(r.id);
  }
}
