import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { Node } from '../common/relay.js';
import type { User } from '../auth/user.entity.js';
import { ExhibitKind } from './enums.js';

@ObjectType({ implements: Node, description: 'An exhibition (展示交流) of innovations, named methods and projects. Public.' })
@Entity()
export class Exhibition extends Node {
  /** Collated "pinyin" in PostgreSQL (Migration20261206200000), so lists order it 李 before 张. */
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Field({ description: 'The exhibition’s title.' }) @Property({ type: 'string', length: 200 }) title!: string;
  @Field({ description: 'Place, or the web address of an online exhibition.' }) @Property({ type: 'string', length: 300 }) venue!: string;
  @Field({ description: 'Whether it is held online (then `venue` is its web address).' }) @Property({ type: 'boolean' }) online: boolean = false;
  @Field({ description: 'When it opens.' }) @Property({ type: 'Date' }) @Index() startsAt!: Date;
  @Field({ description: 'When it closes; after startsAt.' }) @Property({ type: 'Date' }) endsAt!: Date;
  @ManyToOne('User', { ref: true, deleteRule: 'restrict' }) createdBy!: Ref<User>;
  @Field({ description: 'When it was created.' }) @Property({ type: 'Date' }) createdAt: Date = new Date();
}

/** One item on show; the item lives in its own table (innovation, operating_method, incubation_project). */
@Entity()
@Unique({ properties: ['exhibition', 'kind', 'itemId'] })
export class ExhibitionItem {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne('Exhibition', { ref: true, deleteRule: 'cascade' }) exhibition!: Ref<Exhibition>;
  @Enum({ items: () => ExhibitKind }) kind!: ExhibitKind;
  @Property({ type: 'uuid' }) @Index() itemId!: string;
  @ManyToOne('User', { ref: true, deleteRule: 'restrict' }) addedBy!: Ref<User>;
  @Property({ type: 'Date' }) addedAt: Date = new Date();
}
