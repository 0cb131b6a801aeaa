import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, domainError, forbidden, notFound, UserErrorCode } from '../../common/errors.js';
import { labelOf } from '../../common/enum-labels.js';
import { bilingual } from '../../common/i18n.js';
import type { Viewer } from '../../context.js';
import { User } from '../../auth/user.entity.js';
import { isOwner } from '../../competitions/access.js';
import { CompetitionStatus as S, CriterionKind, EntryStatus, MarkSource } from '../../competitions/enums.js';
import { markAbsentFromSource } from '../../competitions/entries/entry.service.js';
import { submitSourcedMark } from '../../competitions/judging/sourced-mark.js';
import { lockCompetition } from '../../competitions/setup/competition.service.js';
import { Competition } from '../../competitions/setup/competition.entity.js';
import { Criterion } from '../../competitions/setup/criterion.entity.js';
import { Stage } from '../../competitions/setup/stage.entity.js';
import { runsDrill } from '../access.js';
import { AttemptStatus, DrillPhase, DrillStatus } from '../enums.js';
import { Drill, drillPhase } from '../setup/drill.entity.js';
import { entryValue, type CountedAttempt } from './scale.js';
import { StageDrill, type FillCounts } from './stage-drill.entity.js';
import { m } from './messages.js';

/** While these hold, a drill may be linked to a stage (a started competition too: its theory paper may be set late). */
const LINKABLE: readonly S[] = [S.DRAFT, S.REGISTRATION_OPEN, S.REGISTRATION_CLOSED, S.IN_PROGRESS];

/** The competition's organizer (or an ADMIN) who also runs the drill (its organizer or an ADMIN); FORBIDDEN otherwise. */
function assertMayLink(viewer: Viewer, competition: Competition, drill: Drill): void {
  if (!isOwner(viewer, competition)) throw forbidden(m('notCompetitionOwner'));
  if (!runsDrill(viewer, drill)) throw forbidden(m('notDrillRunner'));
}

async function stageAndCompetition(tx: EntityManager, stageId: string): Promise<{ stage: Stage; competition: Competition }> {
  const found = await tx.findOne(Stage, { id: stageId });
  if (!found) throw notFound('Stage', ['input', 'stageId']);
  // The competition's lock: links, fills and the competition's own moves serialize on it.
  const competition = await lockCompetition(tx, found.competition.id, ['input', 'stageId']);
  return { stage: found, competition };
}

/** linkStageToDrill: the stage's one MEASUREMENT criterion will be filled from the drill. Again with the same drill: returns the link. */
export async function linkStage(em: EntityManager, viewer: Viewer, stageId: string, drillId: string): Promise<StageDrill> {
  return em.transactional(async (tx) => {
    const { stage, competition } = await stageAndCompetition(tx, stageId);
    // Held (FOR SHARE) until the link commits: cancelDrill locks the row and refuses a linked drill, so it waits and then sees the link.
    const drill = await tx.findOne(Drill, { id: drillId }, { lockMode: LockMode.PESSIMISTIC_READ });
    if (!drill) throw notFound('Drill', ['input', 'drillId']);
    assertMayLink(viewer, competition, drill);
    const existing = await tx.findOne(StageDrill, { stage: stage.id });
    if (existing) {
      if (existing.drill.id === drill.id) return existing;
      const linked = await tx.findOneOrFail(Drill, { id: existing.drill.id });
      throw domainError(UserErrorCode.ALREADY_EXISTS, m('stageLinked', { title: linked.title }), ['input', 'stageId']);
    }
    if (!LINKABLE.includes(competition.status)) {
      throw domainError(UserErrorCode.INVALID_STATE, m('linkWhen', { status: labelOf('CompetitionStatus', competition.status) }), ['input', 'stageId']);
    }
    const criteria = await tx.find(Criterion, { stage: stage.id });
    if (criteria.length !== 1) throw domainError(UserErrorCode.INVALID_STATE, m('oneCriterion', { n: criteria.length }), ['input', 'stageId']);
    const criterion = criteria[0]!;
    if (criterion.kind !== CriterionKind.MEASUREMENT) throw domainError(UserErrorCode.INVALID_STATE, m('measurementOnly', { name: criterion.name }), ['input', 'stageId']);
    if (drill.status === DrillStatus.CANCELLED) throw domainError(UserErrorCode.INVALID_STATE, m('drillCancelled', { title: drill.title }), ['input', 'drillId']);
    const [marked] = await tx.execute<unknown[]>(`select 1 from score where criterion_id = ? limit 1`, [criterion.id]);
    if (marked) throw domainError(UserErrorCode.INVALID_STATE, m('stageHasMarks'), ['input', 'stageId']);
    const link = tx.create(StageDrill, {
      competition, stage, criterion, drill, linkedBy: tx.getReference(User, viewer.id), linkedAt: new Date(),
    } as never);
    await tx.flush();
    return link;
  });
}

