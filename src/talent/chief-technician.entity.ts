import { DecimalType, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { DateScalar } from '../common/date.js';
import { Node } from '../common/relay.js';
import type { User } from '../auth/user.entity.js';
import { Enterprise } from '../registry/enterprise.entity.js';
import { Worker } from '../registry/worker.entity.js';
import { DecimalScalar } from '../studios/decimal.js';
import { ChiefTechnicianIncentive } from './enums.js';

/**
 * An enterprise's designation of one of its workers as chief technician (企业首席技师) for a term.
 * It replaced the honor kind CHIEF_TECHNICIAN (Migration20261207014000 turned those honors into
 * designations for their year). Ending one early keeps it, with the day and the reason.
 */
@ObjectType({ implements: Node, description: 'A designation as the enterprise’s chief technician (企业首席技师) for a term, with its incentive.' })
@Entity()
export class ChiefTechnician extends Node {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();

  @ManyToOne(() => Worker, { ref: true, deleteRule: 'cascade' }) @Index() worker!: Ref<Worker>;

  /** The worker's enterprise when designated: the enterprise that designates. */
  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'cascade' }) @Index() enterprise!: Ref<Enterprise>;

  @Field(() => DateScalar, { description: 'First day of the term.' })
  @Property({ type: 'date' }) termFrom!: string;

  @Field(() => DateScalar, { description: 'Last day of the term as designated (see endedOn for an early end).' })
  @Property({ type: 'date' }) termTo!: string;

  @Field(() => ChiefTechnicianIncentive, { nullable: true, description: 'The incentive (激励方式); null only on designations migrated from the former CHIEF_TECHNICIAN honor.' })
  @Enum({ items: () => ChiefTechnicianIncentive, nullable: true }) incentive: ChiefTechnicianIncentive | null = null;

  @Field(() => DecimalScalar, { nullable: true, description: 'The incentive’s amount in yuan, exact (per year for ANNUAL_SALARY, per month for ALLOWANCE, the agreed value for EQUITY and OPTIONS); null when not given.' })
  @Property({ type: new DecimalType('string'), precision: 14, scale: 2, nullable: true }) incentiveAmount: string | null = null;

  @Field(() => String, { nullable: true, description: 'Terms of the incentive in words (e.g. vesting), up to 1000 characters; null when not given.' })
  @Property({ type: 'text', nullable: true }) incentiveNotes: string | null = null;

  @Field(() => DateScalar, { nullable: true, description: 'The last day of a term ended early (endChiefTechnicianTerm); null while the term runs its course.' })
  @Property({ type: 'date', nullable: true }) endedOn: string | null = null;

  @Field(() => String, { nullable: true, description: 'Why the term was ended early; null unless endedOn is set.' })
  @Property({ type: 'string', length: 500, nullable: true }) endReason: string | null = null;

  @Field(() => String, { nullable: true, description: 'Where the record came from when it was migrated from an honor (who granted it); null otherwise.' })
  @Property({ type: 'string', length: 300, nullable: true }) source: string | null = null;

  /** Null on designations migrated from honors. */
  @ManyToOne('User', { ref: true, nullable: true, deleteRule: 'set null' }) designatedBy: Ref<User> | null = null;

  @Field({ description: 'When the designation was recorded.' })
  @Property({ type: 'Date' }) createdAt: Date = new Date();

  /** The last day the designation holds: endedOn when ended early, else termTo. */
  get lastDay(): string {
    return this.endedOn ?? this.termTo;
  }

  /** Whether `today` (YYYY-MM-DD, China) lies within the term and it has not ended early (exposed as `current` by the resolver). */
  currentOn(today: string): boolean {
    return this.termFrom <= today && today <= this.lastDay;
  }
}
