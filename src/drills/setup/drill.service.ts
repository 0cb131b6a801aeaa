import { LockMode, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, domainError, forbidden, notFound, UserErrorCode, type UserErrorInit } from '../../common/errors.js';
import { labelOf } from '../../common/enum-labels.js';
import { expectId } from '../../common/relay.js';
import { InputCheck } from '../../common/validate.js';
import type { Viewer } from '../../context.js';
import { User } from '../../auth/user.entity.js';
import { Enterprise } from '../../registry/enterprise.entity.js';
import { skillRank, SKILL_LEVEL_ORDER } from '../../registry/enums.js';
import type { EligibilityRule } from '../../registry/eligibility.js';
import { runsDrill } from '../access.js';
import { Question } from '../bank/question.entity.js';
import { DrillPhase, DrillStatus, QuestionStatus } from '../enums.js';
import { Drill, drillPhase } from './drill.entity.js';
import type { CreateDrillInput, DrillEligibilityInput, PaperRuleInput, UpdateDrillInput } from './drill.inputs.js';
import { m } from './messages.js';
import { drawPaper, type PoolQuestion } from './paper.js';
import { QUESTION_TYPES, type PaperRule } from './paper-rule.js';

const MAX_ENTERPRISES = 200;

/** The drill's eligibility as the registry's one engine reads it. */
export function drillEligibilityRule(d: Drill): EligibilityRule {
  return {
    trades: d.trades, minSkillLevel: d.minSkillLevel, maxSkillLevel: d.maxSkillLevel,
    enterpriseIds: d.eligibleEnterpriseIds, districts: d.eligibleDistricts, ownerships: d.eligibleOwnerships as EligibilityRule['ownerships'],
  };
}

/**
 * The APPROVED questions a drill's papers draw from: of its trades, and of a skill level within its
 * range (or of no level). Drawing (the taking room) and the setup check use this one pool.
 */
export async function approvedPool(em: EntityManager, d: Pick<Drill, 'trades' | 'minSkillLevel' | 'maxSkillLevel'>): Promise<PoolQuestion[]> {
  const levels = SKILL_LEVEL_ORDER.filter((l) => (!d.minSkillLevel || skillRank(l) >= skillRank(d.minSkillLevel)) && (!d.maxSkillLevel || skillRank(l) <= skillRank(d.maxSkillLevel)));
  const where: FilterQuery<Question> = { trade: { $in: d.trades }, status: QuestionStatus.APPROVED, $or: [{ skillLevel: null }, { skillLevel: { $in: levels } }] };
  const rows = await em.find(Question, where, { fields: ['id', 'topic', 'difficulty', 'type', 'options'] as never });
  return rows.map((q) => ({ id: q.id, topic: q.topic, difficulty: q.difficulty, type: q.type, optionKeys: q.options.map((o) => o.key) }));
}

type Fields = Omit<CreateDrillInput, 'eligibility' | 'hostEnterpriseId' | 'paperRule'>;

/** Drill setup: create, change (as a draft or before opening), publish, cancel. Only its organizer or an admin runs a drill. */
export class DrillService {
  constructor(private readonly em: EntityManager, private readonly viewer: Viewer) {}

  async create(input: CreateDrillInput): Promise<Drill> {
    const d = new Drill();
    d.organizer = this.em.getReference(User, this.viewer.id) as never;
    const check = new InputCheck();
    this.apply(d, input, check, { eligibility: input.eligibility ?? {}, paperRule: input.paperRule });
    if (input.hostEnterpriseId != null) {
      const id = expectId(input.hostEnterpriseId, 'Enterprise', ['input', 'hostEnterpriseId']);
      if (!(await this.em.count(Enterprise, { id }))) check.fail('hostEnterpriseId', m('noSuchEnterprise'));
      d.hostEnterprise = this.em.getReference(Enterprise, id) as never;
    }
    await this.checkEnterprises(d, check);
    check.throwIfAny();
    await this.checkPool(this.em, d);
    await this.em.persistAndFlush(d);
    return d;
  }

  async update(input: UpdateDrillInput): Promise<Drill> {
    const id = expectId(input.drillId, 'Drill', ['input', 'drillId']);
    return this.em.transactional(async (tx) => {
      const d = await this.lock(tx, id);
      if (input.version != null && input.version !== d.version) throw domainError(UserErrorCode.STALE_VERSION, m('staleVersion', { version: d.version }), ['input', 'version']);
      const phase = drillPhase(d, new Date());
      if (d.status === DrillStatus.CANCELLED || phase !== DrillPhase.UPCOMING) {
        throw domainError(UserErrorCode.INVALID_STATE, m('notChangeable', { state: stateWord(d) }), ['input', 'drillId']);
      }
      const check = new InputCheck();
      const fields: Fields = {
        title: input.title ?? d.title, description: input.description !== undefined ? input.description : d.description, trades: input.trades ?? d.trades,
        opensAt: input.opensAt ?? d.opensAt, closesAt: input.closesAt ?? d.closesAt, timeLimitMinutes: input.timeLimitMinutes ?? d.timeLimitMinutes,
        attemptsAllowed: input.attemptsAllowed ?? d.attemptsAllowed, counting: input.counting ?? d.counting, resultRelease: input.resultRelease ?? d.resultRelease,
        passMark: input.passMark ?? d.passMark, publicBoard: input.publicBoard ?? d.publicBoard,
      };
      this.apply(d, fields, check, { eligibility: input.eligibility ?? undefined, paperRule: input.paperRule ?? undefined });
      await this.checkEnterprises(d, check);
      check.throwIfAny();
      await this.checkPool(tx, d);
      return d;
    });
  }

