import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { unauthenticated, withUserErrors } from '../common/errors.js';
import { expectId, toGlobalId } from '../common/relay.js';
import { registerNodeType } from '../common/node.resolver.js';
import { hasAnyRole } from '../auth/auth-checker.js';
import { Role } from '../auth/role.js';
import { UserSummary, userById } from '../auth/user-summary.js';
import { Enterprise } from '../registry/enterprise.entity.js';
import { enterpriseById, workerById } from '../registry/registry.loaders.js';
import { Worker } from '../registry/worker.entity.js';
import { REGISTRY_READERS } from '../registry/worker.resolver.js';
import { PUBLIC_NOMINATION_STATES, runsCampaign, seesAllNominations } from './access.js';
import { HonorCampaign } from './campaign.entity.js';
import { campaignById, clearancesByNomination, nominationById, scoresByNomination } from './honors.loaders.js';
import {
  HonorCampaignPayload, LodgeObjectionInput, PublishShortlistInput, NominateForHonorInput, NominationPayload, ObjectionPayload, RecordVettingClearanceInput,
  RecordVettingClearancePayload, ResolveObjectionInput, ScoreNominationInput, ScoreNominationPayload,
} from './honors.inputs.js';
import { Nomination, NominationScore, VettingClearance } from './nomination.entity.js';
import { NominationService } from './nomination.service.js';
import { NoticeService } from './notice.service.js';
import { Objection } from './objection.entity.js';
import { NOMINATOR, scopeOf } from './registry-facts.js';
import { ReviewService } from './review.service.js';

/** A nomination as node(id:): when its campaign's nominations list would show it to you. An objection: to whoever runs its campaign, as HonorCampaign.objections. */
registerNodeType('Nomination', async (ctx, ids) => {
  const rows = await ctx.em.find(Nomination, { id: { $in: ids } }, { populate: ['campaign'] });
  const out = new Map<string, Nomination>();
  for (const n of rows) if (await canSeeNomination(ctx, n)) out.set(n.id, n);
  return out;
});

export async function canSeeNomination(ctx: Context, n: Nomination): Promise<boolean> {
  if (PUBLIC_NOMINATION_STATES.includes(n.status)) return true;
  if (seesAllNominations(ctx.viewer, await campaignOf(ctx, n))) return true;
  if (!ctx.viewer?.roles.includes(NOMINATOR)) return false;
  const user = await ctx.loaders.get(userById).load(ctx.viewer.id);
  return !!user && scopeOf(user) === n.enterprise.id;
}

const campaignOf = async (ctx: Context, n: Nomination) => (await ctx.loaders.get(campaignById).load(n.campaign.id))!;

@Resolver(() => Nomination)
export class NominationResolver {
  @Authorized(Role.ADMIN, Role.ORGANIZER, NOMINATOR)
  @Mutation(() => NominationPayload, {
    description:
      'A NOMINATOR of the worker’s enterprise (else FORBIDDEN), an ORGANIZER or an ADMIN, while NOMINATING and within the window: eligibility is checked rule by rule (NOT_ELIGIBLE, ' +
      'each message naming its rule), as is the enterprise’s cap; evidence must be the nominee’s own registry records.',
  })
  async nominateForHonor(@Arg('input') input: NominateForHonorInput, @Ctx() ctx: Context): Promise<NominationPayload> {
    return withUserErrors(async () => {
      const ids = (field: 'innovationIds' | 'methodIds' | 'awardIds', type: string) => input[field].map((id, i) => expectId(id, type, ['input', field, String(i)]));
      return {
        nomination: await new NominationService(ctx.em).nominate(ctx.viewer!, {
          ...input,
          campaignId: expectId(input.campaignId, 'HonorCampaign', ['input', 'campaignId']),
          workerId: expectId(input.workerId, 'Worker', ['input', 'workerId']),
          innovationIds: ids('innovationIds', 'Innovation'), methodIds: ids('methodIds', 'OperatingMethod'), awardIds: ids('awardIds', 'Award'),
        }),
      };
    });
  }

  @Authorized(Role.REVIEWER)
  @Mutation(() => ScoreNominationPayload, { description: 'A REVIEWER on the campaign’s panel (else FORBIDDEN), not of the nominee’s enterprise (CONFLICT_OF_INTEREST), while REVIEWING; again to correct.' })
  async scoreNomination(@Arg('input') input: ScoreNominationInput, @Ctx() ctx: Context): Promise<ScoreNominationPayload> {
    return withUserErrors(async () => new ReviewService(ctx.em).score(ctx.viewer!, expectId(input.nominationId, 'Nomination', ['input', 'nominationId']), input.marks));
  }

  @Authorized(Role.ADMIN, Role.ORGANIZER)
  @Mutation(() => RecordVettingClearancePayload, { description: 'The campaign’s organizer or an ADMIN records a vetting department’s answer for a nominee while REVIEWING; again to correct.' })
  async recordVettingClearance(@Arg('input') input: RecordVettingClearanceInput, @Ctx() ctx: Context): Promise<RecordVettingClearancePayload> {
    return withUserErrors(async () => new ReviewService(ctx.em).recordClearance(ctx.viewer!, expectId(input.nominationId, 'Nomination', ['input', 'nominationId']), input));
  }

  @Authorized(Role.ADMIN, Role.ORGANIZER)
  @Mutation(() => HonorCampaignPayload, {
    description:
      'The campaign’s organizer or an ADMIN: REVIEWING → IN_NOTICE. Needs every due reviewer’s marks and every department’s answer for every nomination; ' +
      'ranks (front-line places first, then by score) and puts the selected on notice from today for noticeWorkingDays working days.',
  })
  async publishShortlist(@Arg('input') input: PublishShortlistInput, @Ctx() ctx: Context): Promise<HonorCampaignPayload> {
    return withUserErrors(async () => ({
      campaign: await new ReviewService(ctx.em).publishShortlist(ctx.viewer!, expectId(input.campaignId, 'HonorCampaign', ['input', 'campaignId']), input.noticeStartsOn),
    }));
  }

