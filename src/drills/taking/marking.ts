import { isCorrect } from '../bank/answers.js';
import type { QuestionType } from '../enums.js';
import type { PaperItem, TopicMarks } from './attempt.entity.js';

/** What marking needs of a question: never sent to a taker. */
export interface KeyedQuestion {
  type: QuestionType;
  topic: string;
  answerKey: string[];
}

export interface Marks {
  score: number;
  maxScore: number;
  /** Per topic, in the order topics first appear on the paper. */
  breakdown: TopicMarks[];
  /** Per paper item, in paper order: whether the answer was right. */
  correct: boolean[];
}

/**
 * Marks a paper: each item earns its points when its answer is correct (bank/answers.ts isCorrect),
 * nothing when unanswered or wrong (no partial credit). A question missing from `questions` (deleted
 * from the bank) earns nothing but still counts towards the maximum.
 */
export function markPaper(paper: PaperItem[], answers: ReadonlyMap<string, string[]>, questions: ReadonlyMap<string, KeyedQuestion>): Marks {
  const topics = new Map<string, TopicMarks>();
  const correct: boolean[] = [];
  let score = 0;
  let maxScore = 0;
  for (const item of paper) {
    const q = questions.get(item.questionId);
    const topic = q?.topic ?? '';
    const t = topics.get(topic) ?? { topic, score: 0, maxScore: 0, correct: 0, questions: 0 };
    topics.set(topic, t);
    const answer = answers.get(item.questionId);
    const right = !!q && !!answer && answer.length > 0 && isCorrect(q.type, q.answerKey, answer);
    correct.push(right);
    t.questions += 1;
    t.maxScore += item.points;
    maxScore += item.points;
    if (right) {
      t.correct += 1;
      t.score += item.points;
      score += item.points;
    }
  }
  return { score, maxScore, breakdown: [...topics.values()], correct };
}
