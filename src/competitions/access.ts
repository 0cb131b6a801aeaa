import type { EntityManager } from '@mikro-orm/postgresql';
import { domainError, notFound, UserErrorCode } from '../common/errors.js';
import { forbidden } from '../common/errors.js';
import { Role } from '../auth/role.js';
import type { Viewer } from '../context.js';
import { Competition } from './setup/competition.entity.js';
import type { CompetitionStatus } from './enums.js';
import { JudgeAssignment } from './judging/judge-assignment.entity.js';

/**
 * Ownership rules of competitions, in one place so every service applies the same ones:
 * the creating organizer (or an ADMIN) changes a competition; other organizers only read it.
 */
export async function loadCompetition(em: EntityManager, id: string, field: string[] = ['input', 'competitionId']): Promise<Competition> {
  const competition = await em.findOne(Competition, { id });
  if (!competition) throw notFound('Competition', field);
  return competition;
}

export function isAdmin(viewer: Viewer | null): boolean {
  return !!viewer && viewer.roles.includes(Role.ADMIN);
}

export function isOwner(viewer: Viewer | null, competition: Competition): boolean {
  return !!viewer && (isAdmin(viewer) || (viewer.roles.includes(Role.ORGANIZER) && competition.owner.id === viewer.id));
}

/** Throws FORBIDDEN (a GraphQL error, not a userError) unless the viewer owns the competition. */
export function assertOwner(viewer: Viewer | null, competition: Competition): void {
  if (!isOwner(viewer, competition)) throw forbidden('Only the competition’s organizer or an admin may change it');
}

export function assertStatus(competition: Competition, allowed: readonly CompetitionStatus[], what: string): void {
  if (!allowed.includes(competition.status)) {
    throw domainError(UserErrorCode.INVALID_STATE, `${what} is not possible while the competition is ${competition.status}`);
  }
}

/** The viewer's current (not removed) assignment to the competition, if any. */
export async function activeAssignment(em: EntityManager, competitionId: string, userId: string): Promise<JudgeAssignment | null> {
  return em.findOne(JudgeAssignment, { competition: competitionId, user: userId, removedAt: null });
}

/** Organizers see everything; so does the owner; judges of the competition see the jury view. */
export async function isJury(em: EntityManager, viewer: Viewer | null, competition: Competition): Promise<boolean> {
  if (!viewer) return false;
  if (isOwner(viewer, competition) || viewer.roles.includes(Role.ORGANIZER)) return true;
  return !!(await activeAssignment(em, competition.id, viewer.id));
}