  @Authorized()
  @Mutation(() => ObjectionPayload, { description: 'Anyone logged in, against a shortlisted nominee during their notice period. Only the campaign’s organizer sees who lodged it.' })
  async lodgeObjection(@Arg('input') input: LodgeObjectionInput, @Ctx() ctx: Context): Promise<ObjectionPayload> {
    if (!ctx.viewer) throw unauthenticated();
    return withUserErrors(async () => ({ objection: await new NoticeService(ctx.em).lodge(ctx.viewer!, expectId(input.nominationId, 'Nomination', ['input', 'nominationId']), input.grounds), movedUp: [] }));
  }

  @Authorized(Role.ADMIN, Role.ORGANIZER)
  @Mutation(() => ObjectionPayload, { description: 'The campaign’s organizer or an ADMIN: upholds (the nominee is removed, the next moves up with its own notice period) or dismisses an OPEN objection, with a reason.' })
  async resolveObjection(@Arg('input') input: ResolveObjectionInput, @Ctx() ctx: Context): Promise<ObjectionPayload> {
    return withUserErrors(async () => new NoticeService(ctx.em).resolve(ctx.viewer!, expectId(input.objectionId, 'Objection', ['input', 'objectionId']), input.uphold, input.reason));
  }

  @FieldResolver(() => HonorCampaign, { description: 'Its campaign.' })
  async campaign(@Root() n: Nomination, @Ctx() ctx: Context): Promise<HonorCampaign> {
    return campaignOf(ctx, n);
  }

  @FieldResolver(() => String, { description: 'The nominee’s name (public with the nomination).' })
  async workerName(@Root() n: Nomination, @Ctx() ctx: Context): Promise<string> {
    return (await ctx.loaders.get(workerById).load(n.worker.id))?.name ?? '';
  }

  @FieldResolver(() => Worker, { nullable: true, description: 'The nominee’s registry record; null unless you may read the registry.' })
  async worker(@Root() n: Nomination, @Ctx() ctx: Context): Promise<Worker | null> {
    if (!ctx.viewer || !hasAnyRole(ctx.viewer.roles, REGISTRY_READERS)) return null;
    return ctx.loaders.get(workerById).load(n.worker.id);
  }

  @FieldResolver(() => Enterprise, { description: 'The enterprise that nominated (the worker’s when nominated).' })
  async enterprise(@Root() n: Nomination, @Ctx() ctx: Context): Promise<Enterprise> {
    return (await ctx.loaders.get(enterpriseById).load(n.enterprise.id))!;
  }

  @FieldResolver(() => [NominationScore], { nullable: true, description: 'The reviewers’ marks (at most one per panel member, so at most 50); null unless you run the campaign.' })
  async scores(@Root() n: Nomination, @Ctx() ctx: Context): Promise<NominationScore[] | null> {
    return runsCampaign(ctx.viewer, await campaignOf(ctx, n)) ? ctx.loaders.get(scoresByNomination).load(n.id) : null;
  }

  @FieldResolver(() => NominationScore, { nullable: true, description: 'Your own marks for it, when you are on the panel and have scored it.' })
  async viewerScore(@Root() n: Nomination, @Ctx() ctx: Context): Promise<NominationScore | null> {
    if (!ctx.viewer) return null;
    return (await ctx.loaders.get(scoresByNomination).load(n.id)).find((s) => s.reviewer.id === ctx.viewer!.id) ?? null;
  }

  @FieldResolver(() => [VettingClearance], { nullable: true, description: 'The vetting departments’ answers (one per department, at most 10); null unless you may see all the campaign’s nominations.' })
  async clearances(@Root() n: Nomination, @Ctx() ctx: Context): Promise<VettingClearance[] | null> {
    return seesAllNominations(ctx.viewer, await campaignOf(ctx, n)) ? ctx.loaders.get(clearancesByNomination).load(n.id) : null;
  }
}

registerNodeType('Objection', async (ctx, ids) => {
  const rows = await ctx.em.find(Objection, { id: { $in: ids } });
  const out = new Map<string, Objection>();
  for (const o of rows) if (runsCampaign(ctx.viewer, (await ctx.loaders.get(campaignById).load(o.campaign.id))!)) out.set(o.id, o);
  return out;
});

@Resolver(() => Objection)
export class ObjectionResolver {
  @FieldResolver(() => Nomination, { description: 'The nominee objected to.' })
  async nomination(@Root() o: Objection, @Ctx() ctx: Context): Promise<Nomination> {
    return (await ctx.loaders.get(nominationById).load(o.nomination.id))!;
  }

  @FieldResolver(() => UserSummary, { nullable: true, description: 'Who lodged it: only the campaign’s organizer sees this (null for everyone else, ADMINs included).' })
  async lodgedBy(@Root() o: Objection, @Ctx() ctx: Context): Promise<UserSummary | null> {
    const campaign = (await ctx.loaders.get(campaignById).load(o.campaign.id))!;
    if (!ctx.viewer || campaign.organizer.id !== ctx.viewer.id) return null;
    const u = await ctx.loaders.get(userById).load(o.lodgedBy.id);
    return { id: toGlobalId('User', o.lodgedBy.id), displayName: u?.displayName ?? '' };
  }

  @FieldResolver(() => Boolean, { description: 'Whether you lodged it.' })
  viewerLodged(@Root() o: Objection, @Ctx() ctx: Context): boolean {
    return !!ctx.viewer && o.lodgedBy.id === ctx.viewer.id;
  }
}
