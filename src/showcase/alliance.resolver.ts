import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { withUserErrors } from '../common/errors.js';
import { ConnectionArgs, expectId, idOf } from '../common/relay.js';
import { registerNodeType } from '../common/node.resolver.js';
import { Role } from '../auth/role.js';
import { Studio } from '../studios/studio.entity.js';
import { orderOf } from '../common/pagination.js';
import { Alliance } from './alliance.entity.js';
import {
  AllianceConnection, AllianceFilter, AllianceMemberConnection, AllianceMemberOrder, AllianceOrder, AllianceOrderField, AllianceMembershipInput, AllianceMembershipPayload, AlliancePayload, CreateAllianceInput,
  StudioAllianceOrder, UpdateAllianceInput,
} from './alliance.inputs.js';
import { AllianceService, listAlliances, mayEditAlliance } from './alliance.service.js';
import { checkChildPage, childConnection, type ChildRow } from '../common/child-pages.js';
import { studioById } from '../studios/studios.loaders.js';
import { allianceById, memberPages, studioAlliancePages } from './showcase.loaders.js';

registerNodeType('Alliance', async (ctx, ids) => new Map((await ctx.em.find(Alliance, { id: { $in: ids } })).map((a) => [a.id, a])));

function membershipIds(input: AllianceMembershipInput): { allianceId: string; studioId: string } {
  return {
    allianceId: expectId(input.allianceId, 'Alliance', ['input', 'allianceId']),
    studioId: expectId(input.studioId, 'Studio', ['input', 'studioId']),
  };
}

@Resolver(() => Alliance)
export class AllianceResolver {
  @Query(() => Alliance, { nullable: true, description: 'An innovation alliance; null when there is none with this ID. Public.' })
  async alliance(@Arg('id', () => ID, { description: 'The alliance’s global ID.' }) id: string, @Ctx() ctx: Context): Promise<Alliance | null> {
    const uuid = idOf(id, 'Alliance');
    return uuid ? ctx.em.findOne(Alliance, { id: uuid }) : null;
  }

  @Query(() => AllianceConnection, { description: 'Innovation alliances (职工技术创新联盟). Public. By name unless ordered otherwise.' })
  async alliances(
    @Args() page: ConnectionArgs,
    @Arg('filter', () => AllianceFilter, { nullable: true, description: 'Which alliances; all when omitted.' }) filter: AllianceFilter | null,
    @Arg('orderBy', () => AllianceOrder, { nullable: true, description: 'Default: NAME ascending.' }) orderBy: AllianceOrder | null,
    @Ctx() ctx: Context,
  ): Promise<AllianceConnection> {
    // A malformed studio ID matches nothing rather than failing the whole list.
    const studioId = filter?.studioId ? (idOf(filter.studioId, 'Studio') ?? '00000000-0000-0000-0000-000000000000') : null;
    return listAlliances(ctx.em, filter ? { ...filter, studioId } : null, page, orderOf(orderBy, { [AllianceOrderField.NAME]: 'asc', id: 'asc' }));
  }

  @Authorized(Role.ORGANIZER, Role.ADMIN)
  @Mutation(() => AlliancePayload, { description: 'ORGANIZER or ADMIN. A REGIONAL alliance needs a region, an INDUSTRY alliance an industry; names are unique.' })
  async createAlliance(@Arg('input') input: CreateAllianceInput, @Ctx() ctx: Context): Promise<AlliancePayload> {
    return withUserErrors(async () => ({ alliance: await new AllianceService(ctx.em).create(ctx.viewer!, input) }));
  }

  @Authorized(Role.ORGANIZER, Role.ADMIN)
  @Mutation(() => AlliancePayload, { description: 'The alliance’s organizer (its creator) or an admin.' })
  async updateAlliance(@Arg('input') input: UpdateAllianceInput, @Ctx() ctx: Context): Promise<AlliancePayload> {
    return withUserErrors(async () => {
      const { allianceId, ...data } = input;
      const id = expectId(allianceId, 'Alliance', ['input', 'allianceId']);
      return { alliance: await new AllianceService(ctx.em).update(ctx.viewer!, id, data) };
    });
  }

  @FieldResolver(() => Boolean, { description: 'Whether you may change it (its organizer, or an admin).' })
  viewerCanEdit(@Root() a: Alliance, @Ctx() ctx: Context): boolean {
    return mayEditAlliance(ctx.viewer, a);
  }

  @Authorized(Role.STUDIO_MANAGER, Role.ADMIN)
  @Mutation(() => AllianceMembershipPayload, { description: 'The studio’s manager or an admin; accredited studios only, once per alliance.' })
  async joinAlliance(@Arg('input') input: AllianceMembershipInput, @Ctx() ctx: Context): Promise<AllianceMembershipPayload> {
    return withUserErrors(async () => {
      const { allianceId, studioId } = membershipIds(input);
      return new AllianceService(ctx.em).join(ctx.viewer!, allianceId, studioId);
    });
  }

  @Authorized(Role.STUDIO_MANAGER, Role.ADMIN)
  @Mutation(() => AllianceMembershipPayload, { description: 'The studio’s manager or an admin.' })
  async leaveAlliance(@Arg('input') input: AllianceMembershipInput, @Ctx() ctx: Context): Promise<AllianceMembershipPayload> {
    return withUserErrors(async () => {
      const { allianceId, studioId } = membershipIds(input);
      return new AllianceService(ctx.em).leave(ctx.viewer!, allianceId, studioId);
    });
  }

  @FieldResolver(() => AllianceMemberConnection, { description: 'Member studios in the order they joined. Public: only accredited studios are listed.' })
  async members(
    @Root() a: Alliance,
    @Args() args: ConnectionArgs,
    @Arg('orderBy', () => AllianceMemberOrder, { nullable: true, description: 'Default: the order they came in, oldest first.' }) orderBy: AllianceMemberOrder | null,
    @Ctx() ctx: Context,
  ): Promise<AllianceMemberConnection> {
    const page = await ctx.loaders.get(memberPages).load({ parentId: a.id, ...checkChildPage(args, orderBy?.direction) });
    const studios = (rows: ChildRow[]) => ctx.loaders.get(studioById).loadMany(rows.map((r) => r.studio_id as string));
    return childConnection<Studio, { joinedAt: Date }>(page, studios, (r) => ({ joinedAt: new Date(r.ord) }));
  }
}

@Resolver(() => Studio)
export class StudioAlliancesResolver {
  @FieldResolver(() => AllianceConnection, { description: 'Innovation alliances (职工技术创新联盟) the studio belongs to, in the order it joined them unless ordered otherwise. Public.' })
  async alliances(
    @Root() s: Studio,
    @Args() args: ConnectionArgs,
    @Arg('orderBy', () => StudioAllianceOrder, { nullable: true, description: 'Default: JOINED_AT ascending.' }) orderBy: StudioAllianceOrder | null,
    @Ctx() ctx: Context,
  ): Promise<AllianceConnection> {
    const page = await ctx.loaders.get(studioAlliancePages).load({ parentId: s.id, ...checkChildPage(args, orderBy?.direction) });
    return childConnection(page, (rows) => ctx.loaders.get(allianceById).loadMany(rows.map((r) => r.alliance_id as string)));
  }
}
