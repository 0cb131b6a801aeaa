import { CompetitionTransitionInput } from '../setup/competition.inputs.js';
import { Arg, Args, Authorized, Ctx, Field, FieldResolver, Mutation, ObjectType, registerEnumType, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { Payload, withUserErrors } from '../../common/errors.js';
import { nestedConnection } from '../../common/nested-connection.js';
import { registerNodeType } from '../../common/node.resolver.js';
import { checkPageRequest, ConnectionArgs, expectId } from '../../common/relay.js';
import { SortDirection } from '../../registry/registry.inputs.js';
import { Worker } from '../../registry/worker.entity.js';
import { workerById } from '../../registry/registry.loaders.js';
import { AwardConnection, AwardOrder, AwardOrderField } from './award.inputs.js';
import { Role } from '../../auth/role.js';
import { SkillLevel } from '../../registry/enums.js';
import { isOwner } from '../access.js';
import { Award, AwardPromotion } from './award.entity.js';
import { Competition } from '../setup/competition.entity.js';
import { competitionById, entryById } from '../competitions.loaders.js';
import { Entry } from '../entries/entry.entity.js';
import { CompetitionStatus } from '../enums.js';
import { finalizeCompetition, PromotionWithheldReason, type StoredPromotion } from './finalize.service.js';

registerEnumType(PromotionWithheldReason, {
  name: 'PromotionWithheldReason',
  description: 'Why a worker of a top entry was not promoted.',
  valuesConfig: {
    AT_CAP: { description: 'Already SENIOR_TECHNICIAN (高级技师), the highest level.' },
    ALREADY_PROMOTED_THIS_YEAR: { description: 'Promoted through a competition earlier in the same calendar year (at most one a year).' },
  },
});

@ObjectType({ description: 'The result of finalizeCompetition.' })
export class FinalizeCompetitionPayload extends Payload {
  @Field(() => Competition, { nullable: true, description: 'The competition, now FINALIZED; null when refused.' }) competition?: Competition | null;
  @Field(() => [Award], {
    nullable: true,
    description: 'Every award this call wrote, one per ranked entry, best rank first (ties in start order); null when refused. ' +
      'The whole result of the one finalization; to page through awards later, use Competition.awards.',
  })
  awards?: Award[] | null;
}

@ObjectType({ description: 'A promotion the competition’s rules would give but the registry’s rules withheld.' })
export class WithheldPromotion {
  /** The worker's uuid; `worker` loads them. */
  workerId!: string;
  @Field(() => SkillLevel, { nullable: true, description: 'The worker’s level, unchanged; null when they hold none.' }) level!: SkillLevel | null;
  @Field(() => PromotionWithheldReason, { description: 'Why the promotion was withheld.' }) reason!: PromotionWithheldReason;
}

// Awards are public once their competition is finalized (they exist only then); node(id:) applies the same rule.
registerNodeType('Award', async (ctx, ids) => {
  const rows = await ctx.em.find(Award, { id: { $in: ids }, competition: { status: CompetitionStatus.FINALIZED } });
  return new Map(rows.map((a) => [a.id, a]));
});

const stored = (award: Award) => award.promotions as StoredPromotion[];

async function workerOf(ctx: Context, id: string): Promise<Worker> {
  const worker = await ctx.loaders.get(workerById).load(id);
  if (!worker) throw new Error(`Worker ${id} of an award is gone`); // workers with awards are kept (history)
  return worker;
}

@Resolver(() => Award)
export class AwardResolver {
  @Authorized(Role.ORGANIZER)
  @Mutation(() => FinalizeCompetitionPayload, {
    description:
      'RESULTS_PUBLISHED → FINALIZED (the owner or an admin), once the appeal window has closed, every appeal is settled and every stage is signed off ' +
      '(one userError per reason): lifts a freeze, ranks, hands out prizes, the TECHNICAL_EXPERT (技术能手) honor for the top N and ' +
      'a one-step promotion for the top M, written to the registry. Final: no mark, move or award changes afterwards.',
  })
  async finalizeCompetition(@Arg('input') input: CompetitionTransitionInput, @Ctx() ctx: Context): Promise<FinalizeCompetitionPayload> {
    return withUserErrors(async () => {
      const id = expectId(input.competitionId, 'Competition', ['input', 'competitionId']);
      return finalizeCompetition(ctx.em, ctx.viewer!, id, input.reason ?? null);
    });
  }

  @FieldResolver(() => Entry, { description: 'The ranked entry.' })
  async entry(@Root() award: Award, @Ctx() ctx: Context): Promise<Entry> {
    return (await ctx.loaders.get(entryById).load(award.entry.id))!;
  }

  @FieldResolver(() => Competition, { description: 'The finalized competition.' })
  async competition(@Root() award: Award, @Ctx() ctx: Context): Promise<Competition> {
    return (await ctx.loaders.get(competitionById).load(award.competition.id))!;
  }

  @FieldResolver(() => [AwardPromotion], {
    description: 'Skill-level promotions granted to the entry’s workers (written to their skill-level history): at most one per worker of the entry (a team’s members); empty outside the top M.',
  })
  promotions(@Root() award: Award): AwardPromotion[] {
    return stored(award)
      .filter((p) => !p.withheld)
      .map((p) => Object.assign(new AwardPromotion(), { workerId: p.workerId, from: p.from, to: p.to }));
  }

  @FieldResolver(() => [WithheldPromotion], {
    description: 'Workers of a top-M entry who were not promoted, and why: at most one per worker of the entry; empty when all were promoted or outside the top M.',
  })
  promotionsWithheld(@Root() award: Award): WithheldPromotion[] {
    return stored(award)
      .filter((p) => p.withheld)
      .map((p) => Object.assign(new WithheldPromotion(), { workerId: p.workerId, level: p.from, reason: p.withheld! }));
  }
}

@Resolver(() => AwardPromotion)
export class AwardPromotionResolver {
  @FieldResolver(() => Worker, { description: 'The promoted worker (职工).' })
  worker(@Root() p: AwardPromotion, @Ctx() ctx: Context): Promise<Worker> {
    return workerOf(ctx, p.workerId);
  }
}

@Resolver(() => WithheldPromotion)
export class WithheldPromotionResolver {
  @FieldResolver(() => Worker, { description: 'The worker not promoted (职工).' })
  worker(@Root() p: WithheldPromotion, @Ctx() ctx: Context): Promise<Worker> {
    return workerOf(ctx, p.workerId);
  }
}

const EMPTY: AwardConnection = { edges: [], nodes: [], totalCount: 0, pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } };

@Resolver(() => Competition)
export class CompetitionAwardsResolver {
  @FieldResolver(() => AwardConnection, {
    description:
      'What each ranked entry won (奖项), best rank first unless `orderBy` says otherwise (tied ranks in a stable order). ' +
      'Public once the competition is FINALIZED; empty before (for its organizer too, as no award exists yet).',
  })
  async awards(
    @Root() competition: Competition,
    @Ctx() ctx: Context,
    @Args() page: ConnectionArgs,
    @Arg('orderBy', () => AwardOrder, { nullable: true, description: 'The order; by rank ascending (best first) when not given.' }) orderBy?: AwardOrder | null,
  ): Promise<AwardConnection> {
    if (competition.status !== CompetitionStatus.FINALIZED && !isOwner(ctx.viewer, competition)) {
      checkPageRequest(page);
      return EMPTY;
    }
    const direction = (orderBy?.direction ?? SortDirection.ASC) === SortDirection.DESC ? 'desc' : 'asc';
    return nestedConnection(ctx, { entity: Award, parent: 'competition' }, competition.id, page, { [orderBy?.field ?? AwardOrderField.RANK]: direction });
  }
}
