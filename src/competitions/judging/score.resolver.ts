import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { forbidden, withUserErrors } from '../../common/errors.js';
import { ConnectionArgs, expectId, idOf, toGlobalId } from '../../common/relay.js';
import { paginate } from '../../common/pagination.js';
import { nestedConnection } from '../../common/nested-connection.js';
import { registerNodeType } from '../../common/node.resolver.js';
import { aggregate, round2, toHundredths } from '../../scoring/index.js';
import { Role } from '../../auth/role.js';
import { Competition } from '../setup/competition.entity.js';
import { criterionById, entryById } from '../competitions.loaders.js';
import { Criterion } from '../setup/criterion.entity.js';
import { Entry } from '../entries/entry.entity.js';
import { EntryResult } from './entry-result.entity.js';
import { CriterionKind } from '../enums.js';
import { loadScheme } from '../setup/scheme.js';
import { Score } from './score.entity.js';
import { ScoreRevision } from './score-revision.entity.js';
import { submitScore } from './score.service.js';
import { canSeeStage, markVisibility, seesAnyMark, visibilityOf } from './score-access.js';
import { markSight, seesMark, seesPanelMarks, sightFrom } from './independent-marking.js';
import { juryStanding } from '../access.js';
import { judgeNameFor } from './mark-names.js';
import { markHidesEntry, hidesEntryOfMark } from '../marking/anonymity.js';
import { codeOfEntryInStage } from '../marking/marking.loaders.js';
import { MARKING_ID_TYPE, markingIdOf, NIL_UUID } from '../marking/marking-id.js';
import { ScoreConnection, ScoreRevisionConnection, ScoreSheet, SubmitScoreInput, SubmitScorePayload } from './score.inputs.js';
import { ScoreOrder, ScoreOrderField, ScoreRevisionOrder, ScoreRevisionOrderField } from './orders.js';
import { m } from './messages.js';
import { orderOf } from '../../common/pagination.js';


// A mark is visible through node(id:) exactly where scoreSheet would show it (independent marking included).
for (const [type, entity] of [['Score', Score], ['ScoreRevision', ScoreRevision]] as const) {
  registerNodeType(type, async (ctx, ids) => {
    const out = new Map<string, object>();
    if (!ctx.viewer) return out;
    const rows = await ctx.em.find(entity as typeof Score, { id: { $in: ids } });
    for (const row of rows) {
      const score = type === 'Score' ? row : await ctx.em.findOneOrFail(Score, { id: (row as unknown as ScoreRevision).score.id });
      const competition = await ctx.em.findOneOrFail(Competition, { id: score.competition.id });
      const criterion = await ctx.em.findOneOrFail(Criterion, { id: score.criterion.id });
      const sight = await markSight(ctx.em, ctx.viewer, competition, [score.entry.id]);
      if (seesMark(sight, { entryId: score.entry.id, stageId: criterion.stage.id, kind: criterion.kind, judgeId: score.judge.id })) out.set(row.id, row);
    }
    return out;
  });
}

@Resolver(() => Score)
export class ScoreResolver {
  @Authorized(Role.JUDGE)
  @Mutation(() => SubmitScorePayload, { description: 'JUDGE: mark an entry on a criterion (评分), or correct a mark (needs reason). Safe to retry with idempotencyKey.' })
  async submitScore(@Arg('input') input: SubmitScoreInput, @Ctx() ctx: Context): Promise<SubmitScorePayload> {
    const payload = await withUserErrors(async () => {
      const entryId = input.entryId != null ? expectId(input.entryId, 'Entry', ['input', 'entryId']) : null;
      const criterionId = expectId(input.criterionId, 'Criterion', ['input', 'criterionId']);
      // A malformed marking ID is answered as an unknown one: one answer for every marking ID not on the list.
      const markingId = input.markingId != null ? idOf(input.markingId, MARKING_ID_TYPE) ?? NIL_UUID : null;
      const outcome = await submitScore(ctx.em, ctx.viewer!, { ...input, entryId, markingId, criterionId });
      if (!outcome.replayed) ctx.app.metrics.marksSubmitted.inc({ revised: String(outcome.revised) });
      return { scoreId: outcome.scoreId, revised: outcome.revised, replayed: outcome.replayed, leaderboardVersion: outcome.version };
    });
    // The mark is read only when the client asks for it (a judge's tablet usually wants the version alone):
    // one statement and a hydrated entity less per mark.
    if (!('scoreId' in payload)) return payload as SubmitScorePayload;
    let score: Promise<Score> | undefined;
    const scoreId = payload.scoreId;
    return Object.defineProperty(payload, 'score', { get: () => (score ??= ctx.em.fork().findOneOrFail(Score, { id: scoreId })) }) as SubmitScorePayload;
  }

