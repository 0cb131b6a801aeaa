import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { withUserErrors } from '../../common/errors.js';
import { expectId, toGlobalId } from '../../common/relay.js';
import { registerNodeType } from '../../common/node.resolver.js';
import { UserSummary, userSummary } from '../../auth/user-summary.js';
import { Enterprise } from '../../registry/enterprise.entity.js';
import { enterpriseById } from '../../registry/registry.loaders.js';
import { juryStanding, ORGANIZER_ROLES, seesPanel } from '../access.js';
import { Competition } from '../setup/competition.entity.js';
import { competitionById, stageById } from '../competitions.loaders.js';
import { AssignJudgeInput, AssignJudgePayload, JudgeAssignmentPayload, UnassignJudgeInput } from './judge.inputs.js';
import { JudgeAssignment } from './judge-assignment.entity.js';
import { JudgeService } from './judge.service.js';
import { Stage } from '../setup/stage.entity.js';
import { standingFor } from '../marking/anonymity.js';

/**
 * A seat's scope, enterprise and the organizer's reasons are the jury's and the seat holder's: with the
 * panel's enterprises, a substitute's scope (or a reason such as "回避替补") would tell every judge which
 * entry is of which colleague's enterprise, and so the entry's enterprise (issue 12 §1).
 */
async function seesSeat(ctx: Context, a: JudgeAssignment): Promise<boolean> {
  if (!ctx.viewer) return false;
  if (a.user.id === ctx.viewer.id) return true;
  return (await standingFor(ctx, a, a.competition.id)).jury;
}

// The panel is the jury's business: its owner, ADMIN and the judges now on it (not other competitions' organizers).
registerNodeType('JudgeAssignment', async (ctx, ids) => {
  if (!ctx.viewer) return new Map();
  const rows = await ctx.em.find(JudgeAssignment, { id: { $in: ids } }, { populate: ['competition'] });
  const out = new Map<string, object>();
  for (const row of rows) if (seesPanel(await juryStanding(ctx.em, ctx.viewer, row.competition.getEntity()))) out.set(row.id, row);
  return out;
});

@Resolver(() => JudgeAssignment)
export class JudgeResolver {
  @FieldResolver(() => UserSummary, { description: 'The judge.' })
  async user(@Root() a: JudgeAssignment, @Ctx() ctx: Context): Promise<UserSummary> {
    return userSummary(ctx, a.user.id);
  }

  @FieldResolver(() => [Stage], { description: 'The stages this judge marks, in scheme order: at most the competition’s stages.' })
  async stages(@Root() a: JudgeAssignment, @Ctx() ctx: Context): Promise<Stage[]> {
    const stages = await ctx.loaders.get(stageById).loadMany(a.stageIds);
    return stages.filter((s): s is Stage => s instanceof Stage).sort((x, y) => x.position - y.position);
  }

  @FieldResolver(() => Competition, { description: 'The competition of the panel.' })
  async competition(@Root() a: JudgeAssignment, @Ctx() ctx: Context): Promise<Competition> {
    return (await ctx.loaders.get(competitionById).load(a.competition.id))!;
  }

  @FieldResolver(() => Enterprise, { nullable: true, description: 'The judge’s enterprise when assigned (conflicts of interest are judged against it). Null when they had none, and for a colleague’s seat: the jury and the judge themself read it.' })
  async enterprise(@Root() a: JudgeAssignment, @Ctx() ctx: Context): Promise<Enterprise | null> {
    if (!a.enterpriseId || !(await seesSeat(ctx, a))) return null;
    return ctx.loaders.get(enterpriseById).load(a.enterpriseId);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Required when the panel changes during the competition. Null too for a colleague’s seat: the jury and the judge themself read it.' })
  async reason(@Root() a: JudgeAssignment, @Ctx() ctx: Context): Promise<string | null> {
    return a.reason !== null && (await seesSeat(ctx, a)) ? a.reason : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Why the judge was taken off the panel; null while on it, when removed before marking began (no reason needed then), and for a colleague’s seat: the jury and the judge themself read it.' })
  async removedReason(@Root() a: JudgeAssignment, @Ctx() ctx: Context): Promise<string | null> {
    return a.removedReason !== null && (await seesSeat(ctx, a)) ? a.removedReason : null;
  }

  @Authorized(...ORGANIZER_ROLES)
  @Mutation(() => AssignJudgePayload, {
    description: 'Puts a JUDGE on the panel for some stages (optionally only some entries: a substitute), or changes their assignment; reports the entries they may not mark. Not after FINALIZED or CANCELLED.',
  })
  async assignJudge(@Arg('input') input: AssignJudgeInput, @Ctx() ctx: Context): Promise<AssignJudgePayload> {
    const payload = await withUserErrors(async () => {
      const competitionId = expectId(input.competitionId, 'Competition', ['input', 'competitionId']);
      const userId = expectId(input.userId, 'User', ['input', 'userId']);
      const stageIds = input.stageIds.map((id, i) => expectId(id, 'Stage', ['input', 'stageIds', String(i)]));
      const entryIds = (input.entryIds ?? []).map((id, i) => expectId(id, 'Entry', ['input', 'entryIds', String(i)]));
      return new JudgeService(ctx.em).assign(ctx.viewer!, competitionId, { userId, stageIds, entryIds, chief: input.chief, reason: input.reason });
    });
    // A refusal carries only userErrors: the list is then empty, as its description says.
    return { ...payload, conflictedEntries: payload.conflictedEntries ?? [] };
  }

  @FieldResolver(() => [ID], { nullable: true, description: 'A substitute’s scope: the only entries this judge marks; null: every entry. Also null for a colleague’s seat (the jury and the judge themself read it): a scope would tell the panel which entry is conflicted with whom.' })
  async entryIds(@Root() a: JudgeAssignment, @Ctx() ctx: Context): Promise<string[] | null> {
    if (!a.entryIds?.length || !(await seesSeat(ctx, a))) return null;
    return a.entryIds.map((id) => toGlobalId('Entry', id));
  }

  @Authorized(...ORGANIZER_ROLES)
  @Mutation(() => JudgeAssignmentPayload, { description: 'Takes a judge off the panel; the assignment stays in the panel’s history.' })
  async unassignJudge(@Arg('input') input: UnassignJudgeInput, @Ctx() ctx: Context): Promise<JudgeAssignmentPayload> {
    return withUserErrors(async () => {
      const competitionId = expectId(input.competitionId, 'Competition', ['input', 'competitionId']);
      const userId = expectId(input.userId, 'User', ['input', 'userId']);
      return new JudgeService(ctx.em).unassign(ctx.viewer!, competitionId, userId, input.reason);
    });
  }
}
