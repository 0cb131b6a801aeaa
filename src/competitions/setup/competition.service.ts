import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { domainError, DomainError, notFound, UserErrorCode, type UserErrorInit } from '../../common/errors.js';
import { InputCheck } from '../../common/validate.js';
import type { Viewer } from '../../context.js';
import { User } from '../../auth/user.entity.js';
import { Enterprise } from '../../registry/enterprise.entity.js';
import { Level, skillRank, type SkillLevel } from '../../registry/enums.js';
import { validateScheme } from '../../scoring/index.js';
import { assertOwner } from '../access.js';
import { announceChange, CompetitionChange } from '../leaderboard/announce.js';
import { Competition, PrizeTierRule } from './competition.entity.js';
import { CompetitionTransition } from './competition-transition.entity.js';
import { Criterion } from './criterion.entity.js';
import { Entry } from '../entries/entry.entity.js';
import { type AbsentRanking, Aggregation, CompetitionStatus as S, CriterionKind, EntryStatus, type CompetitionKind, type PrizeTierName } from '../enums.js';
import { JudgeAssignment } from '../judging/judge-assignment.entity.js';
import { LIFECYCLE, nextStatus, SCHEME_EDITABLE, type LifecycleAction } from './lifecycle.js';
import { Stage } from './stage.entity.js';
import { assertMarkingComplete, lockEntriesOf } from '../judging/marking-state.js';
import { invalidateSignOffs } from '../results/sign-off-state.js';
import { labelOf } from '../../common/enum-labels.js';
import { m } from './messages.js';
import { bilingual } from '../../common/i18n.js';
import { m as resultMessage } from '../results/messages.js';

export interface CompetitionData {
  title?: string | null;
  description?: string | null;
  kind?: CompetitionKind | null;
  level?: Level | null;
  trade?: string | null;
  hostEnterpriseId?: string | null;
  district?: string | null;
  registrationDeadline?: Date | null;
  startsAt?: Date | null;
  endsAt?: Date | null;
  aggregation?: Aggregation | null;
  absentRanking?: AbsentRanking | null;
  eligibility?: { trades?: string[] | null; minSkillLevel?: SkillLevel | null; maxSkillLevel?: SkillLevel | null; enterpriseIds?: string[] | null } | null;
  teamSize?: number | null;
  prizeTiers?: { prize: PrizeTierName; count?: number | null; share?: number | null }[] | null;
  honorTopN?: number | null;
  promotionTopM?: number | null;
  recheckSampleShare?: number | null;
  recheckErrorThreshold?: number | null;
  appealWindowMinutes?: number | null;
  arbitrationDeadlineMinutes?: number | null;
}

/** Fields that may still change after registration opened (they inform, they do not change the rules). */
const ANNOUNCEMENT_FIELDS = ['title', 'description', 'registrationDeadline', 'startsAt', 'endsAt'] as const;
const ANNOUNCEMENT_EDITABLE: readonly S[] = [S.DRAFT, S.REGISTRATION_OPEN, S.REGISTRATION_CLOSED];
const MAX_PLACES = 100_000;
/** Statuses in which the deadline still matters: registration has not closed. */
const DEADLINE_EXTENDABLE: readonly S[] = [S.DRAFT, S.REGISTRATION_OPEN];
/**
 * The appeal settings govern what happens after the results are out, so they may change until then
 * (a drill decides late that it takes no appeals); publishResults fixes the window.
 */
const APPEAL_FIELDS = ['appealWindowMinutes', 'arbitrationDeadlineMinutes'] as const;
const APPEAL_SETTINGS_EDITABLE: readonly S[] = [S.DRAFT, S.REGISTRATION_OPEN, S.REGISTRATION_CLOSED, S.IN_PROGRESS, S.SCORING_CLOSED];
/** A week: a longer appeal window would hold the final results hostage. */
export const MAX_APPEAL_WINDOW_MINUTES = 7 * 24 * 60;
/** Thirty days for the arbitrators to rule. */
export const MAX_ARBITRATION_DEADLINE_MINUTES = 30 * 24 * 60;

