import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { DateScalar } from '../common/date.js';
import { Node } from '../common/relay.js';
import { Enterprise } from '../registry/enterprise.entity.js';
import { SkillLevel } from '../registry/enums.js';
import { AppraisalBodyStatus } from './enums.js';

/** At most this many trades per body: the list is a plain array. */
export const MAX_BODY_TRADES = 30;

@ObjectType({
  implements: Node,
  description: 'An appraisal body (评价机构): an enterprise or training institution (registered as an enterprise) recorded by an ADMIN '
    + 'with the trades and levels it may appraise (职业技能等级认定) and a validity period.',
})
@Entity()
export class AppraisalBody extends Node {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Resolved through a loader (appraisal.resolver.ts). One body per enterprise. */
  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', unique: true })
  enterprise!: Ref<Enterprise>;

  @Field({ description: 'The body’s filing code (备案编号), 4 to 20 letters or digits; starts every certificate number it issues.' })
  @Property({ type: 'string', length: 20, unique: true })
  code!: string;

  @Field(() => [String], { description: `Trades (工种) it may appraise; at most ${MAX_BODY_TRADES}.` })
  @Property({ type: 'text[]' })
  trades!: string[];

  @Field(() => [SkillLevel], { description: 'Levels it may appraise to (at most the five levels), lowest first.' })
  @Property({ type: 'text[]' })
  levels!: SkillLevel[];

  @Field(() => DateScalar, { description: 'First day of its authorisation (YYYY-MM-DD).' })
  @Property({ type: 'date' })
  validFrom!: string;

  @Field(() => DateScalar, { description: 'Last day of its authorisation (YYYY-MM-DD); sessions open and close only within the period.' })
  @Property({ type: 'date' })
  @Index()
  validUntil!: string;

  @Field(() => AppraisalBodyStatus, { description: 'ACTIVE, or SUSPENDED by an ADMIN (监督管理).' })
  @Enum({ items: () => AppraisalBodyStatus })
  status: AppraisalBodyStatus = AppraisalBodyStatus.ACTIVE;

  @Field(() => String, { nullable: true, description: 'Why it was last suspended; kept after reinstatement.' })
  @Property({ type: 'string', length: 2000, nullable: true })
  suspensionReason: string | null = null;

  @Field({ description: 'When it was recorded.' })
  @Property({ type: 'Date' })
  @Index()
  createdAt: Date = new Date();
}
