import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { Node } from '../common/relay.js';
import { HonorKind, Level } from './enums.js';
import type { Worker } from './worker.entity.js';

@ObjectType({ implements: Node, description: 'An honor held by a worker (荣誉).' })
@Entity()
@Index({ properties: ['kind', 'worker'] })
// One standing honor of a kind and level per worker and year (grantHonor, finalize and conferral check
// first; this catches two at once). Partial: a revoked honor stays on record beside a new one.
@Unique({
  name: 'honor_worker_kind_level_year_live',
  expression: `create unique index "honor_worker_kind_level_year_live" on "honor" ("worker_id", "kind", "level", "year") where "revoked_at" is null`,
})
export class Honor extends Node {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne('Worker', { ref: true, deleteRule: 'cascade' })
  @Index()
  worker!: Ref<Worker>;

  @Field(() => HonorKind, { description: 'Which honor (荣誉称号).' })
  @Enum({ items: () => HonorKind })
  kind!: HonorKind;

  @Field(() => Level, { description: 'The level of the body that granted it.' })
  @Enum({ items: () => Level })
  level!: Level;

  @Field(() => Int, { description: 'The year it was granted.' })
  @Property({ type: 'integer' })
  year!: number;

  @Field(() => String, { nullable: true, description: 'Who granted it, or the competition it came from.' })
  @Property({ type: 'string', length: 300, nullable: true })
  source: string | null = null;

  /** Set when a competition granted it: one competition promotion per worker per year is checked on this. */
  @Property({ type: 'uuid', nullable: true })
  @Index()
  sourceCompetitionId: string | null = null;

  /** Set when an honor campaign conferred it (src/honors). */
  @Property({ type: 'uuid', nullable: true })
  @Index()
  sourceCampaignId: string | null = null;

  @Field(() => String, { nullable: true, description: 'The document number (文号) of the conferral; null when none was recorded.' })
  @Property({ type: 'string', length: 100, nullable: true })
  documentNumber: string | null = null;

  @Field(() => Date, { nullable: true, description: 'When it was revoked (撤销); null while it stands. A revoked honor stays on record.' })
  @Property({ type: 'Date', nullable: true })
  revokedAt: Date | null = null;

  @Field(() => String, { nullable: true, description: 'Why it was revoked; null while it stands.' })
  @Property({ type: 'text', nullable: true })
  revocationReason: string | null = null;

  /** The user who revoked it. */
  @Property({ type: 'uuid', nullable: true })
  revokedById: string | null = null;

  @Field({ description: 'When it was recorded in the registry.' })
  @Property({ type: 'Date' })
  createdAt: Date = new Date();
}
