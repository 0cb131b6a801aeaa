import DataLoader from 'dataloader';
import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../context.js';
import { forbidden, notFound, withUserErrors } from '../../common/errors.js';
import { ConnectionArgs, expectId, toGlobalId } from '../../common/relay.js';
import { nestedConnection } from '../../common/nested-connection.js';
import { orderOf } from '../../common/pagination.js';
import type { LoaderFactory } from '../../common/loaders.js';
import { registerNodeType } from '../../common/node.resolver.js';
import { Role } from '../../auth/role.js';
import { UserSummary, userSummary } from '../../auth/user-summary.js';
import { juryStanding, seesPanelOf } from '../access.js';
import { assignmentsByCompetition, competitionById, stageById } from '../competitions.loaders.js';
import { Competition } from '../setup/competition.entity.js';
import { Stage } from '../setup/stage.entity.js';
import {
  CreateScoreSheetPrintLinkInput, ScoreSheetPrintLinkPayload, SignOffStageInput, SignOffStagePayload, StageSignOffConnection, StageSignOffOrder,
} from './sign-off.inputs.js';
import { signOffStage } from './sign-off.service.js';
import { mintDownloadLink } from './results-download.js';
import { scoreSheetResource } from './score-sheet-print.js';
import { StageSignOff } from './stage-sign-off.entity.js';
import { m } from './messages.js';

// That a stage is signed, when, and its digest are public: anyone may check a published result against them.
registerNodeType('StageSignOff', async (ctx, ids) => new Map((await ctx.em.find(StageSignOff, { id: { $in: ids } })).map((r) => [r.id, r])));

/** Keyed by stage id: its valid sign-off, if any. */
const validSignOffByStage: LoaderFactory<string, StageSignOff | null> = (em) =>
  new DataLoader<string, StageSignOff | null>(async (stageIds) => {
    const rows = await em.find(StageSignOff, { stage: { $in: [...stageIds] }, invalidatedAt: null });
    const byStage = new Map(rows.map((r) => [r.stage.id, r]));
    return stageIds.map((id) => byStage.get(id) ?? null);
  });

/** Keyed by competition id: its stages without a valid sign-off, in scheme order. */
const unsignedStagesByCompetition: LoaderFactory<string, Stage[]> = (em) =>
  new DataLoader<string, Stage[]>(async (competitionIds) => {
    const stages = await em.find(Stage, { competition: { $in: [...competitionIds] } }, { orderBy: { position: 'asc' } });
    const signed = new Set((await em.find(StageSignOff, { competition: { $in: [...competitionIds] }, invalidatedAt: null }, { fields: ['stage'] })).map((o) => o.stage.id));
    return competitionIds.map((cid) => stages.filter((s) => s.competition.id === cid && !signed.has(s.id)));
  });

@Resolver(() => StageSignOff)
export class SignOffResolver {
  @Authorized(Role.JUDGE)
  @Mutation(() => SignOffStagePayload, {
    description: 'The competition’s chief judge (裁判长) only: signs off a stage’s results once its marking is closed, recording who, when and the ' +
      'SHA-256 digest of its canonical score sheet (docs/score-sheet-digest.md). A stage already validly signed returns that sign-off. ' +
      'Any later change to the stage’s marks or entries voids it (invalidatedAt); sign again then.',
  })
  async signOffStage(@Arg('input') input: SignOffStageInput, @Ctx() ctx: Context): Promise<SignOffStagePayload> {
    return withUserErrors(async () => {
      const stageId = expectId(input.stageId, 'Stage', ['input', 'stageId']);
      return signOffStage(ctx.em as EntityManager, ctx.viewer!, stageId);
    });
  }

