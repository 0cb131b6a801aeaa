import { Arg, Args, Authorized, Ctx, FieldResolver, Float, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { forbidden, withUserErrors } from '../../common/errors.js';
import { ConnectionArgs, expectId } from '../../common/relay.js';
import { paginate } from '../../common/pagination.js';
import { registerNodeType } from '../../common/node.resolver.js';
import { UserSummary, userSummary } from '../../auth/user-summary.js';
import { ORGANIZER_ROLES } from '../access.js';
import { Competition } from '../setup/competition.entity.js';
import { Criterion } from '../setup/criterion.entity.js';
import { Stage } from '../setup/stage.entity.js';
import { Entry } from '../entries/entry.entity.js';
import { Score } from '../judging/score.entity.js';
import { ScoreRevision } from '../judging/score-revision.entity.js';
import { competitionById, criterionById, entryById, stageById } from '../competitions.loaders.js';
import { byIdLoader } from '../../common/loaders.js';
import { RecheckItem, RecheckItemStatus, RecheckSample } from './recheck.entity.js';
import {
  ConfirmRecheckMarkInput, CorrectRecheckMarkInput, DrawRecheckSampleInput, RecheckItemConnection, RecheckItemPayload, RecheckSamplePayload, StageRecheck,
} from './recheck.inputs.js';
import { RecheckService } from './recheck.service.js';
import { RecheckItemOrder, RecheckItemOrderField } from '../judging/orders.js';
import { loadStageFigures, recheckView, seesRecheck, type RecheckView } from './recheck-state.js';
import { m } from './messages.js';
import { orderOf } from '../../common/pagination.js';

const scoreById = byIdLoader(Score);
const revisionById = byIdLoader(ScoreRevision);

/** node(): the sample and its items are read by whoever reads Competition.recheckSample. */
for (const entity of [RecheckSample, RecheckItem] as const) {
  registerNodeType(entity.name, async (ctx, ids) => {
    const out = new Map<string, object>();
    if (!ctx.viewer) return out;
    const rows = await ctx.em.find(entity as typeof RecheckItem, { id: { $in: ids } });
    const views = new Map<string, RecheckView>(); // asked once per competition, not per row
    for (const row of rows) {
      const competitionId = row.competition.id;
      if (!views.has(competitionId)) {
        const competition = await ctx.loaders.get(competitionById).load(competitionId);
        views.set(competitionId, competition ? await recheckView(ctx.em, ctx.viewer, competition) : { sees: false, hiddenStageIds: [] });
      }
      const view = views.get(competitionId)!;
      if (view.sees && !(row instanceof RecheckItem && view.hiddenStageIds.includes(row.stage.id))) out.set(row.id, row);
    }
    return out;
  });
}

@Resolver(() => Competition)
export class CompetitionRecheckResolver {
  @FieldResolver(() => RecheckSample, { nullable: true, description: 'Its re-check sample (复核抽样); null until drawn. The competition’s organizer, chief judge and ADMIN, and its arbitrators (监督仲裁, the re-checkers) only.' })
  async recheckSample(@Root() competition: Competition, @Ctx() ctx: Context): Promise<RecheckSample | null> {
    if (!(await seesRecheck(ctx.em, ctx.viewer, competition))) {
      throw forbidden(m('onlyJurySees'));
    }
    return ctx.em.findOne(RecheckSample, { competition });
  }
}

@Resolver(() => RecheckSample)
export class RecheckSampleResolver {
  @FieldResolver(() => UserSummary, { description: 'Who drew it.' })
  async drawnBy(@Root() s: RecheckSample, @Ctx() ctx: Context): Promise<UserSummary> {
    return userSummary(ctx, s.drawnBy.id);
  }

  @FieldResolver(() => [Entry], { description: 'The entries in the prize places when drawn (all of them are in the sample), best first: at most the places of the competition’s prize tiers.' })
  async topEntries(@Root() s: RecheckSample, @Ctx() ctx: Context): Promise<Entry[]> {
    return (await ctx.loaders.get(entryById).loadMany(s.topEntryIds)).filter((e): e is Entry => e instanceof Entry);
  }

  @FieldResolver(() => [Entry], { description: 'The other entries drawn, in draw order: ⌈sampleShare × othersCount⌉ of them, fixed when drawn (never grows).' })
  async drawnEntries(@Root() s: RecheckSample, @Ctx() ctx: Context): Promise<Entry[]> {
    return (await ctx.loaders.get(entryById).loadMany(s.drawnEntryIds)).filter((e): e is Entry => e instanceof Entry);
  }

  @FieldResolver(() => RecheckItemConnection, { description: 'The marks to re-check: the sampled entries’ marks in draw order (by stage, criterion, judge), then those a full re-check added. An arbitrator who judges or judged a stage does not see that stage’s items.' })
  async items(
    @Root() s: RecheckSample,
    @Args() page: ConnectionArgs,
    @Arg('status', () => RecheckItemStatus, { nullable: true, description: 'Only items in this state; null: every item.' }) status: RecheckItemStatus | null,
    @Arg('orderBy', () => RecheckItemOrder, { nullable: true, description: 'Default: POSITION, ascending (the listing order).' }) orderBy: RecheckItemOrder | null,
    @Ctx() ctx: Context,
  ): Promise<RecheckItemConnection> {
    const competition = (await ctx.loaders.get(competitionById).load(s.competition.id))!;
    const { hiddenStageIds } = await recheckView(ctx.em, ctx.viewer, competition);
    const where = { sample: s, ...(status ? { status } : {}), ...(hiddenStageIds.length ? { stage: { $nin: hiddenStageIds } } : {}) };
    return paginate(ctx.em, RecheckItem, where, page, orderOf(orderBy, { [RecheckItemOrderField.POSITION]: 'asc', id: 'asc' }));
  }

  @FieldResolver(() => [StageRecheck], { description: 'Per stage, in position order: sampled, checked and changed marks, the error rate, and whether the stage must be re-checked in full. One per stage of the competition.' })
  async stages(@Root() s: RecheckSample, @Ctx() ctx: Context): Promise<StageRecheck[]> {
    return (await loadStageFigures(ctx.em, s)).map((f) => Object.assign(new StageRecheck(), { ...f, fullRecheckRequired: s.fullRecheckStageIds.includes(f.stageId) }));
  }

  @FieldResolver(() => Boolean, { description: 'No item is pending in any stage.' })
  async complete(@Root() s: RecheckSample, @Ctx() ctx: Context): Promise<boolean> {
    return (await loadStageFigures(ctx.em, s)).every((f) => f.complete);
  }
}

@Resolver(() => StageRecheck)
export class StageRecheckResolver {
  @FieldResolver(() => Stage, { description: 'The stage.' })
  async stage(@Root() r: StageRecheck, @Ctx() ctx: Context): Promise<Stage> {
    return (await ctx.loaders.get(stageById).load(r.stageId))!;
  }
}

@Resolver(() => RecheckItem)
export class RecheckItemResolver {
  @FieldResolver(() => Stage, { description: 'The stage of the mark’s criterion.' })
  async stage(@Root() i: RecheckItem, @Ctx() ctx: Context): Promise<Stage> {
    return (await ctx.loaders.get(stageById).load(i.stage.id))!;
  }

  @FieldResolver(() => Entry, { description: 'The entry marked.' })
  async entry(@Root() i: RecheckItem, @Ctx() ctx: Context): Promise<Entry> {
    return (await ctx.loaders.get(entryById).load(i.entry.id))!;
  }

  @FieldResolver(() => Criterion, { description: 'The criterion the mark is for.' })
  async criterion(@Root() i: RecheckItem, @Ctx() ctx: Context): Promise<Criterion> {
    const score = (await ctx.loaders.get(scoreById).load(i.score.id))!;
    return (await ctx.loaders.get(criterionById).load(score.criterion.id))!;
  }

  @FieldResolver(() => UserSummary, { description: 'The judge whose mark it is (for a MEASUREMENT criterion, who recorded it last).' })
  async judge(@Root() i: RecheckItem, @Ctx() ctx: Context): Promise<UserSummary> {
    return userSummary(ctx, (await ctx.loaders.get(scoreById).load(i.score.id))!.judge.id);
  }

  @FieldResolver(() => Float, { description: 'The mark now (differs from recordedValue once corrected, or if the mark changed since).' })
  async currentValue(@Root() i: RecheckItem, @Ctx() ctx: Context): Promise<number> {
    return Number((await ctx.loaders.get(scoreById).load(i.score.id))!.value);
  }

  @FieldResolver(() => UserSummary, { nullable: true, description: 'The re-checker who confirmed or corrected it.' })
  async checkedBy(@Root() i: RecheckItem, @Ctx() ctx: Context): Promise<UserSummary | null> {
    return i.checkedBy ? userSummary(ctx, i.checkedBy.id) : null;
  }

  @FieldResolver(() => ScoreRevision, { nullable: true, description: 'The correction (reason kind RECHECK), when CORRECTED.' })
  async revision(@Root() i: RecheckItem, @Ctx() ctx: Context): Promise<ScoreRevision | null> {
    return i.revision ? ctx.loaders.get(revisionById).load(i.revision.id) : null;
  }

  @Authorized(...ORGANIZER_ROLES)
  @Mutation(() => RecheckSamplePayload, { description: '复核抽样: the competition’s organizer draws, once scoring is closed (SCORING_CLOSED), every entry in the prize places and at least recheckSampleShare of the others, reproducibly from a recorded seed (docs/recheck.md). One sample per competition: a retry returns it. Voids the sign-offs of the stages it samples.' })
  async drawRecheckSample(@Arg('input') input: DrawRecheckSampleInput, @Ctx() ctx: Context): Promise<RecheckSamplePayload> {
    return withUserErrors(async () => {
      const competitionId = expectId(input.competitionId, 'Competition', ['input', 'competitionId']);
      return { sample: await new RecheckService(ctx.em).draw(ctx.viewer!, competitionId, input.seed) };
    });
  }

  @Authorized()
  @Mutation(() => RecheckItemPayload, { description: 'A re-checker (an arbitrator of the competition never on the stage’s panel) confirms a sampled mark as recorded, while SCORING_CLOSED. Confirming again returns the item.' })
  async confirmRecheckMark(@Arg('input') input: ConfirmRecheckMarkInput, @Ctx() ctx: Context): Promise<RecheckItemPayload> {
    return withUserErrors(async () => {
      const itemId = expectId(input.itemId, 'RecheckItem', ['input', 'itemId']);
      return { item: await new RecheckService(ctx.em).confirm(ctx.viewer!, itemId) };
    });
  }

  @Authorized()
  @Mutation(() => RecheckItemPayload, { description: 'A re-checker corrects a sampled mark: a revision of reason kind RECHECK, the entry’s result recomputed, the stage’s sign-off void. When the stage’s last sampled mark is checked and its error rate exceeds the threshold, every mark of the stage is added for re-check.' })
  async correctRecheckMark(@Arg('input') input: CorrectRecheckMarkInput, @Ctx() ctx: Context): Promise<RecheckItemPayload> {
    return withUserErrors(async () => {
      const itemId = expectId(input.itemId, 'RecheckItem', ['input', 'itemId']);
      return { item: await new RecheckService(ctx.em).correct(ctx.viewer!, itemId, input.value, input.reason) };
    });
  }
}