/** unlinkStageFromDrill: only while no mark (nor absence) came from the drill. Returns the stage. */
export async function unlinkStage(em: EntityManager, viewer: Viewer, stageId: string): Promise<Stage> {
  return em.transactional(async (tx) => {
    const { stage, competition } = await stageAndCompetition(tx, stageId);
    const link = await tx.findOne(StageDrill, { stage: stage.id });
    if (!isOwner(viewer, competition)) throw forbidden(m('notCompetitionOwner'));
    if (!link) throw domainError(UserErrorCode.NOT_FOUND, m('notLinked'), ['input', 'stageId']);
    const drill = await tx.findOneOrFail(Drill, { id: link.drill.id });
    assertMayLink(viewer, competition, drill);
    const [fromDrill] = await tx.execute<unknown[]>(`select 1 from score where criterion_id = ? and source = ? limit 1`, [link.criterion.id, MarkSource.DRILL]);
    if (fromDrill || link.filledAt) throw domainError(UserErrorCode.INVALID_STATE, m('marksFromDrill'), ['input', 'stageId']);
    tx.remove(link);
    await tx.flush();
    return stage;
  });
}

export interface SkippedEntry { entryId: string; reason: string }
export interface FillOutcome { link: StageDrill; counts: FillCounts; skipped: SkippedEntry[] }

/** Why the stage cannot be filled now, or null: the drill over, the competition IN_PROGRESS, the stage open. */
async function notFillable(em: EntityManager, drill: Drill, competition: Competition, stage: Stage): Promise<DomainError | null> {
  if (drill.status !== DrillStatus.PUBLISHED) return domainError(UserErrorCode.INVALID_STATE, m('drillNotPublished', { title: drill.title }), ['input', 'stageId']);
  const [underWay] = await em.execute<unknown[]>(`select 1 from drill_attempt where drill_id = ? and status = ? limit 1`, [drill.id, AttemptStatus.IN_PROGRESS]);
  if (drillPhase(drill, new Date()) !== DrillPhase.CLOSED || underWay) return domainError(UserErrorCode.INVALID_STATE, m('drillNotOver', { title: drill.title }), ['input', 'stageId']);
  if (competition.status !== S.IN_PROGRESS) {
    return domainError(UserErrorCode.INVALID_STATE, m('fillWhen', { status: labelOf('CompetitionStatus', competition.status) }), ['input', 'stageId']);
  }
  if (stage.markingClosedAt) return domainError(UserErrorCode.INVALID_STATE, m('stageClosed'), ['input', 'stageId']);
  return null;
}

/** The organizer's fillStageFromDrill: who may, then fill (refused with the reason when the stage cannot be filled now). */
export async function fillStageAs(em: EntityManager, viewer: Viewer, stageId: string): Promise<FillOutcome> {
  const link = await em.findOne(StageDrill, { stage: stageId });
  const competition = link ? await em.findOneOrFail(Competition, { id: link.competition.id }) : null;
  if (!link || !competition) {
    const stage = await em.findOne(Stage, { id: stageId });
    if (!stage) throw notFound('Stage', ['input', 'stageId']);
    if (!isOwner(viewer, await em.findOneOrFail(Competition, { id: stage.competition.id }))) throw forbidden(m('notCompetitionOwner'));
    throw domainError(UserErrorCode.NOT_FOUND, m('notLinked'), ['input', 'stageId']);
  }
  assertMayLink(viewer, competition, await em.findOneOrFail(Drill, { id: link.drill.id }));
  return fillStage(em, link.id, true);
}

interface EntryRow { id: string; status: EntryStatus; workers: string[] }

