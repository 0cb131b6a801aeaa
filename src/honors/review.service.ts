import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, domainError, forbidden, notFound, UserErrorCode, type UserErrorInit } from '../common/errors.js';
import { InputCheck } from '../common/validate.js';
import { todayInChina } from '../common/date.js';
import { currentLocale } from '../common/i18n.js';
import { User } from '../auth/user.entity.js';
import type { Viewer } from '../context.js';
import { advance, assertRuns, lockCampaign, isAdmin } from './access.js';
import type { HonorCampaign } from './campaign.entity.js';
import { loadCalendar } from './calendar.service.js';
import { NominationStatus } from './enums.js';
import { m } from './messages.js';
import { Nomination, NominationScore, VettingClearance } from './nomination.entity.js';
import { rankCandidates } from './ranking.js';
import { scopeOf } from './registry-facts.js';
import { noticePeriod } from './working-days.js';

/** The enterprises a user acts or works for: a reviewer from one of them may not score its nominees. */
export function enterprisesOf(user: User): string[] {
  return [scopeOf(user), user.worker?.getEntity().enterprise.id].filter((x): x is string => !!x);
}

/** The nomination and its campaign, the campaign locked. */
async function nominationAndCampaign(em: EntityManager, nominationId: string): Promise<{ nomination: Nomination; campaign: HonorCampaign }> {
  const found = await em.findOne(Nomination, { id: nominationId }, { fields: ['campaign'] });
  if (!found) throw notFound('Nomination', ['input', 'nominationId']);
  const campaign = await lockCampaign(em, found.campaign.id);
  const nomination = await em.findOneOrFail(Nomination, { id: nominationId }, { populate: ['worker'], refresh: true });
  return { nomination, campaign };
}

/**
 * The shortlist from the nominations' scores: the ranked ones are those not removed and not refused by a
 * vetting department. Newly selected ones go to notice from today for the campaign's working days.
 * Returns the nominations moved onto the shortlist.
 */
export async function drawShortlist(em: EntityManager, campaign: HonorCampaign, from = todayInChina()): Promise<Nomination[]> {
  const nominations = await em.find(Nomination, { campaign, status: { $in: [NominationStatus.NOMINATED, NominationStatus.SHORTLISTED] } });
  const refused = new Set((await em.find(VettingClearance, { nomination: { $in: nominations.map((n) => n.id) }, cleared: false }, { fields: ['nomination'] })).map((c) => c.nomination.id));
  const candidates = nominations.filter((n) => !refused.has(n.id));
  const ranking = rankCandidates(
    candidates.map((n) => ({ id: n.id, frontLine: n.frontLine, score: n.score, tiebreak: `${n.nominatedAt.toISOString()}|${n.id}` })),
    campaign.quota, campaign.frontLineSharePercent,
  );
  const selected = new Set(ranking.selected);
  const period = noticePeriod(from, campaign.noticeWorkingDays, await loadCalendar(em, from));
  const moved: Nomination[] = [];
  for (const n of candidates) {
    if (selected.has(n.id) && n.status === NominationStatus.NOMINATED) {
      n.status = NominationStatus.SHORTLISTED;
      n.noticeStartsOn = period.startsOn;
      n.noticeEndsOn = period.endsOn;
      moved.push(n);
    }
  }
  return moved;
}

export class ReviewService {
  constructor(private readonly em: EntityManager) {}

  /** A panel REVIEWER, not of the nominee's enterprise, marks each criterion while REVIEWING; again to correct. */
  async score(viewer: Viewer, nominationId: string, marks: number[]): Promise<{ score: NominationScore; nomination: Nomination }> {
    return this.em.transactional(async (tx) => {
      const { nomination, campaign } = await nominationAndCampaign(tx, nominationId);
      if (!campaign.reviewerIds.includes(viewer.id)) throw forbidden(m('notOnPanel'));
      const reviewer = await tx.findOneOrFail(User, { id: viewer.id }, { populate: ['worker'] });
      if (enterprisesOf(reviewer).includes(nomination.enterprise.id)) {
        throw domainError(UserErrorCode.CONFLICT_OF_INTEREST, m('ownEnterprise'), ['input', 'nominationId']);
      }
      advance(campaign, 'score');
      const check = new InputCheck();
      if (marks.length !== campaign.criteria.length) check.fail('marks', m('marksCount', { n: campaign.criteria.length }));
      else {
        const each = new InputCheck(['input', 'marks']);
        campaign.criteria.forEach((c, i) => each.int(String(i), marks[i], 0, c.maxScore));
        check.problems.push(...each.problems);
      }
      check.throwIfAny();
      const total = marks.reduce((a, b) => a + b, 0);
      const existing = await tx.findOne(NominationScore, { nomination, reviewer: viewer.id });
      const score = existing ?? tx.create(NominationScore, { nomination, reviewer: tx.getReference(User, viewer.id), marks, total } as never);
      score.marks = marks;
      score.total = total;
      score.scoredAt = new Date();
      return { score, nomination };
    });
  }

