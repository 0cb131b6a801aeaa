import type { EntityManager } from '@mikro-orm/postgresql';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { domainError, DomainError, UserErrorCode } from '../common/errors.js';
import { labelOf } from '../common/enum-labels.js';
import { InputCheck } from '../common/validate.js';
import type { Viewer } from '../context.js';
import { User } from '../auth/user.entity.js';
import { Enterprise } from '../registry/enterprise.entity.js';
import { EnterpriseService } from '../registry/enterprise.service.js';
import type { SkillLevel } from '../registry/enums.js';
import { canonicalMoney, checkMoney } from '../studios/decimal.js';
import { assertMayManageEnterprise } from './access.js';
import { m } from './messages.js';
import { RATE_COLUMNS, SkillAllowanceStandard } from './skill-allowance.entity.js';

/** numeric(10,2): at most 8 digits before the point. */
const RATE = /^\d{1,8}(\.\d{1,2})?$/;

/**
 * Records an enterprise's skill allowance standard from a date on (ADMIN, ORGANIZER, or a NOMINATOR of
 * that enterprise). One standard per enterprise and day; earlier ones stay as the history.
 */
export async function recordSkillAllowanceStandard(
  em: EntityManager, viewer: Viewer, enterpriseId: string, data: { effectiveFrom: string; rates: { level: SkillLevel; yuanPerMonth: string }[] },
): Promise<SkillAllowanceStandard> {
  const check = new InputCheck();
  const effectiveFrom = check.plainDate('effectiveFrom', data.effectiveFrom);
  const rates = data.rates ?? [];
  if (rates.length === 0) check.fail('rates', m('noRates'));
  const problems = [...check.problems];
  const byLevel = new Map<SkillLevel, string>();
  rates.forEach((r, i) => {
    const row = new InputCheck(['input', 'rates', String(i)]);
    const value = checkMoney(row, 'yuanPerMonth', r.yuanPerMonth);
    if (value != null && !RATE.test(value)) row.fail('yuanPerMonth', m('rateTooLarge'));
    if (byLevel.has(r.level)) row.fail('level', m('levelRepeats', { level: labelOf('SkillLevel', r.level) }));
    else if (row.ok && value != null) byLevel.set(r.level, canonicalMoney(value));
    problems.push(...row.problems);
  });
  if (problems.length) throw new DomainError(problems);
  const enterprise = await new EnterpriseService(em).get(enterpriseId);
  assertMayManageEnterprise(viewer, enterprise.id);
  const columns = Object.fromEntries(RATE_COLUMNS.map(([level, prop]) => [prop, byLevel.get(level) ?? null]));
  const standard = em.create(SkillAllowanceStandard, {
    enterprise: em.getReference(Enterprise, enterprise.id), effectiveFrom, ...columns, recordedBy: em.getReference(User, viewer.id),
  } as never);
  try {
    await em.flush();
  } catch (err) {
    if (err instanceof UniqueConstraintViolationException) {
      throw domainError(UserErrorCode.ALREADY_EXISTS, m('standardExists', { date: effectiveFrom }), ['input', 'effectiveFrom']);
    }
    throw err;
  }
  return standard;
}
