import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, domainError, notFound, UserErrorCode, type UserErrorInit } from '../common/errors.js';
import { InputCheck } from '../common/validate.js';
import { todayInChina } from '../common/date.js';
import { Role } from '../auth/role.js';
import { User } from '../auth/user.entity.js';
import type { Viewer } from '../context.js';
import { Honor } from '../registry/honor.entity.js';
import { type HonorKind, type Level, type SkillLevel } from '../registry/enums.js';
import { Worker } from '../registry/worker.entity.js';
import { advance, assertRuns, isProvincial, lockCampaign } from './access.js';
import { HonorCampaign, type CampaignCriterion } from './campaign.entity.js';
import { CampaignStatus, DEFAULT_NOTICE_WORKING_DAYS, DEFAULT_VETTING_DEPARTMENTS, NominationStatus, ObjectionStatus } from './enums.js';
import { m } from './messages.js';
import { Nomination } from './nomination.entity.js';
import { Objection } from './objection.entity.js';

export interface OpenCampaignData {
  title: string;
  honorKind: HonorKind;
  level: Level;
  year: number;
  eligibleTrades?: string[] | null;
  minSkillLevel?: SkillLevel | null;
  requiredHonorKinds?: HonorKind[] | null;
  minYearsInTrade?: number | null;
  quota: number;
  frontLineSharePercent: number;
  nominationOpensOn: string;
  nominationClosesOn: string;
  perEnterpriseCap: number;
  criteria: { name: string; maxScore: number }[];
  /** User ids. */
  reviewerIds: string[];
  vettingDepartments?: string[] | null;
  noticeWorkingDays?: number | null;
}

const MAX_REVIEWERS = 50;
const MAX_CRITERIA = 10;
const MAX_DEPARTMENTS = 10;
const thisYear = () => Number(todayInChina().slice(0, 4));

function distinctTexts(check: InputCheck, field: string, values: string[], max: number, min: number): string[] {
  if (values.length < min || values.length > max) check.fail(field, m('listSize', { min, max }));
  const sub = new InputCheck(['input', field]);
  const out = values.map((v, i) => sub.name(String(i), v, { max: 100 }));
  out.forEach((v, i) => {
    if (v && out.indexOf(v) !== i) sub.fail(String(i), m('listedTwice', { value: v }));
  });
  check.problems.push(...sub.problems);
  return out;
}

export class CampaignService {
  constructor(private readonly em: EntityManager) {}

  /** ADMIN or ORGANIZER: opens a campaign (→ NOMINATING). Reviewers hold REVIEWER and are active. */
  async open(viewer: Viewer, data: OpenCampaignData): Promise<HonorCampaign> {
    const check = new InputCheck();
    const title = check.name('title', data.title, { max: 200 });
    const year = check.int('year', data.year, 2000, thisYear() + 2);
    const quota = check.int('quota', data.quota, 1, 1000);
    const share = check.int('frontLineSharePercent', data.frontLineSharePercent, 0, 100);
    const cap = check.int('perEnterpriseCap', data.perEnterpriseCap, 1, 1000);
    const minYears = data.minYearsInTrade == null ? null : check.int('minYearsInTrade', data.minYearsInTrade, 0, 60);
    const noticeDays = data.noticeWorkingDays == null ? DEFAULT_NOTICE_WORKING_DAYS : check.int('noticeWorkingDays', data.noticeWorkingDays, 1, 30);
    const opens = check.plainDate('nominationOpensOn', data.nominationOpensOn);
    const closes = check.plainDate('nominationClosesOn', data.nominationClosesOn);
    if (opens && closes && closes < opens) check.fail('nominationClosesOn', m('windowBackwards'));
    const trades = distinctTexts(check, 'eligibleTrades', data.eligibleTrades ?? [], 50, 0);
    const departments = distinctTexts(check, 'vettingDepartments', data.vettingDepartments ?? [...DEFAULT_VETTING_DEPARTMENTS], MAX_DEPARTMENTS, 1);
    const criteria: CampaignCriterion[] = [];
    if (!data.criteria.length || data.criteria.length > MAX_CRITERIA) check.fail('criteria', m('listSize', { min: 1, max: MAX_CRITERIA }));
    data.criteria.forEach((c, i) => {
      const sub = new InputCheck(['input', 'criteria', String(i)]);
      criteria.push({ name: sub.name('name', c.name, { max: 100 }), maxScore: sub.int('maxScore', c.maxScore, 1, 100) });
      check.problems.push(...sub.problems);
    });
    const requiredHonorKinds = [...new Set(data.requiredHonorKinds ?? [])];
    if (!data.reviewerIds.length || data.reviewerIds.length > MAX_REVIEWERS) check.fail('reviewerUserIds', m('listSize', { min: 1, max: MAX_REVIEWERS }));
    const reviewerIds = [...new Set(data.reviewerIds)];
    check.throwIfAny();
    const users = new Map((await this.em.find(User, { id: { $in: reviewerIds } })).map((u) => [u.id, u]));
    const problems: UserErrorInit[] = [];
    data.reviewerIds.forEach((id, i) => {
      const u = users.get(id);
      const field = ['input', 'reviewerUserIds', String(i)];
      if (!u) problems.push({ code: UserErrorCode.NOT_FOUND, message: m('reviewerMissing'), field });
      else if (!u.roles.includes(Role.REVIEWER) || u.disabled) problems.push({ code: UserErrorCode.NOT_ELIGIBLE, message: m('notReviewer', { name: u.displayName }), field });
    });
    if (problems.length) throw new DomainError(problems);
    const campaign = this.em.create(HonorCampaign, {
      title, honorKind: data.honorKind, level: data.level, year, eligibleTrades: trades, minSkillLevel: data.minSkillLevel ?? null,
      requiredHonorKinds, minYearsInTrade: minYears, quota, frontLineSharePercent: share, nominationOpensOn: opens, nominationClosesOn: closes,
      perEnterpriseCap: cap, criteria, reviewerIds, vettingDepartments: departments, noticeWorkingDays: noticeDays,
      organizer: this.em.getReference(User, viewer.id),
    } as never);
    await this.em.flush();
    return campaign;
  }

