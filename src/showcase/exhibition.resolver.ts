import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { withUserErrors } from '../common/errors.js';
import { ConnectionArgs, expectId, idOf } from '../common/relay.js';
import { registerNodeType } from '../common/node.resolver.js';
import { Role } from '../auth/role.js';
import { orderOf } from '../common/pagination.js';
import { projectById } from '../incubation/incubation.loaders.js';
import { methodById } from '../methods/methods.loaders.js';
import { innovationById } from '../studios/studios.loaders.js';
import { ExhibitKind } from './enums.js';
import { Exhibition } from './exhibition.entity.js';
import {
  AddExhibitPayload, CreateExhibitionInput, ExhibitConnection, ExhibitInput, ExhibitionConnection, ExhibitionFilter, ExhibitionOrder, ExhibitOrder,
  ExhibitionOrderField, ExhibitionPayload, RemoveExhibitPayload, UpdateExhibitionInput, type Exhibit,
} from './exhibition.inputs.js';
import { dependsOnClock } from '../cache/clock.js';
import { ExhibitionService, listExhibitions, mayEditExhibition } from './exhibition.service.js';
import { checkChildPage, childConnection, type ChildRow } from '../common/child-pages.js';
import { exhibitPages } from './showcase.loaders.js';

const ORGANIZERS = [Role.ORGANIZER, Role.ADMIN];

registerNodeType('Exhibition', async (ctx, ids) => new Map((await ctx.em.find(Exhibition, { id: { $in: ids } })).map((e) => [e.id, e])));

@Resolver(() => Exhibition)
export class ExhibitionResolver {
  @Query(() => Exhibition, { nullable: true, description: 'An exhibition; null when there is none with this ID. Public.' })
  async exhibition(@Arg('id', () => ID, { description: 'The exhibition’s global ID.' }) id: string, @Ctx() ctx: Context): Promise<Exhibition | null> {
    const uuid = idOf(id, 'Exhibition');
    return uuid ? ctx.em.findOne(Exhibition, { id: uuid }) : null;
  }

  @Query(() => ExhibitionConnection, { description: 'Public. Soonest start first unless ordered otherwise.' })
  async exhibitions(
    @Args() page: ConnectionArgs,
    @Arg('filter', () => ExhibitionFilter, { nullable: true, description: 'Which exhibitions; all when omitted.' }) filter: ExhibitionFilter | null,
    @Arg('orderBy', () => ExhibitionOrder, { nullable: true, description: 'Default: STARTS_AT ascending.' }) orderBy: ExhibitionOrder | null,
    @Ctx() ctx: Context,
  ): Promise<ExhibitionConnection> {
    // `upcoming` is measured against the clock: which exhibitions match changes at some one's end.
    if (filter?.upcoming != null) dependsOnClock(ctx);
    return listExhibitions(ctx.em, filter, page, orderOf(orderBy, { [ExhibitionOrderField.STARTS_AT]: 'asc', id: 'asc' }));
  }

  @Authorized(...ORGANIZERS)
  @Mutation(() => ExhibitionPayload, { description: 'ORGANIZER or ADMIN; the creator curates its exhibits. endsAt after startsAt.' })
  async createExhibition(@Arg('input') input: CreateExhibitionInput, @Ctx() ctx: Context): Promise<ExhibitionPayload> {
    return withUserErrors(async () => ({ exhibition: await new ExhibitionService(ctx.em).create(ctx.viewer!, input) }));
  }

  @Authorized(...ORGANIZERS)
  @Mutation(() => ExhibitionPayload, { description: 'The exhibition’s organizer or an admin; endsAt stays after startsAt.' })
  async updateExhibition(@Arg('input') input: UpdateExhibitionInput, @Ctx() ctx: Context): Promise<ExhibitionPayload> {
    return withUserErrors(async () => {
      const { exhibitionId, ...data } = input;
      const id = expectId(exhibitionId, 'Exhibition', ['input', 'exhibitionId']);
      return { exhibition: await new ExhibitionService(ctx.em).update(ctx.viewer!, id, data) };
    });
  }

  @Authorized(...ORGANIZERS)
  @Mutation(() => AddExhibitPayload, {
    description: 'The exhibition’s organizer or an admin. Shows an innovation of an accredited studio, a NAMED operating method or a project not terminated; once each.',
  })
  async addExhibit(@Arg('input') input: ExhibitInput, @Ctx() ctx: Context): Promise<AddExhibitPayload> {
    return withUserErrors(async () => {
      const id = expectId(input.exhibitionId, 'Exhibition', ['input', 'exhibitionId']);
      return new ExhibitionService(ctx.em).addExhibit(ctx.viewer!, id, input.itemId);
    });
  }

  @Authorized(...ORGANIZERS)
  @Mutation(() => RemoveExhibitPayload, { description: 'The exhibition’s organizer or an admin.' })
  async removeExhibit(@Arg('input') input: ExhibitInput, @Ctx() ctx: Context): Promise<RemoveExhibitPayload> {
    return withUserErrors(async () => {
      const id = expectId(input.exhibitionId, 'Exhibition', ['input', 'exhibitionId']);
      return { exhibition: await new ExhibitionService(ctx.em).removeExhibit(ctx.viewer!, id, input.itemId), removedItemId: input.itemId };
    });
  }

  @FieldResolver(() => Boolean, { description: 'Whether you may change its exhibits (its organizer, or an admin).' })
  viewerCanEdit(@Root() e: Exhibition, @Ctx() ctx: Context): boolean {
    return mayEditExhibition(ctx.viewer, e);
  }

  @FieldResolver(() => ExhibitConnection, { description: 'In the order they were added. Public; items that stopped being public are left out.' })
  async exhibits(
    @Root() e: Exhibition,
    @Args() args: ConnectionArgs,
    @Arg('orderBy', () => ExhibitOrder, { nullable: true, description: 'Default: the order they came in, oldest first.' }) orderBy: ExhibitOrder | null,
    @Ctx() ctx: Context,
  ): Promise<ExhibitConnection> {
    const page = await ctx.loaders.get(exhibitPages).load({ parentId: e.id, ...checkChildPage(args, orderBy?.direction) });
    const items = (rows: ChildRow[]) => Promise.all(rows.map((r) => loadItem(ctx, r.kind as ExhibitKind, r.item_id as string)));
    return childConnection<Exhibit, { addedAt: Date }>(page, items, (r) => ({ addedAt: new Date(r.ord) }));
  }
}

/** Each kind through its own loader: one query per kind for the whole page. */
function loadItem(ctx: Context, kind: ExhibitKind, id: string): Promise<Exhibit | null> {
  switch (kind) {
    case ExhibitKind.INNOVATION: return ctx.loaders.get(innovationById).load(id);
    case ExhibitKind.OPERATING_METHOD: return ctx.loaders.get(methodById).load(id);
    case ExhibitKind.INCUBATION_PROJECT: return ctx.loaders.get(projectById).load(id);
  }
}