  /** The organizer (or ADMIN) records a vetting department's clearance of a nominee while REVIEWING; again to correct. */
  async recordClearance(viewer: Viewer, nominationId: string, data: { department: string; cleared: boolean; note?: string | null }): Promise<{ clearance: VettingClearance; nomination: Nomination }> {
    return this.em.transactional(async (tx) => {
      const { nomination, campaign } = await nominationAndCampaign(tx, nominationId);
      assertRuns(viewer, campaign);
      const check = new InputCheck();
      const department = check.name('department', data.department, { max: 100 });
      const note = check.text('note', data.note ?? '', { max: 2000, optional: true });
      if (department && !campaign.vettingDepartments.includes(department)) {
        check.fail('department', m('unknownDepartment', { departments: campaign.vettingDepartments.join(currentLocale() === 'en' ? ', ' : '、') }));
      }
      check.throwIfAny();
      advance(campaign, 'recordClearance');
      const clearance = (await tx.findOne(VettingClearance, { nomination, department }))
        ?? tx.create(VettingClearance, { nomination, department, cleared: data.cleared, note, recordedBy: tx.getReference(User, viewer.id) } as never);
      clearance.cleared = data.cleared;
      clearance.note = note;
      clearance.recordedBy = tx.getReference(User, viewer.id, { wrapped: true });
      clearance.recordedAt = new Date();
      return { clearance, nomination };
    });
  }

  /**
   * The organizer (or ADMIN): REVIEWING → IN_NOTICE. Every nomination needs the marks of every panel
   * reviewer who may score it and every department's answer; the score is the mean of the reviewers'
   * totals; the places go by rankCandidates; those selected go to notice from today.
   */
  async publishShortlist(viewer: Viewer, campaignId: string, noticeStartsOn?: string | null): Promise<HonorCampaign> {
    return this.em.transactional(async (tx) => {
      const campaign = await lockCampaign(tx, campaignId);
      assertRuns(viewer, campaign);
      const today = todayInChina();
      let from = today;
      if (noticeStartsOn != null) {
        const check = new InputCheck();
        from = check.plainDate('noticeStartsOn', noticeStartsOn, { notAfter: today });
        if (from && from < campaign.nominationOpensOn) check.fail('noticeStartsOn', m('noticeBeforeWindow', { opens: campaign.nominationOpensOn }));
        // A backdated notice shortens the public's time to object: only an ADMIN records one posted earlier (on paper).
        else if (from && from < today && !isAdmin(viewer)) check.fail('noticeStartsOn', m('backdatedNoticeAdminOnly'));
        check.throwIfAny();
      }
      const to = advance(campaign, 'publishShortlist');
      const nominations = await tx.find(Nomination, { campaign, status: NominationStatus.NOMINATED }, { populate: ['worker'], orderBy: { nominatedAt: 'asc', id: 'asc' } });
      if (!nominations.length) throw domainError(UserErrorCode.INVALID_STATE, m('noNominations'));
      const ids = nominations.map((n) => n.id);
      const scores = await tx.find(NominationScore, { nomination: { $in: ids } });
      const clearances = await tx.find(VettingClearance, { nomination: { $in: ids } });
      const reviewers = await tx.find(User, { id: { $in: campaign.reviewerIds } }, { populate: ['worker'] });
      const problems: UserErrorInit[] = [];
      const list = (xs: string[]) => xs.join(currentLocale() === 'en' ? ', ' : '、');
      for (const n of nominations) {
        const name = n.worker.getEntity().name;
        const mine = scores.filter((s) => s.nomination.id === n.id);
        const due = reviewers.filter((r) => !r.disabled && !enterprisesOf(r).includes(n.enterprise.id));
        const missing = due.filter((r) => !mine.some((s) => s.reviewer.id === r.id));
        if (!due.length) problems.push({ code: UserErrorCode.INVALID_STATE, message: m('noReviewerFor', { name }) });
        else if (missing.length) problems.push({ code: UserErrorCode.INVALID_STATE, message: m('scoresMissing', { name, reviewers: list(missing.map((r) => r.displayName)) }) });
        const answered = new Set(clearances.filter((c) => c.nomination.id === n.id).map((c) => c.department));
        const unanswered = campaign.vettingDepartments.filter((d) => !answered.has(d));
        if (unanswered.length) problems.push({ code: UserErrorCode.NOT_ELIGIBLE, message: m('clearanceMissing', { name, departments: list(unanswered) }) });
        const counted = mine.filter((s) => due.some((r) => r.id === s.reviewer.id));
        n.score = counted.length ? Math.round((counted.reduce((a, s) => a + s.total, 0) / counted.length) * 100) / 100 : 0;
      }
      if (problems.length) throw new DomainError(problems);
      await drawShortlist(tx, campaign, from);
      campaign.status = to;
      return campaign;
    });
  }
}
