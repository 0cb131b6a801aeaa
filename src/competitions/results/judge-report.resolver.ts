import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { forbidden } from '../../common/errors.js';
import { juryStanding } from '../access.js';
import { criterionById } from '../competitions.loaders.js';
import { Competition } from '../setup/competition.entity.js';
import { Criterion } from '../setup/criterion.entity.js';
import { judgeReport } from './judge-report.js';
import { JudgeReport, JudgeReportLine } from './judge-report.types.js';
import { m } from './messages.js';

@Resolver(() => Competition)
export class JudgeReportResolver {
  @Authorized()
  @FieldResolver(() => JudgeReport, {
    description:
      'Judge marking-pattern report (WorldSkills CIS): per judge and JUDGEMENT criterion, marks, mean and mean absolute deviation from the other judges, ' +
      'spread, trimmed highs and lows, and a flag for systematic deviation. For the competition’s jury only: its own organizer (not judging it), ADMIN, ' +
      'and its chief judge now on the panel; anyone else logged in gets FORBIDDEN. Definitions and thresholds: docs/judging-statistics.md.',
  })
  async judgeReport(@Root() competition: Competition, @Ctx() ctx: Context): Promise<JudgeReport> {
    if (!(await juryStanding(ctx.em, ctx.viewer, competition)).jury) {
      throw forbidden(m('judgeReportDenied'));
    }
    return judgeReport(ctx.em, competition.id);
  }
}

@Resolver(() => JudgeReportLine)
export class JudgeReportLineResolver {
  @FieldResolver(() => Criterion, { description: 'The JUDGEMENT criterion of this line.' })
  async criterion(@Root() line: JudgeReportLine, @Ctx() ctx: Context): Promise<Criterion> {
    return (await ctx.loaders.get(criterionById).load(line.criterionId))!;
  }
}