/** The registration deadline is set and has passed: no more entries (registerEntry checks it). */
export function deadlinePassed(competition: Pick<Competition, 'registrationDeadline'>, now = new Date()): boolean {
  return !!competition.registrationDeadline && competition.registrationDeadline <= now;
}

/**
 * The competition row, locked for the rest of the transaction: every write to a competition's setup
 * goes through it, so two organizers' clicks (close registration vs. register an entry) serialize.
 */
export async function lockCompetition(em: EntityManager, id: string, field: string[] = ['input', 'competitionId']): Promise<Competition> {
  // refresh: the fork may already hold this competition from an earlier read; under the lock we need
  // the committed row (its leaderboard version moves with every mark).
  const competition = await em.findOne(Competition, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  if (!competition) throw notFound('Competition', field);
  return competition;
}

/**
 * A reason: optional text, or required; trimmed, at most 1000 characters; null when empty.
 * `what` completes "A reason is required to …" and must already be in the reader's language: pass a
 * phrase from your module's messages (e.g. entries' m('toWithdraw') = 退赛 / withdraw an entry).
 */
export function cleanReason(reason: string | null | undefined, required: boolean, what: string): string | null {
  const check = new InputCheck();
  const text = check.text('reason', reason, { max: 1000, optional: !required });
  if (required && !check.ok) check.problems[0]!.message = m('reasonRequired', { what });
  check.throwIfAny();
  return text || null;
}

/**
 * Applies a lifecycle move inside the caller's transaction: checks the state machine, sets the status,
 * bumps the leaderboard version (a status change changes what boards show), records who/when/why and
 * notifies subscribers on commit. Used by every lifecycle mutation, finalizeCompetition included.
 */
export async function recordTransition(
  em: EntityManager,
  competition: Competition,
  action: LifecycleAction,
  viewer: Viewer,
  reason: string | null,
): Promise<CompetitionTransition> {
  const move = nextStatus(competition.status, action);
  if (!move.ok) throw domainError(UserErrorCode.INVALID_STATE, move.message, ['input', 'competitionId']);
  if (LIFECYCLE[action].needsReason && !reason?.trim()) {
    throw domainError(UserErrorCode.INVALID_INPUT, m('reasonRequired', { what: m(action) }), ['input', 'reason']);
  }
  const from = competition.status;
  competition.status = move.to;
  const transition = em.create(CompetitionTransition, {
    competition, from, to: move.to, by: em.getReference(User, viewer.id), reason: reason?.trim() || null, at: new Date(),
  } as never);
  const change = move.to === S.RESULTS_PUBLISHED ? CompetitionChange.RESULTS_PUBLISHED : CompetitionChange.STATUS_CHANGED;
  await announceChange(em, competition, change);
  await em.flush();
  return transition;
}

export class CompetitionService {
  constructor(private readonly em: EntityManager) {}

  async create(viewer: Viewer, data: CompetitionData): Promise<Competition> {
    const check = new InputCheck();
    const clean = cleanCompetition(check, data, null);
    check.throwIfAny();
    await this.assertEnterprisesExist(data);
    const competition = this.em.create(Competition, { ...clean, owner: this.em.getReference(User, viewer.id) } as never);
    await this.em.flush();
    return competition;
  }

  async update(viewer: Viewer, id: string, data: CompetitionData): Promise<Competition> {
    return this.em.transactional(async (tx) => {
      const competition = await lockCompetition(tx, id);
      assertOwner(viewer, competition);
      const given = (Object.keys(data) as (keyof CompetitionData)[]).filter((k) => data[k] != null && (k as string) !== 'competitionId');
      const appealOnly = given.length > 0 && given.every((k) => (APPEAL_FIELDS as readonly string[]).includes(k));
      if (!(appealOnly ? APPEAL_SETTINGS_EDITABLE : ANNOUNCEMENT_EDITABLE).includes(competition.status)) {
        throw domainError(UserErrorCode.INVALID_STATE, m('cannotChange', { status: labelOf('CompetitionStatus', competition.status) }));
      }
      if (!SCHEME_EDITABLE.includes(competition.status)) {
        const rules = given.filter((k) => ![...ANNOUNCEMENT_FIELDS, ...APPEAL_FIELDS].includes(k as never));
        if (rules.length) {
          throw new DomainError(rules.map((k) => ({
            code: UserErrorCode.INVALID_STATE,
            message: m('onlyInDraft', { field: k, status: labelOf('CompetitionStatus', competition.status) }),
            field: ['input', k],
          })));
        }
      }
      if (data.registrationDeadline != null && deadlinePassed(competition)) {
        throw domainError(
          UserErrorCode.INVALID_STATE,
          m('deadlinePassed'),
          ['input', 'registrationDeadline'],
        );
      }
      const check = new InputCheck();
      const clean = cleanCompetition(check, data, competition);
      check.throwIfAny();
      await this.assertEnterprisesExist(data);
      tx.assign(competition, clean as never);
      await tx.flush();
      return competition;
    });
  }

  /**
   * Moves the registration deadline (also one that has passed, which reopens registering) with a
   * required reason, recorded in the competition's history as a move from its status to itself.
   */
  async extendRegistrationDeadline(viewer: Viewer, id: string, deadline: Date, reasonRaw: string | null | undefined): Promise<Competition> {
    return this.em.transactional(async (tx) => {
      const competition = await lockCompetition(tx, id);
      assertOwner(viewer, competition);
      const reason = cleanReason(reasonRaw, true, m('extendDeadline'))!;
      if (!DEADLINE_EXTENDABLE.includes(competition.status)) {
        throw domainError(UserErrorCode.INVALID_STATE, m('deadlineFrozen', { status: labelOf('CompetitionStatus', competition.status) }), ['input', 'competitionId']);
      }
      const check = new InputCheck();
      const at = check.date('registrationDeadline', deadline);
      if (check.ok) {
        const field = 'registrationDeadline';
        if (at <= new Date()) check.fail(field, m('deadlineInFuture'));
        else if (competition.registrationDeadline && at <= competition.registrationDeadline) check.fail(field, m('deadlineLater'));
        else if (competition.startsAt && at > competition.startsAt) check.fail(field, m('deadlineBeforeStart'));
      }
      check.throwIfAny();
      const from = competition.registrationDeadline;
      const note = `Registration deadline moved from ${from ? from.toISOString() : 'none'} to ${at.toISOString()}: ${reason}`;
      tx.create(CompetitionTransition, {
        competition, from: competition.status, to: competition.status, by: tx.getReference(User, viewer.id), reason: note.slice(0, 1000), at: new Date(),
      } as never);
      competition.registrationDeadline = at;
      await tx.flush();
      return competition;
    });
  }

  /** Host and eligible enterprises must exist: a typo'd ID would silently shut everyone out. */
  private async assertEnterprisesExist(data: CompetitionData): Promise<void> {
    const problems: UserErrorInit[] = [];
    const ids = [...(data.hostEnterpriseId ? [data.hostEnterpriseId] : []), ...(data.eligibility?.enterpriseIds ?? [])];
    if (!ids.length) return;
    const found = new Set((await this.em.find(Enterprise, { id: { $in: ids } }, { fields: ['id'] })).map((e) => e.id));
    if (data.hostEnterpriseId && !found.has(data.hostEnterpriseId)) {
      problems.push({ code: UserErrorCode.NOT_FOUND, message: m('enterpriseNotFound'), field: ['input', 'hostEnterpriseId'] });
    }
    (data.eligibility?.enterpriseIds ?? []).forEach((eid, i) => {
      if (!found.has(eid)) problems.push({ code: UserErrorCode.NOT_FOUND, message: m('enterpriseNotFound'), field: ['input', 'eligibility', 'enterpriseIds', String(i)] });
    });
    if (problems.length) throw new DomainError(problems);
  }

  /** A lifecycle mutation: readiness checks for the move, then the move itself, in one transaction. */
  async transition(viewer: Viewer, id: string, action: LifecycleAction, reasonRaw: string | null | undefined): Promise<Competition> {
    return this.em.transactional(async (tx) => {
      // Closing checks every mark: marks in flight land first, none after (see lockEntriesOf).
      if (action === 'closeScoring') await lockEntriesOf(tx, id);
      const competition = await lockCompetition(tx, id);
      // Who first: a stranger learns nothing from our input checks.
      assertOwner(viewer, competition);
      const reason = cleanReason(reasonRaw, LIFECYCLE[action].needsReason, m(action));
      const move = nextStatus(competition.status, action);
      if (!move.ok) throw domainError(UserErrorCode.INVALID_STATE, move.message, ['input', 'competitionId']);
      if (action === 'openRegistration') await this.assertSchemeValid(tx, competition);
      if (action === 'startCompetition') await this.assertReadyToStart(tx, competition);
      if (action === 'closeScoring') {
        // Issue 12 §3: no silent end of marking with marks missing, unless the chief judge accepted the gap.
        await assertMarkingComplete(tx, competition, null, 'closeScoring');
        await tx.nativeUpdate(Stage, { competition, markingClosedAt: null }, { markingClosedAt: new Date() });
      }
      if (action === 'reopenScoring') {
        await tx.nativeUpdate(Stage, { competition }, { markingClosedAt: null });
        await invalidateSignOffs(tx, competition.id, null, `${bilingual(resultMessage, 'signOffReopened')}: ${reason}`);
      }
      await recordTransition(tx, competition, action, viewer, reason);
      return competition;
    });
  }

  /** The scoring engine's own check, each problem a userError, stage and criterion ids replaced by names. */
  private async assertSchemeValid(em: EntityManager, competition: Competition): Promise<void> {
    const stages = await em.find(Stage, { competition }, { orderBy: { position: 'asc' } });
    const criteria = await em.find(Criterion, { competition }, { orderBy: { position: 'asc' } });
    const problems = validateScheme({
      aggregation: competition.aggregation,
      stages: stages.map((s) => ({
        id: s.id,
        weight: s.weight,
        criteria: criteria.filter((c) => c.stage.id === s.id).map((c) => ({ id: c.id, kind: c.kind, maxScore: c.maxScore })),
      })),
    });
    if (!problems.length) return;
    const names = new Map<string, string>([...stages.map((s) => [s.id, `“${s.name}”`] as const), ...criteria.map((c) => [c.id, `“${c.name}”`] as const)]);
    const named = (m: string) => m.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, (id) => names.get(id) ?? id);
    throw new DomainError(problems.map((p) => ({
      code: UserErrorCode.INVALID_STATE,
      message: m('schemeNotReady', { problem: named(p.message) }),
      field: ['input', 'competitionId'],
    })));
  }

  private async assertReadyToStart(em: EntityManager, competition: Competition): Promise<void> {
    const problems: string[] = [];
    if (!competition.drawnAt) problems.push(m('lotsNotDrawn'));
    if (!(await em.count(Entry, { competition, status: EntryStatus.ACTIVE }))) problems.push(m('noActiveEntry'));
    const stages = await em.find(Stage, { competition }, { orderBy: { position: 'asc' } });
    const judging = new Set((await em.find(Criterion, { competition, kind: CriterionKind.JUDGEMENT }, { fields: ['stage'] })).map((c) => c.stage.id));
    const panel = await em.find(JudgeAssignment, { competition, removedAt: null });
    for (const stage of stages) {
      const judges = panel.filter((a) => a.stageIds.includes(stage.id)).length;
      if (judges === 0) problems.push(m('stageWithoutJudge', { stage: stage.name }));
      else if (competition.aggregation === Aggregation.TRIMMED_MEAN && judging.has(stage.id) && judges < 3) {
        problems.push(m('tooFewJudges', { stage: stage.name, judges }));
      }
    }
    if (problems.length) {
      throw new DomainError(problems.map((p) => ({ code: UserErrorCode.INVALID_STATE, message: m('cannotStart', { problem: p }), field: ['input', 'competitionId'] })));
    }
  }
}

