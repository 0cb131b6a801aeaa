import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/core';
import type { Context } from '../context.js';
import { withUserErrors } from '../common/errors.js';
import { ConnectionArgs, expectId, idOf } from '../common/relay.js';
import { containsPattern, orderOf, paginate } from '../common/pagination.js';
import { registerNodeType } from '../common/node.resolver.js';
import { Role } from '../auth/role.js';
import { Enterprise } from './enterprise.entity.js';
import { EnterpriseService } from './enterprise.service.js';
import { NON_PUBLIC, Ownership } from './enums.js';
import {
  CreateEnterpriseInput, EnterpriseConnection, EnterpriseFilter, EnterpriseOrder, EnterpriseOrderField, EnterprisePayload,
  UpdateEnterpriseInput,
} from './registry.inputs.js';

// Enterprises are public registry data (name, code, district), readable by anyone.
registerNodeType('Enterprise', async (ctx, ids) => new Map((await ctx.em.find(Enterprise, { id: { $in: ids } })).map((e) => [e.id, e])));

@Resolver(() => Enterprise)
export class EnterpriseResolver {
  @Query(() => Enterprise, { nullable: true, description: 'One enterprise by global ID; null when there is none.' })
  async enterprise(@Arg('id', () => ID, { description: 'The Enterprise’s global ID.' }) id: string, @Ctx() ctx: Context): Promise<Enterprise | null> {
    const uuid = idOf(id, 'Enterprise');
    return uuid ? ctx.em.findOne(Enterprise, { id: uuid }) : null;
  }

  @Query(() => EnterpriseConnection, { description: 'The enterprises of the registry (企业). Default order: by name in pinyin, ascending.' })
  async enterprises(
    @Args() page: ConnectionArgs,
    @Arg('filter', () => EnterpriseFilter, { nullable: true, description: 'Narrows the list; all conditions given must hold.' }) filter: EnterpriseFilter | null,
    @Arg('orderBy', () => EnterpriseOrder, { nullable: true, description: 'Default: NAME, ASC.' }) orderBy: EnterpriseOrder | null,
    @Ctx() ctx: Context,
  ): Promise<EnterpriseConnection> {
    const where: FilterQuery<Enterprise> = {};
    const and: FilterQuery<Enterprise>[] = [];
    if (filter?.ownership) where.ownership = filter.ownership;
    if (filter?.size) where.size = filter.size;
    if (filter?.district) where.district = filter.district;
    if (filter?.industry) where.industry = filter.industry;
    if (filter?.nonPublic != null) {
      and.push({ ownership: filter.nonPublic ? { $in: [...NON_PUBLIC] } : { $nin: [...NON_PUBLIC] as Ownership[] } });
    }
    if (filter?.search) {
      const p = containsPattern(filter.search);
      and.push({ $or: [{ name: { $ilike: p } }, { creditCode: filter.search.trim().toUpperCase() }] });
    }
    if (and.length) where.$and = and;
    return paginate(ctx.em, Enterprise, where, page, orderOf(orderBy, { [EnterpriseOrderField.NAME]: 'asc', id: 'asc' }));
  }

  @Authorized(Role.ADMIN, Role.ORGANIZER)
  @Mutation(() => EnterprisePayload, { description: 'ADMIN or ORGANIZER: add an enterprise to the registry.' })
  async createEnterprise(@Arg('input') input: CreateEnterpriseInput, @Ctx() ctx: Context): Promise<EnterprisePayload> {
    return withUserErrors(async () => ({ enterprise: await new EnterpriseService(ctx.em).create(input) }));
  }

  @Authorized(Role.ADMIN, Role.ORGANIZER)
  @Mutation(() => EnterprisePayload, { description: 'ADMIN or ORGANIZER: change an enterprise’s registry data (only the fields given).' })
  async updateEnterprise(@Arg('input') input: UpdateEnterpriseInput, @Ctx() ctx: Context): Promise<EnterprisePayload> {
    return withUserErrors(async () => {
      const id = expectId(input.enterpriseId, 'Enterprise', ['input', 'enterpriseId']);
      return { enterprise: await new EnterpriseService(ctx.em).update(id, input) };
    });
  }
}
