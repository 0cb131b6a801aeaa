import { compareMarks, type ScoreRow } from './reliability/lib/verify';
import { toGlobalId } from '../src/common/relay';
import type { MarkOp } from './reliability/lib/workload';
import type { Ack } from './reliability/lib/judges';

/**
 * The reliability suite's mark audit (test/reliability/lib/verify.ts): a planned correction that was
 * never sent (a shortened, overloaded run) is "not sent", not "doubled"; what the server acknowledged
 * and lost, and what it recorded twice, still are.
 */
const E = toGlobalId('Entry', 'e');
const C = toGlobalId('Criterion', 'c');
const op = (key: string, value: number, correction = false): MarkOp => ({ judge: 0, key, entryId: E, criterionId: C, slot: `${E}|${C}|j`, value, reason: correction ? 'r' : null, correction });
const plan = [[op('k1', 10), op('k2', 20, true), op('k3', 30, true)]];
const ack: Ack = { scoreId: 'x', revised: false, replayed: false, version: 1 };
const row = (value: number, version: number): ScoreRow => ({ id: 's', entry_id: 'e', criterion_id: 'c', slot: 'j', value: String(value), version });

describe('compareMarks', () => {
  it('everything applied: nothing to report', () => {
    const a = compareMarks([row(30, 3)], [{ score_id: 's', old: '10', new: '20' }, { score_id: 's', old: '20', new: '30' }], plan, new Map([['k1', ack], ['k2', ack], ['k3', ack]]));
    expect([a.lost, a.doubled, a.notSent]).toEqual([[], [], []]);
  });

  it('a correction never acknowledged and not stored is not sent, not doubled', () => {
    const a = compareMarks([row(20, 2)], [{ score_id: 's', old: '10', new: '20' }], plan, new Map([['k1', ack], ['k2', ack]]));
    expect([a.lost, a.doubled]).toEqual([[], []]);
    expect(a.notSent).toEqual([`${E}|${C}|j: correction k3 (value 30) never acknowledged, not in the database`]);
  });

  it('an acknowledged correction missing is lost; a version above the stored corrections and an extra revision are doubled', () => {
    expect(compareMarks([row(20, 2)], [{ score_id: 's', old: '10', new: '20' }], plan, new Map([['k1', ack], ['k2', ack], ['k3', ack]])).lost).toHaveLength(1);
    expect(compareMarks([row(20, 3)], [{ score_id: 's', old: '10', new: '20' }], plan, new Map([['k1', ack], ['k2', ack]])).doubled).toEqual([`${E}|${C}|j: score version 3 after 1 corrections`]);
    const revs = [{ score_id: 's', old: '10', new: '20' }, { score_id: 's', old: '20', new: '20' }, { score_id: 's', old: '20', new: '30' }];
    expect(compareMarks([row(30, 4)], revs, plan, new Map()).doubled).toHaveLength(1);
    // A mark nobody planned.
    expect(compareMarks([row(30, 3), { ...row(5, 1), id: 't', slot: 'other' }], [{ score_id: 's', old: '10', new: '20' }, { score_id: 's', old: '20', new: '30' }], plan, new Map()).doubled).toHaveLength(1);
  });
});
