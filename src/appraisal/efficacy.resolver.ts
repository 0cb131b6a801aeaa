import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { EfficacyReport } from '../competitions/results/stats.types.js';
import { AppraisalBody } from './appraisal-body.entity.js';
import { bodyById } from './appraisal.loaders.js';
import { AppraisalEfficacy, appraisalEfficacy, AppraisalPassLine } from './efficacy.js';

/** The appraisal section of the efficacy report (issue 15): read with the report's own filter. */
@Resolver(() => EfficacyReport)
export class AppraisalEfficacyResolver {
  @FieldResolver(() => AppraisalEfficacy, { description: 'Enterprise skill appraisal (技能等级认定): pass rates by body and by trade, for the report’s year, district and ownership.' })
  async appraisal(@Root() report: EfficacyReport, @Ctx() ctx: Context): Promise<AppraisalEfficacy> {
    return appraisalEfficacy(ctx.em, report.filter);
  }
}

@Resolver(() => AppraisalPassLine)
export class AppraisalPassLineResolver {
  @FieldResolver(() => AppraisalBody, { nullable: true, description: 'Set in byBody lines: the appraisal body.' })
  async body(@Root() line: AppraisalPassLine, @Ctx() ctx: Context): Promise<AppraisalBody | null> {
    return line.bodyId ? ctx.loaders.get(bodyById).load(line.bodyId) : null;
  }
}
