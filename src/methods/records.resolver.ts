import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { checkChildPage, childConnection } from '../common/child-pages.js';
import { ConnectionArgs } from '../common/relay.js';
import { SortDirection } from '../common/order-input.js';
import { Worker } from '../registry/worker.entity.js';
import { OperatingMethodConnection, WorkerMethodOrder } from './method.inputs.js';
import { methodById, namedMethodPagesByInventor } from './methods.loaders.js';

/** Naming grants nothing by itself, but shows on the inventors' records. (Studio.methods is the studios module's, with its other lists.) */
@Resolver(() => Worker)
export class WorkerMethodsResolver {
  @FieldResolver(() => OperatingMethodConnection, { description: 'NAMED operating methods (先进操作法) this worker invented (alone or with others), newest first unless ordered otherwise. Public, as named methods are.' })
  async operatingMethods(
    @Root() w: Worker,
    @Args() args: ConnectionArgs,
    @Arg('orderBy', () => WorkerMethodOrder, { nullable: true, description: 'Default: NAMED_AT descending.' }) orderBy: WorkerMethodOrder | null,
    @Ctx() ctx: Context,
  ): Promise<OperatingMethodConnection> {
    const page = await ctx.loaders.get(namedMethodPagesByInventor).load({ parentId: w.id, ...checkChildPage(args, orderBy?.direction ?? SortDirection.DESC) });
    return childConnection(page, (rows) => ctx.loaders.get(methodById).loadMany(rows.map((r) => r.id)));
  }
}
