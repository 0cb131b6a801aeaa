import { randomInt } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { domainError, notFound, UserErrorCode } from '../../common/errors.js';
import { labelOf } from '../../common/enum-labels.js';
import { Worker } from '../../registry/worker.entity.js';
import { AttemptStatus, AttemptSubmission, DrillStatus, QuestionStatus } from '../enums.js';
import { Question } from '../bank/question.entity.js';
import { Drill } from '../setup/drill.entity.js';
import { drawPaper, type PoolQuestion } from '../setup/paper.js';
import { DrillAttempt } from './attempt.entity.js';
import type { DrillTaker } from './drill-token.js';
import { submitAndMark } from './marking.service.js';
import { m } from './messages.js';
import { DrillPass } from './pass.entity.js';
import { rowReader } from '../../common/loaders.js';
import type { PaperQuestionCache } from './question-cache.js';

/** The approved questions of the drill's trades, as drawing needs them (sorted by id inside drawPaper). */
export async function questionPool(em: EntityManager, drill: Drill): Promise<PoolQuestion[]> {
  const rows = await em.find(Question, { trade: { $in: drill.trades }, status: QuestionStatus.APPROVED }, { fields: ['topic', 'difficulty', 'type', 'options'] });
  return rows.map((q) => ({ id: q.id, topic: q.topic, difficulty: q.difficulty, type: q.type, optionKeys: q.options.map((o) => o.key) }));
}

/** A fresh paper for one attempt, from a random seed recorded with it. */
export async function drawAttempt(em: EntityManager, drill: Drill, workerId: string, number: number, pool?: PoolQuestion[]): Promise<DrillAttempt> {
  const seed = randomInt(2 ** 31);
  const drawn = drawPaper(drill.paperRule, pool ?? await questionPool(em, drill), seed);
  if ('shortfall' in drawn) {
    const what = drawn.shortfall.map((s) => `${s.topic}${s.difficulty ? `/${labelOf('QuestionDifficulty', s.difficulty)}` : ''}${s.type ? `/${labelOf('QuestionType', s.type)}` : ''} ${s.available}/${s.needed}`).join('; ');
    throw domainError(UserErrorCode.INVALID_STATE, m('shortfall', { what }));
  }
  const maxScore = drawn.items.reduce((sum, i) => sum + i.points, 0);
  return em.create(DrillAttempt, { drill: em.getReference(Drill, drill.id), worker: em.getReference(Worker, workerId), number, seed, paper: drawn.items, maxScore } as never);
}

/** Columns of the one-statement start that are not the attempt's own. */
const DRILL_ROW = '__drill';
const QUESTION_VERSIONS = '__question_versions';

/**
 * A started attempt; a pre-drawn paper's start also brings its drill and its questions read in the same
 * statement (read-only rows) and, having just left DRAWN, it has no saved answers yet.
 */
export interface StartedAttempt {
  attempt: DrillAttempt;
  drill?: Drill;
  questions?: Question[];
}

/** A taker's moves on their own attempts; every lookup is bound to the token's worker and drill. */
export class AttemptService {
  constructor(private readonly em: EntityManager, private readonly taker: DrillTaker) {}

