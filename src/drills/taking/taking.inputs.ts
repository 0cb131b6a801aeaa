import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Payload } from '../../common/errors.js';
import { Worker } from '../../registry/worker.entity.js';
import { QuestionOption } from '../bank/question.entity.js';
import { QuestionType } from '../enums.js';
import { Drill } from '../setup/drill.entity.js';
import { DrillAttempt } from './attempt.entity.js';

// ── Passes ──────────────────────────────────────────────────────────────────────

@InputType({ description: 'Issues drill passes (答题凭证) to an enterprise’s eligible workers.' })
export class IssueDrillPassesInput {
  @Field(() => ID, { description: 'The Drill’s global ID: published, its window not yet closed.' }) drillId!: string;
  @Field(() => ID, { description: 'The Enterprise’s global ID: passes go to its workers whom the drill’s eligibility admits.' }) enterpriseId!: string;
}

@ObjectType({ description: 'A pass as issued: the code in clear, shown this once (only its hash is kept).' })
export class IssuedDrillPass {
  @Field(() => Worker, { description: 'The worker the pass is bound to (with the employee number it must be used with).' }) worker!: Worker;
  @Field({ description: 'The pass code, 12 characters in groups of four (e.g. 7KQM-XA3T-PRW9); dashes and case do not matter when typed.' }) code!: string;
}

@ObjectType({ description: 'The outcome of issueDrillPasses.' })
export class IssueDrillPassesPayload extends Payload {
  @Field(() => [IssuedDrillPass], { nullable: true, description: 'The passes issued now, in employee-number order; null when refused. Not a connection: returned once, by design, '
    + 'and at most one per worker of the enterprise.' })
  passes?: IssuedDrillPass[] | null;
  @Field(() => String, { nullable: true, description: 'The same passes as CSV (UTF-8 with BOM; columns: pass, employee number, name, trade), for printing and mail merge; null when refused.' })
  csv?: string | null;
  @Field(() => String, { nullable: true, description: 'The same passes as a printable page: a self-contained HTML document (UTF-8, A4, four cut-out slips per sheet) '
    + 'with the drill, its window (Beijing time), time limit and attempts, the enterprise, the worker’s name and employee number, the code in large type and how to use it. '
    + 'Open it in a browser and print; the codes are in it in clear, so treat it as the CSV. Null when refused.' })
  printPage?: string | null;
  @Field(() => Int, { nullable: true, description: 'Eligible workers skipped because they hold a live pass already (reissueDrillPass replaces a lost one).' })
  alreadyHeld?: number | null;
  @Field(() => Int, { nullable: true, description: 'Workers of the enterprise the drill’s eligibility leaves out.' }) notEligible?: number | null;
}

@InputType({ description: 'Replaces a worker’s lost drill pass: the old code stops working at once.' })
export class ReissueDrillPassInput {
  @Field(() => ID, { description: 'The Drill’s global ID.' }) drillId!: string;
  @Field(() => ID, { description: 'The Worker’s global ID: a worker holding a live pass for the drill.' }) workerId!: string;
}

@ObjectType({ description: 'The outcome of reissueDrillPass.' })
export class ReissueDrillPassPayload extends Payload {
  @Field(() => IssuedDrillPass, { nullable: true, description: 'The new pass, shown this once; null when refused.' }) pass?: IssuedDrillPass | null;
  @Field(() => String, { nullable: true, description: 'The same passes as a printable page: a self-contained HTML document (UTF-8, A4, one cut-out slip) '
    + 'with the drill, its window (Beijing time), time limit and attempts, the enterprise, the worker’s name and employee number, the code in large type and how to use it. '
    + 'Open it in a browser and print; the codes are in it in clear, so treat it as the CSV. Null when refused.' })
  printPage?: string | null;
}

@InputType({ description: 'Draws the papers of a drill ahead of its window.' })
export class DrawDrillPapersInput {
  @Field(() => ID, { description: 'The Drill’s global ID: published, its window not yet open.' }) drillId!: string;
}

@ObjectType({ description: 'The outcome of drawDrillPapers.' })
export class DrawDrillPapersPayload extends Payload {
  @Field(() => Int, { nullable: true, description: 'Papers drawn now (one per pass holder without one); null when refused.' }) drawn?: number | null;
}

// ── Entering ────────────────────────────────────────────────────────────────────

@InputType({ description: 'A pass and the worker’s employee number, exchanged for a drill token.' })
export class EnterDrillInput {
  @Field(() => ID, { description: 'The Drill’s global ID (printed with the pass).' }) drillId!: string;
  @Field({ description: 'The pass code as typed; dashes, spaces and case do not matter.' }) pass!: string;
  @Field({ description: 'The worker’s employee number (工号), as the registry holds it.' }) employeeNumber!: string;
  @Field(() => String, { nullable: true, description: 'A stable id of this device (up to 100 characters); a fresh one when omitted. Entering on another device takes the attempt under way over.' })
  deviceId?: string | null;
}

