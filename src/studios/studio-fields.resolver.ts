import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { ConnectionArgs } from '../common/relay.js';
import { nestedConnection } from '../common/nested-connection.js';
import { orderOf } from '../common/pagination.js';
import { StudioDecisionConnection, StudioDecisionOrder } from './studio-lists.inputs.js';
import type { Context } from '../context.js';
import { registerNodeType } from '../common/node.resolver.js';
import { hasAnyRole } from '../auth/auth-checker.js';
import { UserSummary, userSummary } from '../auth/user-summary.js';
import { Enterprise } from '../registry/enterprise.entity.js';
import { enterpriseById, workerById } from '../registry/registry.loaders.js';
import { Worker } from '../registry/worker.entity.js';
import { REGISTRY_READERS } from '../registry/worker.resolver.js';
import { canSeeStudio, isStudioManager, seesEveryStudio } from './access.js';
import { Studio } from './studio.entity.js';
import { StudioDecision } from './studio-decision.entity.js';
import { StudioMember } from './studio-member.entity.js';
import { StudioReport } from './studio-report.entity.js';
import { studioById } from './studios.loaders.js';

/** Worker records are personal data (registry readers only); the public sees names. */
const readsRegistry = (ctx: Context) => !!ctx.viewer && hasAnyRole(ctx.viewer.roles, REGISTRY_READERS);
/** The accreditation file (decisions with their comments, the manager) is for the manager, reviewers and admins. */
const readsFile = (ctx: Context, s: Studio) => seesEveryStudio(ctx.viewer) || isStudioManager(ctx.viewer, s);

registerNodeType('Studio', async (ctx, ids) => {
  const rows = await ctx.em.find(Studio, { id: { $in: ids } });
  return new Map(rows.filter((s) => canSeeStudio(ctx.viewer, s)).map((s) => [s.id, s]));
});
// Parts of a studio are visible with it; decisions with its file.
for (const [type, entity, rule] of [
  ['StudioMember', StudioMember, canSeeStudio],
  ['StudioReport', StudioReport, canSeeStudio],
  ['StudioDecision', StudioDecision, (v: Context['viewer'], s: Studio) => seesEveryStudio(v) || isStudioManager(v, s)],
] as const) {
  registerNodeType(type, async (ctx, ids) => {
    const rows = await ctx.em.find(entity as typeof StudioMember, { id: { $in: ids } }, { populate: ['studio'] });
    return new Map(rows.filter((r) => rule(ctx.viewer, r.studio.getEntity())).map((r) => [r.id, r]));
  });
}

@Resolver(() => Studio)
export class StudioFieldsResolver {
  @FieldResolver(() => Enterprise, { description: 'The enterprise the studio belongs to.' })
  async enterprise(@Root() s: Studio, @Ctx() ctx: Context): Promise<Enterprise> {
    return (await ctx.loaders.get(enterpriseById).load(s.enterprise.id))!;
  }

  @FieldResolver(() => String, { description: 'The leader’s (领衔人) name.' })
  async leaderName(@Root() s: Studio, @Ctx() ctx: Context): Promise<string> {
    return (await ctx.loaders.get(workerById).load(s.leader.id))?.name ?? '';
  }

  @FieldResolver(() => Worker, { nullable: true, description: 'The leader’s registry record; null unless you may read the registry.' })
  async leader(@Root() s: Studio, @Ctx() ctx: Context): Promise<Worker | null> {
    return readsRegistry(ctx) ? ctx.loaders.get(workerById).load(s.leader.id) : null;
  }

  @FieldResolver(() => UserSummary, { nullable: true, description: 'The STUDIO_MANAGER running it; null unless you are them, a reviewer or an admin.' })
  async manager(@Root() s: Studio, @Ctx() ctx: Context): Promise<UserSummary | null> {
    return readsFile(ctx, s) ? userSummary(ctx, s.manager.id) : null;
  }

  @FieldResolver(() => Boolean, { description: 'Whether you may run it (its manager, or an admin).' })
  viewerIsManager(@Root() s: Studio, @Ctx() ctx: Context): boolean {
    return isStudioManager(ctx.viewer, s);
  }

  @FieldResolver(() => StudioDecisionConnection, {
    nullable: true,
    description: 'Every accreditation move (the application, each resubmission and decision, each re-evaluation), oldest first unless ordered otherwise. Null unless you are the manager, a reviewer or an admin.',
  })
  async decisions(
    @Root() s: Studio,
    @Args() page: ConnectionArgs,
    @Arg('orderBy', () => StudioDecisionOrder, { nullable: true, description: 'Default: AT ascending.' }) orderBy: StudioDecisionOrder | null,
    @Ctx() ctx: Context,
  ): Promise<StudioDecisionConnection | null> {
    if (!readsFile(ctx, s)) return null;
    return nestedConnection(ctx, { entity: StudioDecision, parent: 'studio' }, s.id, page, orderOf(orderBy, { at: 'asc', id: 'asc' }));
  }
}

@Resolver(() => StudioMember)
export class StudioMemberResolver {
  @FieldResolver(() => String, { description: 'The member’s name (public, unlike the registry record).' })
  async name(@Root() m: StudioMember, @Ctx() ctx: Context): Promise<string> {
    return (await ctx.loaders.get(workerById).load(m.worker.id))?.name ?? '';
  }

  @FieldResolver(() => Worker, { nullable: true, description: 'The registry record; null unless you may read the registry.' })
  async worker(@Root() m: StudioMember, @Ctx() ctx: Context): Promise<Worker | null> {
    return readsRegistry(ctx) ? ctx.loaders.get(workerById).load(m.worker.id) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'An apprentice’s mentor (师傅).' })
  async mentorName(@Root() m: StudioMember, @Ctx() ctx: Context): Promise<string | null> {
    return m.mentor ? ((await ctx.loaders.get(workerById).load(m.mentor.id))?.name ?? null) : null;
  }

  @FieldResolver(() => Worker, { nullable: true, description: 'The mentor’s registry record; null unless you may read the registry.' })
  async mentor(@Root() m: StudioMember, @Ctx() ctx: Context): Promise<Worker | null> {
    return m.mentor && readsRegistry(ctx) ? ctx.loaders.get(workerById).load(m.mentor.id) : null;
  }

  @FieldResolver(() => Studio, { description: 'The studio they belong to.' })
  async studio(@Root() m: StudioMember, @Ctx() ctx: Context): Promise<Studio> {
    return (await ctx.loaders.get(studioById).load(m.studio.id))!;
  }
}

@Resolver(() => StudioReport)
export class StudioReportResolver {
  @FieldResolver(() => Studio, { description: 'The studio that filed it.' })
  async studio(@Root() r: StudioReport, @Ctx() ctx: Context): Promise<Studio> {
    return (await ctx.loaders.get(studioById).load(r.studio.id))!;
  }
}

@Resolver(() => StudioDecision)
export class StudioDecisionResolver {
  @FieldResolver(() => UserSummary, { description: 'Who made the move.' })
  async decidedBy(@Root() d: StudioDecision, @Ctx() ctx: Context): Promise<UserSummary> {
    return userSummary(ctx, d.by.id);
  }
}
