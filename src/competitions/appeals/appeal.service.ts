import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { domainError, DomainError, forbidden, notFound, UserErrorCode, type UserErrorInit } from '../../common/errors.js';
import { InputCheck } from '../../common/validate.js';
import type { Viewer } from '../../context.js';
import { Role } from '../../auth/role.js';
import { User } from '../../auth/user.entity.js';
import { Worker } from '../../registry/worker.entity.js';
import { Entry } from '../entries/entry.entity.js';
import { CompetitionStatus as S, EntryStatus, OfficialDuty } from '../enums.js';
import { JudgeAssignment } from '../judging/judge-assignment.entity.js';
import { Score } from '../judging/score.entity.js';
import { announceChange, CompetitionChange } from '../leaderboard/announce.js';
import { CompetitionOfficial } from '../officials/official.entity.js';
import type { Competition } from '../setup/competition.entity.js';
import { lockCompetition } from '../setup/competition.service.js';
import { Criterion } from '../setup/criterion.entity.js';
import { Stage } from '../setup/stage.entity.js';
import { appealViewer, entryParties, partyFor } from './appeal-access.js';
import { Appeal } from './appeal.entity.js';
import { AppealDecision, AppealStatus, OPEN_APPEAL } from './appeal.enums.js';
import { AppealRemark } from './appeal-remark.entity.js';
import { appealWindowOpen } from './publication.service.js';
import { m } from './messages.js';
import { labelOf } from '../../common/enum-labels.js';
import { drillFeeding } from '../setup/drill-fed.js';

export interface FileAppealData {
  entryId: string;
  stageId?: string | null;
  criterionId?: string | null;
  grounds: string;
}

export interface RuleOnAppealData {
  appealId: string;
  decision: AppealDecision;
  reason: string;
  remarkJudgeIds: string[];
}

/** Appeals are heard after publication and before finalization, and change what the status line shows: said on competitionStatusChanged. */
async function announce(tx: EntityManager, competition: Competition, change: CompetitionChange, appeal: Appeal): Promise<void> {
  await announceChange(tx, competition, change, appeal.stage.id);
}

/**
 * 申诉: files an appeal against one criterion, or one whole stage, of an entry while the appeal window
 * is open. Filing again while one is open for the same entry and criterion (or stage) returns it
 * (`existing`), so a retry never duplicates; a stage-level appeal and a criterion appeal of the same
 * stage do not overlap (the re-marking would contest the same marks twice).
 */
export async function fileAppeal(em: EntityManager, viewer: Viewer, data: FileAppealData): Promise<{ appeal: Appeal; existing: boolean }> {
  try {
    return await em.transactional((tx) => fileInTransaction(tx, viewer, data));
  } catch (err) {
    // Two first filings at once: the lock serializes them, the index is the backstop; answer with the winner.
    if (!(err instanceof UniqueConstraintViolationException)) throw err;
    return em.fork().transactional((tx) => fileInTransaction(tx, viewer, data));
  }
}

async function fileInTransaction(tx: EntityManager, viewer: Viewer, data: FileAppealData): Promise<{ appeal: Appeal; existing: boolean }> {
  const entryRow = await tx.findOne(Entry, { id: data.entryId }, { fields: ['competition'] });
  if (!entryRow) throw notFound('Entry', ['input', 'entryId']);
  const competition = await lockCompetition(tx, entryRow.competition.id, ['input', 'entryId']);
  const entry = await tx.findOneOrFail(Entry, { id: data.entryId }, { refresh: true });
  // Who first: a stranger learns nothing about the window or the entry's marks.
  const party = partyFor(await appealViewer(tx, viewer, competition), await entryParties(tx, entry.id));
  if (!party) throw forbidden(m('onlyParties'));

  const check = new InputCheck();
  const grounds = check.text('grounds', data.grounds, { max: 2000 });
  if ((data.stageId == null) === (data.criterionId == null)) {
    check.fail('stageId', m('stageOrCriterion'));
  }
  check.throwIfAny();
  let stageId: string;
  let criterionId: string | null = null;
  if (data.criterionId != null) {
    const criterion = await tx.findOne(Criterion, { id: data.criterionId, competition });
    if (!criterion) throw domainError(UserErrorCode.NOT_FOUND, m('criterionNotHere'), ['input', 'criterionId']);
    criterionId = criterion.id;
    stageId = criterion.stage.id;
  } else {
    const stage = await tx.findOne(Stage, { id: data.stageId!, competition });
    if (!stage) throw domainError(UserErrorCode.NOT_FOUND, m('stageNotHere'), ['input', 'stageId']);
    stageId = stage.id;
  }
  // A stage filled from an online drill is contested through the drill: a wrong question or key is corrected there and re-marked.
  const drillTitle = await drillFeeding(tx, { stageId });
  if (drillTitle !== null) throw domainError(UserErrorCode.INVALID_STATE, m('stageFromDrill', { title: drillTitle }), ['input', criterionId ? 'criterionId' : 'stageId']);

  const open = await tx.find(Appeal, { entry, stage: stageId, status: { $in: [...OPEN_APPEAL] } });
  const same = open.find((a) => (a.criterion?.id ?? null) === criterionId);
  if (same) return { appeal: same, existing: true };
  if (!appealWindowOpen(competition)) {
    const closes = competition.appealWindowClosesAt;
    throw domainError(
      UserErrorCode.INVALID_STATE,
      competition.status === S.RESULTS_PUBLISHED
        ? m('windowClosed', { at: closes!.toISOString() })
        : m('notPublished', { status: labelOf('CompetitionStatus', competition.status) }),
      ['input', 'entryId'],
    );
  }
  if (entry.status !== EntryStatus.ACTIVE) {
    throw domainError(UserErrorCode.INVALID_STATE, m('entryOut', { status: labelOf('EntryStatus', entry.status) }), ['input', 'entryId']);
  }
  if (open.length) {
    throw domainError(
      UserErrorCode.ALREADY_EXISTS,
      criterionId
        ? m('stageAppealOpen')
        : m('criterionAppealOpen'),
      ['input', criterionId ? 'criterionId' : 'stageId'],
    );
  }
  const filedAt = new Date();
  const appeal = tx.create(Appeal, {
    competition, entry, stage: stageId, criterion: criterionId, status: AppealStatus.FILED, grounds,
    filedBy: tx.getReference(User, viewer.id), filedAt, deadline: new Date(filedAt.getTime() + competition.arbitrationDeadlineMinutes * 60_000),
  } as never);
  await tx.flush();
  await announce(tx, competition, CompetitionChange.APPEAL_FILED, appeal);
  await tx.flush();
  return { appeal, existing: false };
}