  /** DRAFT → PUBLISHED, its rule checked once more against today's bank. */
  async publish(drillId: string): Promise<Drill> {
    const id = expectId(drillId, 'Drill', ['input', 'drillId']);
    return this.em.transactional(async (tx) => {
      const d = await this.lock(tx, id);
      if (d.status !== DrillStatus.DRAFT) throw domainError(UserErrorCode.INVALID_STATE, m('notDraft', { status: labelOf('DrillStatus', d.status) }), ['input', 'drillId']);
      if (d.closesAt <= new Date()) throw domainError(UserErrorCode.INVALID_STATE, m('windowPast'), ['input', 'drillId']);
      await this.checkPool(tx, d);
      d.status = DrillStatus.PUBLISHED;
      return d;
    });
  }

  /** A draft, or a published drill whose window has not closed, is called off. */
  async cancel(drillId: string): Promise<Drill> {
    const id = expectId(drillId, 'Drill', ['input', 'drillId']);
    return this.em.transactional(async (tx) => {
      const d = await this.lock(tx, id);
      if (d.status === DrillStatus.CANCELLED || drillPhase(d, new Date()) === DrillPhase.CLOSED) {
        throw domainError(UserErrorCode.INVALID_STATE, m('notCancellable', { state: stateWord(d) }), ['input', 'drillId']);
      }
      await refuseWhileFeedingStages(tx, d.id);
      d.status = DrillStatus.CANCELLED;
      return d;
    });
  }

  private async lock(tx: EntityManager, id: string): Promise<Drill> {
    const d = await tx.findOne(Drill, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!d) throw notFound('Drill', ['input', 'drillId']);
    if (!runsDrill(this.viewer, d)) throw forbidden();
    return d;
  }

  /** Checks and assigns the fields; eligibility and paper rule only when given (undefined = unchanged). */
  private apply(d: Drill, f: Fields, check: InputCheck, parts: { eligibility?: DrillEligibilityInput; paperRule?: PaperRuleInput }): void {
    d.title = check.name('title', f.title, { max: 200 });
    d.description = check.text('description', f.description, { max: 2000, optional: true }) || null;
    d.trades = this.names(check, 'trades', f.trades, 1, 20);
    if (!(f.opensAt instanceof Date) || !(f.closesAt instanceof Date) || !(f.opensAt < f.closesAt)) check.fail('closesAt', m('windowBackwards'));
    else if (f.closesAt <= new Date()) check.fail('closesAt', m('windowPast'));
    d.opensAt = f.opensAt;
    d.closesAt = f.closesAt;
    d.timeLimitMinutes = check.int('timeLimitMinutes', f.timeLimitMinutes, 1, 600);
    d.attemptsAllowed = check.int('attemptsAllowed', f.attemptsAllowed, 1, 100);
    d.counting = f.counting;
    d.resultRelease = f.resultRelease;
    d.publicBoard = f.publicBoard === true;
    if (parts.eligibility !== undefined) {
      const e = parts.eligibility;
      d.eligibleDistricts = this.names(check, ['eligibility', 'districts'], e.districts ?? [], 0, 50);
      d.eligibleOwnerships = [...new Set(e.ownerships ?? [])];
      d.minSkillLevel = e.minSkillLevel ?? null;
      d.maxSkillLevel = e.maxSkillLevel ?? null;
      if (d.minSkillLevel && d.maxSkillLevel && skillRank(d.minSkillLevel) > skillRank(d.maxSkillLevel)) check.fail(['eligibility', 'maxSkillLevel'], m('levelsBackwards'));
      const ids = e.enterpriseIds ?? [];
      if (ids.length > MAX_ENTERPRISES) check.fail(['eligibility', 'enterpriseIds'], m('listSize', { min: 0, max: MAX_ENTERPRISES }));
      d.eligibleEnterpriseIds = [...new Set(ids.map((g, i) => expectId(g, 'Enterprise', ['input', 'eligibility', 'enterpriseIds', String(i)])))];
    }
    if (parts.paperRule !== undefined) d.paperRule = this.rule(check, parts.paperRule);
    const max = maxPoints(d.paperRule);
    if (!Number.isFinite(f.passMark) || f.passMark < 0 || f.passMark > max) check.fail('passMark', m('passMark', { max }));
    d.passMark = f.passMark;
  }

