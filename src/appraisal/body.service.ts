import type { EntityManager } from '@mikro-orm/postgresql';
import { domainError, notFound, UserErrorCode } from '../common/errors.js';
import { todayInChina } from '../common/date.js';
import { InputCheck } from '../common/validate.js';
import { labelOf } from '../common/enum-labels.js';
import { EnterpriseService } from '../registry/enterprise.service.js';
import { SKILL_LEVEL_ORDER, type SkillLevel } from '../registry/enums.js';
import { AppraisalBody, MAX_BODY_TRADES } from './appraisal-body.entity.js';
import { AppraisalSession } from './appraisal-session.entity.js';
import { AppraisalEligibilityRule } from './eligibility-rule.entity.js';
import { AppraisalBodyStatus, AppraisalSessionStatus } from './enums.js';
import { m } from './messages.js';

export interface BodyData {
  code: string;
  trades: string[];
  levels: SkillLevel[];
  validFrom: string;
  validUntil: string;
}

const CODE = /^[0-9A-Za-z]{4,20}$/;

/** Appraisal bodies (评价机构): recorded, suspended and reinstated by an ADMIN (监督管理). */
export class AppraisalBodyService {
  constructor(private readonly em: EntityManager) {}

  async get(id: string, field = ['input', 'bodyId']): Promise<AppraisalBody> {
    const body = await this.em.findOne(AppraisalBody, { id });
    if (!body) throw notFound('AppraisalBody', field);
    return body;
  }

  async record(enterpriseId: string, data: BodyData): Promise<AppraisalBody> {
    const check = new InputCheck();
    const code = check.name('code', data.code, { max: 20 });
    if (code && !CODE.test(code)) check.fail('code', m('codeFormat'));
    const trades = checkTrades(check, data.trades);
    const levels = checkLevels(check, data.levels);
    const validFrom = check.plainDate('validFrom', data.validFrom);
    const validUntil = check.plainDate('validUntil', data.validUntil);
    if (validFrom && validUntil && validUntil < validFrom) check.fail('validUntil', m('validityOrder'));
    check.throwIfAny();
    const enterprise = await new EnterpriseService(this.em).get(enterpriseId);
    if (await this.em.count(AppraisalBody, { enterprise })) throw domainError(UserErrorCode.ALREADY_EXISTS, m('bodyExists'), ['input', 'enterpriseId']);
    if (await this.em.count(AppraisalBody, { code })) throw domainError(UserErrorCode.ALREADY_EXISTS, m('codeTaken'), ['input', 'code']);
    const body = this.em.create(AppraisalBody, { enterprise, code, trades, levels, validFrom, validUntil } as never);
    await this.em.flush();
    return body;
  }

  /**
   * Changes a body's trades, levels or validity (fields not given stay). A trade or level an OPEN session
   * works in cannot be dropped: that session could not be closed as it was opened.
   */
  async update(id: string, data: { trades?: string[] | null; levels?: SkillLevel[] | null; validFrom?: string | null; validUntil?: string | null }): Promise<AppraisalBody> {
    const check = new InputCheck();
    const trades = data.trades != null ? checkTrades(check, data.trades) : null;
    const levels = data.levels != null ? checkLevels(check, data.levels) : null;
    const from = data.validFrom != null ? check.plainDate('validFrom', data.validFrom) : null;
    const until = data.validUntil != null ? check.plainDate('validUntil', data.validUntil) : null;
    const body = await this.get(id);
    const validFrom = from ?? body.validFrom;
    const validUntil = until ?? body.validUntil;
    if (validFrom && validUntil && validUntil < validFrom) check.fail(until ? 'validUntil' : 'validFrom', m('validityOrder'));
    check.throwIfAny();
    const open = await this.em.find(AppraisalSession, { body, status: AppraisalSessionStatus.OPEN }, { orderBy: { createdAt: 'asc', id: 'asc' } });
    for (const s of open) {
      if (trades && !trades.includes(s.trade)) check.fail('trades', m('tradeInUse', { title: s.title, trade: s.trade }), UserErrorCode.INVALID_STATE);
      if (levels && !levels.includes(s.targetLevel)) check.fail('levels', m('levelInUse', { title: s.title, level: labelOf('SkillLevel', s.targetLevel) }), UserErrorCode.INVALID_STATE);
    }
    check.throwIfAny();
    this.em.assign(body, { ...(trades ? { trades } : {}), ...(levels ? { levels } : {}), validFrom, validUntil });
    await this.em.flush();
    return body;
  }

