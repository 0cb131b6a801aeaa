import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { Worker } from '../registry/worker.entity.js';
import { namedMethodsByInventor } from './methods.loaders.js';
import { OperatingMethod } from './operating-method.entity.js';

/** Naming grants nothing by itself, but shows on the inventors' records. (Studio.methods is the studios module's, with its other lists.) */
@Resolver(() => Worker)
export class WorkerMethodsResolver {
  @FieldResolver(() => [OperatingMethod], { description: 'NAMED operating methods (先进操作法) this worker invented, newest first.' })
  async operatingMethods(@Root() w: Worker, @Ctx() ctx: Context): Promise<OperatingMethod[]> {
    return ctx.loaders.get(namedMethodsByInventor).load(w.id);
  }
}
