import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { forbidden, unauthenticated, withUserErrors } from '../../common/errors.js';
import { byIdLoader, readByIdLoader, readChildrenLoader } from '../../common/loaders.js';
import { ConnectionArgs, expectId } from '../../common/relay.js';
import { orderOf, paginate } from '../../common/pagination.js';
import { registerNodeType } from '../../common/node.resolver.js';
import { Role } from '../../auth/role.js';
import { isOwner } from '../../competitions/access.js';
import { competitionById, criterionById, entryById, stageById } from '../../competitions/competitions.loaders.js';
import { Competition } from '../../competitions/setup/competition.entity.js';
import { Criterion } from '../../competitions/setup/criterion.entity.js';
import { Stage } from '../../competitions/setup/stage.entity.js';
import { Score } from '../../competitions/judging/score.entity.js';
import { MarkSource } from '../../competitions/enums.js';
import { DrillAttempt } from '../taking/attempt.entity.js';
import { runsDrill } from '../access.js';
import { DrillStatus } from '../enums.js';
import { Drill } from '../setup/drill.entity.js';
import { StageDrill } from './stage-drill.entity.js';
import { fillStageAs, linkStage, unlinkStage } from './theory.service.js';
import {
  FillCountsView, FillStageFromDrillPayload, LinkStageToDrillInput, StageDrillConnection, StageDrillOrder, StageDrillOrderField, StageDrillPayload,
  StageDrillStageInput, UnlinkStageFromDrillPayload,
} from './theory.inputs.js';
import { m } from './messages.js';

const drillById = readByIdLoader(Drill);
const linkDrillById = byIdLoader(Drill);
const linksByStage = readChildrenLoader(StageDrill, 'stage', { linkedAt: 'asc' });
const attemptById = byIdLoader(DrillAttempt);

/** Who sees a link and its fill state: the competition's organizer (or an ADMIN) and whoever runs the drill. */
async function seesLink(ctx: Context, link: StageDrill): Promise<boolean> {
  if (!ctx.viewer) return false;
  const competition = await ctx.loaders.get(competitionById).load(link.competition.id);
  if (competition && isOwner(ctx.viewer, competition)) return true;
  const drill = await ctx.loaders.get(drillById).load(link.drill.id);
  return !!drill && runsDrill(ctx.viewer, drill);
}

registerNodeType('StageDrill', async (ctx, ids) => {
  const out = new Map<string, object>();
  for (const link of await ctx.em.find(StageDrill, { id: { $in: ids } })) if (await seesLink(ctx, link)) out.set(link.id, link);
  return out;
});

/** A competition's theory stage filled from a drill (issue 16, "Results"): link, unlink, fill, and what the organizer sees of it. */
@Resolver(() => StageDrill)
export class StageDrillResolver {
  @Authorized(Role.ORGANIZER)
  @Mutation(() => StageDrillPayload, {
    description: 'The competition’s ORGANIZER who also runs the drill (its organizer; or an ADMIN; others FORBIDDEN): the stage’s one MEASUREMENT criterion is filled '
      + 'from each entrant’s attempt once the drill’s window closed (the drill’s points scaled to the criterion’s maximum); an entrant who never started becomes ABSENT. '
      + 'While the competition is DRAFT, in registration or IN_PROGRESS and the stage has no marks; the drill not CANCELLED; one drill per stage (again with the same drill: the link).',
  })
  async linkStageToDrill(@Arg('input') input: LinkStageToDrillInput, @Ctx() ctx: Context): Promise<StageDrillPayload> {
    return withUserErrors(async () => {
      const stageId = expectId(input.stageId, 'Stage', ['input', 'stageId']);
      const drillId = expectId(input.drillId, 'Drill', ['input', 'drillId']);
      return { stageDrill: await linkStage(ctx.em, ctx.viewer!, stageId, drillId) };
    });
  }

  @Authorized(Role.ORGANIZER)
  @Mutation(() => UnlinkStageFromDrillPayload, {
    description: 'As linkStageToDrill’s caller: the stage is marked by judges again. Only while no mark (and no absence) came from the drill.',
  })
  async unlinkStageFromDrill(@Arg('input') input: StageDrillStageInput, @Ctx() ctx: Context): Promise<UnlinkStageFromDrillPayload> {
    return withUserErrors(async () => ({ stage: await unlinkStage(ctx.em, ctx.viewer!, expectId(input.stageId, 'Stage', ['input', 'stageId'])) }));
  }

  @Authorized(Role.ORGANIZER)
  @Mutation(() => FillStageFromDrillPayload, {
    description: 'As linkStageToDrill’s caller: fills the stage from the drill now (the server does it by itself once the drill is over; this is the catch-up, '
      + 'e.g. after scoring was reopened with a refill pending). Idempotent: an unchanged value writes nothing, a changed one is a revision (reason kind DRILL). '
      + 'Refused (INVALID_STATE) before the drill is over, or unless the competition is IN_PROGRESS and the stage open.',
  })
  async fillStageFromDrill(@Arg('input') input: StageDrillStageInput, @Ctx() ctx: Context): Promise<FillStageFromDrillPayload> {
    return withUserErrors(async () => {
      const out = await fillStageAs(ctx.em, ctx.viewer!, expectId(input.stageId, 'Stage', ['input', 'stageId']));
      const entries = await Promise.all(out.skipped.map((s) => ctx.loaders.get(entryById).load(s.entryId)));
      return {
        stageDrill: out.link, counts: out.counts,
        skippedEntries: out.skipped.map((s, i) => ({ entry: entries[i]!, reason: s.reason })).filter((s) => s.entry),
      };
    });
  }

