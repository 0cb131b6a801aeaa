import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { Node } from '../../common/relay.js';
import type { User } from '../../auth/user.entity.js';
import { SkillLevel } from '../../registry/enums.js';
import { QuestionDifficulty, QuestionStatus, QuestionType } from '../enums.js';

@ObjectType({ description: 'One option of a choice question, as the bank holds it (papers shuffle their order per taker).' })
export class QuestionOption {
  @Field({ description: 'Its key in the bank: A, B, C … (at most F).' }) key!: string;
  @Field({ description: 'Its text.' }) text!: string;
}

/**
 * A bank question (题库试题). `answerKey` and `explanation` are no GraphQL fields of their own: they are
 * read through `Question.key`, which answers only to the bank's keepers, so no taker can select them.
 */
@ObjectType({ implements: Node, description: 'A question of the bank (题库), per trade and optionally skill level; readable by organizers, reviewers and admins.' })
@Entity({ tableName: 'drill_question' })
@Index({ properties: ['trade', 'status'] })
export class Question extends Node {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Field({ description: 'Trade (工种) whose bank holds it.' }) @Property({ type: 'string', length: 100 }) trade!: string;
  @Field(() => SkillLevel, { nullable: true, description: 'The skill level it is written for; null = any level of the trade.' })
  @Enum({ items: () => SkillLevel, nullable: true }) skillLevel: SkillLevel | null = null;
  @Field(() => QuestionType, { description: 'Kind of question (题型).' }) @Enum({ items: () => QuestionType }) type!: QuestionType;
  @Field({ description: 'The question itself (题干).' }) @Property({ type: 'text' }) stem!: string;
  @Field(() => [QuestionOption], { description: 'The options in bank order, keys A, B, …; empty for TRUE_FALSE and FILL_IN (at most 6).' })
  @Property({ type: 'json' }) options: QuestionOption[] = [];
  /** Choice keys; ['TRUE'] or ['FALSE']; the accepted answers of a FILL_IN. Never a GraphQL field. */
  @Property({ type: 'json' }) answerKey: string[] = [];
  @Field({ description: 'Topic (知识点) paper rules draw by, e.g. 安全操作规程.' }) @Property({ type: 'string', length: 100 }) topic!: string;
  @Field(() => QuestionDifficulty, { description: 'Difficulty (难度).' }) @Enum({ items: () => QuestionDifficulty }) difficulty!: QuestionDifficulty;
  /** Shown to a taker only once their attempt is over (and, in a contest, the window closed). */
  @Property({ type: 'text', nullable: true }) explanation: string | null = null;
  @Field(() => QuestionStatus, { description: 'Where it stands; only APPROVED questions go into papers.' })
  @Enum({ items: () => QuestionStatus }) status: QuestionStatus = QuestionStatus.DRAFT;
  @Field(() => Int, { description: 'Raised by one each time an approved question’s text or key is corrected (starts at 1).' })
  @Property({ type: 'integer' }) revision: number = 1;
  @ManyToOne('User', { ref: true, deleteRule: 'restrict' }) createdBy!: Ref<User>;
  @ManyToOne('User', { ref: true, nullable: true, deleteRule: 'restrict' }) approvedBy: Ref<User> | null = null;
  @Field({ description: 'When it was written or imported.' }) @Property({ type: 'Date' }) @Index() createdAt: Date = new Date();
  @Field({ description: 'When it last changed.' }) @Property({ type: 'Date', onUpdate: () => new Date() }) updatedAt: Date = new Date();
  @Field(() => Int, { description: 'Raised by every change; give it back to updateQuestion to refuse a stale edit.' }) @Property({ version: true }) version!: number;
}
