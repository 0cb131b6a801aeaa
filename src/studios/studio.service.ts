import type { EntityManager } from '@mikro-orm/postgresql';
import { domainError, DomainError, notFound, UserErrorCode, type UserErrorInit } from '../common/errors.js';
import { InputCheck } from '../common/validate.js';
import type { Viewer } from '../context.js';
import { User } from '../auth/user.entity.js';
import { Enterprise } from '../registry/enterprise.entity.js';
import { HonorKind, type Level, SkillLevel, skillRank } from '../registry/enums.js';
import { Honor } from '../registry/honor.entity.js';
import { Worker } from '../registry/worker.entity.js';
import { assertStudioManager, lockStudio } from './access.js';
import { ACCREDITATION, EDITABLE, nextStudioStatus, reviewDueFrom, type StudioMove } from './accreditation.js';
import { StudioAction, StudioKind, StudioMemberRole, type StudioStatus } from './enums.js';
import { Studio } from './studio.entity.js';
import { StudioDecision } from './studio-decision.entity.js';
import { StudioMember } from './studio-member.entity.js';
import { labelOf } from '../common/enum-labels.js';
import { labelsOf, m } from './messages.js';

export interface StudioFields {
  name?: string | null;
  kind?: StudioKind | null;
  level?: Level | null;
  description?: string | null;
  focusAreas?: string[] | null;
  leaderWorkerId?: string | null;
}

const MAX_FOCUS_AREAS = 20;

/**
 * The rule a studio kind sets for its leader, or null when the worker meets it. Each message names
 * the rule, so the applicant knows which record (honor, skill level) is missing.
 */
export async function leaderProblem(em: EntityManager, kind: StudioKind, leader: Worker): Promise<string | null> {
  const honorRule = async (honor: HonorKind, rule: 'ruleModelWorker' | 'ruleCraftsman') =>
    (await em.count(Honor, { worker: leader.id, kind: honor, revokedAt: null }))
      ? null
      : m('honorRule', { rule: m(rule), kind: labelOf('StudioKind', kind), honor: labelOf('HonorKind', honor), name: leader.name });
  switch (kind) {
    case StudioKind.MODEL_WORKER:
      return honorRule(HonorKind.MODEL_WORKER, 'ruleModelWorker');
    case StudioKind.CRAFTSMAN:
      return honorRule(HonorKind.CRAFTSMAN, 'ruleCraftsman');
    case StudioKind.SKILL_MASTER:
      return skillRank(leader.skillLevel) >= skillRank(SkillLevel.TECHNICIAN)
        ? null
        : m('skillRule', { name: leader.name, level: leader.skillLevel ? labelOf('SkillLevel', leader.skillLevel) : m('noSkillLevel') });
    case StudioKind.WORKER_INNOVATION:
      return null;
  }
}

/** Validates the fields present (all required ones unless `partial`). */
function cleanStudio(check: InputCheck, data: StudioFields, partial: boolean): Partial<Studio> {
  const out: Partial<Studio> = {};
  const has = (v: unknown) => !partial || v != null;
  if (has(data.name)) out.name = check.name('name', data.name, { max: 200 });
  if (data.description != null) out.description = check.text('description', data.description, { max: 10_000, optional: true });
  if (data.kind != null) out.kind = data.kind;
  if (data.level != null) out.level = data.level;
  if (data.focusAreas != null) {
    if (data.focusAreas.length > MAX_FOCUS_AREAS) check.fail('focusAreas', m('tooManyFocusAreas', { max: MAX_FOCUS_AREAS }));
    const areas = data.focusAreas.map((a, i) => {
      const v = (a ?? '').trim();
      if (!v || v.length > 100) check.fail(['focusAreas', String(i)], m('focusAreaLength'));
      return v;
    });
    out.focusAreas = [...new Set(areas)];
  }
  return out;
}

export async function recordDecision(
  em: EntityManager, studio: Studio, action: StudioAction, from: StudioStatus | null, viewer: Viewer, comment: string | null,
): Promise<StudioDecision> {
  return em.create(StudioDecision, { studio, action, from, to: studio.status, by: em.getReference(User, viewer.id), comment, at: new Date() } as never);
}

function cleanComment(raw: string | null | undefined, required: boolean, action: StudioAction): string | null {
  const check = new InputCheck();
  const comment = check.text('comment', raw, { max: 2000, optional: true });
  if (required && !comment && check.ok) check.fail('comment', m('commentRequired', { action: labelOf('StudioAction', action) }));
  check.throwIfAny();
  return comment || null;
}

export class StudioService {
  constructor(private readonly em: EntityManager) {}

  /** The leader worker, who must exist, work at the enterprise and meet the kind's rule. */
  private async checkLeader(em: EntityManager, leaderId: string, enterpriseId: string, kind: StudioKind): Promise<Worker> {
    const field = ['input', 'leaderWorkerId'];
    const leader = await em.findOne(Worker, { id: leaderId });
    if (!leader) throw notFound('Worker', field);
    const problems: UserErrorInit[] = [];
    if (leader.enterprise.id !== enterpriseId) {
      problems.push({ code: UserErrorCode.NOT_ELIGIBLE, message: m('sameEnterprise', { name: leader.name }), field });
    }
    const rule = await leaderProblem(em, kind, leader);
    if (rule) problems.push({ code: UserErrorCode.NOT_ELIGIBLE, message: rule, field });
    if (problems.length) throw new DomainError(problems);
    return leader;
  }

