import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { EfficacyReport } from '../competitions/results/stats.types.js';
import { chiefTechnicianReport, skillAllowanceReport } from './talent-report.service.js';
import { ChiefTechnicianReport, SkillAllowanceReport } from './talent-report.types.js';

/** The efficacy report's talent sections: the report's year, district and ownership (root.filter) apply. */
@Resolver(() => EfficacyReport)
export class TalentReportResolver {
  @FieldResolver(() => SkillAllowanceReport, {
    description: 'Skill allowances (技能津贴): the share of enterprises with a standard in force at the end of the year and the mean allowance by level, '
      + 'by ownership and district; the report’s district and ownership narrow the enterprises.',
  })
  async skillAllowances(@Root() report: EfficacyReport, @Ctx() ctx: Context): Promise<SkillAllowanceReport> {
    return skillAllowanceReport(ctx.em, report.filter);
  }

  @FieldResolver(() => ChiefTechnicianReport, {
    description: 'Chief technicians (企业首席技师) in office in the year, by ownership and district of their enterprise; the report’s district and ownership narrow the enterprises.',
  })
  async chiefTechnicians(@Root() report: EfficacyReport, @Ctx() ctx: Context): Promise<ChiefTechnicianReport> {
    return chiefTechnicianReport(ctx.em, report.filter);
  }
}
