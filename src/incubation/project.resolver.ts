import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/core';
import type { Context } from '../context.js';
import { badInput, withUserErrors } from '../common/errors.js';
import { ConnectionArgs, expectId, idOf } from '../common/relay.js';
import { containsPattern, paginate } from '../common/pagination.js';
import { Role } from '../auth/role.js';
import { commonMessage, nameOf } from '../common/messages.js';
import { IncubationProject } from './incubation-project.entity.js';
import {
  AddMilestoneInput, AddProjectPartnerInput, AdvanceProjectInput, AdvanceProjectPayload, CompleteMilestoneInput, CreateIncubationProjectInput,
  IncubationProjectPayload, ProjectFundingPayload, ProjectMilestonePayload, ProjectPartnerPayload, RecordFundingInput, RemoveProjectMilestoneInput,
  RemoveProjectMilestonePayload, RemoveProjectPartnerInput, RemoveProjectPartnerPayload, UpdateProjectMilestoneInput, UpdateProjectPartnerInput,
} from './incubation.inputs.js';
import { IncubationProjectConnection, IncubationProjectFilter, IncubationProjectOrder } from './incubation.lists.js';
import { ProjectEditsService } from './project-edits.service.js';
import { IncubationService } from './incubation.service.js';
import { PROJECT_ORDER } from './incubation.loaders.js';
import { ProjectPartner } from './project-parts.entity.js';
import { orderOf } from '../common/pagination.js';

/** Who may start and run projects; ownership of a given project is checked in the service. */
const PROJECT_RUNNERS = [Role.STUDIO_MANAGER, Role.ORGANIZER];
const projectIdOf = (id: string) => expectId(id, 'IncubationProject', ['input', 'projectId']);

@Resolver(() => IncubationProject)
export class IncubationProjectResolver {
  @Query(() => IncubationProject, { nullable: true, description: 'Public; funding and gate history only to insiders (see their fields).' })
  async incubationProject(@Arg('id', () => ID, { description: 'An IncubationProject ID.' }) id: string, @Ctx() ctx: Context): Promise<IncubationProject | null> {
    const uuid = idOf(id, 'IncubationProject');
    return uuid ? ctx.em.findOne(IncubationProject, { id: uuid }) : null;
  }

  @Query(() => IncubationProjectConnection, { description: 'Incubation projects (孵化项目); public. Newest first unless ordered otherwise.' })
  async incubationProjects(
    @Args() page: ConnectionArgs,
    @Arg('filter', () => IncubationProjectFilter, { nullable: true, description: 'Which projects; all when omitted.' }) filter: IncubationProjectFilter | null,
    @Arg('orderBy', () => IncubationProjectOrder, { nullable: true, description: 'The order; newest first when omitted.' }) orderBy: IncubationProjectOrder | null,
    @Ctx() ctx: Context,
  ): Promise<IncubationProjectConnection> {
    const where: FilterQuery<IncubationProject> = {};
    if (filter?.stage) where.stage = filter.stage;
    if (filter?.field) where.field = filter.field.trim();
    if (filter?.studioId) {
      const studio = idOf(filter.studioId, 'Studio');
      if (!studio) throw badInput(commonMessage('notAnId', { field: 'filter.studioId', type: nameOf('Studio') }));
      where.studio = studio;
    }
    if (filter?.partnerKind) {
      // A semi-join, so a project with two partners of the kind is listed once.
      const withKind = ctx.em.createQueryBuilder(ProjectPartner, 'pp').select('pp.project_id').where({ kind: filter.partnerKind });
      where.id = { $in: withKind.getKnexQuery() as never };
    }
    if (filter?.search) where.title = { $ilike: containsPattern(filter.search) };
    return paginate(ctx.em, IncubationProject, where, page, orderOf(orderBy, { ...PROJECT_ORDER }));
  }

  @Authorized(...PROJECT_RUNNERS)
  @Mutation(() => IncubationProjectPayload, {
    description:
      'Starts a project at IDEA. STUDIO_MANAGER: with no studio or a studio they manage; ORGANIZER or ADMIN: any studio. ' +
      'The studio must be ACCREDITED and the lead worker one of its members. The creator (and the studio’s manager) own the project.',
  })
  async createIncubationProject(@Arg('input') input: CreateIncubationProjectInput, @Ctx() ctx: Context): Promise<IncubationProjectPayload> {
    return withUserErrors(async () => {
      const leadWorkerId = expectId(input.leadWorkerId, 'Worker', ['input', 'leadWorkerId']);
      const studioId = input.studioId ? expectId(input.studioId, 'Studio', ['input', 'studioId']) : null;
      const project = await new IncubationService(ctx.em).create(ctx.viewer!, { ...input, leadWorkerId, studioId });
      return { project };
    });
  }

  @Authorized(Role.REVIEWER)
  @Mutation(() => AdvanceProjectPayload, {
    description:
      'A stage-gate decision by a REVIEWER or ADMIN, kept in the gate history. PASS: IDEA → INCUBATING needs a partner, INCUBATING → PILOT ' +
      'a completed milestone, PILOT → GRADUATED recorded funding. HOLD stays. KILL → TERMINATED, the comment being the reason. ' +
      'GRADUATED and TERMINATED are final. Not by whoever runs the project, nor by a reviewer of the lead worker’s enterprise.',
  })
  async advanceProject(@Arg('input') input: AdvanceProjectInput, @Ctx() ctx: Context): Promise<AdvanceProjectPayload> {
    const decision = { ...input.gateDecision, expectedStage: input.expectedStage };
    return withUserErrors(() => new IncubationService(ctx.em).advance(ctx.viewer!, projectIdOf(input.projectId), decision));
  }

