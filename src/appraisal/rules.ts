import { UserErrorCode, type UserErrorInit } from '../common/errors.js';
import { labelOf } from '../common/enum-labels.js';
import type { SkillLevel } from '../registry/enums.js';
import { m } from './messages.js';

/**
 * The pure rules of skill appraisal (技能等级认定), tested one by one in test/appraisal/rules.unit.test.ts:
 * component weights, the weighted result, and eligibility against a rule row (the rules themselves are
 * data: the appraisal_eligibility_rule table, seeded with the defaults documented in README, "Skill appraisal").
 */

/** The five components of an appraisal result, in percent; together 100. */
export interface Weights {
  theory: number;
  practical: number;
  innovation: number;
  problemSolving: number;
  performance: number;
}
export const COMPONENTS = ['theory', 'practical', 'innovation', 'problemSolving', 'performance'] as const;

/** 理论 20, 实操 40, 创新能力 15, 现场解决问题 15, 业绩贡献 10: the programme's defaults. */
export const DEFAULT_WEIGHTS: Readonly<Weights> = { theory: 20, practical: 40, innovation: 15, problemSolving: 15, performance: 10 };
/** Innovation, problem solving and performance together: at least this share of the result. */
export const MIN_ABILITY_SHARE = 40;
export const DEFAULT_PASS_MARK = 60;

/** Problems with a weighting (each names its field under `prefix`); none means it may be used. */
export function weightProblems(w: Weights, prefix: string[] = ['input', 'weights']): UserErrorInit[] {
  const problems: UserErrorInit[] = [];
  for (const c of COMPONENTS) {
    if (!Number.isInteger(w[c]) || w[c] < 0 || w[c] > 100) problems.push({ code: UserErrorCode.INVALID_INPUT, message: m('weightRange', { component: c }), field: [...prefix, c] });
  }
  if (problems.length) return problems;
  const sum = COMPONENTS.reduce((s, c) => s + w[c], 0);
  if (sum !== 100) problems.push({ code: UserErrorCode.INVALID_INPUT, message: m('weightSum', { sum }), field: prefix });
  const ability = w.innovation + w.problemSolving + w.performance;
  if (ability < MIN_ABILITY_SHARE) problems.push({ code: UserErrorCode.INVALID_INPUT, message: m('abilityShare', { share: ability, min: MIN_ABILITY_SHARE }), field: prefix });
  return problems;
}

/**
 * The result of one candidate: per component the mean of the assessors' marks (0–100), weighted by
 * the session's weights; two decimals, half up. Null when no assessor has marked the candidate.
 */
export function weightedResult(w: Weights, marks: readonly Weights[]): number | null {
  if (!marks.length) return null;
  // In hundredths of a point × assessors, so the sum is exact before the one rounding.
  let total = 0;
  for (const c of COMPONENTS) total += w[c] * marks.reduce((s, mk) => s + mk[c], 0);
  // total / (marks × 100) is the result; in hundredths that is total / marks, rounded half up.
  return Math.round(total / marks.length) / 100;
}

export const passes = (result: number, passMark: number) => result >= passMark;

/** One row of the eligibility table: what a worker needs to be appraised for `targetLevel`. */
export interface EligibilityRule {
  targetLevel: SkillLevel;
  /** The level the worker must hold now (one below the target; null for the first level). */
  requiredLevel: SkillLevel | null;
  /** Whole years the current level must have been held. */
  minYearsAtLevel: number;
  /** Whole years in the trade. */
  minYearsInTrade: number;
}

export interface CandidateFacts {
  trade: string;
  level: SkillLevel | null;
  /** Whole years since the current level took effect (see levelSince in appraisal.service.ts); null without a level. */
  yearsAtLevel: number | null;
  /** Whole years since the worker started in the trade (tradeStartYear, else the year they joined). */
  yearsInTrade: number;
}

/** Why a worker may not be a candidate for a session of `trade` and this rule; each problem names its rule. */
export function eligibilityProblems(trade: string, rule: EligibilityRule, w: CandidateFacts, field: string[] = ['input', 'workerId']): UserErrorInit[] {
  const fail = (message: string): UserErrorInit => ({ code: UserErrorCode.NOT_ELIGIBLE, message, field });
  const level = (l: SkillLevel | null) => (l ? labelOf('SkillLevel', l) : m('noLevel'));
  const problems: UserErrorInit[] = [];
  if (w.trade !== trade) problems.push(fail(m('ruleTrade', { trade, workerTrade: w.trade })));
  if (w.level !== rule.requiredLevel) {
    problems.push(fail(m('ruleCurrentLevel', { required: level(rule.requiredLevel), target: level(rule.targetLevel), level: level(w.level) })));
  } else if (rule.requiredLevel && (w.yearsAtLevel ?? 0) < rule.minYearsAtLevel) {
    problems.push(fail(m('ruleYearsAtLevel', { level: level(rule.requiredLevel), min: rule.minYearsAtLevel, years: w.yearsAtLevel ?? 0 })));
  }
  if (w.yearsInTrade < rule.minYearsInTrade) problems.push(fail(m('ruleYearsInTrade', { min: rule.minYearsInTrade, years: w.yearsInTrade })));
  return problems;
}

/** Whole years from a date (YYYY-MM-DD) to another, as an anniversary counts them. */
export function wholeYears(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
}
