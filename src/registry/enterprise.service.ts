import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { domainError, notFound, UserErrorCode } from '../common/errors.js';
import { InputCheck } from '../common/validate.js';
import { creditCodeProblem, normalizeCreditCode } from './credit-code.js';
import { m } from './messages.js';
import { Enterprise } from './enterprise.entity.js';
import type { EnterpriseSize, Ownership } from './enums.js';

export interface EnterpriseData {
  name?: string | null;
  creditCode?: string | null;
  ownership?: Ownership | null;
  size?: EnterpriseSize | null;
  industry?: string | null;
  district?: string | null;
}

const duplicateCode = () =>
  domainError(UserErrorCode.ALREADY_EXISTS, m('creditCodeTaken'), ['input', 'creditCode']);

export class EnterpriseService {
  constructor(private readonly em: EntityManager) {}

  async get(id: string, field = ['input', 'enterpriseId']): Promise<Enterprise> {
    const enterprise = await this.em.findOne(Enterprise, { id });
    if (!enterprise) throw notFound('Enterprise', field);
    return enterprise;
  }

  /** Checks the fields present; `partial` leaves absent ones alone (update). */
  private clean(data: EnterpriseData, partial: boolean): EnterpriseData {
    const check = new InputCheck();
    const out: EnterpriseData = {};
    const has = (v: unknown) => !partial || v != null;
    if (has(data.name)) out.name = check.name('name', data.name, { max: 200 });
    if (has(data.industry)) out.industry = check.name('industry', data.industry, { max: 100 });
    if (has(data.district)) out.district = check.name('district', data.district, { max: 100 });
    if (has(data.creditCode)) {
      out.creditCode = normalizeCreditCode(data.creditCode ?? '');
      const problem = creditCodeProblem(out.creditCode);
      if (problem) check.fail('creditCode', m('creditCodeInvalid', { problem }));
    }
    if (data.ownership != null) out.ownership = data.ownership;
    if (data.size != null) out.size = data.size;
    check.throwIfAny();
    return out;
  }

  async create(data: EnterpriseData): Promise<Enterprise> {
    const clean = this.clean(data, false);
    if (await this.em.count(Enterprise, { creditCode: clean.creditCode! })) throw duplicateCode();
    const enterprise = this.em.create(Enterprise, clean as never);
    await this.flush();
    return enterprise;
  }

  async update(id: string, data: EnterpriseData): Promise<Enterprise> {
    const enterprise = await this.get(id);
    const clean = this.clean(data, true);
    if (clean.creditCode && clean.creditCode !== enterprise.creditCode) {
      if (await this.em.count(Enterprise, { creditCode: clean.creditCode })) throw duplicateCode();
    }
    this.em.assign(enterprise, clean as never);
    await this.flush();
    return enterprise;
  }

  /** A concurrent insert of the same code loses the race at the unique index: still a userError. */
  private async flush(): Promise<void> {
    try {
      await this.em.flush();
    } catch (err) {
      if (err instanceof UniqueConstraintViolationException) throw duplicateCode();
      throw err;
    }
  }
}
