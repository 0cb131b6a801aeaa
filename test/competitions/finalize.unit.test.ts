import 'reflect-metadata';
import {
  cstYear, cstYearBounds, nextSkillLevel, planAwards, PromotionWithheldReason, type PlanRow, type PlanWorker,
} from '../../src/competitions/results/finalize.service';
import { csvField, toCsv } from '../../src/competitions/results/results-csv';
import { PrizeTierName } from '../../src/competitions/enums';
import { SkillLevel } from '../../src/registry/enums';

const row = (entryId: string, rank: number | null, total: number, workerIds = [`w-${entryId}`], marksReceived = 3): PlanRow => ({
  entryId, rank, total, marksReceived, workerIds,
});
const worker = (id: string, skillLevel: SkillLevel | null, promotedThisYear = false): [string, PlanWorker] => [id, { id, skillLevel, promotedThisYear }];

describe('nextSkillLevel', () => {
  it('goes one step up, starts a worker without a level at JUNIOR and stops at SENIOR_TECHNICIAN', () => {
    expect(nextSkillLevel(null)).toBe(SkillLevel.JUNIOR);
    expect(nextSkillLevel(SkillLevel.JUNIOR)).toBe(SkillLevel.INTERMEDIATE);
    expect(nextSkillLevel(SkillLevel.TECHNICIAN)).toBe(SkillLevel.SENIOR_TECHNICIAN);
    expect(nextSkillLevel(SkillLevel.SENIOR_TECHNICIAN)).toBeNull();
  });
});

describe('China Standard Time years', () => {
  it('puts 2025-12-31T16:00Z in 2026 and 2025-12-31T15:59Z in 2025', () => {
    expect(cstYear(new Date('2025-12-31T16:00:00Z'))).toBe(2026);
    expect(cstYear(new Date('2025-12-31T15:59:59Z'))).toBe(2025);
    expect(cstYearBounds(2026).map((d) => d.toISOString())).toEqual(['2025-12-31T16:00:00.000Z', '2026-12-31T16:00:00.000Z']);
  });
});

describe('planAwards', () => {
  const rows = [row('a', 1, 93), row('b', 2, 86), row('c', 2, 86), row('d', 4, 76), row('e', 5, 66), row('f', 6, 0, ['w-f'], 0), row('x', null, 99)];
  const rules = {
    prizeTiers: [{ tier: PrizeTierName.FIRST, count: 1 }, { tier: PrizeTierName.SECOND, share: 0.34 }, { tier: PrizeTierName.EXCELLENCE, count: 5 }],
    honorTopN: 2,
    promotionTopM: 2,
  };
  const workers = new Map([
    worker('w-a', SkillLevel.SENIOR),
    worker('w-b', SkillLevel.SENIOR_TECHNICIAN),
    worker('w-c', null, true),
  ]);

  it('gives one award per ranked entry, best first, with prizes that never split a tie', () => {
    const plan = planAwards(rows, rules, workers);
    expect(plan.awards.map((a) => [a.entryId, a.rank, a.prize])).toEqual([
      ['a', 1, 'FIRST'], ['b', 2, 'SECOND'], ['c', 2, 'SECOND'], ['d', 4, 'EXCELLENCE'], ['e', 5, 'EXCELLENCE'], ['f', 6, null],
    ]);
  });

  it('honors and promotes the top N/M with the tie at the cut, never a no-show, and records withheld promotions', () => {
    const plan = planAwards(rows, rules, workers);
    expect(plan.honorWorkerIds).toEqual(['w-a', 'w-b', 'w-c']);
    expect(plan.awards.filter((a) => a.honorGranted).map((a) => a.entryId)).toEqual(['a', 'b', 'c']);
    const byEntry = new Map(plan.awards.map((a) => [a.entryId, a.promotions]));
    expect(byEntry.get('a')).toEqual([{ workerId: 'w-a', from: 'SENIOR', to: 'TECHNICIAN' }]);
    expect(byEntry.get('b')).toEqual([{ workerId: 'w-b', from: 'SENIOR_TECHNICIAN', to: 'SENIOR_TECHNICIAN', withheld: PromotionWithheldReason.AT_CAP }]);
    expect(byEntry.get('c')).toEqual([{ workerId: 'w-c', from: null, to: 'JUNIOR', withheld: PromotionWithheldReason.ALREADY_PROMOTED_THIS_YEAR }]);
    expect(byEntry.get('d')).toEqual([]);
    // A field of no-shows: ranked, but nothing to give.
    const empty = planAwards([row('p', 1, 0, ['w-p'], 0), row('q', 1, 0, ['w-q'], 0)], { ...rules, honorTopN: 5, promotionTopM: 5 }, new Map());
    expect(empty.awards.map((a) => [a.rank, a.prize, a.honorGranted, a.promotions.length])).toEqual([[1, null, false, 0], [1, null, false, 0]]);
  });

  it('promotes a worker without a level to JUNIOR and every worker of a team entry', () => {
    const plan = planAwards([row('t', 1, 80, ['w1', 'w2'])], { prizeTiers: [], honorTopN: 0, promotionTopM: 1 }, new Map([
      worker('w1', null), worker('w2', SkillLevel.INTERMEDIATE),
    ]));
    expect(plan.awards[0]!.promotions).toEqual([{ workerId: 'w1', from: null, to: 'JUNIOR' }, { workerId: 'w2', from: 'INTERMEDIATE', to: 'SENIOR' }]);
    expect(plan.honorWorkerIds).toEqual([]);
  });
});

describe('CSV fields', () => {
  it('quotes commas, quotes and line breaks (RFC 4180) and defuses formulas', () => {
    expect(csvField('王小明')).toBe('王小明');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    for (const f of ['=1+2', '+1', '-1', '@SUM(A1)', '\tx']) expect(csvField(f)).toBe(`'${f}`);
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField(12.5)).toBe('12.5');
    expect(csvField(null)).toBe('');
  });

  it('starts with a byte order mark and ends rows with CRLF', () => {
    expect(toCsv([['a', 1], ['b', null]])).toBe('\uFEFFa,1\r\nb,\r\n');
  });
});