/** Validates the fields present (all required ones unless `existing` is given), merged with `existing` for cross-field rules. */
function cleanCompetition(check: InputCheck, data: CompetitionData, existing: Competition | null): Record<string, unknown> {
  const out: Record<string, unknown> & Partial<Omit<Competition, 'hostEnterprise'>> = {};
  const has = (v: unknown) => !existing || v != null;
  if (has(data.title)) out.title = check.name('title', data.title, { max: 200 });
  if (data.description != null) out.description = check.text('description', data.description, { max: 10_000, optional: true });
  if (has(data.trade)) out.trade = check.text('trade', data.trade, { max: 100 });
  if (data.kind != null) out.kind = data.kind;
  else if (!existing) check.fail('kind', m('kindRequired'));
  if (data.level != null) out.level = data.level;
  else if (!existing) check.fail('level', m('levelRequired'));
  if (data.aggregation != null) out.aggregation = data.aggregation;
  if (data.absentRanking != null) out.absentRanking = data.absentRanking;
  if (data.hostEnterpriseId) out.hostEnterprise = data.hostEnterpriseId;
  if (data.district != null) out.district = check.text('district', data.district, { max: 100 });
  // The level sets whose workers a participation rate counts (stats.service.ts): it needs its scope.
  const level = out.level ?? existing?.level;
  if (level === Level.ENTERPRISE && !data.hostEnterpriseId && !existing?.hostEnterprise) {
    check.fail('hostEnterpriseId', m('hostRequired'));
  }
  if (level === Level.DISTRICT && data.district == null && !existing?.district) check.fail('district', m('districtRequired'));
  if (has(data.startsAt)) out.startsAt = check.date('startsAt', data.startsAt);
  if (has(data.endsAt)) out.endsAt = check.date('endsAt', data.endsAt);
  if (data.registrationDeadline != null) {
    // A deadline already passed would open a registration nobody can use (and entries used to slip past it).
    const at = (out.registrationDeadline = check.date('registrationDeadline', data.registrationDeadline));
    if (at <= new Date()) check.fail('registrationDeadline', m('deadlineInFuture'));
  }
  const startsAt = out.startsAt ?? existing?.startsAt ?? null;
  const endsAt = out.endsAt ?? existing?.endsAt ?? null;
  const deadline = out.registrationDeadline ?? existing?.registrationDeadline ?? null;
  if (startsAt && endsAt && endsAt < startsAt) check.fail('endsAt', m('endsBeforeStarts'));
  if (deadline && startsAt && deadline > startsAt) check.fail('registrationDeadline', m('deadlineBeforeStart'));
  if (data.teamSize != null || !existing) out.teamSize = check.int('teamSize', data.teamSize ?? 1, 1, 10);
  if (data.honorTopN != null) out.honorTopN = check.int('honorTopN', data.honorTopN, 0, MAX_PLACES);
  if (data.promotionTopM != null) out.promotionTopM = check.int('promotionTopM', data.promotionTopM, 0, MAX_PLACES);
  if (data.recheckSampleShare != null) out.recheckSampleShare = checkShare(check, 'recheckSampleShare', data.recheckSampleShare, false);
  if (data.recheckErrorThreshold != null) out.recheckErrorThreshold = checkShare(check, 'recheckErrorThreshold', data.recheckErrorThreshold, true);
  if (data.appealWindowMinutes != null) out.appealWindowMinutes = check.int('appealWindowMinutes', data.appealWindowMinutes, 0, MAX_APPEAL_WINDOW_MINUTES);
  if (data.arbitrationDeadlineMinutes != null) {
    out.arbitrationDeadlineMinutes = check.int('arbitrationDeadlineMinutes', data.arbitrationDeadlineMinutes, 1, MAX_ARBITRATION_DEADLINE_MINUTES);
  }
  if (data.eligibility != null) Object.assign(out, cleanEligibility(check, data.eligibility));
  if (data.prizeTiers != null) out.prizeTiers = cleanPrizeTiers(check, data.prizeTiers);
  return out;
}

