import { Arg, Args, Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/core';
import type { Context } from '../../context.js';
import { forbidden, unauthenticated } from '../../common/errors.js';
import { ConnectionArgs, idOf } from '../../common/relay.js';
import { orderOf, paginate, paginateRows } from '../../common/pagination.js';
import { Worker } from '../../registry/worker.entity.js';
import { WorkerConnection, WorkerOrder, WorkerOrderField } from '../../registry/registry.inputs.js';
import { runsDrill } from '../access.js';
import { AttemptStatus } from '../enums.js';
import { Drill } from '../setup/drill.entity.js';
import { m } from './messages.js';
import { DrillAttempt } from './attempt.entity.js';
import { DrillAttemptConnection, DrillAttemptOrder } from './ops.inputs.js';
import { workerById } from '../../registry/registry.loaders.js';

const NONE = '00000000-0000-0000-0000-000000000000';

/** Only the drill's runner sees who has not started: a list of names is the organizer's to chase, nobody else's. */
function checkRunner(ctx: Context, drill: Drill): void {
  if (!ctx.viewer) throw unauthenticated();
  if (!runsDrill(ctx.viewer, drill)) throw forbidden(m('notAttemptsOrganizer'));
}

/** `"worker_id" in (live pass holders of the drill)` and `not in (those who started)`, as subqueries. */
function notStartedWhere(ctx: Context, drill: Drill, enterpriseId: string | null): FilterQuery<Worker> {
  const holders = ctx.em.createQueryBuilder('DrillPass', 'p').select('p.worker_id').where({ drill: drill.id, revokedAt: null });
  const started = ctx.em.createQueryBuilder('DrillAttempt', 'a').select('a.worker_id').where({ drill: drill.id, status: { $ne: AttemptStatus.DRAWN } });
  const where: FilterQuery<Worker> = { $and: [{ id: { $in: holders.getKnexQuery() as never } }, { id: { $nin: started.getKnexQuery() as never } }] };
  return enterpriseId === null ? where : { ...where, enterprise: enterpriseId as never };
}

/** Who has not started yet (issue 16, "When things go wrong"): for the organizer to phone the enterprises. */
@Resolver(() => Drill)
export class DrillTurnoutResolver {
  @FieldResolver(() => WorkerConnection, {
    description: 'The drill’s organizer or an ADMIN only (others: FORBIDDEN): workers holding a live pass who have not started an attempt, optionally of one enterprise.',
  })
  async notStarted(
    @Root() drill: Drill,
    @Args() page: ConnectionArgs,
    @Arg('enterpriseId', () => ID, { nullable: true, description: 'Only this Enterprise’s workers.' }) enterpriseId: string | null,
    @Arg('orderBy', () => WorkerOrder, { nullable: true, description: 'Default: NAME, ASC.' }) orderBy: WorkerOrder | null,
    @Ctx() ctx: Context,
  ): Promise<WorkerConnection> {
    checkRunner(ctx, drill);
    const ent = enterpriseId == null ? null : idOf(enterpriseId, 'Enterprise') ?? NONE;
    return paginateRows(ctx.em, Worker, notStartedWhere(ctx, drill, ent), page, orderOf(orderBy, { [WorkerOrderField.NAME]: 'asc', id: 'asc' }));
  }

  @FieldResolver(() => DrillAttemptConnection, {
    description: 'The drill’s organizer or an ADMIN only (others: FORBIDDEN): its attempts, optionally of one enterprise’s workers and in one status '
      + '(e.g. IN_PROGRESS, to extend the deadlines of an enterprise hit by an outage).',
  })
  async attempts(
    @Root() drill: Drill,
    @Args() page: ConnectionArgs,
    @Arg('enterpriseId', () => ID, { nullable: true, description: 'Only attempts of this Enterprise’s workers.' }) enterpriseId: string | null,
    @Arg('status', () => AttemptStatus, { nullable: true, description: 'Only attempts in this status.' }) status: AttemptStatus | null,
    @Arg('orderBy', () => DrillAttemptOrder, { nullable: true, description: 'Default: DRAWN_AT, ASC.' }) orderBy: DrillAttemptOrder | null,
    @Ctx() ctx: Context,
  ): Promise<DrillAttemptConnection> {
    checkRunner(ctx, drill);
    const where: FilterQuery<DrillAttempt> = { drill: drill.id };
    if (status) where.status = status;
    if (enterpriseId != null) where.worker = { enterprise: idOf(enterpriseId, 'Enterprise') ?? NONE } as never;
    // Hydrated entities (not rows): the attempt's field resolvers read its references and history.
    return paginate(ctx.em, DrillAttempt, where, page, orderOf(orderBy, { drawnAt: 'asc', id: 'asc' }));
  }
}

@Resolver(() => DrillAttempt)
export class DrillAttemptWorkerResolver {
  @FieldResolver(() => Worker, { description: 'The taker.' })
  async worker(@Root() attempt: DrillAttempt, @Ctx() ctx: Context): Promise<Worker> {
    return (await ctx.loaders.get(workerById).load(attempt.worker.id))!;
  }
}
