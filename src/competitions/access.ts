import type { EntityManager } from '@mikro-orm/postgresql';
import { domainError, notFound, UserErrorCode } from '../common/errors.js';
import { forbidden } from '../common/errors.js';
import { Role } from '../auth/role.js';
import type { Viewer } from '../context.js';
import { Competition } from './setup/competition.entity.js';
import type { CompetitionStatus } from './enums.js';
import { JudgeAssignment } from './judging/judge-assignment.entity.js';

/**
 * Who may do and see what in a competition, in one place so every room applies the same rules:
 * the creating organizer (or an ADMIN) changes a competition; other organizers only read it;
 * staff (organizers, admins) and the judges now on its panel form its jury.
 */
export async function loadCompetition(em: EntityManager, id: string, field: string[] = ['input', 'competitionId']): Promise<Competition> {
  const competition = await em.findOne(Competition, { id });
  if (!competition) throw notFound('Competition', field);
  return competition;
}

/** The roles of organizer mutations (`@Authorized(...ORGANIZER_ROLES)`); which competition they may change is isOwner's rule. */
export const ORGANIZER_ROLES = [Role.ORGANIZER, Role.ADMIN];

export function isAdmin(viewer: Viewer | null): boolean {
  return !!viewer && viewer.roles.includes(Role.ADMIN);
}

/** Organizers and admins: they read every competition in full (jury view, all marks, names, history). */
export function isStaff(viewer: Viewer | null): boolean {
  return !!viewer && (viewer.roles.includes(Role.ADMIN) || viewer.roles.includes(Role.ORGANIZER));
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

/** Where the viewer sits in a competition: staff, or a judge on its panel now (both false for everyone else). */
export interface JuryStanding {
  staff: boolean;
  onPanel: boolean;
}

/** The panel is read only for a viewer who is not staff: staff need no lookup. */
export async function juryStanding(em: EntityManager, viewer: Viewer | null, competition: Competition): Promise<JuryStanding> {
  if (!viewer) return { staff: false, onPanel: false };
  if (isStaff(viewer)) return { staff: true, onPanel: false };
  return { staff: false, onPanel: !!(await activeAssignment(em, competition.id, viewer.id)) };
}

/** Staff see everything; so do the judges now on the panel (the jury view). */
export async function isJury(em: EntityManager, viewer: Viewer | null, competition: Competition): Promise<boolean> {
  const { staff, onPanel } = await juryStanding(em, viewer, competition);
  return staff || onPanel;
}

/** isJury's rule answered from a panel already loaded (removed judges included; a batched field resolver). */
export function isJuryOfPanel(viewer: Viewer | null, panel: readonly Pick<JudgeAssignment, 'user' | 'removedAt'>[]): boolean {
  return !!viewer && (isStaff(viewer) || panel.some((a) => !a.removedAt && a.user.id === viewer.id));
}
