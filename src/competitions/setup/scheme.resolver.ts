import { Arg, Authorized, Ctx, Float, Mutation, Resolver, Root, FieldResolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { withUserErrors } from '../../common/errors.js';
import { expectId, toGlobalId } from '../../common/relay.js';
import { registerNodeType } from '../../common/node.resolver.js';
import { ORGANIZER_ROLES } from '../access.js';
import { Competition } from './competition.entity.js';
import {
  AddCriterionInput, AddStageInput, CriterionPayload, RemoveCriterionInput, RemoveCriterionPayload, RemoveStageInput, RemoveStagePayload,
  StagePayload, UpdateCriterionInput, UpdateStageInput,
} from './competition.inputs.js';
import { competitionById, criteriaByStage } from '../competitions.loaders.js';
import { Criterion } from './criterion.entity.js';
import { MAX_CRITERIA_PER_STAGE, SchemeService } from './scheme.service.js';
import { Stage } from './stage.entity.js';

// The marking scheme is public: contestants prepare against it.
for (const [type, entity] of [['Stage', Stage], ['Criterion', Criterion]] as const) {
  registerNodeType(type, async (ctx, ids) => new Map((await ctx.em.find(entity as typeof Stage, { id: { $in: ids } })).map((r) => [r.id, r])));
}

/** Scheme mutations and Stage fields. */
@Resolver(() => Stage)
export class SchemeResolver {
  @FieldResolver(() => [Criterion], { name: 'criteria', description: `The stage’s criteria (评分项), in order; public. At most ${MAX_CRITERIA_PER_STAGE} (addCriterion refuses more).` })
  async stageCriteria(@Root() stage: Stage, @Ctx() ctx: Context): Promise<Criterion[]> {
    return ctx.loaders.get(criteriaByStage).load(stage.id);
  }

  @FieldResolver(() => Float, { name: 'totalMaxScore', description: 'Sum of the criteria’s maximum scores: the stage score is scaled to 100 from it.' })
  async stageTotalMaxScore(@Root() stage: Stage, @Ctx() ctx: Context): Promise<number> {
    const criteria = await ctx.loaders.get(criteriaByStage).load(stage.id);
    return Math.round(criteria.reduce((sum, c) => sum + c.maxScore * 100, 0)) / 100;
  }

  @FieldResolver(() => Competition, { name: 'competition', description: 'The competition whose scheme it belongs to.' })
  async stageCompetition(@Root() stage: Stage, @Ctx() ctx: Context): Promise<Competition> {
    return (await ctx.loaders.get(competitionById).load(stage.competition.id))!;
  }

  @Authorized(...ORGANIZER_ROLES)
  @Mutation(() => StagePayload, { description: 'Adds a stage (赛段) at the end; DRAFT only.' })
  async addStage(@Arg('input') input: AddStageInput, @Ctx() ctx: Context): Promise<StagePayload> {
    return withUserErrors(() => new SchemeService(ctx.em).addStage(ctx.viewer!, expectId(input.competitionId, 'Competition', ['input', 'competitionId']), input));
  }

  @Authorized(...ORGANIZER_ROLES)
  @Mutation(() => StagePayload, { description: 'Changes a stage’s name, weight, place or anonymity; the owner or an admin, DRAFT only.' })
  async updateStage(@Arg('input') input: UpdateStageInput, @Ctx() ctx: Context): Promise<StagePayload> {
    return withUserErrors(() => new SchemeService(ctx.em).updateStage(ctx.viewer!, expectId(input.stageId, 'Stage', ['input', 'stageId']), input));
  }

  @Authorized(...ORGANIZER_ROLES)
  @Mutation(() => RemoveStagePayload, { description: 'Removes a stage and its criteria; DRAFT only.' })
  async removeStage(@Arg('input') input: RemoveStageInput, @Ctx() ctx: Context): Promise<RemoveStagePayload> {
    return withUserErrors(async () => {
      const id = expectId(input.stageId, 'Stage', ['input', 'stageId']);
      const { competition } = await new SchemeService(ctx.em).removeStage(ctx.viewer!, id);
      return { competition, removedStageId: toGlobalId('Stage', id) };
    });
  }

  @Authorized(...ORGANIZER_ROLES)
  @Mutation(() => CriterionPayload, { description: 'Adds a criterion (评分项) at the end of its stage; DRAFT only.' })
  async addCriterion(@Arg('input') input: AddCriterionInput, @Ctx() ctx: Context): Promise<CriterionPayload> {
    return withUserErrors(() => new SchemeService(ctx.em).addCriterion(ctx.viewer!, expectId(input.stageId, 'Stage', ['input', 'stageId']), input));
  }

  @Authorized(...ORGANIZER_ROLES)
  @Mutation(() => CriterionPayload, { description: 'Changes a criterion’s name, kind, maximum, description or place; the owner or an admin, DRAFT only.' })
  async updateCriterion(@Arg('input') input: UpdateCriterionInput, @Ctx() ctx: Context): Promise<CriterionPayload> {
    return withUserErrors(() =>
      new SchemeService(ctx.em).updateCriterion(ctx.viewer!, expectId(input.criterionId, 'Criterion', ['input', 'criterionId']), input),
    );
  }

  @Authorized(...ORGANIZER_ROLES)
  @Mutation(() => RemoveCriterionPayload, { description: 'Removes a criterion; the owner or an admin, DRAFT only.' })
  async removeCriterion(@Arg('input') input: RemoveCriterionInput, @Ctx() ctx: Context): Promise<RemoveCriterionPayload> {
    return withUserErrors(async () => {
      const id = expectId(input.criterionId, 'Criterion', ['input', 'criterionId']);
      const { stage } = await new SchemeService(ctx.em).removeCriterion(ctx.viewer!, id);
      return { stage, removedCriterionId: toGlobalId('Criterion', id) };
    });
  }
}
