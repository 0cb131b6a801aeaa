import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/core';
import type { Context } from '../../context.js';
import { withUserErrors } from '../../common/errors.js';
import { ConnectionArgs, idOf } from '../../common/relay.js';
import { orderOf, paginate } from '../../common/pagination.js';
import { registerNodeType } from '../../common/node.resolver.js';
import { UserSummary, userSummary } from '../../auth/user-summary.js';
import { Enterprise } from '../../registry/enterprise.entity.js';
import { enterpriseById } from '../../registry/registry.loaders.js';
import { dependsOnClock, dependsOnClockUntil } from '../../cache/clock.js';
import type { Ownership } from '../../registry/enums.js';
import { DRILL_WRITERS, isAdmin, runsDrill } from '../access.js';
import { DrillPhase, DrillStatus } from '../enums.js';
import { Drill, drillPhase, nextPhaseChange } from './drill.entity.js';
import {
  CreateDrillInput, DrillConnection, DrillEligibility, DrillFilter, DrillIdInput, DrillOrder, DrillPayload, UpdateDrillInput,
} from './drill.inputs.js';
import { DrillService } from './drill.service.js';
import { PaperRuleView, paperRuleView } from './paper-rule.js';

/** A DRAFT is seen by its organizer and admins only; published and cancelled drills by anyone. */
function visible(ctx: Context): FilterQuery<Drill> {
  if (isAdmin(ctx.viewer)) return {};
  const shown: FilterQuery<Drill> = { status: { $ne: DrillStatus.DRAFT } };
  return ctx.viewer ? { $or: [shown, { organizer: ctx.viewer.id }] } : shown;
}

registerNodeType('Drill', async (ctx, ids) => new Map((await ctx.em.find(Drill, { $and: [{ id: { $in: ids } }, visible(ctx)] })).map((d) => [d.id, d])));

function phaseWhere(phase: DrillPhase, now: Date): FilterQuery<Drill> {
  if (phase === DrillPhase.UPCOMING) return { status: { $ne: DrillStatus.CANCELLED }, opensAt: { $gt: now } };
  if (phase === DrillPhase.OPEN) return { status: { $ne: DrillStatus.CANCELLED }, opensAt: { $lte: now }, closesAt: { $gt: now } };
  return { $or: [{ status: DrillStatus.CANCELLED }, { closesAt: { $lte: now } }] };
}

@Resolver(() => Drill)
export class DrillResolver {
  @Query(() => Drill, { nullable: true, description: 'A drill: public once published; a DRAFT only for its organizer and admins (null for others).' })
  async drill(@Arg('id', () => ID, { description: 'A Drill ID.' }) id: string, @Ctx() ctx: Context): Promise<Drill | null> {
    const uuid = idOf(id, 'Drill');
    return uuid ? ctx.em.findOne(Drill, { $and: [{ id: uuid }, visible(ctx)] }) : null;
  }

  @Query(() => DrillConnection, { description: 'Drills (网上练兵): published and cancelled ones for anyone, drafts for their organizer and admins. Default order: latest opening first.' })
  async drills(
    @Args() page: ConnectionArgs,
    @Arg('filter', () => DrillFilter, { nullable: true, description: 'Which drills; all you may see when omitted.' }) filter: DrillFilter | null,
    @Arg('orderBy', () => DrillOrder, { nullable: true, description: 'The order; latest opening first when omitted.' }) orderBy: DrillOrder | null,
    @Ctx() ctx: Context,
  ): Promise<DrillConnection> {
    const and: FilterQuery<Drill>[] = [visible(ctx)];
    if (filter?.status) and.push({ status: filter.status });
    if (filter?.phase) {
      // Which drills match changes at some drill's opening or close: the cache keeps such a list briefly.
      dependsOnClock(ctx);
      and.push(phaseWhere(filter.phase, new Date()));
    }
    if (filter?.trade) and.push({ trades: { $contains: [filter.trade.trim()] } } as FilterQuery<Drill>);
    return paginate(ctx.em, Drill, { $and: and }, page, orderOf(orderBy, { opensAt: 'desc', id: 'desc' }));
  }

