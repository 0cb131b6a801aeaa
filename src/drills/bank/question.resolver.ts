import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { withUserErrors } from '../../common/errors.js';
import { ConnectionArgs, expectId } from '../../common/relay.js';
import { orderOf, paginate } from '../../common/pagination.js';
import { registerNodeType } from '../../common/node.resolver.js';
import { UserSummary, userSummary } from '../../auth/user-summary.js';
import { BANK_APPROVERS, BANK_READERS, BANK_WRITERS, readsBank } from '../access.js';
import { Question } from './question.entity.js';
import {
  CreateQuestionInput, ImportQuestionsInput, ImportQuestionsPayload, QuestionConnection, QuestionFilter, QuestionIdInput, QuestionKey, QuestionOrder,
  QuestionPayload, UpdateQuestionInput,
} from './question.inputs.js';
import { questionWhere, QuestionService } from './question.service.js';

registerNodeType('Question', async (ctx, ids) => {
  if (!readsBank(ctx.viewer)) return new Map();
  return new Map((await ctx.em.find(Question, { id: { $in: ids } })).map((q) => [q.id, q]));
});

const FILTER_ARG = { nullable: true, description: 'Which questions; all when omitted.' } as const;

@Resolver(() => Question)
export class QuestionResolver {
  @Authorized(...BANK_READERS)
  @Query(() => QuestionConnection, { description: 'ORGANIZER, REVIEWER, ADMIN: the question bank (题库). Default order: newest first.' })
  async questions(
    @Args() page: ConnectionArgs,
    @Arg('filter', () => QuestionFilter, FILTER_ARG) filter: QuestionFilter | null,
    @Arg('orderBy', () => QuestionOrder, { nullable: true, description: 'The order; newest first when omitted.' }) orderBy: QuestionOrder | null,
    @Ctx() ctx: Context,
  ): Promise<QuestionConnection> {
    return paginate(ctx.em, Question, questionWhere(filter), page, orderOf(orderBy, { createdAt: 'desc', id: 'desc' }));
  }

  @Authorized(...BANK_READERS)
  @Query(() => String, {
    description: 'ORGANIZER, REVIEWER, ADMIN: the questions the filter picks (at most 10,000, oldest first) as a CSV file in the import template '
      + '(docs/question-bank.md), keys and explanations included; importQuestions reads it back unchanged.',
  })
  async questionsCsv(@Arg('filter', () => QuestionFilter, FILTER_ARG) filter: QuestionFilter | null, @Ctx() ctx: Context): Promise<string> {
    return new QuestionService(ctx.em, ctx.viewer!).exportCsv(filter);
  }

  @FieldResolver(() => QuestionKey, { nullable: true, description: 'The key and explanation: for ORGANIZER, REVIEWER and ADMIN; null for anyone else.' })
  key(@Root() q: Question, @Ctx() ctx: Context): QuestionKey | null {
    return readsBank(ctx.viewer) ? { answer: q.answerKey, explanation: q.explanation } : null;
  }

  @FieldResolver(() => UserSummary, { description: 'Who wrote or imported it.' })
  async createdBy(@Root() q: Question, @Ctx() ctx: Context): Promise<UserSummary> {
    return userSummary(ctx, q.createdBy.id);
  }

  @FieldResolver(() => UserSummary, { nullable: true, description: 'The reviewer who approved it; null before approval.' })
  async approvedBy(@Root() q: Question, @Ctx() ctx: Context): Promise<UserSummary | null> {
    return q.approvedBy ? userSummary(ctx, q.approvedBy.id) : null;
  }

  @Authorized(...BANK_WRITERS)
  @Mutation(() => QuestionPayload, { description: 'ORGANIZER, ADMIN: write a question into the bank, as a DRAFT.' })
  async createQuestion(@Arg('input') input: CreateQuestionInput, @Ctx() ctx: Context): Promise<QuestionPayload> {
    return withUserErrors(async () => ({
      question: await new QuestionService(ctx.em, ctx.viewer!).create(
        {
          trade: input.trade, skillLevel: input.skillLevel ?? null, type: input.type, stem: input.stem, options: input.options ?? [], answer: input.answer,
          topic: input.topic, difficulty: input.difficulty, explanation: input.explanation ?? null,
        },
        input.idempotencyKey,
      ),
    }));
  }

  @Authorized(...BANK_WRITERS)
  @Mutation(() => QuestionPayload, {
    description: 'ORGANIZER, ADMIN: change a DRAFT, or correct an APPROVED question (a change of its text, options or key raises its revision and '
      + 're-marks the attempts that hold it); a RETIRED question is refused (INVALID_STATE).',
  })
  async updateQuestion(@Arg('input') input: UpdateQuestionInput, @Ctx() ctx: Context): Promise<QuestionPayload> {
    return withUserErrors(async () => {
      const id = expectId(input.questionId, 'Question', ['input', 'questionId']);
      const { questionId: _id, version, ...changes } = input;
      return { question: await new QuestionService(ctx.em, ctx.viewer!).update(id, changes, version) };
    });
  }

  @Authorized(...BANK_APPROVERS)
  @Mutation(() => QuestionPayload, {
    description: 'REVIEWER, ADMIN: approve a DRAFT question (审核) so papers may draw it; nobody approves a question they wrote (CONFLICT_OF_INTEREST).',
  })
  async approveQuestion(@Arg('input') input: QuestionIdInput, @Ctx() ctx: Context): Promise<QuestionPayload> {
    return withUserErrors(async () => ({
      question: await new QuestionService(ctx.em, ctx.viewer!).approve(expectId(input.questionId, 'Question', ['input', 'questionId'])),
    }));
  }

  @Authorized(...BANK_WRITERS)
  @Mutation(() => QuestionPayload, { description: 'ORGANIZER, ADMIN: retire a question (停用): no paper draws it again; papers already drawn keep it.' })
  async retireQuestion(@Arg('input') input: QuestionIdInput, @Ctx() ctx: Context): Promise<QuestionPayload> {
    return withUserErrors(async () => ({
      question: await new QuestionService(ctx.em, ctx.viewer!).retire(expectId(input.questionId, 'Question', ['input', 'questionId'])),
    }));
  }

  @Authorized(...BANK_WRITERS)
  @Mutation(() => ImportQuestionsPayload, {
    description: 'ORGANIZER, ADMIN: import a CSV file in the bank’s template (docs/question-bank.md) as DRAFTs of one trade: all rows or none; '
      + 'each bad row is one userError naming it as a spreadsheet does (the header is row 1), field ["input", "csv", row, column].',
  })
  async importQuestions(@Arg('input') input: ImportQuestionsInput, @Ctx() ctx: Context): Promise<ImportQuestionsPayload> {
    return withUserErrors(async () => ({ importedCount: await new QuestionService(ctx.em, ctx.viewer!).importCsv(input.trade, input.csv, input.idempotencyKey) }));
  }
}
