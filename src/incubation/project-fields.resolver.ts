import type DataLoader from 'dataloader';
import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { ConnectionArgs } from '../common/relay.js';
import { nestedConnection } from '../common/nested-connection.js';
import { registerNodeType } from '../common/node.resolver.js';
import { hasAnyRole } from '../auth/auth-checker.js';
import { UserSummary, userSummary } from '../auth/user-summary.js';
import { Enterprise } from '../registry/enterprise.entity.js';
import { Worker } from '../registry/worker.entity.js';
import { enterpriseById, workerById } from '../registry/registry.loaders.js';
import { REGISTRY_READERS } from '../registry/worker.resolver.js';
import { canSeeStudio } from '../studios/access.js';
import { Studio } from '../studios/studio.entity.js';
import { studioById } from '../studios/studios.loaders.js';
import { DecimalScalar } from '../studios/decimal.js';
import { ownsProject, seesProjectInternals } from './access.js';
import { nextGateNeeds } from './gates.js';
import { IncubationProject } from './incubation-project.entity.js';
import {
  GateDecisionConnection, GateDecisionOrder, IncubationProjectConnection, IncubationProjectOrder, ProjectFundingConnection, ProjectFundingOrder,
  ProjectMilestoneConnection, ProjectMilestoneOrder, ProjectPartnerConnection, ProjectPartnerOrder,
} from './incubation.lists.js';
import { fundingTotalByProject, PROJECT_ORDER, projectById } from './incubation.loaders.js';
import { GateDecision, ProjectFunding, ProjectMilestone, ProjectPartner } from './project-parts.entity.js';
import { orderOf } from '../common/pagination.js';

async function studioManagerId(ctx: Context, project: IncubationProject): Promise<string | null> {
  return project.studio ? ((await ctx.loaders.get(studioById).load(project.studio.id))?.manager.id ?? null) : null;
}

/** Money and gate history: the project's owners, REVIEWERs and ADMINs (answered from loaders, no query per row). */
async function isInsider(ctx: Context, project: IncubationProject): Promise<boolean> {
  if (!ctx.viewer) return false;
  return seesProjectInternals(ctx.viewer, project, await studioManagerId(ctx, project));
}

/**
 * Loads in the same tick as the visibility check rather than after it: whether the check needs the
 * studio row depends on the project, and loads issued after differing awaits would split into
 * several batches (statements growing with the list). Anonymous viewers load nothing.
 */
async function insiderOnly<T>(ctx: Context, project: IncubationProject, loader: DataLoader<string, T>): Promise<T | null> {
  if (!ctx.viewer) return null;
  const [value, insider] = await Promise.all([loader.load(project.id), isInsider(ctx, project)]);
  return insider ? value : null;
}

/** As insiderOnly for a page: `page()` starts its (batched) load in this tick, alongside the check. */
async function insiderOnlyPage<T>(ctx: Context, project: IncubationProject, page: () => Promise<T>): Promise<T | null> {
  if (!ctx.viewer) return null;
  const [value, insider] = await Promise.all([page(), isInsider(ctx, project)]);
  return insider ? value : null;
}

// node(id:) applies the same rules as the fields: projects, partners, milestones public; funding and gate decisions to insiders.
registerNodeType('IncubationProject', async (ctx, ids) => new Map((await ctx.em.find(IncubationProject, { id: { $in: ids } })).map((p) => [p.id, p])));
for (const [type, entity] of [['ProjectPartner', ProjectPartner], ['ProjectMilestone', ProjectMilestone]] as const) {
  registerNodeType(type, async (ctx, ids) => new Map((await ctx.em.find(entity as typeof ProjectPartner, { id: { $in: ids } })).map((r) => [r.id, r])));
}
for (const [type, entity] of [['ProjectFunding', ProjectFunding], ['GateDecision', GateDecision]] as const) {
  registerNodeType(type, async (ctx, ids) => {
    if (!ctx.viewer) return new Map();
    const rows = await ctx.em.find(entity as typeof ProjectFunding, { id: { $in: ids } });
    const projects = await ctx.loaders.get(projectById).loadMany(rows.map((r) => r.project.id));
    const visible = await Promise.all(projects.map((p) => (p instanceof IncubationProject ? isInsider(ctx, p) : false)));
    return new Map(rows.filter((_, i) => visible[i]).map((r) => [r.id, r]));
  });
}

