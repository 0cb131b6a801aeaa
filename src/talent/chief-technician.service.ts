import type { EntityManager } from '@mikro-orm/postgresql';
import { domainError, notFound, UserErrorCode } from '../common/errors.js';
import { labelOf } from '../common/enum-labels.js';
import { todayInChina } from '../common/date.js';
import { InputCheck } from '../common/validate.js';
import type { Viewer } from '../context.js';
import { User } from '../auth/user.entity.js';
import { Enterprise } from '../registry/enterprise.entity.js';
import { SkillLevel, skillRank } from '../registry/enums.js';
import { WorkerService } from '../registry/worker.service.js';
import { canonicalMoney, checkMoney } from '../studios/decimal.js';
import { assertMayManageEnterprise } from './access.js';
import { ChiefTechnician } from './chief-technician.entity.js';
import type { ChiefTechnicianIncentive } from './enums.js';
import { m } from './messages.js';

/** The longest term a designation may have: enterprises designate for a few years at a time. */
export const MAX_TERM_YEARS = 10;

export interface DesignationData {
  termFrom: string;
  termTo: string;
  incentive: ChiefTechnicianIncentive;
  incentiveAmount?: string | null;
  incentiveNotes?: string | null;
}

const yearsLater = (date: string, years: number) => `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;

export class ChiefTechnicianService {
  constructor(private readonly em: EntityManager, private readonly viewer: Viewer) {}

  async get(id: string, field = ['input', 'chiefTechnicianId']): Promise<ChiefTechnician> {
    const found = await this.em.findOne(ChiefTechnician, { id });
    if (!found) throw notFound('ChiefTechnician', field);
    return found;
  }

  /**
   * ADMIN, ORGANIZER, or a NOMINATOR of the worker's enterprise: the worker must hold at least
   * TECHNICIAN, and none of their terms (as shortened, if ended early) may overlap the new one.
   */
  async designate(workerId: string, data: DesignationData): Promise<ChiefTechnician> {
    const check = new InputCheck();
    const termFrom = check.plainDate('termFrom', data.termFrom);
    const termTo = check.plainDate('termTo', data.termTo);
    if (check.ok && termTo < termFrom) check.fail('termTo', m('termOrder'));
    else if (check.ok && termTo > yearsLater(termFrom, MAX_TERM_YEARS)) check.fail('termTo', m('termTooLong', { years: MAX_TERM_YEARS }));
    const amount = checkMoney(check, 'incentiveAmount', data.incentiveAmount, { optional: true });
    const notes = data.incentiveNotes != null ? check.text('incentiveNotes', data.incentiveNotes, { max: 1000, optional: true }) || null : null;
    check.throwIfAny();
    const worker = await new WorkerService(this.em).get(workerId);
    assertMayManageEnterprise(this.viewer, worker.enterprise.id);
    if (skillRank(worker.skillLevel) < skillRank(SkillLevel.TECHNICIAN)) {
      const level = worker.skillLevel ? labelOf('SkillLevel', worker.skillLevel) : m('noLevel');
      throw domainError(UserErrorCode.NOT_ELIGIBLE, m('belowTechnician', { level }), ['input', 'workerId']);
    }
    return this.em.transactional(async (tx) => {
      // Serialise designations of one worker, so two overlapping ones cannot both pass the check.
      await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [`chief_technician:${worker.id}`]);
      const clash = await tx.findOne(ChiefTechnician, {
        worker: worker.id,
        termFrom: { $lte: termTo },
        $or: [{ endedOn: null, termTo: { $gte: termFrom } }, { endedOn: { $gte: termFrom } }],
      });
      if (clash) throw domainError(UserErrorCode.ALREADY_EXISTS, m('overlapping', { from: clash.termFrom, to: clash.lastDay }), ['input', 'termFrom']);
      const designation = tx.create(ChiefTechnician, {
        worker: worker.id,
        enterprise: tx.getReference(Enterprise, worker.enterprise.id),
        termFrom, termTo,
        incentive: data.incentive,
        incentiveAmount: amount ? canonicalMoney(amount) : null,
        incentiveNotes: notes,
        designatedBy: tx.getReference(User, this.viewer.id),
      } as never);
      await tx.flush();
      return designation;
    });
  }

  /** Ends a running term early: the last day lies within the term, before its designated last day. */
  async endTerm(id: string, data: { endedOn?: string | null; reason: string }): Promise<ChiefTechnician> {
    const check = new InputCheck();
    const endedOn = data.endedOn != null ? check.plainDate('endedOn', data.endedOn) : todayInChina();
    const reason = check.text('reason', data.reason, { max: 500 });
    check.throwIfAny();
    const designation = await this.get(id);
    assertMayManageEnterprise(this.viewer, designation.enterprise.id);
    if (designation.endedOn) throw domainError(UserErrorCode.INVALID_STATE, m('alreadyEnded', { on: designation.endedOn }), ['input', 'chiefTechnicianId']);
    if (endedOn < designation.termFrom || endedOn >= designation.termTo) {
      throw domainError(UserErrorCode.INVALID_INPUT, m('endOutsideTerm', { from: designation.termFrom, to: designation.termTo }), ['input', 'endedOn']);
    }
    designation.endedOn = endedOn;
    designation.endReason = reason;
    await this.em.flush();
    return designation;
  }
}
