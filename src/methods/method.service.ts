import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, domainError, notFound, UserErrorCode, type UserErrorInit } from '../common/errors.js';
import { InputCheck } from '../common/validate.js';
import { idOf } from '../common/relay.js';
import { commonMessage, nameOf } from '../common/messages.js';
import { labelOf } from '../common/enum-labels.js';
import { m } from './messages.js';
import type { Viewer } from '../context.js';
import { Role } from '../auth/role.js';
import { User } from '../auth/user.entity.js';
import { Worker } from '../registry/worker.entity.js';
import { Studio } from '../studios/studio.entity.js';
import { StudioStatus } from '../studios/enums.js';
import { assertStudioManager } from '../studios/access.js';
import { MethodStatus } from './enums.js';
import { nextMethodStatus, type MethodAction } from './lifecycle.js';
import { MethodReviewer } from './method-reviewer.entity.js';
import { ExpertReview } from './expert-review.entity.js';
import { namesLeadInventor, namingThresholdProblems } from './naming.js';
import { OperatingMethod } from './operating-method.entity.js';

export interface SubmitMethodData {
  proposedName: string;
  /** Global Worker IDs as given: read only after ownership is settled. */
  inventorWorkerIds: string[];
  studioId: string | null;
  trade: string;
  summary: string;
  steps: string[];
  expectedBenefit: string;
}

const MAX_INVENTORS = 20;
const MAX_STEPS = 50;
/** Reviewers per method, in all: an expert panel, not a crowd, so `reviewers` and `reviews` stay short lists. */
export const MAX_REVIEWERS = 20;
/** Studios whose work no longer counts: nothing new is submitted through them. */
const CLOSED_STUDIOS: readonly StudioStatus[] = [StudioStatus.REJECTED, StudioStatus.REVOKED];

/** The method row, locked to the end of the transaction: moves and reviews of one method serialize on it. */
export async function lockMethod(em: EntityManager, id: string, field: string[] = ['input', 'methodId']): Promise<OperatingMethod> {
  const method = await em.findOne(OperatingMethod, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!method) throw notFound('OperatingMethod', field);
  return method;
}

/** The state after `action`, or an INVALID_STATE userError. */
export function advance(method: OperatingMethod, action: MethodAction): MethodStatus {
  const next = nextMethodStatus(method.status, action);
  if (!next.ok) throw domainError(UserErrorCode.INVALID_STATE, next.message);
  return next.to;
}

/** The enterprise a user works for, through their registry record; null when not linked. */
export async function enterpriseOfWorker(em: EntityManager, workerId: string | null | undefined): Promise<string | null> {
  if (!workerId) return null;
  const worker = await em.findOne(Worker, { id: workerId }, { fields: ['enterprise'] });
  return worker?.enterprise.id ?? null;
}

/** The method's texts, cleaned; every problem at once, each naming its field. */
function checkMethodInput(data: SubmitMethodData) {
  const check = new InputCheck();
  const proposedName = check.name('proposedName', data.proposedName, { max: 200 });
  const trade = check.text('trade', data.trade, { max: 100 });
  const summary = check.text('summary', data.summary, { max: 5000 });
  const expectedBenefit = check.text('expectedBenefit', data.expectedBenefit, { max: 2000 });
  if (!data.steps.length || data.steps.length > MAX_STEPS) check.fail('steps', m('stepsCount', { max: MAX_STEPS }));
  const stepCheck = new InputCheck(['input', 'steps']); // each step's problem names its index
  const steps = data.steps.map((s, i) => stepCheck.text(String(i), s, { max: 2000 }));
  check.problems.push(...stepCheck.problems);
  const ids = data.inventorWorkerIds;
  if (!ids.length || ids.length > MAX_INVENTORS) check.fail('inventorWorkerIds', m('inventorsCount', { max: MAX_INVENTORS }));
  const inventorIds = ids.slice(0, MAX_INVENTORS).map((id, i) => idOf(id, 'Worker') ?? (check.fail(['inventorWorkerIds', String(i)], commonMessage('notAnId', { field: `inventorWorkerIds.${i}`, type: nameOf('Worker') })), ''));
  inventorIds.forEach((id, i) => {
    if (id && inventorIds.indexOf(id) !== i) check.fail(['inventorWorkerIds', String(i)], m('inventorTwice'));
  });
  check.throwIfAny();
  return { proposedName, trade, summary, steps, expectedBenefit, inventorIds };
}

