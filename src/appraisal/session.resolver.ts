import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/core';
import type { Context } from '../context.js';
import { withUserErrors } from '../common/errors.js';
import { ConnectionArgs, expectId, idOf } from '../common/relay.js';
import { orderOf, paginate } from '../common/pagination.js';
import { nestedConnection } from '../common/nested-connection.js';
import { registerNodeType } from '../common/node.resolver.js';
import { hasAnyRole } from '../auth/auth-checker.js';
import { Role } from '../auth/role.js';
import { userSummary, UserSummary } from '../auth/user-summary.js';
import { Worker } from '../registry/worker.entity.js';
import { workerById } from '../registry/registry.loaders.js';
import { AppraisalBody } from './appraisal-body.entity.js';
import { AppraisalCandidate, AppraisalMark } from './appraisal-candidate.entity.js';
import { AppraisalSession } from './appraisal-session.entity.js';
import { AppraisalSample } from './appraisal-review.entity.js';
import { AppraisalSessionService } from './session.service.js';
import { APPRAISAL_READERS } from './access.js';
import { assessorsBySession, bodyById, marksByCandidate, sessionById } from './appraisal.loaders.js';
import {
  AddAppraisalAssessorInput, AddAppraisalCandidateInput, AppraisalCandidateConnection, AppraisalCandidateOrder, AppraisalCandidatePayload, AppraisalSampleConnection,
  AppraisalSessionConnection, AppraisalSessionFilter, AppraisalSessionOrder, AppraisalSessionPayload, CloseAppraisalSessionInput, ConfigureAppraisalSessionInput,
  CreateAppraisalSessionInput, EnterAppraisalMarksInput, RemoveAppraisalAssessorInput, RemoveAppraisalCandidateInput,
} from './appraisal.inputs.js';

const canRead = (ctx: Context) => !!ctx.viewer && hasAnyRole(ctx.viewer.roles, APPRAISAL_READERS);
for (const [type, entity] of [['AppraisalSession', AppraisalSession], ['AppraisalCandidate', AppraisalCandidate]] as const) {
  registerNodeType(type, async (ctx, ids) => {
    if (!canRead(ctx)) return new Map();
    const rows = await ctx.em.find(entity as typeof AppraisalSession, { id: { $in: ids } });
    return new Map(rows.map((r) => [r.id, r]));
  });
}

const service = (ctx: Context) => new AppraisalSessionService(ctx.em, ctx.viewer!);
const NONE = '00000000-0000-0000-0000-000000000000';

@Resolver(() => AppraisalSession)
export class AppraisalSessionResolver {
  @Authorized(...APPRAISAL_READERS)
  @Query(() => AppraisalSessionConnection, { description: 'Appraisal sessions (ADMIN, ORGANIZER, APPRAISER, INSPECTOR). Default order: CREATED_AT, DESC (newest first).' })
  async appraisalSessions(
    @Args() page: ConnectionArgs,
    @Arg('filter', () => AppraisalSessionFilter, { nullable: true, description: 'Narrows the list; all conditions given must hold.' }) filter: AppraisalSessionFilter | null,
    @Arg('orderBy', () => AppraisalSessionOrder, { nullable: true, description: 'Default: CREATED_AT, DESC.' }) orderBy: AppraisalSessionOrder | null,
    @Ctx() ctx: Context,
  ): Promise<AppraisalSessionConnection> {
    const where: FilterQuery<AppraisalSession> = {};
    if (filter?.bodyId) where.body = idOf(filter.bodyId, 'AppraisalBody') ?? NONE;
    if (filter?.status) where.status = filter.status;
    return paginate(ctx.em, AppraisalSession, where, page, orderOf(orderBy, { createdAt: 'desc', id: 'desc' }));
  }

  @FieldResolver(() => AppraisalBody, { description: 'The appraisal body running the session.' })
  async body(@Root() session: AppraisalSession, @Ctx() ctx: Context): Promise<AppraisalBody> {
    return (await ctx.loaders.get(bodyById).load(session.body.id))!;
  }

