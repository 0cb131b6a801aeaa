import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { domainError, DomainError, UserErrorCode, type UserErrorInit } from '../common/errors.js';
import { labelOf } from '../common/enum-labels.js';
import { m } from './messages.js';
import { InputCheck } from '../common/validate.js';
import { Enterprise } from './enterprise.entity.js';
import { EnterpriseService } from './enterprise.service.js';
import { ImportOutcome } from './enums.js';
import { Worker } from './worker.entity.js';
import { cleanWorker, duplicateNumber, initialLevel, type WorkerFields } from './worker.service.js';
import { SkillLevelChange } from './skill-level-change.entity.js';

export const MAX_IMPORT_ROWS = 10_000;

/** What a re-import may change on the worker it matches by employee number; skill levels keep their own history. */
const UPDATABLE = ['name', 'gender', 'birthYear', 'trade', 'migrantWorker', 'joinedAt', 'frontLine', 'tradeStartYear', 'education'] as const;

export interface ImportRowResult {
  /** From 1, as in the spreadsheet. */
  row: number;
  outcome: ImportOutcome;
  /** Null for a row a dry run would create. */
  worker: Worker | null;
}

/**
 * Spreadsheet import, all rows or none: every row is checked and every bad one reported (fields
 * index `rows` from 0, messages count rows from 1 as a spreadsheet does). A row whose employee number
 * is in the enterprise already updates that worker; new ones go in as multi-row INSERTs. Reading the
 * matches and writing happen in one transaction; a dry run stops before writing.
 */
export async function importWorkers(em: EntityManager, enterpriseId: string, rows: WorkerFields[], dryRun: boolean): Promise<ImportRowResult[]> {
  if (rows.length === 0) throw domainError(UserErrorCode.INVALID_INPUT, m('noRows'), ['input', 'rows']);
  if (rows.length > MAX_IMPORT_ROWS) {
    throw domainError(UserErrorCode.INVALID_INPUT, m('tooManyRows', { max: MAX_IMPORT_ROWS }), ['input', 'rows']);
  }
  const enterprise = await new EnterpriseService(em).get(enterpriseId);
  const problems: UserErrorInit[] = [];
  const cleaned = checkRows(rows, problems);
  try {
    return await em.transactional(async (tx) => {
      const numbers = cleaned.flatMap((c) => (c ? [c.employeeNumber!] : []));
      const existing = await findByNumbers(tx, enterprise.id, numbers);
      const plan = cleaned.map((clean, i) => (clean ? planRow(clean, existing.get(clean.employeeNumber!), i, problems) : null));
      if (problems.length) throw new DomainError(byRow(problems));
      const steps = plan as RowPlan[];
      if (dryRun) return steps.map((p, i) => ({ row: i + 1, outcome: p.outcome, worker: p.current ?? null }));

      const now = new Date();
      const results: ImportRowResult[] = steps.map((p, i) => {
        if (p.current) {
          if (p.outcome === ImportOutcome.UPDATED) tx.assign(p.current, p.changes as never);
          return { row: i + 1, outcome: p.outcome, worker: p.current };
        }
        const w = Object.assign(new Worker(), p.clean, {
          enterprise: tx.getReference(Enterprise, enterprise.id, { wrapped: true }), migrantWorker: p.clean.migrantWorker ?? false, frontLine: p.clean.frontLine ?? false, createdAt: now, updatedAt: now,
        });
        return { row: i + 1, outcome: ImportOutcome.CREATED, worker: w };
      });
      const created = results.filter((r) => r.outcome === ImportOutcome.CREATED).map((r) => r.worker!);
      for (let i = 0; i < created.length; i += 1000) {
        const chunk = created.slice(i, i + 1000).map((w) => ({
          id: w.id, name: w.name, gender: w.gender, birthYear: w.birthYear, enterprise: enterprise.id, trade: w.trade,
          skillLevel: w.skillLevel, employeeNumber: w.employeeNumber, migrantWorker: w.migrantWorker, joinedAt: w.joinedAt,
          frontLine: w.frontLine, tradeStartYear: w.tradeStartYear ?? null, education: w.education ?? null, createdAt: now, updatedAt: now,
        }));
        await tx.insertMany(Worker, chunk as never);
        const initial = chunk.filter((w) => w.skillLevel).map((w) => initialLevel(w.id, w.skillLevel!, now));
        if (initial.length) await tx.insertMany(SkillLevelChange, initial as never);
      }
      return results; // the updates are flushed as the transaction commits
    });
  } catch (err) {
    if (err instanceof UniqueConstraintViolationException) throw duplicateNumber(['input', 'rows']);
    throw err;
  }
}

