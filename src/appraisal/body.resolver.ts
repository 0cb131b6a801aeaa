import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/core';
import type { Context } from '../context.js';
import { withUserErrors } from '../common/errors.js';
import { ConnectionArgs, expectId } from '../common/relay.js';
import { orderOf, paginate } from '../common/pagination.js';
import { registerNodeType } from '../common/node.resolver.js';
import { Role } from '../auth/role.js';
import { Enterprise } from '../registry/enterprise.entity.js';
import { enterpriseById } from '../registry/registry.loaders.js';
import { SKILL_LEVEL_ORDER } from '../registry/enums.js';
import { AppraisalBody } from './appraisal-body.entity.js';
import { AppraisalEligibilityRule } from './eligibility-rule.entity.js';
import { AppraisalBodyService, updateEligibilityRule } from './body.service.js';
import {
  AppraisalBodyConnection, AppraisalBodyFilter, AppraisalBodyOrder, AppraisalBodyPayload, AppraisalEligibilityRulePayload, RecordAppraisalBodyInput, ReinstateAppraisalBodyInput,
  SuspendAppraisalBodyInput, UpdateAppraisalBodyInput, UpdateAppraisalEligibilityRuleInput,
} from './appraisal.inputs.js';

// Which bodies may appraise what is public (as the national catalogue of recognised bodies is).
registerNodeType('AppraisalBody', async (ctx, ids) => new Map((await ctx.em.find(AppraisalBody, { id: { $in: ids } })).map((b) => [b.id, b])));

@Resolver(() => AppraisalBody)
export class AppraisalBodyResolver {
  @Query(() => AppraisalBodyConnection, { description: 'Appraisal bodies (评价机构) with the trades and levels they may appraise. Public. Default order: CREATED_AT, ASC.' })
  async appraisalBodies(
    @Args() page: ConnectionArgs,
    @Arg('filter', () => AppraisalBodyFilter, { nullable: true, description: 'Narrows the list; all conditions given must hold.' }) filter: AppraisalBodyFilter | null,
    @Arg('orderBy', () => AppraisalBodyOrder, { nullable: true, description: 'Default: CREATED_AT, ASC.' }) orderBy: AppraisalBodyOrder | null,
    @Ctx() ctx: Context,
  ): Promise<AppraisalBodyConnection> {
    const where: FilterQuery<AppraisalBody> = {};
    if (filter?.status) where.status = filter.status;
    if (filter?.trade) where.trades = { $contains: [filter.trade.trim()] } as never;
    return paginate(ctx.em, AppraisalBody, where, page, orderOf(orderBy, { createdAt: 'asc', id: 'asc' }));
  }

  @Query(() => [AppraisalEligibilityRule], {
    description: 'The eligibility rules (申报条件) per target level, lowest first: data an appraisal checks candidates against. Public. At most five (one per level).',
  })
  async appraisalEligibilityRules(@Ctx() ctx: Context): Promise<AppraisalEligibilityRule[]> {
    const rules = await ctx.em.find(AppraisalEligibilityRule, {});
    return rules.sort((a, b) => SKILL_LEVEL_ORDER.indexOf(a.targetLevel) - SKILL_LEVEL_ORDER.indexOf(b.targetLevel));
  }

  @FieldResolver(() => Enterprise, { description: 'The enterprise (or training institution) that is the body.' })
  async enterprise(@Root() body: AppraisalBody, @Ctx() ctx: Context): Promise<Enterprise> {
    return (await ctx.loaders.get(enterpriseById).load(body.enterprise.id))!;
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => AppraisalBodyPayload, { description: 'ADMIN: record an enterprise as an appraisal body with its trades, levels and validity period.' })
  async recordAppraisalBody(@Arg('input') input: RecordAppraisalBodyInput, @Ctx() ctx: Context): Promise<AppraisalBodyPayload> {
    return withUserErrors(async () => ({
      body: await new AppraisalBodyService(ctx.em).record(expectId(input.enterpriseId, 'Enterprise', ['input', 'enterpriseId']), input),
    }));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => AppraisalBodyPayload, {
    description: 'ADMIN: change an appraisal body’s trades, levels or validity period (监督管理). A trade or level an OPEN session works in cannot be dropped (INVALID_STATE).',
  })
  async updateAppraisalBody(@Arg('input') input: UpdateAppraisalBodyInput, @Ctx() ctx: Context): Promise<AppraisalBodyPayload> {
    return withUserErrors(async () => ({
      body: await new AppraisalBodyService(ctx.em).update(expectId(input.bodyId, 'AppraisalBody', ['input', 'bodyId']), input),
    }));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => AppraisalEligibilityRulePayload, {
    description: 'ADMIN: change a target level’s eligibility rule (申报条件: years at the required level, years in the trade, the basis). Counts for candidates added from then on; ones already added stay.',
  })
  async updateAppraisalEligibilityRule(@Arg('input') input: UpdateAppraisalEligibilityRuleInput, @Ctx() ctx: Context): Promise<AppraisalEligibilityRulePayload> {
    return withUserErrors(async () => ({ rule: await updateEligibilityRule(ctx.em, input) }));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => AppraisalBodyPayload, { description: 'ADMIN: suspend an appraisal body (监督管理): it opens and closes no sessions until reinstated.' })
  async suspendAppraisalBody(@Arg('input') input: SuspendAppraisalBodyInput, @Ctx() ctx: Context): Promise<AppraisalBodyPayload> {
    return withUserErrors(async () => ({
      body: await new AppraisalBodyService(ctx.em).suspend(expectId(input.bodyId, 'AppraisalBody', ['input', 'bodyId']), input.reason),
    }));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => AppraisalBodyPayload, { description: 'ADMIN: reinstate a suspended appraisal body.' })
  async reinstateAppraisalBody(@Arg('input') input: ReinstateAppraisalBodyInput, @Ctx() ctx: Context): Promise<AppraisalBodyPayload> {
    return withUserErrors(async () => ({
      body: await new AppraisalBodyService(ctx.em).reinstate(expectId(input.bodyId, 'AppraisalBody', ['input', 'bodyId'])),
    }));
  }
}
