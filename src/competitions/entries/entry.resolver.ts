import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { withUserErrors } from '../../common/errors.js';
import { expectId } from '../../common/relay.js';
import { registerNodeType } from '../../common/node.resolver.js';
import { hasAnyRole } from '../../auth/auth-checker.js';
import { Enterprise } from '../../registry/enterprise.entity.js';
import { enterpriseById, workerById } from '../../registry/registry.loaders.js';
import { REGISTRY_READERS } from '../../registry/worker.resolver.js';
import { Competition } from '../setup/competition.entity.js';
import { ORGANIZER_ROLES } from '../access.js';
import { competitionById, membersByEntry } from '../competitions.loaders.js';
import { Entry } from './entry.entity.js';
import { DisqualifyEntryInput, MarkEntryAbsentInput, DrawLotsInput, DrawLotsPayload, EntryParticipant, EntryPayload, RegisterEntryInput, WithdrawEntryInput } from './entry.inputs.js';
import { EntryService } from './entry.service.js';
import { isAnonymizedFor } from './entry-visibility.js';

// Entries are public (start lists, scoreboards); who is in them is decided per field (anonymous marking).
registerNodeType('Entry', async (ctx, ids) => new Map((await ctx.em.find(Entry, { id: { $in: ids } })).map((e) => [e.id, e])));

async function competitionOf(ctx: Context, entry: Entry): Promise<Competition> {
  return (await ctx.loaders.get(competitionById).load(entry.competition.id))!;
}

@Resolver(() => Entry)
export class EntryResolver {
  @FieldResolver(() => Competition, { description: 'The competition it is entered in.' })
  async competition(@Root() entry: Entry, @Ctx() ctx: Context): Promise<Competition> {
    return competitionOf(ctx, entry);
  }

  @FieldResolver(() => Boolean, { description: 'True when names are hidden from you: you judge this competition and it is not finalized yet.' })
  async anonymized(@Root() entry: Entry, @Ctx() ctx: Context): Promise<boolean> {
    return isAnonymizedFor(ctx, await competitionOf(ctx, entry));
  }

  @FieldResolver(() => String, { nullable: true, description: 'The team name, or the worker’s name; null when anonymized.' })
  async displayName(@Root() entry: Entry, @Ctx() ctx: Context): Promise<string | null> {
    if (await isAnonymizedFor(ctx, await competitionOf(ctx, entry))) return null;
    if (entry.teamName) return entry.teamName;
    const members = await ctx.loaders.get(membersByEntry).load(entry.id);
    const workers = await ctx.loaders.get(workerById).loadMany(members.map((m) => m.worker.id));
    return workers.map((w) => (w && !(w instanceof Error) ? w.name : '')).join('、');
  }

  @FieldResolver(() => [EntryParticipant], { description: 'The workers, in team order: at most 10 (the competition’s teamSize); empty when anonymized.' })
  async participants(@Root() entry: Entry, @Ctx() ctx: Context): Promise<EntryParticipant[]> {
    if (await isAnonymizedFor(ctx, await competitionOf(ctx, entry))) return [];
    const members = await ctx.loaders.get(membersByEntry).load(entry.id);
    const [workers, enterprises] = await Promise.all([
      ctx.loaders.get(workerById).loadMany(members.map((m) => m.worker.id)),
      ctx.loaders.get(enterpriseById).loadMany(members.map((m) => m.enterpriseId)),
    ]);
    const readsRegistry = !!ctx.viewer && hasAnyRole(ctx.viewer.roles, REGISTRY_READERS);
    return members.map((_, i) => {
      const worker = workers[i];
      const w = worker && !(worker instanceof Error) ? worker : null;
      return { name: w?.name ?? '', enterprise: enterprises[i] as Enterprise, worker: readsRegistry ? w : null };
    });
  }

  @Authorized(...ORGANIZER_ROLES)
  @Mutation(() => EntryPayload, { description: 'While REGISTRATION_OPEN; eligibility rules are userErrors (NOT_ELIGIBLE) naming the rule.' })
  async registerEntry(@Arg('input') input: RegisterEntryInput, @Ctx() ctx: Context): Promise<EntryPayload> {
    return withUserErrors(async () => {
      const competitionId = expectId(input.competitionId, 'Competition', ['input', 'competitionId']);
      const workerIds = input.workerIds.map((id, i) => expectId(id, 'Worker', ['input', 'workerIds', String(i)]));
      return new EntryService(ctx.em).register(ctx.viewer!, competitionId, workerIds, input.teamName);
    });
  }

  @Authorized(...ORGANIZER_ROLES)
  @Mutation(() => EntryPayload, { description: 'The entry stays listed as WITHDRAWN and is not ranked. Before FINALIZED.' })
  async withdrawEntry(@Arg('input') input: WithdrawEntryInput, @Ctx() ctx: Context): Promise<EntryPayload> {
    return withUserErrors(() => new EntryService(ctx.em).withdraw(ctx.viewer!, expectId(input.entryId, 'Entry', ['input', 'entryId']), input.reason));
  }

  @Authorized(...ORGANIZER_ROLES)
  @Mutation(() => EntryPayload, { description: 'The entry stays visible as DISQUALIFIED with the reason, unranked. Before FINALIZED.' })
  async disqualifyEntry(@Arg('input') input: DisqualifyEntryInput, @Ctx() ctx: Context): Promise<EntryPayload> {
    return withUserErrors(() => new EntryService(ctx.em).disqualify(ctx.viewer!, expectId(input.entryId, 'Entry', ['input', 'entryId']), input.reason));
  }

  @Authorized(...ORGANIZER_ROLES)
  @Mutation(() => EntryPayload, {
    description: 'The competition’s organizer, while IN_PROGRESS or SCORING_CLOSED: the entrant did not show up (缺考). The entry becomes ABSENT: it takes and needs no marks, is ranked last or unranked as the competition’s absentRanking says, and wins nothing. Voids the stages’ sign-offs.',
  })
  async markEntryAbsent(@Arg('input') input: MarkEntryAbsentInput, @Ctx() ctx: Context): Promise<EntryPayload> {
    return withUserErrors(() => new EntryService(ctx.em).markAbsent(ctx.viewer!, expectId(input.entryId, 'Entry', ['input', 'entryId']), input.reason));
  }

  @Authorized(...ORGANIZER_ROLES)
  @Mutation(() => DrawLotsPayload, {
    description: 'The draw of lots (抽签) while REGISTRATION_CLOSED: start numbers and stations for the active entries, reproducible from the seed. May be redrawn until the start.',
  })
  async drawLots(@Arg('input') input: DrawLotsInput, @Ctx() ctx: Context): Promise<DrawLotsPayload> {
    return withUserErrors(() => new EntryService(ctx.em).drawLots(ctx.viewer!, expectId(input.competitionId, 'Competition', ['input', 'competitionId']), input.seed));
  }
}