  async apply(viewer: Viewer, enterpriseId: string, leaderId: string, data: StudioFields): Promise<Studio> {
    const check = new InputCheck();
    const clean = cleanStudio(check, data, false);
    check.throwIfAny();
    return this.em.transactional(async (tx) => {
      const enterprise = await tx.findOne(Enterprise, { id: enterpriseId });
      if (!enterprise) throw notFound('Enterprise', ['input', 'enterpriseId']);
      const leader = await this.checkLeader(tx, leaderId, enterprise.id, clean.kind!);
      const studio = tx.create(Studio, { ...clean, enterprise, leader, manager: tx.getReference(User, viewer.id) } as never);
      tx.create(StudioMember, { studio, worker: leader, role: StudioMemberRole.LEADER } as never);
      await recordDecision(tx, studio, StudioAction.APPLY, null, viewer, null);
      await tx.flush();
      return studio;
    });
  }

  async update(viewer: Viewer, id: string, data: StudioFields): Promise<Studio> {
    const check = new InputCheck();
    const clean = cleanStudio(check, data, true);
    return this.em.transactional(async (tx) => {
      const studio = await lockStudio(tx, id);
      assertStudioManager(viewer, studio);
      check.throwIfAny();
      if (!EDITABLE.includes(studio.status)) {
        throw domainError(UserErrorCode.INVALID_STATE, m('notEditable', { allowed: labelsOf('StudioStatus', EDITABLE), status: labelOf('StudioStatus', studio.status) }), ['input', 'studioId']);
      }
      const kind = clean.kind ?? studio.kind;
      const leaderId = data.leaderWorkerId ?? studio.leader.id;
      // A new kind or a new leader: the leader rule is checked again.
      if (kind !== studio.kind || leaderId !== studio.leader.id) {
        const leader = await this.checkLeader(tx, leaderId, studio.enterprise.id, kind);
        if (leader.id !== studio.leader.id) await this.replaceLeader(tx, studio, leader);
      }
      tx.assign(studio, clean as never);
      await tx.flush();
      return studio;
    });
  }

  /** The old leader stays as a core member; the new one becomes LEADER (added if not yet a member). */
  private async replaceLeader(tx: EntityManager, studio: Studio, leader: Worker): Promise<void> {
    const members = await tx.find(StudioMember, { studio });
    const old = members.find((m) => m.role === StudioMemberRole.LEADER);
    if (old) old.role = StudioMemberRole.CORE_MEMBER;
    const existing = members.find((m) => m.worker.id === leader.id);
    if (existing) {
      existing.role = StudioMemberRole.LEADER;
      existing.mentor = null;
    } else {
      tx.create(StudioMember, { studio, worker: leader, role: StudioMemberRole.LEADER } as never);
    }
    studio.leader = tx.getReference(Worker, leader.id, { wrapped: true });
  }

  async resubmit(viewer: Viewer, id: string, commentRaw: string | null | undefined): Promise<Studio> {
    return this.em.transactional(async (tx) => {
      const studio = await lockStudio(tx, id);
      assertStudioManager(viewer, studio);
      const comment = cleanComment(commentRaw, false, StudioAction.RESUBMIT);
      await this.move(tx, studio, StudioAction.RESUBMIT, viewer, comment);
      return studio;
    });
  }

  /** reviewStudio and reevaluateStudio: a REVIEWER's (or ADMIN's) decision, never on their own enterprise's studio. */
  async decide(viewer: Viewer, id: string, action: StudioMove, commentRaw: string | null | undefined): Promise<Studio> {
    const comment = cleanComment(commentRaw, ACCREDITATION[action].needsComment, action);
    return this.em.transactional(async (tx) => {
      const studio = await lockStudio(tx, id);
      await this.assertNoConflict(tx, viewer, studio);
      await this.move(tx, studio, action, viewer, comment);
      return studio;
    });
  }

  private async assertNoConflict(tx: EntityManager, viewer: Viewer, studio: Studio): Promise<void> {
    if (studio.manager.id === viewer.id) {
      throw domainError(UserErrorCode.CONFLICT_OF_INTEREST, m('youManage'), ['input', 'studioId']);
    }
    if (!viewer.workerId) return;
    const own = await tx.findOne(Worker, { id: viewer.workerId }, { fields: ['enterprise'] });
    if (own && own.enterprise.id === studio.enterprise.id) {
      throw domainError(UserErrorCode.CONFLICT_OF_INTEREST, m('ownEnterprise'), ['input', 'studioId']);
    }
  }

  /** Applies one move of the state machine and records it (who, when, comment). */
  private async move(tx: EntityManager, studio: Studio, action: StudioMove, viewer: Viewer, comment: string | null): Promise<void> {
    const next = nextStudioStatus(studio.status, action);
    if (!next.ok) throw domainError(UserErrorCode.INVALID_STATE, next.message, ['input', 'studioId']);
    const from = studio.status;
    const now = new Date();
    studio.status = next.to;
    if (action === StudioAction.ACCREDIT) studio.accreditedAt ??= now;
    if (action === StudioAction.ACCREDIT || action === StudioAction.RENEW) studio.reviewDueAt = reviewDueFrom(now);
    await recordDecision(tx, studio, action, from, viewer, comment);
    await tx.flush();
  }
}
