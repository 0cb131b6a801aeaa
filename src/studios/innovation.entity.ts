import { DecimalType, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { Node } from '../common/relay.js';
import type { User } from '../auth/user.entity.js';
import { DecimalScalar } from './decimal.js';
import { InnovationCategory } from './enums.js';
import type { Studio } from './studio.entity.js';

@ObjectType({ implements: Node, description: 'An innovation achievement (创新成果) of an accredited studio.' })
@Entity()
@Index({ properties: ['category', 'year'] })
export class Innovation extends Node {
  /** Collated "pinyin" in PostgreSQL (Migration20261206200000), so lists order it 李 before 张. */
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne('Studio', { ref: true, deleteRule: 'restrict' }) @Index() studio!: Ref<Studio>;
  @Field({ description: 'The achievement’s title.' }) @Property({ type: 'string', length: 200 }) title!: string;
  @Field(() => InnovationCategory, { description: 'What kind of achievement it is.' }) @Enum({ items: () => InnovationCategory }) category!: InnovationCategory;
  @Field({ description: 'What it is and what it achieved; may be empty.' }) @Property({ type: 'text' }) description!: string;
  /** Worker ids, studio members when registered; field resolvers `inventors` / `inventorNames`. */
  @Property({ type: 'uuid[]' }) inventorIds: string[] = [];
  @Field(() => DecimalScalar, { nullable: true, description: 'Economic benefit (经济效益) in yuan; null when none was reported.' })
  @Property({ type: new DecimalType('string'), precision: 14, scale: 2, nullable: true }) economicBenefit: string | null = null;
  @Field(() => String, { nullable: true, description: 'Patent (application) number; always set for PATENT, null when not given for the others.' })
  @Property({ type: 'string', length: 50, nullable: true }) patentNumber: string | null = null;
  @Field(() => Int, { description: 'Year of registration (China Standard Time).' }) @Property({ type: 'integer' }) year!: number;
  @ManyToOne('User', { ref: true, deleteRule: 'restrict' }) registeredBy!: Ref<User>;
  @Field({ description: 'When it was registered.' }) @Property({ type: 'Date' }) registeredAt: Date = new Date();
}
