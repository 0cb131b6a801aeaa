// The scoreboard's page split is plain browser JavaScript (no build step), loaded here as CommonJS.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { balancedPages, pageOf } = require('../../src/scoreboard/assets/pages.js') as {
  balancedPages(rows: number, capacity: number): number[];
  pageOf(index: number, sizes: number[]): number;
};

describe('scoreboard pages', () => {
  it('splits rows into as few pages as fit, as even as can be', () => {
    expect(balancedPages(42, 20)).toEqual([14, 14, 14]);
    expect(balancedPages(41, 20)).toEqual([14, 14, 13]);
    expect(balancedPages(40, 20)).toEqual([20, 20]);
    expect(balancedPages(21, 20)).toEqual([11, 10]);
    expect(balancedPages(6, 4)).toEqual([3, 3]);
  });

  it('keeps one page when everything fits, and none for no rows', () => {
    expect(balancedPages(20, 20)).toEqual([20]);
    expect(balancedPages(3, 20)).toEqual([3]);
    expect(balancedPages(0, 20)).toEqual([]);
  });

  it('never exceeds the capacity nor leaves a page much shorter than the others', () => {
    for (let rows = 1; rows <= 120; rows++) {
      for (let capacity = 1; capacity <= 25; capacity++) {
        const sizes = balancedPages(rows, capacity);
        expect(sizes.reduce((a, b) => a + b, 0)).toBe(rows);
        expect(sizes.length).toBe(Math.ceil(rows / capacity));
        expect(Math.max(...sizes)).toBeLessThanOrEqual(capacity);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }
    }
  });

  it('treats a screen too small for a row as one row a page', () => {
    expect(balancedPages(3, 0)).toEqual([1, 1, 1]);
  });

  it('finds the page of each row', () => {
    const sizes = balancedPages(42, 20);
    expect([0, 13, 14, 27, 28, 41].map((i) => pageOf(i, sizes))).toEqual([0, 0, 1, 1, 2, 2]);
  });
});
