import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { Node } from '../common/relay.js';
import { HonorKind, Level } from './enums.js';
import type { Worker } from './worker.entity.js';

@ObjectType({ implements: Node, description: 'An honor held by a worker (荣誉).' })
@Entity()
@Index({ properties: ['kind', 'worker'] })
// One honor of a kind and level per worker and year (grantHonor and finalize check first; this catches two at once).
// Honors cannot be revoked yet: when they can, this becomes a partial index over the live ones.
@Unique({ name: 'honor_worker_kind_level_year_unique', properties: ['worker', 'kind', 'level', 'year'] })
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

  @Field({ description: 'When it was recorded in the registry.' })
  @Property({ type: 'Date' })
  createdAt: Date = new Date();
}
