import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/core';
import type { Context } from '../context.js';
import { withUserErrors } from '../common/errors.js';
import { ConnectionArgs, expectId, idOf, toGlobalId } from '../common/relay.js';
import { nestedConnection } from '../common/nested-connection.js';
import { containsPattern, orderOf, paginate } from '../common/pagination.js';
import { registerNodeType } from '../common/node.resolver.js';
import { hasAnyRole } from '../auth/auth-checker.js';
import { Role } from '../auth/role.js';
import { Enterprise } from '../registry/enterprise.entity.js';
import { enterpriseById, workerById } from '../registry/registry.loaders.js';
import { Worker } from '../registry/worker.entity.js';
import { REGISTRY_READERS } from '../registry/worker.resolver.js';
import { canSeeStudio } from '../studios/access.js';
import { Studio } from '../studios/studio.entity.js';
import { studioById } from '../studios/studios.loaders.js';
import { UserSummary, userById } from '../auth/user-summary.js';
import { AdoptionService } from './adoption.service.js';
import { canSeeMethod, canSeeReviews, isAssignedReviewer, visibleMethods, visibleWhere } from './access.js';
import { ExpertReview } from './expert-review.entity.js';
import { MethodAdoption } from './method-adoption.entity.js';
import { MethodReviewer } from './method-reviewer.entity.js';
import {
  AdoptionSummary, AssignMethodReviewersInput, MethodAdoptionConnection, MethodAdoptionOrder, MethodAdoptionOrderField, NameOperatingMethodInput,
  OperatingMethodConnection, OperatingMethodFilter, OperatingMethodOrder, OperatingMethodOrderField, OperatingMethodPayload, RecordMethodAdoptionInput,
  RecordMethodAdoptionPayload, RejectOperatingMethodInput, RemoveMethodReviewerInput, ReviewOperatingMethodInput, ReviewOperatingMethodPayload, ReviewSummary,
  SubmitOperatingMethodInput,
} from './method.inputs.js';
import { MethodService } from './method.service.js';
import { adoptionSummaryByMethod, reviewersByMethod, reviewsByMethod, reviewSummaryByMethod } from './methods.loaders.js';
import { OperatingMethod } from './operating-method.entity.js';
import { ReviewService } from './review.service.js';

registerNodeType('OperatingMethod', async (ctx, ids) => {
  const rows = await visibleMethods(ctx, await ctx.em.find(OperatingMethod, { id: { $in: ids } }));
  return new Map(rows.map((m) => [m.id, m]));
});

const NOWHERE = '00000000-0000-0000-0000-000000000000';

/** Ids of the methods the viewer reviews, as a subquery (none for anonymous viewers). */
function assignedTo(ctx: Context): never {
  return ctx.em.createQueryBuilder(MethodReviewer, 'r').select('r.method_id').where({ reviewer: ctx.viewer?.id ?? NOWHERE }).getKnexQuery() as never;
}

@Resolver(() => OperatingMethod)
export class OperatingMethodResolver {
  @Query(() => OperatingMethod, { nullable: true, description: 'NAMED methods are public; others only for their submitter, assigned reviewers and admins (else null).' })
  async operatingMethod(@Arg('id', () => ID, { description: 'An OperatingMethod ID.' }) id: string, @Ctx() ctx: Context): Promise<OperatingMethod | null> {
    const uuid = idOf(id, 'OperatingMethod');
    const method = uuid ? await ctx.em.findOne(OperatingMethod, { id: uuid }) : null;
    return method && (await canSeeMethod(ctx, method)) ? method : null;
  }

  @Query(() => OperatingMethodConnection, {
    description: 'Advanced operating methods (先进操作法) you may see (NAMED ones to everyone; others to their submitter, assigned reviewers and admins), newest submission first unless ordered otherwise.',
  })
  async operatingMethods(
    @Args() page: ConnectionArgs,
    @Arg('filter', () => OperatingMethodFilter, { nullable: true, description: 'Which methods; all of them you may see when omitted.' }) filter: OperatingMethodFilter | null,
    @Arg('orderBy', () => OperatingMethodOrder, { nullable: true, description: 'The order; newest submission first when omitted.' }) orderBy: OperatingMethodOrder | null,
    @Ctx() ctx: Context,
  ): Promise<OperatingMethodConnection> {
    const where: FilterQuery<OperatingMethod>[] = [visibleWhere(ctx.em, ctx.viewer)];
    if (filter?.status) where.push({ status: filter.status });
    if (filter?.trade) where.push({ trade: filter.trade.trim() });
    if (filter?.studioId) where.push({ studio: idOf(filter.studioId, 'Studio') ?? NOWHERE });
    if (filter?.search?.trim()) {
      const p = containsPattern(filter.search);
      where.push({ $or: [{ proposedName: { $ilike: p } }, { officialName: { $ilike: p } }] });
    }
    if (filter?.inventorWorkerId) where.push({ inventorIds: { $contains: [idOf(filter.inventorWorkerId, 'Worker') ?? NOWHERE] } });
    if (filter?.enterpriseId) where.push({ enterprise: idOf(filter.enterpriseId, 'Enterprise') ?? NOWHERE });
    if (filter?.assignedToMe) where.push({ id: { $in: assignedTo(ctx) } });
    return paginate(ctx.em, OperatingMethod, { $and: where }, page, orderOf(orderBy, { [OperatingMethodOrderField.SUBMITTED_AT]: 'desc', id: 'desc' }));
  }

