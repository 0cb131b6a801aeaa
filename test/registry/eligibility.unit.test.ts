import { withLocale } from '../../src/common/i18n';
import { eligibilityProblems, type EligibilityFacts, type EligibilityRule } from '../../src/registry/eligibility';
import { Ownership, SkillLevel } from '../../src/registry/enums';

const NONE: EligibilityRule = { trades: [], minSkillLevel: null, maxSkillLevel: null, enterpriseIds: [], districts: [], ownerships: [] };
const worker: EligibilityFacts = { name: '王强', trade: '电工', skillLevel: SkillLevel.SENIOR, enterpriseId: 'e1', district: '市南区', ownership: Ownership.PRIVATE };
const rules = (rule: Partial<EligibilityRule>, w: Partial<EligibilityFacts> = {}) => eligibilityProblems({ ...NONE, ...rule }, { ...worker, ...w }, 'drill').map((p) => p.rule);

describe('the one eligibility engine', () => {
  it('sets no limit with empty lists and no range', () => {
    expect(rules({})).toEqual([]);
  });

  it('names every rule broken, in order', () => {
    expect(rules({ trades: ['焊工'], minSkillLevel: SkillLevel.TECHNICIAN, enterpriseIds: ['e2'], districts: ['市北区'], ownerships: [Ownership.STATE_OWNED] }))
      .toEqual(['trade', 'skillLevel', 'enterprise', 'district', 'ownership']);
  });

  it('holds districts and ownerships, and a skill range inclusively; no level is below any minimum', () => {
    expect(rules({ districts: ['市南区', '市北区'], ownerships: [Ownership.PRIVATE] })).toEqual([]);
    expect(rules({ minSkillLevel: SkillLevel.SENIOR, maxSkillLevel: SkillLevel.SENIOR })).toEqual([]);
    expect(rules({ maxSkillLevel: SkillLevel.INTERMEDIATE })).toEqual(['skillLevel']);
    expect(rules({ minSkillLevel: SkillLevel.JUNIOR }, { skillLevel: null })).toEqual(['skillLevel']);
    expect(rules({ maxSkillLevel: SkillLevel.JUNIOR }, { skillLevel: null })).toEqual([]);
  });

  it('says what the worker is refused for, in both languages', () => {
    const rule = { ...NONE, ownerships: [Ownership.STATE_OWNED, Ownership.COLLECTIVE] };
    expect(eligibilityProblems(rule, worker, 'drill')[0]!.message).toBe('规则“所有制”：王强所在企业为民营，本次练兵限国有、集体');
    expect(withLocale('en', () => eligibilityProblems({ ...NONE, districts: ['市北区'] }, worker, 'competition')[0]!.message))
      .toBe('Rule “district”: 王强’s enterprise is in 市南区; this competition is for 市北区');
  });
});
