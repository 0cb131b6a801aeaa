import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../context.js';
import { forbidden, unauthenticated, withUserErrors } from '../../common/errors.js';
import { expectId, idOf, toGlobalId } from '../../common/relay.js';
import { badInput } from '../../common/errors.js';
import { Role } from '../../auth/role.js';
import { topicFor, type LiveEvent } from '../../live/events.js';
import { isStaff, juryStanding } from '../access.js';
import { Competition } from '../setup/competition.entity.js';
import { CompetitionStatus } from '../enums.js';
import { boardView, type Board } from './leaderboard.service.js';
import { Leaderboard, LeaderboardRow } from './leaderboard.types.js';
import { freezeLeaderboard, unfreezeLeaderboard } from './freeze.service.js';
import type { BoardMessage } from './live.js';
import { shareSubscriptionResults } from '../../live/shared-subscribe.js';
import { Score } from '../judging/score.entity.js';
import { CompetitionIdInput, CompetitionStatusEvent, LeaderboardPayload, ScoreEvent } from '../judging/score.inputs.js';
import { filterIterator, mapIterator } from '../../live/iterators.js';

/** A mark's live event, as a judge's subscription sees it: flagged when they are no longer on the panel. */
type MarkEvent = Extract<LiveEvent, { kind: 'score' }> & { offPanel?: boolean };

interface ViewerRole {
  jury: boolean;
  anonymized: boolean;
}

/** Per subscription (graphql-ws makes one context per operation): the viewer's role in a competition, looked up once. */
const rolesByContext = new WeakMap<Context, Map<string, Promise<ViewerRole>>>();

async function roleIn(ctx: Context, competitionId: string, load: () => Promise<Competition>): Promise<ViewerRole> {
  let byCompetition = rolesByContext.get(ctx);
  if (!byCompetition) rolesByContext.set(ctx, (byCompetition = new Map()));
  let role = byCompetition.get(competitionId);
  if (!role) {
    role = (async () => {
      const competition = await load();
      const { staff, onPanel } = await juryStanding(ctx.app.orm.em.fork(), ctx.viewer, competition);
      return { jury: staff || onPanel, anonymized: onPanel };
    })();
    byCompetition.set(competitionId, role);
    role.catch(() => byCompetition.delete(competitionId));
  }
  return role;
}

function roleOf(ctx: Context, competitionId: string): Promise<ViewerRole> {
  return roleIn(ctx, competitionId, () => ctx.app.orm.em.fork().findOneOrFail(Competition, { id: competitionId }));
}

// Screens with the same query and the same role in the competition share one execution per board.
shareSubscriptionResults('leaderboardUpdated', async (ctx, payload) => {
  const role = await roleOf(ctx, (payload as BoardMessage).board.competitionId);
  return `${role.jury}|${role.anonymized}`;
});

/** The leaderboard this viewer may see: the frozen one for the public while frozen, names hidden from judges until finalized. */
function viewFor(board: Board, role: ViewerRole): Leaderboard {
  const anonymized = role.anonymized && board.status !== CompetitionStatus.FINALIZED;
  if (board.frozenAt && !role.jury && board.frozenBoard) {
    return boardView(board.frozenBoard, { anonymized, frozen: true, frozenAt: board.frozenAt });
  }
  return boardView(board, { anonymized, frozen: false, frozenAt: board.frozenAt });
}

async function competitionFromArg(ctx: Context, competitionId: string): Promise<Competition> {
  const id = idOf(competitionId, 'Competition');
  const competition = id ? await ctx.app.orm.em.fork().findOne(Competition, { id }) : null;
  if (!competition) throw badInput('competitionId is not a known Competition ID');
  return competition;
}

@Resolver(() => Leaderboard)
export class LeaderboardRowsResolver {
  @FieldResolver(() => [LeaderboardRow], { description: 'In rank order, unranked last. `first`/`offset` select a window (a big screen shows the top 20).' })
  rows(
    @Root() board: Leaderboard,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('offset', () => Int, { nullable: true, defaultValue: 0 }) offset: number,
  ): LeaderboardRow[] {
    if ((first != null && first < 0) || offset < 0) throw badInput('`first` and `offset` must not be negative');
    return first == null && !offset ? board.allRows : board.allRows.slice(offset, first == null ? undefined : offset + first);
  }
}

@Resolver(() => Competition)
export class LeaderboardResolver {
  @FieldResolver(() => Leaderboard, { description: 'The ranking; live for organizers and the competition’s judges, as at the freeze for everyone else while frozen.' })
  async leaderboard(@Root() competition: Competition, @Ctx() ctx: Context): Promise<Leaderboard> {
    const board = await ctx.app.boards.current(ctx.em, competition);
    return viewFor(board, await roleIn(ctx, competition.id, async () => competition));
  }