@ObjectType({ description: 'The outcome of enterDrill.' })
export class EnterDrillPayload extends Payload {
  @Field(() => String, { nullable: true, description: 'The drill token: send it as `Authorization: Bearer …` (HTTP only). It serves only this worker’s attempts in this drill; null when refused.' })
  token?: string | null;
  @Field(() => Date, { nullable: true, description: 'When the token expires: 7 days after the window closes (so a result released after the window can be read).' })
  expiresAt?: Date | null;
  @Field(() => String, { nullable: true, description: 'The device id the token is bound to (the one given, or a fresh one).' }) deviceId?: string | null;
  @Field(() => Drill, { nullable: true, description: 'The drill entered.' }) drill?: Drill | null;
}

@InputType({ description: 'A logged-in user linked to a worker enters a drill without typing the pass.' })
export class EnterDrillAsWorkerInput {
  @Field(() => ID, { description: 'The Drill’s global ID: the linked worker must hold a live pass for it.' }) drillId!: string;
  @Field(() => String, { nullable: true, description: 'A stable id of this device (up to 100 characters); a fresh one when omitted.' }) deviceId?: string | null;
}

// ── Attempts ────────────────────────────────────────────────────────────────────

@InputType({ description: 'Starts (or resumes) the token’s attempt.' })
export class StartAttemptInput {
  @Field(() => ID, { description: 'The Drill’s global ID: the drill the token was issued for.' }) drillId!: string;
}

@ObjectType({ description: 'The outcome of startAttempt or submitAttempt.' })
export class AttemptPayload extends Payload {
  @Field(() => DrillAttempt, { nullable: true, description: 'The attempt as it stands now; null when refused.' }) attempt?: DrillAttempt | null;
}

@InputType({ description: 'Stores one answer; send it whenever the answer changes.' })
export class SaveAnswerInput {
  @Field(() => ID, { description: 'The DrillAttempt’s global ID.' }) attemptId!: string;
  @Field(() => ID, { description: 'The question’s global ID (PaperQuestion.questionId).' }) questionId!: string;
  @Field(() => [String], { description: 'The answer: option keys for choice questions (one for SINGLE_CHOICE, any for MULTIPLE_CHOICE), TRUE or FALSE, or the text of a FILL_IN; '
    + 'at most 10 parts of 200 characters. An empty list clears it.' })
  answer!: string[];
  @Field(() => Int, { description: 'The client’s sequence number, raised with every change: a save never overwrites one with a higher number, so a retried older save is harmless.' })
  seq!: number;
}

@ObjectType({ description: 'The outcome of saveAnswer.' })
export class SaveAnswerPayload extends Payload {
  @Field(() => Boolean, { nullable: true, description: 'True when this save was stored; false when a save with this or a higher seq was stored before (nothing changed); null when refused.' })
  saved?: boolean | null;
  @Field(() => Int, { nullable: true, description: 'The seq of the answer stored now.' }) seq?: number | null;
}

@InputType({ description: 'Submits an attempt for marking.' })
export class SubmitAttemptInput {
  @Field(() => ID, { description: 'The DrillAttempt’s global ID.' }) attemptId!: string;
}

// ── The paper as the taker sees it ───────────────────────────────────────────────

@ObjectType({ description: 'The right answer and explanation of a paper question, released with the result.' })
export class PaperQuestionReview {
  @Field({ description: 'Whether the taker’s answer earned the points.' }) correct!: boolean;
  @Field(() => [String], { description: 'The right answer: option keys, TRUE or FALSE, or the accepted fill-in answers.' }) answerKey!: string[];
  @Field(() => String, { nullable: true, description: 'The explanation (解析); null when the bank has none.' }) explanation!: string | null;
}

@ObjectType({ description: 'One question of a taker’s paper: no answer key until the result is released.' })
export class PaperQuestion {
  @Field(() => Int, { description: 'Its place on the paper, from 1.' }) position!: number;
  @Field(() => ID, { description: 'The question’s global ID, for saveAnswer.' }) questionId!: string;
  @Field(() => QuestionType, { description: 'Kind of question.' }) type!: QuestionType;
  @Field({ description: 'The question (题干).' }) stem!: string;
  @Field(() => [QuestionOption], { description: 'The options in this taker’s shuffled order (keys as in the bank); empty for TRUE_FALSE and FILL_IN.' }) options!: QuestionOption[];
  @Field(() => Float, { description: 'Points a right answer earns.' }) points!: number;
  @Field(() => [String], { nullable: true, description: 'The answer stored for it; null when none was saved.' }) answer!: string[] | null;
  @Field(() => PaperQuestionReview, { nullable: true, description: 'Right answer and explanation: null until the result is released (see DrillAttempt.resultReleased).' })
  review!: PaperQuestionReview | null;
}

@ObjectType('DrillTopicMarks', { description: 'Marks of one topic (知识点) of a submitted attempt.' })
export class TopicMarksView {
  @Field({ description: 'The topic.' }) topic!: string;
  @Field(() => Float, { description: 'Points earned.' }) score!: number;
  @Field(() => Float, { description: 'Points available.' }) maxScore!: number;
  @Field(() => Int, { description: 'Questions answered right.' }) correct!: number;
  @Field(() => Int, { description: 'Questions of the topic on the paper.' }) questions!: number;
}