  @FieldResolver(() => Entry, { nullable: true, description: 'The entry marked; null for a judge’s view of a mark of an anonymous stage (until the competition is FINALIZED): judges see such marks by code.' })
  async entry(@Root() score: Score, @Ctx() ctx: Context): Promise<Entry | null> {
    if (await markHidesEntry(ctx, score)) return null;
    return (await ctx.loaders.get(entryById).load(score.entry.id))!;
  }

  @FieldResolver(() => ID, { nullable: true, description: 'Anonymous stage: the marking ID this mark was given by, for the judge who gave it; null otherwise.' })
  async markingId(@Root() score: Score, @Ctx() ctx: Context): Promise<string | null> {
    const code = await this.ownCode(score, ctx);
    return code ? markingIdOf(code) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Anonymous stage: the marking code (加密号) this mark was given by, for the judge who gave it; null otherwise (the jury sees marks by entry, never by code).' })
  async markingCode(@Root() score: Score, @Ctx() ctx: Context): Promise<string | null> {
    return (await this.ownCode(score, ctx))?.code ?? null;
  }

  /** The code of a mark, shown only where the entry is not: to the judge who gave it. */
  private async ownCode(score: Score, ctx: Context): Promise<{ id: string; code: string } | null> {
    if (!ctx.viewer || score.judge.id !== ctx.viewer.id || !(await markHidesEntry(ctx, score))) return null;
    const criterion = (await ctx.loaders.get(criterionById).load(score.criterion.id))!;
    return ctx.loaders.get(codeOfEntryInStage).load(`${criterion.stage.id}:${score.entry.id}`);
  }

  @FieldResolver(() => Criterion, { description: 'The criterion (评分项) marked.' })
  async criterion(@Root() score: Score, @Ctx() ctx: Context): Promise<Criterion> {
    return (await ctx.loaders.get(criterionById).load(score.criterion.id))!;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'The judge who gave (or last corrected) the mark; for a mark filled from an online drill (source DRILL), the organizer who linked the drill to the stage, who answers for it. Shown to the jury (the competition’s organizer, its chief judge, admins) and to the judge themself; null for a colleague’s mark seen by a judge (independent marking: a judge sees the panel’s marks, not who gave them).',
  })
  async judgeName(@Root() score: Score, @Ctx() ctx: Context): Promise<string | null> {
    return judgeNameFor(ctx, score.competition.id, score.judge.id);
  }

  @FieldResolver(() => ID, {
    nullable: true,
    description: 'The global ID (a User’s) of the judge behind judgeName, null exactly where judgeName is: with the score log it lets anyone recompute a sign-off’s digest, which names judges by id (docs/score-sheet-digest.md).',
  })
  async judgeId(@Root() score: Score, @Ctx() ctx: Context): Promise<string | null> {
    return (await judgeNameFor(ctx, score.competition.id, score.judge.id)) === null ? null : toGlobalId('User', score.judge.id);
  }

  @FieldResolver(() => ScoreRevisionConnection, {
    description: 'The corrections of this mark (old value, new value, who, why), oldest first unless orderBy says otherwise. Seen by whoever sees the mark. The first page of many marks is one statement.',
  })
  async revisions(
    @Root() score: Score,
    @Args() page: ConnectionArgs,
    @Arg('orderBy', () => ScoreRevisionOrder, { nullable: true, description: 'Default: AT, ascending (oldest first).' }) orderBy: ScoreRevisionOrder | null,
    @Ctx() ctx: Context,
  ): Promise<ScoreRevisionConnection> {
    return nestedConnection(ctx, { entity: ScoreRevision, parent: 'score' }, score.id, page, orderOf(orderBy, { [ScoreRevisionOrderField.AT]: 'asc', id: 'asc' }));
  }
}

@Resolver(() => ScoreRevision)
export class ScoreRevisionResolver {
  @FieldResolver(() => String, { nullable: true, description: 'The judge who made the correction; null for a colleague’s, seen by a judge (as Score.judgeName).' })
  async judgeName(@Root() revision: ScoreRevision, @Ctx() ctx: Context): Promise<string | null> {
    return judgeNameFor(ctx, revision.competition.id, revision.judge.id);
  }

