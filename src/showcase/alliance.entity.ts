import { Entity, Enum, ManyToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { Node } from '../common/relay.js';
import type { User } from '../auth/user.entity.js';
import type { Studio } from '../studios/studio.entity.js';
import { AllianceScope } from './enums.js';

@ObjectType({ implements: Node, description: 'A workers’ technical innovation alliance (职工技术创新联盟) of accredited studios. Public.' })
@Entity()
export class Alliance extends Node {
  /** Collated "pinyin" in PostgreSQL (Migration20261206200000), so lists order it 李 before 张. */
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Field({ description: 'The alliance’s name; unique.' }) @Property({ type: 'string', length: 200, unique: true }) name!: string;
  @Field(() => AllianceScope, { description: 'Regional (区域) or industry (行业).' }) @Enum({ items: () => AllianceScope }) scope!: AllianceScope;
  @Field(() => String, { nullable: true, description: 'Required for REGIONAL, e.g. a district.' }) @Property({ type: 'string', length: 100, nullable: true }) region: string | null = null;
  @Field(() => String, { nullable: true, description: 'Required for INDUSTRY.' }) @Property({ type: 'string', length: 100, nullable: true }) industry: string | null = null;
  @Field({ description: 'What the alliance is for; may be empty.' }) @Property({ type: 'text' }) description: string = '';
  @ManyToOne('User', { ref: true, deleteRule: 'restrict' }) createdBy!: Ref<User>;
  @Field({ description: 'When it was created.' }) @Property({ type: 'Date' }) createdAt: Date = new Date();
}

@Entity()
@Unique({ properties: ['alliance', 'studio'] })
export class AllianceMembership {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne('Alliance', { ref: true, deleteRule: 'cascade' }) alliance!: Ref<Alliance>;
  @ManyToOne('Studio', { ref: true, deleteRule: 'cascade' }) studio!: Ref<Studio>;
  @Property({ type: 'Date' }) joinedAt: Date = new Date();
}