/** Each row's cleaned fields, or null when the row has a problem (reported). Employee numbers must not repeat within the file. */
function checkRows(rows: WorkerFields[], problems: UserErrorInit[]): (WorkerFields | null)[] {
  const firstRowOfNumber = new Map<string, number>();
  return rows.map((row, i) => {
    const check = new InputCheck(['input', 'rows', String(i)]);
    const clean = cleanWorker(check, row, false);
    const n = clean.employeeNumber;
    if (n && check.ok) {
      const first = firstRowOfNumber.get(n);
      if (first !== undefined) check.fail('employeeNumber', m('numberRepeats', { number: n, first: first + 1 }), UserErrorCode.ALREADY_EXISTS);
      else firstRowOfNumber.set(n, i);
    }
    for (const p of check.problems) problems.push({ ...p, message: m('inRow', { row: i + 1, problem: p.message }) });
    return check.ok ? clean : null;
  });
}

async function findByNumbers(tx: EntityManager, enterpriseId: string, numbers: string[]): Promise<Map<string, Worker>> {
  const found = new Map<string, Worker>();
  for (let i = 0; i < numbers.length; i += 5000) {
    const workers = await tx.find(Worker, { enterprise: enterpriseId, employeeNumber: { $in: numbers.slice(i, i + 5000) } });
    for (const w of workers) found.set(w.employeeNumber, w);
  }
  return found;
}

interface RowPlan {
  clean: WorkerFields;
  outcome: ImportOutcome;
  current?: Worker;
  changes?: Partial<WorkerFields>;
}

function planRow(clean: WorkerFields, current: Worker | undefined, i: number, problems: UserErrorInit[]): RowPlan | null {
  if (!current) return { clean, outcome: ImportOutcome.CREATED };
  if (clean.skillLevel != null && clean.skillLevel !== current.skillLevel) {
    problems.push({
      code: UserErrorCode.INVALID_STATE,
      message: m('levelDiffers', {
        row: i + 1,
        number: current.employeeNumber,
        level: labelOf('SkillLevel', clean.skillLevel),
        current: current.skillLevel ? labelOf('SkillLevel', current.skillLevel) : m('noLevel'),
      }),
      field: ['input', 'rows', String(i), 'skillLevel'],
    });
    return null;
  }
  const changes: Partial<WorkerFields> = {};
  for (const key of UPDATABLE) {
    const value = key === 'migrantWorker' || key === 'frontLine' ? clean[key] ?? false : clean[key] ?? null;
    if (value !== current[key]) (changes as Record<string, unknown>)[key] = value;
  }
  return { clean, current, changes, outcome: Object.keys(changes).length ? ImportOutcome.UPDATED : ImportOutcome.UNCHANGED };
}

/** Problems in row order, so a long list reads like the spreadsheet. */
function byRow(problems: UserErrorInit[]): UserErrorInit[] {
  const rowOf = (p: UserErrorInit) => Number(p.field?.[2] ?? -1);
  return problems.map((p, i) => [p, i] as const).sort(([a, i], [b, j]) => rowOf(a) - rowOf(b) || i - j).map(([p]) => p);
}
