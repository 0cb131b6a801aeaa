import type { EntityManager } from '@mikro-orm/postgresql';
import { domainError, DomainError, notFound, UserErrorCode, type UserErrorInit } from '../../common/errors.js';
import type { Viewer } from '../../context.js';
import { Role } from '../../auth/role.js';
import { User } from '../../auth/user.entity.js';
import { Worker } from '../../registry/worker.entity.js';
import { assertOwner, assertStatus } from '../access.js';
import { raiseLeaderboardVersion } from '../leaderboard/board-version.js';
import type { Competition } from '../setup/competition.entity.js';
import { cleanReason, lockCompetition } from '../setup/competition.service.js';
import { CompetitionStatus as S, OfficialDuty } from '../enums.js';
import { CompetitionOfficial } from '../officials/official.entity.js';
import { JudgeAssignment } from './judge-assignment.entity.js';
import { Stage } from '../setup/stage.entity.js';

const PANEL_CHANGEABLE: readonly S[] = [S.DRAFT, S.REGISTRATION_OPEN, S.REGISTRATION_CLOSED, S.IN_PROGRESS, S.SCORING_CLOSED];
/** Once marking has begun, every change of the panel needs a recorded reason. */
const NEEDS_REASON: readonly S[] = [S.IN_PROGRESS, S.SCORING_CLOSED];

export interface AssignJudgeData {
  userId: string;
  stageIds: string[];
  chief?: boolean | null;
  reason?: string | null;
}

export class JudgeService {
  constructor(private readonly em: EntityManager) {}

  private async panelOf(tx: EntityManager, viewer: Viewer, competitionId: string, reasonRaw: string | null | undefined, what: string) {
    const competition = await lockCompetition(tx, competitionId);
    assertOwner(viewer, competition);
    assertStatus(competition, PANEL_CHANGEABLE, what);
    const reason = cleanReason(reasonRaw, NEEDS_REASON.includes(competition.status), `${what.toLowerCase()} once the competition is ${competition.status}`);
    return { competition, reason };
  }

  /** The panel's size per stage feeds completeness; boards showing it refetch. */
  private async panelChanged(tx: EntityManager, competition: Competition): Promise<void> {
    if (!NEEDS_REASON.includes(competition.status)) return;
    await raiseLeaderboardVersion(tx, competition, { kind: 'leaderboard', competitionId: competition.id, entryId: null });
    await tx.flush();
  }

  /** Assigns a judge to stages, or changes the stages (and chief flag) of their current assignment. */
  async assign(viewer: Viewer, competitionId: string, data: AssignJudgeData): Promise<{ assignment: JudgeAssignment; competition: Competition }> {
    return this.em.transactional(async (tx) => {
      const { competition, reason } = await this.panelOf(tx, viewer, competitionId, data.reason, 'Changing the panel');
      const problems: UserErrorInit[] = [];
      const user = await tx.findOne(User, { id: data.userId });
      if (!user) throw notFound('User', ['input', 'userId']);
      if (!user.roles.includes(Role.JUDGE) || user.disabled) {
        problems.push({ code: UserErrorCode.NOT_ELIGIBLE, message: `${user.displayName} does not hold the JUDGE role${user.disabled ? ' (disabled)' : ''}`, field: ['input', 'userId'] });
      }
      const stageIds = [...new Set(data.stageIds)];
      if (!stageIds.length) problems.push({ code: UserErrorCode.INVALID_INPUT, message: 'A judge needs at least one stage', field: ['input', 'stageIds'] });
      const stages = new Set((await tx.find(Stage, { id: { $in: stageIds }, competition }, { fields: ['id'] })).map((s) => s.id));
      data.stageIds.forEach((id, i) => {
        if (!stages.has(id)) problems.push({ code: UserErrorCode.NOT_FOUND, message: 'Stage not found in this competition', field: ['input', 'stageIds', String(i)] });
      });
      // The keeper of the marking codes may not mark (see officials/): a judge who knows the map is not anonymous.
      if (await tx.count(CompetitionOfficial, { competition, user: data.userId, duty: OfficialDuty.ENCRYPTION_OFFICER, removedAt: null })) {
        problems.push({ code: UserErrorCode.CONFLICT_OF_INTEREST, message: '加密裁判不得兼任本竞赛评分裁判 / The encryption officer may not be a judge of the same competition', field: ['input', 'userId'] });
      }
      const panel = await tx.find(JudgeAssignment, { competition, removedAt: null });
      const chief = data.chief ?? false;
      const otherChief = panel.find((a) => a.chief && a.user.id !== user.id);
      if (chief && otherChief) {
        problems.push({ code: UserErrorCode.ALREADY_EXISTS, message: 'The competition already has a chief judge (裁判长); re-assign them without chief first', field: ['input', 'chief'] });
      }
      if (problems.length) throw new DomainError(problems);
      let assignment = panel.find((a) => a.user.id === user.id);
      if (assignment) {
        Object.assign(assignment, { stageIds, chief, reason: reason ?? assignment.reason });
      } else {
        // The judge's enterprise as of now: conflicts of interest are judged against it when marking.
        const worker = user.worker ? await tx.findOne(Worker, { id: user.worker.id }) : null;
        assignment = tx.create(JudgeAssignment, {
          competition, user, stageIds, chief, reason, enterpriseId: worker?.enterprise.id ?? null, assignedAt: new Date(),
        } as never);
      }
      await tx.flush();
      await this.panelChanged(tx, competition);
      return { assignment, competition };
    });
  }

  async unassign(viewer: Viewer, competitionId: string, userId: string, reasonRaw: string | null | undefined): Promise<{ assignment: JudgeAssignment; competition: Competition }> {
    return this.em.transactional(async (tx) => {
      const { competition, reason } = await this.panelOf(tx, viewer, competitionId, reasonRaw, 'Changing the panel');
      const assignment = await tx.findOne(JudgeAssignment, { competition, user: userId, removedAt: null });
      if (!assignment) throw domainError(UserErrorCode.NOT_FOUND, 'This user is not on the panel of this competition', ['input', 'userId']);
      assignment.removedAt = new Date();
      assignment.removedReason = reason;
      await tx.flush();
      await this.panelChanged(tx, competition);
      return { assignment, competition };
    });
  }
}
