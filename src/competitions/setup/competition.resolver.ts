import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/core';
import type { Context } from '../../context.js';
import { withUserErrors } from '../../common/errors.js';
import { ConnectionArgs, expectId, idOf } from '../../common/relay.js';
import { containsPattern, orderOf, paginate } from '../../common/pagination.js';
import { registerNodeType } from '../../common/node.resolver.js';
import { UserSummary, userById, userSummary } from '../../auth/user-summary.js';
import { Enterprise } from '../../registry/enterprise.entity.js';
import { enterpriseById } from '../../registry/registry.loaders.js';
import { isOwner, isStaff, ORGANIZER_ROLES, seesPanelOf } from '../access.js';
import { Competition } from './competition.entity.js';
import { CompetitionTransition } from './competition-transition.entity.js';
import {
  CompetitionConnection, CompetitionFilter, CompetitionOrder, CompetitionOrderField, CompetitionPayload, CompetitionTransitionConnection, CompetitionTransitionInput,
  CompetitionTransitionOrder, ExtendRegistrationDeadlineInput, CreateCompetitionInput, Eligibility, UpdateCompetitionInput,
} from './competition.inputs.js';
import { CompetitionService, type CompetitionData } from './competition.service.js';
import { assignmentsByCompetition, stagesByCompetition } from '../competitions.loaders.js';
import { nestedConnection } from '../../common/nested-connection.js';
import { EntryConnection, EntryFilter } from '../entries/entry.inputs.js';
import { listEntries } from '../entries/entry.service.js';
import { JudgeAssignment } from '../judging/judge-assignment.entity.js';
import { JudgeAssignmentConnection, JudgeAssignmentOrder } from '../judging/orders.js';
import type { LifecycleAction } from './lifecycle.js';
import { Stage } from './stage.entity.js';
import { MAX_STAGES } from './scheme.service.js';

/** China Standard Time (UTC+8, no DST): a competition's "year" is the local calendar year. */
const CST_OFFSET_MS = 8 * 3600 * 1000;

/** Lifecycle history is staff business: organizers (the owner among them) and admins, not judges, not the public. */
const seesTransitions = (ctx: Context) => isStaff(ctx.viewer);

registerNodeType('Competition', async (ctx, ids) => new Map((await ctx.em.find(Competition, { id: { $in: ids } })).map((c) => [c.id, c])));
registerNodeType('CompetitionTransition', async (ctx, ids) => {
  if (!seesTransitions(ctx)) return new Map();
  const rows = await ctx.em.find(CompetitionTransition, { id: { $in: ids } });
  return new Map(rows.map((r) => [r.id, r]));
});

/** Global IDs of the input → uuids, each bad one a userError naming its field. */
function competitionData(input: CreateCompetitionInput | UpdateCompetitionInput): CompetitionData {
  const eligibility = input.eligibility
    ? {
        ...input.eligibility,
        enterpriseIds: (input.eligibility.enterpriseIds ?? []).map((id, i) => expectId(id, 'Enterprise', ['input', 'eligibility', 'enterpriseIds', String(i)])),
      }
    : input.eligibility;
  const hostEnterpriseId = input.hostEnterpriseId ? expectId(input.hostEnterpriseId, 'Enterprise', ['input', 'hostEnterpriseId']) : null;
  const { competitionId: _ignored, ...rest } = input as UpdateCompetitionInput;
  return { ...rest, eligibility, hostEnterpriseId };
}

@Resolver(() => CompetitionTransition)
export class CompetitionTransitionResolver {
  @FieldResolver(() => UserSummary, { name: 'by', description: 'Who made the move.' })
  async transitionBy(@Root() t: CompetitionTransition, @Ctx() ctx: Context): Promise<UserSummary> {
    return userSummary(ctx, t.by.id);
  }
}

@Resolver(() => Competition)
export class CompetitionResolver {
  @Query(() => Competition, { nullable: true, description: 'One competition by its ID; public. Null when there is none (or the ID is not a Competition’s).' })
  async competition(@Arg('id', () => ID, { description: 'The competition’s global ID.' }) id: string, @Ctx() ctx: Context): Promise<Competition | null> {
    const uuid = idOf(id, 'Competition');
    return uuid ? ctx.em.findOne(Competition, { id: uuid }) : null;
  }

  @Query(() => CompetitionConnection, { description: 'Public. Newest start first unless ordered otherwise.' })
  async competitions(
    @Args() page: ConnectionArgs,
    @Arg('filter', () => CompetitionFilter, { nullable: true, description: 'Which competitions; null = all.' }) filter: CompetitionFilter | null,
    @Arg('orderBy', () => CompetitionOrder, { nullable: true, description: 'The order; null = newest start first (STARTS_AT, DESC).' }) orderBy: CompetitionOrder | null,
    @Ctx() ctx: Context,
  ): Promise<CompetitionConnection> {
    const where: FilterQuery<Competition> = {};
    if (filter?.kind) where.kind = filter.kind;
    if (filter?.status) where.status = filter.status;
    if (filter?.level) where.level = filter.level;
    if (filter?.trade) where.trade = filter.trade;
    if (filter?.year != null) {
      where.startsAt = { $gte: new Date(Date.UTC(filter.year, 0, 1) - CST_OFFSET_MS), $lt: new Date(Date.UTC(filter.year + 1, 0, 1) - CST_OFFSET_MS) };
    }
    if (filter?.search) where.title = { $ilike: containsPattern(filter.search) };
    return paginate(ctx.em, Competition, where, page, orderOf(orderBy, { [CompetitionOrderField.STARTS_AT]: 'desc', id: 'desc' }));
  }

