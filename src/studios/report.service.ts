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
import { m } from './messages.js';

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
        assertActive(studio, 'actionSubmitReport');
        const existing = await tx.findOne(StudioReport, { studio, year: fields.year });
        if (!existing) {
          if (data.version != null) throw domainError(UserErrorCode.NOT_FOUND, m('noReportToCorrect', { year: fields.year }), ['input', 'version']);
          const report = tx.create(StudioReport, { ...fields, studio, submittedBy: tx.getReference(User, viewer.id) } as never);
          await tx.flush();
          return { report, studio };
        }
        if (data.version == null) {
          throw domainError(UserErrorCode.ALREADY_EXISTS, m('reportExists', { year: fields.year, version: existing.version }), ['input', 'version']);
        }
        if (data.version !== existing.version) {
          throw stale(m('reportStale', { year: fields.year, yours: data.version, current: existing.version }));
        }
        tx.assign(existing, { ...fields, submittedBy: tx.getReference(User, viewer.id) } as never);
        await tx.flush();
        return { report: existing, studio };
      });
    } catch (err) {
      // The studio lock serializes writers; these are the belt and braces for writers that bypass it.
      if (err instanceof OptimisticLockError) throw stale(m('reportStaleShort', { year: fields.year }));
      if (err instanceof UniqueConstraintViolationException) throw domainError(UserErrorCode.ALREADY_EXISTS, m('reportExistsNoVersion', { year: fields.year }), ['input', 'version']);
      throw err;
    }
  }
}
