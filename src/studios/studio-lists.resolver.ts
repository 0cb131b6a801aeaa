import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { ConnectionArgs } from '../common/relay.js';
import { nestedConnection } from '../common/nested-connection.js';
import { orderOf, paginate } from '../common/pagination.js';
import { isAdmin, visibleWhere } from '../methods/access.js';
import { MethodStatus } from '../methods/enums.js';
import { OperatingMethodConnection } from '../methods/method.inputs.js';
import { OperatingMethod } from '../methods/operating-method.entity.js';
import { Innovation } from './innovation.entity.js';
import { InnovationConnection, InnovationOrder, InnovationOrderField } from './innovation.inputs.js';
import { Studio } from './studio.entity.js';
import { StudioMember } from './studio-member.entity.js';
import { StudioReport } from './studio-report.entity.js';
import {
  StudioMemberConnection, StudioMemberOrder, StudioMethodOrder, StudioMethodOrderField, StudioReportConnection, StudioReportOrder,
} from './studio-lists.inputs.js';


/**
 * The lists on a studio. A studio is visible to the viewer when its fields are resolved (the studio
 * query and every list check that), and its members, reports and innovations are visible with it.
 * First pages of every studio on a page come in one statement per list (nestedConnection).
 */
@Resolver(() => Studio)
export class StudioListsResolver {
  @FieldResolver(() => StudioMemberConnection, { description: 'The studio’s members (工作室成员), the leader among them; by joining date (oldest first) unless ordered otherwise.' })
  async members(
    @Root() s: Studio,
    @Args() page: ConnectionArgs,
    @Arg('orderBy', () => StudioMemberOrder, { nullable: true, description: 'Default: JOINED_AT ascending.' }) orderBy: StudioMemberOrder | null,
    @Ctx() ctx: Context,
  ): Promise<StudioMemberConnection> {
    return nestedConnection(ctx, { entity: StudioMember, parent: 'studio' }, s.id, page, orderOf(orderBy, { joinedAt: 'asc', id: 'asc' }));
  }

  @FieldResolver(() => StudioReportConnection, { description: 'Annual reports (年度报告), one per year; newest year first unless ordered otherwise.' })
  async reports(
    @Root() s: Studio,
    @Args() page: ConnectionArgs,
    @Arg('orderBy', () => StudioReportOrder, { nullable: true, description: 'Default: YEAR descending.' }) orderBy: StudioReportOrder | null,
    @Ctx() ctx: Context,
  ): Promise<StudioReportConnection> {
    return nestedConnection(ctx, { entity: StudioReport, parent: 'studio' }, s.id, page, orderOf(orderBy, { year: 'desc', id: 'desc' }));
  }

  @FieldResolver(() => InnovationConnection, {
    description: 'The studio’s innovations (创新成果), newest first unless ordered otherwise; `innovations(filter: {studioId})` also filters them.',
  })
  async innovations(
    @Root() s: Studio,
    @Args() page: ConnectionArgs,
    @Arg('orderBy', () => InnovationOrder, { nullable: true, description: 'Default: REGISTERED_AT descending.' }) orderBy: InnovationOrder | null,
    @Ctx() ctx: Context,
  ): Promise<InnovationConnection> {
    return nestedConnection(ctx, { entity: Innovation, parent: 'studio' }, s.id, page, orderOf(orderBy, { [InnovationOrderField.REGISTERED_AT]: 'desc', id: 'desc' }));
  }

  @FieldResolver(() => OperatingMethodConnection, {
    description:
      'Operating methods (先进操作法) submitted through the studio that you may see: NAMED ones for everyone; also, for their submitter and ' +
      'assigned reviewers, the ones not named; every one for an admin. Newest submission first unless ordered otherwise.',
  })
  async methods(
    @Root() s: Studio,
    @Args() page: ConnectionArgs,
    @Arg('orderBy', () => StudioMethodOrder, { nullable: true, description: 'Default: SUBMITTED_AT descending.' }) orderBy: StudioMethodOrder | null,
    @Ctx() ctx: Context,
  ): Promise<OperatingMethodConnection> {
    const order = orderOf(orderBy, { [StudioMethodOrderField.SUBMITTED_AT]: 'desc', id: 'desc' });
    // The public and admins see a rule of plain columns, batched over studios; a signed-in viewer also sees
    // what they submitted or review, a rule with a subquery, asked per studio (same cursors either way).
    if (!ctx.viewer || isAdmin(ctx.viewer)) {
      const where = isAdmin(ctx.viewer) ? undefined : { status: MethodStatus.NAMED };
      return nestedConnection(ctx, { entity: OperatingMethod, parent: 'studio', where }, s.id, page, order);
    }
    return paginate(ctx.em, OperatingMethod, { $and: [{ studio: s.id }, visibleWhere(ctx.em, ctx.viewer)] }, page, order as never);
  }
}