/** A re-check share or threshold: four decimals at most (as stored); a share in (0, 1], a threshold in [0, 1). */
function checkShare(check: InputCheck, field: string, value: number, threshold: boolean): number {
  const inRange = threshold ? value >= 0 && value < 1 : value > 0 && value <= 1;
  if (!Number.isFinite(value) || !inRange) {
    check.fail(field, m(threshold ? 'thresholdRange' : 'shareRange', { field }));
  } else if (Math.abs(Math.round(value * 10_000) - value * 10_000) > 1e-6) {
    check.fail(field, m('fourDecimals', { field }));
  }
  return value;
}

const MAX_SKILL_FIELD = ['eligibility', 'maxSkillLevel'];

function cleanEligibility(check: InputCheck, e: NonNullable<CompetitionData['eligibility']>): Partial<Competition> {
  const trades = [...new Set((e.trades ?? []).map((t, i) => {
    const trade = (t ?? '').trim();
    const at = ['eligibility', 'trades', String(i)];
    if (!trade || trade.length > 100) check.fail(at, m('tradeLength'));
    return trade;
  }))];
  if (e.minSkillLevel && e.maxSkillLevel && skillRank(e.minSkillLevel) > skillRank(e.maxSkillLevel)) {
    check.fail(MAX_SKILL_FIELD, m('skillRange', { max: labelOf('SkillLevel', e.maxSkillLevel), min: labelOf('SkillLevel', e.minSkillLevel) }));
  }
  return {
    eligibleTrades: trades,
    minSkillLevel: e.minSkillLevel ?? null,
    maxSkillLevel: e.maxSkillLevel ?? null,
    eligibleEnterpriseIds: [...new Set(e.enterpriseIds ?? [])],
  };
}

