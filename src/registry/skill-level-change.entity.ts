import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { Node } from '../common/relay.js';
import { SkillLevel, SkillLevelChangeKind } from './enums.js';
import type { Worker } from './worker.entity.js';

@ObjectType({ implements: Node, description: 'One change of a worker’s skill level, with its kind, reason and source; the first is the INITIAL level.' })
@Entity()
// At most one competition promotion per worker per calendar year in China Standard Time (UTC+8): finalize
// checks it under the worker's row lock; this index catches what a missed lock would let through.
@Unique({
  name: 'skill_level_change_competition_year_unique',
  expression: `create unique index "skill_level_change_competition_year_unique" on "skill_level_change" ("worker_id", (extract(year from ("at" at time zone 'UTC') + interval '8 hours'))) where "source_competition_id" is not null`,
})
export class SkillLevelChange extends Node {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne('Worker', { ref: true, deleteRule: 'cascade' })
  @Index()
  worker!: Ref<Worker>;

  @Field(() => SkillLevel, { nullable: true, description: 'The level before; null for the first (INITIAL) entry.' })
  @Enum({ items: () => SkillLevel, nullable: true })
  from: SkillLevel | null = null;

  @Field(() => SkillLevel, { description: 'The level after.' })
  @Enum({ items: () => SkillLevel })
  to!: SkillLevel;

  @Field(() => SkillLevelChangeKind, { description: 'What kind of change: INITIAL, PROMOTION, COMPETITION, APPRAISAL, CORRECTION, REVOCATION or ANNULMENT.' })
  @Enum({ items: () => SkillLevelChangeKind })
  kind!: SkillLevelChangeKind;

  @Field({ description: 'The ground, e.g. 职业技能等级认定 and the certificate, or the competition.' })
  @Property({ type: 'string', length: 500 })
  reason!: string;

  @Field(() => String, { nullable: true, description: 'Why, for a CORRECTION, REVOCATION or ANNULMENT (where it is required).' })
  @Property({ type: 'string', length: 2000, nullable: true })
  note: string | null = null;

  @Field(() => String, { nullable: true, description: 'Certificate, assessment body or competition.' })
  @Property({ type: 'string', length: 300, nullable: true })
  source: string | null = null;

  /** Set when a competition granted it: one competition promotion per worker per year is checked on this. */
  @Property({ type: 'uuid', nullable: true })
  @Index()
  sourceCompetitionId: string | null = null;

  /** Set when an appraisal session granted it (APPRAISAL), or its annulment reverted it (ANNULMENT); GraphQL field in src/appraisal. */
  @Property({ type: 'uuid', nullable: true })
  @Index()
  appraisalSessionId: string | null = null;

  /** The appraisal body of that session; GraphQL field in src/appraisal. */
  @Property({ type: 'uuid', nullable: true })
  appraisalBodyId: string | null = null;

  @Field(() => String, { nullable: true, description: 'Certificate number (证书编号) of an APPRAISAL pass; null otherwise.' })
  @Property({ type: 'string', length: 40, nullable: true })
  certificateNumber: string | null = null;

  @Field({ description: 'When the change took effect.' })
  @Property({ type: 'Date' })
  at!: Date;

  @Field({ description: 'When it was written to the registry (may be later than `at`).' })
  @Property({ type: 'Date' })
  recordedAt: Date = new Date();
}
