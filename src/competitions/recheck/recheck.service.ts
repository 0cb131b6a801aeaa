import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomBytes } from 'node:crypto';
import { domainError, forbidden, notFound, UserErrorCode } from '../../common/errors.js';
import { InputCheck } from '../../common/validate.js';
import type { Viewer } from '../../context.js';
import { User } from '../../auth/user.entity.js';
import { assertOwner } from '../access.js';
import { CompetitionStatus, MarkSource, OfficialDuty, RevisionReasonKind } from '../enums.js';
import { fromDrill } from '../judging/score-correction.service.js';
import type { Competition } from '../setup/competition.entity.js';
import { lockCompetition } from '../setup/competition.service.js';
import { Criterion } from '../setup/criterion.entity.js';
import { JudgeAssignment } from '../judging/judge-assignment.entity.js';
import { Score } from '../judging/score.entity.js';
import { ScoreRevision } from '../judging/score-revision.entity.js';
import { recomputeEntryResult } from '../judging/marking-state.js';
import { raiseLeaderboardVersion } from '../leaderboard/board-version.js';
import { buildBoard } from '../leaderboard/leaderboard.service.js';
import { dutiesOf } from '../officials/official.service.js';
import { toPrizeTiers } from '../results/finalize.service.js';
import { invalidateSignOffs } from '../results/sign-off-state.js';
import { checkValue } from '../judging/score.service.js';
import { drawRecheck } from './draw.js';
import { exceedsThreshold } from './figures.js';
import { RecheckItem, RecheckItemStatus, RecheckSample } from './recheck.entity.js';
import { m } from './messages.js';
import { labelOf } from '../../common/enum-labels.js';
import { bilingual } from '../../common/i18n.js';
import { m as resultMessage } from '../results/messages.js';

/**
 * Re-check sampling (复核, issue 12 §6). After scoring closes the competition's organizer draws the
 * sample (the jury whose marks are checked does not pick them); the competition's arbitrators who
 * never sat on the stage's panel confirm or correct each sampled mark against the paper score sheets.
 * Every write takes the competition's row lock first, so draws, checks and the full re-check a check
 * may trigger are serialized per competition.
 */

/** A check, and the draw, happen between the close of scoring and publication. */
const RECHECK_STATUS = CompetitionStatus.SCORING_CLOSED;

function assertRecheckOpen(competition: Competition): void {
  if (competition.status !== RECHECK_STATUS) {
    throw domainError(UserErrorCode.INVALID_STATE, m('notOpen', { status: labelOf('CompetitionStatus', competition.status) }), ['input', 'competitionId']);
  }
}

export class RecheckService {
  constructor(private readonly em: EntityManager) {}

  /**
   * Draws the sample once: a retry (no seed, or the same seed) returns it; another seed is refused.
   * The draw voids the sign-offs of the stages it samples: they are signed again once re-checked.
   */
  async draw(viewer: Viewer, competitionId: string, seedInput: string | null | undefined): Promise<RecheckSample> {
    return this.em.transactional(async (tx) => {
      const competition = await lockCompetition(tx, competitionId);
      assertOwner(viewer, competition);
      const check = new InputCheck();
      const given = seedInput != null ? check.text('seed', seedInput, { max: 100 }) : null;
      check.throwIfAny();
      const existing = await tx.findOne(RecheckSample, { competition });
      if (existing) {
        if (given !== null && given !== existing.seed) {
          throw domainError(UserErrorCode.ALREADY_EXISTS, m('alreadyDrawn'), ['input', 'seed']);
        }
        return existing;
      }
      assertRecheckOpen(competition);
      const seed = given ?? randomBytes(16).toString('hex');
      const board = await buildBoard(tx, competition);
      const drawn = drawRecheck(board.rows, toPrizeTiers(competition.prizeTiers), Number(competition.recheckSampleShare), seed);
      const sample = tx.create(RecheckSample, {
        competition, seed, drawnBy: tx.getReference(User, viewer.id), drawnAt: new Date(),
        sampleShare: competition.recheckSampleShare, errorThreshold: competition.recheckErrorThreshold,
        topEntryIds: drawn.topEntryIds, drawnEntryIds: drawn.drawnEntryIds, othersCount: drawn.othersCount, fullRecheckStageIds: [],
      } as never);
      const entryIds = [...drawn.topEntryIds, ...drawn.drawnEntryIds];
      const marks = await marksOf(tx, competition.id, { entryIds });
      marks.forEach((m, position) => addItem(tx, sample, m, position, false));
      await tx.flush();
      const stageIds = [...new Set(marks.map((m) => m.stage_id))];
      if (stageIds.length) await invalidateSignOffs(tx, competition.id, stageIds, bilingual(resultMessage, 'signOffRecheckDrawn'));
      return sample;
    });
  }

