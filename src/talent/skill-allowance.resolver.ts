import DataLoader from 'dataloader';
import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../context.js';
import { withUserErrors } from '../common/errors.js';
import { nextDayInChina, todayInChina } from '../common/date.js';
import { dependsOnClockUntil } from '../cache/clock.js';
import type { LoaderFactory } from '../common/loaders.js';
import { ConnectionArgs, expectId } from '../common/relay.js';
import { registerNodeType } from '../common/node.resolver.js';
import { nestedConnection, type NestedList } from '../common/nested-connection.js';
import { Enterprise } from '../registry/enterprise.entity.js';
import { TALENT_WRITERS } from './access.js';
import { SkillAllowanceStandard } from './skill-allowance.entity.js';
import { recordSkillAllowanceStandard } from './skill-allowance.service.js';
import { RecordSkillAllowanceStandardInput, SkillAllowanceStandardConnection, SkillAllowanceStandardPayload } from './talent.inputs.js';

// Allowance standards are published policy: readable by anyone, as enterprises are.
registerNodeType('SkillAllowanceStandard', async (ctx, ids) => new Map((await ctx.em.find(SkillAllowanceStandard, { id: { $in: ids } })).map((s) => [s.id, s])));

const BY_ENTERPRISE: NestedList<SkillAllowanceStandard> = { entity: SkillAllowanceStandard, parent: 'enterprise' };

/** The standard in force today for every enterprise a request asks about, in one statement. */
const standardInForce: LoaderFactory<string, SkillAllowanceStandard | null> = (em) =>
  new DataLoader<string, SkillAllowanceStandard | null>(async (ids) => {
    const rows = await (em as EntityManager).find(SkillAllowanceStandard, { enterprise: { $in: [...ids] }, effectiveFrom: { $lte: todayInChina() } }, { orderBy: { effectiveFrom: 'desc' } });
    const latest = new Map<string, SkillAllowanceStandard>();
    for (const r of rows) if (!latest.has(r.enterprise.id)) latest.set(r.enterprise.id, r);
    return ids.map((id) => latest.get(id) ?? null);
  });

@Resolver(() => Enterprise)
export class SkillAllowanceResolver {
  @FieldResolver(() => SkillAllowanceStandard, { nullable: true, description: 'The skill allowance standard (技能津贴标准) in force today; null when none is. Public.' })
  async skillAllowanceStandard(@Root() enterprise: Enterprise, @Ctx() ctx: Context): Promise<SkillAllowanceStandard | null> {
    // "In force today": a standard effective tomorrow takes over at the next midnight in China.
    dependsOnClockUntil(ctx, nextDayInChina());
    return ctx.loaders.get(standardInForce).load(enterprise.id);
  }

  @FieldResolver(() => SkillAllowanceStandardConnection, {
    description: 'Every skill allowance standard the enterprise recorded, newest effective date first (the history, future ones included). Public.',
  })
  async skillAllowanceStandards(@Root() enterprise: Enterprise, @Args() page: ConnectionArgs, @Ctx() ctx: Context): Promise<SkillAllowanceStandardConnection> {
    return nestedConnection(ctx, BY_ENTERPRISE, enterprise.id, page, { effectiveFrom: 'desc' }) as Promise<SkillAllowanceStandardConnection>;
  }

  @Authorized(...TALENT_WRITERS)
  @Mutation(() => SkillAllowanceStandardPayload, {
    description: 'ADMIN, ORGANIZER, or a NOMINATOR of the enterprise (any other enterprise: FORBIDDEN): record the enterprise’s skill allowance standard '
      + '(技能津贴, yuan per month per skill level) from a date on; earlier standards stay as history.',
  })
  async recordSkillAllowanceStandard(@Arg('input') input: RecordSkillAllowanceStandardInput, @Ctx() ctx: Context): Promise<SkillAllowanceStandardPayload> {
    return withUserErrors(async () => {
      const enterpriseId = expectId(input.enterpriseId, 'Enterprise', ['input', 'enterpriseId']);
      return { standard: await recordSkillAllowanceStandard(ctx.em, ctx.viewer!, enterpriseId, input) };
    });
  }
}
