import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { withUserErrors } from '../../common/errors.js';
import { expectId, toGlobalId } from '../../common/relay.js';
import { Role } from '../../auth/role.js';
import { AttemptEventKind } from '../enums.js';
import { resultReleased } from './access.js';
import { DrillAttempt } from './attempt.entity.js';
import { extendDeadline, voidAttempt } from './ops.service.js';
import { DrillAttemptEvent, ExtendDrillDeadlineInput, VoidDrillAttemptInput } from './ops.inputs.js';
import { AttemptPayload } from './taking.inputs.js';
import { takingDrillById } from './taking.loaders.js';

/** The organizer's tools when things go wrong (issue 16): extend a deadline, void an attempt; and the record of both. */
@Resolver(() => DrillAttempt)
export class DrillOpsResolver {
  @Authorized(Role.ORGANIZER)
  @Mutation(() => AttemptPayload, {
    description: 'The drill’s organizer (or an ADMIN; another organizer: FORBIDDEN): extends one taker’s deadline, e.g. after an outage at their enterprise. '
      + '`minutes` is the extension in total (1–120; a retry changes nothing); recorded with who, when and why. Only an attempt under way (else INVALID_STATE).',
  })
  async extendDrillDeadline(@Arg('input') input: ExtendDrillDeadlineInput, @Ctx() ctx: Context): Promise<AttemptPayload> {
    return withUserErrors(async () => {
      const attemptId = expectId(input.attemptId, 'DrillAttempt', ['input', 'attemptId']);
      return { attempt: await extendDeadline(ctx.em, ctx.viewer!, attemptId, input.minutes, input.reason) };
    });
  }

  @Authorized(Role.ORGANIZER)
  @Mutation(() => AttemptPayload, {
    description: 'The drill’s organizer (or an ADMIN; another organizer: FORBIDDEN): voids an attempt started or submitted (e.g. cheating); it never counts in results '
      + 'and shows no marks; recorded with who, when and why. Again on a voided attempt: returns it unchanged.',
  })
  async voidDrillAttempt(@Arg('input') input: VoidDrillAttemptInput, @Ctx() ctx: Context): Promise<AttemptPayload> {
    return withUserErrors(async () => {
      const attemptId = expectId(input.attemptId, 'DrillAttempt', ['input', 'attemptId']);
      return { attempt: await voidAttempt(ctx.em, ctx.viewer!, attemptId, input.reason) };
    });
  }

  @FieldResolver(() => [DrillAttemptEvent], {
    description: 'Extensions, voiding and re-markings after a question’s correction, oldest first (bounded: a few per attempt, one re-marking per correction of a question on the paper).',
  })
  async history(@Root() attempt: DrillAttempt, @Ctx() ctx: Context): Promise<DrillAttemptEvent[]> {
    const drill = (await ctx.loaders.get(takingDrillById).load(attempt.drill.id))!;
    const released = resultReleased(attempt, drill);
    return attempt.history.map((e) => ({
      kind: e.kind as AttemptEventKind,
      at: new Date(e.at),
      reason: e.reason,
      minutes: e.minutes ?? null,
      questionId: e.questionId ? toGlobalId('Question', e.questionId) : null,
      revision: e.revision ?? null,
      oldScore: released ? e.oldScore ?? null : null,
      newScore: released ? e.newScore ?? null : null,
    }));
  }
}
