import { Arg, Ctx, Extensions, Field, ID, Info, Int, ObjectType, Resolver, Root, Subscription } from 'type-graphql';
import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import type { Context } from '../../context.js';
import { badInput } from '../../common/errors.js';
import { filterIterator, mapIterator, prependIterator } from '../../live/iterators.js';
import { shareSubscriptionResults } from '../../live/shared-subscribe.js';
import { competitionFromArg, roleFor, viewFor, type ViewerRole } from './leaderboard.resolver.js';
import { LeaderboardRow } from './leaderboard.types.js';
import type { Board } from './leaderboard.service.js';
import type { BoardMessage } from './live.js';
import { MAX_BOARD_ROWS } from './board-rows.js';
import { changedRows, selectedFields, type RowAt } from './board-diff.js';
import { m } from './messages.js';

@ObjectType({ description: 'A row of the board and its position in it, as leaderboardChanged sends it.', simpleResolvers: true })
export class LeaderboardRowChange {
  @Field(() => Int, { description: 'Where the row now stands in the board, 0-based, in board order (rank order, unranked last).' }) position!: number;
  @Field(() => LeaderboardRow, { description: 'The row at that position.' }) row!: LeaderboardRow;
}

@ObjectType({ description: 'One message of leaderboardChanged: the whole board (baseVersion null), or what changed since the board of baseVersion that this subscription sent last. See docs/frontend.md.', simpleResolvers: true })
export class LeaderboardChange {
  @Field(() => ID, { description: 'Global ID of the competition.' }) competitionId!: string;
  @Field(() => Int, { description: 'The board version this message brings the screen to (as Leaderboard.version).' }) version!: number;
  @Field(() => Int, {
    nullable: true,
    description: 'The version this message applies to: the one this subscription sent last (equal to `version` for a frozen board that did not change). Null: `changedRows` is the whole board, every position from 0 (the first message, and after a change of the viewer’s role).',
  })
  baseVersion!: number | null;
  @Field({ description: 'As Leaderboard.frozen.' }) frozen!: boolean;
  @Field(() => Date, { nullable: true, description: 'As Leaderboard.frozenAt.' }) frozenAt!: Date | null;
  @Field({ description: 'As Leaderboard.updatedAt.' }) updatedAt!: Date;
  @Field(() => [ID], { description: 'As Leaderboard.sealedStageIds (bounded by the scheme’s stages).' }) sealedStageIds!: string[];
  @Field(() => Int, { description: 'How many rows the screen now shows: the board’s first `first` rows. Cut the rows held to this length before applying `changedRows`.' }) rowCount!: number;
  @Field(() => Int, { description: 'The number of rows of the whole board (as rows.totalCount).' }) totalCount!: number;
  @Field(() => [LeaderboardRowChange], {
    description: 'The rows (of the first `first`) that differ from the base board in any field selected under `row`, each with its position; every row when baseVersion is null. Bounded by `first` (at most 1000).',
  })
  changedRows!: RowAt[];
}

/** What one subscriber is sent for a board: the board, and the board it last got (null: send it whole). */
export interface ChangeMessage {
  message: BoardMessage;
  base: Board | null;
}

// Shared by every subscriber at the same base, so that sharedSubscribe executes (and serializes) a
// diff once per audience and base: screens that took every board share one, stragglers a few more.
const changeMessages = new WeakMap<BoardMessage, Map<Board | null, ChangeMessage>>();
function changeMessage(message: BoardMessage, base: Board | null): ChangeMessage {
  let byBase = changeMessages.get(message);
  if (!byBase) changeMessages.set(message, (byBase = new Map()));
  let change = byBase.get(base);
  if (!change) byBase.set(base, (change = { message, base }));
  return change;
}

/** The board a new subscriber starts from, one message per board so that screens arriving together share its execution. */
const firstMessages = new WeakMap<Board, BoardMessage>();
function firstMessage(board: Board): BoardMessage {
  let message = firstMessages.get(board);
  if (!message) firstMessages.set(board, (message = { board }));
  return message;
}