  @Authorized(Role.ORGANIZER)
  @Mutation(() => LeaderboardPayload, { description: 'Freeze the public leaderboard (封榜): the public keeps seeing it as it is now; organizers and judges see it live. Finalizing lifts it.' })
  async freezeLeaderboard(@Arg('input') input: CompetitionIdInput, @Ctx() ctx: Context): Promise<LeaderboardPayload> {
    return withUserErrors(async () => {
      const competition = await freezeLeaderboard(ctx.em, ctx.app, ctx.viewer!, expectId(input.competitionId, 'Competition', ['input', 'competitionId']));
      return { competition, leaderboard: await this.leaderboard(competition, ctx) };
    });
  }

  @Authorized(Role.ORGANIZER)
  @Mutation(() => LeaderboardPayload, { description: 'Lift a freeze before finalizing.' })
  async unfreezeLeaderboard(@Arg('input') input: CompetitionIdInput, @Ctx() ctx: Context): Promise<LeaderboardPayload> {
    return withUserErrors(async () => {
      const competition = await unfreezeLeaderboard(ctx.em, ctx.viewer!, expectId(input.competitionId, 'Competition', ['input', 'competitionId']));
      return { competition, leaderboard: await this.leaderboard(competition, ctx) };
    });
  }

  @Subscription(() => Leaderboard, {
    description: 'The whole leaderboard after each change (respecting the freeze). When changes come faster than a screen receives them it gets the newest board next, so `version` may skip: every message is complete and needs no refetch.',
    subscribe: async ({ args, context }) => {
      const ctx = context as Context;
      const competition = await competitionFromArg(ctx, args.competitionId as string);
      await roleIn(ctx, competition.id, async () => competition);
      return ctx.app.boardFeed.subscribe(competition.id);
    },
  })
  async leaderboardUpdated(@Arg('competitionId', () => ID) _competitionId: string, @Root() message: BoardMessage, @Ctx() ctx: Context): Promise<Leaderboard> {
    return viewFor(message.board, await roleOf(ctx, message.board.competitionId));
  }

  @Subscription(() => ScoreEvent, {
    description: 'Each mark as it is submitted or corrected: for the competition’s organizers and judges.',
    subscribe: async ({ args, context }) => {
      const ctx = context as Context;
      if (!ctx.viewer) throw unauthenticated();
      const competition = await competitionFromArg(ctx, args.competitionId as string);
      if (!(await roleIn(ctx, competition.id, async () => competition)).jury) throw forbidden('Only the competition’s organizers and judges follow its marks');
      const source = (context as Context).app.pubSub.subscribe(topicFor('score', competition.id)) as AsyncIterableIterator<MarkEvent>;
      const viewer = ctx.viewer;
      if (isStaff(viewer)) return source;
      // A judge's panel place is read per event (one statement), so a change applies at once: marks of
      // stages they do not judge are skipped (as scoreSheet hides them); off the panel, the resolver refuses.
      const judged = mapIterator(source, async (event): Promise<MarkEvent & { otherStage: boolean }> => {
        const [row] = await ctx.app.orm.em.fork().execute<{ stage_id: string; stage_ids: string[] | null }[]>(
          `select c.stage_id, j.stage_ids from score s join criterion c on c.id = s.criterion_id
           left join judge_assignment j on j.competition_id = s.competition_id and j.user_id = ? and j.removed_at is null
           where s.id = ?`, [viewer.id, event.scoreId]);
        const offPanel = !row?.stage_ids;
        return { ...event, offPanel, otherStage: !offPanel && !row!.stage_ids!.map(String).includes(String(row!.stage_id)) };
      });
      return filterIterator(judged, async (event) => !event.otherStage);
    },
  })
  async scoreSubmitted(@Arg('competitionId', () => ID) _competitionId: string, @Root() event: MarkEvent, @Ctx() ctx: Context): Promise<ScoreEvent> {
    if (event.offPanel) throw forbidden('You are no longer on this competition’s panel');
    // A fresh EntityManager per event: a subscription lives for hours and must not serve stale rows.
    const em = ctx.app.orm.em.fork();
    const score = await em.findOneOrFail(Score, { id: event.scoreId });
    return { competitionId: toGlobalId('Competition', event.competitionId), version: event.version, revision: event.revision, score };
  }

  @Subscription(() => CompetitionStatusEvent, {
    description: 'The competition moved in its lifecycle (registration opened, started, scoring closed, finalized, …).',
    subscribe: async ({ args, context }) => {
      const competition = await competitionFromArg(context as Context, args.competitionId as string);
      return (context as Context).app.pubSub.subscribe(topicFor('status', competition.id));
    },
  })
  async competitionStatusChanged(@Arg('competitionId', () => ID) _competitionId: string, @Root() event: Extract<LiveEvent, { kind: 'status' }>, @Ctx() ctx: Context): Promise<CompetitionStatusEvent> {
    const competition = await ctx.app.orm.em.fork().findOneOrFail(Competition, { id: event.competitionId });
    return { competition, version: event.version };
  }
}
