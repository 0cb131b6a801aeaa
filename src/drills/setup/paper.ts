import type { QuestionDifficulty, QuestionType } from '../enums.js';
import { mulberry32, shuffle } from '../../common/seeded-random.js';
import type { PaperRule, PaperSection } from './paper-rule.js';

/** What drawing needs to know of an approved question. */
export interface PoolQuestion {
  id: string;
  topic: string;
  difficulty: QuestionDifficulty;
  type: QuestionType;
  /** Its option keys in bank order; empty for TRUE_FALSE and FILL_IN. */
  optionKeys: readonly string[];
}

/** One question of a drawn paper, in the taker's order, with its options in the taker's order. */
export interface PaperItem {
  questionId: string;
  optionOrder: string[];
  points: number;
}

/** A section the pool cannot fill. */
export interface SectionShortfall {
  /** Index of the section in the rule (0-based). */
  section: number;
  topic: string;
  difficulty: QuestionDifficulty | null;
  type: QuestionType | null;
  needed: number;
  available: number;
}

export type DrawResult = { items: PaperItem[] } | { shortfall: SectionShortfall[] };

const matches = (s: PaperSection, q: PoolQuestion): boolean =>
  q.topic === s.topic && (s.difficulty === null || q.difficulty === s.difficulty) && (s.type === null || q.type === s.type);

/** Constraints a section sets besides its topic: the narrower sections draw first, so a broad one cannot take what only they could use. */
const narrowness = (s: PaperSection): number => (s.difficulty === null ? 0 : 1) + (s.type === null ? 0 : 1);

/**
 * Draws one paper: for each section, `count` questions of the pool that match it, none twice, shuffled,
 * each with its options shuffled. The pool is sorted by id first, so the same rule, pool and seed always
 * give the same paper (the seed is recorded with the attempt). Sections keep the rule's order; the
 * questions within a section are in the taker's own order. When a section cannot be filled, nothing is
 * drawn and every short section is reported.
 */
export function drawPaper(rule: PaperRule, pool: readonly PoolQuestion[], seed: number): DrawResult {
  const sorted = [...pool].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rand = mulberry32(seed);
  const used = new Set<string>();
  const picked: PoolQuestion[][] = rule.sections.map(() => []);
  const shortfall: SectionShortfall[] = [];
  const order = rule.sections.map((s, i) => ({ s, i })).sort((a, b) => narrowness(b.s) - narrowness(a.s) || a.i - b.i);
  for (const { s, i } of order) {
    const candidates = sorted.filter((q) => !used.has(q.id) && matches(s, q));
    if (candidates.length < s.count) {
      shortfall.push({ section: i, topic: s.topic, difficulty: s.difficulty, type: s.type, needed: s.count, available: candidates.length });
      continue;
    }
    const chosen = shuffle(candidates, rand).slice(0, s.count);
    chosen.forEach((q) => used.add(q.id));
    picked[i] = chosen;
  }
  if (shortfall.length) return { shortfall: shortfall.sort((a, b) => a.section - b.section) };
  const items = picked.flat().map((q) => ({
    questionId: q.id,
    optionOrder: shuffle([...q.optionKeys], rand),
    points: rule.pointsByType[q.type] ?? 0,
  }));
  return { items };
}

/** A paper's most points. */
export function paperMaxPoints(items: readonly PaperItem[]): number {
  return items.reduce((sum, item) => sum + item.points, 0);
}
