import { CompetitionTransitionInput } from '../setup/competition.inputs.js';
import { cleanReason } from '../setup/competition.service.js';
import { Arg, Args, Authorized, Ctx, Extensions, FieldResolver, ID, Mutation, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../context.js';
import { forbidden, unauthenticated, withUserErrors } from '../../common/errors.js';
import { expectId, idOf, toGlobalId } from '../../common/relay.js';
import { badInput } from '../../common/errors.js';
import { Role } from '../../auth/role.js';
import { topicFor, type LiveEvent } from '../../live/events.js';
import { juryStanding, PUBLIC_STANDING, SEATS_SQL, standingFrom, type JuryStanding, type PanelSeat } from '../access.js';
import { Competition } from '../setup/competition.entity.js';
import { CompetitionStatus } from '../enums.js';
import { boardView, type Board } from './leaderboard.service.js';
import { publicBoard } from './public-board.js';
import { CompetitionChange } from './announce.js';
import { Stage } from '../setup/stage.entity.js';
import { Leaderboard } from './leaderboard.types.js';
import { LeaderboardRowConnection, LeaderboardRowsArgs, MAX_BOARD_ROWS, pageOfRows } from './board-rows.js';
import { freezeLeaderboard, unfreezeLeaderboard } from './freeze.service.js';
import type { BoardMessage } from './live.js';
import { shareSubscriptionResults } from '../../live/shared-subscribe.js';
import { Score } from '../judging/score.entity.js';
import { seesAnyMark, visibilityOf } from '../judging/score-access.js';
import { markEventSight } from '../judging/independent-marking.js';
import { CompetitionStatusEvent, LeaderboardPayload, ScoreEvent } from '../judging/score.inputs.js';
import { filterIterator, mapIterator } from '../../live/iterators.js';
import { pinStanding } from '../marking/anonymity.js';
import { m } from './messages.js';

/** A mark's live event, as a judge's subscription sees it: flagged when they are no longer on the panel. */
type MarkEvent = Extract<LiveEvent, { kind: 'score' }> & { offPanel?: boolean; standing?: JuryStanding };

export interface ViewerRole {
  /** The live board even while frozen: the jury (own organizer, ADMIN, chief judge now). */
  jury: boolean;
  /** A judge of the competition, removed ones included: names hidden until finalized. */
  anonymized: boolean;
}

const roleFrom = (s: JuryStanding): ViewerRole => ({ jury: s.jury, anonymized: s.judge });

/**
 * The viewer's role, read at each resolution (one statement for a logged-in viewer): not cached on
 * the context, because a graphql-ws context lives as long as its subscription and a `leaderboard`
 * under competitionStatusChanged or scoreSubmitted must follow panel changes too.
 */
async function roleIn(ctx: Context, competition: Competition): Promise<ViewerRole> {
  return roleFrom(await juryStanding(ctx.app.orm.em.fork(), ctx.viewer, competition));
}

/**
 * A subscriber's role for one board message, read afresh per message (as scoreSubmitted reads the
 * panel per mark): a judge removed from the panel, or one made chief, sees the change on the next
 * board. Kept per message and user, so the share key and the shared execution read the same answer
 * and several screens of one user cost one statement.
 */
const rolesByMessage = new WeakMap<BoardMessage, Map<string, Promise<ViewerRole>>>();

export function roleFor(ctx: Context, message: BoardMessage): Promise<ViewerRole> {
  const viewer = ctx.viewer;
  if (!viewer) return Promise.resolve(roleFrom(PUBLIC_STANDING));
  let byUser = rolesByMessage.get(message);
  if (!byUser) rolesByMessage.set(message, (byUser = new Map()));
  let role = byUser.get(viewer.id);
  if (!role) {
    role = (async () => {
      const [row] = await ctx.app.orm.em.fork().execute<{ owner_id: string; seats: PanelSeat[] | null }[]>(
        `select c.owner_id, ${SEATS_SQL} as seats from competition c where c.id = ?`, [viewer.id, message.board.competitionId]);
      if (!row) return roleFrom(PUBLIC_STANDING);
      return roleFrom(standingFrom(viewer, { owner: { id: row.owner_id } } as Pick<Competition, 'owner'>, row.seats ?? []));
    })();
    byUser.set(viewer.id, role);
  }
  return role;
}

// Screens with the same query and the same role in the competition share one execution per board:
// the public (an organizer of another competition among them), the jury, and judges (anonymized).
shareSubscriptionResults('leaderboardUpdated', async (ctx, payload) => {
  const role = await roleFor(ctx, payload as BoardMessage);
  return `${role.jury}|${role.anonymized}`;
});

/**
 * The leaderboard this viewer may see: the jury's live and full; everyone else's the public board
 * (public-board.ts: a stage score only once the entry's marks in it are all in), as at the freeze
 * while frozen; names hidden from judges until finalized.
 */
export function viewFor(board: Board, role: ViewerRole): Leaderboard {
  const anonymized = role.anonymized && board.status !== CompetitionStatus.FINALIZED;
  if (role.jury) return boardView(board, { anonymized, frozen: false, frozenAt: board.frozenAt });
  // Everyone else gets the public board: the snapshot while frozen, anonymous stages held back while marked.
  if (board.frozenAt && board.frozenBoard) {
    // The competition's status now, not at the freeze: once scoring closes every entry is ranked (showsNoMark).
    return boardView(publicBoard(board.frozenBoard), { anonymized, frozen: true, frozenAt: board.frozenAt, status: board.status });
  }
  return boardView(publicBoard(board), { anonymized, frozen: false, frozenAt: board.frozenAt });
}

export async function competitionFromArg(ctx: Context, competitionId: string): Promise<Competition> {
  const id = idOf(competitionId, 'Competition');
  const competition = id ? await ctx.app.orm.em.fork().findOne(Competition, { id }) : null;
  if (!competition) throw badInput(m('unknownCompetition'));
  return competition;
}

@Resolver(() => Leaderboard)
export class LeaderboardRowsResolver {
  @Extensions({ maxPageSize: MAX_BOARD_ROWS })
  @FieldResolver(() => LeaderboardRowConnection, {
    description:
      'The board’s rows in rank order, unranked last, paged as every list (first/after/last/before) but served from the board in memory (no SQL per page). ' +
      `\`first\` goes up to ${MAX_BOARD_ROWS} (other lists: 100), so a big screen gets the whole board in one subscription message (leaderboardUpdated); ` +
      'nothing bounds a competition’s entries but its organizer (benchmarks run 500). `totalCount` is the number of rows. ' +
      'Cursors are positions in this board: across a change (`version`) rows move, so page within one version or ask for the whole board.',
  })
  rows(@Root() board: Leaderboard, @Args() page: LeaderboardRowsArgs): LeaderboardRowConnection {
    return pageOfRows(board.allRows, page);
  }
}

@Resolver(() => Competition)
export class LeaderboardResolver {
  @FieldResolver(() => Leaderboard, {
    description:
      'The ranking; live and complete for the competition’s organizer, its chief judge and admins. Everyone else (its other judges too) sees the public board: ' +
      'an entry’s stage score only once all its expected marks in that stage are in or the stage’s marking has closed (null until then, 评分中), ' +
      'an anonymous stage’s scores only once its marking has closed (sealedStageIds), ' +
      'totals and ranks from the stage scores shown; as at the freeze while frozen. Judges see start numbers, not names, until finalized.',
  })
  async leaderboard(@Root() competition: Competition, @Ctx() ctx: Context): Promise<Leaderboard> {
    const board = await ctx.app.boards.current(ctx.em, competition);
    return viewFor(board, await roleIn(ctx, competition));
  }

  @Authorized(Role.ORGANIZER)
  @Mutation(() => LeaderboardPayload, { description: 'Freeze the public leaderboard (封榜): the public and the judges keep seeing it as it is now; the competition’s organizer, its chief judge and admins see it live. Finalizing lifts it.' })
  async freezeLeaderboard(@Arg('input') input: CompetitionTransitionInput, @Ctx() ctx: Context): Promise<LeaderboardPayload> {
    return withUserErrors(async () => {
      const reason = cleanReason(input.reason, false, 'say why'); // checked before anything changes
      const competition = await freezeLeaderboard(ctx.em, ctx.app, ctx.viewer!, expectId(input.competitionId, 'Competition', ['input', 'competitionId']));
      ctx.log.info({ competitionId: competition.id, by: ctx.viewer!.id, reason }, 'leaderboard frozen');
      return { competition, leaderboard: await this.leaderboard(competition, ctx) };
    });
  }

  @Authorized(Role.ORGANIZER)
  @Mutation(() => LeaderboardPayload, { description: 'Lift a freeze before finalizing.' })
  async unfreezeLeaderboard(@Arg('input') input: CompetitionTransitionInput, @Ctx() ctx: Context): Promise<LeaderboardPayload> {
    return withUserErrors(async () => {
      const reason = cleanReason(input.reason, false, 'say why'); // checked before anything changes
      const competition = await unfreezeLeaderboard(ctx.em, ctx.viewer!, expectId(input.competitionId, 'Competition', ['input', 'competitionId']));
      ctx.log.info({ competitionId: competition.id, by: ctx.viewer!.id, reason }, 'leaderboard unfrozen');
      return { competition, leaderboard: await this.leaderboard(competition, ctx) };
    });
  }

  @Subscription(() => Leaderboard, {
    description: 'The whole leaderboard after each change (respecting the freeze). When changes come faster than a screen receives them it gets the newest board next, so `version` may skip: every message is complete and needs no refetch.',
    subscribe: async ({ args, context }) => {
      const ctx = context as Context;
      const competition = await competitionFromArg(ctx, args.competitionId as string);
      return ctx.app.boardFeed.subscribe(competition.id);
    },
  })
  async leaderboardUpdated(@Arg('competitionId', () => ID, { description: 'The competition whose board to follow (a Competition ID).' }) _competitionId: string, @Root() message: BoardMessage, @Ctx() ctx: Context): Promise<Leaderboard> {
    return viewFor(message.board, await roleFor(ctx, message));
  }

  @Subscription(() => ScoreEvent, {
    description: 'Each mark as it is submitted or corrected: for the competition’s organizer, its chief judge and admins, live; a judge gets, of the stages they judge, their own marks and the panel’s marks on an entry once they have marked all of it they are assigned to or the stage’s marking is closed (independent marking).',
    subscribe: async ({ args, context }) => {
      const ctx = context as Context;
      if (!ctx.viewer) throw unauthenticated();
      const competition = await competitionFromArg(ctx, args.competitionId as string);
      if (!seesAnyMark(visibilityOf(await juryStanding(ctx.app.orm.em.fork(), ctx.viewer, competition)))) {
        throw forbidden(m('marksDenied'));
      }
      const source = (context as Context).app.pubSub.subscribe(topicFor('score', competition.id)) as AsyncIterableIterator<MarkEvent>;
      const viewer = ctx.viewer;
      // The viewer's panel place and what of this mark they may see now are read per event (independent
      // marking: a judge gets a colleague's mark only once they completed the entry or its stage closed;
      // marks of stages they do not judge are skipped, as scoreSheet hides them); off the panel, the resolver refuses.
      const judged = mapIterator(source, async (event): Promise<MarkEvent & { hidden: boolean }> => {
        const sight = await markEventSight(ctx.app.orm.em.fork(), viewer, competition, event.scoreId);
        // The standing too, for what of a shown mark this viewer gets (an anonymous stage's entry: not to a judge).
        const standing = sight === 'visible' ? await juryStanding(ctx.app.orm.em.fork(), viewer, competition) : PUBLIC_STANDING;
        return { ...event, offPanel: sight === 'offPanel', hidden: sight === 'hidden', standing };
      });
      return filterIterator(judged, async (event) => !event.hidden);
    },
  })
  async scoreSubmitted(@Arg('competitionId', () => ID, { description: 'The competition whose marks to follow (a Competition ID).' }) _competitionId: string, @Root() event: MarkEvent, @Ctx() ctx: Context): Promise<ScoreEvent> {
    if (event.offPanel) throw forbidden(m('offPanel'));
    // A fresh EntityManager per event: a subscription lives for hours and must not serve stale rows.
    const em = ctx.app.orm.em.fork();
    // The standing read for this event decides what of the mark shows (an anonymous stage's entry to a judge: nothing).
    const score = pinStanding(await em.findOneOrFail(Score, { id: event.scoreId }), event.standing ?? PUBLIC_STANDING);
    return { competitionId: toGlobalId('Competition', event.competitionId), version: event.version, revision: event.revision, score };
  }

  @Subscription(() => CompetitionStatusEvent, {
    description:
      'Changes of the competition’s state, each with what changed (`change`): lifecycle moves (registration opened, started, scoring closed, finalized, …), ' +
      'a stage signed off or its sign-off voided, results published (成绩公示, the appeal window open), the appeal window closed, an appeal filed or ruled on.',
    subscribe: async ({ args, context }) => {
      const competition = await competitionFromArg(context as Context, args.competitionId as string);
      return (context as Context).app.pubSub.subscribe(topicFor('status', competition.id));
    },
  })
  async competitionStatusChanged(@Arg('competitionId', () => ID, { description: 'The competition to follow (a Competition ID).' }) _competitionId: string, @Root() event: Extract<LiveEvent, { kind: 'status' }>, @Ctx() ctx: Context): Promise<CompetitionStatusEvent> {
    const em = ctx.app.orm.em.fork();
    const competition = await em.findOneOrFail(Competition, { id: event.competitionId });
    const stage = event.stageId ? await em.findOne(Stage, { id: event.stageId }) : null;
    // Events sent before `change` existed were lifecycle moves.
    const change = (event.change as CompetitionChange | undefined) ?? CompetitionChange.STATUS_CHANGED;
    return { change, competition, stage, version: event.version };
  }
}
