import { CompetitionTransitionInput } from '../setup/competition.inputs.js';
import DataLoader from 'dataloader';
import { Arg, Authorized, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, registerEnumType, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { Payload, withUserErrors } from '../../common/errors.js';
import type { LoaderFactory } from '../../common/loaders.js';
import { registerNodeType } from '../../common/node.resolver.js';
import { expectId, toGlobalId } from '../../common/relay.js';
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

@ObjectType()
export class FinalizeCompetitionPayload extends Payload {
  @Field(() => Competition, { nullable: true }) competition?: Competition | null;
  @Field(() => [Award], { nullable: true, description: 'One per ranked entry, best first.' }) awards?: Award[] | null;
}

@ObjectType({ description: 'A promotion the competition’s rules would give but the registry’s rules withheld.' })
export class WithheldPromotion {
  @Field(() => ID, { description: 'Global ID of the worker.' }) workerId!: string;
  @Field(() => SkillLevel, { nullable: true, description: 'The worker’s level, unchanged.' }) level!: SkillLevel | null;
  @Field(() => PromotionWithheldReason) reason!: PromotionWithheldReason;
}

/** A competition's awards, best rank first, ties in start order: one query for all competitions asked. */
const awardsByCompetition: LoaderFactory<string, Award[]> = (em) =>
  new DataLoader<string, Award[]>(async (ids) => {
    const rows = await em.find(Award, { competition: { $in: [...ids] } }, {
      orderBy: [{ rank: 'asc' }, { entry: { startNumber: 'asc' } }, { id: 'asc' }] as never,
    });
    const groups = new Map<string, Award[]>(ids.map((id) => [id, []]));
    for (const a of rows) groups.get(a.competition.id)?.push(a);
    return ids.map((id) => groups.get(id) ?? []);
  });

// Awards are public once their competition is finalized (they exist only then); node(id:) applies the same rule.
registerNodeType('Award', async (ctx, ids) => {
  const rows = await ctx.em.find(Award, { id: { $in: ids }, competition: { status: CompetitionStatus.FINALIZED } });
  return new Map(rows.map((a) => [a.id, a]));
});

const stored = (award: Award) => award.promotions as StoredPromotion[];

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

  @FieldResolver(() => Competition)
  async competition(@Root() award: Award, @Ctx() ctx: Context): Promise<Competition> {
    return (await ctx.loaders.get(competitionById).load(award.competition.id))!;
  }

  @FieldResolver(() => [AwardPromotion], { description: 'Skill-level promotions granted to the entry’s workers (written to their skill-level history).' })
  promotions(@Root() award: Award): AwardPromotion[] {
    return stored(award)
      .filter((p) => !p.withheld)
      .map((p) => Object.assign(new AwardPromotion(), { workerId: toGlobalId('Worker', p.workerId), from: p.from, to: p.to }));
  }

  @FieldResolver(() => [WithheldPromotion], { description: 'Workers of a top-M entry who were not promoted, and why.' })
  promotionsWithheld(@Root() award: Award): WithheldPromotion[] {
    return stored(award)
      .filter((p) => p.withheld)
      .map((p) => ({ workerId: toGlobalId('Worker', p.workerId), level: p.from, reason: p.withheld! }));
  }
}

@Resolver(() => Competition)
export class CompetitionAwardsResolver {
  @FieldResolver(() => [Award], {
    description: 'What each ranked entry won (奖项), best rank first. Public once the competition is FINALIZED; empty before.',
  })
  async awards(@Root() competition: Competition, @Ctx() ctx: Context): Promise<Award[]> {
    if (competition.status !== CompetitionStatus.FINALIZED && !isOwner(ctx.viewer, competition)) return [];
    return ctx.loaders.get(awardsByCompetition).load(competition.id);
  }
}