  /** The recorded mark matches the paper sheet. Confirming a confirmed item again returns it. */
  async confirm(viewer: Viewer, itemId: string): Promise<RecheckItem> {
    return this.em.transactional(async (tx) => {
      const { item, competition } = await this.lockItem(tx, viewer, itemId);
      if (item.status === RecheckItemStatus.CONFIRMED) return item;
      if (item.status !== RecheckItemStatus.PENDING) throw alreadyChecked();
      item.status = RecheckItemStatus.CONFIRMED;
      item.checkedBy = ref(tx.getReference(User, viewer.id));
      item.checkedAt = new Date();
      await tx.flush();
      await requireFullRecheckIfDue(tx, competition, item.stage.id);
      return item;
    });
  }

  /**
   * The recorded mark is wrong: it takes the right value, the old one stays as a revision of reason
   * kind RECHECK (by the re-checker, with the reason), the entry's result is recomputed, the boards
   * hear of it and the stage's sign-off is void.
   */
  async correct(viewer: Viewer, itemId: string, value: number, reasonInput: string): Promise<RecheckItem> {
    return this.em.transactional(async (tx) => {
      const { item, competition } = await this.lockItem(tx, viewer, itemId);
      const score = await tx.findOneOrFail(Score, { id: item.score.id }, { refresh: true });
      if (item.status === RecheckItemStatus.CORRECTED && Number(score.value) === value) return item; // a retry
      if (item.status !== RecheckItemStatus.PENDING) throw alreadyChecked();
      const criterion = await tx.findOneOrFail(Criterion, { id: score.criterion.id });
      // A mark filled from an online drill has no transcription to correct: the drill re-marks it.
      if (score.source !== MarkSource.JUDGE) throw await fromDrill(tx, criterion.id);
      const check = new InputCheck();
      const max = Number(criterion.maxScore);
      if (checkValue(check, value, max) && value === Number(score.value)) {
        check.fail('value', m('sameAsRecorded'));
      }
      const reason = check.text('reason', reasonInput, { max: 1000 });
      check.throwIfAny();

      const now = new Date();
      const revision = tx.create(ScoreRevision, {
        score, competition, judge: tx.getReference(User, viewer.id), oldValue: Number(score.value), newValue: value,
        reason, reasonKind: RevisionReasonKind.RECHECK, at: now,
      } as never);
      score.value = value;
      score.updatedAt = now;
      item.status = RecheckItemStatus.CORRECTED;
      item.checkedBy = ref(tx.getReference(User, viewer.id));
      item.checkedAt = now;
      item.revision = ref(revision);
      await tx.flush();
      await recomputeEntryResult(tx, competition, item.entry.id);
      await invalidateSignOffs(tx, competition.id, [item.stage.id], bilingual(resultMessage, 'signOffRecheckCorrected'));
      await raiseLeaderboardVersion(tx, competition, { kind: 'score', competitionId: competition.id, scoreId: score.id, entryId: item.entry.id, revision: true });
      await tx.flush();
      await requireFullRecheckIfDue(tx, competition, item.stage.id);
      return item;
    });
  }

