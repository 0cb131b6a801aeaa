import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, domainError, forbidden, notFound, UserErrorCode, type UserErrorInit } from '../common/errors.js';
import { InputCheck } from '../common/validate.js';
import { todayInChina } from '../common/date.js';
import { labelOf } from '../common/enum-labels.js';
import { currentLocale } from '../common/i18n.js';
import { Role } from '../auth/role.js';
import { User } from '../auth/user.entity.js';
import type { Viewer } from '../context.js';
import { Honor } from '../registry/honor.entity.js';
import { skillRank } from '../registry/enums.js';
import { Worker } from '../registry/worker.entity.js';
import { EntryMember } from '../competitions/entries/entry-member.entity.js';
import { Award } from '../competitions/results/award.entity.js';
import { OperatingMethod } from '../methods/operating-method.entity.js';
import { MethodStatus } from '../methods/enums.js';
import { Innovation } from '../studios/innovation.entity.js';
import { advance, lockCampaign } from './access.js';
import type { HonorCampaign } from './campaign.entity.js';
import { m } from './messages.js';
import { Nomination } from './nomination.entity.js';
import { frontLineOf, NOMINATOR, scopeOf, tradeStartYearOf } from './registry-facts.js';

export interface NominateData {
  campaignId: string;
  workerId: string;
  statement: string;
  innovationIds: string[];
  methodIds: string[];
  awardIds: string[];
  internalNoticeFrom: string;
  internalNoticeTo: string;
}

const MAX_EVIDENCE = 20;
const notEligible = (message: string): UserErrorInit => ({ code: UserErrorCode.NOT_ELIGIBLE, message, field: ['input', 'workerId'] });

/** Every eligibility rule of the campaign the worker breaks, each naming the rule (heldKinds: the worker's standing honors). */
export function nominationProblems(campaign: HonorCampaign, worker: Worker, heldKinds: ReadonlySet<string>, year: number): UserErrorInit[] {
  const problems: UserErrorInit[] = [];
  const list = (xs: string[]) => xs.join(currentLocale() === 'en' ? ', ' : '、');
  if (campaign.eligibleTrades.length && !campaign.eligibleTrades.includes(worker.trade)) {
    problems.push(notEligible(m('ruleTrade', { name: worker.name, trade: worker.trade, trades: list(campaign.eligibleTrades) })));
  }
  if (campaign.minSkillLevel && skillRank(worker.skillLevel) < skillRank(campaign.minSkillLevel)) {
    const has = worker.skillLevel ? labelOf('SkillLevel', worker.skillLevel) : m('noSkillLevel');
    problems.push(notEligible(m('ruleSkill', { name: worker.name, level: has, min: labelOf('SkillLevel', campaign.minSkillLevel) })));
  }
  if (campaign.requiredHonorKinds.length && !campaign.requiredHonorKinds.some((k) => heldKinds.has(k))) {
    problems.push(notEligible(m('ruleHonors', { name: worker.name, honors: list(campaign.requiredHonorKinds.map((k) => labelOf('HonorKind', k))) })));
  }
  if (campaign.minYearsInTrade != null) {
    const start = tradeStartYearOf(worker);
    if (start == null) problems.push(notEligible(m('ruleYearsUnknown', { name: worker.name, min: campaign.minYearsInTrade })));
    else if (year - start < campaign.minYearsInTrade) problems.push(notEligible(m('ruleYears', { name: worker.name, years: year - start, min: campaign.minYearsInTrade })));
  }
  return problems;
}

/** Evidence IDs that are not the worker's own records: unknown → NOT_FOUND, someone else's → INVALID_INPUT. */
async function evidenceProblems(em: EntityManager, workerId: string, data: { innovationIds: string[]; methodIds: string[]; awardIds: string[] }): Promise<UserErrorInit[]> {
  const problems: UserErrorInit[] = [];
  const report = (field: string, ids: string[], found: Map<string, boolean>, type: 'Innovation' | 'OperatingMethod' | 'Award') => {
    ids.forEach((id, i) => {
      const path = ['input', field, String(i)];
      if (!found.has(id)) problems.push({ code: UserErrorCode.NOT_FOUND, message: m('evidenceMissing', { type: labelOfType(type) }), field: path });
      else if (!found.get(id)) problems.push({ code: UserErrorCode.INVALID_INPUT, message: m('evidenceNotTheirs', { type: labelOfType(type) }), field: path });
    });
  };
  const innovations = await em.find(Innovation, { id: { $in: data.innovationIds } }, { fields: ['inventorIds'] });
  report('innovationIds', data.innovationIds, new Map(innovations.map((x) => [x.id, x.inventorIds.includes(workerId)])), 'Innovation');
  const methods = await em.find(OperatingMethod, { id: { $in: data.methodIds } }, { fields: ['inventorIds', 'status'] });
  report('methodIds', data.methodIds, new Map(methods.map((x) => [x.id, x.status === MethodStatus.NAMED && x.inventorIds.includes(workerId)])), 'OperatingMethod');
  const awards = await em.find(Award, { id: { $in: data.awardIds } }, { fields: ['entry'] });
  const members = awards.length ? await em.find(EntryMember, { entry: { $in: awards.map((a) => a.entry.id) }, worker: workerId }, { fields: ['entry'] }) : [];
  const theirs = new Set(members.map((x) => x.entry.id));
  report('awardIds', data.awardIds, new Map(awards.map((x) => [x.id, theirs.has(x.entry.id)])), 'Award');
  return problems;
}