const sameRole = (a: ViewerRole, b: ViewerRole) => a.jury === b.jury && a.anonymized === b.anonymized;

shareSubscriptionResults('leaderboardChanged', async (ctx, payload) => {
  const role = await roleFor(ctx, (payload as ChangeMessage).message);
  return `${role.jury}|${role.anonymized}`;
});

function windowSize(first: unknown): number {
  const n = first ?? MAX_BOARD_ROWS;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > MAX_BOARD_ROWS) throw badInput(m('rowsPageSize', { name: 'first', max: MAX_BOARD_ROWS }));
  return n;
}

@Resolver(() => LeaderboardChange)
export class LeaderboardChangesResolver {
  // `first` is a window of the board in memory, as Leaderboard.rows: the cost count allows it up to MAX_BOARD_ROWS.
  @Extensions({ maxPageSize: MAX_BOARD_ROWS })
  @Subscription(() => LeaderboardChange, {
    description:
      'The leaderboard as row changes (respecting the freeze, each audience its own view as leaderboardUpdated): first the whole board (its first `first` rows), then per change only the rows whose selected fields differ from the board this subscription sent last (`baseVersion`). ' +
      'When changes come faster than a screen receives them it gets the newest next, as a change from the board it has, so `version` may skip; a screen that lost track (a version it does not hold as baseVersion) subscribes again to get the whole board.',
    subscribe: async ({ args, context }) => {
      const ctx = context as Context;
      const competition = await competitionFromArg(ctx, args.competitionId as string);
      windowSize(args.first);
      // On the feed before the board is read: a board published meanwhile is then not missed.
      const feed = ctx.app.boardFeed.subscribe(competition.id);
      let current: Board;
      try {
        current = await ctx.app.boards.current(ctx.app.orm.em.fork(), competition);
      } catch (err) {
        await feed.return?.();
        throw err;
      }
      // Per subscriber: the board it was sent last (shared, never copied) and the role it was seen with.
      let last: { board: Board; role: ViewerRole } | null = null;
      const newer = filterIterator(prependIterator(firstMessage(current), feed), async (message) => !last || message.board.version > last.board.version);
      return mapIterator(newer, async (message) => {
        const role = await roleFor(ctx, message);
        // A viewer whose role changed holds another audience's board: they get the new one whole.
        const base = last && sameRole(last.role, role) ? last.board : null;
        last = { board: message.board, role };
        return changeMessage(message, base);
      });
    },
  })
  async leaderboardChanged(
    @Arg('competitionId', () => ID, { description: 'The competition whose board to follow (a Competition ID).' }) _competitionId: string,
    @Arg('first', () => Int, { nullable: true, description: `How many rows from the top the screen shows: 0 to ${MAX_BOARD_ROWS}, all of them (up to ${MAX_BOARD_ROWS}) when not given.` }) first: number | null | undefined,
    @Root() change: ChangeMessage,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<LeaderboardChange> {
    const size = windowSize(first);
    const role = await roleFor(ctx, change.message);
    const view = viewFor(change.message.board, role);
    const rows = view.allRows.slice(0, size);
    const base = change.base ? viewFor(change.base, role) : null;
    const sets = info.fieldNodes.map((f) => f.selectionSet).filter((s): s is SelectionSetNode => !!s);
    const fields = selectedFields(sets, ['changedRows', 'row'], info.fragments) as (keyof LeaderboardRow)[];
    return {
      competitionId: view.competitionId,
      version: view.version,
      baseVersion: base ? base.version : null,
      frozen: view.frozen,
      frozenAt: view.frozenAt,
      updatedAt: view.updatedAt,
      sealedStageIds: view.sealedStageIds,
      rowCount: rows.length,
      totalCount: view.allRows.length,
      changedRows: base ? changedRows(base.allRows.slice(0, size), rows, fields) : rows.map((row, position) => ({ position, row })),
    };
  }
}
