import fc from 'fast-check';
import { drawPaper, paperMaxPoints, type PoolQuestion } from '../../src/drills/setup/paper';
import type { PaperRule, PaperSection } from '../../src/drills/setup/paper-rule';
import { QuestionDifficulty as D, QuestionType as T } from '../../src/drills/enums';

const POINTS: PaperRule['pointsByType'] = { SINGLE_CHOICE: 1, MULTIPLE_CHOICE: 2, TRUE_FALSE: 0.5, FILL_IN: 3 };
const KEYS: Record<T, string[]> = { SINGLE_CHOICE: ['A', 'B', 'C', 'D'], MULTIPLE_CHOICE: ['A', 'B', 'C', 'D', 'E'], TRUE_FALSE: [], FILL_IN: [] };

const question = fc.record({
  id: fc.uuid(),
  topic: fc.constantFrom('安全', '电路', '仪表'),
  difficulty: fc.constantFrom(D.EASY, D.MEDIUM, D.HARD),
  type: fc.constantFrom(T.SINGLE_CHOICE, T.MULTIPLE_CHOICE, T.TRUE_FALSE, T.FILL_IN),
}).map((q): PoolQuestion => ({ ...q, optionKeys: KEYS[q.type] }));
const pool = fc.uniqueArray(question, { selector: (q) => q.id, maxLength: 60 });
const section = fc.record({
  topic: fc.constantFrom('安全', '电路', '仪表'),
  difficulty: fc.option(fc.constantFrom(D.EASY, D.MEDIUM, D.HARD), { nil: null }),
  type: fc.option(fc.constantFrom(T.SINGLE_CHOICE, T.MULTIPLE_CHOICE, T.TRUE_FALSE, T.FILL_IN), { nil: null }),
  count: fc.integer({ min: 0, max: 6 }),
});
const rule = fc.array(section, { minLength: 1, maxLength: 4 }).map((sections): PaperRule => ({ sections, pointsByType: POINTS }));
const seed = fc.integer({ min: 0, max: 2 ** 32 - 1 });

const matches = (s: PaperSection, q: PoolQuestion) =>
  q.topic === s.topic && (s.difficulty === null || q.difficulty === s.difficulty) && (s.type === null || q.type === s.type);

describe('drawPaper', () => {
  it('the same rule, pool (in any order) and seed give the same paper', () => {
    fc.assert(
      fc.property(rule, pool, seed, (r, p, s) => {
        expect(drawPaper(r, p, s)).toEqual(drawPaper(r, [...p].reverse(), s));
      }),
    );
  });

  it('a filled paper has no question twice, honours every section’s count and filter, and shuffles options as permutations', () => {
    fc.assert(
      fc.property(rule, pool, seed, (r, p, s) => {
        const drawn = drawPaper(r, p, s);
        if (!('items' in drawn)) return;
        const ids = drawn.items.map((i) => i.questionId);
        expect(new Set(ids).size).toBe(ids.length);
        const byId = new Map(p.map((q) => [q.id, q]));
        let at = 0;
        for (const sec of r.sections) {
          const part = drawn.items.slice(at, at + sec.count);
          at += sec.count;
          expect(part).toHaveLength(sec.count);
          for (const item of part) {
            const q = byId.get(item.questionId)!;
            expect(matches(sec, q)).toBe(true);
            expect([...item.optionOrder].sort()).toEqual([...q.optionKeys].sort());
            expect(item.points).toBe(POINTS[q.type]);
          }
        }
        expect(at).toBe(drawn.items.length);
      }),
    );
  });

  it('reports a shortfall only when a section really lacks questions, naming it', () => {
    fc.assert(
      fc.property(rule, pool, seed, (r, p, s) => {
        const drawn = drawPaper(r, p, s);
        if (!('shortfall' in drawn)) return;
        expect(drawn.shortfall.length).toBeGreaterThan(0);
        for (const short of drawn.shortfall) {
          expect(short.needed).toBeGreaterThan(short.available);
          expect(r.sections[short.section]!.topic).toBe(short.topic);
        }
        // The whole matching pool of a short section alone may still be enough only if other sections took some.
        const sec = r.sections[drawn.shortfall[0]!.section]!;
        expect(drawn.shortfall[0]!.available).toBeLessThanOrEqual(p.filter((q) => matches(sec, q)).length);
      }),
    );
  });

  it('draws a narrow section before a broad one on the same topic, so both fill', () => {
    const p: PoolQuestion[] = [
      { id: '1', topic: '安全', difficulty: D.HARD, type: T.SINGLE_CHOICE, optionKeys: ['A', 'B'] },
      { id: '2', topic: '安全', difficulty: D.EASY, type: T.TRUE_FALSE, optionKeys: [] },
    ];
    const r: PaperRule = { sections: [{ topic: '安全', difficulty: null, type: null, count: 1 }, { topic: '安全', difficulty: D.HARD, type: null, count: 1 }], pointsByType: POINTS };
    for (let s = 0; s < 20; s++) {
      const drawn = drawPaper(r, p, s);
      expect('items' in drawn && drawn.items.map((i) => i.questionId)).toEqual(['2', '1']);
    }
  });

  it('different seeds shuffle differently', () => {
    const p: PoolQuestion[] = Array.from({ length: 30 }, (_, i) => ({ id: String(i).padStart(3, '0'), topic: '电路', difficulty: D.MEDIUM, type: T.SINGLE_CHOICE, optionKeys: ['A', 'B', 'C', 'D'] }));
    const r: PaperRule = { sections: [{ topic: '电路', difficulty: null, type: null, count: 10 }], pointsByType: POINTS };
    const papers = new Set([1, 2, 3, 4, 5].map((s) => JSON.stringify(drawPaper(r, p, s))));
    expect(papers.size).toBe(5);
    const one = drawPaper(r, p, 1);
    expect('items' in one && paperMaxPoints(one.items)).toBe(10);
  });

  it('refuses a short pool without drawing, every short section named', () => {
    const p: PoolQuestion[] = [{ id: 'a', topic: '仪表', difficulty: D.EASY, type: T.FILL_IN, optionKeys: [] }];
    const r: PaperRule = {
      sections: [{ topic: '仪表', difficulty: null, type: null, count: 2 }, { topic: '安全', difficulty: D.HARD, type: T.FILL_IN, count: 1 }],
      pointsByType: POINTS,
    };
    expect(drawPaper(r, p, 7)).toEqual({
      shortfall: [
        { section: 0, topic: '仪表', difficulty: null, type: null, needed: 2, available: 1 },
        { section: 1, topic: '安全', difficulty: D.HARD, type: T.FILL_IN, needed: 1, available: 0 },
      ],
    });
  });
});
