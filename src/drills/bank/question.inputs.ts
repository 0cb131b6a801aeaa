import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Payload } from '../../common/errors.js';
import { orderInput } from '../../common/order-input.js';
import { Connection } from '../../common/relay.js';
import { SkillLevel } from '../../registry/enums.js';
import { QuestionDifficulty, QuestionStatus, QuestionType } from '../enums.js';
import { Question } from './question.entity.js';

const OPTIONS = 'Option texts in order: the first is A, then B … (2 to 6 for SINGLE_CHOICE and MULTIPLE_CHOICE, each up to 500 characters, no two alike; empty for TRUE_FALSE and FILL_IN).';
const ANSWER = 'The key: one option letter for SINGLE_CHOICE, two or more for MULTIPLE_CHOICE, TRUE or FALSE for TRUE_FALSE, '
  + '1 to 10 accepted answers for FILL_IN (compared after folding full-/half-width, removing spaces and lower-casing).';

@InputType({ description: 'A new question for the bank (题库); it starts as a DRAFT.' })
export class CreateQuestionInput {
  @Field({ description: 'Trade (工种) whose bank it joins, 1–100 characters.' }) trade!: string;
  @Field(() => SkillLevel, { nullable: true, description: 'The skill level it is written for; omit for any level.' }) skillLevel?: SkillLevel | null;
  @Field(() => QuestionType, { description: 'Kind of question (题型).' }) type!: QuestionType;
  @Field({ description: 'The question (题干), 1–2000 characters; line breaks allowed.' }) stem!: string;
  @Field(() => [String], { defaultValue: [], description: OPTIONS }) options!: string[];
  @Field(() => [String], { description: ANSWER }) answer!: string[];
  @Field({ description: 'Topic (知识点), 1–100 characters; paper rules draw by it.' }) topic!: string;
  @Field(() => QuestionDifficulty, { description: 'Difficulty (难度).' }) difficulty!: QuestionDifficulty;
  @Field(() => String, { nullable: true, description: 'Explanation (解析) shown to takers after their attempt, up to 2000 characters.' }) explanation?: string | null;
  @Field(() => String, { nullable: true, description: 'A client key (1–200 characters): a retry with the same key and input returns the first outcome and writes nothing new.' })
  idempotencyKey?: string | null;
}

@InputType({ description: 'Changes a question: a DRAFT freely; an APPROVED one is corrected (a change of text, options or key raises its revision and re-marks the attempts that hold it); a RETIRED one not at all. Omitted fields stay.' })
export class UpdateQuestionInput {
  @Field(() => ID, { description: 'The Question’s global ID.' }) questionId!: string;
  @Field(() => Int, { nullable: true, description: 'The version you read (Question.version): refused with STALE_VERSION when someone changed it since.' }) version?: number | null;
  @Field(() => String, { nullable: true, description: 'New trade.' }) trade?: string | null;
  @Field(() => SkillLevel, { nullable: true, description: 'New skill level; null clears it (any level).' }) skillLevel?: SkillLevel | null;
  @Field(() => QuestionType, { nullable: true, description: 'New type (a DRAFT only); give options and answer to match.' }) type?: QuestionType | null;
  @Field(() => String, { nullable: true, description: 'New question text.' }) stem?: string | null;
  @Field(() => [String], { nullable: true, description: `New options. ${OPTIONS}` }) options?: string[] | null;
  @Field(() => [String], { nullable: true, description: `New key. ${ANSWER}` }) answer?: string[] | null;
  @Field(() => String, { nullable: true, description: 'New topic.' }) topic?: string | null;
  @Field(() => QuestionDifficulty, { nullable: true, description: 'New difficulty.' }) difficulty?: QuestionDifficulty | null;
  @Field(() => String, { nullable: true, description: 'New explanation; null or empty clears it.' }) explanation?: string | null;
}

@InputType({ description: 'Names one question.' })
export class QuestionIdInput {
  @Field(() => ID, { description: 'The Question’s global ID.' }) questionId!: string;
}

@InputType({ description: 'A CSV file of questions in the bank’s template (docs/question-bank.md): all rows are imported as DRAFTs, or none.' })
export class ImportQuestionsInput {
  @Field({ description: 'Trade (工种) of every question in the file.' }) trade!: string;
  @Field({ description: 'The file’s text, UTF-8 with or without a byte order mark; row 1 is the header (题型,题干,选项A…选项F,答案,解析,知识点,难度,技能等级); at most 2000 questions.' }) csv!: string;
  @Field(() => String, { nullable: true, description: 'A client key (1–200 characters): a retried upload with the same key and file imports nothing twice.' }) idempotencyKey?: string | null;
}

@ObjectType({ description: 'A question’s key and explanation: for the bank’s keepers (ORGANIZER, REVIEWER, ADMIN) only.' })
export class QuestionKey {
  @Field(() => [String], { description: 'The right option letters; TRUE or FALSE; or the accepted fill-in answers.' }) answer!: string[];
  @Field(() => String, { nullable: true, description: 'The explanation (解析); null when none.' }) explanation!: string | null;
}

@ObjectType({ description: 'The outcome of createQuestion, updateQuestion, approveQuestion or retireQuestion.' })
export class QuestionPayload extends Payload {
  @Field(() => Question, { nullable: true, description: 'The question as stored now; null when refused.' }) question?: Question | null;
}

@ObjectType({ description: 'The outcome of importQuestions.' })
export class ImportQuestionsPayload extends Payload {
  @Field(() => Int, { nullable: true, description: 'How many questions were imported (as DRAFTs); null when refused, and then none was.' }) importedCount?: number | null;
}

@InputType({ description: 'Which questions: every condition given must hold.' })
export class QuestionFilter {
  @Field(() => String, { nullable: true, description: 'Of this trade.' }) trade?: string | null;
  @Field(() => SkillLevel, { nullable: true, description: 'Written for this skill level.' }) skillLevel?: SkillLevel | null;
  @Field(() => String, { nullable: true, description: 'Of this topic (exactly).' }) topic?: string | null;
  @Field(() => QuestionDifficulty, { nullable: true, description: 'Of this difficulty.' }) difficulty?: QuestionDifficulty | null;
  @Field(() => QuestionType, { nullable: true, description: 'Of this type.' }) type?: QuestionType | null;
  @Field(() => QuestionStatus, { nullable: true, description: 'In this status.' }) status?: QuestionStatus | null;
}

export enum QuestionOrderField {
  CREATED_AT = 'createdAt',
  UPDATED_AT = 'updatedAt',
  TOPIC = 'topic',
}
export const QuestionOrder = orderInput('Question', QuestionOrderField, {
  fields: 'What to order bank questions by.',
  values: { CREATED_AT: 'When it was written or imported.', UPDATED_AT: 'When it last changed.', TOPIC: 'Its topic (知识点).' },
  input: 'The order of bank questions (Query.questions).',
});
export type QuestionOrder = InstanceType<typeof QuestionOrder>;

export const QuestionConnection = Connection(Question, 'Question');
export type QuestionConnection = InstanceType<typeof QuestionConnection>;
