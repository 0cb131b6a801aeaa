import { QueryOrder, raw as raw_, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, domainError, DomainError, notFound, UserErrorCode, type UserErrorInit } from '../../common/errors.js';
import { checkPageRequest, type ConnectionShape, type PageRequest } from '../../common/relay.js';
import { rowReader } from '../../common/loaders.js';
import { InputCheck } from '../../common/validate.js';
import type { Viewer } from '../../context.js';
import { User } from '../../auth/user.entity.js';
import type { Ownership } from '../../registry/enums.js';
import { eligibilityProblems as engine, type EligibilityRule } from '../../registry/eligibility.js';
import { Worker } from '../../registry/worker.entity.js';
import { assertOwner, assertStatus } from '../access.js';
import { raiseLeaderboardVersion } from '../leaderboard/board-version.js';
import type { Competition } from '../setup/competition.entity.js';
import { cleanReason, deadlinePassed, lockCompetition } from '../setup/competition.service.js';
import { Entry } from './entry.entity.js';
import { EntryMember } from './entry-member.entity.js';
import { CompetitionStatus as S, EntryStatus } from '../enums.js';
import { drawLots } from './lots.js';
import { invalidateSignOffs } from '../results/sign-off-state.js';
import { concurrently } from '../../common/concurrently.js';
import { labelOf } from '../../common/enum-labels.js';
import { m } from './messages.js';
import { commonMessage, nameOf } from '../../common/messages.js';

/** While these hold, an entry's status is part of the live leaderboard. */
const LIVE: readonly S[] = [S.IN_PROGRESS, S.SCORING_CLOSED];
const ENTRY_CHANGEABLE: readonly S[] = [S.REGISTRATION_OPEN, S.REGISTRATION_CLOSED, S.IN_PROGRESS, S.SCORING_CLOSED];
/** An entrant can fail to show up only once the competition has started. */
const ABSENT_MARKABLE: readonly S[] = [S.IN_PROGRESS, S.SCORING_CLOSED];
const STATUS_WORDS: Record<EntryStatus, string> = {
  [EntryStatus.ACTIVE]: '恢复参赛', [EntryStatus.WITHDRAWN]: '退赛', [EntryStatus.DISQUALIFIED]: '取消资格', [EntryStatus.ABSENT]: '缺考',
};

const notEligible = (message: string, field: string[] = ['input', 'workerIds']): UserErrorInit => ({ code: UserErrorCode.NOT_ELIGIBLE, message, field });

/**
 * Every eligibility rule a worker breaks, each naming the rule: the registry's one engine, with the
 * competition's own trade when it lists no trades. The worker's enterprise must be loaded.
 */
export function eligibilityProblems(competition: Competition, worker: Worker, field: string[]): UserErrorInit[] {
  const rule: EligibilityRule = {
    trades: competition.eligibleTrades.length ? competition.eligibleTrades : [competition.trade],
    minSkillLevel: competition.minSkillLevel, maxSkillLevel: competition.maxSkillLevel,
    enterpriseIds: competition.eligibleEnterpriseIds, districts: [], ownerships: [],
  };
  const e = worker.enterprise as unknown as { id: string; district?: string; ownership?: Ownership };
  const facts = { name: worker.name, trade: worker.trade, skillLevel: worker.skillLevel ?? null, enterpriseId: e.id, district: e.district ?? '', ownership: e.ownership! };
  return engine(rule, facts, 'competition').map((p) => notEligible(p.message, field));
}

export class EntryService {
  constructor(private readonly em: EntityManager) {}

