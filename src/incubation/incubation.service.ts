import type { EntityManager } from '@mikro-orm/postgresql';
import { domainError, notFound, UserErrorCode } from '../common/errors.js';
import { InputCheck } from '../common/validate.js';
import { labelOf } from '../common/enum-labels.js';
import { m } from './messages.js';
import type { Viewer } from '../context.js';
import { Role } from '../auth/role.js';
import { User } from '../auth/user.entity.js';
import { Worker } from '../registry/worker.entity.js';
import { Studio } from '../studios/studio.entity.js';
import { StudioMember } from '../studios/studio-member.entity.js';
import { StudioStatus } from '../studios/enums.js';
import { checkMoney } from '../studios/decimal.js';
import { forbidden } from '../common/errors.js';
import { isAdmin, lockProject, openProject, runsProject, studioManagerOf } from './access.js';
import { FundingSourceKind, GateVerdict, PartnerKind, ProjectStage } from './enums.js';
import { decideGate } from './gates.js';
import { twoDecimals } from './money.js';
import { touch } from './project-edits.service.js';
import { IncubationProject } from './incubation-project.entity.js';
import { GateDecision, ProjectFunding, ProjectMilestone, ProjectPartner } from './project-parts.entity.js';

export interface NewProject { title: string; summary: string; field: string; leadWorkerId: string; studioId: string | null }
export interface GateInput { decision: GateVerdict; score?: number | null; comment?: string | null; expectedStage?: ProjectStage | null }
export interface NewPartner { kind: PartnerKind; name: string; contribution: string }
export interface NewFunding { sourceKind: FundingSourceKind; source: string; amount: string; receivedAt: Date }
export interface NewMilestone { title: string; description?: string | null; dueAt?: Date | null }

/** Incubation projects: creation, stage gates, and the owner's additions. Every write checks who may make it. */
export class IncubationService {
  constructor(private readonly em: EntityManager) {}

  /**
   * STUDIO_MANAGER (for a studio they manage, or none), ORGANIZER or ADMIN (any studio). The studio must
   * be ACCREDITED and the lead worker one of its members: a project carries the studio's name.
   */
  async create(viewer: Viewer, data: NewProject): Promise<IncubationProject> {
    const check = new InputCheck();
    const title = check.name('title', data.title, { max: 200 });
    const summary = check.text('summary', data.summary, { max: 5000 });
    const field = check.text('field', data.field, { max: 100 });
    check.throwIfAny();
    return this.em.transactional(async (tx) => {
      const staff = isAdmin(viewer) || viewer.roles.includes(Role.ORGANIZER);
      let studio: Studio | null = null;
      if (data.studioId) {
        studio = await tx.findOne(Studio, { id: data.studioId });
        if (!studio) throw notFound('Studio', ['input', 'studioId']);
        if (!staff && studio.manager.id !== viewer.id) throw forbidden(m('managerOwnStudioOnly'));
        if (studio.status !== StudioStatus.ACCREDITED) {
          throw domainError(UserErrorCode.NOT_ELIGIBLE, m('studioNotAccredited', { accredited: labelOf('StudioStatus', StudioStatus.ACCREDITED), status: labelOf('StudioStatus', studio.status) }), ['input', 'studioId']);
        }
      }
      const lead = await tx.findOne(Worker, { id: data.leadWorkerId });
      if (!lead) throw notFound('Worker', ['input', 'leadWorkerId']);
      if (studio && !(await tx.count(StudioMember, { studio: studio.id, worker: lead.id }))) {
        throw domainError(UserErrorCode.NOT_ELIGIBLE, m('leadNotMember'), ['input', 'leadWorkerId']);
      }
      const project = tx.create(IncubationProject, {
        title, summary, field, stage: ProjectStage.IDEA, leadWorker: lead, enterprise: lead.enterprise, studio, owner: tx.getReference(User, viewer.id),
      } as never);
      await tx.flush();
      return project;
    });
  }

  /**
   * One gate decision (REVIEWER or ADMIN, checked by the resolver). The facts are counted under the
   * project's lock, so a partner removed or a decision made concurrently cannot slip past the gate.
   */
  async advance(viewer: Viewer, projectId: string, input: GateInput): Promise<{ project: IncubationProject; gateDecision: GateDecision }> {
    const check = new InputCheck(['input', 'gateDecision']);
    const comment = check.text('comment', input.comment, { max: 2000, optional: true }) || null;
    if (input.score != null) check.int('score', input.score, 0, 100);
    check.throwIfAny();
    return this.em.transactional(async (tx) => {
      const project = await lockProject(tx, projectId);
      await this.assertNoConflict(tx, viewer, project);
      if (input.expectedStage && input.expectedStage !== project.stage) {
        throw domainError(UserErrorCode.STALE_VERSION, m('staleStage', { stage: labelOf('ProjectStage', project.stage), expected: labelOf('ProjectStage', input.expectedStage) }), ['input', 'expectedStage']);
      }
      // One statement for the three facts of the gates (and no parallel queries on the transaction's connection).
      const [facts] = await tx.execute<{ partners: number; completed: number; funding: number }[]>(
        `select (select count(*)::int from project_partner where project_id = ?) as partners,
                (select count(*)::int from project_milestone where project_id = ? and completed_at is not null) as completed,
                (select count(*)::int from project_funding where project_id = ?) as funding`,
        [project.id, project.id, project.id],
      );
      const { partners, completed: completedMilestones, funding: fundingRecords } = facts!;
      const outcome = decideGate(project.stage, input.decision, { partners, completedMilestones, fundingRecords }, comment);
      if (!outcome.ok) throw domainError(outcome.code, outcome.message, outcome.field);
      const gateDecision = tx.create(GateDecision, {
        project, decision: input.decision, fromStage: project.stage, toStage: outcome.to, score: input.score ?? null, comment,
        decidedBy: tx.getReference(User, viewer.id), at: new Date(),
      } as never);
      project.stage = outcome.to;
      if (outcome.to === ProjectStage.TERMINATED) project.terminationReason = comment;
      await tx.flush();
      return { project, gateDecision };
    });
  }