  /** The organizer (or ADMIN): NOMINATING → REVIEWING. */
  async closeNominations(viewer: Viewer, id: string): Promise<HonorCampaign> {
    return this.em.transactional(async (tx) => {
      const campaign = await lockCampaign(tx, id);
      assertRuns(viewer, campaign);
      campaign.status = advance(campaign, 'closeNominations');
      return campaign;
    });
  }

  /** The organizer (or ADMIN): any unfinished campaign → CANCELLED; nothing is conferred. */
  async cancel(viewer: Viewer, id: string): Promise<HonorCampaign> {
    return this.em.transactional(async (tx) => {
      const campaign = await lockCampaign(tx, id);
      assertRuns(viewer, campaign);
      campaign.status = advance(campaign, 'cancel');
      campaign.concludedAt = new Date();
      return campaign;
    });
  }

  /**
   * The organizer (or ADMIN): IN_NOTICE → CONFERRED (honors written, source = the campaign) or, for a
   * provincial or national honor, RECOMMENDED (the shortlist is the city's recommendation list). Refused
   * while any shortlisted nominee's notice runs or any objection is open.
   */
  async conclude(viewer: Viewer, id: string, documentNumberInput: string): Promise<HonorCampaign> {
    return this.em.transactional(async (tx) => {
      const campaign = await lockCampaign(tx, id);
      assertRuns(viewer, campaign);
      const check = new InputCheck();
      const documentNumber = check.name('documentNumber', documentNumberInput, { max: 100 });
      check.throwIfAny();
      const to = advance(campaign, 'conclude');
      const today = todayInChina();
      const shortlisted = await tx.find(Nomination, { campaign, status: NominationStatus.SHORTLISTED }, { populate: ['worker'] });
      const running = shortlisted.filter((n) => n.noticeEndsOn! >= today);
      if (running.length) {
        const last = running.map((n) => n.noticeEndsOn!).sort().at(-1)!;
        throw domainError(UserErrorCode.INVALID_STATE, m('noticeRunning', { n: running.length, until: last }));
      }
      const open = await tx.count(Objection, { campaign, status: ObjectionStatus.OPEN });
      if (open) throw domainError(UserErrorCode.INVALID_STATE, m('objectionsOpen', { n: open }));
      if (!isProvincial(campaign)) {
        const workerIds = shortlisted.map((n) => n.worker.id);
        const held = await tx.find(Honor, { worker: { $in: workerIds }, kind: campaign.honorKind, level: campaign.level, year: campaign.year, revokedAt: null }, { populate: ['worker'] });
        if (held.length) {
          throw new DomainError(held.map((h) => ({ code: UserErrorCode.ALREADY_EXISTS, message: m('honorAlreadyHeld', { name: h.worker.getEntity().name }) })));
        }
        for (const n of shortlisted) {
          tx.create(Honor, {
            worker: tx.getReference(Worker, n.worker.id), kind: campaign.honorKind, level: campaign.level, year: campaign.year,
            source: campaign.title, sourceCampaignId: campaign.id, documentNumber,
          } as never);
        }
      }
      for (const n of shortlisted) n.status = to === CampaignStatus.CONFERRED ? NominationStatus.CONFERRED : NominationStatus.RECOMMENDED;
      await tx.nativeUpdate(Nomination, { campaign, status: NominationStatus.NOMINATED }, { status: NominationStatus.NOT_SELECTED });
      campaign.status = to;
      campaign.documentNumber = documentNumber;
      campaign.concludedAt = new Date();
      return campaign;
    });
  }

  /** ADMIN or ORGANIZER: revokes (撤销) a standing honor with a reason; it stays on record. */
  async revokeHonor(viewer: Viewer, honorId: string, reasonInput: string): Promise<Honor> {
    const check = new InputCheck();
    const reason = check.text('reason', reasonInput, { max: 2000 });
    check.throwIfAny();
    return this.em.transactional(async (tx) => {
      const honor = await tx.findOne(Honor, { id: honorId });
      if (!honor) throw notFound('Honor', ['input', 'honorId']);
      if (honor.revokedAt) throw domainError(UserErrorCode.INVALID_STATE, m('alreadyRevoked'), ['input', 'honorId']);
      honor.revokedAt = new Date();
      honor.revocationReason = reason;
      honor.revokedById = viewer.id;
      return honor;
    });
  }
}