  /**
   * The item under the competition's lock, once the viewer is known to be a re-checker of its stage:
   * an arbitrator of the competition who is not, and never was, on that stage's panel.
   */
  private async lockItem(tx: EntityManager, viewer: Viewer, itemId: string): Promise<{ item: RecheckItem; competition: Competition }> {
    const found = await tx.findOne(RecheckItem, { id: itemId }, { fields: ['competition'] });
    if (!found) throw notFound('RecheckItem', ['input', 'itemId']);
    const competition = await lockCompetition(tx, found.competition.id);
    const item = await tx.findOneOrFail(RecheckItem, { id: itemId }, { refresh: true });
    if (!(await dutiesOf(tx, competition.id, viewer.id)).includes(OfficialDuty.ARBITRATOR)) {
      throw forbidden(m('onlyArbitrators'));
    }
    const seats = await tx.find(JudgeAssignment, { competition, user: viewer.id }, { fields: ['stageIds'] });
    if (seats.some((s) => s.stageIds.includes(item.stage.id))) {
      throw forbidden(m('judgeOfStage'));
    }
    assertRecheckOpen(competition);
    return { item, competition };
  }
}

const alreadyChecked = () => domainError(UserErrorCode.INVALID_STATE, m('alreadyChecked'), ['input', 'itemId']);

interface MarkRow {
  id: string;
  entry_id: string;
  stage_id: string;
  value: string;
}

/**
 * Recorded marks in listing order: the given entries in their order (else every ACTIVE entry's, by
 * start number), then by stage and criterion position and the judge's slot.
 */
async function marksOf(tx: EntityManager, competitionId: string, scope: { entryIds: string[] } | { stageId: string }): Promise<MarkRow[]> {
  if ('entryIds' in scope) {
    if (!scope.entryIds.length) return [];
    return tx.execute<MarkRow[]>(
      `select s.id, s.entry_id, c.stage_id, s.value from score s join criterion c on c.id = s.criterion_id join stage st on st.id = c.stage_id
        where s.competition_id = ? and s.entry_id = any(array[?]::uuid[])
        order by array_position(array[?]::uuid[], s.entry_id), st.position, c.position, s.slot`,
      [competitionId, scope.entryIds, scope.entryIds],
    );
  }
  return tx.execute<MarkRow[]>(
    `select s.id, s.entry_id, c.stage_id, s.value from score s join criterion c on c.id = s.criterion_id join entry e on e.id = s.entry_id
      where s.competition_id = ? and c.stage_id = ? and e.status = 'ACTIVE'
      order by e.start_number nulls last, e.id, c.position, s.slot`,
    [competitionId, scope.stageId],
  );
}

function addItem(tx: EntityManager, sample: RecheckSample, m: MarkRow, position: number, full: boolean): void {
  tx.create(RecheckItem, {
    sample, competition: sample.competition, stage: m.stage_id, entry: m.entry_id, score: m.id, position, full, recordedValue: Number(m.value),
  } as never);
}

/**
 * Once every sampled mark of a stage is checked and the stage's error rate exceeds the sample's
 * threshold, every other mark of the stage's ACTIVE entries becomes an item (full), once.
 */
async function requireFullRecheckIfDue(tx: EntityManager, competition: Competition, stageId: string): Promise<void> {
  const sample = await tx.findOneOrFail(RecheckSample, { competition }, { refresh: true });
  if (sample.fullRecheckStageIds.includes(stageId)) return;
  const [c] = await tx.execute<{ sampled: string; pending: string; changed: string }[]>(
    `select count(*) filter (where not "full") as sampled, count(*) filter (where not "full" and status = 'PENDING') as pending,
            count(*) filter (where not "full" and status = 'CORRECTED') as changed
       from recheck_item where sample_id = ? and stage_id = ?`,
    [sample.id, stageId],
  );
  const sampled = Number(c!.sampled);
  if (!sampled || Number(c!.pending) > 0 || !exceedsThreshold(Number(c!.changed), sampled, Number(sample.errorThreshold))) return;
  const [{ last }] = await tx.execute<{ last: number | null }[]>(`select max(position) as last from recheck_item where sample_id = ?`, [sample.id]) as [{ last: number | null }];
  const have = new Set((await tx.execute<{ score_id: string }[]>(`select score_id from recheck_item where sample_id = ? and stage_id = ?`, [sample.id, stageId])).map((r) => r.score_id));
  const rest = (await marksOf(tx, competition.id, { stageId })).filter((m) => !have.has(m.id));
  rest.forEach((m, i) => addItem(tx, sample, m, (last ?? -1) + 1 + i, true));
  sample.fullRecheckStageIds = [...sample.fullRecheckStageIds, stageId];
  await tx.flush();
}

