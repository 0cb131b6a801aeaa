import { Arg, Args, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/core';
import type { Context } from '../context.js';
import { withUserErrors } from '../common/errors.js';
import { ConnectionArgs, expectId, idOf, toGlobalId } from '../common/relay.js';
import { orderOf, paginate } from '../common/pagination.js';
import { Role } from '../auth/role.js';
import { Honor } from '../registry/honor.entity.js';
import { enterpriseById, workerById } from '../registry/registry.loaders.js';
import { Worker } from '../registry/worker.entity.js';
import { CalendarDay } from './calendar-day.entity.js';
import { HonorCampaign } from './campaign.entity.js';
import { CalendarService } from './calendar.service.js';
import { CampaignService } from './campaign.service.js';
import { campaignById } from './honors.loaders.js';
import {
  CalendarDayPayload, ConferredHonor, ConferredHonorConnection, ConferredHonorFilter, NominationConnection, NominationOrder, RemoveCalendarDayInput,
  RevokeHonorInput, RevokeHonorPayload, SetCalendarDayInput,
} from './honors.inputs.js';
import { Nomination } from './nomination.entity.js';
import { PUBLIC_NOMINATION_STATES, isAdmin } from './access.js';
import { NOMINATOR } from './registry-facts.js';

const NOWHERE = '00000000-0000-0000-0000-000000000000';

@Resolver()
export class HonorRecordsResolver {
  @Query(() => [CalendarDay], { description: 'The working-day calendar’s holidays and swapped working days of a year (at most 366), in date order; public.' })
  async calendarDays(@Arg('year', () => Int, { description: 'The year.' }) year: number, @Ctx() ctx: Context): Promise<CalendarDay[]> {
    return ctx.em.find(CalendarDay, { date: { $gte: `${year}-01-01`, $lte: `${year}-12-31` } }, { orderBy: { date: 'asc' } });
  }

  @Query(() => ConferredHonorConnection, { description: 'The public list of honors conferred by campaigns (表彰名单), standing ones only (revoked ones drop off); newest first.' })
  async conferredHonors(
    @Args() page: ConnectionArgs,
    @Arg('filter', () => ConferredHonorFilter, { nullable: true, description: 'Which honors; all when omitted.' }) filter: ConferredHonorFilter | null,
    @Ctx() ctx: Context,
  ): Promise<ConferredHonorConnection> {
    const where: FilterQuery<Honor> = { sourceCampaignId: { $ne: null }, revokedAt: null };
    if (filter?.year != null) where.year = filter.year;
    if (filter?.kind) where.kind = filter.kind;
    if (filter?.campaignId) where.sourceCampaignId = idOf(filter.campaignId, 'HonorCampaign') ?? NOWHERE;
    const conn = await paginate(ctx.em, Honor, where, page, { createdAt: 'desc', id: 'desc' });
    const nodes = await Promise.all(conn.nodes.map((h) => toConferred(ctx, h)));
    return { ...conn, nodes, edges: conn.edges.map((e, i) => ({ cursor: e.cursor, node: nodes[i]! })) };
  }

  @Authorized(Role.ADMIN, Role.ORGANIZER)
  @Mutation(() => RevokeHonorPayload, { description: 'ADMIN or ORGANIZER revokes (撤销) a standing honor with a reason; it stays in the worker’s honors with revokedAt and the reason.' })
  async revokeHonor(@Arg('input') input: RevokeHonorInput, @Ctx() ctx: Context): Promise<RevokeHonorPayload> {
    return withUserErrors(async () => ({ honor: await new CampaignService(ctx.em).revokeHonor(ctx.viewer!, expectId(input.honorId, 'Honor', ['input', 'honorId']), input.reason) }));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => CalendarDayPayload, { description: 'ADMIN: marks a date a public holiday or a swapped working day (调休) on the working-day calendar that notice periods are counted on.' })
  async setCalendarDay(@Arg('input') input: SetCalendarDayInput, @Ctx() ctx: Context): Promise<CalendarDayPayload> {
    return withUserErrors(async () => ({ day: await new CalendarService(ctx.em).set(input), removedDate: null }));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => CalendarDayPayload, { description: 'ADMIN: takes a date off the working-day calendar (it counts as its weekday again).' })
  async removeCalendarDay(@Arg('input') input: RemoveCalendarDayInput, @Ctx() ctx: Context): Promise<CalendarDayPayload> {
    return withUserErrors(async () => ({ day: null, removedDate: await new CalendarService(ctx.em).remove(input.date) }));
  }
}

async function toConferred(ctx: Context, h: Honor): Promise<ConferredHonor> {
  const worker = await ctx.loaders.get(workerById).load(h.worker.id);
  const enterprise = worker ? await ctx.loaders.get(enterpriseById).load(worker.enterprise.id) : null;
  return {
    id: toGlobalId('Honor', h.id), workerName: worker?.name ?? '', enterpriseName: enterprise?.name ?? '', kind: h.kind, level: h.level, year: h.year,
    documentNumber: h.documentNumber, campaign: h.sourceCampaignId ? await ctx.loaders.get(campaignById).load(h.sourceCampaignId) : null, conferredAt: h.createdAt,
  };
}

@Resolver(() => Worker)
export class WorkerNominationsResolver {
  @FieldResolver(() => NominationConnection, {
    description: 'The worker’s nominations for honors, newest first: all of them for ADMINs, ORGANIZERs and NOMINATORs; the published ones (shortlisted, conferred, recommended) for others.',
  })
  async nominations(
    @Root() w: Worker,
    @Args() page: ConnectionArgs,
    @Arg('orderBy', () => NominationOrder, { nullable: true, description: 'The order; newest first when omitted.' }) orderBy: NominationOrder | null,
    @Ctx() ctx: Context,
  ): Promise<NominationConnection> {
    const all = isAdmin(ctx.viewer) || !!ctx.viewer?.roles.some((r) => r === Role.ORGANIZER || r === NOMINATOR);
    const where: FilterQuery<Nomination> = all ? { worker: w.id } : { worker: w.id, status: { $in: [...PUBLIC_NOMINATION_STATES] } };
    return paginate(ctx.em, Nomination, where, page, orderOf(orderBy, { nominatedAt: 'desc', id: 'desc' }));
  }
}

@Resolver(() => Honor)
export class HonorSourceResolver {
  @FieldResolver(() => HonorCampaign, { nullable: true, description: 'The campaign that conferred it; null when it came otherwise (grantHonor, a competition).' })
  async sourceCampaign(@Root() h: Honor, @Ctx() ctx: Context): Promise<HonorCampaign | null> {
    return h.sourceCampaignId ? ctx.loaders.get(campaignById).load(h.sourceCampaignId) : null;
  }
}
