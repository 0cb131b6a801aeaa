import { QuestionType } from '../enums.js';

/** The two keys of a TRUE_FALSE question. */
export const TRUE_KEY = 'TRUE';
export const FALSE_KEY = 'FALSE';

/**
 * What a fill-in answer is compared as: NFKC (full-width letters, digits and punctuation fold to their
 * half-width forms, so ＡＢ１ reads AB1), every whitespace removed (a phone keyboard's stray spaces and
 * the ideographic space alike), lower case.
 */
export function normalizeFillIn(s: string): string {
  return s.normalize('NFKC').replace(/\s+/gu, '').toLowerCase();
}

/** Whether a taker's answer is right. An empty or malformed answer is simply wrong, never an error. */
export function isCorrect(type: QuestionType, answerKey: readonly string[], answer: readonly string[]): boolean {
  switch (type) {
    case QuestionType.SINGLE_CHOICE:
    case QuestionType.TRUE_FALSE:
      return answer.length === 1 && answerKey.length === 1 && answer[0] === answerKey[0];
    case QuestionType.MULTIPLE_CHOICE: {
      const given = new Set(answer);
      const right = new Set(answerKey);
      return given.size === right.size && given.size > 0 && [...right].every((k) => given.has(k));
    }
    case QuestionType.FILL_IN: {
      if (answer.length !== 1) return false;
      const given = normalizeFillIn(answer[0]!);
      return given !== '' && answerKey.some((accepted) => normalizeFillIn(accepted) === given);
    }
  }
}
