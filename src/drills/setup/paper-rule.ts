import { Field, Float, Int, ObjectType } from 'type-graphql';
import { QuestionDifficulty, QuestionType } from '../enums.js';

/** One section of a paper rule: draw `count` approved questions of this topic (and difficulty and type, when given). */
export interface PaperSection {
  topic: string;
  difficulty: QuestionDifficulty | null;
  type: QuestionType | null;
  count: number;
}

/** How a drill's papers are drawn (组卷规则), as stored on the drill (jsonb). */
export interface PaperRule {
  sections: PaperSection[];
  pointsByType: Record<QuestionType, number>;
}

@ObjectType('PaperSection', { description: 'One section of a paper rule: how many approved questions of a topic (and difficulty, type) each paper holds.' })
export class PaperSectionView {
  @Field({ description: 'Topic (知识点) drawn from.' }) topic!: string;
  @Field(() => QuestionDifficulty, { nullable: true, description: 'Only questions of this difficulty; null = any.' }) difficulty!: QuestionDifficulty | null;
  @Field(() => QuestionType, { nullable: true, description: 'Only questions of this type; null = any.' }) type!: QuestionType | null;
  @Field(() => Int, { description: 'Questions drawn for it in every paper.' }) count!: number;
}

@ObjectType('PaperTypePoints', { description: 'Points one right answer of a question type earns.' })
export class PaperTypePointsView {
  @Field(() => QuestionType, { description: 'The question type.' }) type!: QuestionType;
  @Field(() => Float, { description: 'Points for a right answer (a wrong or missing one earns 0).' }) points!: number;
}

@ObjectType('PaperRule', { description: 'How each taker’s paper is drawn (组卷规则): its sections, and points per question type.' })
export class PaperRuleView {
  @Field(() => [PaperSectionView], { description: 'The sections in order (at most 50).' }) sections!: PaperSectionView[];
  @Field(() => [PaperTypePointsView], { description: 'Points per question type, one per type (four).' }) pointsByType!: PaperTypePointsView[];
}

export const QUESTION_TYPES: readonly QuestionType[] = Object.values(QuestionType);

export function paperRuleView(rule: PaperRule): PaperRuleView {
  return {
    sections: rule.sections.map((s) => ({ topic: s.topic, difficulty: s.difficulty, type: s.type, count: s.count })),
    pointsByType: QUESTION_TYPES.map((type) => ({ type, points: rule.pointsByType[type] ?? 0 })),
  };
}