  @Authorized(...ORGANIZER_ROLES)
  @Mutation(() => CompetitionPayload, { description: 'ORGANIZER or ADMIN; the creator owns the competition. Starts as DRAFT.' })
  async createCompetition(@Arg('input') input: CreateCompetitionInput, @Ctx() ctx: Context): Promise<CompetitionPayload> {
    return withUserErrors(async () => ({ competition: await new CompetitionService(ctx.em).create(ctx.viewer!, competitionData(input)) }));
  }

  @Authorized(...ORGANIZER_ROLES)
  @Mutation(() => CompetitionPayload, { description: 'The owner or an admin.' })
  async updateCompetition(@Arg('input') input: UpdateCompetitionInput, @Ctx() ctx: Context): Promise<CompetitionPayload> {
    return withUserErrors(async () => {
      const id = expectId(input.competitionId, 'Competition', ['input', 'competitionId']);
      return { competition: await new CompetitionService(ctx.em).update(ctx.viewer!, id, competitionData(input)) };
    });
  }

  @Authorized(...ORGANIZER_ROLES)
  @Mutation(() => CompetitionPayload, { description: 'The owner or an admin: move the registration deadline later, with a recorded reason (DRAFT or REGISTRATION_OPEN).' })
  async extendRegistrationDeadline(@Arg('input') input: ExtendRegistrationDeadlineInput, @Ctx() ctx: Context): Promise<CompetitionPayload> {
    return withUserErrors(async () => {
      const id = expectId(input.competitionId, 'Competition', ['input', 'competitionId']);
      return { competition: await new CompetitionService(ctx.em).extendRegistrationDeadline(ctx.viewer!, id, input.registrationDeadline, input.reason) };
    });
  }

  private move(ctx: Context, input: CompetitionTransitionInput, action: LifecycleAction): Promise<CompetitionPayload> {
    return withUserErrors(async () => {
      const id = expectId(input.competitionId, 'Competition', ['input', 'competitionId']);
      return { competition: await new CompetitionService(ctx.em).transition(ctx.viewer!, id, action, input.reason) };
    });
  }

  @Authorized(...ORGANIZER_ROLES)
  @Mutation(() => CompetitionPayload, { description: 'DRAFT → REGISTRATION_OPEN; the marking scheme must be valid (stage weights sum to 100).' })
  async openRegistration(@Arg('input') input: CompetitionTransitionInput, @Ctx() ctx: Context): Promise<CompetitionPayload> {
    return this.move(ctx, input, 'openRegistration');
  }

  @Authorized(...ORGANIZER_ROLES)
  @Mutation(() => CompetitionPayload, { description: 'REGISTRATION_OPEN → REGISTRATION_CLOSED.' })
  async closeRegistration(@Arg('input') input: CompetitionTransitionInput, @Ctx() ctx: Context): Promise<CompetitionPayload> {
    return this.move(ctx, input, 'closeRegistration');
  }

  @Authorized(...ORGANIZER_ROLES)
  @Mutation(() => CompetitionPayload, {
    description: 'REGISTRATION_CLOSED → IN_PROGRESS: needs lots drawn, an active entry, and judges on every stage (3 for TRIMMED_MEAN panels).',
  })
  async startCompetition(@Arg('input') input: CompetitionTransitionInput, @Ctx() ctx: Context): Promise<CompetitionPayload> {
    return this.move(ctx, input, 'startCompetition');
  }

  @Authorized(...ORGANIZER_ROLES)
  @Mutation(() => CompetitionPayload, {
    description: 'IN_PROGRESS → SCORING_CLOSED: no more marks; closes every stage’s marking. Refused while marks are missing, one userError per entry (start number and criteria), unless the chief judge accepted the gap (acceptMarkingGap); absent, withdrawn and disqualified entries need none.',
  })
  async closeScoring(@Arg('input') input: CompetitionTransitionInput, @Ctx() ctx: Context): Promise<CompetitionPayload> {
    return this.move(ctx, input, 'closeScoring');
  }

  @Authorized(...ORGANIZER_ROLES)
  @Mutation(() => CompetitionPayload, { description: 'SCORING_CLOSED → IN_PROGRESS; reason required. Reopens every stage’s marking and voids every stage sign-off.' })
  async reopenScoring(@Arg('input') input: CompetitionTransitionInput, @Ctx() ctx: Context): Promise<CompetitionPayload> {
    return this.move(ctx, input, 'reopenScoring');
  }

