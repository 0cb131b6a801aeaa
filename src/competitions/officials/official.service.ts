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
      assertStatus(competition, OFFICIALS_CHANGEABLE, 'Naming an official');
      const reason = cleanReason(data.reason, NEEDS_REASON.includes(competition.status), 'name an official once the competition is ' + competition.status);
      const user = await tx.findOne(User, { id: data.userId });
      if (!user) throw notFound('User', ['input', 'userId']);
      const active = await tx.find(CompetitionOfficial, { competition, removedAt: null });
      const same = active.find((o) => o.user.id === user.id && o.duty === data.duty);
      const problems: UserErrorInit[] = [];
      if (user.disabled) problems.push({ code: UserErrorCode.NOT_ELIGIBLE, message: `${user.displayName} 的账号已停用 / ${user.displayName}'s account is disabled`, field: ['input', 'userId'] });
      let enterpriseId: string | null = null;
      if (data.duty === OfficialDuty.TEAM_LEADER) {
        if (!data.enterpriseId) {
          problems.push({ code: UserErrorCode.INVALID_INPUT, message: '领队须指明所带企业 / A team leader needs the enterprise they lead (enterpriseId)', field: ['input', 'enterpriseId'] });
        } else if (!(await tx.count(Enterprise, { id: data.enterpriseId }))) {
          problems.push({ code: UserErrorCode.NOT_FOUND, message: '未找到该企业 / Enterprise not found', field: ['input', 'enterpriseId'] });
        } else {
          enterpriseId = data.enterpriseId;
          const other = active.find((o) => o.duty === OfficialDuty.TEAM_LEADER && o.enterpriseId === enterpriseId && o.user.id !== user.id);
          if (other) problems.push({ code: UserErrorCode.ALREADY_EXISTS, message: '该企业已有领队，请先撤换 / This enterprise already has a team leader in this competition; relieve them first', field: ['input', 'enterpriseId'] });
        }
      } else if (data.enterpriseId) {
        problems.push({ code: UserErrorCode.INVALID_INPUT, message: '只有领队对应企业 / Only a team leader has an enterprise', field: ['input', 'enterpriseId'] });
      }
      if (data.duty === OfficialDuty.ENCRYPTION_OFFICER) {
        if (active.some((o) => o.duty === OfficialDuty.ENCRYPTION_OFFICER && o.user.id !== user.id)) {
          problems.push({ code: UserErrorCode.ALREADY_EXISTS, message: '本竞赛已有加密裁判，请先撤换 / The competition already has an encryption officer; relieve them first', field: ['input', 'duty'] });
        }
        // The keeper of the codes must not mark: a judge who knows whose paper is whose is no longer anonymous.
        if (await tx.count(JudgeAssignment, { competition, user, removedAt: null })) {
          problems.push({ code: UserErrorCode.CONFLICT_OF_INTEREST, message: '加密裁判不得兼任本竞赛评分裁判 / The encryption officer may not be a judge of the same competition', field: ['input', 'userId'] });
        }
      }
      if (problems.length) throw new DomainError(problems);
      if (same && same.enterpriseId === enterpriseId) return same;
      if (same) throw domainError(UserErrorCode.ALREADY_EXISTS, '此人已任该职，请先撤换 / This user already holds the duty for another enterprise; relieve them first', ['input', 'enterpriseId']);
      const official = tx.create(CompetitionOfficial, { competition, user, duty: data.duty, enterpriseId, reason, appointedAt: new Date() } as never);
      await tx.flush();
      return official;
    });
  }

  async relieve(viewer: Viewer, competitionId: string, data: { userId: string; duty: OfficialDuty; reason?: string | null }): Promise<CompetitionOfficial> {
    return this.em.transactional(async (tx) => {
      const competition = await lockCompetition(tx, competitionId);
      assertOwner(viewer, competition);
      assertStatus(competition, OFFICIALS_CHANGEABLE, 'Relieving an official');
      const reason = cleanReason(data.reason, NEEDS_REASON.includes(competition.status), 'relieve an official once the competition is ' + competition.status);
      const official = await tx.findOne(CompetitionOfficial, { competition, user: data.userId, duty: data.duty, removedAt: null });
      if (!official) throw domainError(UserErrorCode.NOT_FOUND, '此人未担任该职 / This user does not hold that duty in this competition', ['input', 'userId']);
      official.removedAt = new Date();
      official.removedReason = reason;
      await tx.flush();
      return official;
    });
  }
}
