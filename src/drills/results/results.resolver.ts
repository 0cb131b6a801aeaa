import { Arg, Args, Ctx, Field, FieldResolver, ID, Int, ObjectType, Resolver, Root, Subscription } from 'type-graphql';
import type { EntityManager } from '@mikro-orm/core';
import { Role } from '../../auth/role.js';
import { User } from '../../auth/user.entity.js';
import { filterIterator } from '../../live/iterators.js';
import { drillResultsTopic, type DrillResultsEvent } from './live.js';
import type { Context } from '../../context.js';
import { forbidden, unauthenticated } from '../../common/errors.js';
import { ConnectionArgs, idOf } from '../../common/relay.js';
import { Worker } from '../../registry/worker.entity.js';
import { runsDrill } from '../access.js';
import { Drill } from '../setup/drill.entity.js';
import { Enterprise } from '../../registry/enterprise.entity.js';
import { enterpriseById, workerById } from '../../registry/registry.loaders.js';
import {
  DrillEnterpriseFigure, DrillEnterpriseFigureConnection, DrillEnterpriseFigureOrder, enterpriseFiguresPage, type DrillEnterpriseFigureOrderField,
} from './enterprise-figures.js';
import type { OrderInputShape } from '../../common/order-input.js';
import { DrillStanding, DrillStandingConnection, leaderboardPage } from './leaderboard.js';
import { assertPublic, DrillPublicStanding, DrillPublicStandingConnection, publicBoardPage } from './public-board.js';

/** A drill's results are its organizer's and admins' (takers see only their own attempts, issue 16 "Results"). */
function mustRun(ctx: Context, drill: Drill): void {
  if (!ctx.viewer) throw unauthenticated();
  if (!runsDrill(ctx.viewer, drill)) throw forbidden();
}

/** Whether this user (read now: roles change, accounts get disabled) still runs the drill. */
async function stillRuns(em: EntityManager, userId: string, drill: Drill): Promise<boolean> {
  const user = await em.findOne(User, { id: userId }, { fields: ['roles', 'disabled'] });
  return !!user && !user.disabled && (user.roles.includes(Role.ADMIN) || drill.organizer.id === userId);
}

@ObjectType({ description: 'Attempts of a drill were submitted (by takers or at their deadline): refetch the leaderboard and figures.' })
export class DrillResultsUpdate {
  @Field(() => Drill, { description: 'The drill.' }) drill!: Drill;
  @Field(() => Int, { description: 'How many attempts this event submitted (the deadline sweeper submits several at once).' }) submitted!: number;
}

@Resolver(() => Drill)
export class DrillResultsResolver {
  @Subscription(() => DrillResultsUpdate, {
    description: 'Each submission of an attempt of this drill, by its taker or at the deadline, as it commits: for the drill’s organizer and admins (re-checked at each event).',
    subscribe: async ({ args, context }) => {
      const ctx = context as Context;
      if (!ctx.viewer) throw unauthenticated();
      const id = idOf(args.drillId as string, 'Drill');
      const drill = id ? await ctx.app.orm.em.fork().findOne(Drill, { id }) : null;
      // An unknown drill reads as a refusal: a subscription must not tell which drills exist.
      if (!drill || !runsDrill(ctx.viewer, drill)) throw forbidden();
      const userId = ctx.viewer.id;
      const source = ctx.app.pubSub.subscribe(drillResultsTopic(drill.id)) as AsyncIterableIterator<DrillResultsEvent>;
      return filterIterator(source, () => stillRuns(ctx.app.orm.em.fork(), userId, drill));
    },
  })
  async drillResultsUpdated(
    @Arg('drillId', () => ID, { description: 'The drill to follow (a Drill ID).' }) _drillId: string,
    @Root() event: DrillResultsEvent, @Ctx() ctx: Context,
  ): Promise<DrillResultsUpdate> {
    // A fresh EntityManager per event: a subscription lives for hours and must not serve stale rows.
    return { drill: await ctx.app.orm.em.fork().findOneOrFail(Drill, { id: event.drillId }), submitted: event.submitted };
  }