  @FieldResolver(() => AppraisalCandidateConnection, { description: 'The candidates with their results. Default order: ADDED_AT, ASC.' })
  async candidates(
    @Root() session: AppraisalSession,
    @Args() page: ConnectionArgs,
    @Arg('orderBy', () => AppraisalCandidateOrder, { nullable: true, description: 'Default: ADDED_AT, ASC.' }) orderBy: AppraisalCandidateOrder | null,
    @Ctx() ctx: Context,
  ): Promise<AppraisalCandidateConnection> {
    return nestedConnection(ctx, { entity: AppraisalCandidate, parent: 'session' }, session.id, page, orderOf(orderBy, { addedAt: 'asc', id: 'asc' })) as Promise<AppraisalCandidateConnection>;
  }

  @FieldResolver(() => [UserSummary], { description: 'The assessors (考评员) who enter marks, in the order named; at most 15.' })
  async assessors(@Root() session: AppraisalSession, @Ctx() ctx: Context): Promise<UserSummary[]> {
    const rows = await ctx.loaders.get(assessorsBySession).load(session.id);
    return Promise.all(rows.map((a) => userSummary(ctx, a.user.id)));
  }

  @FieldResolver(() => AppraisalSampleConnection, { description: 'The INSPECTORs’ samples (抽查) of its results, oldest first.' })
  async samples(@Root() session: AppraisalSession, @Args() page: ConnectionArgs, @Ctx() ctx: Context): Promise<AppraisalSampleConnection> {
    return nestedConnection(ctx, { entity: AppraisalSample, parent: 'session' }, session.id, page, { createdAt: 'asc', id: 'asc' }) as Promise<AppraisalSampleConnection>;
  }

  @Authorized(Role.APPRAISER)
  @Mutation(() => AppraisalSessionPayload, { description: 'APPRAISER of the body (its enterprise is their scope) or ADMIN: open an appraisal session for a trade and target level.' })
  async createAppraisalSession(@Arg('input') input: CreateAppraisalSessionInput, @Ctx() ctx: Context): Promise<AppraisalSessionPayload> {
    return withUserErrors(async () => ({ session: await service(ctx).create(expectId(input.bodyId, 'AppraisalBody', ['input', 'bodyId']), input) }));
  }

  @Authorized(Role.APPRAISER)
  @Mutation(() => AppraisalSessionPayload, { description: 'The session’s runner: change the weights (sum 100, the last three at least 40) or pass mark while it is open.' })
  async configureAppraisalSession(@Arg('input') input: ConfigureAppraisalSessionInput, @Ctx() ctx: Context): Promise<AppraisalSessionPayload> {
    return withUserErrors(async () => ({ session: await service(ctx).configure(expectId(input.sessionId, 'AppraisalSession', ['input', 'sessionId']), input) }));
  }

  @Authorized(Role.APPRAISER)
  @Mutation(() => AppraisalCandidatePayload, { description: 'The session’s runner: add a registry worker as a candidate; the eligibility rules are checked (userErrors NOT_ELIGIBLE name the rule).' })
  async addAppraisalCandidate(@Arg('input') input: AddAppraisalCandidateInput, @Ctx() ctx: Context): Promise<AppraisalCandidatePayload> {
    return withUserErrors(async () => ({
      candidate: await service(ctx).addCandidate(expectId(input.sessionId, 'AppraisalSession', ['input', 'sessionId']), expectId(input.workerId, 'Worker', ['input', 'workerId'])),
    }));
  }

  @Authorized(Role.APPRAISER)
  @Mutation(() => AppraisalSessionPayload, { description: 'The session’s runner: name a user with the APPRAISER role as an assessor.' })
  async addAppraisalAssessor(@Arg('input') input: AddAppraisalAssessorInput, @Ctx() ctx: Context): Promise<AppraisalSessionPayload> {
    return withUserErrors(async () => ({
      session: await service(ctx).addAssessor(expectId(input.sessionId, 'AppraisalSession', ['input', 'sessionId']), expectId(input.userId, 'User', ['input', 'userId'])),
    }));
  }

