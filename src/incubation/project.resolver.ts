import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/core';
import type { Context } from '../context.js';
import { badInput, withUserErrors } from '../common/errors.js';
import { ConnectionArgs, expectId, idOf } from '../common/relay.js';
import { containsPattern, paginate } from '../common/pagination.js';
import { Role } from '../auth/role.js';
import { IncubationProject } from './incubation-project.entity.js';
import {
  AddMilestoneInput, AddProjectPartnerInput, AdvanceProjectInput, AdvanceProjectPayload, CompleteMilestoneInput, CreateIncubationProjectInput,
  IncubationProjectConnection, IncubationProjectFilter, IncubationProjectPayload, ProjectFundingPayload, ProjectMilestonePayload,
  ProjectPartnerPayload, RecordFundingInput,
} from './incubation.inputs.js';
import { IncubationService } from './incubation.service.js';
import { PROJECT_ORDER } from './incubation.loaders.js';
import { ProjectPartner } from './project-parts.entity.js';

/** Who may start and run projects; ownership of a given project is checked in the service. */
const PROJECT_RUNNERS = [Role.STUDIO_MANAGER, Role.ORGANIZER];
const projectIdOf = (id: string) => expectId(id, 'IncubationProject', ['input', 'projectId']);

@Resolver(() => IncubationProject)
export class IncubationProjectResolver {
  @Query(() => IncubationProject, { nullable: true, description: 'Public; funding and gate history only to insiders (see their fields).' })
  async incubationProject(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<IncubationProject | null> {
    const uuid = idOf(id, 'IncubationProject');
    return uuid ? ctx.em.findOne(IncubationProject, { id: uuid }) : null;
  }

  @Query(() => IncubationProjectConnection, { description: 'Public. Newest first.' })
  async incubationProjects(
    @Args() page: ConnectionArgs,
    @Arg('filter', () => IncubationProjectFilter, { nullable: true }) filter: IncubationProjectFilter | null,
    @Ctx() ctx: Context,
  ): Promise<IncubationProjectConnection> {
    const where: FilterQuery<IncubationProject> = {};
    if (filter?.stage) where.stage = filter.stage;
    if (filter?.field) where.field = filter.field.trim();
    if (filter?.studioId) {
      const studio = idOf(filter.studioId, 'Studio');
      if (!studio) throw badInput('`filter.studioId` is not a Studio ID');
      where.studio = studio;
    }
    if (filter?.partnerKind) {
      // A semi-join, so a project with two partners of the kind is listed once.
      const withKind = ctx.em.createQueryBuilder(ProjectPartner, 'pp').select('pp.project_id').where({ kind: filter.partnerKind });
      where.id = { $in: withKind.getKnexQuery() as never };
    }
    if (filter?.search) where.title = { $ilike: containsPattern(filter.search) };
    return paginate(ctx.em, IncubationProject, where, page, { ...PROJECT_ORDER });
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
}
