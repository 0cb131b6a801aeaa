import { Role } from '../auth/role.js';
import type { Viewer } from '../context.js';

/**
 * Who may do what with drills, in one place. The question bank is read by its keepers (organizers,
 * reviewers, admins) only: a bank that takers could read before a contest would give the answers away.
 * Organizers and admins write it; reviewers (and admins) approve, never a question they wrote.
 * A drill is changed by its organizer or an admin.
 */
export const BANK_READERS: readonly Role[] = [Role.ORGANIZER, Role.REVIEWER, Role.ADMIN];
export const BANK_WRITERS: readonly Role[] = [Role.ORGANIZER, Role.ADMIN];
export const BANK_APPROVERS: readonly Role[] = [Role.REVIEWER, Role.ADMIN];
export const DRILL_WRITERS: readonly Role[] = [Role.ORGANIZER, Role.ADMIN];

export function isAdmin(viewer: Viewer | null | undefined): boolean {
  return !!viewer?.roles.includes(Role.ADMIN);
}

/** Reads the bank, answer keys and explanations included (ADMIN passes every role check). */
export function readsBank(viewer: Viewer | null | undefined): boolean {
  return !!viewer && (isAdmin(viewer) || BANK_READERS.some((r) => viewer.roles.includes(r)));
}

/** Runs this drill: its organizer or an admin. */
export function runsDrill(viewer: Viewer | null | undefined, drill: { organizer: { id: string } }): boolean {
  return !!viewer && (isAdmin(viewer) || drill.organizer.id === viewer.id);
}
