import { Arg, Ctx, FieldResolver, Float, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { notFound, withUserErrors } from '../../common/errors.js';
import { expectId, toGlobalId } from '../../common/relay.js';
import { registerNodeType } from '../../common/node.resolver.js';
import { Drill } from '../setup/drill.entity.js';
import { isAdmin } from '../access.js';
import { resultReleased, takerOf } from './access.js';
import { DrillAttempt } from './attempt.entity.js';
import { AttemptService } from './attempt.service.js';
import { isCorrect } from '../bank/answers.js';
import { AttemptStatus } from '../enums.js';
import {
  AttemptPayload, PaperQuestion, SaveAnswerInput, SaveAnswerPayload, StartAttemptInput, SubmitAttemptInput, TopicMarksView,
} from './taking.inputs.js';
import { answersByAttempt, paperQuestionById, takingDrillById } from './taking.loaders.js';

// An attempt answers to its taker's drill token, and to whoever runs its drill (its organizer, an ADMIN),
// who list it in Drill.attempts: node(id:) shows what the lists show, no more and no less.
registerNodeType('DrillAttempt', async (ctx, ids) => {
  const taker = ctx.drillTaker;
  const viewer = ctx.viewer;
  if (!taker && !viewer) return new Map();
  const scope = taker
    ? { drill: taker.drillId, worker: taker.workerId }
    : isAdmin(viewer) ? {} : { drill: { organizer: viewer!.id } };
  const rows = await ctx.em.find(DrillAttempt, { id: { $in: ids }, ...scope } as never);
  return new Map(rows.map((r) => [r.id, r]));
});

async function drillOf(ctx: Context, attempt: DrillAttempt): Promise<Drill> {
  return (await ctx.loaders.get(takingDrillById).load(attempt.drill.id))!;
}

@Resolver(() => DrillAttempt)
export class DrillAttemptResolver {
  @Query(() => [DrillAttempt], {
    description: 'A drill token’s own attempts in its drill, oldest first (at most the drill’s attemptsAllowed, plus one pre-drawn). '
      + 'Only with a drill token (enterDrill); anything else is UNAUTHENTICATED.',
  })
  async myDrillAttempts(@Ctx() ctx: Context): Promise<DrillAttempt[]> {
    const taker = takerOf(ctx);
    return ctx.em.find(DrillAttempt, { drill: taker.drillId, worker: taker.workerId }, { orderBy: { number: 'asc' } });
  }

  @Mutation(() => AttemptPayload, {
    description: 'Drill token only: starts the taker’s next attempt, or resumes the one under way (this device takes it over). Returns the paper without '
      + 'answers and the server’s deadline. Refused (INVALID_STATE) outside the window, with a revoked pass, or with no attempts left.',
  })
  async startAttempt(@Arg('input') input: StartAttemptInput, @Ctx() ctx: Context): Promise<AttemptPayload> {
    const taker = takerOf(ctx);
    return withUserErrors(async () => {
      if (expectId(input.drillId, 'Drill', ['input', 'drillId']) !== taker.drillId) throw notFound('Drill', ['input', 'drillId']);
      const started = await new AttemptService(ctx.em, taker).start(ctx.app.paperQuestions);
      if (started.drill && started.questions) {
        // The one-statement start read these already: the paper's fields resolve without another statement.
        ctx.loaders.get(takingDrillById).prime(started.drill.id, started.drill);
        const questions = ctx.loaders.get(paperQuestionById);
        for (const q of started.questions) questions.prime(q.id, q);
        ctx.loaders.get(answersByAttempt).prime(started.attempt.id, []);
      }
      return { attempt: started.attempt };
    });
  }

  @Mutation(() => SaveAnswerPayload, {
    description: 'Drill token only: stores one answer of the attempt under way, before its deadline. Idempotent: a save whose seq is not above the stored one '
      + 'changes nothing (saved: false). After another device took the attempt over: userError DEVICE_REPLACED.',
  })
  async saveAnswer(@Arg('input') input: SaveAnswerInput, @Ctx() ctx: Context): Promise<SaveAnswerPayload> {
    const taker = takerOf(ctx);
    return withUserErrors(async () => {
      const attemptId = expectId(input.attemptId, 'DrillAttempt', ['input', 'attemptId']);
      const questionId = expectId(input.questionId, 'Question', ['input', 'questionId']);
      return ctx.app.answerSaves.save(taker, attemptId, questionId, input.answer, input.seq);
    });
  }

  @Mutation(() => AttemptPayload, {
    description: 'Drill token only: submits the attempt and marks it at once (again on a submitted one: returns it). After another device took it over: DEVICE_REPLACED.',
  })
  async submitAttempt(@Arg('input') input: SubmitAttemptInput, @Ctx() ctx: Context): Promise<AttemptPayload> {
    const taker = takerOf(ctx);
    return withUserErrors(async () => {
      const attemptId = expectId(input.attemptId, 'DrillAttempt', ['input', 'attemptId']);
      return { attempt: await new AttemptService(ctx.em, taker).submit(attemptId) };
    });
  }

  @FieldResolver(() => Drill, { description: 'The drill.' })
  async drill(@Root() attempt: DrillAttempt, @Ctx() ctx: Context): Promise<Drill> {
    return drillOf(ctx, attempt);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the result (score, breakdown, keys and explanations) is shown: after submission, and for a drill releasing AFTER_WINDOW once its window closed.' })
  async resultReleased(@Root() attempt: DrillAttempt, @Ctx() ctx: Context): Promise<boolean> {
    return resultReleased(attempt, await drillOf(ctx, attempt));
  }

  @FieldResolver(() => Float, { nullable: true, description: 'Points earned; null until the result is released.' })
  async score(@Root() attempt: DrillAttempt, @Ctx() ctx: Context): Promise<number | null> {
    return resultReleased(attempt, await drillOf(ctx, attempt)) ? Number(attempt.score) : null;
  }

  @FieldResolver(() => Float, { description: 'Points available on this paper.' })
  maxScore(@Root() attempt: DrillAttempt): number {
    return Number(attempt.maxScore);
  }

  @FieldResolver(() => [TopicMarksView], { nullable: true, description: 'Marks per topic (bounded: one per topic of the paper rule); null until the result is released.' })
  async breakdown(@Root() attempt: DrillAttempt, @Ctx() ctx: Context): Promise<TopicMarksView[] | null> {
    return resultReleased(attempt, await drillOf(ctx, attempt)) ? attempt.breakdown : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Why the organizer voided it; null unless VOIDED.' })
  voidReason(@Root() attempt: DrillAttempt): string | null {
    return attempt.voidReason;
  }

  @FieldResolver(() => [PaperQuestion], {
    description: 'The paper in this taker’s order, with their saved answers (bounded by the paper rule); empty while only DRAWN. No answer key or explanation until the result is released.',
  })
  async questions(@Root() attempt: DrillAttempt, @Ctx() ctx: Context): Promise<PaperQuestion[]> {
    // A paper drawn ahead is not shown before it is started (that would open the drill early).
    if (attempt.status === AttemptStatus.DRAWN) return [];
    const [drill, questions, answers] = await Promise.all([
      drillOf(ctx, attempt),
      ctx.loaders.get(paperQuestionById).loadMany(attempt.paper.map((i) => i.questionId)),
      ctx.loaders.get(answersByAttempt).load(attempt.id),
    ]);
    const released = resultReleased(attempt, drill);
    const saved = new Map(answers.map((a) => [a.questionId, a.answer]));
    return attempt.paper.flatMap((item, i) => {
      const q = questions[i];
      if (!q || q instanceof Error) return [];
      const byKey = new Map(q.options.map((o) => [o.key, o]));
      const answer = saved.get(q.id) ?? null;
      return [{
        position: i + 1,
        questionId: toGlobalId('Question', q.id),
        type: q.type,
        stem: q.stem,
        options: item.optionOrder.flatMap((k) => byKey.get(k) ?? []),
        points: item.points,
        answer,
        review: released ? { correct: !!answer && isCorrect(q.type, q.answerKey, answer), answerKey: q.answerKey, explanation: q.explanation } : null,
      }];
    });
  }
}