  async register(viewer: Viewer, competitionId: string, workerIds: string[], teamNameRaw: string | null | undefined): Promise<{ entry: Entry; competition: Competition }> {
    const check = new InputCheck();
    const teamName = check.name('teamName', teamNameRaw, { max: 100, optional: true }) || null;
    check.throwIfAny();
    return this.em.transactional(async (tx) => {
      const competition = await lockCompetition(tx, competitionId);
      assertOwner(viewer, competition);
      assertStatus(competition, [S.REGISTRATION_OPEN], m('registering'));
      if (deadlinePassed(competition)) {
        throw domainError(
          UserErrorCode.INVALID_STATE,
          m('deadlinePassed', { deadline: competition.registrationDeadline!.toISOString() }),
          ['input', 'competitionId'],
        );
      }
      const problems: UserErrorInit[] = [];
      if (workerIds.length !== competition.teamSize) {
        problems.push(notEligible(m('ruleTeamSize', { size: competition.teamSize, given: workerIds.length })));
      }
      if (competition.teamSize > 1 && !teamName) {
        problems.push({ code: UserErrorCode.INVALID_INPUT, message: m('teamNameRequired'), field: ['input', 'teamName'] });
      }
      const firstIndex = new Map<string, number>();
      workerIds.forEach((id, i) => {
        if (firstIndex.has(id)) problems.push(notEligible(m('ruleDuplicate', { index: i, first: firstIndex.get(id) }), ['input', 'workerIds', String(i)]));
        else firstIndex.set(id, i);
      });
      const workers = new Map((await tx.find(Worker, { id: { $in: [...firstIndex.keys()] } })).map((w) => [w.id, w]));
      const taken = new Set(
        (await tx.find(EntryMember, { competition, worker: { $in: [...firstIndex.keys()] } }, { fields: ['worker'] })).map((m) => m.worker.id),
      );
      for (const [id, i] of firstIndex) {
        const field = ['input', 'workerIds', String(i)];
        const worker = workers.get(id);
        if (!worker) {
          problems.push({ code: UserErrorCode.NOT_FOUND, message: commonMessage('notFound', { what: nameOf('Worker') }), field });
          continue;
        }
        problems.push(...eligibilityProblems(competition, worker, field));
        if (taken.has(id)) problems.push(notEligible(m('ruleOneEntry', { name: worker.name }), field));
      }
      if (problems.length) throw new DomainError(problems);
      const entry = tx.create(Entry, { competition, teamName, registeredBy: tx.getReference(User, viewer.id) } as never);
      workerIds.forEach((id, position) => {
        const worker = workers.get(id)!;
        tx.create(EntryMember, { entry, competition, worker, enterpriseId: worker.enterprise.id, position } as never);
      });
      try {
        await tx.flush();
      } catch (err) {
        // A concurrent registration of the same worker loses at the (competition, worker) unique index.
        if (err instanceof UniqueConstraintViolationException) {
          throw new DomainError(notEligible(m('ruleOneEntryRace')));
        }
        throw err;
      }
      return { entry, competition };
    });
  }

  async withdraw(viewer: Viewer, entryId: string, reason: string | null | undefined): Promise<{ entry: Entry; competition: Competition }> {
    return this.changeStatus(viewer, entryId, EntryStatus.WITHDRAWN, cleanReason(reason, false, m('toWithdraw')), m('withdrawing'));
  }

  async disqualify(viewer: Viewer, entryId: string, reason: string | null | undefined): Promise<{ entry: Entry; competition: Competition }> {
    return this.changeStatus(viewer, entryId, EntryStatus.DISQUALIFIED, cleanReason(reason, true, m('toDisqualify')), m('disqualifying'));
  }

  /** 缺考: the entrant did not show up; the entry takes and needs no marks and is ranked as the competition's absentRanking says. */
  async markAbsent(viewer: Viewer, entryId: string, reason: string | null | undefined): Promise<{ entry: Entry; competition: Competition }> {
    return this.changeStatus(viewer, entryId, EntryStatus.ABSENT, () => cleanReason(reason, true, m('toMarkAbsent')), m('markingAbsent'), ABSENT_MARKABLE);
  }

