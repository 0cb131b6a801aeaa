import type { EntityManager } from '@mikro-orm/postgresql';
import { domainError, notFound, UserErrorCode } from '../../common/errors.js';
import { InputCheck } from '../../common/validate.js';
import type { Viewer } from '../../context.js';
import { assertOwner } from '../access.js';
import type { Competition } from './competition.entity.js';
import { lockCompetition } from './competition.service.js';
import { Criterion } from './criterion.entity.js';
import { JudgeAssignment } from '../judging/judge-assignment.entity.js';
import { CriterionKind } from '../enums.js';
import { SCHEME_EDITABLE } from './lifecycle.js';
import { Stage } from './stage.entity.js';
import { labelOf } from '../../common/enum-labels.js';
import { m } from './messages.js';
import { drillFeeding } from './drill-fed.js';

/**
 * Bounds of a marking scheme, so a competition's stages and a stage's criteria are lists bounded by
 * design (plain lists in the schema): real schemes have two or three stages of a dozen criteria.
 */
export const MAX_STAGES = 10;
export const MAX_CRITERIA_PER_STAGE = 50;

/** Weight and max score: positive, at most two decimals (the engine computes in hundredths). */
function centesimal(check: InputCheck, field: string, value: number | null | undefined, max: number): number {
  const ok = typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= max && Math.abs(Math.round(value * 100) - value * 100) < 1e-6;
  if (!ok) check.fail(field, m('centesimal', { field, max }));
  return value ?? 0;
}

/**
 * A stage filled from an online drill keeps its one MEASUREMENT criterion (src/drills/theory links it).
 */
async function refuseIfDrillFed(tx: EntityManager, stageId: string, field: string[]): Promise<void> {
  const title = await drillFeeding(tx, { stageId });
  if (title !== null) throw domainError(UserErrorCode.INVALID_STATE, m('stageFromDrill', { title }), field);
}

/** Moves `item` to `to` (clamped) among `siblings` (ordered), renumbering positions 0..n-1. */
function reorder<T extends { id: string; position: number }>(siblings: T[], item: T, to: number | null | undefined): void {
  const others = siblings.filter((s) => s.id !== item.id);
  const at = to == null ? others.length : Math.max(0, Math.min(to, others.length));
  others.splice(at, 0, item);
  others.forEach((s, i) => (s.position = i));
}

/**
 * The marking scheme (stages 赛段 and criteria 评分项): editable only while the competition is DRAFT,
 * so nobody's marks ever refer to a scheme that changed under them.
 */
export class SchemeService {
  constructor(private readonly em: EntityManager) {}

  private async editable(tx: EntityManager, viewer: Viewer, competitionId: string, field: string[]): Promise<Competition> {
    const competition = await lockCompetition(tx, competitionId, field);
    assertOwner(viewer, competition);
    if (!SCHEME_EDITABLE.includes(competition.status)) {
      throw domainError(UserErrorCode.INVALID_STATE, m('schemeFrozen', { status: labelOf('CompetitionStatus', competition.status) }), field);
    }
    return competition;
  }

  private async stageOf(tx: EntityManager, stageId: string): Promise<Stage> {
    const stage = await tx.findOne(Stage, { id: stageId });
    if (!stage) throw notFound('Stage', ['input', 'stageId']);
    return stage;
  }

  async addStage(viewer: Viewer, competitionId: string, data: { name: string; weight: number; anonymous?: boolean | null }): Promise<{ stage: Stage; competition: Competition }> {
    const check = new InputCheck();
    const name = check.name('name', data.name, { max: 100 });
    const weight = centesimal(check, 'weight', data.weight, 100);
    check.throwIfAny();
    return this.em.transactional(async (tx) => {
      const competition = await this.editable(tx, viewer, competitionId, ['input', 'competitionId']);
      const position = await tx.count(Stage, { competition });
      if (position >= MAX_STAGES) throw domainError(UserErrorCode.INVALID_INPUT, m('tooManyStages', { max: MAX_STAGES }), ['input', 'competitionId']);
      const stage = tx.create(Stage, { competition, name, weight, position, anonymous: data.anonymous ?? false } as never);
      await tx.flush();
      return { stage, competition };
    });
  }

  async updateStage(viewer: Viewer, stageId: string, data: { name?: string | null; weight?: number | null; position?: number | null; anonymous?: boolean | null }): Promise<{ stage: Stage; competition: Competition }> {
    const check = new InputCheck();
    const name = data.name != null ? check.name('name', data.name, { max: 100 }) : null;
    const weight = data.weight != null ? centesimal(check, 'weight', data.weight, 100) : null;
    if (data.position != null) check.int('position', data.position, 0, 1000);
    check.throwIfAny();
    return this.em.transactional(async (tx) => {
      const found = await this.stageOf(tx, stageId);
      const competition = await this.editable(tx, viewer, found.competition.id, ['input', 'stageId']);
      const stages = await tx.find(Stage, { competition }, { orderBy: { position: 'asc' } });
      const stage = stages.find((s) => s.id === stageId)!;
      if (name) stage.name = name;
      if (weight != null) stage.weight = weight;
      if (data.anonymous != null) stage.anonymous = data.anonymous;
      if (data.position != null) reorder(stages, stage, data.position);
      await tx.flush();
      return { stage, competition };
    });
  }

