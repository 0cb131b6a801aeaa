import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.js';
import { Node, parseGlobalId } from './relay.js';
import { badInput } from './errors.js';
import { commonMessage } from './messages.js';

/**
 * How to fetch one Node type, applying that type's own read rules: `node(id:)` must never reveal
 * what the type's own query would refuse. Returns null when the object is absent or not visible.
 */
export type NodeFetcher = (ctx: Context, ids: string[]) => Promise<Map<string, object>>;

const fetchers = new Map<string, NodeFetcher>();

export function registerNodeType(type: string, fetcher: NodeFetcher): void {
  fetchers.set(type, fetcher);
}

export function registeredNodeTypes(): string[] {
  return [...fetchers.keys()];
}

async function resolveNodes(ctx: Context, globalIds: string[]): Promise<(object | null)[]> {
  const byType = new Map<string, string[]>();
  const parsed = globalIds.map((g) => parseGlobalId(g));
  parsed.forEach((p) => {
    if (p && fetchers.has(p.type)) byType.set(p.type, [...(byType.get(p.type) ?? []), p.id]);
  });
  const found = new Map<string, object>();
  for (const [type, ids] of byType) {
    for (const [id, obj] of await fetchers.get(type)!(ctx, ids)) found.set(`${type}:${id}`, obj);
  }
  return parsed.map((p) => (p ? found.get(`${p.type}:${p.id}`) ?? null : null));
}

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any object by its global ID; null when absent or not visible to you.' })
  async node(@Arg('id', () => ID, { description: 'A global ID as any object’s `id` gives it.' }) id: string, @Ctx() ctx: Context): Promise<object | null> {
    return (await resolveNodes(ctx, [id]))[0] ?? null;
  }

  @Query(() => [Node], { nullable: 'items', description: 'Objects by global IDs (at most 100), in the order asked.' })
  async nodes(@Arg('ids', () => [ID], { description: 'Up to 100 global IDs; the answer keeps their order, null where absent or not visible.' }) ids: string[], @Ctx() ctx: Context): Promise<(object | null)[]> {
    if (ids.length > 100) throw badInput(commonMessage('tooManyIds', { max: 100 }));
    return resolveNodes(ctx, ids);
  }
}
