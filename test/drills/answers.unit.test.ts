import fc from 'fast-check';
import { isCorrect, normalizeFillIn } from '../../src/drills/bank/answers';
import { QuestionType as T } from '../../src/drills/enums';

describe('normalizeFillIn', () => {
  it('folds full-width to half-width, drops every space (ideographic too) and lowers case', () => {
    expect(normalizeFillIn('ＡＢ　１２')).toBe('ab12');
    expect(normalizeFillIn(' Ohm \t Law\n')).toBe('ohmlaw');
    expect(normalizeFillIn('２２０Ｖ')).toBe('220v');
    expect(normalizeFillIn('欧姆定律')).toBe('欧姆定律');
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string(), (s) => normalizeFillIn(normalizeFillIn(s)) === normalizeFillIn(s)));
  });
});

describe('isCorrect', () => {
  it('single choice: exactly the one key', () => {
    expect(isCorrect(T.SINGLE_CHOICE, ['B'], ['B'])).toBe(true);
    expect(isCorrect(T.SINGLE_CHOICE, ['B'], ['A'])).toBe(false);
    expect(isCorrect(T.SINGLE_CHOICE, ['B'], ['B', 'A'])).toBe(false);
    expect(isCorrect(T.SINGLE_CHOICE, ['B'], [])).toBe(false);
  });

  it('multiple choice: the same set, in any order; a subset or superset is wrong', () => {
    expect(isCorrect(T.MULTIPLE_CHOICE, ['A', 'C'], ['C', 'A'])).toBe(true);
    expect(isCorrect(T.MULTIPLE_CHOICE, ['A', 'C'], ['A'])).toBe(false);
    expect(isCorrect(T.MULTIPLE_CHOICE, ['A', 'C'], ['A', 'B', 'C'])).toBe(false);
    expect(isCorrect(T.MULTIPLE_CHOICE, ['A', 'C'], [])).toBe(false);
  });

  it('true or false: equal', () => {
    expect(isCorrect(T.TRUE_FALSE, ['TRUE'], ['TRUE'])).toBe(true);
    expect(isCorrect(T.TRUE_FALSE, ['TRUE'], ['FALSE'])).toBe(false);
  });

  it('fill in: any accepted answer after normalizing; blank is never right', () => {
    expect(isCorrect(T.FILL_IN, ['欧姆定律', 'Ohm’s law'], ['欧姆 定律'])).toBe(true);
    expect(isCorrect(T.FILL_IN, ['220V'], ['２２０ｖ'])).toBe(true);
    expect(isCorrect(T.FILL_IN, ['220V'], ['380V'])).toBe(false);
    expect(isCorrect(T.FILL_IN, ['220V'], ['   '])).toBe(false);
    expect(isCorrect(T.FILL_IN, ['220V'], ['220V', '220V'])).toBe(false);
  });

  it('a permutation of the right keys of a multiple choice is right', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(['A', 'B', 'C', 'D', 'E', 'F'], { minLength: 1 }), fc.integer(), (keys, n) => {
        const rotated = keys.map((_, i) => keys[(i + Math.abs(n)) % keys.length]!);
        return isCorrect(T.MULTIPLE_CHOICE, keys, rotated);
      }),
    );
  });
});