  /**
   * Starts the next attempt, or hands back the one under way (this device takes it over). Attempts
   * allowed counts every submitted and voided one. The deadline is the earlier of now + the limit and
   * the window's close. A pre-drawn paper (DRAWN) is handed out as it is.
   */
  async start(paperQuestions: PaperQuestionCache): Promise<StartedAttempt> {
    const { drillId, workerId } = this.taker;
    const drawn = await this.startDrawn(paperQuestions);
    if (drawn) return drawn;
    const attempt = await this.em.transactional(async (tx) => {
      // One start at a time per taker: a double tap must not open two attempts.
      await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [`drill_attempt:${drillId}:${workerId}`]);
      const pass = await tx.findOne(DrillPass, { id: this.taker.passId });
      if (!pass || pass.revokedAt) throw domainError(UserErrorCode.INVALID_STATE, m('passRevoked'));
      const drill = await tx.findOne(Drill, { id: drillId });
      if (!drill || drill.status !== DrillStatus.PUBLISHED) throw domainError(UserErrorCode.INVALID_STATE, m('drillNotPublished'));
      const now = new Date();
      if (now < drill.opensAt) throw domainError(UserErrorCode.INVALID_STATE, m('drillNotOpen'));
      const attempts = await tx.find(DrillAttempt, { drill: drillId, worker: workerId }, { orderBy: { number: 'asc' } });
      const open = attempts.find((a) => a.status === AttemptStatus.IN_PROGRESS);
      // An attempt under way resumes even after the close: the organizer may have extended it past it.
      if (open && open.deadline! > now) {
        open.activeDevice = this.taker.deviceId;
        await tx.flush();
        return open;
      }
      if (now >= drill.closesAt) throw domainError(UserErrorCode.INVALID_STATE, m('drillClosed'));
      // Past its deadline and not swept yet: submit it now, as the sweeper would.
      if (open) await submitAndMark(tx, [open], AttemptSubmission.DEADLINE, now);
      const used = attempts.filter((a) => a.status === AttemptStatus.SUBMITTED || a.status === AttemptStatus.VOIDED).length;
      if (used >= drill.attemptsAllowed) throw domainError(UserErrorCode.INVALID_STATE, m('noAttemptsLeft', { allowed: drill.attemptsAllowed }));
      const attempt = attempts.find((a) => a.status === AttemptStatus.DRAWN) ?? await drawAttempt(tx, drill, workerId, attempts.length + 1);
      attempt.status = AttemptStatus.IN_PROGRESS;
      attempt.startedAt = now;
      attempt.deadline = new Date(Math.min(now.getTime() + drill.timeLimitMinutes * 60_000, drill.closesAt.getTime()));
      attempt.activeDevice = this.taker.deviceId;
      await tx.flush();
      return attempt;
    });
    return { attempt };
  }

  /**
   * The opening burst's usual case in one statement: a paper drawn ahead (DRAWN) handed out when the
   * pass is live, the drill published and open, no attempt under way and attempts left — the checks of
   * the path below, on the database's clock (as saves and the sweeper). Anything else (a resume, a
   * takeover, a fresh draw, a refusal) takes the path below; null sends it there. A double tap's second
   * update waits for the first's row lock, finds the row no longer DRAWN and goes there too (a resume).
   */
  private async startDrawn(paperQuestions: PaperQuestionCache): Promise<StartedAttempt | null> {
    const rows = await this.em.getConnection().execute<Record<string, unknown>[]>(
      `update "drill_attempt" a set "status" = ?, "started_at" = n.now, "active_device" = ?, "version" = a."version" + 1,
         "deadline" = least(n.now + make_interval(mins => d."time_limit_minutes"), d."closes_at")
       from "drill" d, (select date_trunc('milliseconds', clock_timestamp()) as now) n
       where a."id" = (select x."id" from "drill_attempt" x where x."drill_id" = ? and x."worker_id" = ? and x."status" = ? order by x."number" limit 1)
         and a."status" = ? and d."id" = a."drill_id" and d."status" = ? and d."opens_at" <= n.now and d."closes_at" > n.now
         and exists (select 1 from "drill_pass" p where p."id" = ? and p."revoked_at" is null)
         and not exists (select 1 from "drill_attempt" o where o."drill_id" = a."drill_id" and o."worker_id" = a."worker_id" and o."status" = ?)
         and (select count(*) from "drill_attempt" u where u."drill_id" = a."drill_id" and u."worker_id" = a."worker_id" and u."status" in (?, ?)) < d."attempts_allowed"
       returning a.*, to_json(d.*) as "${DRILL_ROW}",
         (select json_agg(json_build_array(q."id", q."version")) from "${rowReader(this.em, Question).table}" q
          where q."id" in (select (i->>'questionId')::uuid from jsonb_array_elements(a."paper") i)) as "${QUESTION_VERSIONS}"`,
      [AttemptStatus.IN_PROGRESS, this.taker.deviceId, this.taker.drillId, this.taker.workerId, AttemptStatus.DRAWN, AttemptStatus.DRAWN, DrillStatus.PUBLISHED,
        this.taker.passId, AttemptStatus.IN_PROGRESS, AttemptStatus.SUBMITTED, AttemptStatus.VOIDED],
    );
    const row = rows[0];
    if (!row) return null;
    // json, not jsonb: the drill is only read back. The questions come as (id, version) pairs, served from the process's cache.
    const { [DRILL_ROW]: drill, [QUESTION_VERSIONS]: versions, ...attempt } = row;
    // Read-only rows, as the taking loaders give (rowReader): the caller hands them to the loaders, so the paper's
    // questions, the drill and the (empty) answers are not read again statement by statement.
    return {
      attempt: rowReader(this.em, DrillAttempt).read(attempt),
      drill: rowReader(this.em, Drill).read(drill as Record<string, unknown>),
      questions: await paperQuestions.questions(this.em, (versions ?? []) as [string, number][]),
    };
  }

  /** Submits and marks at once. Again on a submitted attempt returns it unchanged (a retry is harmless). */
  async submit(attemptId: string): Promise<DrillAttempt> {
    return this.em.transactional(async (tx) => {
      const attempt = await tx.findOne(DrillAttempt, { id: attemptId, drill: this.taker.drillId, worker: this.taker.workerId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!attempt) throw notFound('DrillAttempt', ['input', 'attemptId']);
      if (attempt.status === AttemptStatus.SUBMITTED) return attempt;
      if (attempt.status !== AttemptStatus.IN_PROGRESS) throw domainError(UserErrorCode.INVALID_STATE, m('attemptOver'), ['input', 'attemptId']);
      if (attempt.activeDevice !== this.taker.deviceId) throw domainError(UserErrorCode.DEVICE_REPLACED, m('deviceReplaced'), ['input', 'attemptId']);
      const now = new Date();
      await submitAndMark(tx, [attempt], attempt.deadline! <= now ? AttemptSubmission.DEADLINE : AttemptSubmission.TAKER, now);
      return attempt;
    });
  }
}
