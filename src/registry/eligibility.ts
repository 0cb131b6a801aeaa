import { labelOf } from '../common/enum-labels.js';
import { currentLocale } from '../common/i18n.js';
import { skillRank, type Ownership, type SkillLevel } from './enums.js';
import { m } from './eligibility-messages.js';

/**
 * Who may take part: the one rule engine of competition entries and drills (issue 16). Every list
 * given must hold (an empty list = no limit); the skill range is inclusive, and a worker without a
 * level falls below any minimum.
 */
export interface EligibilityRule {
  trades: readonly string[];
  minSkillLevel: SkillLevel | null;
  maxSkillLevel: SkillLevel | null;
  enterpriseIds: readonly string[];
  districts: readonly string[];
  ownerships: readonly Ownership[];
}

/** What the rules look at of a worker and their enterprise. */
export interface EligibilityFacts {
  name: string;
  trade: string;
  skillLevel: SkillLevel | null;
  enterpriseId: string;
  district: string;
  ownership: Ownership;
}

export type EligibilityRuleName = 'trade' | 'skillLevel' | 'enterprise' | 'district' | 'ownership';
export type EligibilityScope = 'competition' | 'drill';

export interface EligibilityProblem {
  rule: EligibilityRuleName;
  message: string;
}

const list = (items: readonly string[]) => items.join(currentLocale() === 'en' ? ', ' : '、');

/** Every rule the worker breaks, each named, in the order trade, skill level, enterprise, district, ownership. */
export function eligibilityProblems(rule: EligibilityRule, w: EligibilityFacts, scopeOf: EligibilityScope): EligibilityProblem[] {
  const scope = scopeOf === 'drill' ? m('scopeDrill') : m('scopeCompetition');
  const problems: EligibilityProblem[] = [];
  if (rule.trades.length && !rule.trades.includes(w.trade)) {
    problems.push({ rule: 'trade', message: m('ruleTrade', { name: w.name, trade: w.trade, trades: list(rule.trades), scope }) });
  }
  const { minSkillLevel: min, maxSkillLevel: max } = rule;
  const rank = skillRank(w.skillLevel);
  if ((min && rank < skillRank(min)) || (max && rank > skillRank(max))) {
    const level = (l: string | null | undefined) => (l ? labelOf('SkillLevel', l) : m('anyLevel'));
    const has = w.skillLevel ? labelOf('SkillLevel', w.skillLevel) : m('noSkillLevel');
    problems.push({ rule: 'skillLevel', message: m('ruleSkill', { name: w.name, level: has, range: `${level(min)}–${level(max)}`, scope }) });
  }
  if (rule.enterpriseIds.length && !rule.enterpriseIds.includes(w.enterpriseId)) {
    problems.push({ rule: 'enterprise', message: m('ruleEnterprise', { name: w.name, scope }) });
  }
  if (rule.districts.length && !rule.districts.includes(w.district)) {
    problems.push({ rule: 'district', message: m('ruleDistrict', { name: w.name, district: w.district, districts: list(rule.districts), scope }) });
  }
  if (rule.ownerships.length && !rule.ownerships.includes(w.ownership)) {
    const label = (o: string) => labelOf('Ownership', o);
    problems.push({ rule: 'ownership', message: m('ruleOwnership', { name: w.name, ownership: label(w.ownership), ownerships: list(rule.ownerships.map(label)), scope }) });
  }
  return problems;
}