/** The enterprise a user works for (their registry worker's), for conflict-of-interest checks. */
async function enterpriseOfUser(tx: EntityManager, userId: string): Promise<string | null> {
  const user = await tx.findOne(User, { id: userId }, { fields: ['worker'] });
  if (!user?.worker) return null;
  const worker = await tx.findOne(Worker, { id: user.worker.id }, { fields: ['enterprise'] });
  return worker?.enterprise.id ?? null;
}

/**
 * 仲裁: an arbitrator of the competition rules on a FILED appeal. The arbitrator must not have judged the
 * contested stage (ever: removal from the panel does not unsee the marks) nor work for the entrant's
 * enterprise. A ruling after the deadline is accepted and shows as overdue: refusing it would leave
 * the appeal open and block finalization for good. UPHELD names the judges who re-mark every contested
 * mark (see appeal-remark.service.ts); DISMISSED leaves the marks as they are.
 */
export async function ruleOnAppeal(em: EntityManager, viewer: Viewer, data: RuleOnAppealData): Promise<Appeal> {
  return em.transactional(async (tx) => {
    const found = await tx.findOne(Appeal, { id: data.appealId }, { fields: ['competition'] });
    if (!found) throw notFound('Appeal', ['input', 'appealId']);
    const competition = await lockCompetition(tx, found.competition.id, ['input', 'appealId']);
    const appeal = await tx.findOneOrFail(Appeal, { id: data.appealId }, { refresh: true });
    const arbitrator = await tx.count(CompetitionOfficial, { competition, user: viewer.id, duty: OfficialDuty.ARBITRATOR, removedAt: null });
    if (!arbitrator) throw forbidden(m('onlyArbitrator'));

    const members = await entryParties(tx, appeal.entry.id);
    const entrantEnterprises = new Set(members.map((m) => m.enterpriseId));
    const conflicts: UserErrorInit[] = [];
    const seats = await tx.find(JudgeAssignment, { competition, user: viewer.id }, { fields: ['stageIds'] });
    if (seats.some((s) => s.stageIds.includes(appeal.stage.id))) {
      conflicts.push({ code: UserErrorCode.CONFLICT_OF_INTEREST, message: m('judgedStage'), field: ['input', 'appealId'] });
    }
    const own = await enterpriseOfUser(tx, viewer.id);
    if (own && entrantEnterprises.has(own)) {
      conflicts.push({ code: UserErrorCode.CONFLICT_OF_INTEREST, message: m('sameEnterprise'), field: ['input', 'appealId'] });
    }
    if (conflicts.length) throw new DomainError(conflicts);
    if (appeal.status !== AppealStatus.FILED) {
      throw domainError(UserErrorCode.INVALID_STATE, m('alreadyRuled', { status: labelOf('AppealStatus', appeal.status) }), ['input', 'appealId']);
    }
    if (competition.status !== S.RESULTS_PUBLISHED) {
      throw domainError(UserErrorCode.INVALID_STATE, m('ruleWhilePublished', { status: labelOf('CompetitionStatus', competition.status) }), ['input', 'appealId']);
    }
    const check = new InputCheck();
    const reason = check.text('reason', data.reason, { max: 2000 });
    const judgeIds = [...new Set(data.remarkJudgeIds)];
    if (data.decision === AppealDecision.DISMISSED && judgeIds.length) {
      check.fail('remarkJudgeIds', m('dismissedNoJudges'));
    }
    check.throwIfAny();

    const now = new Date();
    if (data.decision === AppealDecision.UPHELD) {
      const contested = await contestedMarks(tx, appeal);
      await assertRemarkers(tx, competition, judgeIds, contested, entrantEnterprises, viewer.id);
      for (const score of contested) {
        tx.create(AppealRemark, { appeal, score, criterion: score.criterion, contestedValue: Number(score.value) } as never);
      }
      appeal.remarkJudgeIds = judgeIds;
      appeal.status = AppealStatus.UPHELD;
    } else {
      appeal.status = AppealStatus.DISMISSED;
    }
    Object.assign(appeal, { ruling: data.decision, rulingReason: reason, ruledBy: tx.getReference(User, viewer.id), ruledAt: now });
    await tx.flush();
    await announce(tx, competition, CompetitionChange.APPEAL_RULED, appeal);
    await tx.flush();
    return appeal;
  });
}