/**
 * Fills the stage's criterion from the drill: each ACTIVE entry's value goes through the competitions'
 * sourced mark (first mark, revision, or nothing when unchanged); an entry none of whose members
 * started becomes ABSENT. One transaction per entry, so each takes its locks as a judge's mark does.
 * `strict`: refuse (throw) when the stage cannot be filled now; otherwise answer with nothing done.
 */
export async function fillStage(em: EntityManager, linkId: string, strict: boolean): Promise<FillOutcome> {
  const read = em.fork();
  const link = await read.findOneOrFail(StageDrill, { id: linkId });
  const [drill, competition, stage, criterion] = [
    await read.findOneOrFail(Drill, { id: link.drill.id }),
    await read.findOneOrFail(Competition, { id: link.competition.id }),
    await read.findOneOrFail(Stage, { id: link.stage.id }),
    await read.findOneOrFail(Criterion, { id: link.criterion.id }),
  ];
  const counts: FillCounts = { filled: 0, revised: 0, unchanged: 0, absent: 0, skipped: 0 };
  const skipped: SkippedEntry[] = [];
  const refusal = await notFillable(read, drill, competition, stage);
  if (refusal) {
    if (strict) throw refusal;
    return { link, counts, skipped };
  }
  const pendingAtStart = link.pendingReason;
  const reason = link.refillPending && link.pendingReason
    ? `${bilingual(m, 'refillReason', { title: drill.title })}: ${link.pendingReason}`
    : bilingual(m, 'refillUpdate', { title: drill.title });
  const entries = await read.execute<EntryRow[]>(
    `select e.id, e.status, array(select m.worker_id::text from entry_member m where m.entry_id = e.id order by m.position) as workers
       from entry e where e.competition_id = ? and e.status = ? order by e.start_number nulls last, e.id`, [competition.id, EntryStatus.ACTIVE]);
  const attempts = await read.execute<(CountedAttempt & { worker_id: string })[]>(
    `select a.id, a.worker_id, a.number, a.status, a.score, a.max_score as "maxScore", a.started_at as "startedAt"
       from drill_attempt a where a.drill_id = ? and a.worker_id in (select m.worker_id from entry_member m where m.competition_id = ?)`,
    [drill.id, competition.id]);
  const byWorker = new Map<string, CountedAttempt[]>();
  for (const a of attempts) byWorker.set(a.worker_id, [...(byWorker.get(a.worker_id) ?? []), { ...a, score: a.score == null ? null : Number(a.score), maxScore: Number(a.maxScore) }]);
  const maxScore = Number(criterion.maxScore);
  for (const entry of entries) {
    const v = entryValue(entry.workers.map((w) => byWorker.get(w) ?? []), drill.counting, maxScore);
    try {
      if (v.absent) {
        await em.fork().transactional((tx) => markAbsentFromSource(tx, entry.id, bilingual(m, 'absentReason', { title: drill.title })));
        counts.absent++;
        continue;
      }
      const out = await em.fork().transactional((tx) => submitSourcedMark(tx, {
        entryId: entry.id, criterionId: criterion.id, value: v.value, source: MarkSource.DRILL, sourceId: v.sourceId, actorUserId: link.linkedBy.id, reason,
      }));
      if (out.written === 'FIRST') counts.filled++;
      else if (out.written === 'REVISION') counts.revised++;
      else counts.unchanged++;
    } catch (err) {
      // One entry's refusal (it left ACTIVE meanwhile, the stage closed) does not stop the others; it is reported.
      if (!(err instanceof DomainError)) throw err;
      counts.skipped++;
      skipped.push({ entryId: entry.id, reason: err.errors[0]?.message ?? '' });
    }
  }
  // The pending refill is done unless another re-mark arrived while we filled (its reason changed the column).
  await em.getConnection().execute(
    `update stage_drill set filled_at = coalesce(filled_at, now()), last_fill_at = now(), last_fill = ?::jsonb, version = version + 1,
       refill_pending = case when pending_reason is not distinct from ? then false else refill_pending end,
       pending_reason = case when pending_reason is not distinct from ? then null else pending_reason end
     where id = ?`, [JSON.stringify(counts), pendingAtStart, pendingAtStart, link.id]);
  const fresh = await em.fork().findOneOrFail(StageDrill, { id: link.id });
  return { link: fresh, counts, skipped };
}
