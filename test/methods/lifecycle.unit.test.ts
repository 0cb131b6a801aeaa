import { withLocale } from '../../src/common/i18n';
import { labelOf } from '../../src/common/enum-labels';
import { MethodStatus as S } from '../../src/methods/enums';
import { badSubscores, meanTotal, namesLeadInventor, namingThresholdProblems, reviewTotal } from '../../src/methods/naming';
import { METHOD_LIFECYCLE, nextMethodStatus, reachableFrom, type MethodAction } from '../../src/methods/lifecycle';

const ALL = Object.values(S);
const ACTIONS = Object.keys(METHOD_LIFECYCLE) as MethodAction[];

describe('method lifecycle', () => {
  it.each([
    [S.SUBMITTED, 'assignReviewers', S.UNDER_REVIEW],
    [S.UNDER_REVIEW, 'assignReviewers', S.UNDER_REVIEW],
    [S.UNDER_REVIEW, 'review', S.UNDER_REVIEW],
    [S.UNDER_REVIEW, 'removeReviewer', S.UNDER_REVIEW],
    [S.UNDER_REVIEW, 'name', S.NAMED],
    [S.SUBMITTED, 'reject', S.REJECTED],
    [S.UNDER_REVIEW, 'reject', S.REJECTED],
    [S.NAMED, 'recordAdoption', S.NAMED],
  ] as const)('%s --%s--> %s', (from, action, to) => {
    expect(nextMethodStatus(from, action)).toEqual({ ok: true, to });
  });

  it.each([
    [S.SUBMITTED, 'review'],
    [S.SUBMITTED, 'name'],
    [S.SUBMITTED, 'recordAdoption'],
    [S.UNDER_REVIEW, 'recordAdoption'],
    [S.NAMED, 'assignReviewers'],
    [S.NAMED, 'review'],
    [S.NAMED, 'name'],
    [S.NAMED, 'reject'],
    [S.REJECTED, 'assignReviewers'],
    [S.REJECTED, 'name'],
    [S.REJECTED, 'recordAdoption'],
  ] as const)('refuses %s --%s-- with a sentence naming the state', (from, action) => {
    const r = nextMethodStatus(from, action);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain(`操作法当前为“${labelOf('MethodStatus', from)}”`);
    // English on request, naming the state by its English label.
    expect(withLocale('en', () => nextMethodStatus(from, action))).toMatchObject({ ok: false, message: expect.stringContaining(`while the method is ${withLocale('en', () => labelOf('MethodStatus', from))}`) });
  });

  it('REJECTED is final and NAMED only ever stays NAMED', () => {
    expect([...reachableFrom(S.REJECTED)]).toEqual([S.REJECTED]);
    expect([...reachableFrom(S.NAMED)]).toEqual([S.NAMED]);
    expect(reachableFrom(S.SUBMITTED)).toEqual(new Set(ALL));
  });

  it('only naming leads to NAMED and only rejecting to REJECTED', () => {
    for (const from of ALL) {
      for (const action of ACTIONS) {
        const r = nextMethodStatus(from, action);
        if (!r.ok || r.to === from) continue;
        if (r.to === S.NAMED) expect(action).toBe('name');
        if (r.to === S.REJECTED) expect(action).toBe('reject');
      }
    }
  });
});

describe('naming rules', () => {
  it('totals the four sub-scores and names the ones out of 0–25', () => {
    expect(reviewTotal({ innovation: 20, practicality: 21, benefit: 22, promotability: 23 })).toBe(86);
    expect(badSubscores({ innovation: 0, practicality: 25, benefit: 26, promotability: -1 })).toEqual(['benefit', 'promotability']);
    expect(badSubscores({ innovation: 1.5, practicality: 25, benefit: 3 })).toEqual(['innovation', 'promotability']);
  });

  it('needs at least 3 reviews and a mean total of at least 75, naming each unmet rule', () => withLocale('en', () => {
    expect(namingThresholdProblems(3, 225)).toEqual([]);
    expect(namingThresholdProblems(5, 498)).toEqual([]);
    expect(namingThresholdProblems(2, 180)).toEqual([expect.stringMatching(/at least 3 expert reviews; the method has 2/)]);
    expect(namingThresholdProblems(3, 224)).toEqual([expect.stringMatching(/mean review total of at least 75; the method's is 74\.67 \(rounded half up; its 3 reviews total 224, 225 needed\)$/)]);
    // The check is exact (sum ≥ 75 × count): a mean that rounds to 75.00 but is under 75 is refused, and the message says by how much.
    expect(namingThresholdProblems(1000, 74_999)).toEqual([expect.stringMatching(/is 75\.00 \(rounded half up; its 1000 reviews total 74999, 75000 needed\)$/)]);
    expect(namingThresholdProblems(200, 14_999)).toHaveLength(1);
    expect(namingThresholdProblems(200, 15_000)).toEqual([]);
    expect(namingThresholdProblems(1, 40)).toHaveLength(2);
    expect(namingThresholdProblems(0, 0)).toHaveLength(1);
  }));

  it('says the threshold in Chinese by default', () => {
    expect(namingThresholdProblems(3, 224)).toEqual(['命名要求专家评审平均总分不低于 75，本操作法为 74.67（四舍五入；3 份评审合计 224 分，需 225 分）']);
  });

  it('rounds the mean half up to two decimals, exactly', () => {
    expect(meanTotal(215, 3)).toBe(71.67); // 71.666…
    expect(meanTotal(224, 3)).toBe(74.67);
    expect(meanTotal(226, 3)).toBe(75.33); // 75.333…
    expect(meanTotal(74_999, 1000)).toBe(75); // 74.999
    expect(meanTotal(240, 3)).toBe(80);
    expect(meanTotal(8029, 100)).toBe(80.29);
    expect(meanTotal(15, 2)).toBe(7.5);
    expect(meanTotal(2001, 200)).toBe(10.01); // 10.005: half up, not to even, no float drift
    expect(meanTotal(2009, 200)).toBe(10.05); // 10.045
    expect(meanTotal(1, 3)).toBe(0.33);
    expect(meanTotal(2, 3)).toBe(0.67);
  });

  it('wants the lead inventor’s name inside the official name', () => {
    expect(namesLeadInventor('王晓明高效焊接法', '王晓明')).toBe(true);
    expect(namesLeadInventor('王 晓明 高效焊接法', '王晓明')).toBe(true);
    expect(namesLeadInventor('高效焊接法', '王晓明')).toBe(false);
    expect(namesLeadInventor('王晓高效焊接法', '王晓明')).toBe(false);
    expect(namesLeadInventor('任意', '')).toBe(false);
  });
});