  /** Who runs a project does not judge it, nor does a reviewer from the lead worker's enterprise. */
  private async assertNoConflict(em: EntityManager, viewer: Viewer, project: IncubationProject): Promise<void> {
    if (runsProject(viewer, project, await studioManagerOf(em, project))) {
      throw domainError(UserErrorCode.CONFLICT_OF_INTEREST, m('runsProject'), ['input', 'projectId']);
    }
    if (viewer.workerId) {
      const own = await em.findOne(Worker, { id: viewer.workerId }, { fields: ['enterprise'] });
      if (own && own.enterprise.id === project.enterprise.id) {
        throw domainError(UserErrorCode.CONFLICT_OF_INTEREST, m('ownEnterprise'), ['input', 'projectId']);
      }
    }
  }

  async addPartner(viewer: Viewer, projectId: string, data: NewPartner): Promise<{ partner: ProjectPartner; project: IncubationProject }> {
    const check = new InputCheck();
    const name = check.name('name', data.name, { max: 200 });
    const contribution = check.text('contribution', data.contribution, { max: 2000 });
    check.throwIfAny();
    return this.em.transactional(async (tx) => {
      const project = await openProject(tx, viewer, projectId, 'actAddPartner');
      if (await tx.count(ProjectPartner, { project: project.id, kind: data.kind, name })) {
        throw domainError(UserErrorCode.ALREADY_EXISTS, m('partnerExists', { name, kind: labelOf('PartnerKind', data.kind) }), ['input', 'name']);
      }
      const partner = tx.create(ProjectPartner, { project, kind: data.kind, name, contribution, addedAt: new Date() } as never);
      touch(project);
      await tx.flush();
      return { partner, project };
    });
  }

  /** Amounts stay decimal strings from input to numeric(14,2): no float ever touches money. */
  async recordFunding(viewer: Viewer, projectId: string, data: NewFunding): Promise<{ funding: ProjectFunding; project: IncubationProject }> {
    const check = new InputCheck();
    const source = check.text('source', data.source, { max: 200 });
    const amount = checkMoney(check, 'amount', data.amount, { positive: true });
    const receivedAt = check.date('receivedAt', data.receivedAt, { notAfter: new Date() });
    check.throwIfAny();
    return this.em.transactional(async (tx) => {
      const project = await openProject(tx, viewer, projectId, 'actRecordFunding');
      const funding = tx.create(ProjectFunding, {
        project, sourceKind: data.sourceKind, source, amount: twoDecimals(amount!), receivedAt, recordedBy: tx.getReference(User, viewer.id), recordedAt: new Date(),
      } as never);
      touch(project);
      await tx.flush();
      return { funding, project };
    });
  }

  async addMilestone(viewer: Viewer, projectId: string, data: NewMilestone): Promise<{ milestone: ProjectMilestone; project: IncubationProject }> {
    const check = new InputCheck();
    const title = check.name('title', data.title, { max: 200 });
    const description = check.text('description', data.description, { max: 5000, optional: true });
    const dueAt = data.dueAt == null ? null : check.date('dueAt', data.dueAt);
    check.throwIfAny();
    return this.em.transactional(async (tx) => {
      const project = await openProject(tx, viewer, projectId, 'actAddMilestone');
      const milestone = tx.create(ProjectMilestone, { project, title, description, dueAt, createdAt: new Date() } as never);
      touch(project);
      await tx.flush();
      return { milestone, project };
    });
  }

  async completeMilestone(viewer: Viewer, milestoneId: string, noteRaw: string | null | undefined): Promise<{ milestone: ProjectMilestone; project: IncubationProject }> {
    const check = new InputCheck();
    const note = check.text('note', noteRaw, { max: 2000, optional: true }) || null;
    check.throwIfAny();
    return this.em.transactional(async (tx) => {
      const found = await tx.findOne(ProjectMilestone, { id: milestoneId }, { fields: ['project'] });
      if (!found) throw notFound('ProjectMilestone', ['input', 'milestoneId']);
      const project = await openProject(tx, viewer, found.project.id, 'actCompleteMilestone');
      const milestone = await tx.findOneOrFail(ProjectMilestone, { id: milestoneId }, { refresh: true });
      if (milestone.completedAt) throw domainError(UserErrorCode.INVALID_STATE, m('milestoneCompleted'), ['input', 'milestoneId']);
      milestone.completedAt = new Date();
      milestone.completionNote = note;
      touch(project);
      await tx.flush();
      return { milestone, project };
    });
  }
}