  @FieldResolver(() => Stage, { description: 'The stage filled from the drill.' })
  async stage(@Root() link: StageDrill, @Ctx() ctx: Context): Promise<Stage> {
    return (await ctx.loaders.get(stageById).load(link.stage.id))!;
  }

  @FieldResolver(() => Competition, { description: 'The stage’s competition.' })
  async competition(@Root() link: StageDrill, @Ctx() ctx: Context): Promise<Competition> {
    return (await ctx.loaders.get(competitionById).load(link.competition.id))!;
  }

  @FieldResolver(() => Criterion, { description: 'The stage’s one MEASUREMENT criterion, which the drill fills.' })
  async criterion(@Root() link: StageDrill, @Ctx() ctx: Context): Promise<Criterion> {
    return (await ctx.loaders.get(criterionById).load(link.criterion.id))!;
  }

  @FieldResolver(() => Drill, { description: 'The drill the stage is filled from.' })
  async drill(@Root() link: StageDrill, @Ctx() ctx: Context): Promise<Drill> {
    return (await ctx.loaders.get(linkDrillById).load(link.drill.id))!;
  }

  @FieldResolver(() => FillCountsView, { nullable: true, description: 'What the last fill did; null before the first.' })
  lastFill(@Root() link: StageDrill): FillCountsView | null {
    return link.lastFill;
  }
}

@Resolver(() => Stage)
export class StageDrillOfStageResolver {
  @FieldResolver(() => Drill, {
    nullable: true,
    description: 'The online drill (网上练兵) this stage’s criterion is filled from; null when judges mark it. Seen by whoever reads the stage, '
      + 'as the drill itself is: null for a DRAFT drill unless you run it.',
  })
  async drill(@Root() stage: Stage, @Ctx() ctx: Context): Promise<Drill | null> {
    const [link] = await ctx.loaders.get(linksByStage).load(stage.id);
    if (!link) return null;
    const drill = await ctx.loaders.get(linkDrillById).load(link.drill.id);
    if (!drill || (drill.status === DrillStatus.DRAFT && !runsDrill(ctx.viewer, drill))) return null;
    return drill;
  }

  @FieldResolver(() => StageDrill, {
    nullable: true,
    description: 'The link to the drill with its fill state (filledAt, refillPending, lastFill): for the competition’s organizer (or an ADMIN) and whoever runs the drill; null for others and when none.',
  })
  async drillLink(@Root() stage: Stage, @Ctx() ctx: Context): Promise<StageDrill | null> {
    const [link] = await ctx.loaders.get(linksByStage).load(stage.id);
    return link && (await seesLink(ctx, link)) ? link : null;
  }
}

@Resolver(() => Drill)
export class DrillTheoryStagesResolver {
  @FieldResolver(() => StageDrillConnection, {
    description: 'The competition stages filled from this drill, with their fill state: for the drill’s organizer or an ADMIN (others: FORBIDDEN).',
  })
  async theoryStages(
    @Root() drill: Drill,
    @Args() page: ConnectionArgs,
    @Arg('orderBy', () => StageDrillOrder, { nullable: true, description: 'Default: LINKED_AT, ascending.' }) orderBy: StageDrillOrder | null,
    @Ctx() ctx: Context,
  ): Promise<StageDrillConnection> {
    if (!ctx.viewer) throw unauthenticated();
    if (!runsDrill(ctx.viewer, drill)) throw forbidden(m('onlyRunnerSees'));
    return paginate(ctx.em, StageDrill, { drill: drill.id }, page, orderOf(orderBy, { [StageDrillOrderField.LINKED_AT]: 'asc', id: 'asc' }));
  }
}

@Resolver(() => Score)
export class ScoreDrillAttemptResolver {
  @FieldResolver(() => DrillAttempt, {
    nullable: true,
    description: 'A mark filled from an online drill (source DRILL): the attempt its value came from, for whoever runs the drill (its organizer, an ADMIN); '
      + 'null for others, for a team’s mark (the mean of several attempts), when no attempt counted, and for a judge’s mark.',
  })
  async drillAttempt(@Root() score: Score, @Ctx() ctx: Context): Promise<DrillAttempt | null> {
    if (score.source !== MarkSource.DRILL || !score.sourceId || !ctx.viewer) return null;
    const attempt = await ctx.loaders.get(attemptById).load(score.sourceId);
    if (!attempt) return null;
    const drill = await ctx.loaders.get(drillById).load(attempt.drill.id);
    return drill && runsDrill(ctx.viewer, drill) ? attempt : null;
  }
}
