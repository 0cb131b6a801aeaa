import fc from 'fast-check';
import { withLocale } from '../../src/common/i18n';
import { CampaignStatus as S } from '../../src/honors/enums';
import { CAMPAIGN_LIFECYCLE, FINAL_STATES, nextCampaignStatus, type CampaignAction } from '../../src/honors/lifecycle';
import { frontLinePlaces, rankCandidates, type RankCandidate } from '../../src/honors/ranking';
import { EMPTY_CALENDAR, HOLIDAYS_2026, isWorkingDay, noticePeriod, SWAPPED_WORKDAYS_2026, workingDaysBetween, type WorkingCalendar } from '../../src/honors/working-days';

const ACTIONS = Object.keys(CAMPAIGN_LIFECYCLE) as CampaignAction[];

describe('campaign lifecycle', () => {
  it.each([
    [S.NOMINATING, 'nominate', S.NOMINATING],
    [S.NOMINATING, 'closeNominations', S.REVIEWING],
    [S.REVIEWING, 'score', S.REVIEWING],
    [S.REVIEWING, 'recordClearance', S.REVIEWING],
    [S.REVIEWING, 'publishShortlist', S.IN_NOTICE],
    [S.IN_NOTICE, 'lodgeObjection', S.IN_NOTICE],
    [S.IN_NOTICE, 'resolveObjection', S.IN_NOTICE],
    [S.IN_NOTICE, 'conclude', S.CONFERRED],
    [S.NOMINATING, 'cancel', S.CANCELLED],
    [S.IN_NOTICE, 'cancel', S.CANCELLED],
  ] as const)('%s --%s--> %s', (from, action, to) => {
    expect(nextCampaignStatus(from, action)).toEqual({ ok: true, to });
  });

  it('concludes a provincial or national campaign in a recommendation list, not a conferral', () => {
    expect(nextCampaignStatus(S.IN_NOTICE, 'conclude', true)).toEqual({ ok: true, to: S.RECOMMENDED });
  });

  it('lets nothing move a final campaign, and says why in both languages', () => {
    for (const s of FINAL_STATES) for (const a of ACTIONS) expect(nextCampaignStatus(s, a).ok).toBe(false);
    const zh = nextCampaignStatus(S.REVIEWING, 'nominate');
    expect(zh).toEqual({ ok: false, message: '评选活动当前为“评审中”，不能推荐（仅在“推荐中”时可以）' });
    const en = withLocale('en', () => nextCampaignStatus(S.CONFERRED, 'conclude'));
    expect(en).toEqual({ ok: false, message: 'Concluding (conferral or recommendation) is not possible while the campaign is Conferred (only when In notice)' });
  });

  it('never goes back to nominating or reviewing once the shortlist is out', () => {
    for (const a of ACTIONS) {
      const next = nextCampaignStatus(S.IN_NOTICE, a);
      if (next.ok) expect([S.NOMINATING, S.REVIEWING]).not.toContain(next.to);
    }
  });
});

const CAL_2026: WorkingCalendar = {
  holidays: new Set(HOLIDAYS_2026.map((d) => d.date)),
  workdays: new Set(SWAPPED_WORKDAYS_2026.map((d) => d.date)),
};

