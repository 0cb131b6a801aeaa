import { CompetitionTransitionInput } from '../setup/competition.inputs.js';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { withUserErrors } from '../../common/errors.js';
import { ConnectionArgs, expectId, toGlobalId } from '../../common/relay.js';
import { paginate } from '../../common/pagination.js';
import { nestedConnection } from '../../common/nested-connection.js';
import { registerNodeType } from '../../common/node.resolver.js';
import { Role } from '../../auth/role.js';
import { UserSummary, userSummary } from '../../auth/user-summary.js';
import { ORGANIZER_ROLES } from '../access.js';
import { competitionById, criterionById, entryById, stageById } from '../competitions.loaders.js';
import { Entry } from '../entries/entry.entity.js';
import { EntryMember } from '../entries/entry-member.entity.js';
import { ScoreRevision } from '../judging/score-revision.entity.js';
import { Competition } from '../setup/competition.entity.js';
import { Criterion } from '../setup/criterion.entity.js';
import { Stage } from '../setup/stage.entity.js';
import { AppealAccess, accessTo, appealViewer, readsReasons, type AppealViewer } from './appeal-access.js';
import { Appeal } from './appeal.entity.js';
import { AppealStatus } from './appeal.enums.js';
import {
  AppealConnection, AppealPayload, AppealRemarkConnection, FileAppealInput, FileAppealPayload, PublishResultsPayload, RuleOnAppealInput,
  SubmitAppealMarkInput, SubmitAppealMarkPayload,
} from './appeal.inputs.js';
import { AppealRemark } from './appeal-remark.entity.js';
import { submitAppealMark } from './appeal-remark.service.js';
import { fileAppeal, ruleOnAppeal } from './appeal.service.js';
import { appealWindowOpen, publishResults } from './publication.service.js';
import { dependsOnClockUntil } from '../../cache/clock.js';

/** The viewer's standing towards a competition's appeals, once per request and competition. */
const viewers = new WeakMap<Context, Map<string, Promise<AppealViewer>>>();
function viewerIn(ctx: Context, competition: Competition): Promise<AppealViewer> {
  let byCompetition = viewers.get(ctx);
  if (!byCompetition) viewers.set(ctx, (byCompetition = new Map()));
  let v = byCompetition.get(competition.id);
  if (!v) byCompetition.set(competition.id, (v = appealViewer(ctx.em, ctx.viewer, competition)));
  return v;
}

/** Members of the given entries, grouped: one statement for a page of appeals. */
async function membersOf(ctx: Context, entryIds: string[]): Promise<Map<string, { workerId: string; enterpriseId: string }[]>> {
  const rows = entryIds.length ? await ctx.em.find(EntryMember, { entry: { $in: [...new Set(entryIds)] } }, { fields: ['entry', 'worker', 'enterpriseId'] }) : [];
  const out = new Map<string, { workerId: string; enterpriseId: string }[]>();
  for (const m of rows) out.set(m.entry.id, [...(out.get(m.entry.id) ?? []), { workerId: m.worker.id, enterpriseId: m.enterpriseId }]);
  return out;
}

/** What of one appeal the viewer reads (cached on the request per appeal). */
const access = new WeakMap<Context, Map<string, Promise<AppealAccess | null>>>();
function accessOf(ctx: Context, appeal: Appeal): Promise<AppealAccess | null> {
  let byAppeal = access.get(ctx);
  if (!byAppeal) access.set(ctx, (byAppeal = new Map()));
  let a = byAppeal.get(appeal.id);
  if (!a) {
    a = (async () => {
      const competition = (await ctx.loaders.get(competitionById).load(appeal.competition.id))!;
      const v = await viewerIn(ctx, competition);
      if (v.full) return AppealAccess.FULL;
      return accessTo(v, appeal, (await membersOf(ctx, [appeal.entry.id])).get(appeal.entry.id) ?? []);
    })();
    byAppeal.set(appeal.id, a);
  }
  return a;
}