  async removeStage(viewer: Viewer, stageId: string): Promise<{ competition: Competition }> {
    return this.em.transactional(async (tx) => {
      const found = await this.stageOf(tx, stageId);
      const competition = await this.editable(tx, viewer, found.competition.id, ['input', 'stageId']);
      const stages = await tx.find(Stage, { competition }, { orderBy: { position: 'asc' } });
      await tx.nativeDelete(Criterion, { stage: stageId });
      tx.remove(stages.find((s) => s.id === stageId)!);
      // Judges already assigned keep their other stages; a removed stage must not linger in their list.
      for (const a of await tx.find(JudgeAssignment, { competition, stageIds: { $contains: [stageId] } })) {
        a.stageIds = a.stageIds.filter((id) => id !== stageId);
      }
      stages.filter((s) => s.id !== stageId).forEach((s, i) => (s.position = i));
      await tx.flush();
      return { competition };
    });
  }

  async addCriterion(
    viewer: Viewer,
    stageId: string,
    data: { name: string; kind: CriterionKind; maxScore: number; description?: string | null },
  ): Promise<{ criterion: Criterion; stage: Stage }> {
    const check = new InputCheck();
    const name = check.name('name', data.name, { max: 200 });
    const maxScore = centesimal(check, 'maxScore', data.maxScore, 10_000);
    const description = data.description != null ? check.text('description', data.description, { max: 5000, optional: true }) : '';
    check.throwIfAny();
    return this.em.transactional(async (tx) => {
      const stage = await this.stageOf(tx, stageId);
      const competition = await this.editable(tx, viewer, stage.competition.id, ['input', 'stageId']);
      await refuseIfDrillFed(tx, stage.id, ['input', 'stageId']);
      const position = await tx.count(Criterion, { stage });
      if (position >= MAX_CRITERIA_PER_STAGE) throw domainError(UserErrorCode.INVALID_INPUT, m('tooManyCriteria', { max: MAX_CRITERIA_PER_STAGE }), ['input', 'stageId']);
      const criterion = tx.create(Criterion, { stage, competition, name, kind: data.kind, maxScore, description, position } as never);
      await tx.flush();
      return { criterion, stage };
    });
  }

  async updateCriterion(
    viewer: Viewer,
    criterionId: string,
    data: { name?: string | null; kind?: CriterionKind | null; maxScore?: number | null; description?: string | null; position?: number | null },
  ): Promise<{ criterion: Criterion; stage: Stage }> {
    const check = new InputCheck();
    const name = data.name != null ? check.name('name', data.name, { max: 200 }) : null;
    const maxScore = data.maxScore != null ? centesimal(check, 'maxScore', data.maxScore, 10_000) : null;
    const description = data.description != null ? check.text('description', data.description, { max: 5000, optional: true }) : null;
    if (data.position != null) check.int('position', data.position, 0, 1000);
    check.throwIfAny();
    return this.em.transactional(async (tx) => {
      const found = await tx.findOne(Criterion, { id: criterionId });
      if (!found) throw notFound('Criterion', ['input', 'criterionId']);
      await this.editable(tx, viewer, found.competition.id, ['input', 'criterionId']);
      const siblings = await tx.find(Criterion, { stage: found.stage.id }, { orderBy: { position: 'asc' } });
      const criterion = siblings.find((c) => c.id === criterionId)!;
      if (data.kind && data.kind !== CriterionKind.MEASUREMENT) await refuseIfDrillFed(tx, criterion.stage.id, ['input', 'kind']);
      if (name) criterion.name = name;
      if (data.kind) criterion.kind = data.kind;
      if (maxScore != null) criterion.maxScore = maxScore;
      if (description != null) criterion.description = description;
      if (data.position != null) reorder(siblings, criterion, data.position);
      await tx.flush();
      return { criterion, stage: await this.stageOf(tx, criterion.stage.id) };
    });
  }

  async removeCriterion(viewer: Viewer, criterionId: string): Promise<{ stage: Stage }> {
    return this.em.transactional(async (tx) => {
      const found = await tx.findOne(Criterion, { id: criterionId });
      if (!found) throw notFound('Criterion', ['input', 'criterionId']);
      await this.editable(tx, viewer, found.competition.id, ['input', 'criterionId']);
      const siblings = await tx.find(Criterion, { stage: found.stage.id }, { orderBy: { position: 'asc' } });
      tx.remove(found);
      siblings.filter((c) => c.id !== criterionId).forEach((c, i) => (c.position = i));
      await tx.flush();
      return { stage: await this.stageOf(tx, found.stage.id) };
    });
  }
}
