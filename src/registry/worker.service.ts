import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { domainError, DomainError, notFound, UserErrorCode } from '../common/errors.js';
import { todayInChina } from '../common/date.js';
import { InputCheck } from '../common/validate.js';
import { Enterprise } from './enterprise.entity.js';
import { EnterpriseService } from './enterprise.service.js';
import { SkillLevelChangeKind, type Education, type Gender, type HonorKind, type Level, type SkillLevel } from './enums.js';
import { skillChangeProblems } from './skill-level-rules.js';
import { m } from './messages.js';
import { Honor } from './honor.entity.js';
import { SkillLevelChange } from './skill-level-change.entity.js';
import { Worker } from './worker.entity.js';
import { bilingual } from '../common/i18n.js';

export interface WorkerFields {
  name?: string | null;
  gender?: Gender | null;
  birthYear?: number | null;
  trade?: string | null;
  skillLevel?: SkillLevel | null;
  employeeNumber?: string | null;
  migrantWorker?: boolean | null;
  joinedAt?: string | null;
  frontLine?: boolean | null;
  tradeStartYear?: number | null;
  education?: Education | null;
}

const thisYear = () => new Date().getUTCFullYear();

/** Validates the fields present (all of them unless `partial`), reporting under the check's prefix. */
export function cleanWorker(check: InputCheck, data: WorkerFields, partial: boolean): WorkerFields {
  const out: WorkerFields = {};
  const has = (v: unknown) => !partial || v != null;
  if (has(data.name)) out.name = check.name('name', data.name, { max: 100 });
  if (has(data.trade)) out.trade = check.name('trade', data.trade, { max: 100 });
  if (has(data.employeeNumber)) out.employeeNumber = check.name('employeeNumber', data.employeeNumber, { max: 50 });
  if (has(data.birthYear)) out.birthYear = check.int('birthYear', data.birthYear, 1940, thisYear() - 14);
  if (has(data.joinedAt)) out.joinedAt = check.plainDate('joinedAt', data.joinedAt, { notAfter: todayInChina() });
  if (data.gender != null) out.gender = data.gender;
  else if (!partial) check.fail('gender', m('genderRequired'));
  if (data.migrantWorker != null) out.migrantWorker = data.migrantWorker;
  if (data.frontLine != null) out.frontLine = data.frontLine;
  if (data.education != null) out.education = data.education;
  else if (!partial) out.education = null;
  if (data.tradeStartYear != null) out.tradeStartYear = check.int('tradeStartYear', data.tradeStartYear, 1940 + 14, thisYear());
  else if (!partial) out.tradeStartYear = null;
  if (!partial) {
    out.skillLevel = data.skillLevel ?? null;
    checkTradeStart(check, out.tradeStartYear, out.birthYear);
  }
  return out;
}

/** A worker starts in a trade at 14 at the earliest (the legal working age is 16; apprenticeships start earlier). */
export function checkTradeStart(check: InputCheck, tradeStartYear: number | null | undefined, birthYear: number | null | undefined): void {
  if (tradeStartYear != null && birthYear != null && check.ok && tradeStartYear < birthYear + 14) {
    check.fail('tradeStartYear', m('tradeStartTooEarly', { earliest: birthYear + 14 }));
  }
}

/** The history's first record: the level a worker was registered with (createWorker, importWorkers). */
export function initialLevel(workerId: string, level: SkillLevel, at: Date) {
  return { id: randomUUID(), worker: workerId, from: null, to: level, kind: SkillLevelChangeKind.INITIAL, reason: bilingual(m, 'initialLevelReason'), note: null, source: null, sourceCompetitionId: null, appraisalSessionId: null, appraisalBodyId: null, certificateNumber: null, at, recordedAt: at };
}

export const duplicateNumber = (field: string[]) =>
  domainError(UserErrorCode.ALREADY_EXISTS, m('employeeNumberTaken'), field);

export class WorkerService {
  constructor(private readonly em: EntityManager) {}

  async get(id: string, field = ['input', 'workerId']): Promise<Worker> {
    const worker = await this.em.findOne(Worker, { id });
    if (!worker) throw notFound('Worker', field);
    return worker;
  }

  async create(enterpriseId: string, data: WorkerFields): Promise<Worker> {
    const check = new InputCheck();
    const clean = cleanWorker(check, data, false);
    check.throwIfAny();
    const enterprise = await new EnterpriseService(this.em).get(enterpriseId);
    await this.assertNumberFree(enterprise.id, clean.employeeNumber!, null);
    const worker = this.em.create(Worker, { ...clean, enterprise } as never);
    if (worker.skillLevel) this.em.create(SkillLevelChange, initialLevel(worker.id, worker.skillLevel, worker.createdAt) as never);
    await this.flush(['input', 'employeeNumber']);
    return worker;
  }

