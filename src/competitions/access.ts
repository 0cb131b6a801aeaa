import type { EntityManager } from '@mikro-orm/postgresql';
import { domainError, forbidden, notFound, UserErrorCode } from '../common/errors.js';
import { Role } from '../auth/role.js';
import type { Viewer } from '../context.js';
import { Competition } from './setup/competition.entity.js';
import type { CompetitionStatus } from './enums.js';
import { JudgeAssignment } from './judging/judge-assignment.entity.js';
import { labelOf } from '../common/enum-labels.js';
import { m } from './messages.js';

/**
 * Who may do and see what in a competition, in one place so every room applies the same rules:
 * the creating organizer (or an ADMIN) changes a competition; other organizers read only what the
 * public reads; its jury (owner, ADMIN, chief judge) sees it live; its judges get the judge's view.
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

/** Organizers and admins, of any competition: staff pages (lifecycle history); a competition's own data is standingFrom's rule. */
export function isStaff(viewer: Viewer | null): boolean {
  return !!viewer && (viewer.roles.includes(Role.ADMIN) || viewer.roles.includes(Role.ORGANIZER));
}

export function isOwner(viewer: Viewer | null, competition: Pick<Competition, 'owner'>): boolean {
  return !!viewer && (isAdmin(viewer) || (viewer.roles.includes(Role.ORGANIZER) && competition.owner.id === viewer.id));
}

/** Throws FORBIDDEN (a GraphQL error, not a userError) unless the viewer owns the competition. */
export function assertOwner(viewer: Viewer | null, competition: Competition): void {
  if (!isOwner(viewer, competition)) throw forbidden(m('ownerOnly'));
}

/** INVALID_STATE unless the competition is in one of `allowed`; `what` is a phrase in the reader's language (a module's message). */
export function assertStatus(competition: Competition, allowed: readonly CompetitionStatus[], what: string): void {
  if (!allowed.includes(competition.status)) {
    throw domainError(UserErrorCode.INVALID_STATE, m('notInStatus', { what, status: labelOf('CompetitionStatus', competition.status) }));
  }
}

/** The viewer's current (not removed) assignment to the competition, if any. */
export async function activeAssignment(em: EntityManager, competitionId: string, userId: string): Promise<JudgeAssignment | null> {
  return em.findOne(JudgeAssignment, { competition: competitionId, user: userId, removedAt: null });
}

/** The chief judge (裁判长) now on the competition's panel: who signs stages off, accepts gaps and decides late corrections. */
export async function isChiefJudge(em: EntityManager, viewer: Viewer | null, competitionId: string): Promise<boolean> {
  if (!viewer) return false;
  return !!(await activeAssignment(em, competitionId, viewer.id))?.chief;
}

/** The viewer's own seats on a competition's panel (removed ones too), as JSON in one sub-select; the competition row is `c`. */
export const SEATS_SQL = `(select json_agg(json_build_object('chief', j.chief, 'removedAt', j.removed_at, 'stageIds', j.stage_ids))
  from judge_assignment j where j.competition_id = c.id and j.user_id = ?)`;

/** What of an assignment the rules read: enough to answer from a panel already loaded or a raw row. */
export type PanelSeat = Pick<JudgeAssignment, 'chief' | 'removedAt' | 'stageIds'>;

/**
 * Where the viewer sits in one competition (issue 12 §1):
 * - `jury`: the live jury view and every mark — the competition's own organizer, an ADMIN, or its
 *   chief judge now on the panel. An ORGANIZER of another competition is not its jury.
 * - `judge`: ever on its panel, removed included. Such a viewer gets the judge's view whatever
 *   other roles they hold (names hidden until FINALIZED; the public board unless chief judge now).
 * - `stageIds`: the stages they judge now; null when not on the panel now.
 */
export interface JuryStanding {
  jury: boolean;
  judge: boolean;
  stageIds: string[] | null;
}

export const PUBLIC_STANDING: JuryStanding = { jury: false, judge: false, stageIds: null };

/** The rule itself, from the viewer's own assignments in the competition (removed ones included). */
export function standingFrom(viewer: Viewer | null, competition: Pick<Competition, 'owner'>, seats: readonly PanelSeat[]): JuryStanding {
  if (!viewer) return PUBLIC_STANDING;
  const active = seats.find((a) => !a.removedAt) ?? null;
  const judge = seats.length > 0;
  return {
    jury: judge ? !!active?.chief : isOwner(viewer, competition),
    judge,
    stageIds: active ? active.stageIds.map(String) : null,
  };
}

/** One statement for a logged-in viewer (none for the public); read it afresh where a panel change must apply at once. */
export async function juryStanding(em: EntityManager, viewer: Viewer | null, competition: Pick<Competition, 'id' | 'owner'>): Promise<JuryStanding> {
  if (!viewer) return PUBLIC_STANDING;
  const seats = await em.find(JudgeAssignment, { competition: competition.id, user: viewer.id }, { fields: ['chief', 'removedAt', 'stageIds'] });
  return standingFrom(viewer, competition, seats);
}

/** Who reads the panel: the jury and the judges now on it. */
export function seesPanel(standing: JuryStanding): boolean {
  return standing.jury || !!standing.stageIds;
}

/** seesPanel answered from a panel already loaded (removed judges included; a batched field resolver). */
export function seesPanelOf(viewer: Viewer | null, competition: Pick<Competition, 'owner'>, panel: readonly (PanelSeat & Pick<JudgeAssignment, 'user'>)[]): boolean {
  if (!viewer) return false;
  return seesPanel(standingFrom(viewer, competition, panel.filter((a) => a.user.id === viewer.id)));
}