  @FieldResolver(() => DrillPhase, { description: 'UPCOMING, OPEN or CLOSED by the clock against the window (a cancelled drill reads CLOSED).' })
  phase(@Root() d: Drill, @Ctx() ctx: Context): DrillPhase {
    const now = new Date();
    dependsOnClockUntil(ctx, nextPhaseChange(d, now));
    return drillPhase(d, now);
  }

  @FieldResolver(() => PaperRuleView, { description: 'How each taker’s paper is drawn: sections and points per type.' })
  paperRule(@Root() d: Drill): PaperRuleView {
    return paperRuleView(d.paperRule);
  }

  @FieldResolver(() => DrillEligibility, { description: 'Who may take it besides its trades (enterprises, districts, ownerships, skill range).' })
  async eligibility(@Root() d: Drill, @Ctx() ctx: Context): Promise<DrillEligibility> {
    const enterprises = await ctx.loaders.get(enterpriseById).loadMany(d.eligibleEnterpriseIds);
    return {
      enterprises: enterprises.filter((e): e is Enterprise => !!e && !(e instanceof Error)),
      districts: d.eligibleDistricts, ownerships: d.eligibleOwnerships as Ownership[], minSkillLevel: d.minSkillLevel, maxSkillLevel: d.maxSkillLevel,
    };
  }

  @FieldResolver(() => UserSummary, { description: 'The organizer who created it and runs it.' })
  async organizer(@Root() d: Drill, @Ctx() ctx: Context): Promise<UserSummary> {
    return userSummary(ctx, d.organizer.id);
  }

  @FieldResolver(() => Enterprise, { nullable: true, description: 'The enterprise running it, for an enterprise’s own drill; null for a union’s.' })
  async hostEnterprise(@Root() d: Drill, @Ctx() ctx: Context): Promise<Enterprise | null> {
    return d.hostEnterprise ? ctx.loaders.get(enterpriseById).load(d.hostEnterprise.id) : null;
  }

  @FieldResolver(() => Boolean, { description: 'Whether you run it (its organizer or an admin).' })
  viewerRuns(@Root() d: Drill, @Ctx() ctx: Context): boolean {
    return runsDrill(ctx.viewer, d);
  }

  @Authorized(...DRILL_WRITERS)
  @Mutation(() => DrillPayload, { description: 'ORGANIZER, ADMIN: create a drill (a DRAFT) with its window, time limit, attempts and paper rule, checked against the APPROVED questions.' })
  async createDrill(@Arg('input') input: CreateDrillInput, @Ctx() ctx: Context): Promise<DrillPayload> {
    return withUserErrors(async () => ({ drill: await new DrillService(ctx.em, ctx.viewer!).create(input) }));
  }

  @Authorized(...DRILL_WRITERS)
  @Mutation(() => DrillPayload, { description: 'Its organizer or an ADMIN (another organizer: FORBIDDEN): change a drill while it is a DRAFT, or PUBLISHED but not yet open.' })
  async updateDrill(@Arg('input') input: UpdateDrillInput, @Ctx() ctx: Context): Promise<DrillPayload> {
    return withUserErrors(async () => ({ drill: await new DrillService(ctx.em, ctx.viewer!).update(input) }));
  }

  @Authorized(...DRILL_WRITERS)
  @Mutation(() => DrillPayload, { description: 'Its organizer or an ADMIN: publish a DRAFT, its paper rule checked once more against the APPROVED questions.' })
  async publishDrill(@Arg('input') input: DrillIdInput, @Ctx() ctx: Context): Promise<DrillPayload> {
    return withUserErrors(async () => ({ drill: await new DrillService(ctx.em, ctx.viewer!).publish(input.drillId) }));
  }

  @Authorized(...DRILL_WRITERS)
  @Mutation(() => DrillPayload, { description: 'Its organizer or an ADMIN: call off a drill whose window has not closed (final). Refused (INVALID_STATE, naming each competition and stage) while a competition’s theory stage is linked to it: unlinkStageFromDrill first.' })
  async cancelDrill(@Arg('input') input: DrillIdInput, @Ctx() ctx: Context): Promise<DrillPayload> {
    return withUserErrors(async () => ({ drill: await new DrillService(ctx.em, ctx.viewer!).cancel(input.drillId) }));
  }
}
