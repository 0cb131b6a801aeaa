import type { EntityManager } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { orderInput, SortDirection, type OrderInputShape } from '../../common/order-input.js';
import { Connection, type ConnectionShape, type PageRequest } from '../../common/relay.js';
import { AttemptStatus, type DrillCounting } from '../enums.js';
import { countedAttemptsSql, positionPage, type Positioned } from './positions.js';

/** One enterprise's figures in a drill: turnout while the window is open (notStarted), results after. */
@ObjectType({ description: 'One enterprise’s figures in a drill (各企业参与情况): pass holders, how many have not started, participants, scores.' })
export class DrillEnterpriseFigure {
  enterpriseId!: string;

  @Field(() => Int, { description: 'Its workers holding a live drill pass for this drill (those invited to take it; eligible workers without a pass are not counted).' }) passHolders!: number;
  @Field(() => Int, { description: 'Of its pass holders, those who have not started an attempt (a paper drawn ahead is not a start): whom to chase while the window is open.' }) notStarted!: number;
  @Field(() => Int, { description: 'Its workers with a counted (submitted, not voided) attempt.' }) participants!: number;
  @Field(() => Float, { nullable: true, description: 'participants / passHolders (0 to 1); null when none hold a pass.' }) participationRate!: number | null;
  @Field(() => Float, { nullable: true, description: 'The mean of its participants’ counted scores; null without participants.' }) meanScore!: number | null;
  @Field(() => Float, { nullable: true, description: 'The share of its participants whose counted score reaches the pass mark (0 to 1); null without participants.' }) passRate!: number | null;
}

export const DrillEnterpriseFigureConnection = Connection(DrillEnterpriseFigure, 'DrillEnterpriseFigure');
export type DrillEnterpriseFigureConnection = ConnectionShape<DrillEnterpriseFigure>;

export enum DrillEnterpriseFigureOrderField {
  ENTERPRISE_NAME = 'name',
  PARTICIPATION_RATE = 'participationRate',
  NOT_STARTED = 'notStarted',
}
export const DrillEnterpriseFigureOrder = orderInput('DrillEnterpriseFigure', DrillEnterpriseFigureOrderField, {
  fields: 'What to order a drill’s enterprise figures by.',
  values: {
    ENTERPRISE_NAME: 'The enterprise’s name (by pinyin).', PARTICIPATION_RATE: 'The participation rate (enterprises without pass holders last).',
    NOT_STARTED: 'How many pass holders have not started (DESC: the enterprises to phone first); ties by name.',
  },
  input: 'The order of a drill’s enterprise figures (Drill.enterpriseFigures).',
});

interface Row extends Positioned { enterprise_id: string; pass_holders: string; not_started: string; participants: string; mean: string | null; passed: string | null }

/** Per enterprise with pass holders or participants; one statement per page (see positionPage). */
export async function enterpriseFiguresPage(
  em: EntityManager, drill: { id: string; counting: DrillCounting; passMark: number }, args: PageRequest,
  order: OrderInputShape<DrillEnterpriseFigureOrderField> | null,
): Promise<DrillEnterpriseFigureConnection> {
  const dir = order?.direction === SortDirection.DESC ? 'desc' : 'asc';
  const by = order?.field === DrillEnterpriseFigureOrderField.PARTICIPATION_RATE ? `rate ${dir} nulls last, name asc`
    : order?.field === DrillEnterpriseFigureOrderField.NOT_STARTED ? `not_started ${dir}, name asc` : `name ${dir}`;
  const figures = `
    with holders as (
      select w.enterprise_id, count(distinct p.worker_id) as n,
        count(distinct p.worker_id) filter (where not exists (
          select 1 from drill_attempt a where a.drill_id = p.drill_id and a.worker_id = p.worker_id and a.status <> '${AttemptStatus.DRAWN}')) as not_started
      from drill_pass p join worker w on w.id = p.worker_id
      where p.drill_id = ? and p.revoked_at is null group by w.enterprise_id
    ), counted as (${countedAttemptsSql(drill.counting)}), part as (
      select w.enterprise_id, count(*) as n, avg(c.score) as mean, count(*) filter (where c.score >= ?) as passed
      from counted c join worker w on w.id = c.worker_id group by w.enterprise_id
    ), figs as (
      select e.id as enterprise_id, e.name, coalesce(h.n, 0) as pass_holders, coalesce(h.not_started, 0) as not_started, coalesce(pt.n, 0) as participants, pt.mean, pt.passed,
        case when h.n > 0 then coalesce(pt.n, 0)::float / h.n end as rate
      from enterprise e left join holders h on h.enterprise_id = e.id left join part pt on pt.enterprise_id = e.id
      where h.n is not null or pt.n is not null
    )`;
  const ranked = `${figures} select f.*, row_number() over (order by ${by}, enterprise_id) as pos, count(*) over () as total from figs f`;
  const count = `${figures} select count(*) as n from figs`;
  return positionPage<Row, DrillEnterpriseFigure>(em, 'figure', ranked, [drill.id, drill.id, drill.passMark], count, args, (r) => {
    const passHolders = Number(r.pass_holders);
    const participants = Number(r.participants);
    return Object.assign(new DrillEnterpriseFigure(), {
      enterpriseId: r.enterprise_id, passHolders, notStarted: Number(r.not_started), participants,
      participationRate: passHolders > 0 ? participants / passHolders : null,
      meanScore: participants > 0 && r.mean != null ? Math.round(Number(r.mean) * 100) / 100 : null,
      passRate: participants > 0 ? Number(r.passed) / participants : null,
    });
  });
}