  /**
   * A withdrawn, disqualified or absent entry stays listed but leaves the ranking (or, absent, goes last):
   * boards are told when they show it, and the stages' sign-offs no longer hold (the score sheets changed).
   */
  private async changeStatus(viewer: Viewer, entryId: string, to: EntryStatus, reasonOf: string | null | (() => string | null), what: string, allowed: readonly S[] = ENTRY_CHANGEABLE) {
    return this.em.transactional(async (tx) => {
      const found = await tx.findOne(Entry, { id: entryId });
      if (!found) throw notFound('Entry', ['input', 'entryId']);
      const competition = await lockCompetition(tx, found.competition.id, ['input', 'entryId']);
      assertOwner(viewer, competition);
      // Who first, then the input: a stranger learns nothing from our checks.
      const reason = typeof reasonOf === 'function' ? reasonOf() : reasonOf;
      assertStatus(competition, allowed, what);
      const entry = await setEntryStatus(tx, competition, entryId, to, reason);
      return { entry, competition };
    });
  }

  /** Start numbers and stations for the active entries, from the seed; may be redrawn until the start. */
  async drawLots(viewer: Viewer, competitionId: string, seedRaw: string): Promise<{ competition: Competition }> {
    const check = new InputCheck();
    const seed = check.text('seed', seedRaw, { max: 100 });
    check.throwIfAny();
    return this.em.transactional(async (tx) => {
      const competition = await lockCompetition(tx, competitionId);
      assertOwner(viewer, competition);
      assertStatus(competition, [S.REGISTRATION_CLOSED], m('drawing'));
      const entries = await tx.find(Entry, { competition });
      const active = entries.filter((e) => e.status === EntryStatus.ACTIVE);
      if (!active.length) throw domainError(UserErrorCode.INVALID_STATE, m('noActiveEntry'), ['input', 'competitionId']);
      // Cleared in a flush of its own: (competition, startNumber) is unique and checked row by row, so
      // writing a redraw over the previous numbers in one statement could collide.
      for (const e of entries) Object.assign(e, { startNumber: null, station: null });
      await tx.flush();
      const byId = new Map(entries.map((e) => [e.id, e]));
      for (const lot of drawLots(active.map((e) => e.id), seed)) Object.assign(byId.get(lot.entryId)!, { startNumber: lot.startNumber, station: lot.station });
      competition.drawSeed = seed;
      competition.drawnAt = new Date();
      await tx.flush();
      return { competition };
    });
  }
}

/**
 * The status change itself, with no viewer: the competition is locked by the caller and its state
 * checked. Only an ACTIVE entry changes; the sign-offs no longer hold; the boards hear of it.
 */
async function setEntryStatus(tx: EntityManager, competition: Competition, entryId: string, to: EntryStatus, reason: string | null): Promise<Entry> {
  const entry = (await tx.findOne(Entry, { id: entryId }, { refresh: true }))!;
  if (entry.status !== EntryStatus.ACTIVE) {
    throw domainError(UserErrorCode.INVALID_STATE, m('alreadyStatus', { status: labelOf('EntryStatus', entry.status) }), ['input', 'entryId']);
  }
  entry.status = to;
  entry.statusReason = reason;
  const number = entry.startNumber ?? '—';
  await invalidateSignOffs(tx, competition.id, null, `参赛号 ${number} ${STATUS_WORDS[to]} / Entry ${number} ${to.toLowerCase()}${reason ? `: ${reason}` : ''}`);
  if (LIVE.includes(competition.status)) {
    await raiseLeaderboardVersion(tx, competition, { kind: 'leaderboard', competitionId: competition.id, entryId: entry.id });
  }
  await tx.flush();
  return entry;
}

/**
 * 缺考 without a viewer, in the caller's transaction: a source the competition reads (an online drill)
 * found that the entrant never took part. The same rules as markEntryAbsent once the caller decided
 * who may: the competition is locked here, must be where an absence can be recorded, and the entry ACTIVE.
 */
