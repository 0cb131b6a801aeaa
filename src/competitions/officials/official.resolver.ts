import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, InputType, Mutation, ObjectType, registerEnumType, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { forbidden, Payload, withUserErrors } from '../../common/errors.js';
import { Connection, ConnectionArgs, expectId } from '../../common/relay.js';
import { nestedConnection } from '../../common/nested-connection.js';
import { orderOf } from '../../common/pagination.js';
import { SortDirection } from '../../registry/registry.inputs.js';
import { registerNodeType } from '../../common/node.resolver.js';
import { UserSummary, userSummary } from '../../auth/user-summary.js';
import { Enterprise } from '../../registry/enterprise.entity.js';
import { enterpriseById } from '../../registry/registry.loaders.js';
import { juryStanding, ORGANIZER_ROLES, standingFrom } from '../access.js';
import { Competition } from '../setup/competition.entity.js';
import { assignmentsByCompetition, competitionById } from '../competitions.loaders.js';
import { OfficialDuty } from '../enums.js';
import { CompetitionOfficial } from './official.entity.js';
import { dutiesOf, OfficialService } from './official.service.js';
import { m } from './messages.js';

@InputType({ description: 'Names a user to a duty in a competition.' })
export class AppointOfficialInput {
  @Field(() => ID, { description: 'The competition (any status before FINALIZED, CANCELLED excepted).' }) competitionId!: string;
  @Field(() => ID, { description: 'The user to name.' }) userId!: string;
  @Field(() => OfficialDuty, { description: 'The duty: ENCRYPTION_OFFICER (one per competition, never a judge of it), ARBITRATOR, or TEAM_LEADER (one per enterprise).' }) duty!: OfficialDuty;
  @Field(() => ID, { nullable: true, description: 'TEAM_LEADER only (and required): the enterprise whose entrants they lead.' }) enterpriseId?: string | null;
  @Field(() => String, { nullable: true, description: 'Required once the competition is IN_PROGRESS; recorded.' }) reason?: string | null;
}

@InputType({ description: 'Relieves a user of a duty; the appointment stays on record.' })
export class RelieveOfficialInput {
  @Field(() => ID, { description: 'The competition.' }) competitionId!: string;
  @Field(() => ID, { description: 'The user holding the duty.' }) userId!: string;
  @Field(() => OfficialDuty, { description: 'The duty they are relieved of.' }) duty!: OfficialDuty;
  @Field(() => String, { nullable: true, description: 'Required once the competition is IN_PROGRESS; recorded.' }) reason?: string | null;
}

@ObjectType({ description: 'The appointment, or userErrors.' })
export class OfficialPayload extends Payload {
  @Field(() => CompetitionOfficial, { nullable: true, description: 'The appointment as it is now (relieved: with removedAt); null when refused.' }) official?: CompetitionOfficial | null;
}

export enum CompetitionOfficialOrderField {
  APPOINTED_AT = 'appointedAt',
}
registerEnumType(CompetitionOfficialOrderField, { name: 'CompetitionOfficialOrderField', description: 'What to order a competition’s officials by.' });

@InputType({ description: 'How to order a competition’s officials; ties are broken by id in the same direction.' })
export class CompetitionOfficialOrder {
  @Field(() => CompetitionOfficialOrderField, { description: 'What to order by: APPOINTED_AT, when they were named.' }) field!: CompetitionOfficialOrderField;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Ascending (earliest first, the default) or descending.' }) direction!: SortDirection;
}

export const OfficialConnection = Connection(CompetitionOfficial, 'CompetitionOfficial');
export type OfficialConnection = InstanceType<typeof OfficialConnection>;

/** Who sees a competition's officials: its jury (owner, ADMIN, chief judge) and each official their own appointment. */
registerNodeType('CompetitionOfficial', async (ctx, ids) => {
  const out = new Map<string, object>();
  if (!ctx.viewer) return out;
  const rows = await ctx.em.find(CompetitionOfficial, { id: { $in: ids } }, { populate: ['competition'] });
  for (const row of rows) {
    if (row.user.id === ctx.viewer.id || (await juryStanding(ctx.em, ctx.viewer, row.competition.getEntity())).jury) out.set(row.id, row);
  }
  return out;
});

@Resolver(() => CompetitionOfficial)
export class OfficialResolver {
  @FieldResolver(() => UserSummary, { description: 'Who holds the duty.' })
  async user(@Root() o: CompetitionOfficial, @Ctx() ctx: Context): Promise<UserSummary> {
    return userSummary(ctx, o.user.id);
  }