  async suspend(id: string, reason: string): Promise<AppraisalBody> {
    const check = new InputCheck();
    const why = check.text('reason', reason, { max: 2000 });
    check.throwIfAny();
    const body = await this.get(id);
    if (body.status === AppraisalBodyStatus.SUSPENDED) throw domainError(UserErrorCode.INVALID_STATE, m('bodySuspended'), ['input', 'bodyId']);
    body.status = AppraisalBodyStatus.SUSPENDED;
    body.suspensionReason = why;
    await this.em.flush();
    return body;
  }

  async reinstate(id: string): Promise<AppraisalBody> {
    const body = await this.get(id);
    if (body.status !== AppraisalBodyStatus.SUSPENDED) throw domainError(UserErrorCode.INVALID_STATE, m('bodyNotSuspended'), ['input', 'bodyId']);
    body.status = AppraisalBodyStatus.ACTIVE;
    await this.em.flush();
    return body;
  }
}

function checkTrades(check: InputCheck, input: string[] | null | undefined): string[] {
  const trades = (input ?? []).map((t, i) => check.name(`trades.${i}`, t, { max: 100 }));
  if (trades.length < 1 || trades.length > MAX_BODY_TRADES) check.fail('trades', m('tradeCount', { max: MAX_BODY_TRADES }));
  const repeated = trades.find((t, i) => trades.indexOf(t) !== i);
  if (repeated) check.fail('trades', m('tradeRepeats', { trade: repeated }));
  return trades;
}

/** The levels in skill order, each once (a repeat is refused). */
function checkLevels(check: InputCheck, input: SkillLevel[] | null | undefined): SkillLevel[] {
  const levels = [...new Set(input ?? [])];
  if (!levels.length || levels.length !== (input ?? []).length) check.fail('levels', m('levelCount'));
  return SKILL_LEVEL_ORDER.filter((l) => levels.includes(l));
}

/** A body may open and close sessions of a trade and level while ACTIVE and within its validity period. */
export function assertBodyMay(body: AppraisalBody, what: { trade?: string; level?: SkillLevel } = {}): void {
  if (body.status === AppraisalBodyStatus.SUSPENDED) throw domainError(UserErrorCode.INVALID_STATE, m('bodySuspended'));
  const today = todayInChina();
  if (today < body.validFrom || today > body.validUntil) {
    throw domainError(UserErrorCode.INVALID_STATE, m('bodyOutOfValidity', { from: body.validFrom, until: body.validUntil }));
  }
  if (what.trade != null && !body.trades.includes(what.trade)) throw domainError(UserErrorCode.NOT_ELIGIBLE, m('tradeNotCovered', { trade: what.trade }), ['input', 'trade']);
  if (what.level != null && !body.levels.includes(what.level)) {
    throw domainError(UserErrorCode.NOT_ELIGIBLE, m('levelNotCovered', { level: labelOf('SkillLevel', what.level) }), ['input', 'targetLevel']);
  }
}

/** ADMIN: changes one target level's eligibility rule (the years and the basis; the required level stays one below). */
export async function updateEligibilityRule(
  em: EntityManager, data: { targetLevel: SkillLevel; minYearsAtLevel?: number | null; minYearsInTrade?: number | null; basis?: string | null },
): Promise<AppraisalEligibilityRule> {
  const check = new InputCheck();
  const atLevel = data.minYearsAtLevel != null ? check.int('minYearsAtLevel', data.minYearsAtLevel, 0, 50) : null;
  const inTrade = data.minYearsInTrade != null ? check.int('minYearsInTrade', data.minYearsInTrade, 0, 60) : null;
  const basis = data.basis != null ? check.text('basis', data.basis, { max: 500 }) : null;
  check.throwIfAny();
  const rule = await em.findOne(AppraisalEligibilityRule, { targetLevel: data.targetLevel });
  if (!rule) throw domainError(UserErrorCode.NOT_FOUND, m('noRule', { level: labelOf('SkillLevel', data.targetLevel) }), ['input', 'targetLevel']);
  if (atLevel != null) rule.minYearsAtLevel = atLevel;
  if (inTrade != null) rule.minYearsInTrade = inTrade;
  if (basis != null) rule.basis = basis;
  await em.flush();
  return rule;
}
