import type { EntityManager } from '@mikro-orm/postgresql';
import { domainError, forbidden, UserErrorCode } from '../common/errors.js';
import { InputCheck } from '../common/validate.js';
import { commonMessage } from '../common/messages.js';
import { MAX_SUBSCORE } from './enums.js';
import { m } from './messages.js';
import type { Viewer } from '../context.js';
import { ExpertReview, ExpertReviewRevision } from './expert-review.entity.js';
import { MethodReviewer } from './method-reviewer.entity.js';
import { advance, enterpriseOfWorker, lockMethod } from './method.service.js';
import { badSubscores, reviewTotal, SUBSCORES, type Subscores } from './naming.js';
import type { OperatingMethod } from './operating-method.entity.js';

export interface ReviewData extends Subscores {
  methodId: string;
  comment: string;
  recommend: boolean;
}

export class ReviewService {
  constructor(private readonly em: EntityManager) {}

  /**
   * An assigned reviewer's review while UNDER_REVIEW. One per reviewer: a second one corrects the
   * first, whose values are kept as a revision. The conflict rule is checked again against the
   * reviewer's enterprise of today, as they may have changed jobs since being assigned.
   */
  async review(viewer: Viewer, data: ReviewData): Promise<{ review: ExpertReview; method: OperatingMethod; corrected: boolean }> {
    return this.em.transactional(async (tx) => {
      const method = await lockMethod(tx, data.methodId);
      // Assignment before input: someone not on the method learns nothing about their input.
      if (!(await tx.count(MethodReviewer, { method, reviewer: viewer.id }))) throw forbidden(m('notAssignedReviewer'));
      const check = new InputCheck();
      for (const k of badSubscores(data)) check.fail(k, commonMessage('wholeNumber', { field: k, min: 0, max: MAX_SUBSCORE }));
      const comment = check.text('comment', data.comment, { max: 2000 });
      check.throwIfAny();
      advance(method, 'review');
      const enterpriseId = await enterpriseOfWorker(tx, viewer.workerId);
      if (enterpriseId && method.enterpriseIds.includes(enterpriseId)) {
        throw domainError(UserErrorCode.CONFLICT_OF_INTEREST, m('ownEnterprise'), ['input', 'methodId']);
      }
      const values = { ...Object.fromEntries(SUBSCORES.map((k) => [k, data[k]])), total: reviewTotal(data), comment, recommend: data.recommend };
      const existing = await tx.findOne(ExpertReview, { method, reviewer: viewer.id });
      if (!existing) {
        const review = tx.create(ExpertReview, { ...values, method, reviewer: viewer.id } as never);
        await tx.flush();
        return { review, method, corrected: false };
      }
      const same = Object.entries(values).every(([k, v]) => (existing as unknown as Record<string, unknown>)[k] === v);
      if (same) return { review: existing, method, corrected: false }; // a blind retry: nothing to record
      tx.create(ExpertReviewRevision, {
        review: existing,
        ...Object.fromEntries([...SUBSCORES, 'total', 'comment', 'recommend'].map((k) => [k, (existing as unknown as Record<string, unknown>)[k]])),
        givenAt: existing.updatedAt,
      } as never);
      Object.assign(existing, values, { updatedAt: new Date() });
      await tx.flush();
      return { review: existing, method, corrected: true };
    });
  }
}
