import type { EntityManager } from '@mikro-orm/postgresql';
import { domainError, DomainError, UserErrorCode } from '../common/errors.js';
import { InputCheck } from '../common/validate.js';
import type { Viewer } from '../context.js';
import { User } from '../auth/user.entity.js';
import { Worker } from '../registry/worker.entity.js';
import { assertStudioManager, lockStudio } from './access.js';
import { canonicalMoney, checkMoney, cstYearOf } from './decimal.js';
import { InnovationCategory, StudioStatus } from './enums.js';
import { Innovation } from './innovation.entity.js';
import { StudioMember } from './studio-member.entity.js';
import { labelOf } from '../common/enum-labels.js';
import { commonMessage, nameOf } from '../common/messages.js';
import { m } from './messages.js';

export interface InnovationFields {
  title: string;
  category: InnovationCategory;
  description?: string | null;
  economicBenefit?: string | null;
  patentNumber?: string | null;
}

const MAX_INVENTORS = 30;

export class InnovationService {
  constructor(private readonly em: EntityManager) {}

  async register(viewer: Viewer, studioId: string, inventorIds: string[], data: InnovationFields): Promise<Innovation> {
    const check = new InputCheck();
    const title = check.name('title', data.title, { max: 200 });
    const description = check.text('description', data.description ?? '', { max: 20_000, optional: true });
    const money = checkMoney(check, 'economicBenefit', data.economicBenefit, { optional: true });
    const patentNumber = check.text('patentNumber', data.patentNumber, { max: 50, optional: true }) || null;
    if (data.category === InnovationCategory.PATENT && !patentNumber) check.fail('patentNumber', m('patentNeedsNumber'));
    if (!inventorIds.length) check.fail('inventorWorkerIds', m('noInventor'));
    if (inventorIds.length > MAX_INVENTORS) check.fail('inventorWorkerIds', m('tooManyInventors', { max: MAX_INVENTORS }));
    const inventors = [...new Set(inventorIds)];
    return this.em.transactional(async (tx) => {
      const studio = await lockStudio(tx, studioId);
      assertStudioManager(viewer, studio);
      check.throwIfAny();
      if (studio.status !== StudioStatus.ACCREDITED) {
        throw domainError(UserErrorCode.INVALID_STATE, m('innovationNeedsAccredited', { status: labelOf('StudioStatus', studio.status) }), ['input', 'studioId']);
      }
      const members = new Set((await tx.find(StudioMember, { studio }, { fields: ['worker'] })).map((m) => m.worker.id));
      const outsiders = inventorIds.map((id, i) => [id, i] as const).filter(([id]) => !members.has(id));
      if (outsiders.length) {
        const names = new Map((await tx.find(Worker, { id: { $in: outsiders.map(([id]) => id) } }, { fields: ['name'] })).map((w) => [w.id, w.name]));
        throw new DomainError(outsiders.map(([id, i]) => ({
          code: UserErrorCode.NOT_ELIGIBLE,
          message: names.has(id) ? m('inventorNotMember', { name: names.get(id) }) : commonMessage('notFound', { what: nameOf('Worker') }),
          field: ['input', 'inventorWorkerIds', String(i)],
        })));
      }
      const now = new Date();
      const innovation = tx.create(Innovation, {
        studio, title, category: data.category, description, inventorIds: inventors, economicBenefit: money ? canonicalMoney(money) : null,
        patentNumber, year: cstYearOf(now), registeredBy: tx.getReference(User, viewer.id), registeredAt: now,
      } as never);
      await tx.flush();
      return innovation;
    });
  }
}