/** The marks an upheld appeal re-marks: every mark of the entry on the contested criterion, or on every criterion of the stage. */
async function contestedMarks(tx: EntityManager, appeal: Appeal): Promise<Score[]> {
  const criteria = appeal.criterion
    ? [appeal.criterion.id]
    : (await tx.find(Criterion, { stage: appeal.stage.id }, { fields: ['id'] })).map((c) => c.id);
  const marks = await tx.find(Score, { entry: appeal.entry.id, criterion: { $in: criteria } }, { orderBy: { criterion: 'asc', id: 'asc' } as never });
  if (!marks.length) {
    throw domainError(UserErrorCode.INVALID_STATE, m('noContestedMarks'), ['input', 'decision']);
  }
  return marks;
}

/**
 * The re-markers: users holding JUDGE (not disabled), none of the entrant's enterprise, none who gave a
 * contested mark (a second look is someone else's), not the ruling arbitrator nor the encryption
 * officer; they need not be on the stage's panel. Each re-marks at most one mark of a criterion, so
 * the panel's several marks of a JUDGEMENT criterion get as many different re-markers.
 */
async function assertRemarkers(
  tx: EntityManager, competition: Competition, judgeIds: string[], contested: Score[], entrantEnterprises: Set<string>, arbitratorId: string,
): Promise<void> {
  const field = ['input', 'remarkJudgeIds'];
  const perCriterion = new Map<string, number>();
  for (const s of contested) perCriterion.set(s.criterion.id, (perCriterion.get(s.criterion.id) ?? 0) + 1);
  const needed = Math.max(...perCriterion.values());
  const problems: UserErrorInit[] = [];
  if (judgeIds.length < needed) {
    problems.push({ code: UserErrorCode.INVALID_INPUT, message: m('tooFewRemarkers', { needed }), field });
  }
  const users = await tx.find(User, { id: { $in: judgeIds } });
  const markers = new Set(contested.flatMap((s) => [s.judge.id, s.slot]));
  const officer = await tx.findOne(CompetitionOfficial, { competition, duty: OfficialDuty.ENCRYPTION_OFFICER, removedAt: null }, { fields: ['user'] });
  for (const [i, id] of judgeIds.entries()) {
    const at = [...field, String(i)];
    const user = users.find((u) => u.id === id);
    if (!user) {
      problems.push({ code: UserErrorCode.NOT_FOUND, message: m('userNotFound'), field: at });
      continue;
    }
    if (!user.roles.includes(Role.JUDGE) || user.disabled) {
      problems.push({ code: UserErrorCode.NOT_ELIGIBLE, message: m(user.disabled ? 'disabledJudge' : 'notAJudge', { name: user.displayName }), field: at });
    }
    if (markers.has(id)) {
      problems.push({ code: UserErrorCode.CONFLICT_OF_INTEREST, message: m('gaveContestedMark', { name: user.displayName }), field: at });
    }
    if (id === arbitratorId || id === officer?.user.id) {
      problems.push({ code: UserErrorCode.CONFLICT_OF_INTEREST, message: m('arbitratorOrOfficer', { name: user.displayName }), field: at });
    }
    const enterprise = await enterpriseOfUser(tx, id);
    if (enterprise && entrantEnterprises.has(enterprise)) {
      problems.push({ code: UserErrorCode.CONFLICT_OF_INTEREST, message: m('remarkerSameEnterprise', { name: user.displayName }), field: at });
    }
  }
  if (problems.length) throw new DomainError(problems);
}
