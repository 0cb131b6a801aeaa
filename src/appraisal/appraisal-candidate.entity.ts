import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { Node } from '../common/relay.js';
import { SkillLevel } from '../registry/enums.js';
import { Worker } from '../registry/worker.entity.js';
import { User } from '../auth/user.entity.js';
import { AppraisalSession } from './appraisal-session.entity.js';
import { AppraisalCandidateOutcome } from './enums.js';

@ObjectType({ implements: Node, description: 'A worker appraised in a session, with their result and, on a pass, the certificate number (证书编号).' })
@Entity()
@Unique({ properties: ['session', 'worker'] })
export class AppraisalCandidate extends Node {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => AppraisalSession, { ref: true, deleteRule: 'cascade' })
  session!: Ref<AppraisalSession>;

  /** Resolved through a loader. */
  @ManyToOne(() => Worker, { ref: true, deleteRule: 'cascade' })
  @Index()
  worker!: Ref<Worker>;

  @Field(() => SkillLevel, { nullable: true, description: 'The level the worker held when added.' })
  @Enum({ items: () => SkillLevel, nullable: true })
  fromLevel: SkillLevel | null = null;

  @Field({ description: 'When the worker was added to the session.' })
  @Property({ type: 'Date' })
  addedAt: Date = new Date();

  @Field(() => Float, { nullable: true, description: 'The weighted result (0–100, two decimals): per component the mean of the assessors’ marks, weighted by the session. Null until the session closes.' })
  @Property({ type: 'double', nullable: true })
  result: number | null = null;

  @Field(() => AppraisalCandidateOutcome, { description: 'PENDING while the session is open, then PASSED or FAILED; ANNULLED after an annulment.' })
  @Enum({ items: () => AppraisalCandidateOutcome })
  outcome: AppraisalCandidateOutcome = AppraisalCandidateOutcome.PENDING;

  @Field(() => String, { nullable: true, description: 'Certificate number (证书编号) of a pass: the body’s code, the year and a five-digit sequence per body and year.' })
  @Property({ type: 'string', length: 40, nullable: true, unique: true })
  certificateNumber: string | null = null;

  /** The APPRAISAL entry a pass wrote into the worker's skill level history. */
  @Property({ type: 'uuid', nullable: true })
  levelChangeId: string | null = null;
}

/** One assessor's five marks for one candidate (0–100 each); entered again, they replace the earlier ones while the session is open. */
@ObjectType({ description: 'One assessor’s marks (0–100) for one candidate, per component.' })
@Entity()
@Unique({ properties: ['candidate', 'assessor'] })
export class AppraisalMark {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => AppraisalCandidate, { ref: true, deleteRule: 'cascade' })
  candidate!: Ref<AppraisalCandidate>;

  @ManyToOne(() => User, { ref: true, deleteRule: 'restrict' })
  assessor!: Ref<User>;

  @Field(() => Int, { description: 'Theory (理论知识).' }) @Property({ type: 'integer' }) theory!: number;
  @Field(() => Int, { description: 'Practical skill (操作技能).' }) @Property({ type: 'integer' }) practical!: number;
  @Field(() => Int, { description: 'Innovation ability (创新能力).' }) @Property({ type: 'integer' }) innovation!: number;
  @Field(() => Int, { description: 'On-site problem solving (解决现场问题).' }) @Property({ type: 'integer' }) problemSolving!: number;
  @Field(() => Int, { description: 'Performance contribution (业绩贡献).' }) @Property({ type: 'integer' }) performance!: number;

  @Field({ description: 'When the marks were last entered.' })
  @Property({ type: 'Date' })
  enteredAt: Date = new Date();
}
