import { DecimalType, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { Node } from '../common/relay.js';
import type { User } from '../auth/user.entity.js';
import { DecimalScalar } from '../studios/decimal.js';
import { FundingSourceKind, GateVerdict, PartnerKind, ProjectStage } from './enums.js';
import type { IncubationProject } from './incubation-project.entity.js';

// The parts of a project, each a small record hanging off it (one file: they are one concept).

@ObjectType({ implements: Node, description: 'A partner in the incubation chain: union, college, market company, financial institution.' })
@Entity()
export class ProjectPartner extends Node {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne('IncubationProject', { ref: true, deleteRule: 'cascade' }) @Index() project!: Ref<IncubationProject>;
  @Field(() => PartnerKind, { description: 'What kind of partner.' }) @Enum({ items: () => PartnerKind }) kind!: PartnerKind;
  @Field({ description: 'e.g. 市总工会; unique per project and kind.' }) @Property({ type: 'string', length: 200 }) name!: string;
  @Field({ description: 'What the partner brings.' }) @Property({ type: 'text' }) contribution!: string;
  @Field({ description: 'When it joined the project.' }) @Property({ type: 'Date' }) addedAt: Date = new Date();
}

@ObjectType({ implements: Node, description: 'Money received by a project, in yuan.' })
@Entity()
export class ProjectFunding extends Node {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne('IncubationProject', { ref: true, deleteRule: 'cascade' }) @Index() project!: Ref<IncubationProject>;
  @Field(() => FundingSourceKind, { description: 'What kind of source.' }) @Enum({ items: () => FundingSourceKind }) sourceKind!: FundingSourceKind;
  @Field({ description: 'Who gave it, e.g. 市总工会, 某银行.' }) @Property({ type: 'string', length: 200 }) source!: string;
  @Field(() => DecimalScalar, { description: 'Yuan, exact, two decimals.' }) @Property({ type: new DecimalType('string'), precision: 14, scale: 2 }) amount!: string;
  @Field({ description: 'When the money was received.' }) @Property({ type: 'Date' }) @Index() receivedAt!: Date;
  @ManyToOne('User', { ref: true, deleteRule: 'restrict' }) recordedBy!: Ref<User>;
  @Field({ description: 'When it was recorded here.' }) @Property({ type: 'Date' }) recordedAt: Date = new Date();
}

@ObjectType({ implements: Node, description: 'A planned step of a project; completing one opens the INCUBATING gate.' })
@Entity()
export class ProjectMilestone extends Node {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne('IncubationProject', { ref: true, deleteRule: 'cascade' }) @Index() project!: Ref<IncubationProject>;
  @Field({ description: 'What the step is.' }) @Property({ type: 'string', length: 200 }) title!: string;
  @Field({ description: 'What it involves; empty when not given.' }) @Property({ type: 'text' }) description: string = '';
  @Field(() => Date, { nullable: true, description: 'When it is due; null when undated.' }) @Property({ type: 'Date', nullable: true }) dueAt: Date | null = null;
  @Field(() => Date, { nullable: true, description: 'When it was reached; null while open. A completed milestone can no longer be changed or removed.' }) @Property({ type: 'Date', nullable: true }) completedAt: Date | null = null;
  @Field(() => String, { nullable: true, description: 'What was achieved, given on completion.' })
  @Property({ type: 'text', nullable: true }) completionNote: string | null = null;
  @Field({ description: 'When it was planned (added).' }) @Property({ type: 'Date' }) createdAt: Date = new Date();
}

@ObjectType({ implements: Node, description: 'One stage-gate decision: who, when, verdict, score, comment.' })
@Entity()
export class GateDecision extends Node {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne('IncubationProject', { ref: true, deleteRule: 'cascade' }) @Index() project!: Ref<IncubationProject>;
  @Field(() => GateVerdict, { description: 'PASS, HOLD or KILL.' }) @Enum({ items: () => GateVerdict }) decision!: GateVerdict;
  @Field(() => ProjectStage, { description: 'The stage the project was in.' }) @Enum({ items: () => ProjectStage }) fromStage!: ProjectStage;
  @Field(() => ProjectStage, { description: 'The stage it went to (the same for HOLD).' }) @Enum({ items: () => ProjectStage }) toStage!: ProjectStage;
  @Field(() => Int, { nullable: true, description: 'The gate score, 0–100.' }) @Property({ type: 'smallint', nullable: true }) score: number | null = null;
  @Field(() => String, { nullable: true, description: 'The decider’s comment (for KILL the reason); null when none.' }) @Property({ type: 'string', length: 2000, nullable: true }) comment: string | null = null;
  /** Field resolver `decidedBy`. */
  @ManyToOne('User', { ref: true, deleteRule: 'restrict' }) decidedBy!: Ref<User>;
  @Field({ description: 'When it was decided.' }) @Property({ type: 'Date' }) at: Date = new Date();
}
