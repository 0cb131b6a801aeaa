import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { Node } from '../common/relay.js';
import { EnterpriseSize, NON_PUBLIC, Ownership } from './enums.js';

@ObjectType({ implements: Node, description: 'An employer in the registry (企业).' })
@Entity()
export class Enterprise extends Node {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Collated "pinyin" in PostgreSQL (Migration20261206200000), so lists order it 李 before 张. */
  @Field({ description: 'The registered name; lists sort it by pinyin.' })
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field({ description: 'Unified social credit code (统一社会信用代码), 18 characters.' })
  @Property({ type: 'string', length: 18, unique: true })
  creditCode!: string;

  @Field(() => Ownership, { description: 'Form of ownership (所有制).' })
  @Enum({ items: () => Ownership })
  @Index()
  ownership!: Ownership;

  @Field(() => EnterpriseSize, { description: 'Size class (企业规模).' })
  @Enum({ items: () => EnterpriseSize })
  size!: EnterpriseSize;

  @Field({ description: 'Industry (行业).' })
  @Property({ type: 'string', length: 100 })
  @Index()
  industry!: string;

  @Field({ description: 'District (县区).' })
  @Property({ type: 'string', length: 100 })
  @Index()
  district!: string;

  @Field({ description: 'When it was entered in the registry.' })
  @Property({ type: 'Date' })
  createdAt: Date = new Date();

  @Field({ description: 'When it was last changed.' })
  @Property({ type: 'Date', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Field({ description: 'Non-public economy (非公企业): PRIVATE or FOREIGN_INVESTED.' })
  get isNonPublic(): boolean {
    return NON_PUBLIC.includes(this.ownership);
  }
}
