import type { EntityManager } from '@mikro-orm/postgresql';
import { domainError, notFound, UserErrorCode } from '../common/errors.js';
import type { Viewer } from '../context.js';
import { Worker } from '../registry/worker.entity.js';
import { assertStudioManager, lockStudio } from './access.js';
import { ACTIVE } from './accreditation.js';
import { StudioMemberRole } from './enums.js';
import type { Studio } from './studio.entity.js';
import { StudioMember } from './studio-member.entity.js';

export function assertActive(studio: Studio, what: string): void {
  if (!ACTIVE.includes(studio.status)) {
    throw domainError(UserErrorCode.INVALID_STATE, `${what} is not possible while the studio is ${studio.status}`, ['input', 'studioId']);
  }
}

export class MemberService {
  constructor(private readonly em: EntityManager) {}

  async add(viewer: Viewer, studioId: string, workerId: string, role: StudioMemberRole, mentorId: string | null): Promise<{ member: StudioMember; studio: Studio }> {
    return this.em.transactional(async (tx) => {
      const studio = await lockStudio(tx, studioId);
      assertStudioManager(viewer, studio);
      if (role === StudioMemberRole.LEADER) {
        throw domainError(UserErrorCode.INVALID_INPUT, 'The leader is set by the application (updateStudio), not added as a member', ['input', 'role']);
      }
      if (role === StudioMemberRole.APPRENTICE && !mentorId) {
        throw domainError(UserErrorCode.INVALID_INPUT, 'An apprentice needs a mentor (mentorWorkerId)', ['input', 'mentorWorkerId']);
      }
      if (role !== StudioMemberRole.APPRENTICE && mentorId) {
        throw domainError(UserErrorCode.INVALID_INPUT, 'Only apprentices have a mentor', ['input', 'mentorWorkerId']);
      }
      if (mentorId === workerId) throw domainError(UserErrorCode.INVALID_INPUT, 'An apprentice cannot be their own mentor', ['input', 'mentorWorkerId']);
      assertActive(studio, 'Adding a member');
      const worker = await tx.findOne(Worker, { id: workerId });
      if (!worker) throw notFound('Worker', ['input', 'workerId']);
      const members = await tx.find(StudioMember, { studio });
      if (members.some((m) => m.worker.id === workerId)) {
        throw domainError(UserErrorCode.ALREADY_EXISTS, `${worker.name} is already a member of the studio`, ['input', 'workerId']);
      }
      const mentor = mentorId ? members.find((m) => m.worker.id === mentorId) : null;
      if (mentorId && !mentor) {
        throw domainError(UserErrorCode.NOT_ELIGIBLE, 'The mentor must be a member of the studio', ['input', 'mentorWorkerId']);
      }
      if (mentor?.role === StudioMemberRole.APPRENTICE) {
        throw domainError(UserErrorCode.NOT_ELIGIBLE, 'An apprentice cannot be a mentor', ['input', 'mentorWorkerId']);
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
      assertActive(studio, 'Removing a member');
      const members = await tx.find(StudioMember, { studio });
      const member = members.find((m) => m.worker.id === workerId);
      if (!member) throw notFound('Member', ['input', 'workerId']);
      if (member.role === StudioMemberRole.LEADER) {
        throw domainError(UserErrorCode.INVALID_STATE, 'The leader cannot be removed; name another leader with updateStudio first', ['input', 'workerId']);
      }
      const apprentices = members.filter((m) => m.mentor?.id === workerId);
      if (apprentices.length) {
        throw domainError(UserErrorCode.INVALID_STATE, `This member mentors ${apprentices.length} apprentice(s); remove or re-add them with another mentor first`, ['input', 'workerId']);
      }
      tx.remove(member);
      await tx.flush();
      return { member, studio };
    });
  }
}
