import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { domainError, notFound, UserErrorCode } from '../common/errors.js';
import { InputCheck } from '../common/validate.js';
import { SkillLevelChangeKind, skillRank } from '../registry/enums.js';
import { SkillLevelChange } from '../registry/skill-level-change.entity.js';
import { Worker } from '../registry/worker.entity.js';
import { AppraisalCandidate } from './appraisal-candidate.entity.js';
import { AppraisalSession } from './appraisal-session.entity.js';
import { AppraisalFlag, AppraisalSample, MAX_SAMPLE } from './appraisal-review.entity.js';
import type { Actor } from './access.js';
import { AppraisalCandidateOutcome, AppraisalFlagDecision, AppraisalFlagStatus, AppraisalSessionStatus } from './enums.js';
import { m } from './messages.js';
import { bilingual } from '../common/i18n.js';

/**
 * The city's supervision of appraisal: an INSPECTOR samples a closed session's results (抽查) and may annul
 * them; an annulment reverts each level the session granted with an ANNULMENT entry (recorded, never
 * deleted), unless a later change was built on it: then the worker is flagged and an ADMIN decides.
 */
export class AppraisalReviewService {
  constructor(private readonly em: EntityManager, private readonly actor: Actor) {}

  private async closedSession(id: string): Promise<AppraisalSession> {
    const session = await this.em.findOne(AppraisalSession, { id });
    if (!session) throw notFound('AppraisalSession', ['input', 'sessionId']);
    if (session.status !== AppraisalSessionStatus.CLOSED) throw domainError(UserErrorCode.INVALID_STATE, m('sessionNotClosed'), ['input', 'sessionId']);
    return session;
  }

  async sample(sessionId: string, candidateIds: string[], findings: string): Promise<AppraisalSample> {
    const check = new InputCheck();
    const text = check.text('findings', findings, { max: 5000 });
    const ids = [...new Set(candidateIds)];
    if (ids.length < 1 || ids.length > MAX_SAMPLE) check.fail('candidateIds', m('sampleSize', { max: MAX_SAMPLE }));
    check.throwIfAny();
    const session = await this.closedSession(sessionId);
    const inSession = new Set((await this.em.find(AppraisalCandidate, { session, id: { $in: ids } }, { fields: ['id'] })).map((c) => c.id));
    const stray = ids.findIndex((id) => !inSession.has(id));
    if (stray >= 0) throw domainError(UserErrorCode.INVALID_INPUT, m('notInSession', { index: stray + 1 }), ['input', 'candidateIds', String(stray)]);
    const sample = this.em.create(AppraisalSample, { session, inspector: this.actor.id, candidateIds: ids, findings: text } as never);
    await this.em.flush();
    return sample;
  }

  async annul(sessionId: string, reason: string): Promise<{ session: AppraisalSession; flags: AppraisalFlag[] }> {
    const check = new InputCheck();
    const why = check.text('reason', reason, { max: 2000 });
    check.throwIfAny();
    return this.em.transactional(async (tx) => {
      const em = tx as EntityManager;
      const session = await new AppraisalReviewService(em, this.actor).closedSession(sessionId);
      const candidates = await em.find(AppraisalCandidate, { session }, { orderBy: { addedAt: 'asc', id: 'asc' } });
      const passed = candidates.filter((c) => c.outcome === AppraisalCandidateOutcome.PASSED && c.levelChangeId);
      const workers = await em.find(Worker, { id: { $in: passed.map((c) => c.worker.id) } }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const flags: AppraisalFlag[] = [];
      const now = new Date();
      for (const c of passed) {
        const worker = workers.find((w) => w.id === c.worker.id)!;
        const granted = await em.findOneOrFail(SkillLevelChange, { id: c.levelChangeId! });
        const latest = await em.findOne(SkillLevelChange, { worker }, { orderBy: { at: 'desc', recordedAt: 'desc' } });
        // Reverted only where the granted level is still the worker's latest entry and there is a level to go back to.
        if (latest?.id === granted.id && granted.from) {
          em.create(SkillLevelChange, {
            worker, from: granted.to, to: granted.from, kind: SkillLevelChangeKind.ANNULMENT, reason: bilingual(m, 'annulledReason', { title: session.title }).slice(0, 500),
            note: why, source: granted.source, at: now < granted.at ? granted.at : now, appraisalSessionId: session.id, appraisalBodyId: granted.appraisalBodyId,
          } as never);
          worker.skillLevel = granted.from;
        } else {
          flags.push(em.create(AppraisalFlag, { session, candidate: c, worker } as never));
        }
      }
      for (const c of candidates) c.outcome = AppraisalCandidateOutcome.ANNULLED;
      Object.assign(session, { status: AppraisalSessionStatus.ANNULLED, annulledAt: now, annulmentReason: why });
      await em.flush();
      return { session, flags };
    });
  }

  async resolveFlag(flagId: string, decision: AppraisalFlagDecision, note: string | null | undefined): Promise<AppraisalFlag> {
    const check = new InputCheck();
    const text = check.text('note', note, { max: 2000, optional: decision === AppraisalFlagDecision.KEEP_LEVEL }) || null;
    check.throwIfAny();
    return this.em.transactional(async (tx) => {
      const em = tx as EntityManager;
      const flag = await em.findOne(AppraisalFlag, { id: flagId }, { populate: ['candidate', 'session'] });
      if (!flag) throw notFound('AppraisalFlag', ['input', 'flagId']);
      if (flag.status !== AppraisalFlagStatus.OPEN) throw domainError(UserErrorCode.INVALID_STATE, m('flagResolved'), ['input', 'flagId']);
      if (decision === AppraisalFlagDecision.REVERT_LEVEL) {
        const before = flag.candidate.getEntity().fromLevel;
        if (!before) throw domainError(UserErrorCode.INVALID_STATE, m('cannotRevertFirst'), ['input', 'decision']);
        const worker = await em.findOneOrFail(Worker, { id: flag.worker.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
        if (skillRank(worker.skillLevel) > skillRank(before)) {
          const latest = await em.findOne(SkillLevelChange, { worker }, { orderBy: { at: 'desc', recordedAt: 'desc' } });
          const now = new Date();
          const session = flag.session.getEntity();
          em.create(SkillLevelChange, {
            worker, from: worker.skillLevel, to: before, kind: SkillLevelChangeKind.ANNULMENT, reason: bilingual(m, 'annulledReason', { title: session.title }).slice(0, 500),
            note: text, at: latest && now < latest.at ? latest.at : now, appraisalSessionId: session.id, appraisalBodyId: session.body.id,
          } as never);
          worker.skillLevel = before;
        }
      }
      Object.assign(flag, { status: AppraisalFlagStatus.RESOLVED, decision, note: text, resolvedBy: this.actor.id, resolvedAt: new Date() });
      await em.flush();
      return flag;
    });
  }
}
