import type { EntityManager } from '@mikro-orm/postgresql';
import type { Question } from './question.entity.js';

/**
 * The hook for re-marking (issue 16, "When things go wrong"): when an APPROVED question's text or key
 * is corrected, its revision rises and every hook registered here runs inside the correcting
 * transaction, so the attempts that hold the question can be re-marked (and recorded) atomically with
 * the correction. The taking room registers its re-marker at start-up; none is registered by the bank.
 */
export type QuestionCorrectedHook = (tx: EntityManager, question: Question, previousRevision: number) => Promise<void>;

const hooks: QuestionCorrectedHook[] = [];

export function onQuestionCorrected(hook: QuestionCorrectedHook): void {
  if (!hooks.includes(hook)) hooks.push(hook);
}

export async function questionCorrected(tx: EntityManager, question: Question, previousRevision: number): Promise<void> {
  for (const hook of hooks) await hook(tx, question, previousRevision);
}
