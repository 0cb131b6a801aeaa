import fs from 'node:fs';
import path from 'node:path';
import { canonicalScoreSheet, scoreSheetDigest, sha256Hex, twoPlaces, type SheetMark } from '../../src/competitions/results/score-sheet-digest';

/**
 * The canonical score sheet and its digest (docs/score-sheet-digest.md). The test vector is read from
 * the document itself: its sheet must be what the code builds from the marks below, in any input
 * order, and its digest the SHA-256 of that sheet.
 */
const doc = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'score-sheet-digest.md'), 'utf8');
const vector = doc.slice(doc.indexOf('## Test vector'));
const sheetInDoc = /```jsonl\n([\s\S]*?)```/.exec(vector)![1]!;
const digestInDoc = /Its digest:\n\n```\n([0-9a-f]{64})\n```/.exec(vector)![1]!;

const A = '1b6f0b1e-0000-4000-8000-00000000000a';
const B = '0c1d2e3f-0000-4000-8000-00000000000b';
const M = '5a000000-0000-4000-8000-000000000001';
const J = '3b000000-0000-4000-8000-000000000002';
const J1 = '9e000000-0000-4000-8000-000000000001';
const J2 = '7d000000-0000-4000-8000-000000000002';
const MARKS: SheetMark[] = [
  { entryId: A, criterionId: M, judgeId: J2, value: 90, revisions: [] },
  { entryId: B, criterionId: M, judgeId: J1, value: 88.5, revisions: [] },
  {
    entryId: B, criterionId: J, judgeId: J1, value: 42,
    revisions: [{ at: new Date('2026-05-11T02:15:00.000Z'), judgeId: J1, reasonKind: 'CORRECTION', oldValue: 40, newValue: 42, reason: '誊写错误，原始评分表为42分' }],
  },
  { entryId: A, criterionId: J, judgeId: J1, value: 38.25, revisions: [] },
  { entryId: B, criterionId: J, judgeId: J2, value: 45, revisions: [] },
  { entryId: A, criterionId: J, judgeId: J2, value: 39, revisions: [] },
];

describe('the canonical score sheet', () => {
  it('is the document’s test vector, whatever order the marks come in', () => {
    expect(canonicalScoreSheet(MARKS)).toBe(sheetInDoc);
    expect(canonicalScoreSheet([...MARKS].reverse())).toBe(sheetInDoc);
    expect(scoreSheetDigest(MARKS)).toBe(digestInDoc);
  });

  it('the document’s digest is the SHA-256 of the document’s sheet (UTF-8, LF, final newline)', () => {
    expect(sheetInDoc.endsWith('}\n')).toBe(true);
    expect(sheetInDoc).not.toContain('\r');
    expect(sha256Hex(sheetInDoc)).toBe(digestInDoc);
  });

  it('has no lines and the empty digest for a stage without marks', () => {
    expect(canonicalScoreSheet([])).toBe('');
    expect(scoreSheetDigest([])).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('writes decimals with two places from the exact hundredths', () => {
    expect([0, 7, 8.5, 38.25, 1.01, 99.99, 0.1 + 0.2].map(twoPlaces)).toEqual(['0.00', '7.00', '8.50', '38.25', '1.01', '99.99', '0.30']);
  });

  it('orders a mark’s revisions by time, then by their text', () => {
    const r = (iso: string, to: number) => ({ at: new Date(iso), judgeId: J1, reasonKind: 'RECHECK', oldValue: 1, newValue: to, reason: 'x' });
    const line = canonicalScoreSheet([{ entryId: A, criterionId: J, judgeId: J1, value: 3, revisions: [r('2026-05-11T03:00:00.000Z', 3), r('2026-05-11T01:00:00.000Z', 2), r('2026-05-11T01:00:00.000Z', 1)] }]);
    const tos = JSON.parse(line).revisions.map((x: { to: string }) => x.to);
    expect(tos).toEqual(['1.00', '2.00', '3.00']);
  });

  it('changes with any value, correction or reason', () => {
    const base = scoreSheetDigest(MARKS);
    const changed = (f: (m: SheetMark[]) => void) => {
      const copy: SheetMark[] = MARKS.map((m) => ({ ...m, revisions: m.revisions.map((r) => ({ ...r })) }));
      f(copy);
      return scoreSheetDigest(copy);
    };
    expect(changed((m) => { m[0]!.value = 90.01; })).not.toBe(base);
    expect(changed((m) => { (m[2]!.revisions[0] as { reason: string }).reason = '誊写错误'; })).not.toBe(base);
    expect(changed((m) => { m[3]!.judgeId = J2; })).not.toBe(base);
    expect(changed((m) => { m.pop(); })).not.toBe(base);
  });
});