  @Authorized(Role.STUDIO_MANAGER, Role.ADMIN)
  @Mutation(() => OperatingMethodPayload, { description: 'STUDIO_MANAGER (of the studio, when given) or ADMIN. → SUBMITTED.' })
  async submitOperatingMethod(@Arg('input') input: SubmitOperatingMethodInput, @Ctx() ctx: Context): Promise<OperatingMethodPayload> {
    return withUserErrors(async () => {
      const studioId = input.studioId ? expectId(input.studioId, 'Studio', ['input', 'studioId']) : null;
      return { method: await new MethodService(ctx.em).submit(ctx.viewer!, { ...input, studioId }) };
    });
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => OperatingMethodPayload, { description: 'ADMIN. SUBMITTED or UNDER_REVIEW → UNDER_REVIEW. Reviewers hold REVIEWER and work for none of the inventors’ or studio’s enterprises (CONFLICT_OF_INTEREST).' })
  async assignMethodReviewers(@Arg('input') input: AssignMethodReviewersInput, @Ctx() ctx: Context): Promise<OperatingMethodPayload> {
    return withUserErrors(async () => {
      const methodId = expectId(input.methodId, 'OperatingMethod', ['input', 'methodId']);
      const userIds = input.reviewerUserIds.map((id, i) => expectId(id, 'User', ['input', 'reviewerUserIds', String(i)]));
      return { method: await new MethodService(ctx.em).assignReviewers(ctx.viewer!, methodId, userIds) };
    });
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => OperatingMethodPayload, {
    description:
      'ADMIN, while UNDER_REVIEW: takes an expert off the method. Not once they have reviewed it (INVALID_STATE: the review stays on record and counts for naming). ' +
      'When the last reviewer goes the method is SUBMITTED again.',
  })
  async removeMethodReviewer(@Arg('input') input: RemoveMethodReviewerInput, @Ctx() ctx: Context): Promise<OperatingMethodPayload> {
    return withUserErrors(async () => {
      const methodId = expectId(input.methodId, 'OperatingMethod', ['input', 'methodId']);
      const userId = expectId(input.reviewerUserId, 'User', ['input', 'reviewerUserId']);
      return { method: await new MethodService(ctx.em).removeReviewer(methodId, userId) };
    });
  }

  @Authorized(Role.REVIEWER)
  @Mutation(() => ReviewOperatingMethodPayload, { description: 'An assigned REVIEWER, while UNDER_REVIEW; again to correct (the earlier review is kept as a revision).' })
  async reviewOperatingMethod(@Arg('input') input: ReviewOperatingMethodInput, @Ctx() ctx: Context): Promise<ReviewOperatingMethodPayload> {
    return withUserErrors(async () => {
      const methodId = expectId(input.methodId, 'OperatingMethod', ['input', 'methodId']);
      return new ReviewService(ctx.em).review(ctx.viewer!, { ...input, methodId });
    });
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => OperatingMethodPayload, { description: 'ADMIN. UNDER_REVIEW → NAMED (命名): needs at least 3 reviews with a mean total of at least 75.' })
  async nameOperatingMethod(@Arg('input') input: NameOperatingMethodInput, @Ctx() ctx: Context): Promise<OperatingMethodPayload> {
    return withUserErrors(async () => ({
      method: await new MethodService(ctx.em).name(expectId(input.methodId, 'OperatingMethod', ['input', 'methodId']), input.officialName),
    }));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => OperatingMethodPayload, { description: 'ADMIN. SUBMITTED or UNDER_REVIEW → REJECTED (final), with a reason.' })
  async rejectOperatingMethod(@Arg('input') input: RejectOperatingMethodInput, @Ctx() ctx: Context): Promise<OperatingMethodPayload> {
    return withUserErrors(async () => ({
      method: await new MethodService(ctx.em).reject(expectId(input.methodId, 'OperatingMethod', ['input', 'methodId']), input.reason),
    }));
  }

  // ORGANIZERs may record adoptions too: they run the city's programmes and keep the registry, so
  // promotion figures reported by enterprises reach the system through them as well as through admins.
  @Authorized(Role.ADMIN, Role.ORGANIZER)
  @Mutation(() => RecordMethodAdoptionPayload, { description: 'ADMIN or ORGANIZER; NAMED methods only (推广应用).' })
  async recordMethodAdoption(@Arg('input') input: RecordMethodAdoptionInput, @Ctx() ctx: Context): Promise<RecordMethodAdoptionPayload> {
    return withUserErrors(async () => {
      const methodId = expectId(input.methodId, 'OperatingMethod', ['input', 'methodId']);
      const enterpriseId = expectId(input.enterpriseId, 'Enterprise', ['input', 'enterpriseId']);
      return new AdoptionService(ctx.em).recordAdoption(ctx.viewer!, { ...input, methodId, enterpriseId });
    });
  }

