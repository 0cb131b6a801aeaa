import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { withUserErrors } from '../../common/errors.js';
import { expectId } from '../../common/relay.js';
import { Role } from '../../auth/role.js';
import { enterDrill, enterDrillAsWorker } from './enter.service.js';
import { DrillPassService, passesCsv, passesPrintPage } from './pass.service.js';
import { drawDrillPapers } from './predraw.service.js';
import {
  DrawDrillPapersInput, DrawDrillPapersPayload, EnterDrillAsWorkerInput, EnterDrillInput, EnterDrillPayload, IssueDrillPassesInput, IssueDrillPassesPayload, ReissueDrillPassInput, ReissueDrillPassPayload,
} from './taking.inputs.js';

@Resolver()
export class DrillPassResolver {
  @Authorized(Role.ORGANIZER, Role.NOMINATOR)
  @Mutation(() => IssueDrillPassesPayload, {
    description: 'The drill’s organizer, an ADMIN, or the enterprise’s contact (a NOMINATOR whose enterprise scope it is; any other: FORBIDDEN): issues a drill pass '
      + '(答题凭证) to every eligible worker of the enterprise who holds none yet, returned once in clear, with a CSV and a printable page of them. The drill must be published and its window not closed.',
  })
  async issueDrillPasses(@Arg('input') input: IssueDrillPassesInput, @Ctx() ctx: Context): Promise<IssueDrillPassesPayload> {
    return withUserErrors(async () => {
      const drillId = expectId(input.drillId, 'Drill', ['input', 'drillId']);
      const enterpriseId = expectId(input.enterpriseId, 'Enterprise', ['input', 'enterpriseId']);
      const out = await new DrillPassService(ctx.em, ctx.viewer!).issue(drillId, enterpriseId);
      return { ...out, csv: passesCsv(out.passes), printPage: passesPrintPage(out.drill, out.enterpriseName, out.passes, ctx.app.config.publicBaseUrl) };
    });
  }

  @Authorized(Role.ORGANIZER, Role.NOMINATOR)
  @Mutation(() => ReissueDrillPassPayload, {
    description: 'As issueDrillPasses, for one worker who lost their pass: a new code (in clear and as a printable slip); the old one stops working at once: entering with it, starting with a token from it, and a device already in an attempt with it (its next save or submit is DEVICE_REPLACED until the worker enters with the new pass and takes the attempt over).',
  })
  async reissueDrillPass(@Arg('input') input: ReissueDrillPassInput, @Ctx() ctx: Context): Promise<ReissueDrillPassPayload> {
    return withUserErrors(async () => {
      const drillId = expectId(input.drillId, 'Drill', ['input', 'drillId']);
      const workerId = expectId(input.workerId, 'Worker', ['input', 'workerId']);
      const { drill, ...pass } = await new DrillPassService(ctx.em, ctx.viewer!).reissue(drillId, workerId);
      return { pass, printPage: passesPrintPage(drill, pass.worker.enterprise.getEntity().name, [pass], ctx.app.config.publicBaseUrl) };
    });
  }

  @Authorized(Role.ORGANIZER)
  @Mutation(() => DrawDrillPapersPayload, {
    description: 'The drill’s organizer (or an ADMIN; another organizer: FORBIDDEN), before its window opens: draws the first paper of every worker holding a live pass '
      + 'and none yet (each from its own recorded seed), so the opening burst of startAttempt only hands papers out. Nobody sees a paper before starting it.',
  })
  async drawDrillPapers(@Arg('input') input: DrawDrillPapersInput, @Ctx() ctx: Context): Promise<DrawDrillPapersPayload> {
    return withUserErrors(async () => {
      const drillId = expectId(input.drillId, 'Drill', ['input', 'drillId']);
      return { drawn: await drawDrillPapers(ctx.em, ctx.viewer!, drillId) };
    });
  }

  @Mutation(() => EnterDrillPayload, {
    description: 'Anyone: a drill pass and the worker’s employee number for a drill token (no account needed). A wrong pass, a revoked one and a wrong employee number '
      + 'are one refusal (INVALID_CREDENTIALS); failures are throttled per address (TOO_MANY_ATTEMPTS) and logged. Refused once the window closed.',
  })
  async enterDrill(@Arg('input') input: EnterDrillInput, @Ctx() ctx: Context): Promise<EnterDrillPayload> {
    return withUserErrors(async () => {
      const drillId = expectId(input.drillId, 'Drill', ['input', 'drillId']);
      return enterDrill(ctx.em, ctx.app.drillTokens, ctx.log, { ...input, drillId }, ctx.clientAddress);
    });
  }

  @Authorized()
  @Mutation(() => EnterDrillPayload, {
    description: 'Any logged-in user linked to a worker (User.worker) whose worker holds a live pass for the drill: a drill token for that worker, as enterDrill gives, '
      + 'without typing the pass (NOT_ELIGIBLE otherwise). Also takes the attempt under way over to this device.',
  })
  async enterDrillAsWorker(@Arg('input') input: EnterDrillAsWorkerInput, @Ctx() ctx: Context): Promise<EnterDrillPayload> {
    return withUserErrors(async () => {
      const drillId = expectId(input.drillId, 'Drill', ['input', 'drillId']);
      return enterDrillAsWorker(ctx.em, ctx.app.drillTokens, ctx.viewer!.workerId, drillId, input.deviceId);
    });
  }
}
