import type { EntityManager } from '@mikro-orm/postgresql';
import { domainError, notFound, UserErrorCode } from '../common/errors.js';
import { InputCheck } from '../common/validate.js';
import type { Viewer } from '../context.js';
import { Enterprise } from '../registry/enterprise.entity.js';
import { checkMoney } from '../studios/decimal.js';
import { MethodAdoption } from './method-adoption.entity.js';
import { m } from './messages.js';
import { advance, lockMethod } from './method.service.js';
import type { OperatingMethod } from './operating-method.entity.js';

export interface AdoptionData {
  methodId: string;
  enterpriseId: string;
  adoptedAt: Date;
  workersTrained: number;
  economicBenefit: string;
}

const MAX_TRAINED = 1_000_000;

/** Promotion (推广): enterprises taking up NAMED methods, with workers trained and benefit in exact yuan. */
export class AdoptionService {
  constructor(private readonly em: EntityManager) {}

  /** ADMIN or ORGANIZER, for NAMED methods only (推广应用). */
  async recordAdoption(viewer: Viewer, data: AdoptionData): Promise<{ adoption: MethodAdoption; method: OperatingMethod }> {
    const check = new InputCheck();
    const adoptedAt = check.date('adoptedAt', data.adoptedAt, { notAfter: new Date() });
    const workersTrained = check.int('workersTrained', data.workersTrained, 0, MAX_TRAINED);
    const economicBenefit = checkMoney(check, 'economicBenefit', data.economicBenefit);
    check.throwIfAny();
    return this.em.transactional(async (tx) => {
      const method = await lockMethod(tx, data.methodId);
      advance(method, 'recordAdoption');
      const enterprise = await tx.findOne(Enterprise, { id: data.enterpriseId });
      if (!enterprise) throw notFound('Enterprise', ['input', 'enterpriseId']);
      if (adoptedAt < method.submittedAt) {
        throw domainError(UserErrorCode.INVALID_INPUT, m('adoptedBeforeSubmitted'), ['input', 'adoptedAt']);
      }
      const adoption = tx.create(MethodAdoption, { method, enterprise, adoptedAt, workersTrained, economicBenefit, recordedBy: viewer.id } as never);
      await tx.flush();
      return { adoption, method };
    });
  }
}
