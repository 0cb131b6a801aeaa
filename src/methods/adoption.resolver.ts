import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { registerNodeType } from '../common/node.resolver.js';
import { Enterprise } from '../registry/enterprise.entity.js';
import { enterpriseById } from '../registry/registry.loaders.js';
import { visibleMethods } from './access.js';
import { MethodAdoption } from './method-adoption.entity.js';
import { methodById } from './methods.loaders.js';
import { OperatingMethod } from './operating-method.entity.js';

// An adoption is as visible as its method (adoptions exist for NAMED, public, methods only).
registerNodeType('MethodAdoption', async (ctx, ids) => {
  const rows = await ctx.em.find(MethodAdoption, { id: { $in: ids } }, { populate: ['method'] });
  const visible = new Set((await visibleMethods(ctx, rows.map((r) => r.method.getEntity()))).map((m) => m.id));
  return new Map(rows.filter((r) => visible.has(r.method.id)).map((r) => [r.id, r]));
});

@Resolver(() => MethodAdoption)
export class MethodAdoptionResolver {
  @FieldResolver(() => Enterprise, { description: 'The enterprise that adopted the method.' })
  async enterprise(@Root() a: MethodAdoption, @Ctx() ctx: Context): Promise<Enterprise> {
    return (await ctx.loaders.get(enterpriseById).load(a.enterprise.id))!;
  }

  @FieldResolver(() => OperatingMethod, { description: 'The method adopted (NAMED, so public).' })
  async method(@Root() a: MethodAdoption, @Ctx() ctx: Context): Promise<OperatingMethod> {
    return (await ctx.loaders.get(methodById).load(a.method.id))!;
  }
}
