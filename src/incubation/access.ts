import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { domainError, forbidden, notFound, UserErrorCode } from '../common/errors.js';
import { labelOf } from '../common/enum-labels.js';
import { Role } from '../auth/role.js';
import type { Viewer } from '../context.js';
import { isFinal } from './gates.js';
import { Studio } from '../studios/studio.entity.js';
import { IncubationProject } from './incubation-project.entity.js';
import { m } from './messages.js';

/**
 * Who may do what with a project, in one place for services, field resolvers and node(id:).
 * Owners: the user who created it, the manager of its studio, and admins; they add partners, funding
 * and milestones. Insiders (owners and REVIEWERs) see the money and the gate history; everything
 * else about a project is public (projects are showcased).
 */
export function isAdmin(viewer: Viewer | null): boolean {
  return !!viewer && viewer.roles.includes(Role.ADMIN);
}

/** The owner's identity, without the ADMIN override (an admin who did not create it is not "its" owner). */
export function runsProject(viewer: Viewer | null, project: IncubationProject, studioManagerId: string | null): boolean {
  return !!viewer && (viewer.id === project.owner.id || (studioManagerId != null && viewer.id === studioManagerId));
}

export function ownsProject(viewer: Viewer | null, project: IncubationProject, studioManagerId: string | null): boolean {
  return isAdmin(viewer) || runsProject(viewer, project, studioManagerId);
}

/** Admins and REVIEWERs see the money of every project (so also sums over many projects). */
export function seesEveryProjectsInternals(viewer: Viewer | null): boolean {
  return isAdmin(viewer) || !!viewer?.roles.includes(Role.REVIEWER);
}

export function seesProjectInternals(viewer: Viewer | null, project: IncubationProject, studioManagerId: string | null): boolean {
  return seesEveryProjectsInternals(viewer) || runsProject(viewer, project, studioManagerId);
}

/** The project row locked for the rest of the transaction, so concurrent gate decisions and additions serialize. */
export async function lockProject(em: EntityManager, id: string, field: string[] = ['input', 'projectId']): Promise<IncubationProject> {
  const project = await em.findOne(IncubationProject, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!project) throw notFound('IncubationProject', field);
  return project;
}

export async function studioManagerOf(em: EntityManager, project: IncubationProject): Promise<string | null> {
  if (!project.studio) return null;
  const studio = await em.findOne(Studio, { id: project.studio.id }, { fields: ['manager'] });
  return studio?.manager.id ?? null;
}

export async function assertOwnsProject(em: EntityManager, viewer: Viewer, project: IncubationProject): Promise<void> {
  if (!ownsProject(viewer, project, await studioManagerOf(em, project))) {
    throw forbidden(m('onlyOwners'));
  }
}

/** The moves on a project's parts that need it open, as named in the refusal. */
export type PartAction =
  | 'actAddPartner' | 'actUpdatePartner' | 'actRemovePartner' | 'actRecordFunding'
  | 'actAddMilestone' | 'actUpdateMilestone' | 'actRemoveMilestone' | 'actCompleteMilestone';

/**
 * The project locked, owned by the viewer, and still open; with `version`, also unchanged since the
 * client read it (STALE_VERSION otherwise): the owner's edits of its parts raise the version.
 */
export async function openProject(em: EntityManager, viewer: Viewer, projectId: string, action: PartAction, version?: number | null): Promise<IncubationProject> {
  const project = await lockProject(em, projectId);
  await assertOwnsProject(em, viewer, project);
  if (isFinal(project.stage)) {
    throw domainError(UserErrorCode.INVALID_STATE, m('projectClosed', { action: m(action), stage: labelOf('ProjectStage', project.stage) }), ['input', 'projectId']);
  }
  if (version != null && version !== project.version) {
    throw domainError(UserErrorCode.STALE_VERSION, m('staleVersion', { current: project.version, expected: version }), ['input', 'version']);
  }
  return project;
}
