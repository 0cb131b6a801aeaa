import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { Node } from '../common/relay.js';
import { SkillLevel } from '../registry/enums.js';
import { User } from '../auth/user.entity.js';
import { AppraisalBody } from './appraisal-body.entity.js';
import { AppraisalSessionStatus } from './enums.js';

@ObjectType({ description: 'How an appraisal result is weighted, in percent of the result (sum 100; the last three together at least 40).' })
export class AppraisalWeights {
  @Field(() => Int, { description: 'Theory (理论知识).' }) theory!: number;
  @Field(() => Int, { description: 'Practical skill (操作技能).' }) practical!: number;
  @Field(() => Int, { description: 'Innovation ability (创新能力).' }) innovation!: number;
  @Field(() => Int, { description: 'On-site problem solving (解决现场问题).' }) problemSolving!: number;
  @Field(() => Int, { description: 'Performance contribution (业绩贡献).' }) performance!: number;
}

@ObjectType({ implements: Node, description: 'An appraisal session (认定批次) of an appraisal body: one trade, one target level, candidates from the registry.' })
@Entity()
export class AppraisalSession extends Node {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Resolved through a loader. */
  @ManyToOne(() => AppraisalBody, { ref: true, deleteRule: 'restrict' })
  @Index()
  body!: Ref<AppraisalBody>;

  /** Collated "pinyin" (Migration20261207020000). */
  @Field({ description: 'A title, e.g. 2026 年焊工高级工认定.' })
  @Property({ type: 'string', length: 200 })
  title!: string;

  @Field({ description: 'The trade (工种) appraised; one of the body’s trades.' })
  @Property({ type: 'string', length: 100 })
  trade!: string;

  @Field(() => SkillLevel, { description: 'The level a pass grants (one above the candidates’ current level).' })
  @Enum({ items: () => SkillLevel })
  targetLevel!: SkillLevel;

  @Field({ description: 'External (社会化评价: candidates of other enterprises; an assessor never marks a candidate of their own enterprise) or internal (the body’s own workers).' })
  @Property({ type: 'boolean' })
  external!: boolean;

  @Field(() => AppraisalSessionStatus, { description: 'OPEN, CLOSED or ANNULLED.' })
  @Enum({ items: () => AppraisalSessionStatus })
  @Index()
  status: AppraisalSessionStatus = AppraisalSessionStatus.OPEN;

  @Property({ type: 'integer' }) weightTheory!: number;
  @Property({ type: 'integer' }) weightPractical!: number;
  @Property({ type: 'integer' }) weightInnovation!: number;
  @Property({ type: 'integer' }) weightProblemSolving!: number;
  @Property({ type: 'integer' }) weightPerformance!: number;

  @Field(() => Int, { description: 'The lowest passing result, 1 to 100 (default 60).' })
  @Property({ type: 'integer' })
  passMark!: number;

  @ManyToOne(() => User, { ref: true, deleteRule: 'restrict' })
  createdBy!: Ref<User>;

  @Field({ description: 'When the session was opened.' })
  @Property({ type: 'Date' })
  @Index()
  createdAt: Date = new Date();

  @Field(() => Date, { nullable: true, description: 'When it was closed and its results written; null while open.' })
  @Property({ type: 'Date', nullable: true })
  closedAt: Date | null = null;

  @Field(() => Date, { nullable: true, description: 'When an INSPECTOR annulled its results.' })
  @Property({ type: 'Date', nullable: true })
  annulledAt: Date | null = null;

  @Field(() => String, { nullable: true, description: 'Why the results were annulled.' })
  @Property({ type: 'string', length: 2000, nullable: true })
  annulmentReason: string | null = null;

  @Field(() => AppraisalWeights, { description: 'The weights of the five components.' })
  get weights(): AppraisalWeights {
    return { theory: this.weightTheory, practical: this.weightPractical, innovation: this.weightInnovation, problemSolving: this.weightProblemSolving, performance: this.weightPerformance };
  }
}

/** Who may enter marks in a session: at most MAX_ASSESSORS users, named by whoever runs it. */
@Entity()
@Unique({ properties: ['session', 'user'] })
export class AppraisalAssessor {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => AppraisalSession, { ref: true, deleteRule: 'cascade' })
  session!: Ref<AppraisalSession>;

  @ManyToOne(() => User, { ref: true, deleteRule: 'restrict' })
  @Index()
  user!: Ref<User>;

  @Property({ type: 'Date' })
  addedAt: Date = new Date();
}
export const MAX_ASSESSORS = 15;
