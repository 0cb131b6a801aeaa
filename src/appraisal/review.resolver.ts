import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/core';
import type { Context } from '../context.js';
import { withUserErrors } from '../common/errors.js';
import { ConnectionArgs, expectId } from '../common/relay.js';
import { orderOf, paginate } from '../common/pagination.js';
import { registerNodeType } from '../common/node.resolver.js';
import { hasAnyRole } from '../auth/auth-checker.js';
import { Role } from '../auth/role.js';
import { userSummary, UserSummary } from '../auth/user-summary.js';
import { Worker } from '../registry/worker.entity.js';
import { workerById } from '../registry/registry.loaders.js';
import { SkillLevelChange } from '../registry/skill-level-change.entity.js';
import { AppraisalBody } from './appraisal-body.entity.js';
import { AppraisalCandidate } from './appraisal-candidate.entity.js';
import { AppraisalSession } from './appraisal-session.entity.js';
import { AppraisalFlag, AppraisalSample } from './appraisal-review.entity.js';
import { AppraisalReviewService } from './review.service.js';
import { APPRAISAL_READERS } from './access.js';
import { bodyById, candidateById, sessionById } from './appraisal.loaders.js';
import {
  AnnulAppraisalSessionInput, AnnulAppraisalSessionPayload, AppraisalFlagConnection, AppraisalFlagFilter, AppraisalFlagOrder, AppraisalFlagPayload,
  AppraisalSamplePayload, ResolveAppraisalFlagInput, SampleAppraisalSessionInput,
} from './appraisal.inputs.js';

const FLAG_READERS = [Role.ADMIN, Role.INSPECTOR];
const canRead = (ctx: Context, roles: Role[]) => !!ctx.viewer && hasAnyRole(ctx.viewer.roles, roles);
for (const [type, entity, roles] of [['AppraisalSample', AppraisalSample, APPRAISAL_READERS], ['AppraisalFlag', AppraisalFlag, FLAG_READERS]] as const) {
  registerNodeType(type, async (ctx, ids) => {
    if (!canRead(ctx, [...roles])) return new Map();
    const rows = await ctx.em.find(entity as typeof AppraisalFlag, { id: { $in: ids } });
    return new Map(rows.map((r) => [r.id, r]));
  });
}

const service = (ctx: Context) => new AppraisalReviewService(ctx.em, ctx.viewer!);
const candidates = async (ctx: Context, ids: string[]) =>
  (await ctx.loaders.get(candidateById).loadMany(ids)).filter((c): c is AppraisalCandidate => c instanceof AppraisalCandidate);

@Resolver(() => AppraisalFlag)
export class AppraisalFlagResolver {
  @Authorized(...FLAG_READERS)
  @Query(() => AppraisalFlagConnection, { description: 'ADMIN or INSPECTOR: workers flagged by annulments for a decision. Default order: CREATED_AT, ASC.' })
  async appraisalFlags(
    @Args() page: ConnectionArgs,
    @Arg('filter', () => AppraisalFlagFilter, { nullable: true, description: 'Narrows the list (status OPEN: what waits for a decision).' }) filter: AppraisalFlagFilter | null,
    @Arg('orderBy', () => AppraisalFlagOrder, { nullable: true, description: 'Default: CREATED_AT, ASC.' }) orderBy: AppraisalFlagOrder | null,
    @Ctx() ctx: Context,
  ): Promise<AppraisalFlagConnection> {
    const where: FilterQuery<AppraisalFlag> = filter?.status ? { status: filter.status } : {};
    return paginate(ctx.em, AppraisalFlag, where, page, orderOf(orderBy, { createdAt: 'asc', id: 'asc' }));
  }

  @FieldResolver(() => AppraisalSession, { description: 'The annulled session.' })
  async session(@Root() flag: AppraisalFlag, @Ctx() ctx: Context): Promise<AppraisalSession> {
    return (await ctx.loaders.get(sessionById).load(flag.session.id))!;
  }

