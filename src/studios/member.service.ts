import type { EntityManager } from '@mikro-orm/postgresql';
import { domainError, notFound, UserErrorCode } from '../common/errors.js';
import type { Viewer } from '../context.js';
import { Worker } from '../registry/worker.entity.js';
import { assertStudioManager, lockStudio } from './access.js';
import { ACTIVE } from './accreditation.js';
import { StudioMemberRole } from './enums.js';
import type { Studio } from './studio.entity.js';
import { StudioMember } from './studio-member.entity.js';
import { labelOf } from '../common/enum-labels.js';
import { m } from './messages.js';

/** `action` names what was tried, a message key of ours, so the refusal reads in the reader's language. */
export function assertActive(studio: Studio, action: 'actionAddMember' | 'actionRemoveMember' | 'actionSubmitReport'): void {
  if (!ACTIVE.includes(studio.status)) {
    throw domainError(UserErrorCode.INVALID_STATE, m('inactive', { action: m(action), status: labelOf('StudioStatus', studio.status) }), ['input', 'studioId']);
  }
}

export class MemberService {
  constructor(private readonly em: EntityManager) {}

  async add(viewer: Viewer, studioId: string, workerId: string, role: StudioMemberRole, mentorId: string | null): Promise<{ member: StudioMember; studio: Studio }> {
    return this.em.transactional(async (tx) => {
      const studio = await lockStudio(tx, studioId);
      assertStudioManager(viewer, studio);
      if (role === StudioMemberRole.LEADER) {
        throw domainError(UserErrorCode.INVALID_INPUT, m('leaderNotAdded'), ['input', 'role']);
      }
      if (role === StudioMemberRole.APPRENTICE && !mentorId) {
        throw domainError(UserErrorCode.INVALID_INPUT, m('apprenticeNeedsMentor'), ['input', 'mentorWorkerId']);
      }
      if (role !== StudioMemberRole.APPRENTICE && mentorId) {
        throw domainError(UserErrorCode.INVALID_INPUT, m('onlyApprenticesHaveMentor'), ['input', 'mentorWorkerId']);
      }
      if (mentorId === workerId) throw domainError(UserErrorCode.INVALID_INPUT, m('ownMentor'), ['input', 'mentorWorkerId']);
      assertActive(studio, 'actionAddMember');
      const worker = await tx.findOne(Worker, { id: workerId });
      if (!worker) throw notFound('Worker', ['input', 'workerId']);
      const members = await tx.find(StudioMember, { studio });
      if (members.some((m) => m.worker.id === workerId)) {
        throw domainError(UserErrorCode.ALREADY_EXISTS, m('alreadyMember', { name: worker.name }), ['input', 'workerId']);
      }
      const mentor = mentorId ? members.find((m) => m.worker.id === mentorId) : null;
      if (mentorId && !mentor) {
        throw domainError(UserErrorCode.NOT_ELIGIBLE, m('mentorNotMember'), ['input', 'mentorWorkerId']);
      }
      if (mentor?.role === StudioMemberRole.APPRENTICE) {
        throw domainError(UserErrorCode.NOT_ELIGIBLE, m('apprenticeAsMentor'), ['input', 'mentorWorkerId']);
      }
      const member = tx.create(StudioMember, { studio, worker, role, mentor: mentor ? mentor.worker : null } as never);
      await tx.flush();
      return { member, studio };
    });
  }

  async remove(viewer: Viewer, studioId: string, workerId: string): Promise<{ member: StudioMember; studio: Studio }> {
    return this.em.transactional(async (tx) => {
      const studio = await lockStudio(tx, studioId);
      assertStudioManager(viewer, studio);
      assertActive(studio, 'actionRemoveMember');
      const members = await tx.find(StudioMember, { studio });
      const member = members.find((m) => m.worker.id === workerId);
      if (!member) throw notFound('Member', ['input', 'workerId']);
      if (member.role === StudioMemberRole.LEADER) {
        throw domainError(UserErrorCode.INVALID_STATE, m('leaderNotRemovable'), ['input', 'workerId']);
      }
      const apprentices = members.filter((m) => m.mentor?.id === workerId);
      if (apprentices.length) {
        throw domainError(UserErrorCode.INVALID_STATE, m('mentorsApprentices', { apprentices: apprentices.length }), ['input', 'workerId']);
      }
      tx.remove(member);
      await tx.flush();
      return { member, studio };
    });
  }
}
