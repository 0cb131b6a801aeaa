import { OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { domainError, UserErrorCode } from '../common/errors.js';
import { InputCheck } from '../common/validate.js';
import type { Viewer } from '../context.js';
import { User } from '../auth/user.entity.js';
import { assertStudioManager, lockStudio } from './access.js';
import { canonicalMoney, checkMoney, cstYearOf } from './decimal.js';
import { assertActive } from './member.service.js';
import type { Studio } from './studio.entity.js';
import { StudioReport } from './studio-report.entity.js';

export interface ReportFields {
  year: number;
  trainees: number;
  apprenticesMentored: number;
  projectsCompleted: number;
  patentsFiled: number;
  economicBenefit: string;
  summary: string;
  version?: number | null;
}

const stale = (message: string) => domainError(UserErrorCode.STALE_VERSION, message, ['input', 'version']);

export class ReportService {
  constructor(private readonly em: EntityManager) {}

  /**
   * One report per studio and year. The first is created without a version; a correction passes the
   * version it read and is refused when the report changed since (never a silent overwrite).
   */
  async submit(viewer: Viewer, studioId: string, data: ReportFields): Promise<{ report: StudioReport; studio: Studio }> {
    const check = new InputCheck();
    const fields = {
      year: check.int('year', data.year, 2000, cstYearOf(new Date())),
      trainees: check.int('trainees', data.trainees, 0, 1_000_000),
      apprenticesMentored: check.int('apprenticesMentored', data.apprenticesMentored, 0, 100_000),
      projectsCompleted: check.int('projectsCompleted', data.projectsCompleted, 0, 100_000),
      patentsFiled: check.int('patentsFiled', data.patentsFiled, 0, 100_000),
      economicBenefit: checkMoney(check, 'economicBenefit', data.economicBenefit),
      summary: check.text('summary', data.summary, { max: 20_000 }),
    };
    try {
      return await this.em.transactional(async (tx) => {
        const studio = await lockStudio(tx, studioId);
        assertStudioManager(viewer, studio);
        check.throwIfAny();
        fields.economicBenefit = canonicalMoney(fields.economicBenefit!);
        assertActive(studio, 'Submitting a report');
        const existing = await tx.findOne(StudioReport, { studio, year: fields.year });
        if (!existing) {
          if (data.version != null) throw domainError(UserErrorCode.NOT_FOUND, `There is no ${fields.year} report to correct; omit version to submit it`, ['input', 'version']);
          const report = tx.create(StudioReport, { ...fields, studio, submittedBy: tx.getReference(User, viewer.id) } as never);
          await tx.flush();
          return { report, studio };
        }
        if (data.version == null) {
          throw domainError(UserErrorCode.ALREADY_EXISTS, `The ${fields.year} report exists (version ${existing.version}); pass its version to correct it`, ['input', 'version']);
        }
        if (data.version !== existing.version) {
          throw stale(`The ${fields.year} report changed since you read it (you have version ${data.version}, it is at ${existing.version}); reload and correct again`);
        }
        tx.assign(existing, { ...fields, submittedBy: tx.getReference(User, viewer.id) } as never);
        await tx.flush();
        return { report: existing, studio };
      });
    } catch (err) {
      // The studio lock serializes writers; these are the belt and braces for writers that bypass it.
      if (err instanceof OptimisticLockError) throw stale(`The ${fields.year} report changed since you read it; reload and correct again`);
      if (err instanceof UniqueConstraintViolationException) throw domainError(UserErrorCode.ALREADY_EXISTS, `The ${fields.year} report exists; pass its version to correct it`, ['input', 'version']);
      throw err;
    }
  }
}