  private rule(check: InputCheck, r: PaperRuleInput): PaperRule {
    if (r.sections.length < 1 || r.sections.length > 50) check.fail(['paperRule', 'sections'], m('listSize', { min: 1, max: 50 }));
    const sections = r.sections.map((s, i) => {
      const at = new InputCheck(['input', 'paperRule', 'sections', String(i)]);
      const topic = at.name('topic', s.topic, { max: 100 });
      const count = at.int('count', s.count, 1, 200);
      check.problems.push(...at.problems);
      return { topic, difficulty: s.difficulty ?? null, type: s.type ?? null, count };
    });
    const types = r.pointsByType.map((p) => p.type);
    if (types.length !== QUESTION_TYPES.length || QUESTION_TYPES.some((t) => !types.includes(t))) check.fail(['paperRule', 'pointsByType'], m('pointsEachType'));
    r.pointsByType.forEach((p, i) => {
      if (!(p.points >= 0 && p.points <= 100) || Math.round(p.points * 100) !== p.points * 100) check.fail(['paperRule', 'pointsByType', String(i), 'points'], m('points'));
    });
    const pointsByType = Object.fromEntries(r.pointsByType.map((p) => [p.type, p.points])) as PaperRule['pointsByType'];
    return { sections, pointsByType };
  }

  private names(check: InputCheck, field: string | string[], values: readonly string[], min: number, max: number): string[] {
    const path = Array.isArray(field) ? field : [field];
    if (values.length < min || values.length > max) check.fail(path, m('listSize', { min, max }));
    const out: string[] = [];
    values.forEach((v, i) => {
      const sub = new InputCheck(['input', ...path]);
      const clean = sub.name(String(i), v, { max: 100 });
      check.problems.push(...sub.problems);
      if (clean && out.includes(clean)) check.fail([...path, String(i)], m('listedTwice', { value: clean }));
      else if (clean) out.push(clean);
    });
    return out;
  }

  private async checkEnterprises(d: Drill, check: InputCheck): Promise<void> {
    if (!d.eligibleEnterpriseIds.length) return;
    const found = new Set((await this.em.find(Enterprise, { id: { $in: d.eligibleEnterpriseIds } }, { fields: ['id'] })).map((e) => e.id));
    d.eligibleEnterpriseIds.forEach((id, i) => {
      if (!found.has(id)) check.fail(['eligibility', 'enterpriseIds', String(i)], m('noSuchEnterprise'));
    });
  }

  /** Every section the APPROVED pool cannot fill is a userError naming it. */
  private async checkPool(em: EntityManager, d: Drill): Promise<void> {
    const drawn = drawPaper(d.paperRule, await approvedPool(em, d), 0);
    if (!('shortfall' in drawn)) return;
    throw new DomainError(drawn.shortfall.map((s): UserErrorInit => {
      const filter = [s.difficulty && labelOf('QuestionDifficulty', s.difficulty), s.type && labelOf('QuestionType', s.type)].filter(Boolean).map((x) => `, ${x}`).join('');
      return {
        code: UserErrorCode.INVALID_INPUT, field: ['input', 'paperRule', 'sections', String(s.section)],
        message: m('shortfall', { section: s.section + 1, topic: s.topic, filter, needed: s.needed, available: s.available }),
      };
    }));
  }
}

/** A paper's most points when every section draws its highest-scoring type. */
export function maxPoints(rule: PaperRule | undefined): number {
  if (!rule) return 0;
  return rule.sections.reduce((sum, s) => sum + s.count * (s.type ? rule.pointsByType[s.type] ?? 0 : Math.max(0, ...Object.values(rule.pointsByType))), 0);
}

/**
 * A drill linked to a competition's theory stage (drills/theory, StageDrill) is not cancelled: the stage
 * would never fill. One userError per link, naming its competition and stage. Raw SQL on stage_drill:
 * drills/theory imports this module, so importing it back would make a cycle. linkStage holds the drill's
 * row (FOR SHARE) while it links, and this runs under the drill's lock, so a link and a cancel never both pass.
 */
async function refuseWhileFeedingStages(tx: EntityManager, drillId: string): Promise<void> {
  const links = await tx.execute<{ competition: string; stage: string }[]>(
    `select c."title" as "competition", s."name" as "stage" from "stage_drill" sd
       join "competition" c on c."id" = sd."competition_id" join "stage" s on s."id" = sd."stage_id"
     where sd."drill_id" = ? order by c."title", s."position"`,
    [drillId],
  );
  if (!links.length) return;
  throw new DomainError(links.map((l): UserErrorInit => ({
    code: UserErrorCode.INVALID_STATE, field: ['input', 'drillId'], message: m('feedsStage', { competition: l.competition, stage: l.stage }),
  })));
}

function stateWord(d: Drill): string {
  return d.status === DrillStatus.CANCELLED ? labelOf('DrillStatus', d.status) : labelOf('DrillPhase', drillPhase(d, new Date()));
}