  @Authorized(Role.APPRAISER)
  @Mutation(() => AppraisalSessionPayload, { description: 'The session’s runner, while it is OPEN: take a candidate off before any assessor has marked them (else INVALID_STATE).' })
  async removeAppraisalCandidate(@Arg('input') input: RemoveAppraisalCandidateInput, @Ctx() ctx: Context): Promise<AppraisalSessionPayload> {
    return withUserErrors(async () => ({ session: await service(ctx).removeCandidate(expectId(input.candidateId, 'AppraisalCandidate', ['input', 'candidateId'])) }));
  }

  @Authorized(Role.APPRAISER)
  @Mutation(() => AppraisalSessionPayload, { description: 'The session’s runner, while it is OPEN: take an assessor off before they have marked anyone in it (else INVALID_STATE).' })
  async removeAppraisalAssessor(@Arg('input') input: RemoveAppraisalAssessorInput, @Ctx() ctx: Context): Promise<AppraisalSessionPayload> {
    return withUserErrors(async () => ({
      session: await service(ctx).removeAssessor(expectId(input.sessionId, 'AppraisalSession', ['input', 'sessionId']), expectId(input.userId, 'User', ['input', 'userId'])),
    }));
  }

  @Authorized(Role.APPRAISER)
  @Mutation(() => AppraisalCandidatePayload, {
    description: 'An assessor of the session: enter marks (0–100 per component) for a candidate; in an external session never for a candidate of the assessor’s own enterprise (CONFLICT_OF_INTEREST).',
  })
  async enterAppraisalMarks(@Arg('input') input: EnterAppraisalMarksInput, @Ctx() ctx: Context): Promise<AppraisalCandidatePayload> {
    return withUserErrors(async () => ({
      candidate: await service(ctx).enterMarks(expectId(input.candidateId, 'AppraisalCandidate', ['input', 'candidateId']), input.marks),
    }));
  }

  @Authorized(Role.APPRAISER)
  @Mutation(() => AppraisalSessionPayload, {
    description: 'The session’s runner: close it; each candidate’s weighted result passes or fails against the pass mark, and each pass is written into the worker’s skillLevelHistory (APPRAISAL, one level up, with a certificate number).',
  })
  async closeAppraisalSession(@Arg('input') input: CloseAppraisalSessionInput, @Ctx() ctx: Context): Promise<AppraisalSessionPayload> {
    return withUserErrors(async () => ({ session: await service(ctx).close(expectId(input.sessionId, 'AppraisalSession', ['input', 'sessionId'])) }));
  }
}

@Resolver(() => AppraisalCandidate)
export class AppraisalCandidateResolver {
  @FieldResolver(() => Worker, { description: 'The worker appraised.' })
  async worker(@Root() candidate: AppraisalCandidate, @Ctx() ctx: Context): Promise<Worker> {
    return (await ctx.loaders.get(workerById).load(candidate.worker.id))!;
  }

  @FieldResolver(() => AppraisalSession, { description: 'The session.' })
  async session(@Root() candidate: AppraisalCandidate, @Ctx() ctx: Context): Promise<AppraisalSession> {
    return (await ctx.loaders.get(sessionById).load(candidate.session.id))!;
  }

  @FieldResolver(() => [AppraisalMark], { description: 'Each assessor’s marks for this candidate; at most one per assessor (15).' })
  async marks(@Root() candidate: AppraisalCandidate, @Ctx() ctx: Context): Promise<AppraisalMark[]> {
    return ctx.loaders.get(marksByCandidate).load(candidate.id);
  }
}

@Resolver(() => AppraisalMark)
export class AppraisalMarkResolver {
  @FieldResolver(() => UserSummary, { description: 'The assessor who entered the marks.' })
  async assessor(@Root() mark: AppraisalMark, @Ctx() ctx: Context): Promise<UserSummary> {
    return userSummary(ctx, mark.assessor.id);
  }
}