  @FieldResolver(() => AppraisalCandidate, { description: 'The worker’s candidacy in that session (its certificate number included).' })
  async candidate(@Root() flag: AppraisalFlag, @Ctx() ctx: Context): Promise<AppraisalCandidate> {
    return (await ctx.loaders.get(candidateById).load(flag.candidate.id))!;
  }

  @FieldResolver(() => Worker, { description: 'The worker flagged.' })
  async worker(@Root() flag: AppraisalFlag, @Ctx() ctx: Context): Promise<Worker> {
    return (await ctx.loaders.get(workerById).load(flag.worker.id))!;
  }

  @Authorized(Role.INSPECTOR)
  @Mutation(() => AppraisalSamplePayload, { description: 'INSPECTOR: record a sample (抽查) of a closed session’s results with the findings.' })
  async sampleAppraisalSession(@Arg('input') input: SampleAppraisalSessionInput, @Ctx() ctx: Context): Promise<AppraisalSamplePayload> {
    return withUserErrors(async () => {
      const ids = input.candidateIds.map((id, i) => expectId(id, 'AppraisalCandidate', ['input', 'candidateIds', String(i)]));
      return { sample: await service(ctx).sample(expectId(input.sessionId, 'AppraisalSession', ['input', 'sessionId']), ids, input.findings) };
    });
  }

  @Authorized(Role.INSPECTOR)
  @Mutation(() => AnnulAppraisalSessionPayload, {
    description: 'INSPECTOR: annul a closed session’s results with a reason. Each level it granted is reverted by an ANNULMENT entry (recorded, not deleted); '
      + 'where a later change was built on that level, the worker is flagged for an ADMIN’s decision instead (appraisalFlags).',
  })
  async annulAppraisalSession(@Arg('input') input: AnnulAppraisalSessionInput, @Ctx() ctx: Context): Promise<AnnulAppraisalSessionPayload> {
    return withUserErrors(async () => service(ctx).annul(expectId(input.sessionId, 'AppraisalSession', ['input', 'sessionId']), input.reason));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => AppraisalFlagPayload, { description: 'ADMIN: decide a flagged worker: keep their level, or revert it (ANNULMENT) to the level before the annulled appraisal.' })
  async resolveAppraisalFlag(@Arg('input') input: ResolveAppraisalFlagInput, @Ctx() ctx: Context): Promise<AppraisalFlagPayload> {
    return withUserErrors(async () => ({ flag: await service(ctx).resolveFlag(expectId(input.flagId, 'AppraisalFlag', ['input', 'flagId']), input.decision, input.note) }));
  }
}

@Resolver(() => AppraisalSample)
export class AppraisalSampleResolver {
  @FieldResolver(() => UserSummary, { description: 'The INSPECTOR who recorded it.' })
  async inspector(@Root() sample: AppraisalSample, @Ctx() ctx: Context): Promise<UserSummary> {
    return userSummary(ctx, sample.inspector.id);
  }

  @FieldResolver(() => [AppraisalCandidate], { description: 'The sampled candidates (at most 50).' })
  async candidates(@Root() sample: AppraisalSample, @Ctx() ctx: Context): Promise<AppraisalCandidate[]> {
    return candidates(ctx, sample.candidateIds);
  }
}

@Resolver(() => SkillLevelChange)
export class SkillLevelChangeAppraisalResolver {
  @FieldResolver(() => AppraisalSession, {
    nullable: true,
    description: 'The appraisal session that granted (APPRAISAL) or annulled (ANNULMENT) this level; null otherwise, or for a viewer who may not read sessions.',
  })
  async appraisalSession(@Root() change: SkillLevelChange, @Ctx() ctx: Context): Promise<AppraisalSession | null> {
    if (!change.appraisalSessionId || !canRead(ctx, APPRAISAL_READERS)) return null;
    return ctx.loaders.get(sessionById).load(change.appraisalSessionId);
  }

  @FieldResolver(() => AppraisalBody, { nullable: true, description: 'The appraisal body of that session; null when none.' })
  async appraisalBody(@Root() change: SkillLevelChange, @Ctx() ctx: Context): Promise<AppraisalBody | null> {
    return change.appraisalBodyId ? ctx.loaders.get(bodyById).load(change.appraisalBodyId) : null;
  }
}