export async function markAbsentFromSource(tx: EntityManager, entryId: string, reason: string): Promise<Entry> {
  const found = await tx.findOne(Entry, { id: entryId });
  if (!found) throw notFound('Entry', ['input', 'entryId']);
  const competition = await lockCompetition(tx, found.competition.id, ['input', 'entryId']);
  assertStatus(competition, ABSENT_MARKABLE, m('markingAbsent'));
  return setEntryStatus(tx, competition, entryId, EntryStatus.ABSENT, reason.slice(0, 1000));
}

// ── Listing ────────────────────────────────────────────────────────────────────

/** Entries without a start number (before the draw) sort after the numbered ones. */
const UNNUMBERED = 2_147_483_647;
const ENTRY_KEY = `(coalesce(e.start_number, ${UNNUMBERED}), e.created_at, e.id)`;
type EntryCursor = [number, string, string];

function entryCursor(e: Entry): string {
  return Buffer.from(JSON.stringify([e.startNumber ?? UNNUMBERED, e.createdAt.toISOString(), e.id]), 'utf8').toString('base64url');
}

function readEntryCursor(value: string, name: string): EntryCursor {
  try {
    if (!/^[A-Za-z0-9_-]{1,400}$/.test(value)) throw new Error('charset');
    const v = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.length === 3 && Number.isInteger(v[0]) && typeof v[1] === 'string' && !Number.isNaN(Date.parse(v[1]))
      && typeof v[2] === 'string' && /^[0-9a-f-]{36}$/.test(v[2])) return v as EntryCursor;
  } catch {
    // falls through to the client error below
  }
  throw badInput(m('badCursor', { name }));
}

/**
 * A competition's entries in start order (start number, then registration time), keyset-paginated.
 * Not `paginate()`: start numbers are null before the draw, and a null cannot be a cursor value there.
 */
export async function listEntries(em: EntityManager, competitionId: string, status: EntryStatus | null | undefined, page: PageRequest): Promise<ConnectionShape<Entry>> {
  const { first, last } = checkPageRequest(page);
  const where = { competition: competitionId, ...(status ? { status } : {}) };
  const qb = em.createQueryBuilder(Entry, 'e').where(where);
  if (page.after != null) qb.andWhere(`${ENTRY_KEY} > (?, ?, ?)`, readEntryCursor(page.after, 'after'));
  if (page.before != null) qb.andWhere(`${ENTRY_KEY} < (?, ?, ?)`, readEntryCursor(page.before, 'before'));
  const backward = last != null;
  const size = (backward ? last : first)!;
  qb.orderBy(backward
    ? { startNumber: QueryOrder.DESC_NULLS_FIRST, createdAt: 'desc', id: 'desc' }
    : { startNumber: QueryOrder.ASC_NULLS_LAST, createdAt: 'asc', id: 'asc' });
  qb.limit(size + 1);
  // Read-only rows, not managed entities: a start list is only read (see rowReader).
  const reader = rowReader(em, Entry);
  let raw: Record<string, unknown>[];
  let totalCount: number;
  if (page.after == null && page.before == null) {
    // No cursor: the page statement sees every row of the list, so it counts them too (a window
    // count, taken before LIMIT) and no second statement is needed. An empty page means none.
    qb.select(['e.*', raw_('count(*) over () as "__total"')]);
    raw = (await qb.execute('all', false)) as Record<string, unknown>[];
    totalCount = Number(raw[0]?.__total ?? 0);
  } else {
    [raw, totalCount] = await concurrently(em, async () => (await qb.execute('all', false)) as Record<string, unknown>[], () => em.count(Entry, where));
  }
  const rows = raw.map((r) => reader.read(r));
  const more = rows.length > size;
  const items = rows.slice(0, size);
  if (backward) items.reverse();
  const edges = items.map((node) => ({ cursor: entryCursor(node), node }));
  return {
    edges,
    nodes: items,
    totalCount,
    pageInfo: {
      hasNextPage: backward ? page.before != null : more,
      hasPreviousPage: backward ? more : page.after != null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