function labelOfType(type: 'Innovation' | 'OperatingMethod' | 'Award'): string {
  return m(type === 'Innovation' ? 'evidenceInnovation' : type === 'OperatingMethod' ? 'evidenceMethod' : 'evidenceAward');
}

export class NominationService {
  constructor(private readonly em: EntityManager) {}

  /**
   * A NOMINATOR of the worker's enterprise, an ORGANIZER or an ADMIN nominates a worker while the
   * campaign is NOMINATING and within its window, the enterprise under its cap, the rules met.
   */
  async nominate(viewer: Viewer, data: NominateData): Promise<Nomination> {
    return this.em.transactional(async (tx) => {
      const campaign = await lockCampaign(tx, data.campaignId);
      const worker = await tx.findOne(Worker, { id: data.workerId });
      if (!worker) throw notFound('Worker', ['input', 'workerId']);
      // Scope before anything else: a nominator of another enterprise learns nothing more.
      if (!viewer.roles.includes(Role.ADMIN) && !viewer.roles.includes(Role.ORGANIZER)) {
        const user = await tx.findOneOrFail(User, { id: viewer.id });
        if (!viewer.roles.includes(NOMINATOR) || scopeOf(user) !== worker.enterprise.id) throw forbidden(m('notYourEnterprise'));
      }
      const check = new InputCheck();
      const statement = check.text('statement', data.statement, { max: 5000 });
      const from = check.plainDate('internalNoticeFrom', data.internalNoticeFrom);
      const today = todayInChina();
      const to = check.plainDate('internalNoticeTo', data.internalNoticeTo, { notAfter: today });
      if (from && to && to < from) check.fail('internalNoticeTo', m('internalNoticeBackwards'));
      for (const field of ['innovationIds', 'methodIds', 'awardIds'] as const) {
        if (data[field].length > MAX_EVIDENCE) check.fail(field, m('listSize', { min: 0, max: MAX_EVIDENCE }));
        if (new Set(data[field]).size !== data[field].length) check.fail(field, m('evidenceTwice'));
      }
      check.throwIfAny();
      advance(campaign, 'nominate');
      if (today < campaign.nominationOpensOn || today > campaign.nominationClosesOn) {
        throw domainError(UserErrorCode.INVALID_STATE, m('outsideWindow', { from: campaign.nominationOpensOn, to: campaign.nominationClosesOn }));
      }
      const held = await tx.find(Honor, { worker, revokedAt: null }, { fields: ['kind'] });
      const problems = nominationProblems(campaign, worker, new Set(held.map((h) => h.kind)), Number(today.slice(0, 4)));
      const already = await tx.count(Nomination, { campaign, worker });
      if (already) problems.push({ code: UserErrorCode.ALREADY_EXISTS, message: m('alreadyNominated', { name: worker.name }), field: ['input', 'workerId'] });
      const used = await tx.count(Nomination, { campaign, enterprise: worker.enterprise.id });
      if (used >= campaign.perEnterpriseCap) problems.push(notEligible(m('ruleCap', { cap: campaign.perEnterpriseCap })));
      problems.push(...(await evidenceProblems(tx, worker.id, data)));
      if (problems.length) throw new DomainError(problems);
      const nomination = tx.create(Nomination, {
        campaign, worker, enterprise: worker.enterprise, nominatedBy: tx.getReference(User, viewer.id), frontLine: frontLineOf(worker),
        statement, innovationIds: data.innovationIds, methodIds: data.methodIds, awardIds: data.awardIds, internalNoticeFrom: from, internalNoticeTo: to,
      } as never);
      try {
        await tx.flush();
      } catch (err) {
        if (err instanceof UniqueConstraintViolationException) throw domainError(UserErrorCode.ALREADY_EXISTS, m('alreadyNominated', { name: worker.name }), ['input', 'workerId']);
        throw err;
      }
      return nomination;
    });
  }
}
