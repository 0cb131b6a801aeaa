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
import { CompetitionStatus as S, EntryStatus, OfficialDuty } from '../enums.js';
import { CompetitionOfficial } from '../officials/official.entity.js';
import { Entry } from '../entries/entry.entity.js';
import { lockEntriesOf, recomputeEntryResults } from './marking-state.js';
import { JudgeAssignment } from './judge-assignment.entity.js';
import { Stage } from '../setup/stage.entity.js';
import { m } from './messages.js';

const PANEL_CHANGEABLE: readonly S[] = [S.DRAFT, S.REGISTRATION_OPEN, S.REGISTRATION_CLOSED, S.IN_PROGRESS, S.SCORING_CLOSED];
/** Once marking has begun, every change of the panel needs a recorded reason. */
const NEEDS_REASON: readonly S[] = [S.IN_PROGRESS, S.SCORING_CLOSED];

export interface AssignJudgeData {
  userId: string;
  stageIds: string[];
  /** A substitute's entries; null or empty: every entry. */
  entryIds?: string[] | null;
  chief?: boolean | null;
  reason?: string | null;
}

export class JudgeService {
  constructor(private readonly em: EntityManager) {}

  private async panelOf(tx: EntityManager, viewer: Viewer, competitionId: string, reasonRaw: string | null | undefined) {
    // The entries before the competition, as a mark takes them: every entry's result is rewritten below.
    await lockEntriesOf(tx, competitionId);
    const competition = await lockCompetition(tx, competitionId);
    assertOwner(viewer, competition);
    assertStatus(competition, PANEL_CHANGEABLE, m('changingPanel'));
    const reason = cleanReason(reasonRaw, NEEDS_REASON.includes(competition.status), m('toChangePanel'));
    return { competition, reason };
  }

  /**
   * The panel decides each entry's expected marks: once marking has begun, every entry's stored result
   * is recomputed in the same transaction, and boards showing completeness refetch.
   */
  private async panelChanged(tx: EntityManager, competition: Competition): Promise<void> {
    if (!NEEDS_REASON.includes(competition.status)) return;
    await tx.flush();
    await recomputeEntryResults(tx, competition);
    await raiseLeaderboardVersion(tx, competition, { kind: 'leaderboard', competitionId: competition.id, entryId: null });
    await tx.flush();
  }

  /** Active entries of the competition with a worker of this enterprise (in start order), limited to `scope` when given. */
  private async entriesOfEnterprise(tx: EntityManager, competitionId: string, enterpriseId: string | null, scope: string[] | null): Promise<string[]> {
    if (!enterpriseId) return [];
    // An array parameter expands to a list (knex): `array[?]` makes it one uuid[] again.
    const rows = await tx.execute<{ id: string }[]>(
      `select e.id from entry e where e.competition_id = ? and e.status = ? ${scope?.length ? 'and e.id = any(array[?]::uuid[])' : ''}
         and exists (select 1 from entry_member m where m.entry_id = e.id and m.enterprise_id = ?)
       order by e.start_number nulls last, e.created_at, e.id`,
      [competitionId, EntryStatus.ACTIVE, ...(scope?.length ? [scope] : []), enterpriseId],
    );
    return rows.map((r) => r.id);
  }