  async update(id: string, data: WorkerFields & { enterpriseId?: string | null }): Promise<Worker> {
    const worker = await this.get(id);
    const check = new InputCheck();
    const clean = cleanWorker(check, { ...data, skillLevel: undefined }, true);
    if (clean.tradeStartYear != null || clean.birthYear != null) {
      checkTradeStart(check, clean.tradeStartYear ?? worker.tradeStartYear, clean.birthYear ?? worker.birthYear);
    }
    check.throwIfAny();
    const enterprise = data.enterpriseId ? await new EnterpriseService(this.em).get(data.enterpriseId) : null;
    const enterpriseId = enterprise?.id ?? worker.enterprise.id;
    const number = clean.employeeNumber ?? worker.employeeNumber;
    if (enterpriseId !== worker.enterprise.id || number !== worker.employeeNumber) {
      await this.assertNumberFree(enterpriseId, number, worker.id);
    }
    this.em.assign(worker, clean as never);
    if (enterprise) worker.enterprise = this.em.getReference(Enterprise, enterprise.id, { wrapped: true });
    await this.flush(['input', 'employeeNumber']);
    return worker;
  }

  private async assertNumberFree(enterpriseId: string, employeeNumber: string, exceptId: string | null): Promise<void> {
    const clash = await this.em.findOne(Worker, { enterprise: enterpriseId, employeeNumber, ...(exceptId ? { id: { $ne: exceptId } } : {}) });
    if (clash) throw duplicateNumber(['input', 'employeeNumber']);
  }

  async grantHonor(workerId: string, data: { kind: HonorKind; level: Level; year: number; source?: string | null }): Promise<{ honor: Honor; worker: Worker }> {
    const check = new InputCheck();
    const year = check.int('year', data.year, 1950, thisYear());
    const source = data.source != null ? check.text('source', data.source, { max: 300, optional: true }) || null : null;
    check.throwIfAny();
    const worker = await this.get(workerId);
    const same = await this.em.count(Honor, { worker, kind: data.kind, level: data.level, year, revokedAt: null });
    if (same) throw domainError(UserErrorCode.ALREADY_EXISTS, m('honorHeld'));
    const honor = this.em.create(Honor, { worker, kind: data.kind, level: data.level, year, source } as never);
    await this.em.flush();
    return { honor, worker };
  }

  /** See skill-level-rules.ts for which changes each kind allows. */
  async recordSkillLevelChange(
    workerId: string,
    data: { to: SkillLevel; reason: string; kind?: SkillLevelChangeKind | null; note?: string | null; source?: string | null; at?: Date | null },
  ): Promise<{ change: SkillLevelChange; worker: Worker }> {
    const check = new InputCheck();
    const kind = data.kind ?? SkillLevelChangeKind.PROMOTION;
    const reason = check.text('reason', data.reason, { max: 500 });
    const note = data.note != null ? check.text('note', data.note, { max: 2000, optional: true }) || null : null;
    const source = data.source != null ? check.text('source', data.source, { max: 300, optional: true }) || null : null;
    const at = data.at != null ? check.date('at', data.at, { notAfter: new Date(Date.now() + 86_400_000) }) : new Date();
    check.throwIfAny();
    const worker = await this.get(workerId);
    const problems = skillChangeProblems(worker.skillLevel, data.to, kind, note);
    if (problems.length) throw new DomainError(problems);
    // The history reads in order of effect: a change follows the level it changes from.
    const latest = await this.em.findOne(SkillLevelChange, { worker }, { orderBy: { at: 'desc' }, fields: ['at'] });
    if (latest && at < latest.at) {
      throw domainError(UserErrorCode.INVALID_INPUT, m('changeBeforeLatest', { latest: latest.at.toISOString() }), ['input', 'at']);
    }
    const change = this.em.create(SkillLevelChange, { worker, from: worker.skillLevel, to: data.to, kind, reason, note, source, at } as never);
    worker.skillLevel = data.to;
    await this.em.flush();
    return { change, worker };
  }

  private async flush(field: string[]): Promise<void> {
    try {
      await this.em.flush();
    } catch (err) {
      if (err instanceof UniqueConstraintViolationException) throw duplicateNumber(field);
      throw err;
    }
  }
}
