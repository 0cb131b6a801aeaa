import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { withUserErrors } from '../../common/errors.js';
import { ConnectionArgs, expectId } from '../../common/relay.js';
import { paginate } from '../../common/pagination.js';
import { registerNodeType } from '../../common/node.resolver.js';
import { Role } from '../../auth/role.js';
import { UserSummary, userSummary } from '../../auth/user-summary.js';
import { juryStanding, ORGANIZER_ROLES } from '../access.js';
import { competitionById, criterionById, entryById, stageById } from '../competitions.loaders.js';
import { Competition } from '../setup/competition.entity.js';
import { Criterion } from '../setup/criterion.entity.js';
import { Stage } from '../setup/stage.entity.js';
import { Entry } from '../entries/entry.entity.js';
import { MarkingGapAcceptance } from './marking-gap.entity.js';
import {
  AcceptedGap, AcceptMarkingGapInput, AcceptMarkingGapPayload, CloseStageMarkingInput, CloseStageMarkingPayload, MarkingGapAcceptanceConnection,
} from './marking-gap.inputs.js';
import { acceptMarkingGap, closeStageMarking } from './marking-gap.service.js';
import { MarkingGapAcceptanceOrder, MarkingGapAcceptanceOrderField } from './orders.js';
import { orderOf } from '../../common/pagination.js';

/** The jury's business (organizer, ADMIN, chief judge): the accepted gaps name entries and who accepted them. */
const seesGaps = async (ctx: Context, competition: Competition) => (await juryStanding(ctx.em, ctx.viewer, competition)).jury;

registerNodeType('MarkingGapAcceptance', async (ctx, ids) => {
  const out = new Map<string, object>();
  if (!ctx.viewer) return out;
  const rows = await ctx.em.find(MarkingGapAcceptance, { id: { $in: ids } }, { populate: ['competition'] });
  for (const row of rows) if (await seesGaps(ctx, row.competition.getEntity())) out.set(row.id, row);
  return out;
});

@Resolver(() => MarkingGapAcceptance)
export class MarkingGapResolver {
  @Authorized(Role.JUDGE)
  @Mutation(() => AcceptMarkingGapPayload, {
    description: 'The chief judge (裁判长, an active panel seat with the chief flag) only: accept that the marks missing now (of one stage or all) may stay missing, with a reason; closeStageMarking and closeScoring then pass over them. While IN_PROGRESS.',
  })
  async acceptMarkingGap(@Arg('input') input: AcceptMarkingGapInput, @Ctx() ctx: Context): Promise<AcceptMarkingGapPayload> {
    return withUserErrors(async () => {
      const competitionId = expectId(input.competitionId, 'Competition', ['input', 'competitionId']);
      const stageId = input.stageId ? expectId(input.stageId, 'Stage', ['input', 'stageId']) : null;
      return acceptMarkingGap(ctx.em, ctx.viewer!, competitionId, stageId, input.reason);
    });
  }

  @Authorized(...ORGANIZER_ROLES)
  @Mutation(() => CloseStageMarkingPayload, {
    description: 'The competition’s organizer: close one stage’s marking while IN_PROGRESS (no more marks on it). Refused while its marks are missing, one userError per entry (start number and criteria), unless the chief judge accepted the gap.',
  })
  async closeStageMarking(@Arg('input') input: CloseStageMarkingInput, @Ctx() ctx: Context): Promise<CloseStageMarkingPayload> {
    return withUserErrors(async () => closeStageMarking(ctx.em, ctx.viewer!, expectId(input.stageId, 'Stage', ['input', 'stageId'])));
  }

  @FieldResolver(() => Competition, { description: 'The competition whose marks were missing.' })
  async competition(@Root() a: MarkingGapAcceptance, @Ctx() ctx: Context): Promise<Competition> {
    return (await ctx.loaders.get(competitionById).load(a.competition.id))!;
  }

  @FieldResolver(() => Stage, { nullable: true, description: 'The stage whose gaps were accepted; null: every stage.' })
  async stage(@Root() a: MarkingGapAcceptance, @Ctx() ctx: Context): Promise<Stage | null> {
    return a.stage ? ctx.loaders.get(stageById).load(a.stage.id) : null;
  }

  @FieldResolver(() => UserSummary, { description: 'The chief judge who accepted the gap.' })
  async acceptedBy(@Root() a: MarkingGapAcceptance, @Ctx() ctx: Context): Promise<UserSummary> {
    return userSummary(ctx, a.acceptedBy.id);
  }

  @FieldResolver(() => [AcceptedGap], { description: 'Exactly the marks that were missing when the gap was accepted, per entry and criterion: a snapshot, bounded by the competition’s entries × criteria, that never grows.' })
  async gaps(@Root() a: MarkingGapAcceptance, @Ctx() ctx: Context): Promise<AcceptedGap[]> {
    const entries = await ctx.loaders.get(entryById).loadMany(a.gaps.map((g) => g.entryId));
    const criteria = await ctx.loaders.get(criterionById).loadMany(a.gaps.map((g) => g.criterionId));
    return a.gaps.flatMap((g, i) => {
      const entry = entries[i];
      const criterion = criteria[i];
      return entry instanceof Entry && criterion instanceof Criterion ? [{ entry, criterion, missing: g.missing }] : [];
    });
  }
}

@Resolver(() => Competition)
export class CompetitionMarkingGapsResolver {
  @FieldResolver(() => MarkingGapAcceptanceConnection, {
    nullable: true,
    description: 'Missing marks the chief judge accepted (裁判长确认缺项), newest first unless orderBy says otherwise, beside scoreLog in the audit trail. The jury only (its organizer, its chief judge, ADMIN); null for others.',
  })
  async markingGapAcceptances(
    @Root() competition: Competition,
    @Args() page: ConnectionArgs,
    @Arg('orderBy', () => MarkingGapAcceptanceOrder, { nullable: true, description: 'Default: ACCEPTED_AT, descending (newest first).' }) orderBy: MarkingGapAcceptanceOrder | null,
    @Ctx() ctx: Context,
  ): Promise<MarkingGapAcceptanceConnection | null> {
    if (!(await seesGaps(ctx, competition))) return null;
    return paginate(ctx.em, MarkingGapAcceptance, { competition }, page, orderOf(orderBy, { [MarkingGapAcceptanceOrderField.ACCEPTED_AT]: 'desc', id: 'desc' }));
  }
}
