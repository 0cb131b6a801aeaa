import type { EntityManager } from '@mikro-orm/postgresql';
import { domainError, notFound, UserErrorCode } from '../common/errors.js';
import { InputCheck } from '../common/validate.js';
import { todayInChina } from '../common/date.js';
import { User } from '../auth/user.entity.js';
import type { Viewer } from '../context.js';
import { advance, assertRuns, lockCampaign } from './access.js';
import { NominationStatus, ObjectionStatus } from './enums.js';
import { m } from './messages.js';
import { Nomination } from './nomination.entity.js';
import { Objection } from './objection.entity.js';
import { drawShortlist } from './review.service.js';

export class NoticeService {
  constructor(private readonly em: EntityManager) {}

  /** Anyone logged in, against a shortlisted nominee while their notice period runs. */
  async lodge(viewer: Viewer, nominationId: string, groundsInput: string): Promise<Objection> {
    const check = new InputCheck();
    const grounds = check.text('grounds', groundsInput, { max: 5000 });
    check.throwIfAny();
    return this.em.transactional(async (tx) => {
      const found = await tx.findOne(Nomination, { id: nominationId }, { fields: ['campaign'] });
      if (!found) throw notFound('Nomination', ['input', 'nominationId']);
      const campaign = await lockCampaign(tx, found.campaign.id);
      advance(campaign, 'lodgeObjection');
      const nomination = await tx.findOneOrFail(Nomination, { id: nominationId }, { refresh: true });
      if (nomination.status !== NominationStatus.SHORTLISTED) throw domainError(UserErrorCode.INVALID_STATE, m('notShortlisted'), ['input', 'nominationId']);
      const today = todayInChina();
      if (today < nomination.noticeStartsOn! || today > nomination.noticeEndsOn!) {
        throw domainError(UserErrorCode.INVALID_STATE, m('outsideNotice', { from: nomination.noticeStartsOn, to: nomination.noticeEndsOn }), ['input', 'nominationId']);
      }
      return tx.create(Objection, { campaign, nomination, lodgedBy: tx.getReference(User, viewer.id), grounds } as never);
    });
  }

  /**
   * The organizer (or ADMIN) resolves an OPEN objection. Upheld: the nominee is REMOVED (their other open
   * objections are upheld with it) and the next by the ranking rule moves up, with a notice period of
   * their own from today. Dismissed: with a reason, nothing else changes.
   */
  async resolve(viewer: Viewer, objectionId: string, uphold: boolean, reasonInput: string): Promise<{ objection: Objection; movedUp: Nomination[] }> {
    const check = new InputCheck();
    const reason = check.text('reason', reasonInput, { max: 2000 });
    check.throwIfAny();
    return this.em.transactional(async (tx) => {
      const found = await tx.findOne(Objection, { id: objectionId }, { fields: ['campaign'] });
      if (!found) throw notFound('Objection', ['input', 'objectionId']);
      const campaign = await lockCampaign(tx, found.campaign.id);
      assertRuns(viewer, campaign);
      advance(campaign, 'resolveObjection');
      const objection = await tx.findOneOrFail(Objection, { id: objectionId }, { refresh: true });
      if (objection.status !== ObjectionStatus.OPEN) throw domainError(UserErrorCode.INVALID_STATE, m('objectionResolved'), ['input', 'objectionId']);
      const now = new Date();
      if (!uphold) {
        Object.assign(objection, { status: ObjectionStatus.DISMISSED, resolution: reason, resolvedAt: now });
        return { objection, movedUp: [] };
      }
      const siblings = await tx.find(Objection, { nomination: objection.nomination.id, status: ObjectionStatus.OPEN });
      for (const o of siblings) Object.assign(o, { status: ObjectionStatus.UPHELD, resolution: reason, resolvedAt: now });
      const nomination = await tx.findOneOrFail(Nomination, { id: objection.nomination.id });
      nomination.status = NominationStatus.REMOVED;
      await tx.flush();
      const movedUp = await drawShortlist(tx, campaign);
      return { objection, movedUp };
    });
  }
}
