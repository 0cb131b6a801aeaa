import type { EntityManager } from '@mikro-orm/postgresql';
import { domainError, notFound, UserErrorCode } from '../common/errors.js';
import { InputCheck } from '../common/validate.js';
import { labelOf } from '../common/enum-labels.js';
import type { Viewer } from '../context.js';
import { openProject } from './access.js';
import type { PartnerKind } from './enums.js';
import type { IncubationProject } from './incubation-project.entity.js';
import { m } from './messages.js';
import { ProjectMilestone, ProjectPartner } from './project-parts.entity.js';

export interface PartnerChange { kind?: PartnerKind | null; name?: string | null; contribution?: string | null; version?: number | null }
export interface MilestoneChange { title?: string | null; description?: string | null; dueAt?: Date | null; version?: number | null }

/**
 * What an owner added they may correct or take back (issue 13), under the same rules as adding: the
 * project's owners, on open projects, under its lock. Each change raises the project's version, so a
 * client passing the `version` it read learns of a concurrent edit (STALE_VERSION) instead of
 * overwriting it. Gate decisions already taken stay as recorded: they judged the facts of their day.
 */
export class ProjectEditsService {
  constructor(private readonly em: EntityManager) {}

  /** A partner's kind, name or contribution; the (kind, name) pair stays unique in the project. */
  async updatePartner(viewer: Viewer, partnerId: string, data: PartnerChange): Promise<{ partner: ProjectPartner; project: IncubationProject }> {
    const check = new InputCheck();
    const name = data.name == null ? undefined : check.name('name', data.name, { max: 200 });
    const contribution = data.contribution == null ? undefined : check.text('contribution', data.contribution, { max: 2000 });
    if (data.kind == null && name === undefined && contribution === undefined) check.fail('partnerId', m('nothingToChange'));
    check.throwIfAny();
    return this.em.transactional(async (tx) => {
      const { part: partner, project } = await this.partOf(tx, viewer, ProjectPartner, partnerId, 'partnerId', 'actUpdatePartner', data.version);
      const kind = data.kind ?? partner.kind;
      const newName = name ?? partner.name;
      if ((kind !== partner.kind || newName !== partner.name) && (await tx.count(ProjectPartner, { project: project.id, kind, name: newName, id: { $ne: partner.id } }))) {
        throw domainError(UserErrorCode.ALREADY_EXISTS, m('partnerExists', { name: newName, kind: labelOf('PartnerKind', kind) }), ['input', name !== undefined ? 'name' : 'kind']);
      }
      Object.assign(partner, { kind, name: newName, contribution: contribution ?? partner.contribution });
      touch(project);
      await tx.flush();
      return { partner, project };
    });
  }

  async removePartner(viewer: Viewer, partnerId: string, version: number | null | undefined): Promise<{ removedPartnerId: string; project: IncubationProject }> {
    return this.em.transactional(async (tx) => {
      const { part: partner, project } = await this.partOf(tx, viewer, ProjectPartner, partnerId, 'partnerId', 'actRemovePartner', version);
      tx.remove(partner);
      touch(project);
      await tx.flush();
      return { removedPartnerId: partner.globalId, project };
    });
  }

  /** A milestone not yet completed: a completed one is the evidence its gate was passed on, so it stays as it is. */
  async updateMilestone(viewer: Viewer, milestoneId: string, data: MilestoneChange): Promise<{ milestone: ProjectMilestone; project: IncubationProject }> {
    const check = new InputCheck();
    const title = data.title == null ? undefined : check.name('title', data.title, { max: 200 });
    const description = data.description == null ? undefined : check.text('description', data.description, { max: 5000, optional: true });
    const dueAt = data.dueAt === undefined ? undefined : data.dueAt === null ? null : check.date('dueAt', data.dueAt);
    if (title === undefined && description === undefined && dueAt === undefined) check.fail('milestoneId', m('nothingToChange'));
    check.throwIfAny();
    return this.em.transactional(async (tx) => {
      const { part: milestone, project } = await this.partOf(tx, viewer, ProjectMilestone, milestoneId, 'milestoneId', 'actUpdateMilestone', data.version);
      if (milestone.completedAt) throw domainError(UserErrorCode.INVALID_STATE, m('milestoneReached'), ['input', 'milestoneId']);
      if (title !== undefined) milestone.title = title;
      if (description !== undefined) milestone.description = description;
      if (dueAt !== undefined) milestone.dueAt = dueAt;
      touch(project);
      await tx.flush();
      return { milestone, project };
    });
  }

  async removeMilestone(viewer: Viewer, milestoneId: string, version: number | null | undefined): Promise<{ removedMilestoneId: string; project: IncubationProject }> {
    return this.em.transactional(async (tx) => {
      const { part: milestone, project } = await this.partOf(tx, viewer, ProjectMilestone, milestoneId, 'milestoneId', 'actRemoveMilestone', version);
      if (milestone.completedAt) throw domainError(UserErrorCode.INVALID_STATE, m('milestoneReached'), ['input', 'milestoneId']);
      tx.remove(milestone);
      touch(project);
      await tx.flush();
      return { removedMilestoneId: milestone.globalId, project };
    });
  }

  /**
   * The part and its project, the project locked and checked (owner, open, version) before the part
   * is read again under the lock. A part that does not exist and one of a project the viewer does not
   * own are told apart only after ownership: NOT_FOUND for the first, FORBIDDEN for the second.
   */
  private async partOf<T extends ProjectPartner | ProjectMilestone>(
    tx: EntityManager, viewer: Viewer, entity: new () => T, id: string, field: string, action: Parameters<typeof openProject>[3], version: number | null | undefined,
  ): Promise<{ part: T; project: IncubationProject }> {
    const found = (await tx.findOne(entity as never, { id } as never, { fields: ['project'] } as never)) as T | null;
    if (!found) throw notFound(entity === (ProjectMilestone as unknown) ? 'ProjectMilestone' : 'ProjectPartner', ['input', field]);
    const project = await openProject(tx, viewer, found.project.id, action, version);
    const part = (await tx.findOneOrFail(entity as never, { id } as never, { refresh: true } as never)) as T;
    return { part, project };
  }
}

/** Marks the project changed, which raises its version (optimistic locking) and its updatedAt. */
export function touch(project: IncubationProject): void {
  project.updatedAt = new Date();
}