  @FieldResolver(() => ID, { nullable: true, description: 'The global ID (a User’s) of who made the correction (a judge, a re-checker or an appeal’s re-marker), null exactly where judgeName is: the digest’s `by` (docs/score-sheet-digest.md).' })
  async judgeId(@Root() revision: ScoreRevision, @Ctx() ctx: Context): Promise<string | null> {
    return (await judgeNameFor(ctx, revision.competition.id, revision.judge.id)) === null ? null : toGlobalId('User', revision.judge.id);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The chief judge (裁判长) who approved a correction made after the panel’s marks were visible; null otherwise, and for a judge viewing a colleague’s mark.' })
  async approvedByName(@Root() revision: ScoreRevision, @Ctx() ctx: Context): Promise<string | null> {
    return revision.approvedBy ? judgeNameFor(ctx, revision.competition.id, revision.approvedBy.id) : null;
  }
}

@Resolver(() => Entry)
export class EntryScoreSheetResolver {
  @FieldResolver(() => ScoreSheet, {
    nullable: true,
    description: 'Every criterion, the marks and the aggregates (评分表). The competition’s organizer, its chief judge and admins see every mark live; a judge sees the stages they judge, and in them only their own marks until they have marked every criterion of this entry they are assigned to or the stage’s marking is closed (independent marking), then the panel’s marks without colleagues’ names; an anonymous stage’s marks never (judges mark it by code) until FINALIZED; others null.',
  })
  async scoreSheet(@Root() entry: Entry, @Ctx() ctx: Context): Promise<ScoreSheet | null> {
    const competition = await ctx.em.findOneOrFail(Competition, { id: entry.competition.id });
    const standing = await juryStanding(ctx.em, ctx.viewer, competition);
    const visibility = visibilityOf(standing);
    if (!seesAnyMark(visibility)) return null;
    const sight = await sightFrom(ctx.em, ctx.viewer, competition, standing, [entry.id]);
    const loaded = await loadScheme(ctx.em, competition);
    // A judge never sees an anonymous stage's marks by entry: they mark it by code.
    const byEntry = new Set(loaded.stages.filter((s) => !hidesEntryOfMark(standing, s, competition.status)).map((s) => s.id));
    const scores = await ctx.em.find(Score, { entry }, { orderBy: { createdAt: 'asc' } });
    const lines = [...loaded.criteria.values()]
      .filter((c) => canSeeStage(visibility, c.stage.id) && byEntry.has(c.stage.id))
      .map((criterion) => {
        const panelVisible = seesPanelMarks(sight, entry.id, criterion.stage.id) || criterion.kind === CriterionKind.MEASUREMENT;
        const marks = scores.filter((s) => s.criterion.id === criterion.id
          && seesMark(sight, { entryId: entry.id, stageId: criterion.stage.id, kind: criterion.kind, judgeId: s.judge.id }));
        const values = marks.map((m) => Number(m.value));
        // Rounded from the exact fraction, half up, as the stage scores are: a float (1.005 = 1.00499…) would round down.
        const agg = values.length === 0 || !panelVisible ? null
          : criterion.kind === CriterionKind.MEASUREMENT ? round2(values[0]!) : toHundredths(aggregate(values, competition.aggregation));
        return { criterion, marks, aggregate: agg, panelVisible };
      });
    const result = visibility.all ? await ctx.em.findOne(EntryResult, { entryId: entry.id }) : null;
    return { entry, lines, total: visibility.all ? Number(result?.total ?? 0) : null, marksReceived: lines.reduce((n, l) => n + l.marks.length, 0) };
  }
}

@Resolver(() => Competition)
export class CompetitionScoreLogResolver {
  @Authorized(Role.ORGANIZER)
  @FieldResolver(() => ScoreConnection, { description: 'The competition’s ORGANIZER (or an ADMIN): every mark with its revisions (the audit trail), most recently changed first unless orderBy says otherwise. FORBIDDEN for anyone else.' })
  async scoreLog(
    @Root() competition: Competition,
    @Args() page: ConnectionArgs,
    @Arg('orderBy', () => ScoreOrder, { nullable: true, description: 'Default: UPDATED_AT, descending (most recently changed first).' }) orderBy: ScoreOrder | null,
    @Ctx() ctx: Context,
  ): Promise<ScoreConnection> {
    const visibility = await markVisibility(ctx.em, ctx.viewer, competition);
    if (!visibility.all) throw forbidden(m('onlyOrganizerSeesScoreLog'));
    return paginate(ctx.em, Score, { competition }, page, orderOf(orderBy, { [ScoreOrderField.UPDATED_AT]: 'desc', id: 'desc' }));
  }
}