describe('working days', () => {
  it('counts Monday to Friday on an empty calendar', () => {
    expect(isWorkingDay('2027-03-05', EMPTY_CALENDAR)).toBe(true); // Friday
    expect(isWorkingDay('2027-03-06', EMPTY_CALENDAR)).toBe(false); // Saturday
    // Five working days from Friday 2027-03-05: Fri, Mon, Tue, Wed, Thu.
    expect(noticePeriod('2027-03-05', 5, EMPTY_CALENDAR)).toEqual({ startsOn: '2027-03-05', endsOn: '2027-03-11' });
    // From a Saturday it starts on Monday.
    expect(noticePeriod('2027-03-06', 5, EMPTY_CALENDAR)).toEqual({ startsOn: '2027-03-08', endsOn: '2027-03-12' });
  });

  it('skips the 2026 National Day holiday and counts its swapped Saturday', () => {
    // Mon 28 Sep, Tue 29, Wed 30, then 1–7 Oct off, Thu 8, Fri 9.
    expect(noticePeriod('2026-09-28', 5, CAL_2026)).toEqual({ startsOn: '2026-09-28', endsOn: '2026-10-09' });
    // Thu 8, Fri 9, Sat 10 (调休上班), Mon 12, Tue 13.
    expect(noticePeriod('2026-10-08', 5, CAL_2026)).toEqual({ startsOn: '2026-10-08', endsOn: '2026-10-13' });
    // Sunday 20 September is worked too.
    expect(isWorkingDay('2026-09-20', CAL_2026)).toBe(true);
    expect(noticePeriod('2026-09-19', 1, CAL_2026)).toEqual({ startsOn: '2026-09-20', endsOn: '2026-09-20' });
  });

  it('spans the Spring Festival: nine days off, the Saturday after worked', () => {
    // Fri 13 Feb, Sat 14 (worked); 15–23 off; Tue 24, Wed 25.
    expect(noticePeriod('2026-02-13', 4, CAL_2026)).toEqual({ startsOn: '2026-02-13', endsOn: '2026-02-25' });
    expect(workingDaysBetween('2026-02-13', '2026-02-28', CAL_2026)).toBe(2 + 4 + 1);
  });

  it('has 2026 at 248 working days, as the schedule makes it', () => {
    // 261 weekdays, 19 of them holidays (元旦 2, 春节 6, 清明 1, 劳动节 3, 端午 1, 中秋 1, 国庆 5), 6 weekend days worked.
    expect(workingDaysBetween('2026-01-01', '2026-12-31', CAL_2026)).toBe(248);
  });

  it('always ends on a working day with exactly `days` working days in the period', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 700 }), fc.integer({ min: 1, max: 30 }), (offset, days) => {
      const from = new Date(Date.UTC(2026, 0, 1 + offset)).toISOString().slice(0, 10);
      const p = noticePeriod(from, days, CAL_2026);
      return isWorkingDay(p.startsOn, CAL_2026) && isWorkingDay(p.endsOn, CAL_2026) && workingDaysBetween(p.startsOn, p.endsOn, CAL_2026) === days
        && workingDaysBetween(from, p.startsOn, CAL_2026) === 1;
    }));
  });
});

const c = (id: string, frontLine: boolean, score: number): RankCandidate => ({ id, frontLine, score, tiebreak: id });

describe('ranking', () => {
  it('keeps ceil(share × quota) places for front-line workers', () => {
    expect(frontLinePlaces(10, 30)).toBe(3);
    expect(frontLinePlaces(7, 30)).toBe(3);
    expect(frontLinePlaces(3, 50)).toBe(2);
    expect(frontLinePlaces(3, 0)).toBe(0);
    expect(frontLinePlaces(3, 100)).toBe(3);
  });

  it('gives the kept places to the best front-liners and the rest by score', () => {
    const all = [c('a', false, 95), c('b', false, 90), c('c', false, 85), c('d', true, 80), c('e', true, 70), c('f', true, 60)];
    expect(rankCandidates(all, 3, 0).selected).toEqual(['a', 'b', 'c']);
    expect(rankCandidates(all, 3, 34)).toEqual({ selected: ['a', 'd', 'e'], reserve: ['b', 'c', 'f'], frontLinePlaces: 2 });
    // Fewer front-liners than kept places: the unused places go by score.
    expect(rankCandidates([c('a', false, 9), c('b', true, 1), c('c', false, 5)], 2, 100).selected).toEqual(['a', 'b']);
  });

  it('breaks equal scores by the tiebreak', () => {
    expect(rankCandidates([c('y', false, 5), c('x', false, 5)], 1, 0).selected).toEqual(['x']);
  });

  const candidates = fc.uniqueArray(fc.record({ id: fc.string({ minLength: 1, maxLength: 4 }), frontLine: fc.boolean(), score: fc.integer({ min: 0, max: 100 }) }), { selector: (x) => x.id, maxLength: 30 })
    .map((xs) => xs.map((x) => ({ ...x, tiebreak: x.id })));

  it('fills min(quota, candidates) places, with at least min(kept places, front-liners) front-liners', () => {
    fc.assert(fc.property(candidates, fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 100 }), (cs, quota, share) => {
      const r = rankCandidates(cs, quota, share);
      const front = r.selected.filter((id) => cs.find((x) => x.id === id)!.frontLine).length;
      return r.selected.length === Math.min(quota, cs.length) && r.selected.length + r.reserve.length === cs.length
        && front >= Math.min(r.frontLinePlaces, cs.filter((x) => x.frontLine).length);
    }));
  });

  it('keeps everyone else selected when one selected nominee is removed (so "the next moves up" never pushes anyone off)', () => {
    fc.assert(fc.property(candidates, fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 100 }), fc.nat(), (cs, quota, share, pick) => {
      const before = rankCandidates(cs, quota, share);
      if (!before.selected.length) return true;
      const removed = before.selected[pick % before.selected.length]!;
      const after = rankCandidates(cs.filter((x) => x.id !== removed), quota, share);
      return before.selected.filter((id) => id !== removed).every((id) => after.selected.includes(id));
    }));
  });
});
