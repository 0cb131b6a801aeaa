import { commonMessage } from '../../common/messages.js';
import type { SkillLevel } from '../../registry/enums.js';
import { QuestionDifficulty, QuestionType } from '../enums.js';
import { FALSE_KEY, normalizeFillIn, TRUE_KEY } from './answers.js';
import { m } from './messages.js';

export const OPTION_KEYS = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export const MAX_STEM = 2000;
export const MAX_OPTION = 500;
export const MAX_EXPLANATION = 2000;
export const MAX_ACCEPTED = 10;
export const MAX_ACCEPTED_LENGTH = 200;
const TEXT_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;
const NAME_FORBIDDEN = /[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;

/** A question's fields as given (API input or a CSV row), before checking. */
export interface QuestionDraft {
  trade: string;
  skillLevel: SkillLevel | null;
  type: QuestionType;
  stem: string;
  /** Option texts in key order: the first is A. */
  options: string[];
  /** Choice keys, TRUE / FALSE, or the accepted fill-in answers. */
  answer: string[];
  topic: string;
  difficulty: QuestionDifficulty;
  explanation: string | null;
}

export interface CleanQuestion extends Omit<QuestionDraft, 'options'> {
  options: { key: string; text: string }[];
}

/** Which field a problem is about, as the API names it (CSV maps these to its columns). */
export type QuestionField = 'trade' | 'stem' | 'options' | 'answer' | 'topic' | 'explanation';

/**
 * Checks a question and returns it cleaned (trimmed, keys assigned, choice answers upper-cased and
 * sorted), or null after reporting every problem, each with the field it is about.
 */
export function checkQuestion(
  d: QuestionDraft,
  report: (field: QuestionField, message: string) => void,
  names: Partial<Record<QuestionField, string>> = {},
): CleanQuestion | null {
  let ok = true;
  const fail = (field: QuestionField, message: string) => {
    ok = false;
    report(field, message);
  };
  const text = (field: QuestionField, value: string, max: number, forbidden: RegExp, optional = false): string => {
    const v = (value ?? '').trim();
    const name = names[field] ?? field;
    if (!v) {
      if (!optional) fail(field, commonMessage('empty', { field: name }));
    } else if (v.length > max) fail(field, commonMessage('tooLong', { field: name, max }));
    else if (forbidden.test(v)) fail(field, commonMessage('controlCharacters', { field: name }));
    return v;
  };
  const trade = text('trade', d.trade, 100, NAME_FORBIDDEN);
  const topic = text('topic', d.topic, 100, NAME_FORBIDDEN);
  const stem = text('stem', d.stem, MAX_STEM, TEXT_FORBIDDEN);
  const explanation = text('explanation', d.explanation ?? '', MAX_EXPLANATION, TEXT_FORBIDDEN, true) || null;

  const choice = d.type === QuestionType.SINGLE_CHOICE || d.type === QuestionType.MULTIPLE_CHOICE;
  const options: { key: string; text: string }[] = [];
  const texts = d.options.map((t) => (t ?? '').trim());
  while (texts.length && texts[texts.length - 1] === '') texts.pop();
  if (!choice) {
    if (texts.length) fail('options', m('optionsNone'));
  } else if (texts.length < 2 || texts.length > OPTION_KEYS.length) {
    fail('options', m('optionsCount', { min: 2, max: OPTION_KEYS.length }));
  } else {
    texts.forEach((t, i) => {
      const key = OPTION_KEYS[i]!;
      if (!t) fail('options', m('optionGap', { key: OPTION_KEYS[i + 1] ?? key }));
      else if (t.length > MAX_OPTION) fail('options', m('optionTooLong', { key, max: MAX_OPTION }));
      else if (TEXT_FORBIDDEN.test(t)) fail('options', commonMessage('controlCharacters', { field: key }));
      const first = texts.indexOf(t);
      if (t && first < i) fail('options', m('optionTwice', { key, first: OPTION_KEYS[first]! }));
      options.push({ key, text: t });
    });
  }

  const keys = options.map((o) => o.key);
  let answer: string[] = [];
  const given = d.answer.map((a) => (a ?? '').trim()).filter((a) => a !== '');
  switch (d.type) {
    case QuestionType.SINGLE_CHOICE:
      answer = given.map((a) => a.toUpperCase());
      if (answer.length !== 1 || !keys.includes(answer[0]!)) fail('answer', m('answerSingle', { keys: keys.join('') || 'A–F' }));
      break;
    case QuestionType.MULTIPLE_CHOICE:
      answer = [...new Set(given.map((a) => a.toUpperCase()))].sort();
      if (answer.length < 2 || answer.length !== given.length || answer.some((a) => !keys.includes(a))) {
        fail('answer', m('answerMultiple', { keys: keys.join('') || 'A–F' }));
      }
      break;
    case QuestionType.TRUE_FALSE:
      answer = given.map((a) => a.toUpperCase());
      if (answer.length !== 1 || (answer[0] !== TRUE_KEY && answer[0] !== FALSE_KEY)) fail('answer', m('answerTrueFalse', { words: '对/错' }));
      break;
    case QuestionType.FILL_IN:
      answer = given;
      if (!answer.length || answer.length > MAX_ACCEPTED || answer.some((a) => a.length > MAX_ACCEPTED_LENGTH || !normalizeFillIn(a) || TEXT_FORBIDDEN.test(a))) {
        fail('answer', m('answerFillIn', { max: MAX_ACCEPTED, len: MAX_ACCEPTED_LENGTH }));
      }
      break;
  }
  if (!ok) return null;
  return { trade, skillLevel: d.skillLevel, type: d.type, stem, options, answer, topic, difficulty: d.difficulty, explanation };
}
