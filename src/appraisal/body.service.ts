import type { EntityManager } from '@mikro-orm/postgresql';
import { domainError, notFound, UserErrorCode } from '../common/errors.js';
import { todayInChina } from '../common/date.js';
import { InputCheck } from '../common/validate.js';
import { labelOf } from '../common/enum-labels.js';
import { EnterpriseService } from '../registry/enterprise.service.js';
import { SKILL_LEVEL_ORDER, type SkillLevel } from '../registry/enums.js';
import { AppraisalBody, MAX_BODY_TRADES } from './appraisal-body.entity.js';
import { AppraisalBodyStatus } from './enums.js';
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
    const trades = (data.trades ?? []).map((t, i) => check.name(`trades.${i}`, t, { max: 100 }));
    if (trades.length < 1 || trades.length > MAX_BODY_TRADES) check.fail('trades', m('tradeCount', { max: MAX_BODY_TRADES }));
    const repeated = trades.find((t, i) => trades.indexOf(t) !== i);
    if (repeated) check.fail('trades', m('tradeRepeats', { trade: repeated }));
    const levels = [...new Set(data.levels ?? [])];
    if (!levels.length || levels.length !== (data.levels ?? []).length) check.fail('levels', m('levelCount'));
    const validFrom = check.plainDate('validFrom', data.validFrom);
    const validUntil = check.plainDate('validUntil', data.validUntil);
    if (validFrom && validUntil && validUntil < validFrom) check.fail('validUntil', m('validityOrder'));
    check.throwIfAny();
    const enterprise = await new EnterpriseService(this.em).get(enterpriseId);
    if (await this.em.count(AppraisalBody, { enterprise })) throw domainError(UserErrorCode.ALREADY_EXISTS, m('bodyExists'), ['input', 'enterpriseId']);
    if (await this.em.count(AppraisalBody, { code })) throw domainError(UserErrorCode.ALREADY_EXISTS, m('codeTaken'), ['input', 'code']);
    const ordered = SKILL_LEVEL_ORDER.filter((l) => levels.includes(l));
    const body = this.em.create(AppraisalBody, { enterprise, code, trades, levels: ordered, validFrom, validUntil } as never);
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
