import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/core';
import type { Context } from '../context.js';
import { withUserErrors } from '../common/errors.js';
import { ConnectionArgs, expectId, idOf } from '../common/relay.js';
import { containsPattern, orderOf, paginate } from '../common/pagination.js';
import { registerNodeType } from '../common/node.resolver.js';
import { Role } from '../auth/role.js';
import { hasAnyRole } from '../auth/auth-checker.js';
import { workerById } from '../registry/registry.loaders.js';
import { Worker } from '../registry/worker.entity.js';
import { REGISTRY_READERS } from '../registry/worker.resolver.js';
import { canSeeStudio, seesEveryStudio, visibleStudiosWhere } from './access.js';
import { Innovation } from './innovation.entity.js';
import { InnovationConnection, InnovationFilter, InnovationOrder, InnovationOrderField, InnovationPayload, RegisterInnovationInput } from './innovation.inputs.js';
import { InnovationService } from './innovation.service.js';
import { Studio } from './studio.entity.js';
import { studioById } from './studios.loaders.js';

const NO_MATCH = '00000000-0000-0000-0000-000000000000';

/** An innovation is visible with its studio: public once the studio is accredited. */
function visibleInnovations(ctx: Context, where: FilterQuery<Innovation>): FilterQuery<Innovation> {
  return seesEveryStudio(ctx.viewer) ? where : { $and: [where, { studio: visibleStudiosWhere(ctx.viewer) }] } as FilterQuery<Innovation>;
}

registerNodeType('Innovation', async (ctx, ids) => {
  const rows = await ctx.em.find(Innovation, { id: { $in: ids } }, { populate: ['studio'] });
  return new Map(rows.filter((r) => canSeeStudio(ctx.viewer, r.studio.getEntity())).map((r) => [r.id, r]));
});

@Resolver(() => Innovation)
export class InnovationResolver {
  @Query(() => Innovation, { nullable: true, description: 'Null when absent or its studio is not visible to you.' })
  async innovation(@Arg('id', () => ID, { description: 'The innovation’s global ID.' }) id: string, @Ctx() ctx: Context): Promise<Innovation | null> {
    const uuid = idOf(id, 'Innovation');
    return uuid ? ctx.em.findOne(Innovation, visibleInnovations(ctx, { id: uuid })) : null;
  }

  @Query(() => InnovationConnection, { description: 'Innovations (创新成果) of studios you may see (accredited ones for everyone), newest first unless ordered otherwise.' })
  async innovations(
    @Args() page: ConnectionArgs,
    @Arg('filter', () => InnovationFilter, { nullable: true, description: 'Which innovations; all you may see when omitted.' }) filter: InnovationFilter | null,
    @Arg('orderBy', () => InnovationOrder, { nullable: true, description: 'Default: REGISTERED_AT descending.' }) orderBy: InnovationOrder | null,
    @Ctx() ctx: Context,
  ): Promise<InnovationConnection> {
    const and: FilterQuery<Innovation>[] = [];
    if (filter?.studioId) and.push({ studio: idOf(filter.studioId, 'Studio') ?? NO_MATCH });
    if (filter?.category) and.push({ category: filter.category });
    if (filter?.year != null) and.push({ year: filter.year });
    if (filter?.search?.trim()) {
      const p = containsPattern(filter.search);
      and.push({ $or: [{ title: { $ilike: p } }, { description: { $ilike: p } }, { patentNumber: filter.search.trim() }] });
    }
    const where = visibleInnovations(ctx, and.length ? { $and: and } : {});
    return paginate(ctx.em, Innovation, where, page, orderOf(orderBy, { [InnovationOrderField.REGISTERED_AT]: 'desc', id: 'desc' }));
  }

  @Authorized(Role.STUDIO_MANAGER, Role.ADMIN)
  @Mutation(() => InnovationPayload, { description: 'The studio’s manager registers an achievement of an ACCREDITED studio; PATENT needs patentNumber.' })
  async registerInnovation(@Arg('input') input: RegisterInnovationInput, @Ctx() ctx: Context): Promise<InnovationPayload> {
    return withUserErrors(async () => {
      const studioId = expectId(input.studioId, 'Studio', ['input', 'studioId']);
      const inventorIds = input.inventorWorkerIds.map((id, i) => expectId(id, 'Worker', ['input', 'inventorWorkerIds', String(i)]));
      return { innovation: await new InnovationService(ctx.em).register(ctx.viewer!, studioId, inventorIds, input) };
    });
  }

  @FieldResolver(() => Studio, { description: 'The studio that registered it.' })
  async studio(@Root() i: Innovation, @Ctx() ctx: Context): Promise<Studio> {
    return (await ctx.loaders.get(studioById).load(i.studio.id))!;
  }

  @FieldResolver(() => [String], { description: 'The inventors’ names, in the order registered: 1 to 30 (the bound of registerInnovation). Public.' })
  async inventorNames(@Root() i: Innovation, @Ctx() ctx: Context): Promise<string[]> {
    const workers = await ctx.loaders.get(workerById).loadMany(i.inventorIds);
    return workers.map((w) => (w instanceof Worker ? w.name : ''));
  }

  @FieldResolver(() => [Worker], { nullable: true, description: 'The inventors’ registry records (at most 30); null unless you may read the registry.' })
  async inventors(@Root() i: Innovation, @Ctx() ctx: Context): Promise<Worker[] | null> {
    if (!ctx.viewer || !hasAnyRole(ctx.viewer.roles, REGISTRY_READERS)) return null;
    const workers = await ctx.loaders.get(workerById).loadMany(i.inventorIds);
    return workers.filter((w): w is Worker => w instanceof Worker);
  }
}
