import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { withUserErrors } from '../../common/errors.js';
import { ConnectionArgs, expectId } from '../../common/relay.js';
import { markingIdOf } from './marking-id.js';
import { paginate } from '../../common/pagination.js';
import { competitionById, criteriaByStage, entryById } from '../competitions.loaders.js';
import { CriterionKind } from '../enums.js';
import { Entry } from '../entries/entry.entity.js';
import { Score } from '../judging/score.entity.js';
import { Stage } from '../setup/stage.entity.js';
import { MarkingCode } from './marking-code.entity.js';
import { issueMarkingCodes, markableCodeIds, mayReadCodeMap } from './marking-code.service.js';
import { MarkingCodeOrder, MarkingCodeOrderField } from '../judging/orders.js';
import { IssueMarkingCodesInput, IssueMarkingCodesPayload, MarkingCodeConnection, MarkingSlip, MarkingSlipConnection } from './marking.inputs.js';
import { orderOf } from '../../common/pagination.js';


@Resolver(() => Stage)
export class StageMarkingResolver {
  @Authorized()
  @Mutation(() => IssueMarkingCodesPayload, {
    description: '发放加密号: the competition’s encryption officer (and nobody else: not its organizer, an ADMIN or its chief judge) gives every active entry of an anonymous stage a random marking code, once lots are drawn (REGISTRATION_CLOSED or IN_PROGRESS). Safe to repeat: existing codes stay, entries without one get one. Marks on the stage are refused until every active entry has a code.',
  })
  async issueMarkingCodes(@Arg('input') input: IssueMarkingCodesInput, @Ctx() ctx: Context): Promise<IssueMarkingCodesPayload> {
    return withUserErrors(async () => {
      const { stage, issued, total } = await issueMarkingCodes(ctx.em, ctx.viewer!, expectId(input.stageId, 'Stage', ['input', 'stageId']));
      return { stage, issuedCount: issued, totalCount: total };
    });
  }

  @FieldResolver(() => MarkingCodeConnection, {
    nullable: true,
    description: 'The map from marking code to entry (加密号对照), by code: for the competition’s encryption officer; for its organizer, ADMIN and chief judge only once the stage is signed off (解密); null for everyone else and for a stage that is not anonymous.',
  })
  async markingCodes(
    @Root() stage: Stage,
    @Args() page: ConnectionArgs,
    @Arg('orderBy', () => MarkingCodeOrder, { nullable: true, description: 'Default: CODE, ascending.' }) orderBy: MarkingCodeOrder | null,
    @Ctx() ctx: Context,
  ): Promise<MarkingCodeConnection | null> {
    if (!stage.anonymous) return null;
    const competition = (await ctx.loaders.get(competitionById).load(stage.competition.id))!;
    if (!(await mayReadCodeMap(ctx.em, ctx.viewer, competition, stage.id))) return null;
    return paginate(ctx.em, MarkingCode, { stage: stage.id }, page, orderOf(orderBy, { [MarkingCodeOrderField.CODE]: 'asc', id: 'asc' }));
  }

  @FieldResolver(() => MarkingSlipConnection, {
    nullable: true,
    description: 'A judge’s marking list of an anonymous stage they judge, by code: marking ID, code and their own marks, nothing naming the entry. Entries they may not mark (own enterprise) are not on it. Null for anyone else, for the chief judge (who sees every mark by entry) and for a stage that is not anonymous.',
  })
  async myMarkingList(
    @Root() stage: Stage,
    @Args() page: ConnectionArgs,
    @Arg('orderBy', () => MarkingCodeOrder, { nullable: true, description: 'Default: CODE, ascending (the order of the papers by their codes).' }) orderBy: MarkingCodeOrder | null,
    @Ctx() ctx: Context,
  ): Promise<MarkingSlipConnection | null> {
    const viewer = ctx.viewer;
    if (!viewer || !stage.anonymous) return null;
    const onStage = await ctx.em.execute(
      `select 1 from judge_assignment where competition_id = ? and user_id = ? and removed_at is null and not chief and ?::uuid = any(stage_ids)`,
      [stage.competition.id, viewer.id, stage.id]);
    if (!onStage.length) return null;
    const ids = await markableCodeIds(ctx.em, viewer.id, stage.id);
    const codes = await paginate(ctx.em, MarkingCode, { id: { $in: ids } }, page, orderOf(orderBy, { [MarkingCodeOrderField.CODE]: 'asc', id: 'asc' }));
    const criteria = await ctx.loaders.get(criteriaByStage).load(stage.id);
    const scores = codes.nodes.length
      ? await ctx.em.find(Score, { entry: { $in: codes.nodes.map((c) => c.entry.id) }, criterion: { $in: criteria.map((c) => c.id) }, slot: { $in: [viewer.id, 'M'] } })
      : [];
    const order = new Map(criteria.map((c, i) => [c.id, i]));
    const slip = (code: MarkingCode): MarkingSlip => {
      const marks = scores.filter((s) => s.entry.id === code.entry.id).sort((a, b) => order.get(a.criterion.id)! - order.get(b.criterion.id)!);
      const complete = criteria.every((c) => marks.some((m) => m.criterion.id === c.id && (c.kind === CriterionKind.MEASUREMENT ? m.slot === 'M' : m.slot === viewer.id)));
      return { markingId: markingIdOf(code), code: code.code, marks, complete };
    };
    return { ...codes, nodes: codes.nodes.map(slip), edges: codes.edges.map((e) => ({ cursor: e.cursor, node: slip(e.node) })) };
  }
}

@Resolver(() => MarkingCode)
export class MarkingCodeResolver {
  @FieldResolver(() => ID, { description: 'The marking ID judges mark this code by.' })
  markingId(@Root() code: MarkingCode): string {
    return markingIdOf(code);
  }

  @FieldResolver(() => Entry, { description: 'The entry behind the code.' })
  async entry(@Root() code: MarkingCode, @Ctx() ctx: Context): Promise<Entry> {
    return (await ctx.loaders.get(entryById).load(code.entry.id))!;
  }

  @FieldResolver(() => Int, { nullable: true, description: 'The entry’s start number (参赛号).' })
  async startNumber(@Root() code: MarkingCode, @Ctx() ctx: Context): Promise<number | null> {
    return (await ctx.loaders.get(entryById).load(code.entry.id))?.startNumber ?? null;
  }
}