  @FieldResolver(() => Competition, { description: 'The competition the duty is in.' })
  async competition(@Root() o: CompetitionOfficial, @Ctx() ctx: Context): Promise<Competition> {
    return (await ctx.loaders.get(competitionById).load(o.competition.id))!;
  }

  @FieldResolver(() => Enterprise, { nullable: true, description: 'A team leader’s enterprise.' })
  async enterprise(@Root() o: CompetitionOfficial, @Ctx() ctx: Context): Promise<Enterprise | null> {
    return o.enterpriseId ? ctx.loaders.get(enterpriseById).load(o.enterpriseId) : null;
  }

  @Authorized(...ORGANIZER_ROLES)
  @Mutation(() => OfficialPayload, { description: 'The competition’s organizer names an encryption officer (加密裁判), an arbitrator (监督仲裁) or a team leader (领队). Naming the same user to the same duty again returns the appointment.' })
  async appointOfficial(@Arg('input') input: AppointOfficialInput, @Ctx() ctx: Context): Promise<OfficialPayload> {
    return withUserErrors(async () => {
      const competitionId = expectId(input.competitionId, 'Competition', ['input', 'competitionId']);
      const userId = expectId(input.userId, 'User', ['input', 'userId']);
      const enterpriseId = input.enterpriseId != null ? expectId(input.enterpriseId, 'Enterprise', ['input', 'enterpriseId']) : null;
      const official = await new OfficialService(ctx.em).appoint(ctx.viewer!, competitionId, { userId, duty: input.duty, enterpriseId, reason: input.reason });
      return { official };
    });
  }

  @Authorized(...ORGANIZER_ROLES)
  @Mutation(() => OfficialPayload, { description: 'The competition’s organizer relieves an official of a duty; the appointment stays on record.' })
  async relieveOfficial(@Arg('input') input: RelieveOfficialInput, @Ctx() ctx: Context): Promise<OfficialPayload> {
    return withUserErrors(async () => {
      const competitionId = expectId(input.competitionId, 'Competition', ['input', 'competitionId']);
      const userId = expectId(input.userId, 'User', ['input', 'userId']);
      const official = await new OfficialService(ctx.em).relieve(ctx.viewer!, competitionId, { userId, duty: input.duty, reason: input.reason });
      return { official };
    });
  }
}

@Resolver(() => Competition)
export class CompetitionOfficialsResolver {
  @FieldResolver(() => OfficialConnection, { description: 'Its officials, in order of appointment unless ordered otherwise (relieved ones included, with removedAt). The competition’s jury (organizer, chief judge, ADMIN) only: FORBIDDEN to anyone else.' })
  async officials(
    @Root() competition: Competition,
    @Args() page: ConnectionArgs,
    @Arg('duty', () => OfficialDuty, { nullable: true, description: 'Only this duty.' }) duty: OfficialDuty | null,
    @Arg('orderBy', () => CompetitionOfficialOrder, { nullable: true, description: 'The order; null = earliest appointment first (APPOINTED_AT, ASC).' }) orderBy: CompetitionOfficialOrder | null,
    @Ctx() ctx: Context,
  ): Promise<OfficialConnection> {
    // The jury rule from the batched panel, so a list of competitions asks for it once, not once each.
    const viewer = ctx.viewer;
    const seats = viewer ? (await ctx.loaders.get(assignmentsByCompetition).load(competition.id)).filter((a) => a.user.id === viewer.id) : [];
    if (!standingFrom(viewer, competition, seats).jury) throw forbidden(m('juryOnly'));
    const where: Record<string, string> = duty ? { duty } : {};
    const list = { entity: CompetitionOfficial, parent: 'competition', where };
    return nestedConnection(ctx, list, competition.id, page, orderOf(orderBy, { [CompetitionOfficialOrderField.APPOINTED_AT]: 'asc', id: 'asc' }));
  }

  @FieldResolver(() => [OfficialDuty], { description: 'The duties the logged-in user holds now in this competition: at most 3, one per OfficialDuty (empty when none or not logged in).' })
  async myDuties(@Root() competition: Competition, @Ctx() ctx: Context): Promise<OfficialDuty[]> {
    return ctx.viewer ? dutiesOf(ctx.em, competition.id, ctx.viewer.id) : [];
  }
}