/** Why this user may not review the method, or null: not found, not a REVIEWER, or a conflict of interest. */
function reviewerProblem(method: OperatingMethod, user: User | undefined, field: string[]): UserErrorInit | null {
  if (!user) return { code: UserErrorCode.NOT_FOUND, message: commonMessage('notFound', { what: nameOf('User') }), field };
  if (!user.roles.includes(Role.REVIEWER) || user.disabled) {
    return { code: UserErrorCode.NOT_ELIGIBLE, message: m(user.disabled ? 'reviewerDisabled' : 'notReviewerRole', { name: user.displayName }), field };
  }
  if (user.id === method.submittedBy.id) {
    return { code: UserErrorCode.CONFLICT_OF_INTEREST, message: m('submitterMayNotReview', { name: user.displayName }), field };
  }
  const enterpriseId = user.worker?.getEntity().enterprise.id;
  if (enterpriseId && method.enterpriseIds.includes(enterpriseId)) {
    return { code: UserErrorCode.CONFLICT_OF_INTEREST, message: m('reviewerEnterpriseConflict', { name: user.displayName }), field };
  }
  return null;
}

export class MethodService {
  constructor(private readonly em: EntityManager) {}

  /** STUDIO_MANAGER (of the studio, when one is named) or ADMIN; inventors are registry workers. → SUBMITTED. */
  async submit(viewer: Viewer, data: SubmitMethodData): Promise<OperatingMethod> {
    return this.em.transactional(async (tx) => {
      // Ownership before input: a manager of another studio learns nothing about their input.
      const studio = data.studioId ? await tx.findOne(Studio, { id: data.studioId }) : null;
      if (studio) assertStudioManager(viewer, studio);
      const { proposedName, trade, summary, steps, expectedBenefit, inventorIds } = checkMethodInput(data);
      if (data.studioId && !studio) throw notFound('Studio', ['input', 'studioId']);
      if (studio && CLOSED_STUDIOS.includes(studio.status)) {
        throw domainError(UserErrorCode.INVALID_STATE, m('studioClosed', { status: labelOf('StudioStatus', studio.status) }), ['input', 'studioId']);
      }
      const workers = new Map((await tx.find(Worker, { id: { $in: inventorIds } })).map((w) => [w.id, w]));
      const missing: UserErrorInit[] = [];
      inventorIds.forEach((id, i) => {
        if (!workers.has(id)) missing.push({ code: UserErrorCode.NOT_FOUND, message: commonMessage('notFound', { what: nameOf('Worker') }), field: ['input', 'inventorWorkerIds', String(i)] });
      });
      if (missing.length) throw new DomainError(missing);
      const inventors = inventorIds.map((id) => workers.get(id)!);
      const enterpriseIds = [...new Set([...inventors.map((w) => w.enterprise.id), ...(studio ? [studio.enterprise.id] : [])])];
      const method = tx.create(OperatingMethod, {
        proposedName, trade, summary, steps, expectedBenefit,
        inventorIds,
        enterpriseIds,
        enterprise: inventors[0]!.enterprise,
        studio,
        submittedBy: viewer.id,
      } as never);
      await tx.flush();
      return method;
    });
  }

  /**
   * ADMIN. Each user must hold REVIEWER, be enabled, and have no conflict of interest: not the
   * submitter, not working for an enterprise of the inventors or the studio. All or none.
   */
  async assignReviewers(viewer: Viewer, methodId: string, userIds: string[]): Promise<OperatingMethod> {
    const check = new InputCheck();
    if (!userIds.length || userIds.length > MAX_REVIEWERS) check.fail('reviewerUserIds', m('reviewersCount', { max: MAX_REVIEWERS }));
    check.throwIfAny();
    return this.em.transactional(async (tx) => {
      const method = await lockMethod(tx, methodId);
      const to = advance(method, 'assignReviewers');
      const users = new Map((await tx.find(User, { id: { $in: userIds } }, { populate: ['worker'] })).map((u) => [u.id, u]));
      const problems = userIds.map((id, i) => reviewerProblem(method, users.get(id), ['input', 'reviewerUserIds', String(i)]));
      if (problems.some(Boolean)) throw new DomainError(problems.filter((p): p is UserErrorInit => !!p));
      const already = new Set((await tx.find(MethodReviewer, { method }, { fields: ['reviewer'] })).map((r) => r.reviewer.id));
      const adding = [...new Set(userIds)].filter((id) => !already.has(id)).length;
      if (already.size + adding > MAX_REVIEWERS) {
        throw domainError(UserErrorCode.INVALID_INPUT, m('reviewersTotal', { max: MAX_REVIEWERS, assigned: already.size, adding }), ['input', 'reviewerUserIds']);
      }
      for (const id of new Set(userIds)) {
        if (!already.has(id)) tx.create(MethodReviewer, { method, reviewer: id, assignedBy: viewer.id } as never);
      }
      method.status = to;
      await tx.flush();
      return method;
    });
  }