  @FieldResolver(() => DrillStandingConnection, {
    description: 'The leaderboard (排行榜): each taker’s counted attempt (BEST or LAST per `counting`; voided attempts never count), by score (highest first), then time used (least first); ties share a rank. Fixed order, hence no orderBy. For the drill’s organizer and admins only.',
  })
  async leaderboard(@Root() d: Drill, @Args() page: ConnectionArgs, @Ctx() ctx: Context): Promise<DrillStandingConnection> {
    mustRun(ctx, d);
    return leaderboardPage(ctx.em, d, page);
  }

  @FieldResolver(() => DrillPublicStandingConnection, {
    description: 'The public leaderboard (公开排行榜), for anyone, logged in or not: the leaderboard’s order and ranks, each row only name, enterprise, rank, score and time used. '
      + 'Only once the window has closed (FORBIDDEN before, saying so), and only for a published drill whose organizer set publicBoard (FORBIDDEN otherwise, the organizer too: they read `leaderboard`).',
  })
  async publicLeaderboard(@Root() d: Drill, @Args() page: ConnectionArgs, @Ctx() ctx: Context): Promise<DrillPublicStandingConnection> {
    assertPublic(d);
    return publicBoardPage(ctx.em, d, page);
  }

  @FieldResolver(() => DrillEnterpriseFigureConnection, {
    description: 'Figures per enterprise (各企业参与情况): pass holders, how many of them have not started, participants, participation rate, mean counted score, pass rate; '
      + 'enterprises with pass holders or participants only. Default order: enterprise name (pinyin); NOT_STARTED, DESC puts the enterprises to chase first while the window is open. '
      + 'For the drill’s organizer and admins only.',
  })
  async enterpriseFigures(
    @Root() d: Drill, @Args() page: ConnectionArgs,
    @Arg('orderBy', () => DrillEnterpriseFigureOrder, { nullable: true, description: 'The order; enterprise name (pinyin) when omitted.' }) orderBy: OrderInputShape<DrillEnterpriseFigureOrderField> | null,
    @Ctx() ctx: Context,
  ): Promise<DrillEnterpriseFigureConnection> {
    mustRun(ctx, d);
    return enterpriseFiguresPage(ctx.em, d, page, orderBy);
  }
}

@Resolver(() => DrillEnterpriseFigure)
export class DrillEnterpriseFigureResolver {
  @FieldResolver(() => Enterprise, { description: 'The enterprise.' })
  async enterprise(@Root() f: DrillEnterpriseFigure, @Ctx() ctx: Context): Promise<Enterprise> {
    return (await ctx.loaders.get(enterpriseById).load(f.enterpriseId))!;
  }
}

@Resolver(() => DrillPublicStanding)
export class DrillPublicStandingResolver {
  @FieldResolver(() => String, { description: 'The taker’s name, as a competition’s public board names its entrants.' })
  async displayName(@Root() s: DrillPublicStanding, @Ctx() ctx: Context): Promise<string> {
    return (await ctx.loaders.get(workerById).load(s.workerId))!.name;
  }

  @FieldResolver(() => String, { description: 'The name of the taker’s enterprise.' })
  async enterpriseName(@Root() s: DrillPublicStanding, @Ctx() ctx: Context): Promise<string> {
    const worker = (await ctx.loaders.get(workerById).load(s.workerId))!;
    return (await ctx.loaders.get(enterpriseById).load(worker.enterprise.id))!.name;
  }
}

@Resolver(() => DrillStanding)
export class DrillStandingResolver {
  @FieldResolver(() => Worker, { description: 'The taker.' })
  async worker(@Root() s: DrillStanding, @Ctx() ctx: Context): Promise<Worker> {
    return (await ctx.loaders.get(workerById).load(s.workerId))!;
  }
}
