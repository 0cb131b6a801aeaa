import type { EntityManager } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { badInput } from '../../common/errors.js';
import { commonMessage } from '../../common/messages.js';
import { checkPageRequest, Connection, type ConnectionShape, type PageRequest } from '../../common/relay.js';
import { AttemptStatus, DrillCounting } from '../enums.js';

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

interface Row {
  attempt_id: string; worker_id: string; score: string; max_score: string; used: number; number: number;
  submitted_at: Date; rank: string; pos: string; total: string;
}

/** A leaderboard cursor is the row's position in the rank order: the order is total (attempt id last). */
const cursorOf = (pos: number) => Buffer.from(`standing:${pos}`).toString('base64url');
function posOf(cursor: string, name: string): number {
  const m = /^standing:(\d{1,9})$/.exec(/^[A-Za-z0-9_-]{1,40}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString() : '');
  if (!m) throw badInput(commonMessage('badCursor', { name }));
  return Number(m[1]);
}

/**
 * The counted attempt per worker (VOIDED and unsubmitted ones never count), ranked by score, then time
 * used. One statement per page: the ranking is computed in SQL over the drill's submitted attempts, the
 * page is a range of positions in it (keyset on the position), and the total rides along as a window count.
 */
export async function leaderboardPage(
  em: EntityManager, drill: { id: string; counting: DrillCounting; passMark: number }, args: PageRequest,
): Promise<DrillStandingConnection> {
  const { first, last } = checkPageRequest(args);
  const after = args.after != null ? posOf(args.after, 'after') : 0;
  const before = args.before != null ? posOf(args.before, 'before') : 2 ** 31;
  const pick = drill.counting === DrillCounting.LAST ? 'a.number desc' : 'a.score desc, used asc, a.number asc';
  const size = first ?? last ?? 0;
  const sql = `
    with counted as (
      select distinct on (a.worker_id) a.id as attempt_id, a.worker_id, a.score, a.max_score, a.number, a.submitted_at,
        greatest(0, floor(extract(epoch from (a.submitted_at - coalesce(a.started_at, a.drawn_at)))))::int as used
      from drill_attempt a
      where a.drill_id = ? and a.status = '${AttemptStatus.SUBMITTED}' and a.score is not null
      order by a.worker_id, ${pick}
    ), ranked as (
      select c.*, rank() over (order by score desc, used asc) as rank,
        row_number() over (order by score desc, used asc, attempt_id asc) as pos, count(*) over () as total
      from counted c
    )
    select * from ranked where pos > ? and pos < ? order by pos ${first != null ? 'asc' : 'desc'} limit ?`;
  const rows = (await em.getConnection().execute(sql, [drill.id, after, before, size])) as Row[];
  if (first == null) rows.reverse();
  let total = rows.length ? Number(rows[0]!.total) : null;
  if (total == null) {
    const [c] = (await em.getConnection().execute(
      `select count(distinct worker_id) as n from drill_attempt where drill_id = ? and status = '${AttemptStatus.SUBMITTED}' and score is not null`, [drill.id],
    )) as { n: string }[];
    total = Number(c?.n ?? 0);
  }
  const nodes = rows.map((r): DrillStanding => Object.assign(new DrillStanding(), {
    attemptId: r.attempt_id, workerId: r.worker_id, rank: Number(r.rank), score: Number(r.score), maxScore: Number(r.max_score),
    timeUsedSeconds: r.used, attemptNumber: r.number, submittedAt: new Date(r.submitted_at), passed: Number(r.score) >= Number(drill.passMark),
  }));
  const edges = rows.map((r, i) => ({ cursor: cursorOf(Number(r.pos)), node: nodes[i]! }));
  const firstPos = rows.length ? Number(rows[0]!.pos) : after + 1;
  const lastPos = rows.length ? Number(rows[rows.length - 1]!.pos) : Math.min(before - 1, total);
  return {
    edges, nodes, totalCount: total,
    pageInfo: {
      hasPreviousPage: firstPos > 1, hasNextPage: lastPos < total,
      startCursor: edges[0]?.cursor ?? null, endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
