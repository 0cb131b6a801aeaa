import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { forbidden, unauthenticated } from '../../common/errors.js';
import { ConnectionArgs } from '../../common/relay.js';
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

/** A drill's results are its organizer's and admins' (takers see only their own attempts, issue 16 "Results"). */
function mustRun(ctx: Context, drill: Drill): void {
  if (!ctx.viewer) throw unauthenticated();
  if (!runsDrill(ctx.viewer, drill)) throw forbidden();
}

@Resolver(() => Drill)
export class DrillResultsResolver {
  @FieldResolver(() => DrillStandingConnection, {
    description: 'The leaderboard (排行榜): each taker’s counted attempt (BEST or LAST per `counting`; voided attempts never count), by score (highest first), then time used (least first); ties share a rank. Fixed order, hence no orderBy. For the drill’s organizer and admins only.',
  })
  async leaderboard(@Root() d: Drill, @Args() page: ConnectionArgs, @Ctx() ctx: Context): Promise<DrillStandingConnection> {
    mustRun(ctx, d);
    return leaderboardPage(ctx.em, d, page);
  }

  @FieldResolver(() => DrillEnterpriseFigureConnection, {
    description: 'Figures per enterprise (各企业参与情况): pass holders, participants, participation rate, mean counted score, pass rate; enterprises with pass holders or participants only. Default order: enterprise name (pinyin). For the drill’s organizer and admins only.',
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

@Resolver(() => DrillStanding)
export class DrillStandingResolver {
  @FieldResolver(() => Worker, { description: 'The taker.' })
  async worker(@Root() s: DrillStanding, @Ctx() ctx: Context): Promise<Worker> {
    return (await ctx.loaders.get(workerById).load(s.workerId))!;
  }
}
