import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../../logger.js';
import type { Metrics } from '../../metrics.js';
import { AttemptStatus } from '../enums.js';
import type { DrillTaker } from './drill-token.js';
import { checkSave, saveAnswer, type SaveOutcome } from './answer-save.js';

/** Saves one statement carries at most (a few thousand takers save every ~10 s: a batch is a few ms of them). */
const MAX_BATCH = 400;
/** Batches under way at once: while they run, the next saves gather into the following one. */
const MAX_IN_FLIGHT = 2;

interface PendingSave {
  taker: DrillTaker;
  attemptId: string;
  questionId: string;
  answer: string[];
  seq: number;
  resolve(outcome: SaveOutcome): void;
  reject(err: unknown): void;
}

/**
 * Saves of many takers in one statement and one commit (group commit): during a drill thousands of
 * phones each save every few seconds, and a statement per save cost a round trip, a pool connection and
 * a commit each, on both sides of the socket. A save joins the batch gathering while others are under
 * way and is acknowledged only after its batch committed, so nothing acknowledged is lost; an idle
 * server sends a lone save at once. The batch stores exactly what answer-save.ts's one statement would
 * for each save whose attempt row it can share-lock at once (`skip locked`): any save it did not store
 * (an older seq, an attempt over or taken over, a row held by a submission under way) goes through
 * saveAnswer, which waits for the lock and says why, so the answers are the same either way.
 */
export class AnswerSaveBatcher {
  private gathering: PendingSave[] = [];
  private inFlight = 0;

  constructor(private readonly orm: MikroORM, private readonly log: Logger, private readonly metrics: Metrics) {}

  /** Stores one answer (see saveAnswer for the rules); resolves after it is committed. */
  save(taker: DrillTaker, attemptId: string, questionId: string, answer: string[], seq: number): Promise<SaveOutcome> {
    checkSave(answer, seq);
    return new Promise<SaveOutcome>((resolve, reject) => {
      this.gathering.push({ taker, attemptId, questionId, answer, seq, resolve, reject });
      this.next();
    });
  }

  private next(): void {
    while (this.inFlight < MAX_IN_FLIGHT && this.gathering.length) {
      const batch = this.take();
      this.inFlight++;
      void this.run(batch).finally(() => {
        this.inFlight--;
        this.next();
      });
    }
  }

  /** Up to MAX_BATCH saves, one per (attempt, question): one statement may not upsert a row twice. */
  private take(): PendingSave[] {
    const batch: PendingSave[] = [];
    const rest: PendingSave[] = [];
    const keys = new Set<string>();
    for (const s of this.gathering) {
      const key = `${s.attemptId}:${s.questionId}`;
      if (batch.length < MAX_BATCH && !keys.has(key)) {
        keys.add(key);
        batch.push(s);
      } else rest.push(s);
    }
    this.gathering = rest;
    return batch;
  }

  private async run(batch: PendingSave[]): Promise<void> {
    let stored: Set<number>;
    try {
      // The batch's statement needs a connection, not an identity map: no fork (one was ~1.5 % of a save's CPU).
      stored = await storeBatch(this.orm.em, batch);
    } catch (err) {
      // One statement for all failed (it should not): each save on its own, with its own answer.
      this.log.warn({ err, saves: batch.length }, 'drill answer batch failed; saving one by one');
      stored = new Set();
    }
    this.metrics.answerBatchSaves.observe(batch.length);
    let em: EntityManager | undefined;
    await Promise.all(batch.map(async (s, i) => {
      if (stored.has(i)) return s.resolve({ saved: true, seq: s.seq });
      this.metrics.answerSavesAlone.inc();
      try {
        s.resolve(await saveAnswer((em ??= this.orm.em.fork()), s.taker, s.attemptId, s.questionId, s.answer, s.seq));
      } catch (err) {
        s.reject(err);
      }
    }));
  }
}

/**
 * The positions (in the batch) of the saves stored; one autocommitted statement. Each save finds its
 * attempt by primary key in a locking lateral subquery (PostgreSQL does not flatten one that locks), so a
 * batch costs its own saves' lookups: joined flat, the planner scanned every open attempt of the drill
 * for each batch whenever its statistics still counted the papers as DRAWN (as right after a burst).
 */
async function storeBatch(em: EntityManager, batch: PendingSave[]): Promise<Set<number>> {
  // Arrays as the house passes them (`array[?]::uuid[]`, mark-names.ts): MikroORM inlines and escapes each element.
  const col = <T>(f: (s: PendingSave) => T) => batch.map(f);
  const rows = await em.getConnection().execute<{ n: number }[]>(
    `with s as (
       select * from unnest(array[?]::int[], array[?]::uuid[], array[?]::uuid[], array[?]::uuid[], array[?]::text[], array[?]::uuid[], array[?]::jsonb[], array[?]::int[])
         as s("n", "attempt_id", "drill_id", "worker_id", "device", "question_id", "answer", "seq")),
     ok as (
       select s.* from s cross join lateral (
         select 1 from "drill_attempt" a
         where a."id" = s."attempt_id" and a."drill_id" = s."drill_id" and a."worker_id" = s."worker_id" and a."status" = ?
           and a."deadline" > clock_timestamp() and a."active_device" = s."device"
           and a."paper" @> jsonb_build_array(jsonb_build_object('questionId', s."question_id"::text))
         for key share skip locked) a),
     up as (
       insert into "drill_answer" ("id", "attempt_id", "question_id", "answer", "seq", "saved_at")
       select gen_random_uuid(), "attempt_id", "question_id", "answer", "seq", clock_timestamp() from ok
       on conflict ("attempt_id", "question_id") do update
         set "answer" = excluded."answer", "seq" = excluded."seq", "saved_at" = excluded."saved_at"
         where "drill_answer"."seq" < excluded."seq"
       returning "attempt_id", "question_id")
     select ok."n" from ok join up using ("attempt_id", "question_id")`,
    [batch.map((_, i) => i), col((s) => s.attemptId), col((s) => s.taker.drillId), col((s) => s.taker.workerId),
      col((s) => s.taker.deviceId), col((s) => s.questionId), col((s) => JSON.stringify(s.answer)), col((s) => s.seq),
      AttemptStatus.IN_PROGRESS],
  );
  return new Set(rows.map((r) => r.n));
}

