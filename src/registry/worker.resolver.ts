import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/core';
import type { Context } from '../context.js';
import { withUserErrors } from '../common/errors.js';
import { ConnectionArgs, expectId, idOf } from '../common/relay.js';
import { containsPattern, orderOf, paginateRows } from '../common/pagination.js';
import { registerNodeType } from '../common/node.resolver.js';
import { hasAnyRole } from '../auth/auth-checker.js';
import { Role } from '../auth/role.js';
import { Enterprise } from './enterprise.entity.js';
import { Honor } from './honor.entity.js';
import { SkillLevelChange } from './skill-level-change.entity.js';
import { Worker } from './worker.entity.js';
import { WorkerService } from './worker.service.js';
import { importWorkers } from './worker-import.js';
import { ImportOutcome } from './enums.js';
import { enterpriseById, skillHistoryByWorker } from './registry.loaders.js';
import { nestedConnection, type NestedList } from '../common/nested-connection.js';
import {
  CreateWorkerInput, GrantHonorInput, HonorConnection, HonorOrder, HonorOrderField, GrantHonorPayload, ImportWorkersInput, ImportWorkersPayload, RecordSkillLevelChangeInput,
  SkillLevelChangePayload, SortDirection, UpdateWorkerInput, WorkerConnection, WorkerFilter, WorkerOrder, WorkerOrderField, WorkerPayload,
} from './registry.inputs.js';

/** Worker records are personal data: readable by staff roles, not by the public or by judges (anonymous marking). */
export const REGISTRY_READERS = [Role.ADMIN, Role.ORGANIZER, Role.STUDIO_MANAGER, Role.REVIEWER];
const REGISTRY_WRITERS = [Role.ADMIN, Role.ORGANIZER];

const canReadRegistry = (ctx: Context) => !!ctx.viewer && hasAnyRole(ctx.viewer.roles, REGISTRY_READERS);
for (const [type, entity] of [['Worker', Worker], ['Honor', Honor], ['SkillLevelChange', SkillLevelChange]] as const) {
  registerNodeType(type, async (ctx, ids) => {
    if (!canReadRegistry(ctx)) return new Map();
    const rows = await ctx.em.find(entity as typeof Worker, { id: { $in: ids } });
    return new Map(rows.map((r) => [r.id, r]));
  });
}

const HONORS: NestedList<Honor> = { entity: Honor, parent: 'worker', rows: true };

@Resolver(() => Worker)
export class WorkerResolver {
  @Authorized(...REGISTRY_READERS)
  @Query(() => Worker, { nullable: true, description: 'One worker by global ID (registry readers: ADMIN, ORGANIZER, STUDIO_MANAGER, REVIEWER); null when there is none.' })
  async worker(@Arg('id', () => ID, { description: 'The Worker’s global ID.' }) id: string, @Ctx() ctx: Context): Promise<Worker | null> {
    const uuid = idOf(id, 'Worker');
    return uuid ? ctx.em.findOne(Worker, { id: uuid }) : null;
  }

  @Authorized(...REGISTRY_READERS)
  @Query(() => WorkerConnection, { description: 'The workforce registry (产业工人队伍基础数据库).' })
  async workers(
    @Args() page: ConnectionArgs,
    @Arg('filter', () => WorkerFilter, { nullable: true, description: 'Narrows the list; all conditions given must hold.' }) filter: WorkerFilter | null,
    @Arg('orderBy', () => WorkerOrder, { nullable: true, description: 'Default: NAME, ASC.' }) orderBy: WorkerOrder | null,
    @Ctx() ctx: Context,
  ): Promise<WorkerConnection> {
    const where: FilterQuery<Worker> = {};
    if (filter?.enterpriseId) where.enterprise = idOf(filter.enterpriseId, 'Enterprise') ?? '00000000-0000-0000-0000-000000000000';
    if (filter?.trade) where.trade = filter.trade;
    if (filter?.skillLevel) where.skillLevel = filter.skillLevel;
    if (filter?.migrantWorker != null) where.migrantWorker = filter.migrantWorker;
    if (filter?.frontLine != null) where.frontLine = filter.frontLine;
    if (filter?.honor) {
      // A semi-join, so a worker holding the honor twice is still listed once.
      const holders = ctx.em.createQueryBuilder(Honor, 'h').select('h.worker_id').where({ kind: filter.honor, revokedAt: null });
      where.id = { $in: holders.getKnexQuery() as never };
    }
    if (filter?.search) {
      const p = containsPattern(filter.search);
      where.$or = [{ name: { $ilike: p } }, { employeeNumber: filter.search.trim() }];
    }
    return paginateRows(ctx.em, Worker, where, page, orderOf(orderBy, { [WorkerOrderField.NAME]: 'asc', id: 'asc' }));
  }

  @FieldResolver(() => Enterprise, { description: 'The enterprise the worker works at.' })
  async enterprise(@Root() worker: Worker, @Ctx() ctx: Context): Promise<Enterprise> {
    return (await ctx.loaders.get(enterpriseById).load(worker.enterprise.id))!;
  }

