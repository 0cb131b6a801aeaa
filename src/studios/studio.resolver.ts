import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/core';
import type { Context } from '../context.js';
import { withUserErrors } from '../common/errors.js';
import { ConnectionArgs, expectId, idOf } from '../common/relay.js';
import { containsPattern, orderOf, paginate } from '../common/pagination.js';
import { Role } from '../auth/role.js';
import { canSeeStudio, visibleStudiosWhere } from './access.js';
import { REVIEW_DUE, type StudioMove } from './accreditation.js';
import { StudioAction, type StudioReevaluationDecision, type StudioReviewDecision } from './enums.js';
import { MemberService } from './member.service.js';
import { ReportService } from './report.service.js';
import { Studio } from './studio.entity.js';
import {
  AddStudioMemberInput, ApplyForStudioInput, ReevaluateStudioInput, RemoveStudioMemberInput, ResubmitStudioInput, ReviewStudioInput,
  StudioConnection, StudioFilter, StudioMemberPayload, StudioOrder, StudioOrderField, StudioPayload, StudioReportPayload,
  SubmitStudioReportInput, UpdateStudioInput,
} from './studio.inputs.js';
import { StudioService } from './studio.service.js';

const MANAGERS = [Role.STUDIO_MANAGER, Role.ADMIN];
const REVIEWERS = [Role.REVIEWER, Role.ADMIN];
/** The decision enums are subsets of StudioAction, value for value. */
const asMove = (d: StudioReviewDecision | StudioReevaluationDecision) => StudioAction[d] as StudioMove;
const NO_MATCH = '00000000-0000-0000-0000-000000000000';

@Resolver(() => Studio)
export class StudioResolver {
  @Query(() => Studio, { nullable: true, description: 'Accredited studios are public; others only for their manager, reviewers and admins (null otherwise).' })
  async studio(@Arg('id', () => ID, { description: 'The studio’s global ID.' }) id: string, @Ctx() ctx: Context): Promise<Studio | null> {
    const uuid = idOf(id, 'Studio');
    const studio = uuid ? await ctx.em.findOne(Studio, { id: uuid }) : null;
    return studio && canSeeStudio(ctx.viewer, studio) ? studio : null;
  }

  @Query(() => StudioConnection, { description: 'Studios you may see (accredited ones for everyone), by name unless ordered otherwise.' })
  async studios(
    @Args() page: ConnectionArgs,
    @Arg('filter', () => StudioFilter, { nullable: true, description: 'Which studios; all you may see when omitted.' }) filter: StudioFilter | null,
    @Arg('orderBy', () => StudioOrder, { nullable: true, description: 'Default: NAME ascending.' }) orderBy: StudioOrder | null,
    @Ctx() ctx: Context,
  ): Promise<StudioConnection> {
    const and: FilterQuery<Studio>[] = [visibleStudiosWhere(ctx.viewer)];
    if (filter?.kind) and.push({ kind: filter.kind });
    if (filter?.status) and.push({ status: filter.status });
    if (filter?.level) and.push({ level: filter.level });
    if (filter?.enterpriseId) and.push({ enterprise: idOf(filter.enterpriseId, 'Enterprise') ?? NO_MATCH });
    if (filter?.district) and.push({ enterprise: { district: filter.district.trim() } });
    // A revoked studio keeps its last reviewDueAt, but no review is due any more.
    if (filter?.reviewDueBefore) and.push({ reviewDueAt: { $lt: filter.reviewDueBefore }, status: { $in: [...REVIEW_DUE] } });
    if (filter?.managedByMe) and.push({ manager: ctx.viewer?.id ?? NO_MATCH });
    if (filter?.search?.trim()) {
      const p = containsPattern(filter.search);
      and.push({ $or: [{ name: { $ilike: p } }, { description: { $ilike: p } }] });
    }
    return paginate(ctx.em, Studio, { $and: and }, page, orderOf(orderBy, { [StudioOrderField.NAME]: 'asc', id: 'asc' }));
  }

  @Authorized(...MANAGERS)
  @Mutation(() => StudioPayload, { description: 'STUDIO_MANAGER: apply for a studio (→ APPLIED); you manage it from then on. The leader must meet the kind’s rule.' })
  async applyForStudio(@Arg('input') input: ApplyForStudioInput, @Ctx() ctx: Context): Promise<StudioPayload> {
    return withUserErrors(async () => {
      const enterpriseId = expectId(input.enterpriseId, 'Enterprise', ['input', 'enterpriseId']);
      const leaderId = expectId(input.leaderWorkerId, 'Worker', ['input', 'leaderWorkerId']);
      return { studio: await new StudioService(ctx.em).apply(ctx.viewer!, enterpriseId, leaderId, input) };
    });
  }