@Resolver(() => IncubationProject)
export class IncubationProjectFieldsResolver {
  @FieldResolver(() => String, { nullable: true, description: 'What the next PASS needs, in the reader’s language (e.g. 进入“孵化”阶段需要至少一个合作方); null once final.' })
  nextGate(@Root() p: IncubationProject): string | null {
    return nextGateNeeds(p.stage);
  }

  @FieldResolver(() => String, { description: 'The lead worker’s name (public; the registry record is not).' })
  async leadWorkerName(@Root() p: IncubationProject, @Ctx() ctx: Context): Promise<string> {
    return (await ctx.loaders.get(workerById).load(p.leadWorker.id))?.name ?? '';
  }

  @FieldResolver(() => Worker, { nullable: true, description: 'The registry record; null unless you may read the registry.' })
  async leadWorker(@Root() p: IncubationProject, @Ctx() ctx: Context): Promise<Worker | null> {
    if (!ctx.viewer || !hasAnyRole(ctx.viewer.roles, REGISTRY_READERS)) return null;
    return ctx.loaders.get(workerById).load(p.leadWorker.id);
  }

  @FieldResolver(() => Enterprise, { description: 'The lead worker’s enterprise when the project started.' })
  async enterprise(@Root() p: IncubationProject, @Ctx() ctx: Context): Promise<Enterprise> {
    return (await ctx.loaders.get(enterpriseById).load(p.enterprise.id))!;
  }

  @FieldResolver(() => Studio, { nullable: true, description: 'The studio it comes from; null when none or not visible to you.' })
  async studio(@Root() p: IncubationProject, @Ctx() ctx: Context): Promise<Studio | null> {
    const studio = p.studio ? await ctx.loaders.get(studioById).load(p.studio.id) : null;
    return studio && canSeeStudio(ctx.viewer, studio) ? studio : null;
  }

  @FieldResolver(() => ProjectPartnerConnection, { description: 'Its partners (合作方), public; first added first unless ordered otherwise.' })
  async partners(
    @Root() p: IncubationProject,
    @Args() page: ConnectionArgs,
    @Arg('orderBy', () => ProjectPartnerOrder, { nullable: true, description: 'The order; first added first when omitted.' }) orderBy: ProjectPartnerOrder | null,
    @Ctx() ctx: Context,
  ): Promise<ProjectPartnerConnection> {
    return nestedConnection(ctx, { entity: ProjectPartner, parent: 'project' }, p.id, page, orderOf(orderBy, { addedAt: 'asc', id: 'asc' }));
  }

  @FieldResolver(() => ProjectMilestoneConnection, { description: 'Its milestones (里程碑), public; planned first, first unless ordered otherwise.' })
  async milestones(
    @Root() p: IncubationProject,
    @Args() page: ConnectionArgs,
    @Arg('orderBy', () => ProjectMilestoneOrder, { nullable: true, description: 'The order; first planned first when omitted.' }) orderBy: ProjectMilestoneOrder | null,
    @Ctx() ctx: Context,
  ): Promise<ProjectMilestoneConnection> {
    return nestedConnection(ctx, { entity: ProjectMilestone, parent: 'project' }, p.id, page, orderOf(orderBy, { createdAt: 'asc', id: 'asc' }));
  }

  @FieldResolver(() => ProjectFundingConnection, {
    nullable: true,
    description: 'Money received, earliest first unless ordered otherwise; null unless you own the project or are a REVIEWER or ADMIN.',
  })
  async funding(
    @Root() p: IncubationProject,
    @Args() page: ConnectionArgs,
    @Arg('orderBy', () => ProjectFundingOrder, { nullable: true, description: 'The order; earliest received first when omitted.' }) orderBy: ProjectFundingOrder | null,
    @Ctx() ctx: Context,
  ): Promise<ProjectFundingConnection | null> {
    return insiderOnlyPage(ctx, p, () => nestedConnection(ctx, { entity: ProjectFunding, parent: 'project' }, p.id, page, orderOf(orderBy, { receivedAt: 'asc', recordedAt: 'asc', id: 'asc' })));
  }