  /**
   * ADMIN, while UNDER_REVIEW: takes an expert off the method (a wrong assignment, a conflict found
   * late). Not once they have reviewed it: a given review stays on record, and naming counts it.
   * When the last reviewer goes the method is SUBMITTED again, waiting for reviewers.
   */
  async removeReviewer(methodId: string, userId: string): Promise<OperatingMethod> {
    return this.em.transactional(async (tx) => {
      const method = await lockMethod(tx, methodId);
      advance(method, 'removeReviewer');
      const assignment = await tx.findOne(MethodReviewer, { method, reviewer: userId }, { populate: ['reviewer'] });
      if (!assignment) throw domainError(UserErrorCode.NOT_FOUND, m('notAReviewerOfMethod'), ['input', 'reviewerUserId']);
      if (await tx.count(ExpertReview, { method, reviewer: userId })) {
        throw domainError(UserErrorCode.INVALID_STATE, m('reviewerHasReviewed', { name: assignment.reviewer.getEntity().displayName }), ['input', 'reviewerUserId']);
      }
      const remaining = (await tx.count(MethodReviewer, { method })) - 1;
      tx.remove(assignment);
      if (remaining === 0) method.status = MethodStatus.SUBMITTED;
      await tx.flush();
      return method;
    });
  }

  /** ADMIN, while UNDER_REVIEW: the threshold (≥3 reviews, mean total ≥75), a unique official name carrying the lead inventor's name. */
  async name(methodId: string, officialNameRaw: string): Promise<OperatingMethod> {
    try {
      return await this.em.transactional(async (tx) => {
        const method = await lockMethod(tx, methodId);
        const to = advance(method, 'name');
        const check = new InputCheck();
        const officialName = check.name('officialName', officialNameRaw, { max: 200 });
        const [stats] = await tx.execute<{ n: number; sum: number }[]>(
          'select count(*)::int as n, coalesce(sum(total), 0)::int as sum from expert_review where method_id = ?',
          [method.id],
        );
        for (const message of namingThresholdProblems(stats!.n, stats!.sum)) {
          check.problems.push({ code: UserErrorCode.NOT_ELIGIBLE, message });
        }
        if (officialName) {
          const lead = await tx.findOneOrFail(Worker, { id: method.inventorIds[0]! });
          if (!namesLeadInventor(officialName, lead.name)) {
            check.fail('officialName', m('officialNameLead', { lead: lead.name, example: `${lead.name}${method.proposedName}` }));
          } else if (await tx.count(OperatingMethod, { officialName, id: { $ne: method.id } })) {
            check.fail('officialName', m('officialNameTaken', { name: officialName }), UserErrorCode.ALREADY_EXISTS);
          }
        }
        check.throwIfAny();
        Object.assign(method, { status: to, officialName, namedAt: new Date() });
        await tx.flush();
        return method;
      });
    } catch (err) {
      // Two admins naming two methods alike at the same moment: the unique index decides.
      if (err instanceof UniqueConstraintViolationException) {
        throw domainError(UserErrorCode.ALREADY_EXISTS, m('officialNameTaken', { name: officialNameRaw.trim() }), ['input', 'officialName']);
      }
      throw err;
    }
  }

  /** ADMIN, before naming; the reason is recorded and shown to those who see the method. */
  async reject(methodId: string, reasonRaw: string): Promise<OperatingMethod> {
    const check = new InputCheck();
    const reason = check.text('reason', reasonRaw, { max: 2000 });
    check.throwIfAny();
    return this.em.transactional(async (tx) => {
      const method = await lockMethod(tx, methodId);
      Object.assign(method, { status: advance(method, 'reject'), rejectedAt: new Date(), rejectionReason: reason });
      await tx.flush();
      return method;
    });
  }
}