  @FieldResolver(() => [String], { description: 'The inventors’ names, the lead inventor first (public, as on the honour roll).' })
  async inventorNames(@Root() m: OperatingMethod, @Ctx() ctx: Context): Promise<string[]> {
    const workers = await ctx.loaders.get(workerById).loadMany(m.inventorIds);
    return workers.map((w) => (w instanceof Worker ? w.name : ''));
  }

  @FieldResolver(() => [Worker], { nullable: true, description: 'The inventors’ registry records; null unless you may read the registry.' })
  async inventors(@Root() m: OperatingMethod, @Ctx() ctx: Context): Promise<Worker[] | null> {
    if (!ctx.viewer || !hasAnyRole(ctx.viewer.roles, REGISTRY_READERS)) return null;
    const workers = await ctx.loaders.get(workerById).loadMany(m.inventorIds);
    return workers.filter((w): w is Worker => w instanceof Worker);
  }

  @FieldResolver(() => Enterprise, { description: 'The lead inventor’s enterprise.' })
  async enterprise(@Root() m: OperatingMethod, @Ctx() ctx: Context): Promise<Enterprise> {
    return (await ctx.loaders.get(enterpriseById).load(m.enterprise.id))!;
  }

  @FieldResolver(() => Studio, { nullable: true, description: 'The studio it came from; null when none, or when the studio is not visible to you (e.g. suspended).' })
  async studio(@Root() m: OperatingMethod, @Ctx() ctx: Context): Promise<Studio | null> {
    const studio = m.studio ? await ctx.loaders.get(studioById).load(m.studio.id) : null;
    return studio && canSeeStudio(ctx.viewer, studio) ? studio : null;
  }

  @FieldResolver(() => String, { description: 'Display name of the user who submitted it.' })
  async submittedByName(@Root() m: OperatingMethod, @Ctx() ctx: Context): Promise<string> {
    return (await ctx.loaders.get(userById).load(m.submittedBy.id))?.displayName ?? '';
  }

  @FieldResolver(() => Boolean, { description: 'Whether you are an assigned reviewer of it.' })
  async viewerIsReviewer(@Root() m: OperatingMethod, @Ctx() ctx: Context): Promise<boolean> {
    return isAssignedReviewer(ctx, m.id);
  }

  @FieldResolver(() => [UserSummary], { nullable: true, description: 'The assigned experts, first assigned first (at most 20 by design); null unless you are one of them or an admin.' })
  async reviewers(@Root() m: OperatingMethod, @Ctx() ctx: Context): Promise<UserSummary[] | null> {
    if (!(await canSeeReviews(ctx, m.id))) return null;
    const rows = await ctx.loaders.get(reviewersByMethod).load(m.id);
    const users = await ctx.loaders.get(userById).loadMany(rows.map((r) => r.reviewer.id));
    return rows.map((r, i) => {
      const u = users[i];
      return { id: toGlobalId('User', r.reviewer.id), displayName: u && !(u instanceof Error) ? u.displayName : '' };
    });
  }

  @FieldResolver(() => [ExpertReview], {
    nullable: true,
    description: 'Expert reviews (专家评审), oldest first: at most 20 by design, one per assigned reviewer. Null unless you are an assigned reviewer or an admin.',
  })
  async reviews(@Root() m: OperatingMethod, @Ctx() ctx: Context): Promise<ExpertReview[] | null> {
    return (await canSeeReviews(ctx, m.id)) ? ctx.loaders.get(reviewsByMethod).load(m.id) : null;
  }

  @FieldResolver(() => ReviewSummary, { nullable: true, description: 'Review figures against the naming threshold; null unless you are an assigned reviewer or an admin.' })
  async reviewSummary(@Root() m: OperatingMethod, @Ctx() ctx: Context): Promise<ReviewSummary | null> {
    return (await canSeeReviews(ctx, m.id)) ? ctx.loaders.get(reviewSummaryByMethod).load(m.id) : null;
  }

  @FieldResolver(() => MethodAdoptionConnection, { description: 'Enterprises that took it up (推广应用), earliest adoption first unless ordered otherwise. As visible as the method.' })
  async adoptions(
    @Root() m: OperatingMethod,
    @Args() page: ConnectionArgs,
    @Arg('orderBy', () => MethodAdoptionOrder, { nullable: true, description: 'The order; earliest adoption first when omitted.' }) orderBy: MethodAdoptionOrder | null,
    @Ctx() ctx: Context,
  ): Promise<MethodAdoptionConnection> {
    return nestedConnection(ctx, { entity: MethodAdoption, parent: 'method' }, m.id, page, orderOf(orderBy, { [MethodAdoptionOrderField.ADOPTED_AT]: 'asc', id: 'asc' }));
  }

  @FieldResolver(() => AdoptionSummary, { description: 'Adoption figures over all its adoptions (public, as the method is).' })
  async adoptionSummary(@Root() m: OperatingMethod, @Ctx() ctx: Context): Promise<AdoptionSummary> {
    return ctx.loaders.get(adoptionSummaryByMethod).load(m.id);
  }
}