/** The appeals of a competition the viewer may see at all (see appeal-access.ts). */
async function visibleAppealIds(ctx: Context, competition: Competition): Promise<string[] | 'all'> {
  const v = await viewerIn(ctx, competition);
  if (v.full || v.finalized) return 'all';
  if (!v.userId) return [];
  const appeals = await ctx.em.find(Appeal, { competition }, { fields: ['entry', 'filedBy', 'remarkJudgeIds'] });
  const members = await membersOf(ctx, appeals.map((a) => a.entry.id));
  return appeals.filter((a) => accessTo(v, a, members.get(a.entry.id) ?? []) !== null).map((a) => a.id);
}

registerNodeType('Appeal', async (ctx, ids) => {
  const out = new Map<string, object>();
  for (const appeal of await ctx.em.find(Appeal, { id: { $in: ids } })) if (await accessOf(ctx, appeal)) out.set(appeal.id, appeal);
  return out;
});
// A re-mark is read where its appeal's re-marks are: the organizer, the arbitrators, the parties and the re-markers.
registerNodeType('AppealRemark', async (ctx, ids) => {
  const out = new Map<string, object>();
  for (const remark of await ctx.em.find(AppealRemark, { id: { $in: ids } }, { populate: ['appeal'] })) {
    const a = await accessOf(ctx, remark.appeal.getEntity());
    if (a && a !== AppealAccess.OUTCOME) out.set(remark.id, remark);
  }
  return out;
});

@Resolver(() => Appeal)
export class AppealResolver {
  @Authorized(...ORGANIZER_ROLES)
  @Mutation(() => PublishResultsPayload, {
    description: '成绩公示 (the owner or an admin): SCORING_CLOSED → RESULTS_PUBLISHED once every stage is signed off by the chief judge (one userError per stage that is not). ' +
      'Makes the provisional results public (a freeze is lifted) and opens the appeal window for appealWindowMinutes.',
  })
  async publishResults(@Arg('input') input: CompetitionTransitionInput, @Ctx() ctx: Context): Promise<PublishResultsPayload> {
    return withUserErrors(async () => {
      const competition = await publishResults(ctx.em, ctx.viewer!, expectId(input.competitionId, 'Competition', ['input', 'competitionId']), input.reason ?? null);
      ctx.app.appealWindows?.schedule(competition.id, competition.appealWindowClosesAt!);
      return { competition };
    });
  }

  @Authorized()
  @Mutation(() => FileAppealPayload, {
    description: '申诉, while the appeal window is open: the entrant (a user linked to a worker of the entry), their team leader (领队) or the competition’s organizer on their behalf. ' +
      'One open appeal per entry and criterion (or stage): filing again returns it with `existing`.',
  })
  async fileAppeal(@Arg('input') input: FileAppealInput, @Ctx() ctx: Context): Promise<FileAppealPayload> {
    return withUserErrors(async () => {
      const entryId = expectId(input.entryId, 'Entry', ['input', 'entryId']);
      const stageId = input.stageId != null ? expectId(input.stageId, 'Stage', ['input', 'stageId']) : null;
      const criterionId = input.criterionId != null ? expectId(input.criterionId, 'Criterion', ['input', 'criterionId']) : null;
      return fileAppeal(ctx.em, ctx.viewer!, { entryId, stageId, criterionId, grounds: input.grounds });
    });
  }

  @Authorized()
  @Mutation(() => AppealPayload, {
    description: '仲裁: an arbitrator (监督仲裁) of the competition rules on a FILED appeal — not one who judged the contested stage, nor of the entrant’s enterprise (CONFLICT_OF_INTEREST). ' +
      'UPHELD names the judges who re-mark the contested marks (submitAppealMark). A ruling after the deadline is accepted and marked overdue.',
  })
  async ruleOnAppeal(@Arg('input') input: RuleOnAppealInput, @Ctx() ctx: Context): Promise<AppealPayload> {
    return withUserErrors(async () => {
      const appealId = expectId(input.appealId, 'Appeal', ['input', 'appealId']);
      const remarkJudgeIds = input.remarkJudgeIds.map((id, i) => expectId(id, 'User', ['input', 'remarkJudgeIds', String(i)]));
      return { appeal: await ruleOnAppeal(ctx.em, ctx.viewer!, { appealId, decision: input.decision, reason: input.reason, remarkJudgeIds }) };
    });
  }

