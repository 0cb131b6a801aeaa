import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { forbidden, unauthenticated, withUserErrors } from '../../common/errors.js';
import { ConnectionArgs, expectId } from '../../common/relay.js';
import { paginate } from '../../common/pagination.js';
import { registerNodeType } from '../../common/node.resolver.js';
import { Role } from '../../auth/role.js';
import { juryStanding } from '../access.js';
import { Competition } from '../setup/competition.entity.js';
import { Score } from './score.entity.js';
import { ScoreRevision } from './score-revision.entity.js';
import { ScoreCorrectionRequest, ScoreCorrectionStatus } from './score-correction.entity.js';
import { decideScoreCorrection, requestScoreCorrection } from './score-correction.service.js';
import { DecideScoreCorrectionInput, RequestScoreCorrectionInput, ScoreCorrectionPayload, ScoreCorrectionRequestConnection } from './score-correction.inputs.js';
import { judgeNameFor } from './mark-names.js';
import { ScoreCorrectionRequestOrder, ScoreCorrectionRequestOrderField } from './orders.js';
import { m } from './messages.js';
import { orderOf } from '../../common/pagination.js';

// A request is the jury's business (own organizer, ADMIN, chief judge) and the requesting judge's.
registerNodeType('ScoreCorrectionRequest', async (ctx, ids) => {
  const out = new Map<string, object>();
  if (!ctx.viewer) return out;
  for (const row of await ctx.em.find(ScoreCorrectionRequest, { id: { $in: ids } })) {
    const competition = await ctx.em.findOneOrFail(Competition, { id: row.competition.id });
    if (row.judge.id === ctx.viewer.id || (await juryStanding(ctx.em, ctx.viewer, competition)).jury) out.set(row.id, row);
  }
  return out;
});

/** Marks and the chief judge's seat belong to JUDGE users only: an ADMIN is no judge (as for submitScore). */
function assertJudge(ctx: Context): void {
  if (!ctx.viewer?.roles.includes(Role.JUDGE)) throw forbidden(m('onlyJudgesCorrect'));
}

@Resolver(() => ScoreCorrectionRequest)
export class ScoreCorrectionResolver {
  @Authorized(Role.JUDGE)
  @Mutation(() => ScoreCorrectionPayload, {
    description: 'JUDGE: ask the chief judge (裁判长) to correct your mark once the panel’s marks on that entry are visible to you (you have marked all of it you are assigned to); submitScore refuses such a correction with APPROVAL_REQUIRED. One pending request per mark.',
  })
  async requestScoreCorrection(@Arg('input') input: RequestScoreCorrectionInput, @Ctx() ctx: Context): Promise<ScoreCorrectionPayload> {
    assertJudge(ctx);
    return withUserErrors(async () => {
      const scoreId = expectId(input.scoreId, 'Score', ['input', 'scoreId']);
      return { request: await requestScoreCorrection(ctx.em, ctx.viewer!, { ...input, scoreId }) };
    });
  }

  @Authorized(Role.JUDGE)
  @Mutation(() => ScoreCorrectionPayload, {
    description: 'The competition’s CHIEF JUDGE (裁判长, on the panel now) only: approve or reject a correction request. An approval changes the mark as a revision (reasonKind CORRECTION, afterPanelVisible, approvedByName) with its result, leaderboard version and live event, and voids the stage’s sign-off; repeating a decision changes nothing.',
  })
  async decideScoreCorrection(@Arg('input') input: DecideScoreCorrectionInput, @Ctx() ctx: Context): Promise<ScoreCorrectionPayload> {
    assertJudge(ctx);
    return withUserErrors(async () => {
      const requestId = expectId(input.requestId, 'ScoreCorrectionRequest', ['input', 'requestId']);
      return decideScoreCorrection(ctx.em, ctx.viewer!, { ...input, requestId });
    });
  }

  @FieldResolver(() => Score, { description: 'The mark to correct.' })
  async score(@Root() request: ScoreCorrectionRequest, @Ctx() ctx: Context): Promise<Score> {
    return ctx.em.findOneOrFail(Score, { id: request.score.id });
  }

  @FieldResolver(() => String, { nullable: true, description: 'The requesting judge.' })
  async judgeName(@Root() request: ScoreCorrectionRequest, @Ctx() ctx: Context): Promise<string | null> {
    return judgeNameFor(ctx, request.competition.id, request.judge.id);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The chief judge who decided.' })
  async decidedByName(@Root() request: ScoreCorrectionRequest, @Ctx() ctx: Context): Promise<string | null> {
    return request.decidedBy ? judgeNameFor(ctx, request.competition.id, request.decidedBy.id) : null;
  }

  @FieldResolver(() => ScoreRevision, { nullable: true, description: 'The revision an approval made.' })
  async revision(@Root() request: ScoreCorrectionRequest, @Ctx() ctx: Context): Promise<ScoreRevision | null> {
    return request.revision ? ctx.em.findOne(ScoreRevision, { id: request.revision.id }) : null;
  }
}

@Resolver(() => Competition)
export class CompetitionScoreCorrectionsResolver {
  @FieldResolver(() => ScoreCorrectionRequestConnection, {
    description: 'Correction requests of judges who saw the panel’s marks (改分申请), oldest first unless orderBy says otherwise; PENDING ones by default. For the competition’s organizer, its chief judge and admins (FORBIDDEN for others).',
  })
  async scoreCorrectionRequests(
    @Root() competition: Competition,
    @Args() page: ConnectionArgs,
    @Arg('status', () => ScoreCorrectionStatus, { nullable: true, defaultValue: ScoreCorrectionStatus.PENDING, description: 'Which requests; null for all.' }) status: ScoreCorrectionStatus | null,
    @Arg('orderBy', () => ScoreCorrectionRequestOrder, { nullable: true, description: 'Default: REQUESTED_AT, ascending (oldest first).' }) orderBy: ScoreCorrectionRequestOrder | null,
    @Ctx() ctx: Context,
  ): Promise<ScoreCorrectionRequestConnection> {
    if (!ctx.viewer) throw unauthenticated();
    if (!(await juryStanding(ctx.em, ctx.viewer, competition)).jury) throw forbidden(m('onlyJurySeesCorrections'));
    return paginate(ctx.em, ScoreCorrectionRequest, { competition, ...(status ? { status } : {}) }, page, orderOf(orderBy, { [ScoreCorrectionRequestOrderField.REQUESTED_AT]: 'asc', id: 'asc' }));
  }
}
