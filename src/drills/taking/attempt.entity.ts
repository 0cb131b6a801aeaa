import { DecimalType, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { Node } from '../../common/relay.js';
import { Worker } from '../../registry/worker.entity.js';
import { AttemptStatus, AttemptSubmission } from '../enums.js';
import { Drill } from '../setup/drill.entity.js';
import type { PaperItem } from '../setup/paper.js';

export type { PaperItem };

/** Per-topic marks of a submitted attempt. */
export interface TopicMarks {
  topic: string;
  score: number;
  maxScore: number;
  correct: number;
  questions: number;
}

/** One recorded intervention on an attempt (ops.service.ts): an extension, a voiding, a re-marking. */
export interface AttemptEvent {
  kind: 'DEADLINE_EXTENDED' | 'VOIDED' | 'REMARKED';
  at: string;
  /** The user who did it; null for a re-marking (it follows a question's correction). */
  byUserId: string | null;
  reason: string | null;
  /** DEADLINE_EXTENDED: the extension in total after it, in minutes. */
  minutes?: number;
  /** REMARKED: the corrected question, its new revision, the score before and after. */
  questionId?: string;
  revision?: number;
  oldScore?: number;
  newScore?: number;
}

/**
 * One taker's attempt at a drill (答题): their own paper drawn from a recorded seed, the deadline the
 * server holds them to, and once submitted (by them or the sweeper at the deadline) the marks.
 * `activeDevice` is the device that holds the attempt: entering again elsewhere takes it over.
 */
@ObjectType({ implements: Node, description: 'One taker’s attempt at a drill (答题): their paper, deadline and, when released, their result.' })
@Entity({ tableName: 'drill_attempt' })
@Unique({ properties: ['drill', 'worker', 'number'] })
@Index({ name: 'drill_attempt_open_deadline_index', expression: `create index "drill_attempt_open_deadline_index" on "drill_attempt" ("deadline") where "status" = 'IN_PROGRESS'` })
export class DrillAttempt extends Node {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();

  @ManyToOne(() => Drill, { ref: true, deleteRule: 'cascade' }) @Index() drill!: Ref<Drill>;

  @ManyToOne(() => Worker, { ref: true, deleteRule: 'cascade' }) @Index() worker!: Ref<Worker>;

  @Field(() => Int, { description: 'The attempt’s number for this taker in this drill: 1, 2, … up to the drill’s attemptsAllowed.' })
  @Property({ type: 'integer' }) number!: number;

  /** The seed the paper was drawn with (drawPaper): the same seed and question pool give the same paper. */
  @Property({ type: 'integer' }) seed!: number;

  @Property({ type: 'json' }) paper: PaperItem[] = [];

  @Field(() => AttemptStatus, { description: 'DRAWN (paper ready, not started), IN_PROGRESS, SUBMITTED or VOIDED.' })
  @Enum({ items: () => AttemptStatus }) status: AttemptStatus = AttemptStatus.DRAWN;

  @Property({ type: 'Date' }) drawnAt: Date = new Date();

  @Field(() => Date, { nullable: true, description: 'When the taker started; null while only drawn.' })
  @Property({ type: 'Date', nullable: true }) startedAt: Date | null = null;

  @Field(() => Date, { nullable: true, description: 'The server’s deadline: the earlier of the start plus the time limit and the window’s close (plus any extension). Saves after it are refused.' })
  @Property({ type: 'Date', nullable: true }) deadline: Date | null = null;

  @Field(() => Date, { nullable: true, description: 'When it was submitted (for a submission at the deadline: the deadline); null before.' })
  @Property({ type: 'Date', nullable: true }) submittedAt: Date | null = null;

  @Field(() => AttemptSubmission, { nullable: true, description: 'Who submitted it: the TAKER, or the server at the DEADLINE; null before.' })
  @Enum({ items: () => AttemptSubmission, nullable: true }) submittedBy: AttemptSubmission | null = null;

  @Property({ type: new DecimalType('number'), precision: 8, scale: 2, nullable: true }) score: number | null = null;

  @Property({ type: new DecimalType('number'), precision: 8, scale: 2 }) maxScore!: number;

  @Property({ type: 'json', nullable: true }) breakdown: TopicMarks[] | null = null;

  @Property({ type: 'string', length: 100, nullable: true }) activeDevice: string | null = null;

  @Property({ type: 'string', length: 500, nullable: true }) voidReason: string | null = null;

  /** Minutes the organizer added to this taker's deadline (an outage at their enterprise). */
  @Property({ type: 'integer' }) deadlineExtendedBy: number = 0;

  /** Extensions, voiding and re-markings, oldest first (bounded: a few per attempt). */
  @Property({ type: 'json', default: '[]' }) history: AttemptEvent[] = [];

  @Property({ version: true }) version!: number;
}
