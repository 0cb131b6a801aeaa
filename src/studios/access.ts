import { LockMode, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { forbidden, notFound } from '../common/errors.js';
import { Role } from '../auth/role.js';
import type { Viewer } from '../context.js';
import { PUBLIC_STATUSES } from './accreditation.js';
import { Studio } from './studio.entity.js';
import { m } from './messages.js';

/**
 * Who sees and who runs a studio, in one place so every query, `node(id:)` and every other module
 * (methods, projects, alliances) applies the same rules:
 * - accredited studios (and their innovations, members, reports) are public;
 * - anything else (an application, a rejected or suspended studio) is seen by its manager, REVIEWERs and ADMINs;
 * - the manager who applied (or an ADMIN) runs the studio.
 */
export function seesEveryStudio(viewer: Viewer | null): boolean {
  return !!viewer && (viewer.roles.includes(Role.ADMIN) || viewer.roles.includes(Role.REVIEWER));
}

export function isStudioManager(viewer: Viewer | null, studio: Studio): boolean {
  return !!viewer && (viewer.roles.includes(Role.ADMIN) || (viewer.roles.includes(Role.STUDIO_MANAGER) && studio.manager.id === viewer.id));
}

export function canSeeStudio(viewer: Viewer | null, studio: Studio): boolean {
  return PUBLIC_STATUSES.includes(studio.status) || seesEveryStudio(viewer) || isStudioManager(viewer, studio);
}

/** The same rule as a query condition on Studio (for lists and counts). */
export function visibleStudiosWhere(viewer: Viewer | null): FilterQuery<Studio> {
  if (seesEveryStudio(viewer)) return {};
  if (viewer?.roles.includes(Role.STUDIO_MANAGER)) return { $or: [{ status: { $in: [...PUBLIC_STATUSES] } }, { manager: viewer.id }] };
  return { status: { $in: [...PUBLIC_STATUSES] } };
}

/** Throws FORBIDDEN (a GraphQL error) unless the viewer manages the studio. */
export function assertStudioManager(viewer: Viewer | null, studio: Studio): void {
  if (!isStudioManager(viewer, studio)) throw forbidden(m('notManager'));
}

/**
 * The studio row, locked for the rest of the transaction: every write to a studio (its status, members,
 * reports, innovations) goes through it, so two clicks on the same studio serialize.
 */
export async function lockStudio(em: EntityManager, id: string, field: string[] = ['input', 'studioId']): Promise<Studio> {
  const studio = await em.findOne(Studio, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!studio) throw notFound('Studio', field);
  return studio;
}