  @Authorized(...MANAGERS)
  @Mutation(() => StudioPayload, { description: 'The manager edits the application while it is APPLIED or CHANGES_REQUESTED.' })
  async updateStudio(@Arg('input') input: UpdateStudioInput, @Ctx() ctx: Context): Promise<StudioPayload> {
    return withUserErrors(async () => {
      const id = expectId(input.studioId, 'Studio', ['input', 'studioId']);
      const leaderWorkerId = input.leaderWorkerId ? expectId(input.leaderWorkerId, 'Worker', ['input', 'leaderWorkerId']) : null;
      return { studio: await new StudioService(ctx.em).update(ctx.viewer!, id, { ...input, leaderWorkerId }) };
    });
  }

  @Authorized(...MANAGERS)
  @Mutation(() => StudioPayload, { description: 'The manager resubmits after changes were requested: CHANGES_REQUESTED → APPLIED.' })
  async resubmitStudio(@Arg('input') input: ResubmitStudioInput, @Ctx() ctx: Context): Promise<StudioPayload> {
    return withUserErrors(async () => {
      const id = expectId(input.studioId, 'Studio', ['input', 'studioId']);
      return { studio: await new StudioService(ctx.em).resubmit(ctx.viewer!, id, input.comment) };
    });
  }

  @Authorized(...REVIEWERS)
  @Mutation(() => StudioPayload, {
    description: 'REVIEWER or ADMIN decides on an APPLIED studio: ACCREDIT (re-evaluation due in three years), REJECT (final) or REQUEST_CHANGES. Not on a studio of your own enterprise.',
  })
  async reviewStudio(@Arg('input') input: ReviewStudioInput, @Ctx() ctx: Context): Promise<StudioPayload> {
    return withUserErrors(async () => {
      const id = expectId(input.studioId, 'Studio', ['input', 'studioId']);
      return { studio: await new StudioService(ctx.em).decide(ctx.viewer!, id, asMove(input.decision), input.comment) };
    });
  }

  @Authorized(...REVIEWERS)
  @Mutation(() => StudioPayload, {
    description: 'Re-evaluation (复评) by a REVIEWER or ADMIN: RENEW (three more years; also lifts a suspension), SUSPEND, REVOKE (final). Not on a studio of your own enterprise.',
  })
  async reevaluateStudio(@Arg('input') input: ReevaluateStudioInput, @Ctx() ctx: Context): Promise<StudioPayload> {
    return withUserErrors(async () => {
      const id = expectId(input.studioId, 'Studio', ['input', 'studioId']);
      return { studio: await new StudioService(ctx.em).decide(ctx.viewer!, id, asMove(input.decision), input.comment) };
    });
  }

  @Authorized(...MANAGERS)
  @Mutation(() => StudioMemberPayload, { description: 'The manager adds a worker; an APPRENTICE names a mentor who is a member.' })
  async addStudioMember(@Arg('input') input: AddStudioMemberInput, @Ctx() ctx: Context): Promise<StudioMemberPayload> {
    return withUserErrors(async () => {
      const studioId = expectId(input.studioId, 'Studio', ['input', 'studioId']);
      const workerId = expectId(input.workerId, 'Worker', ['input', 'workerId']);
      const mentorId = input.mentorWorkerId ? expectId(input.mentorWorkerId, 'Worker', ['input', 'mentorWorkerId']) : null;
      return new MemberService(ctx.em).add(ctx.viewer!, studioId, workerId, input.role, mentorId);
    });
  }

  @Authorized(...MANAGERS)
  @Mutation(() => StudioMemberPayload, { description: 'The manager removes a member (not the leader, not a mentor of apprentices); `member` is the removed one.' })
  async removeStudioMember(@Arg('input') input: RemoveStudioMemberInput, @Ctx() ctx: Context): Promise<StudioMemberPayload> {
    return withUserErrors(async () => {
      const studioId = expectId(input.studioId, 'Studio', ['input', 'studioId']);
      const workerId = expectId(input.workerId, 'Worker', ['input', 'workerId']);
      return new MemberService(ctx.em).remove(ctx.viewer!, studioId, workerId);
    });
  }

  @Authorized(...MANAGERS)
  @Mutation(() => StudioReportPayload, { description: 'The manager submits the annual report (one per year) or corrects it, passing the version read.' })
  async submitStudioReport(@Arg('input') input: SubmitStudioReportInput, @Ctx() ctx: Context): Promise<StudioReportPayload> {
    return withUserErrors(async () => {
      const studioId = expectId(input.studioId, 'Studio', ['input', 'studioId']);
      return new ReportService(ctx.em).submit(ctx.viewer!, studioId, input);
    });
  }
}
