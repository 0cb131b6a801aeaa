import fc from 'fast-check';
import { parseCsv, toCsv, unguard } from '../../src/common/csv';

describe('parseCsv', () => {
  it('drops a byte order mark, takes CRLF, LF and CR, and numbers records as spreadsheet rows', () => {
    expect(parseCsv('\uFEFFa,b\r\nc,d\ne,f\rg,h')).toEqual([
      { row: 1, fields: ['a', 'b'] }, { row: 2, fields: ['c', 'd'] }, { row: 3, fields: ['e', 'f'] }, { row: 4, fields: ['g', 'h'] },
    ]);
  });

  it('keeps commas, doubled quotes and line breaks inside quotes in one record', () => {
    expect(parseCsv('"a,1","say ""hi""","two\r\nlines"\r\nnext,,')).toEqual([
      { row: 1, fields: ['a,1', 'say "hi"', 'two\r\nlines'] }, { row: 2, fields: ['next', '', ''] },
    ]);
  });

  it('refuses an unclosed quote', () => {
    expect(parseCsv('a,"b\nc')).toBeNull();
  });

  it('reads back what toCsv wrote, formula guards removed', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', '电', ',', '"', '\n', '\r\n', ' ', '=', '-', "'") });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const width = rows[0]!.length;
        const table = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
        const back = parseCsv(toCsv(table))!.map((r) => r.fields.map(unguard));
        expect(back).toEqual(table);
      }),
    );
  });
});
