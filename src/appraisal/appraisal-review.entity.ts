import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { Node } from '../common/relay.js';
import { Worker } from '../registry/worker.entity.js';
import { User } from '../auth/user.entity.js';
import { AppraisalSession } from './appraisal-session.entity.js';
import { AppraisalCandidate } from './appraisal-candidate.entity.js';
import { AppraisalFlagDecision, AppraisalFlagStatus } from './enums.js';

/** At most this many candidates per sample. */
export const MAX_SAMPLE = 50;

@ObjectType({ implements: Node, description: 'An INSPECTOR’s sample (抽查) of a closed session’s results: which candidates were reviewed and what was found.' })
@Entity()
export class AppraisalSample extends Node {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => AppraisalSession, { ref: true, deleteRule: 'cascade' })
  @Index()
  session!: Ref<AppraisalSession>;

  @ManyToOne(() => User, { ref: true, deleteRule: 'restrict' })
  inspector!: Ref<User>;

  /** The sampled candidates (ids), at most MAX_SAMPLE. */
  @Property({ type: 'uuid[]' })
  candidateIds!: string[];

  @Field({ description: 'The findings (检查意见).' })
  @Property({ type: 'text' })
  findings!: string;

  @Field({ description: 'When the sample was recorded.' })
  @Property({ type: 'Date' })
  createdAt: Date = new Date();
}

@ObjectType({
  implements: Node,
  description: 'A worker flagged by an annulment: a later change was built on the level the annulled session granted, so the level was not reverted silently; an ADMIN decides.',
})
@Entity()
export class AppraisalFlag extends Node {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => AppraisalSession, { ref: true, deleteRule: 'cascade' })
  @Index()
  session!: Ref<AppraisalSession>;

  @ManyToOne(() => AppraisalCandidate, { ref: true, deleteRule: 'cascade' })
  candidate!: Ref<AppraisalCandidate>;

  /** Resolved through a loader. */
  @ManyToOne(() => Worker, { ref: true, deleteRule: 'cascade' })
  @Index()
  worker!: Ref<Worker>;

  @Field(() => AppraisalFlagStatus, { description: 'OPEN until an ADMIN decides.' })
  @Enum({ items: () => AppraisalFlagStatus })
  @Index()
  status: AppraisalFlagStatus = AppraisalFlagStatus.OPEN;

  @Field(() => AppraisalFlagDecision, { nullable: true, description: 'The ADMIN’s decision; null while open.' })
  @Enum({ items: () => AppraisalFlagDecision, nullable: true })
  decision: AppraisalFlagDecision | null = null;

  @Field(() => String, { nullable: true, description: 'The ADMIN’s note on the decision.' })
  @Property({ type: 'string', length: 2000, nullable: true })
  note: string | null = null;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  resolvedBy: Ref<User> | null = null;

  @Field(() => Date, { nullable: true, description: 'When it was decided.' })
  @Property({ type: 'Date', nullable: true })
  resolvedAt: Date | null = null;

  @Field({ description: 'When the annulment flagged the worker.' })
  @Property({ type: 'Date' })
  @Index()
  createdAt: Date = new Date();
}
