import type { EntityManager } from '@mikro-orm/postgresql';
import { domainError, DomainError, notFound, UserErrorCode, type UserErrorInit } from '../../common/errors.js';
import type { Viewer } from '../../context.js';
import { User } from '../../auth/user.entity.js';
import { Enterprise } from '../../registry/enterprise.entity.js';
import { assertOwner, assertStatus } from '../access.js';
import { cleanReason, lockCompetition } from '../setup/competition.service.js';
import { CompetitionStatus as S, OfficialDuty } from '../enums.js';
import { JudgeAssignment } from '../judging/judge-assignment.entity.js';
import { CompetitionOfficial } from './official.entity.js';
import { labelOf } from '../../common/enum-labels.js';
import { m } from './messages.js';

const OFFICIALS_CHANGEABLE: readonly S[] = [S.DRAFT, S.REGISTRATION_OPEN, S.REGISTRATION_CLOSED, S.IN_PROGRESS, S.SCORING_CLOSED, S.RESULTS_PUBLISHED];
/** Once marking has begun, naming or relieving an official needs a recorded reason, as a panel change does. */
const NEEDS_REASON: readonly S[] = [S.IN_PROGRESS, S.SCORING_CLOSED, S.RESULTS_PUBLISHED];

/** The duties a user holds now in a competition: what the integrity rules (codes, appeals, re-checks) ask. */
export async function dutiesOf(em: EntityManager, competitionId: string, userId: string): Promise<OfficialDuty[]> {
  const rows = await em.find(CompetitionOfficial, { competition: competitionId, user: userId, removedAt: null }, { fields: ['duty'] });
  return [...new Set(rows.map((r) => r.duty))];
}

/** The active holders of a duty, oldest appointment first. */
export async function holdersOf(em: EntityManager, competitionId: string, duty: OfficialDuty): Promise<CompetitionOfficial[]> {
  return em.find(CompetitionOfficial, { competition: competitionId, duty, removedAt: null }, { orderBy: { appointedAt: 'asc', id: 'asc' } });
}

export interface AppointOfficialData {
  userId: string;
  duty: OfficialDuty;
  enterpriseId?: string | null;
  reason?: string | null;
}

export class OfficialService {
  constructor(private readonly em: EntityManager) {}

  /** Names a user to a duty; naming the same user to the same duty again returns the existing appointment. */
  async appoint(viewer: Viewer, competitionId: string, data: AppointOfficialData): Promise<CompetitionOfficial> {
    return this.em.transactional(async (tx) => {
      const competition = await lockCompetition(tx, competitionId);
      assertOwner(viewer, competition);
      assertStatus(competition, OFFICIALS_CHANGEABLE, m('naming'));
      const reason = cleanReason(data.reason, NEEDS_REASON.includes(competition.status), m('toName', { status: labelOf('CompetitionStatus', competition.status) }));
      const user = await tx.findOne(User, { id: data.userId });
      if (!user) throw notFound('User', ['input', 'userId']);
      const active = await tx.find(CompetitionOfficial, { competition, removedAt: null });
      const same = active.find((o) => o.user.id === user.id && o.duty === data.duty);
      const problems: UserErrorInit[] = [];
      if (user.disabled) problems.push({ code: UserErrorCode.NOT_ELIGIBLE, message: m('accountDisabled', { name: user.displayName }), field: ['input', 'userId'] });
      let enterpriseId: string | null = null;
      if (data.duty === OfficialDuty.TEAM_LEADER) {
        if (!data.enterpriseId) {
          problems.push({ code: UserErrorCode.INVALID_INPUT, message: m('leaderNeedsEnterprise'), field: ['input', 'enterpriseId'] });
        } else if (!(await tx.count(Enterprise, { id: data.enterpriseId }))) {
          problems.push({ code: UserErrorCode.NOT_FOUND, message: m('enterpriseNotFound'), field: ['input', 'enterpriseId'] });
        } else {
          enterpriseId = data.enterpriseId;
          const other = active.find((o) => o.duty === OfficialDuty.TEAM_LEADER && o.enterpriseId === enterpriseId && o.user.id !== user.id);
          if (other) problems.push({ code: UserErrorCode.ALREADY_EXISTS, message: m('enterpriseHasLeader'), field: ['input', 'enterpriseId'] });
        }
      } else if (data.enterpriseId) {
        problems.push({ code: UserErrorCode.INVALID_INPUT, message: m('onlyLeaderEnterprise'), field: ['input', 'enterpriseId'] });
      }
      if (data.duty === OfficialDuty.ENCRYPTION_OFFICER) {
        if (active.some((o) => o.duty === OfficialDuty.ENCRYPTION_OFFICER && o.user.id !== user.id)) {
          problems.push({ code: UserErrorCode.ALREADY_EXISTS, message: m('hasEncryptionOfficer'), field: ['input', 'duty'] });
        }
        // The keeper of the codes must not mark: a judge who knows whose paper is whose is no longer anonymous.
        if (await tx.count(JudgeAssignment, { competition, user, removedAt: null })) {
          problems.push({ code: UserErrorCode.CONFLICT_OF_INTEREST, message: m('encryptionOfficerJudges'), field: ['input', 'userId'] });
        }
      }
      if (problems.length) throw new DomainError(problems);
      if (same && same.enterpriseId === enterpriseId) return same;
      if (same) throw domainError(UserErrorCode.ALREADY_EXISTS, m('dutyForOtherEnterprise'), ['input', 'enterpriseId']);
      const official = tx.create(CompetitionOfficial, { competition, user, duty: data.duty, enterpriseId, reason, appointedAt: new Date() } as never);
      await tx.flush();
      return official;
    });
  }

  async relieve(viewer: Viewer, competitionId: string, data: { userId: string; duty: OfficialDuty; reason?: string | null }): Promise<CompetitionOfficial> {
    return this.em.transactional(async (tx) => {
      const competition = await lockCompetition(tx, competitionId);
      assertOwner(viewer, competition);
      assertStatus(competition, OFFICIALS_CHANGEABLE, m('relieving'));
      const reason = cleanReason(data.reason, NEEDS_REASON.includes(competition.status), m('toRelieve', { status: labelOf('CompetitionStatus', competition.status) }));
      const official = await tx.findOne(CompetitionOfficial, { competition, user: data.userId, duty: data.duty, removedAt: null });
      if (!official) throw domainError(UserErrorCode.NOT_FOUND, m('dutyNotHeld'), ['input', 'userId']);
      official.removedAt = new Date();
      official.removedReason = reason;
      await tx.flush();
      return official;
    });
  }
}