  @FieldResolver(() => DecimalScalar, { nullable: true, description: 'Sum of funding in yuan, exact; null unless you may see the funding.' })
  async fundingTotal(@Root() p: IncubationProject, @Ctx() ctx: Context): Promise<string | null> {
    return insiderOnly(ctx, p, ctx.loaders.get(fundingTotalByProject));
  }

  @FieldResolver(() => GateDecisionConnection, {
    nullable: true,
    description: 'Its gate decisions (阶段评审), oldest first unless ordered otherwise; null unless you own the project or are a REVIEWER or ADMIN.',
  })
  async gateHistory(
    @Root() p: IncubationProject,
    @Args() page: ConnectionArgs,
    @Arg('orderBy', () => GateDecisionOrder, { nullable: true, description: 'The order; oldest first when omitted.' }) orderBy: GateDecisionOrder | null,
    @Ctx() ctx: Context,
  ): Promise<GateDecisionConnection | null> {
    return insiderOnlyPage(ctx, p, () => nestedConnection(ctx, { entity: GateDecision, parent: 'project' }, p.id, page, orderOf(orderBy, { at: 'asc', id: 'asc' })));
  }

  @FieldResolver(() => Boolean, { description: 'Whether you may add, correct and remove its partners, funding and milestones (its creator, its studio’s manager, an admin).' })
  async viewerCanManage(@Root() p: IncubationProject, @Ctx() ctx: Context): Promise<boolean> {
    return !!ctx.viewer && ownsProject(ctx.viewer, p, await studioManagerId(ctx, p));
  }
}

@Resolver(() => GateDecision)
export class GateDecisionResolver {
  @FieldResolver(() => UserSummary, { description: 'The reviewer or admin who decided.' })
  async decidedBy(@Root() d: GateDecision, @Ctx() ctx: Context): Promise<UserSummary> {
    return userSummary(ctx, d.decidedBy.id);
  }

  @FieldResolver(() => IncubationProject, { description: 'The project decided on.' })
  async project(@Root() d: GateDecision, @Ctx() ctx: Context): Promise<IncubationProject> {
    return (await ctx.loaders.get(projectById).load(d.project.id))!;
  }
}

@Resolver(() => ProjectFunding)
export class ProjectFundingResolver {
  @FieldResolver(() => UserSummary, { description: 'Who recorded it.' })
  async recordedBy(@Root() f: ProjectFunding, @Ctx() ctx: Context): Promise<UserSummary> {
    return userSummary(ctx, f.recordedBy.id);
  }

  @FieldResolver(() => IncubationProject, { description: 'The project funded.' })
  async project(@Root() f: ProjectFunding, @Ctx() ctx: Context): Promise<IncubationProject> {
    return (await ctx.loaders.get(projectById).load(f.project.id))!;
  }
}

@Resolver(() => ProjectPartner)
export class ProjectPartnerResolver {
  @FieldResolver(() => IncubationProject, { description: 'The project it partners.' })
  async project(@Root() x: ProjectPartner, @Ctx() ctx: Context): Promise<IncubationProject> {
    return (await ctx.loaders.get(projectById).load(x.project.id))!;
  }
}

@Resolver(() => ProjectMilestone)
export class ProjectMilestoneResolver {
  @FieldResolver(() => IncubationProject, { description: 'The project it belongs to.' })
  async project(@Root() x: ProjectMilestone, @Ctx() ctx: Context): Promise<IncubationProject> {
    return (await ctx.loaders.get(projectById).load(x.project.id))!;
  }
}

@Resolver(() => Studio)
export class StudioProjectsResolver {
  @FieldResolver(() => IncubationProjectConnection, { description: 'The studio’s incubation projects, newest first unless ordered otherwise (public, as projects are).' })
  async projects(
    @Root() s: Studio,
    @Args() page: ConnectionArgs,
    @Arg('orderBy', () => IncubationProjectOrder, { nullable: true, description: 'The order; newest first when omitted.' }) orderBy: IncubationProjectOrder | null,
    @Ctx() ctx: Context,
  ): Promise<IncubationProjectConnection> {
    return nestedConnection(ctx, { entity: IncubationProject, parent: 'studio' }, s.id, page, orderOf(orderBy, { ...PROJECT_ORDER }));
  }
}