function cleanPrizeTiers(check: InputCheck, tiers: NonNullable<CompetitionData['prizeTiers']>): PrizeTierRule[] {
  const seen = new Set<string>();
  let shares = 0;
  const out = tiers.map((t, i) => {
    const field = ['prizeTiers', String(i)];
    const prize = labelOf('PrizeTierName', t.prize);
    const at = (name: string) => [...field, name];
    if (seen.has(t.prize)) check.fail(at('prize'), m('prizeTwice', { prize }));
    seen.add(t.prize);
    const rule = Object.assign(new PrizeTierRule(), { tier: t.prize });
    if ((t.count == null) === (t.share == null)) {
      check.fail(field, m('prizeCountOrShare', { prize }));
    } else if (t.count != null) {
      if (!Number.isInteger(t.count) || t.count < 1 || t.count > MAX_PLACES) check.fail(at('count'), m('placesRange', { max: MAX_PLACES }));
      rule.count = t.count;
    } else {
      const share = t.share!;
      if (!(share > 0 && share <= 1)) check.fail(at('share'), m('prizeShareRange'));
      else shares += share;
      rule.share = share;
    }
    return rule;
  });
  // Compared with a hair of tolerance: 0.1 + 0.2 + 0.7 is 1.0000000000000002 in binary floating point.
  if (shares > 1 + 1e-9) check.fail('prizeTiers', m('sharesOverOne', { sum: Math.round(shares * 1e6) / 1e6 }));
  return out;
}
