import type { EntityManager } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Connection, type ConnectionShape, type PageRequest } from '../../common/relay.js';
import { AttemptStatus, DrillCounting } from '../enums.js';
import { countedAttemptsSql, positionPage, type Positioned } from './positions.js';

/** One row of a drill's leaderboard: a worker's counted attempt and their rank. */
@ObjectType({ description: 'One taker on a drill’s leaderboard (排行榜): their counted attempt (BEST or LAST per the drill’s counting) and rank.' })
export class DrillStanding {
  /** The counted attempt's key; its worker is loaded by the field resolver. */
  attemptId!: string;
  workerId!: string;

  @Field(() => Int, { description: 'Rank: 1 for the top score; equal score and equal time used share a rank (1, 1, 3).' }) rank!: number;
  @Field(() => Float, { description: 'The counted attempt’s score.' }) score!: number;
  @Field(() => Float, { description: 'The counted attempt’s full marks.' }) maxScore!: number;
  @Field(() => Int, { description: 'Seconds from start to submission of the counted attempt: less is better at equal score.' }) timeUsedSeconds!: number;
  @Field(() => Int, { description: 'Which of the taker’s attempts counts (1, 2, …).' }) attemptNumber!: number;
  @Field(() => Date, { description: 'When the counted attempt was submitted.' }) submittedAt!: Date;
  @Field({ description: 'The counted score reaches the drill’s pass mark.' }) passed!: boolean;
}

export const DrillStandingConnection = Connection(DrillStanding, 'DrillStanding');
export type DrillStandingConnection = ConnectionShape<DrillStanding>;

interface Row extends Positioned {
  attempt_id: string; worker_id: string; score: string; max_score: string; used: number; number: number; submitted_at: Date; rank: string;
}

/**
 * The counted attempt per worker, ranked by score, then time used: one statement per page, the ranking
 * computed in SQL over the drill's submitted attempts (see positionPage).
 */
export async function leaderboardPage(
  em: EntityManager, drill: { id: string; counting: DrillCounting; passMark: number }, args: PageRequest,
): Promise<DrillStandingConnection> {
  const ranked = `with counted as (${countedAttemptsSql(drill.counting)})
    select c.*, rank() over (order by score desc, used asc) as rank,
      row_number() over (order by score desc, used asc, attempt_id asc) as pos, count(*) over () as total
    from counted c`;
  const count = `select count(distinct worker_id) as n from drill_attempt where drill_id = ? and status = '${AttemptStatus.SUBMITTED}' and score is not null`;
  return positionPage<Row, DrillStanding>(em, 'standing', ranked, [drill.id], count, args, (r) => Object.assign(new DrillStanding(), {
    attemptId: r.attempt_id, workerId: r.worker_id, rank: Number(r.rank), score: Number(r.score), maxScore: Number(r.max_score),
    timeUsedSeconds: r.used, attemptNumber: r.number, submittedAt: new Date(r.submitted_at), passed: Number(r.score) >= Number(drill.passMark),
  }));
}