  @Authorized(Role.JUDGE)
  @Mutation(() => SubmitAppealMarkPayload, {
    description: '复评: a judge named by an upheld appeal re-marks one contested mark; it replaces the mark as a revision of reason kind APPEAL, the entry’s result and the board follow, ' +
      'and the stage’s sign-off is voided. Each named judge re-marks at most one mark per criterion; the last re-mark resolves the appeal. ' +
      'Sending one’s own re-mark again with the same value (a retry) returns it and records nothing.',
  })
  async submitAppealMark(@Arg('input') input: SubmitAppealMarkInput, @Ctx() ctx: Context): Promise<SubmitAppealMarkPayload> {
    return withUserErrors(async () => {
      const appealId = expectId(input.appealId, 'Appeal', ['input', 'appealId']);
      const scoreId = input.scoreId != null ? expectId(input.scoreId, 'Score', ['input', 'scoreId']) : null;
      const criterionId = input.criterionId != null ? expectId(input.criterionId, 'Criterion', ['input', 'criterionId']) : null;
      return submitAppealMark(ctx.em, ctx.viewer!, { appealId, scoreId, criterionId, value: input.value, comment: input.comment });
    });
  }

  @FieldResolver(() => Competition, { description: 'The competition appealed in.' })
  async competition(@Root() appeal: Appeal, @Ctx() ctx: Context): Promise<Competition> {
    return (await ctx.loaders.get(competitionById).load(appeal.competition.id))!;
  }

  @FieldResolver(() => Entry, { description: 'The entry whose marks are contested.' })
  async entry(@Root() appeal: Appeal, @Ctx() ctx: Context): Promise<Entry> {
    return (await ctx.loaders.get(entryById).load(appeal.entry.id))!;
  }

  @FieldResolver(() => Stage, { description: 'The contested stage (the criterion’s, for a criterion-level appeal).' })
  async stage(@Root() appeal: Appeal, @Ctx() ctx: Context): Promise<Stage> {
    return (await ctx.loaders.get(stageById).load(appeal.stage.id))!;
  }

  @FieldResolver(() => Criterion, { nullable: true, description: 'The contested criterion; null when the whole stage is contested.' })
  async criterion(@Root() appeal: Appeal, @Ctx() ctx: Context): Promise<Criterion | null> {
    return appeal.criterion ? ctx.loaders.get(criterionById).load(appeal.criterion.id) : null;
  }

