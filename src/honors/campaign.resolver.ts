import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/core';
import type { Context } from '../context.js';
import { withUserErrors } from '../common/errors.js';
import { ConnectionArgs, expectId, idOf, toGlobalId } from '../common/relay.js';
import { orderOf, paginate } from '../common/pagination.js';
import { registerNodeType } from '../common/node.resolver.js';
import { Role } from '../auth/role.js';
import { UserSummary, userById } from '../auth/user-summary.js';
import { seesAllNominations, PUBLIC_NOMINATION_STATES, runsCampaign, isNominator } from './access.js';
import { CampaignEligibility, HonorCampaign } from './campaign.entity.js';
import { CampaignService } from './campaign.service.js';
import { countsByCampaign } from './honors.loaders.js';
import {
  CampaignCounts, ConcludeHonorCampaignInput, HonorCampaignConnection, HonorCampaignFilter, HonorCampaignInput, HonorCampaignOrder, HonorCampaignPayload,
  NominationConnection, NominationFilter, NominationOrder, ObjectionConnection, OpenHonorCampaignInput,
} from './honors.inputs.js';
import { Nomination } from './nomination.entity.js';
import { Objection } from './objection.entity.js';
import { frontLinePlaces } from './ranking.js';
import { scopeOf } from './registry-facts.js';

registerNodeType('HonorCampaign', async (ctx, ids) => new Map((await ctx.em.find(HonorCampaign, { id: { $in: ids } })).map((c) => [c.id, c])));

const NOWHERE = '00000000-0000-0000-0000-000000000000';

/** The nominations of `campaign` the viewer may read, as a WHERE clause. */
export async function visibleNominations(ctx: Context, campaign: HonorCampaign): Promise<FilterQuery<Nomination>> {
  if (seesAllNominations(ctx.viewer, campaign)) return {};
  const published: FilterQuery<Nomination> = { status: { $in: [...PUBLIC_NOMINATION_STATES] } };
  if (ctx.viewer && isNominator(ctx.viewer)) {
    const user = await ctx.loaders.get(userById).load(ctx.viewer.id);
    const scope = user ? scopeOf(user) : null;
    if (scope) return { $or: [published, { enterprise: scope }] };
  }
  return published;
}

@Resolver(() => HonorCampaign)
export class HonorCampaignResolver {
  @Query(() => HonorCampaign, { nullable: true, description: 'A campaign (public); null when there is none with this ID.' })
  async honorCampaign(@Arg('id', () => ID, { description: 'An HonorCampaign ID.' }) id: string, @Ctx() ctx: Context): Promise<HonorCampaign | null> {
    const uuid = idOf(id, 'HonorCampaign');
    return uuid ? ctx.em.findOne(HonorCampaign, { id: uuid }) : null;
  }

  @Query(() => HonorCampaignConnection, { description: 'Honor selection campaigns (评选表彰), public; newest first unless ordered otherwise.' })
  async honorCampaigns(
    @Args() page: ConnectionArgs,
    @Arg('filter', () => HonorCampaignFilter, { nullable: true, description: 'Which campaigns; all when omitted.' }) filter: HonorCampaignFilter | null,
    @Arg('orderBy', () => HonorCampaignOrder, { nullable: true, description: 'The order; newest first when omitted.' }) orderBy: HonorCampaignOrder | null,
    @Ctx() ctx: Context,
  ): Promise<HonorCampaignConnection> {
    const where: FilterQuery<HonorCampaign> = {};
    if (filter?.status) where.status = filter.status;
    if (filter?.year != null) where.year = filter.year;
    if (filter?.honorKind) where.honorKind = filter.honorKind;
    return paginate(ctx.em, HonorCampaign, where, page, orderOf(orderBy, { createdAt: 'desc', id: 'desc' }));
  }

  @Authorized(Role.ADMIN, Role.ORGANIZER)
  @Mutation(() => HonorCampaignPayload, { description: 'ADMIN or ORGANIZER opens a campaign (→ NOMINATING); the opener is its organizer.' })
  async openHonorCampaign(@Arg('input') input: OpenHonorCampaignInput, @Ctx() ctx: Context): Promise<HonorCampaignPayload> {
    return withUserErrors(async () => {
      const reviewerIds = input.reviewerUserIds.map((id, i) => expectId(id, 'User', ['input', 'reviewerUserIds', String(i)]));
      return { campaign: await new CampaignService(ctx.em).open(ctx.viewer!, { ...input, reviewerIds }) };
    });
  }

  @Authorized(Role.ADMIN, Role.ORGANIZER)
  @Mutation(() => HonorCampaignPayload, { description: 'The campaign’s organizer or an ADMIN: NOMINATING → REVIEWING.' })
  async closeNominations(@Arg('input') input: HonorCampaignInput, @Ctx() ctx: Context): Promise<HonorCampaignPayload> {
    return withUserErrors(async () => ({ campaign: await new CampaignService(ctx.em).closeNominations(ctx.viewer!, expectId(input.campaignId, 'HonorCampaign', ['input', 'campaignId'])) }));
  }

