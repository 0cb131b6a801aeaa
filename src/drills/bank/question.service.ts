import { LockMode, UniqueConstraintViolationException, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, domainError, notFound, UserErrorCode, type UserErrorInit } from '../../common/errors.js';
import { checkIdempotencyKey, priorOutcome, requestHash } from '../../common/idempotency.js';
import { IdempotencyRecord } from '../../common/idempotency.entity.js';
import { labelOf } from '../../common/enum-labels.js';
import { InputCheck } from '../../common/validate.js';
import type { Viewer } from '../../context.js';
import { User } from '../../auth/user.entity.js';
import type { SkillLevel } from '../../registry/enums.js';
import { QuestionStatus, type QuestionDifficulty, type QuestionType } from '../enums.js';
import { questionCorrected } from './corrections.js';
import { m } from './messages.js';
import { Question } from './question.entity.js';
import { questionsFromCsv, questionsToCsv } from './question-csv.js';
import { checkQuestion, type CleanQuestion, type QuestionDraft } from './question-fields.js';

export interface QuestionChanges {
  trade?: string | null;
  skillLevel?: SkillLevel | null;
  type?: QuestionType | null;
  stem?: string | null;
  options?: string[] | null;
  answer?: string[] | null;
  topic?: string | null;
  difficulty?: QuestionDifficulty | null;
  explanation?: string | null;
}

export interface QuestionFilterShape {
  trade?: string | null;
  skillLevel?: SkillLevel | null;
  topic?: string | null;
  difficulty?: QuestionDifficulty | null;
  type?: QuestionType | null;
  status?: QuestionStatus | null;
}

export const MAX_EXPORT_QUESTIONS = 10_000;

export function questionWhere(filter: QuestionFilterShape | null | undefined): FilterQuery<Question> {
  const where: FilterQuery<Question> & Record<string, unknown> = {};
  if (filter?.trade) where.trade = filter.trade.trim();
  if (filter?.skillLevel) where.skillLevel = filter.skillLevel;
  if (filter?.topic) where.topic = filter.topic.trim();
  if (filter?.difficulty) where.difficulty = filter.difficulty;
  if (filter?.type) where.type = filter.type;
  if (filter?.status) where.status = filter.status;
  return where;
}

const inputProblems = (problems: UserErrorInit[]) => new DomainError(problems);

function checked(draft: QuestionDraft): CleanQuestion {
  const problems: UserErrorInit[] = [];
  const clean = checkQuestion(draft, (field, message) => problems.push({ code: UserErrorCode.INVALID_INPUT, message, field: ['input', field] }));
  if (!clean) throw inputProblems(problems);
  return clean;
}

const sameList = (a: readonly unknown[], b: readonly unknown[]) => JSON.stringify(a) === JSON.stringify(b);

/** The question bank: writing, correcting, approving, retiring, CSV in and out. Role checks are the resolver's; the rules here. */
export class QuestionService {
  constructor(private readonly em: EntityManager, private readonly viewer: Viewer) {}

  async create(input: QuestionDraft, idempotencyKey?: string | null): Promise<Question> {
    const clean = checked(input);
    const ids = await this.once('createQuestion', idempotencyKey, input, async (tx) => {
      const q = Object.assign(new Question(), clean, { answerKey: clean.answer, createdBy: tx.getReference(User, this.viewer.id) });
      delete (q as unknown as { answer?: unknown }).answer;
      tx.persist(q);
      return [q.id];
    });
    return this.em.findOneOrFail(Question, { id: ids[0]! });
  }

  /**
   * A draft changes freely. An approved question may be corrected: a change of its text, options or
   * key raises its revision and runs the correction hooks (re-marking) in the same transaction; its
   * type stays. A retired question does not change.
   */
  async update(id: string, changes: QuestionChanges, expectedVersion?: number | null): Promise<Question> {
    return this.em.transactional(async (tx) => {
      const q = await this.lock(tx, id);
      if (expectedVersion != null && expectedVersion !== q.version) {
        throw domainError(UserErrorCode.STALE_VERSION, m('staleVersion', { version: q.version }), ['input', 'version']);
      }
      if (q.status === QuestionStatus.RETIRED) throw domainError(UserErrorCode.INVALID_STATE, m('retired'), ['input', 'questionId']);
      if (q.status === QuestionStatus.APPROVED && changes.type && changes.type !== q.type) {
        throw domainError(UserErrorCode.INVALID_STATE, m('typeFixed'), ['input', 'type']);
      }
      const clean = checked({
        trade: changes.trade ?? q.trade,
        skillLevel: changes.skillLevel !== undefined ? changes.skillLevel : q.skillLevel,
        type: changes.type ?? q.type,
        stem: changes.stem ?? q.stem,
        options: changes.options ?? q.options.map((o) => o.text),
        answer: changes.answer ?? q.answerKey,
        topic: changes.topic ?? q.topic,
        difficulty: changes.difficulty ?? q.difficulty,
        explanation: changes.explanation !== undefined ? changes.explanation : q.explanation,
      });
      const corrected = clean.stem !== q.stem || !sameList(clean.options, q.options) || !sameList(clean.answer, q.answerKey);
      const previousRevision = q.revision;
      tx.assign(q, {
        trade: clean.trade, skillLevel: clean.skillLevel, type: clean.type, stem: clean.stem, options: clean.options, answerKey: clean.answer,
        topic: clean.topic, difficulty: clean.difficulty, explanation: clean.explanation,
      });
      if (corrected && q.status === QuestionStatus.APPROVED) {
        q.revision += 1;
        await tx.flush();
        await questionCorrected(tx, q, previousRevision);
      }
      return q;
    });
  }

