import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, domainError, notFound, UserErrorCode } from '../common/errors.js';
import { todayInChina } from '../common/date.js';
import { InputCheck } from '../common/validate.js';
import { labelOf } from '../common/enum-labels.js';
import { Role } from '../auth/role.js';
import { User } from '../auth/user.entity.js';
import { SkillLevelChangeKind, type SkillLevel } from '../registry/enums.js';
import { SkillLevelChange } from '../registry/skill-level-change.entity.js';
import { Worker } from '../registry/worker.entity.js';
import { WorkerService } from '../registry/worker.service.js';
import { AppraisalBody } from './appraisal-body.entity.js';
import { AppraisalCandidate, AppraisalMark } from './appraisal-candidate.entity.js';
import { AppraisalAssessor, AppraisalSession, MAX_ASSESSORS } from './appraisal-session.entity.js';
import { AppraisalEligibilityRule } from './eligibility-rule.entity.js';
import { assertBodyMay, AppraisalBodyService } from './body.service.js';
import { assertRuns, enterprisesOf, type Actor } from './access.js';
import { AppraisalCandidateOutcome, AppraisalSessionStatus } from './enums.js';
import { COMPONENTS, DEFAULT_PASS_MARK, DEFAULT_WEIGHTS, eligibilityProblems, passes, weightedResult, weightProblems, wholeYears, type CandidateFacts, type Weights } from './rules.js';
import { m } from './messages.js';
import { bilingual } from '../common/i18n.js';

export interface SessionData {
  title: string;
  trade: string;
  targetLevel: SkillLevel;
  external: boolean;
  weights?: Weights | null;
  passMark?: number | null;
}

const columns = (w: Weights) => ({
  weightTheory: w.theory, weightPractical: w.practical, weightInnovation: w.innovation, weightProblemSolving: w.problemSolving, weightPerformance: w.performance,
});

/** The facts eligibility is judged on (rules.ts), from the registry: see README, "Skill appraisal". */
export async function candidateFacts(em: EntityManager, worker: Worker, today = todayInChina()): Promise<CandidateFacts> {
  let yearsAtLevel: number | null = null;
  if (worker.skillLevel) {
    const latest = await em.findOne(SkillLevelChange, { worker }, { orderBy: { at: 'desc', recordedAt: 'desc' } });
    // An INITIAL entry is the level held when registered, since an unknown date: counted from the day the worker joined.
    const since = !latest || latest.kind === SkillLevelChangeKind.INITIAL ? worker.joinedAt : todayInChina(latest.at);
    yearsAtLevel = Math.max(0, wholeYears(since, today));
  }
  const startYear = worker.tradeStartYear ?? Number(worker.joinedAt.slice(0, 4));
  return { trade: worker.trade, level: worker.skillLevel, yearsAtLevel, yearsInTrade: Math.max(0, Number(today.slice(0, 4)) - startYear) };
}

/** Appraisal sessions: opened and run by the body's staff (or an ADMIN), marked by their assessors, closed into the registry. */
export class AppraisalSessionService {
  constructor(private readonly em: EntityManager, private readonly actor: Actor) {}

  async get(id: string, field = ['input', 'sessionId']): Promise<AppraisalSession> {
    const session = await this.em.findOne(AppraisalSession, { id }, { populate: ['body'] });
    if (!session) throw notFound('AppraisalSession', field);
    return session;
  }

