import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { registerNodeType } from '../common/node.resolver.js';
import { Enterprise } from '../registry/enterprise.entity.js';
import { enterpriseById } from '../registry/registry.loaders.js';
import { Worker } from '../registry/worker.entity.js';
import { Studio } from '../studios/studio.entity.js';
import { userById } from '../competitions/competitions.loaders.js';
import { canSeeReviews, visibleMethods } from './access.js';
import { ExpertReview, ExpertReviewRevision } from './expert-review.entity.js';
import { MethodAdoption } from './method-adoption.entity.js';
import { methodById, methodsByStudio, namedMethodsByInventor, revisionsByReview } from './methods.loaders.js';
import { OperatingMethod } from './operating-method.entity.js';

// node(id:) applies the same rules as the fields that reach these objects.
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
registerNodeType('MethodAdoption', async (ctx, ids) => {
  const rows = await ctx.em.find(MethodAdoption, { id: { $in: ids } }, { populate: ['method'] });
  const visible = new Set((await visibleMethods(ctx, rows.map((r) => r.method.getEntity()))).map((m) => m.id));
  return new Map(rows.filter((r) => visible.has(r.method.id)).map((r) => [r.id, r]));
});

@Resolver(() => ExpertReview)
export class ExpertReviewResolver {
  @FieldResolver(() => String, { description: 'The expert’s display name.' })
  async reviewerName(@Root() r: ExpertReview, @Ctx() ctx: Context): Promise<string> {
    return (await ctx.loaders.get(userById).load(r.reviewer.id))?.displayName ?? '';
  }

  @FieldResolver(() => OperatingMethod)
  async method(@Root() r: ExpertReview, @Ctx() ctx: Context): Promise<OperatingMethod> {
    return (await ctx.loaders.get(methodById).load(r.method.id))!;
  }

  @FieldResolver(() => [ExpertReviewRevision], { description: 'Earlier versions this review replaced, oldest first.' })
  async revisions(@Root() r: ExpertReview, @Ctx() ctx: Context): Promise<ExpertReviewRevision[]> {
    return ctx.loaders.get(revisionsByReview).load(r.id);
  }
}

@Resolver(() => MethodAdoption)
export class MethodAdoptionResolver {
  @FieldResolver(() => Enterprise)
  async enterprise(@Root() a: MethodAdoption, @Ctx() ctx: Context): Promise<Enterprise> {
    return (await ctx.loaders.get(enterpriseById).load(a.enterprise.id))!;
  }

  @FieldResolver(() => OperatingMethod)
  async method(@Root() a: MethodAdoption, @Ctx() ctx: Context): Promise<OperatingMethod> {
    return (await ctx.loaders.get(methodById).load(a.method.id))!;
  }
}

/** Naming grants nothing by itself, but shows on the inventors' records. */
@Resolver(() => Worker)
export class WorkerMethodsResolver {
  @FieldResolver(() => [OperatingMethod], { description: 'NAMED operating methods (先进操作法) this worker invented, newest first.' })
  async operatingMethods(@Root() w: Worker, @Ctx() ctx: Context): Promise<OperatingMethod[]> {
    return ctx.loaders.get(namedMethodsByInventor).load(w.id);
  }
}

@Resolver(() => Studio)
export class StudioMethodsResolver {
  @FieldResolver(() => [OperatingMethod], { description: 'Operating methods submitted through the studio that you may see, newest first.' })
  async methods(@Root() s: Studio, @Ctx() ctx: Context): Promise<OperatingMethod[]> {
    return visibleMethods(ctx, await ctx.loaders.get(methodsByStudio).load(s.id));
  }
}