  /** DRAFT → APPROVED by a reviewer (or admin) who did not write it. */
  async approve(id: string): Promise<Question> {
    return this.em.transactional(async (tx) => {
      const q = await this.lock(tx, id);
      if (q.status !== QuestionStatus.DRAFT) {
        throw domainError(UserErrorCode.INVALID_STATE, m('notDraft', { status: labelOf('QuestionStatus', q.status), action: m('actApprove') }), ['input', 'questionId']);
      }
      if (q.createdBy.id === this.viewer.id) throw domainError(UserErrorCode.CONFLICT_OF_INTEREST, m('ownQuestion'), ['input', 'questionId']);
      q.status = QuestionStatus.APPROVED;
      q.approvedBy = tx.getReference(User, this.viewer.id) as never;
      return q;
    });
  }

  /** DRAFT or APPROVED → RETIRED: never drawn again; papers already drawn keep it. */
  async retire(id: string): Promise<Question> {
    return this.em.transactional(async (tx) => {
      const q = await this.lock(tx, id);
      if (q.status === QuestionStatus.RETIRED) throw domainError(UserErrorCode.INVALID_STATE, m('alreadyRetired'), ['input', 'questionId']);
      q.status = QuestionStatus.RETIRED;
      return q;
    });
  }

  /** All rows or none, as DRAFTs of `trade`. Returns how many were imported. */
  async importCsv(trade: string, csv: string, idempotencyKey?: string | null): Promise<number> {
    const check = new InputCheck();
    const tradeName = check.name('trade', trade, { max: 100 });
    check.throwIfAny();
    const parsed = questionsFromCsv(csv, tradeName);
    if ('problems' in parsed) throw inputProblems(parsed.problems);
    const ids = await this.once('importQuestions', idempotencyKey, { trade, csv }, async (tx) => {
      const now = Date.now();
      const rows = parsed.questions.map((c, i) => {
        const q = new Question();
        // A millisecond apart, so lists and the export keep the file's order.
        const at = new Date(now + i);
        return {
          id: q.id, trade: c.trade, skillLevel: c.skillLevel, type: c.type, stem: c.stem, options: c.options, answerKey: c.answer, topic: c.topic,
          difficulty: c.difficulty, explanation: c.explanation, status: QuestionStatus.DRAFT, revision: 1, createdBy: this.viewer.id, createdAt: at, updatedAt: at, version: 1,
        };
      });
      for (let i = 0; i < rows.length; i += 500) await tx.insertMany(Question, rows.slice(i, i + 500) as never);
      return rows.map((r) => r.id);
    });
    return ids.length;
  }

  /** The questions the filter picks, in the order written, as the import template. */
  async exportCsv(filter: QuestionFilterShape | null | undefined): Promise<string> {
    const questions = await this.em.find(Question, questionWhere(filter), { orderBy: { createdAt: 'asc', id: 'asc' }, limit: MAX_EXPORT_QUESTIONS });
    return questionsToCsv(questions);
  }

  private async lock(tx: EntityManager, id: string): Promise<Question> {
    const q = await tx.findOne(Question, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!q) throw notFound('Question', ['input', 'questionId']);
    return q;
  }

  /**
   * Runs a write once per idempotency key: a retry with the same key and input gets the first outcome
   * (the ids written) back; the outcome is recorded in the same transaction as the write.
   */
  private async once(operation: string, rawKey: string | null | undefined, input: unknown, write: (tx: EntityManager) => Promise<string[]>): Promise<string[]> {
    const key = checkIdempotencyKey(rawKey);
    const hash = requestHash(input);
    const run = () => this.em.transactional(async (tx) => {
      if (key) {
        const prior = await priorOutcome<{ ids: string[] }>(tx, this.viewer.id, operation, key, hash);
        if (prior) return prior.ids;
      }
      const ids = await write(tx);
      if (key) tx.persist(Object.assign(new IdempotencyRecord(), { userId: this.viewer.id, operation, key, requestHash: hash, outcome: { ids } }));
      return ids;
    });
    try {
      return await run();
    } catch (err) {
      // A concurrent retry with the same key committed first: its outcome is the answer.
      if (key && err instanceof UniqueConstraintViolationException) {
        const prior = await priorOutcome<{ ids: string[] }>(this.em.fork(), this.viewer.id, operation, key, hash);
        if (prior) return prior.ids;
      }
      throw err;
    }
  }
}