  @Authorized(...ORGANIZER_ROLES)
  @Mutation(() => CompetitionPayload, { description: 'Any state before FINALIZED → CANCELLED; reason required.' })
  async cancelCompetition(@Arg('input') input: CompetitionTransitionInput, @Ctx() ctx: Context): Promise<CompetitionPayload> {
    return this.move(ctx, input, 'cancelCompetition');
  }

  @FieldResolver(() => Enterprise, { nullable: true, description: 'The host enterprise of an ENTERPRISE-level competition; null for other levels.' })
  async hostEnterprise(@Root() c: Competition, @Ctx() ctx: Context): Promise<Enterprise | null> {
    return c.hostEnterprise ? ctx.loaders.get(enterpriseById).load(c.hostEnterprise.id) : null;
  }

  @FieldResolver(() => String, { description: 'The organizer running it (their display name only).' })
  async organizerName(@Root() c: Competition, @Ctx() ctx: Context): Promise<string> {
    return (await ctx.loaders.get(userById).load(c.owner.id))?.displayName ?? '';
  }

  @FieldResolver(() => Boolean, { description: 'Whether you may change it (its organizer, or an admin).' })
  viewerIsOwner(@Root() c: Competition, @Ctx() ctx: Context): boolean {
    return isOwner(ctx.viewer, c);
  }

  @FieldResolver(() => Eligibility, { description: 'Who may enter (trades, skill levels, enterprises); public.' })
  async eligibility(@Root() c: Competition, @Ctx() ctx: Context): Promise<Eligibility> {
    const enterprises = await ctx.loaders.get(enterpriseById).loadMany(c.eligibleEnterpriseIds);
    return {
      trades: c.eligibleTrades.length ? c.eligibleTrades : [c.trade],
      minSkillLevel: c.minSkillLevel,
      maxSkillLevel: c.maxSkillLevel,
      enterprises: enterprises.filter((e): e is Enterprise => e instanceof Enterprise),
    };
  }

  @FieldResolver(() => [Stage], { description: `The marking scheme (评分方案), in order; public. At most ${MAX_STAGES} stages (addStage refuses more).` })
  async stages(@Root() c: Competition, @Ctx() ctx: Context): Promise<Stage[]> {
    return ctx.loaders.get(stagesByCompetition).load(c.id);
  }

  @FieldResolver(() => EntryConnection, { description: 'In start order (start number, then registration); public.' })
  async entries(
    @Root() c: Competition,
    @Args() page: ConnectionArgs,
    @Arg('filter', () => EntryFilter, { nullable: true, description: 'Which entries; null = all.' }) filter: EntryFilter | null,
    @Ctx() ctx: Context,
  ): Promise<EntryConnection> {
    return listEntries(ctx.em, c.id, filter?.status, page);
  }

  @FieldResolver(() => JudgeAssignmentConnection, {
    nullable: true,
    description: 'The panel, in the order judges were assigned unless ordered otherwise; null unless you are on it, its organizer or an admin.',
  })
  async judges(
    @Root() c: Competition,
    @Args() page: ConnectionArgs,
    @Arg('includeRemoved', { defaultValue: false, description: 'Also judges removed from the panel.' }) includeRemoved: boolean,
    @Arg('orderBy', () => JudgeAssignmentOrder, { nullable: true, description: 'Default: ASSIGNED_AT ascending.' }) orderBy: JudgeAssignmentOrder | null,
    @Ctx() ctx: Context,
  ): Promise<JudgeAssignmentConnection | null> {
    const viewer = ctx.viewer;
    if (!viewer) return null;
    // seesPanel's rule, answered from the batched panel rather than a query per competition.
    if (!seesPanelOf(viewer, c, await ctx.loaders.get(assignmentsByCompetition).load(c.id))) return null;
    const list = { entity: JudgeAssignment, parent: 'competition', where: includeRemoved ? undefined : { removedAt: null } };
    return nestedConnection(ctx, list, c.id, page, orderOf(orderBy, { assignedAt: 'asc', id: 'asc' }));
  }

  @FieldResolver(() => CompetitionTransitionConnection, {
    nullable: true,
    description: 'Lifecycle history (every move, and every moved registration deadline), oldest first unless ordered otherwise; null unless you are an organizer or an admin.',
  })
  async transitions(
    @Root() c: Competition,
    @Args() page: ConnectionArgs,
    @Arg('orderBy', () => CompetitionTransitionOrder, { nullable: true, description: 'The order; null = oldest first (AT, ASC).' }) orderBy: CompetitionTransitionOrder | null,
    @Ctx() ctx: Context,
  ): Promise<CompetitionTransitionConnection | null> {
    if (!seesTransitions(ctx)) return null;
    return nestedConnection(ctx, { entity: CompetitionTransition, parent: 'competition' }, c.id, page, orderOf(orderBy, { at: 'asc', id: 'asc' }));
  }
}