  @FieldResolver(() => HonorConnection, {
    description: 'The honors the worker holds (荣誉). Default order: newest year first (YEAR, DESC). The first pages of many workers '
      + 'are read in one statement; a later page (after/before) is its own.',
  })
  async honors(
    @Root() worker: Worker,
    @Args() page: ConnectionArgs,
    @Arg('orderBy', () => HonorOrder, { nullable: true, description: 'Default: YEAR, DESC (newest first).' }) orderBy: HonorOrder | null,
    @Ctx() ctx: Context,
  ): Promise<HonorConnection> {
    const field = orderBy?.field ?? HonorOrderField.YEAR;
    const dir: 'asc' | 'desc' = (orderBy ? orderBy.direction : SortDirection.DESC) === SortDirection.DESC ? 'desc' : 'asc';
    const order: Record<string, 'asc' | 'desc'> = field === HonorOrderField.YEAR ? { year: dir, createdAt: dir } : { createdAt: dir };
    return nestedConnection(ctx, HONORS, worker.id, page, order) as Promise<HonorConnection>;
  }

  @FieldResolver(() => [SkillLevelChange], {
    description: 'The worker’s skill level history, oldest first, INITIAL entry included. A plain list: bounded in practice by the five levels '
      + 'and the rare correction (a worker has a handful of entries), and read for many workers in one statement.',
  })
  async skillLevelHistory(@Root() worker: Worker, @Ctx() ctx: Context): Promise<SkillLevelChange[]> {
    return ctx.loaders.get(skillHistoryByWorker).load(worker.id);
  }

  @Authorized(...REGISTRY_WRITERS)
  @Mutation(() => WorkerPayload, { description: 'ADMIN or ORGANIZER: add a worker to an enterprise; a skill level given becomes the INITIAL entry of their history.' })
  async createWorker(@Arg('input') input: CreateWorkerInput, @Ctx() ctx: Context): Promise<WorkerPayload> {
    return withUserErrors(async () => {
      const enterpriseId = expectId(input.enterpriseId, 'Enterprise', ['input', 'enterpriseId']);
      return { worker: await new WorkerService(ctx.em).create(enterpriseId, input) };
    });
  }

  @Authorized(...REGISTRY_WRITERS)
  @Mutation(() => WorkerPayload, { description: 'ADMIN or ORGANIZER: change a worker’s data (only the fields given); skill levels change through recordSkillLevelChange.' })
  async updateWorker(@Arg('input') input: UpdateWorkerInput, @Ctx() ctx: Context): Promise<WorkerPayload> {
    return withUserErrors(async () => {
      const id = expectId(input.workerId, 'Worker', ['input', 'workerId']);
      const enterpriseId = input.enterpriseId ? expectId(input.enterpriseId, 'Enterprise', ['input', 'enterpriseId']) : null;
      return { worker: await new WorkerService(ctx.em).update(id, { ...input, enterpriseId }) };
    });
  }

  @Authorized(...REGISTRY_WRITERS)
  @Mutation(() => GrantHonorPayload, { description: 'ADMIN or ORGANIZER: record an honor a worker was granted (once per kind, level and year).' })
  async grantHonor(@Arg('input') input: GrantHonorInput, @Ctx() ctx: Context): Promise<GrantHonorPayload> {
    return withUserErrors(async () =>
      new WorkerService(ctx.em).grantHonor(expectId(input.workerId, 'Worker', ['input', 'workerId']), input),
    );
  }

  @Authorized(...REGISTRY_WRITERS)
  @Mutation(() => SkillLevelChangePayload, {
    description: 'Records a change in the worker’s skill level history. Ordinary promotions go one level up; a bigger step up, or any step '
      + 'down, needs kind CORRECTION, REVOCATION or ANNULMENT and a note (see RecordSkillLevelChangeInput).',
  })
  async recordSkillLevelChange(@Arg('input') input: RecordSkillLevelChangeInput, @Ctx() ctx: Context): Promise<SkillLevelChangePayload> {
    return withUserErrors(async () =>
      new WorkerService(ctx.em).recordSkillLevelChange(expectId(input.workerId, 'Worker', ['input', 'workerId']), input),
    );
  }

  @Authorized(...REGISTRY_WRITERS)
  @Mutation(() => ImportWorkersPayload, {
    description: 'Spreadsheet import: all rows or none. Every bad row gets a userError (messages count rows from 1); a row matching an '
      + 'employee number of the enterprise updates that worker; dryRun checks the file without writing.',
  })
  async importWorkers(@Arg('input') input: ImportWorkersInput, @Ctx() ctx: Context): Promise<ImportWorkersPayload> {
    return withUserErrors(async () => {
      const enterpriseId = expectId(input.enterpriseId, 'Enterprise', ['input', 'enterpriseId']);
      const results = await importWorkers(ctx.em, enterpriseId, input.rows, input.dryRun ?? false);
      const count = (outcome: ImportOutcome) => results.filter((r) => r.outcome === outcome).length;
      return {
        results, dryRun: input.dryRun ?? false,
        createdCount: count(ImportOutcome.CREATED), updatedCount: count(ImportOutcome.UPDATED), unchangedCount: count(ImportOutcome.UNCHANGED),
      };
    });
  }
}
