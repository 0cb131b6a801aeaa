import type { EntityManager } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { forbidden } from '../../common/errors.js';
import { Connection, type ConnectionShape, type PageRequest } from '../../common/relay.js';
import { DrillStatus } from '../enums.js';
import type { Drill } from '../setup/drill.entity.js';
import { leaderboardPage } from './leaderboard.js';
import { m } from './messages.js';

/**
 * A drill's public board (issue 16, "public board optional"): once the window has closed, a drill whose
 * organizer chose `publicBoard` shows anyone its leaderboard. A row shows what a competition's public
 * board shows of an entry (src/competitions/leaderboard/leaderboard.service.ts: the name and the
 * enterprise, to the public as to the jury) and the ranking facts: rank, score, time used. Nothing that
 * leads to the attempt (its paper, answers, keys, explanations) or to the worker's record (employee
 * number, node ID): those stay with the taker and the organizer.
 */
@ObjectType({ description: 'One taker on a drill’s public leaderboard (公开排行榜): name, enterprise, rank, score and time used, nothing more.' })
export class DrillPublicStanding {
  workerId!: string;

  @Field(() => Int, { description: 'Rank: 1 for the top score; equal score and equal time used share a rank (1, 1, 3).' }) rank!: number;
  @Field(() => Float, { description: 'The counted attempt’s score.' }) score!: number;
  @Field(() => Float, { description: 'The counted attempt’s full marks.' }) maxScore!: number;
  @Field(() => Int, { description: 'Seconds from start to submission of the counted attempt: less is better at equal score.' }) timeUsedSeconds!: number;
}

export const DrillPublicStandingConnection = Connection(DrillPublicStanding, 'DrillPublicStanding');
export type DrillPublicStandingConnection = ConnectionShape<DrillPublicStanding>;

/**
 * The board is public only when all three hold: the organizer chose it, the drill is published (not
 * cancelled), and its window has closed, when every result is released (a contest's too). Refused with
 * an error, not null, so that no cache keeps a refusal past the close (src/cache stores no answer with
 * errors), and a client learns why.
 */
export function assertPublic(drill: Pick<Drill, 'publicBoard' | 'status' | 'closesAt'>, now = new Date()): void {
  if (!drill.publicBoard || drill.status !== DrillStatus.PUBLISHED) throw forbidden(m('boardNotPublic'));
  if (now < drill.closesAt) throw forbidden(m('boardNotYet'));
}

export async function publicBoardPage(em: EntityManager, drill: Drill, args: PageRequest): Promise<DrillPublicStandingConnection> {
  const page = await leaderboardPage(em, drill, args);
  const shown = (s: (typeof page.nodes)[number]) => Object.assign(new DrillPublicStanding(), {
    workerId: s.workerId, rank: s.rank, score: s.score, maxScore: s.maxScore, timeUsedSeconds: s.timeUsedSeconds,
  });
  const edges = page.edges.map((e) => ({ cursor: e.cursor, node: shown(e.node) }));
  return { ...page, edges, nodes: edges.map((e) => e.node) };
}
