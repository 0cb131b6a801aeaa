import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../context.js';
import { User } from '../../auth/user.entity.js';
import { isOwner } from '../access.js';
import { EntryMember } from '../entries/entry-member.entity.js';
import { CompetitionStatus, OfficialDuty } from '../enums.js';
import { CompetitionOfficial } from '../officials/official.entity.js';
import type { Competition } from '../setup/competition.entity.js';
import type { Appeal } from './appeal.entity.js';

/**
 * Who may appeal for an entry, and who reads what of an appeal (issue 12 §5), in one place.
 *
 * Filing: the competition's organizer (or an ADMIN) on the entrant's behalf, the entrant's team leader
 * (领队: an active TEAM_LEADER of the competition for an enterprise of the entry's workers), or a user
 * linked to one of the entry's workers.
 *
 * Reading an appeal:
 * - FULL: its organizer (or an ADMIN) and its arbitrators (active ARBITRATOR duty): everything. Not its judges, the
 *   chief judge included: grounds may name the entrant, and judges stay anonymized until FINALIZED.
 * - PARTY: whoever could file it (team leader, the entrant's own user) and whoever filed it: everything
 *   but the names of who filed and ruled.
 * - REMARKER: a judge named to re-mark it: the contested marks and the ruling's reason, not the grounds.
 * - OUTCOME: anyone once the competition is FINALIZED: which entry, stage, criterion, the status and
 *   ruling and when; grounds and reasons stay with the parties.
 */
export enum AppealAccess {
  FULL = 'FULL',
  PARTY = 'PARTY',
  REMARKER = 'REMARKER',
  OUTCOME = 'OUTCOME',
}

export type AppealParty = 'ORGANIZER' | 'TEAM_LEADER' | 'ENTRANT';

/** Where the viewer stands towards a competition's appeals, read once per competition and request. */
export interface AppealViewer {
  userId: string | null;
  full: boolean;
  organizer: boolean;
  workerId: string | null;
  /** Enterprises the viewer leads as an active TEAM_LEADER in this competition. */
  leaderOf: Set<string>;
  finalized: boolean;
}

export async function appealViewer(em: EntityManager, viewer: Viewer | null, competition: Competition): Promise<AppealViewer> {
  const finalized = competition.status === CompetitionStatus.FINALIZED;
  if (!viewer) return { userId: null, full: false, organizer: false, workerId: null, leaderOf: new Set(), finalized };
  const duties = await em.find(CompetitionOfficial, { competition: competition.id, user: viewer.id, removedAt: null }, { fields: ['duty', 'enterpriseId'] });
  const user = await em.findOne(User, { id: viewer.id }, { fields: ['worker'] });
  const organizer = isOwner(viewer, competition);
  const arbitrator = duties.some((d) => d.duty === OfficialDuty.ARBITRATOR);
  const full = organizer || arbitrator;
  const leaderOf = new Set(duties.filter((d) => d.duty === OfficialDuty.TEAM_LEADER && d.enterpriseId).map((d) => d.enterpriseId!));
  return { userId: viewer.id, full, organizer, workerId: user?.worker?.id ?? null, leaderOf, finalized };
}

/** The entry's members as the party rules read them: their workers and the enterprises they entered for. */
export async function entryParties(em: EntityManager, entryId: string): Promise<{ workerId: string; enterpriseId: string }[]> {
  const rows = await em.find(EntryMember, { entry: entryId }, { fields: ['worker', 'enterpriseId'] });
  return rows.map((m) => ({ workerId: m.worker.id, enterpriseId: m.enterpriseId }));
}

/** In what capacity the viewer may file an appeal for an entry with these members; null: they may not. */
export function partyFor(v: AppealViewer, members: readonly { workerId: string; enterpriseId: string }[]): AppealParty | null {
  if (v.organizer) return 'ORGANIZER';
  if (members.some((m) => v.leaderOf.has(m.enterpriseId))) return 'TEAM_LEADER';
  if (v.workerId && members.some((m) => m.workerId === v.workerId)) return 'ENTRANT';
  return null;
}

/** How much of one appeal the viewer reads; null: not even that it exists. */
export function accessTo(
  v: AppealViewer,
  appeal: Pick<Appeal, 'filedBy' | 'remarkJudgeIds'>,
  members: readonly { workerId: string; enterpriseId: string }[],
): AppealAccess | null {
  if (v.full) return AppealAccess.FULL;
  if (v.userId && (appeal.filedBy.id === v.userId || partyFor(v, members))) return AppealAccess.PARTY;
  if (v.userId && appeal.remarkJudgeIds.includes(v.userId)) return AppealAccess.REMARKER;
  if (v.finalized) return AppealAccess.OUTCOME;
  return null;
}

/** Reads grounds and ruling reason. */
export const readsReasons = (a: AppealAccess | null) => a === AppealAccess.FULL || a === AppealAccess.PARTY;
