import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { Worker } from '../registry/worker.entity.js';
import { Studio } from '../studios/studio.entity.js';
import { visibleMethods } from './access.js';
import { methodsByStudio, namedMethodsByInventor } from './methods.loaders.js';
import { OperatingMethod } from './operating-method.entity.js';

/** Naming grants nothing by itself, but shows on the inventors' records. */
@Resolver(() => Worker)
export class WorkerMethodsResolver {
  @FieldResolver(() => [OperatingMethod], { description: 'NAMED operating methods (先进操作法) this worker invented, newest first.' })
  async operatingMethods(@Root() w: Worker, @Ctx() ctx: Context): Promise<OperatingMethod[]> {
    return ctx.loaders.get(namedMethodsByInventor).load(w.id);
  }
}

@Resolver(() => Studio)
export class StudioMethodsResolver {
  @FieldResolver(() => [OperatingMethod], { description: 'Operating methods submitted through the studio that you may see, newest first.' })
  async methods(@Root() s: Studio, @Ctx() ctx: Context): Promise<OperatingMethod[]> {
    return visibleMethods(ctx, await ctx.loaders.get(methodsByStudio).load(s.id));
  }
}