  /**
   * The session's row, locked to the end of the transaction. Every write to a session's candidates,
   * assessors and marks takes it first, so a mark cannot slip past a removal's "no marks yet" check or a
   * close's count, and two closes cannot both run. Volumes are a few hundred marks a session: one lock pays.
   */
  private async lockSession(id: string, field: string[]): Promise<AppraisalSession> {
    const session = await this.em.findOne(AppraisalSession, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (!session) throw notFound('AppraisalSession', field);
    await this.em.populate(session, ['body']);
    return session;
  }

  /** Runs `fn` in a transaction with a service on its EntityManager. */
  private inTransaction<T>(fn: (service: AppraisalSessionService) => Promise<T>): Promise<T> {
    return this.em.transactional((tx) => fn(new AppraisalSessionService(tx as EntityManager, this.actor)));
  }

  /** The session, locked (see lockSession), checked to be run by the actor and still open. */
  private async openSession(id: string, field = ['input', 'sessionId']): Promise<AppraisalSession> {
    const session = await this.lockSession(id, field);
    assertRuns(this.actor, session.body.getEntity());
    if (session.status !== AppraisalSessionStatus.OPEN) throw domainError(UserErrorCode.INVALID_STATE, m('sessionNotOpen'), field);
    return session;
  }

  async create(bodyId: string, data: SessionData): Promise<AppraisalSession> {
    const check = new InputCheck();
    const title = check.name('title', data.title, { max: 200 });
    const trade = check.name('trade', data.trade, { max: 100 });
    const weights = data.weights ?? DEFAULT_WEIGHTS;
    check.problems.push(...weightProblems(weights));
    const passMark = data.passMark ?? DEFAULT_PASS_MARK;
    if (!Number.isInteger(passMark) || passMark < 1 || passMark > 100) check.fail('passMark', m('passMarkRange'));
    const body = await new AppraisalBodyService(this.em).get(bodyId);
    assertRuns(this.actor, body);
    check.throwIfAny();
    assertBodyMay(body, { trade, level: data.targetLevel });
    const session = this.em.create(AppraisalSession, {
      body, title, trade, targetLevel: data.targetLevel, external: data.external, passMark, ...columns(weights), createdBy: this.actor.id,
    } as never);
    await this.em.flush();
    return session;
  }

  async configure(id: string, data: { weights?: Weights | null; passMark?: number | null }): Promise<AppraisalSession> {
    return this.inTransaction((s) => s.configureIn(id, data));
  }

  private async configureIn(id: string, data: { weights?: Weights | null; passMark?: number | null }): Promise<AppraisalSession> {
    const session = await this.openSession(id);
    const check = new InputCheck();
    if (data.weights) check.problems.push(...weightProblems(data.weights));
    if (data.passMark != null && (!Number.isInteger(data.passMark) || data.passMark < 1 || data.passMark > 100)) check.fail('passMark', m('passMarkRange'));
    check.throwIfAny();
    if (data.weights) this.em.assign(session, columns(data.weights));
    if (data.passMark != null) session.passMark = data.passMark;
    await this.em.flush();
    return session;
  }

  async addCandidate(id: string, workerId: string): Promise<AppraisalCandidate> {
    return this.inTransaction((s) => s.addCandidateIn(id, workerId));
  }

  private async addCandidateIn(id: string, workerId: string): Promise<AppraisalCandidate> {
    const session = await this.openSession(id);
    const body = session.body.getEntity();
    assertBodyMay(body);
    const worker = await new WorkerService(this.em).get(workerId);
    if (await this.em.count(AppraisalCandidate, { session, worker })) throw domainError(UserErrorCode.ALREADY_EXISTS, m('candidateExists'), ['input', 'workerId']);
    const rule = await this.em.findOne(AppraisalEligibilityRule, { targetLevel: session.targetLevel });
    if (!rule) throw domainError(UserErrorCode.NOT_ELIGIBLE, m('noRule', { level: labelOf('SkillLevel', session.targetLevel) }), ['input', 'sessionId']);
    const problems = eligibilityProblems(session.trade, rule, await candidateFacts(this.em, worker));
    if (!session.external && worker.enterprise.id !== body.enterprise.id) problems.push({ code: UserErrorCode.NOT_ELIGIBLE, message: m('ruleInternal'), field: ['input', 'workerId'] });
    if (problems.length) throw new DomainError(problems);
    const candidate = this.em.create(AppraisalCandidate, { session, worker, fromLevel: worker.skillLevel } as never);
    await this.em.flush();
    return candidate;
  }

  async addAssessor(id: string, userId: string): Promise<AppraisalSession> {
    return this.inTransaction((s) => s.addAssessorIn(id, userId));
  }

  private async addAssessorIn(id: string, userId: string): Promise<AppraisalSession> {
    const session = await this.openSession(id);
    const user = await this.em.findOne(User, { id: userId });
    if (!user) throw notFound('User', ['input', 'userId']);
    if (!user.roles.includes(Role.APPRAISER)) throw domainError(UserErrorCode.NOT_ELIGIBLE, m('assessorRole'), ['input', 'userId']);
    if (await this.em.count(AppraisalAssessor, { session, user })) throw domainError(UserErrorCode.ALREADY_EXISTS, m('assessorExists'), ['input', 'userId']);
    if ((await this.em.count(AppraisalAssessor, { session })) >= MAX_ASSESSORS) throw domainError(UserErrorCode.INVALID_STATE, m('tooManyAssessors', { max: MAX_ASSESSORS }), ['input', 'userId']);
    this.em.create(AppraisalAssessor, { session, user } as never);
    await this.em.flush();
    return session;
  }

  /**
   * Takes a candidate off an OPEN session, only while no assessor has marked them (marks are never thrown
   * away). The session's row is locked first (lockSession): a mark being entered at the same moment either
   * is seen by the count or waits and then finds the candidate gone.
   */
  async removeCandidate(candidateId: string): Promise<AppraisalSession> {
    return this.inTransaction((s) => s.removeCandidateIn(candidateId));
  }

  private async removeCandidateIn(candidateId: string): Promise<AppraisalSession> {
    const found = await this.em.findOne(AppraisalCandidate, { id: candidateId });
    if (!found) throw notFound('AppraisalCandidate', ['input', 'candidateId']);
    const session = await this.openSession(found.session.id, ['input', 'candidateId']);
    // Read again under the lock: a concurrent removal may have taken it.
    const candidate = await this.em.findOne(AppraisalCandidate, { id: candidateId }, { refresh: true });
    if (!candidate) throw notFound('AppraisalCandidate', ['input', 'candidateId']);
    if (await this.em.count(AppraisalMark, { candidate })) throw domainError(UserErrorCode.INVALID_STATE, m('candidateMarked'), ['input', 'candidateId']);
    this.em.remove(candidate);
    await this.em.flush();
    return session;
  }

  /** Takes an assessor off an OPEN session, only while they have entered no marks in it. */
  async removeAssessor(id: string, userId: string): Promise<AppraisalSession> {
    return this.inTransaction((s) => s.removeAssessorIn(id, userId));
  }

  private async removeAssessorIn(id: string, userId: string): Promise<AppraisalSession> {
    const session = await this.openSession(id);
    const seat = await this.em.findOne(AppraisalAssessor, { session, user: userId });
    if (!seat) throw domainError(UserErrorCode.NOT_FOUND, m('notAssessorOf'), ['input', 'userId']);
    if (await this.em.count(AppraisalMark, { candidate: { session }, assessor: userId })) throw domainError(UserErrorCode.INVALID_STATE, m('assessorMarked'), ['input', 'userId']);
    this.em.remove(seat);
    await this.em.flush();
    return session;
  }

  /** An assessor's five marks for a candidate; entered again, they replace the assessor's earlier ones. */
  async enterMarks(candidateId: string, marks: Weights): Promise<AppraisalCandidate> {
    return this.inTransaction((s) => s.enterMarksIn(candidateId, marks));
  }

  private async enterMarksIn(candidateId: string, marks: Weights): Promise<AppraisalCandidate> {
    const check = new InputCheck(['input', 'marks']);
    for (const c of COMPONENTS) check.int(c, marks[c], 0, 100);
    const found = await this.em.findOne(AppraisalCandidate, { id: candidateId });
    if (!found) throw notFound('AppraisalCandidate', ['input', 'candidateId']);
    // Under the session's lock (see lockSession) the candidate, the seat and the status are read as they stand.
    const session = await this.lockSession(found.session.id, ['input', 'candidateId']);
    const candidate = await this.em.findOne(AppraisalCandidate, { id: candidateId }, { populate: ['worker'], refresh: true });
    if (!candidate) throw notFound('AppraisalCandidate', ['input', 'candidateId']);
    if (!(await this.em.count(AppraisalAssessor, { session, user: this.actor.id }))) throw domainError(UserErrorCode.FORBIDDEN, m('notAssessor'), ['input', 'candidateId']);
    if (session.status !== AppraisalSessionStatus.OPEN) throw domainError(UserErrorCode.INVALID_STATE, m('sessionNotOpen'), ['input', 'candidateId']);
    if (session.external && (await enterprisesOf(this.em, this.actor)).includes(candidate.worker.getEntity().enterprise.id)) {
      throw domainError(UserErrorCode.CONFLICT_OF_INTEREST, m('ownEnterprise'), ['input', 'candidateId']);
    }
    check.throwIfAny();
    const values = Object.fromEntries(COMPONENTS.map((c) => [c, marks[c]]));
    const existing = await this.em.findOne(AppraisalMark, { candidate, assessor: this.actor.id });
    if (existing) this.em.assign(existing, { ...values, enteredAt: new Date() });
    else this.em.create(AppraisalMark, { candidate, assessor: this.actor.id, ...values } as never);
    await this.em.flush();
    return candidate;
  }

  /**
   * Closes the session: every candidate's weighted result; each pass writes an APPRAISAL entry one level up
   * with a certificate number (the body's code, the year, a five-digit sequence per body and year). All or nothing.
   */
  async close(id: string): Promise<AppraisalSession> {
    return this.inTransaction((s) => s.closeIn(id));
  }

  private async closeIn(id: string): Promise<AppraisalSession> {
    const session = await this.openSession(id);
    assertBodyMay(session.body.getEntity());
    const candidates = await this.em.find(AppraisalCandidate, { session }, { populate: ['worker'], orderBy: { addedAt: 'asc', id: 'asc' } });
    if (!candidates.length) throw domainError(UserErrorCode.INVALID_STATE, m('noCandidates'), ['input', 'sessionId']);
    const marks = await this.em.find(AppraisalMark, { candidate: { $in: candidates.map((c) => c.id) } });
    const unmarked = candidates.filter((c) => !marks.some((mk) => mk.candidate.id === c.id));
    if (unmarked.length) throw domainError(UserErrorCode.INVALID_STATE, m('unmarked', { n: unmarked.length }), ['input', 'sessionId']);
    // The body's row, locked: certificate numbers are counted under it.
    const body = await this.em.findOneOrFail(AppraisalBody, { id: session.body.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const workers = await this.em.find(Worker, { id: { $in: candidates.map((c) => c.worker.id) } }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const now = new Date();
    const year = todayInChina(now).slice(0, 4);
    const prefix = `${body.code}${year}`;
    let issued = await this.em.count(AppraisalCandidate, { certificateNumber: { $like: `${prefix}%` } });
    for (const c of candidates) {
      const result = weightedResult(session.weights, marks.filter((mk) => mk.candidate.id === c.id))!;
      c.result = result;
      if (!passes(result, session.passMark)) {
        c.outcome = AppraisalCandidateOutcome.FAILED;
        continue;
      }
      const worker = workers.find((w) => w.id === c.worker.id)!;
      if (worker.skillLevel !== c.fromLevel) {
        throw domainError(UserErrorCode.INVALID_STATE, m('levelChanged', { name: worker.name, level: worker.skillLevel ? labelOf('SkillLevel', worker.skillLevel) : m('noLevel') }), ['input', 'sessionId']);
      }
      const certificateNumber = `${prefix}${String(++issued).padStart(5, '0')}`;
      const change = this.em.create(SkillLevelChange, {
        worker, from: worker.skillLevel, to: session.targetLevel, kind: SkillLevelChangeKind.APPRAISAL,
        reason: bilingual(m, 'appraisedReason', { title: session.title }).slice(0, 500), source: `${body.code} ${session.title}`.slice(0, 300), at: now,
        appraisalSessionId: session.id, appraisalBodyId: body.id, certificateNumber,
      } as never);
      worker.skillLevel = session.targetLevel;
      Object.assign(c, { outcome: AppraisalCandidateOutcome.PASSED, certificateNumber, levelChangeId: change.id });
    }
    session.status = AppraisalSessionStatus.CLOSED;
    session.closedAt = now;
    await this.em.flush();
    return session;
  }
}