  /** Assigns a judge to stages, or changes the stages (and chief flag) of their current assignment. */
  async assign(viewer: Viewer, competitionId: string, data: AssignJudgeData): Promise<{ assignment: JudgeAssignment; competition: Competition; conflictedEntries: Entry[] }> {
    return this.em.transactional(async (tx) => {
      const { competition, reason } = await this.panelOf(tx, viewer, competitionId, data.reason);
      const problems: UserErrorInit[] = [];
      const user = await tx.findOne(User, { id: data.userId });
      if (!user) throw notFound('User', ['input', 'userId']);
      if (!user.roles.includes(Role.JUDGE) || user.disabled) {
        const message = user.disabled ? m('judgeDisabled', { name: user.displayName }) : m('notJudgeRole', { name: user.displayName });
        problems.push({ code: UserErrorCode.NOT_ELIGIBLE, message, field: ['input', 'userId'] });
      }
      const stageIds = [...new Set(data.stageIds)];
      // A chief judge supervises (issue 12 §4): an expected marker only of the stages the organizer also gives them.
      if (!stageIds.length && !data.chief) {
        problems.push({ code: UserErrorCode.INVALID_INPUT, message: m('judgeNeedsStage'), field: ['input', 'stageIds'] });
      }
      const stages = new Set((await tx.find(Stage, { id: { $in: stageIds }, competition }, { fields: ['id'] })).map((s) => s.id));
      data.stageIds.forEach((id, i) => {
        if (!stages.has(id)) problems.push({ code: UserErrorCode.NOT_FOUND, message: m('stageNotInCompetition'), field: ['input', 'stageIds', String(i)] });
      });
      // The keeper of the marking codes may not mark (see officials/): a judge who knows the map is not anonymous.
      if (await tx.count(CompetitionOfficial, { competition, user: data.userId, duty: OfficialDuty.ENCRYPTION_OFFICER, removedAt: null })) {
        problems.push({ code: UserErrorCode.CONFLICT_OF_INTEREST, message: m('officerCannotJudge'), field: ['input', 'userId'] });
      }
      const panel = await tx.find(JudgeAssignment, { competition, removedAt: null });
      const chief = data.chief ?? false;
      const otherChief = panel.find((a) => a.chief && a.user.id !== user.id);
      if (chief && otherChief) {
        problems.push({ code: UserErrorCode.ALREADY_EXISTS, message: m('chiefExists'), field: ['input', 'chief'] });
      }
      let assignment = panel.find((a) => a.user.id === user.id);
      // The judge's enterprise as of the first assignment: conflicts of interest are judged against it.
      const enterpriseId = assignment ? assignment.enterpriseId : (user.worker ? (await tx.findOne(Worker, { id: user.worker.id }))?.enterprise.id ?? null : null);
      const entryIds = await this.checkScope(tx, competition.id, data.entryIds ?? null, enterpriseId, problems);
      if (problems.length) throw new DomainError(problems);
      if (assignment) {
        Object.assign(assignment, { stageIds, entryIds, chief, reason: reason ?? assignment.reason });
      } else {
        assignment = tx.create(JudgeAssignment, {
          competition, user, stageIds, entryIds, chief, reason, enterpriseId, assignedAt: new Date(),
        } as never);
      }
      await tx.flush();
      await this.panelChanged(tx, competition);
      // What the organizer must cover at once (a substitute): the entries this judge may not mark.
      const conflictedIds = await this.entriesOfEnterprise(tx, competition.id, enterpriseId, entryIds);
      const conflictedEntries = conflictedIds.length ? await tx.find(Entry, { id: { $in: conflictedIds } }) : [];
      conflictedEntries.sort((a, b) => conflictedIds.indexOf(a.id) - conflictedIds.indexOf(b.id));
      return { assignment, competition, conflictedEntries };
    });
  }

  /**
   * A substitute's scope: entries of this competition the judge is not conflicted with, each bad one a
   * userError naming its place in the input. Null (every entry) when none are named.
   */
  private async checkScope(tx: EntityManager, competitionId: string, raw: string[] | null, enterpriseId: string | null, problems: UserErrorInit[]): Promise<string[] | null> {
    if (!raw?.length) return null;
    const ids = [...new Set(raw)];
    const found = new Set((await tx.find(Entry, { id: { $in: ids }, competition: competitionId }, { fields: ['id'] })).map((e) => e.id));
    const conflicted = new Set(await this.entriesOfEnterprise(tx, competitionId, enterpriseId, ids));
    raw.forEach((id, i) => {
      const field = ['input', 'entryIds', String(i)];
      if (!found.has(id)) problems.push({ code: UserErrorCode.NOT_FOUND, message: m('entryNotInCompetition'), field });
      else if (conflicted.has(id)) {
        problems.push({ code: UserErrorCode.CONFLICT_OF_INTEREST, message: m('judgeConflicted'), field });
      }
    });
    return ids;
  }

  async unassign(viewer: Viewer, competitionId: string, userId: string, reasonRaw: string | null | undefined): Promise<{ assignment: JudgeAssignment; competition: Competition }> {
    return this.em.transactional(async (tx) => {
      const { competition, reason } = await this.panelOf(tx, viewer, competitionId, reasonRaw);
      const assignment = await tx.findOne(JudgeAssignment, { competition, user: userId, removedAt: null });
      if (!assignment) throw domainError(UserErrorCode.NOT_FOUND, m('notOnPanel'), ['input', 'userId']);
      assignment.removedAt = new Date();
      assignment.removedReason = reason;
      await tx.flush();
      await this.panelChanged(tx, competition);
      return { assignment, competition };
    });
  }
}