  @FieldResolver(() => Boolean, { description: 'Ruled after its deadline, or still FILED past it.' })
  overdue(@Root() appeal: Appeal, @Ctx() ctx: Context): boolean {
    // A FILED appeal turns overdue at its deadline.
    if (!appeal.ruledAt) dependsOnClockUntil(ctx, appeal.deadline);
    return (appeal.ruledAt ?? new Date()) > appeal.deadline;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Why the entrant appealed (申诉理由): the parties, the organizer and the arbitrators; null for others.' })
  async grounds(@Root() appeal: Appeal, @Ctx() ctx: Context): Promise<string | null> {
    return readsReasons(await accessOf(ctx, appeal)) ? appeal.grounds : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The arbitrator’s reason: the parties, the organizer, the arbitrators and the re-markers; null for others and until ruled.' })
  async rulingReason(@Root() appeal: Appeal, @Ctx() ctx: Context): Promise<string | null> {
    const a = await accessOf(ctx, appeal);
    return readsReasons(a) || a === AppealAccess.REMARKER ? appeal.rulingReason : null;
  }

  @FieldResolver(() => UserSummary, { nullable: true, description: 'Who filed it: the organizer and the arbitrators only.' })
  async filedBy(@Root() appeal: Appeal, @Ctx() ctx: Context): Promise<UserSummary | null> {
    return (await accessOf(ctx, appeal)) === AppealAccess.FULL ? userSummary(ctx, appeal.filedBy.id) : null;
  }

  @FieldResolver(() => UserSummary, { nullable: true, description: 'The arbitrator who ruled: the organizer and the arbitrators only.' })
  async ruledBy(@Root() appeal: Appeal, @Ctx() ctx: Context): Promise<UserSummary | null> {
    return appeal.ruledBy && (await accessOf(ctx, appeal)) === AppealAccess.FULL ? userSummary(ctx, appeal.ruledBy.id) : null;
  }

  @FieldResolver(() => [UserSummary], { nullable: true, description: 'The judges named to re-mark (UPHELD), as many as the ruling named (at least one per mark of a contested criterion): the organizer, the arbitrators and the re-markers; null for others.' })
  async remarkJudges(@Root() appeal: Appeal, @Ctx() ctx: Context): Promise<UserSummary[] | null> {
    const a = await accessOf(ctx, appeal);
    if (a !== AppealAccess.FULL && a !== AppealAccess.REMARKER) return null;
    return Promise.all(appeal.remarkJudgeIds.map((id) => userSummary(ctx, id)));
  }

  @FieldResolver(() => AppealRemarkConnection, {
    nullable: true,
    description: 'The contested marks and their re-marks (复评), by criterion (one per mark of the contested criteria: every judge’s mark of a JUDGEMENT criterion): ' +
      'the organizer, the arbitrators, the parties and the re-markers; null for others. Empty until the appeal is UPHELD.',
  })
  async remarks(@Root() appeal: Appeal, @Args() page: ConnectionArgs, @Ctx() ctx: Context): Promise<AppealRemarkConnection | null> {
    const a = await accessOf(ctx, appeal);
    if (!a || a === AppealAccess.OUTCOME) return null;
    return nestedConnection(ctx, { entity: AppealRemark, parent: 'appeal' }, appeal.id, page, { criterion: 'asc' });
  }
}

@Resolver(() => AppealRemark)
export class AppealRemarkResolver {
  @FieldResolver(() => ID, { description: 'Global ID of the contested Score.' })
  scoreId(@Root() remark: AppealRemark): string {
    return toGlobalId('Score', remark.score.id);
  }

  @FieldResolver(() => Criterion, { description: 'The criterion of the contested mark.' })
  async criterion(@Root() remark: AppealRemark, @Ctx() ctx: Context): Promise<Criterion> {
    return (await ctx.loaders.get(criterionById).load(remark.criterion.id))!;
  }

  @FieldResolver(() => UserSummary, { nullable: true, description: 'The judge who re-marked it; null while waiting.' })
  async judge(@Root() remark: AppealRemark, @Ctx() ctx: Context): Promise<UserSummary | null> {
    return remark.judge ? userSummary(ctx, remark.judge.id) : null;
  }
}

@Resolver(() => ScoreRevision)
export class ScoreRevisionAppealResolver {
  @FieldResolver(() => ID, { nullable: true, description: 'Global ID of the upheld Appeal whose re-mark this is (reason kind APPEAL); null otherwise.' })
  appealId(@Root() revision: ScoreRevision): string | null {
    return revision.appeal ? toGlobalId('Appeal', revision.appeal.id) : null;
  }
}

@Resolver(() => Competition)
export class CompetitionAppealsResolver {
  @FieldResolver(() => Boolean, { description: 'The appeal window (申诉期) is open now: results published and appealWindowClosesAt not reached.' })
  appealWindowOpen(@Root() competition: Competition, @Ctx() ctx: Context): boolean {
    const open = appealWindowOpen(competition);
    if (open) dependsOnClockUntil(ctx, competition.appealWindowClosesAt);
    return open;
  }

  @FieldResolver(() => AppealConnection, {
    description: 'Its appeals (申诉), oldest first. Its organizer (or an ADMIN) and its arbitrators see all; a party the appeals they filed or could file; ' +
      'a named re-marker the ones they re-mark; everyone, once FINALIZED, every appeal’s outcome (grounds and reasons stay with the parties).',
  })
  async appeals(
    @Root() competition: Competition,
    @Args() page: ConnectionArgs,
    @Arg('status', () => AppealStatus, { nullable: true, description: 'Only appeals in this status.' }) status: AppealStatus | null,
    @Ctx() ctx: Context,
  ): Promise<AppealConnection> {
    const visible = await visibleAppealIds(ctx, competition);
    const where = { competition, ...(status ? { status } : {}), ...(visible === 'all' ? {} : { id: { $in: visible } }) };
    return paginate(ctx.em, Appeal, where, page, { filedAt: 'asc', id: 'asc' });
  }
}