  @Authorized(Role.JUDGE, Role.ORGANIZER)
  @Mutation(() => ScoreSheetPrintLinkPayload, {
    description: 'The competition’s chief judge, or its organizer (or an ADMIN) not judging it: a short-lived, single-use link to the stage’s ' +
      'printable score sheet (评分表: every mark per criterion and judge, the digest, the sign-off and signature lines), for a browser.',
  })
  async createScoreSheetPrintLink(@Arg('input') input: CreateScoreSheetPrintLinkInput, @Ctx() ctx: Context): Promise<ScoreSheetPrintLinkPayload> {
    return withUserErrors(async () => {
      const em = ctx.em as EntityManager;
      const stageId = expectId(input.stageId, 'Stage', ['input', 'stageId']);
      const stage = await em.findOne(Stage, { id: stageId });
      if (!stage) throw notFound('Stage', ['input', 'stageId']);
      const competition = await em.findOneOrFail(Competition, { id: stage.competition.id });
      // The jury: the chief judge now on the panel, or the organizer / ADMIN when not judging this competition.
      if (!(await juryStanding(em, ctx.viewer, competition)).jury) {
        throw forbidden(m('printDenied'));
      }
      const path = `/competitions/${toGlobalId('Competition', competition.id)}/stages/${toGlobalId('Stage', stage.id)}/score-sheet`;
      return mintDownloadLink(em, competition, ctx.viewer!.id, ctx.app.config.resultsDownloadTtlSeconds, scoreSheetResource(stage.id), path);
    });
  }

  @FieldResolver(() => Stage, { description: 'The stage signed off.' })
  async stage(@Root() signOff: StageSignOff, @Ctx() ctx: Context): Promise<Stage> {
    return (await ctx.loaders.get(stageById).load(signOff.stage.id))!;
  }

  @FieldResolver(() => UserSummary, { nullable: true, description: 'The chief judge who signed; null for viewers who do not see the panel (the public).' })
  async signedBy(@Root() signOff: StageSignOff, @Ctx() ctx: Context): Promise<UserSummary | null> {
    const competition = (await ctx.loaders.get(competitionById).load(signOff.competition.id))!;
    const panel = await ctx.loaders.get(assignmentsByCompetition).load(competition.id);
    return seesPanelOf(ctx.viewer, competition, panel) ? userSummary(ctx, signOff.signedBy.id) : null;
  }

  @FieldResolver({ description: 'True while no later change has voided it.' })
  valid(@Root() signOff: StageSignOff): boolean {
    return signOff.invalidatedAt === null;
  }
}

@Resolver(() => Stage)
export class StageSignOffResolver {
  @FieldResolver(() => StageSignOff, { nullable: true, description: 'The stage’s valid sign-off by the chief judge (裁判长签字); null while unsigned or after a change voided it. Public.' })
  async signOff(@Root() stage: Stage, @Ctx() ctx: Context): Promise<StageSignOff | null> {
    return ctx.loaders.get(validSignOffByStage).load(stage.id);
  }
}

@Resolver(() => Competition)
export class CompetitionSignOffsResolver {
  @FieldResolver(() => StageSignOffConnection, { description: 'Every sign-off of the competition’s stages, voided ones included, newest first unless ordered otherwise. Public.' })
  async signOffs(
    @Root() competition: Competition,
    @Args() page: ConnectionArgs,
    @Arg('orderBy', () => StageSignOffOrder, { nullable: true, description: 'Default: SIGNED_AT descending.' }) orderBy: StageSignOffOrder | null,
    @Ctx() ctx: Context,
  ): Promise<StageSignOffConnection> {
    return nestedConnection(ctx, { entity: StageSignOff, parent: 'competition' }, competition.id, page, orderOf(orderBy, { signedAt: 'desc', id: 'desc' }));
  }

  @FieldResolver(() => [Stage], { description: 'Stages without a valid sign-off, in scheme order: results are final only when this is empty. At most one per stage of the scheme.' })
  async unsignedStages(@Root() competition: Competition, @Ctx() ctx: Context): Promise<Stage[]> {
    return ctx.loaders.get(unsignedStagesByCompetition).load(competition.id);
  }
}
