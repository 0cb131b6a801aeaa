import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { withUserErrors } from '../common/errors.js';
import { ConnectionArgs, expectId } from '../common/relay.js';
import { registerNodeType } from '../common/node.resolver.js';
import { nextDayInChina, todayInChina } from '../common/date.js';
import { dependsOnClockUntil } from '../cache/clock.js';
import { nestedConnection, type NestedList } from '../common/nested-connection.js';
import { enterpriseById, workerById } from '../registry/registry.loaders.js';
import { Enterprise } from '../registry/enterprise.entity.js';
import { SortDirection } from '../registry/registry.inputs.js';
import { Worker } from '../registry/worker.entity.js';
import { mayReadDesignations, TALENT_WRITERS } from './access.js';
import { ChiefTechnician } from './chief-technician.entity.js';
import { ChiefTechnicianService } from './chief-technician.service.js';
import { ChiefTechnicianOrderField } from './enums.js';
import {
  ChiefTechnicianConnection, ChiefTechnicianOrder, ChiefTechnicianPayload, DesignateChiefTechnicianInput, EndChiefTechnicianTermInput,
} from './talent.inputs.js';

registerNodeType('ChiefTechnician', async (ctx, ids) => {
  const rows = await ctx.em.find(ChiefTechnician, { id: { $in: ids } });
  return new Map(rows.filter((r) => mayReadDesignations(ctx, r.enterprise.id)).map((r) => [r.id, r]));
});

const BY_WORKER: NestedList<ChiefTechnician> = { entity: ChiefTechnician, parent: 'worker' };
const BY_ENTERPRISE: NestedList<ChiefTechnician> = { entity: ChiefTechnician, parent: 'enterprise' };

/** Newest term first unless asked otherwise. */
function orderOf(orderBy: ChiefTechnicianOrder | null): Record<string, 'asc' | 'desc'> {
  const field = orderBy?.field ?? ChiefTechnicianOrderField.TERM_FROM;
  const dir = (orderBy ? orderBy.direction : SortDirection.DESC) === SortDirection.DESC ? 'desc' : 'asc';
  return field === ChiefTechnicianOrderField.TERM_FROM ? { termFrom: dir, createdAt: dir } : { createdAt: dir };
}

const ORDER_ARG = { nullable: true, description: 'Default: TERM_FROM, DESC (the newest term first).' } as const;

@Resolver(() => ChiefTechnician)
export class ChiefTechnicianResolver {
  @FieldResolver({ description: 'True when today (China Standard Time) lies within the term and it has not ended early.' })
  current(@Root() d: ChiefTechnician, @Ctx() ctx: Context): boolean {
    const now = new Date();
    // The answer may turn at the next midnight in China: the response cache keeps it no longer.
    dependsOnClockUntil(ctx, nextDayInChina(now));
    return d.currentOn(todayInChina(now));
  }

  @FieldResolver(() => Worker, { description: 'The worker designated.' })
  async worker(@Root() d: ChiefTechnician, @Ctx() ctx: Context): Promise<Worker> {
    return (await ctx.loaders.get(workerById).load(d.worker.id))!;
  }

  @FieldResolver(() => Enterprise, { description: 'The enterprise that designated them (the worker’s enterprise at the time).' })
  async enterprise(@Root() d: ChiefTechnician, @Ctx() ctx: Context): Promise<Enterprise> {
    return (await ctx.loaders.get(enterpriseById).load(d.enterprise.id))!;
  }

  @Authorized(...TALENT_WRITERS)
  @Mutation(() => ChiefTechnicianPayload, {
    description: 'ADMIN, ORGANIZER, or a NOMINATOR of the worker’s enterprise (any other enterprise: FORBIDDEN): designate a worker holding at least '
      + 'TECHNICIAN as the enterprise’s chief technician (企业首席技师) for a term, with the incentive. A worker’s terms must not overlap.',
  })
  async designateChiefTechnician(@Arg('input') input: DesignateChiefTechnicianInput, @Ctx() ctx: Context): Promise<ChiefTechnicianPayload> {
    return withUserErrors(async () => {
      const workerId = expectId(input.workerId, 'Worker', ['input', 'workerId']);
      return { chiefTechnician: await new ChiefTechnicianService(ctx.em, ctx.viewer!).designate(workerId, input) };
    });
  }

  @Authorized(...TALENT_WRITERS)
  @Mutation(() => ChiefTechnicianPayload, {
    description: 'ADMIN, ORGANIZER, or a NOMINATOR of its enterprise: end a chief technician’s term early, with the reason; the designation stays in the history.',
  })
  async endChiefTechnicianTerm(@Arg('input') input: EndChiefTechnicianTermInput, @Ctx() ctx: Context): Promise<ChiefTechnicianPayload> {
    return withUserErrors(async () => {
      const id = expectId(input.chiefTechnicianId, 'ChiefTechnician', ['input', 'chiefTechnicianId']);
      return { chiefTechnician: await new ChiefTechnicianService(ctx.em, ctx.viewer!).endTerm(id, input) };
    });
  }
}

@Resolver(() => Worker)
export class WorkerChiefTechnicianResolver {
  @FieldResolver(() => ChiefTechnicianConnection, {
    description: 'The worker’s designations as chief technician (企业首席技师), current and past (see ChiefTechnician.current). Default order: newest term first.',
  })
  async chiefTechnicianDesignations(
    @Root() worker: Worker,
    @Args() page: ConnectionArgs,
    @Arg('orderBy', () => ChiefTechnicianOrder, ORDER_ARG) orderBy: ChiefTechnicianOrder | null,
    @Ctx() ctx: Context,
  ): Promise<ChiefTechnicianConnection> {
    return nestedConnection(ctx, BY_WORKER, worker.id, page, orderOf(orderBy)) as Promise<ChiefTechnicianConnection>;
  }
}

@Resolver(() => Enterprise)
export class EnterpriseChiefTechnicianResolver {
  @FieldResolver(() => ChiefTechnicianConnection, {
    nullable: true,
    description: 'The enterprise’s chief technicians (企业首席技师), current and past. Registry readers (ADMIN, ORGANIZER, STUDIO_MANAGER, REVIEWER) '
      + 'and the enterprise’s own NOMINATOR see them; null for anyone else. Default order: newest term first.',
  })
  async chiefTechnicians(
    @Root() enterprise: Enterprise,
    @Args() page: ConnectionArgs,
    @Arg('orderBy', () => ChiefTechnicianOrder, ORDER_ARG) orderBy: ChiefTechnicianOrder | null,
    @Ctx() ctx: Context,
  ): Promise<ChiefTechnicianConnection | null> {
    if (!mayReadDesignations(ctx, enterprise.id)) return null;
    return nestedConnection(ctx, BY_ENTERPRISE, enterprise.id, page, orderOf(orderBy)) as Promise<ChiefTechnicianConnection>;
  }
}