  @Authorized(Role.ADMIN, Role.ORGANIZER)
  @Mutation(() => HonorCampaignPayload, { description: 'The campaign’s organizer or an ADMIN: an unfinished campaign → CANCELLED.' })
  async cancelHonorCampaign(@Arg('input') input: HonorCampaignInput, @Ctx() ctx: Context): Promise<HonorCampaignPayload> {
    return withUserErrors(async () => ({ campaign: await new CampaignService(ctx.em).cancel(ctx.viewer!, expectId(input.campaignId, 'HonorCampaign', ['input', 'campaignId'])) }));
  }

  @Authorized(Role.ADMIN, Role.ORGANIZER)
  @Mutation(() => HonorCampaignPayload, {
    description:
      'The campaign’s organizer or an ADMIN: IN_NOTICE → CONFERRED (an Honor per shortlisted nominee, with the campaign as source and the document number) ' +
      'or, for PROVINCE/NATIONAL, RECOMMENDED (the shortlist is the city’s recommendation list; no honor is written). ' +
      'Refused (INVALID_STATE) while a notice period runs or an objection is open.',
  })
  async concludeHonorCampaign(@Arg('input') input: ConcludeHonorCampaignInput, @Ctx() ctx: Context): Promise<HonorCampaignPayload> {
    return withUserErrors(async () => ({
      campaign: await new CampaignService(ctx.em).conclude(ctx.viewer!, expectId(input.campaignId, 'HonorCampaign', ['input', 'campaignId']), input.documentNumber),
    }));
  }

  @FieldResolver(() => CampaignEligibility, { description: 'Who may be nominated (推荐条件).' })
  eligibility(@Root() c: HonorCampaign): CampaignEligibility {
    return { trades: c.eligibleTrades, minSkillLevel: c.minSkillLevel, requiredHonorKinds: c.requiredHonorKinds, minYearsInTrade: c.minYearsInTrade };
  }

  @FieldResolver(() => Int, { description: 'Places kept for front-line workers: ceil(frontLineSharePercent × quota / 100).' })
  frontLinePlaces(@Root() c: HonorCampaign): number {
    return frontLinePlaces(c.quota, c.frontLineSharePercent);
  }

  @FieldResolver(() => UserSummary, { description: 'The organizer who opened and runs it.' })
  async organizer(@Root() c: HonorCampaign, @Ctx() ctx: Context): Promise<UserSummary> {
    const u = await ctx.loaders.get(userById).load(c.organizer.id);
    return { id: toGlobalId('User', c.organizer.id), displayName: u?.displayName ?? '' };
  }

  @FieldResolver(() => [UserSummary], { nullable: true, description: 'The review panel (at most 50); null unless you run the campaign or sit on it.' })
  async reviewers(@Root() c: HonorCampaign, @Ctx() ctx: Context): Promise<UserSummary[] | null> {
    if (!seesAllNominations(ctx.viewer, c)) return null;
    const users = await ctx.loaders.get(userById).loadMany(c.reviewerIds);
    return c.reviewerIds.map((id, i) => {
      const u = users[i];
      return { id: toGlobalId('User', id), displayName: u && !(u instanceof Error) ? u.displayName : '' };
    });
  }

  @FieldResolver(() => Boolean, { description: 'Whether you run it (its organizer, or an ADMIN).' })
  viewerRuns(@Root() c: HonorCampaign, @Ctx() ctx: Context): boolean {
    return runsCampaign(ctx.viewer, c);
  }

  @FieldResolver(() => CampaignCounts, { description: 'Its nominations in figures (public).' })
  async counts(@Root() c: HonorCampaign, @Ctx() ctx: Context): Promise<CampaignCounts> {
    return ctx.loaders.get(countsByCampaign).load(c.id);
  }

  @FieldResolver(() => NominationConnection, {
    description:
      'Its nominations: everyone sees the shortlisted, conferred and recommended ones (the public notice); its organizer, ORGANIZERs, ADMINs and its panel see all; ' +
      'a NOMINATOR also their enterprise’s. Earliest first unless ordered otherwise.',
  })
  async nominations(
    @Root() c: HonorCampaign,
    @Args() page: ConnectionArgs,
    @Arg('filter', () => NominationFilter, { nullable: true, description: 'Which nominations; all you may see when omitted.' }) filter: NominationFilter | null,
    @Arg('orderBy', () => NominationOrder, { nullable: true, description: 'The order; earliest first when omitted.' }) orderBy: NominationOrder | null,
    @Ctx() ctx: Context,
  ): Promise<NominationConnection> {
    const where: FilterQuery<Nomination>[] = [{ campaign: c.id }, await visibleNominations(ctx, c)];
    if (filter?.status) where.push({ status: filter.status });
    return paginate(ctx.em, Nomination, { $and: where }, page, orderOf(orderBy, { nominatedAt: 'asc', id: 'asc' }));
  }

  @FieldResolver(() => ObjectionConnection, { nullable: true, description: 'Objections lodged, earliest first; null unless you run the campaign.' })
  async objections(@Root() c: HonorCampaign, @Args() page: ConnectionArgs, @Ctx() ctx: Context): Promise<ObjectionConnection | null> {
    if (!runsCampaign(ctx.viewer, c)) return null;
    return paginate(ctx.em, Objection, { campaign: c.id ?? NOWHERE }, page, { lodgedAt: 'asc', id: 'asc' });
  }
}