  @Authorized(...PROJECT_RUNNERS)
  @Mutation(() => ProjectPartnerPayload, { description: 'The project’s owner or an admin; not on GRADUATED or TERMINATED projects.' })
  async addProjectPartner(@Arg('input') input: AddProjectPartnerInput, @Ctx() ctx: Context): Promise<ProjectPartnerPayload> {
    return withUserErrors(() => new IncubationService(ctx.em).addPartner(ctx.viewer!, projectIdOf(input.projectId), input));
  }

  @Authorized(...PROJECT_RUNNERS)
  @Mutation(() => ProjectFundingPayload, { description: 'The project’s owner or an admin; not on GRADUATED or TERMINATED projects.' })
  async recordFunding(@Arg('input') input: RecordFundingInput, @Ctx() ctx: Context): Promise<ProjectFundingPayload> {
    return withUserErrors(() => new IncubationService(ctx.em).recordFunding(ctx.viewer!, projectIdOf(input.projectId), input));
  }

  @Authorized(...PROJECT_RUNNERS)
  @Mutation(() => ProjectMilestonePayload, { description: 'The project’s owner or an admin; not on GRADUATED or TERMINATED projects.' })
  async addMilestone(@Arg('input') input: AddMilestoneInput, @Ctx() ctx: Context): Promise<ProjectMilestonePayload> {
    return withUserErrors(() => new IncubationService(ctx.em).addMilestone(ctx.viewer!, projectIdOf(input.projectId), input));
  }

  @Authorized(...PROJECT_RUNNERS)
  @Mutation(() => ProjectMilestonePayload, { description: 'The project’s owner or an admin; once per milestone; not on GRADUATED or TERMINATED projects.' })
  async completeMilestone(@Arg('input') input: CompleteMilestoneInput, @Ctx() ctx: Context): Promise<ProjectMilestonePayload> {
    return withUserErrors(async () => {
      const milestoneId = expectId(input.milestoneId, 'ProjectMilestone', ['input', 'milestoneId']);
      return new IncubationService(ctx.em).completeMilestone(ctx.viewer!, milestoneId, input.note);
    });
  }

  @Authorized(...PROJECT_RUNNERS)
  @Mutation(() => ProjectPartnerPayload, {
    description: 'Corrects a partner: as addProjectPartner, the project’s owner or an admin, not on GRADUATED or TERMINATED projects. Raises the project’s version.',
  })
  async updateProjectPartner(@Arg('input') input: UpdateProjectPartnerInput, @Ctx() ctx: Context): Promise<ProjectPartnerPayload> {
    return withUserErrors(async () => {
      const partnerId = expectId(input.partnerId, 'ProjectPartner', ['input', 'partnerId']);
      return new ProjectEditsService(ctx.em).updatePartner(ctx.viewer!, partnerId, input);
    });
  }

  @Authorized(...PROJECT_RUNNERS)
  @Mutation(() => RemoveProjectPartnerPayload, {
    description:
      'Takes a partner off: the project’s owner or an admin, not on GRADUATED or TERMINATED projects. Gate decisions already taken stay as recorded; ' +
      'a project still at IDEA needs a partner again to pass its gate. Raises the project’s version.',
  })
  async removeProjectPartner(@Arg('input') input: RemoveProjectPartnerInput, @Ctx() ctx: Context): Promise<RemoveProjectPartnerPayload> {
    return withUserErrors(async () => {
      const partnerId = expectId(input.partnerId, 'ProjectPartner', ['input', 'partnerId']);
      return new ProjectEditsService(ctx.em).removePartner(ctx.viewer!, partnerId, input.version);
    });
  }

  @Authorized(...PROJECT_RUNNERS)
  @Mutation(() => ProjectMilestonePayload, {
    description:
      'Corrects a milestone not yet completed: the project’s owner or an admin, not on GRADUATED or TERMINATED projects. A completed milestone is ' +
      'the evidence of the INCUBATING gate and cannot be changed (INVALID_STATE). Raises the project’s version.',
  })
  async updateProjectMilestone(@Arg('input') input: UpdateProjectMilestoneInput, @Ctx() ctx: Context): Promise<ProjectMilestonePayload> {
    return withUserErrors(async () => {
      const milestoneId = expectId(input.milestoneId, 'ProjectMilestone', ['input', 'milestoneId']);
      return new ProjectEditsService(ctx.em).updateMilestone(ctx.viewer!, milestoneId, input);
    });
  }

  @Authorized(...PROJECT_RUNNERS)
  @Mutation(() => RemoveProjectMilestonePayload, {
    description:
      'Removes a milestone not yet completed: the project’s owner or an admin, not on GRADUATED or TERMINATED projects. A completed (reached) ' +
      'milestone cannot be removed (INVALID_STATE). Raises the project’s version.',
  })
  async removeProjectMilestone(@Arg('input') input: RemoveProjectMilestoneInput, @Ctx() ctx: Context): Promise<RemoveProjectMilestonePayload> {
    return withUserErrors(async () => {
      const milestoneId = expectId(input.milestoneId, 'ProjectMilestone', ['input', 'milestoneId']);
      return new ProjectEditsService(ctx.em).removeMilestone(ctx.viewer!, milestoneId, input.version);
    });
  }
}
