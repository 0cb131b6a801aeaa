import { Collection, Entity, Enum, Index, ManyToOne, OneToMany, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { DateScalar } from '../common/date.js';
import { Node } from '../common/relay.js';
import { Enterprise } from './enterprise.entity.js';
import { Education, Gender, SkillLevel } from './enums.js';
import { Honor } from './honor.entity.js';
import { SkillLevelChange } from './skill-level-change.entity.js';

@ObjectType({ implements: Node, description: 'A person in the workforce registry (产业工人).' })
@Entity()
@Unique({ properties: ['enterprise', 'employeeNumber'] })
export class Worker extends Node {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Collated "pinyin" in PostgreSQL (Migration20261206200000), so lists order it 李 before 张. */
  @Field({ description: 'The worker’s name; lists sort it by pinyin.' })
  @Property({ type: 'string', length: 100 })
  @Index()
  name!: string;

  @Field(() => Gender, { description: 'Gender.' })
  @Enum({ items: () => Gender })
  gender!: Gender;

  @Field(() => Int, { description: 'Year of birth.' })
  @Property({ type: 'integer' })
  birthYear!: number;

  /** Resolved through a loader (see worker.resolver.ts). */
  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict' })
  @Index()
  enterprise!: Ref<Enterprise>;

  @Field({ description: 'Trade (工种), e.g. 焊工, 钳工, 电工.' })
  @Property({ type: 'string', length: 100 })
  @Index()
  trade!: string;

  @Field(() => SkillLevel, { nullable: true, description: 'Current skill level (职业技能等级); null when none is recorded. Its history is skillLevelHistory.' })
  @Enum({ items: () => SkillLevel, nullable: true })
  @Index()
  skillLevel: SkillLevel | null = null;

  @Field({ description: 'Employee number, unique within the enterprise.' })
  @Property({ type: 'string', length: 50 })
  employeeNumber!: string;

  @Field({ description: 'Migrant worker (农民工).' })
  @Property({ type: 'boolean' })
  migrantWorker: boolean = false;

  @Field({ description: 'Front-line worker (一线职工): works directly in production, construction or service, not in management. Campaigns reserve a share of places for them.' })
  @Property({ type: 'boolean' })
  frontLine: boolean = false;

  @Field(() => Int, { nullable: true, description: 'The year the worker started in their trade (从事本工种起始年份); null when unknown. Not after this year, not before birthYear + 14.' })
  @Property({ type: 'integer', nullable: true })
  tradeStartYear: number | null = null;

  @Field(() => Education, { nullable: true, description: 'Highest completed education (学历); null when unknown.' })
  @Enum({ items: () => Education, nullable: true })
  education: Education | null = null;

  /** A date, not a timestamp: what a personnel file or spreadsheet holds ("2015-03-01"). */
  @Field(() => DateScalar, { description: 'When the worker joined the enterprise (入职日期): a date, no time of day.' })
  @Property({ type: 'date' })
  joinedAt!: string;

  @OneToMany(() => Honor, (h) => h.worker)
  honors = new Collection<Honor>(this);

  @OneToMany(() => SkillLevelChange, (c) => c.worker)
  skillLevelHistory = new Collection<SkillLevelChange>(this);

  @Field({ description: 'When the worker was entered in the registry.' })
  @Property({ type: 'Date' })
  createdAt: Date = new Date();

  @Field({ description: 'When the record was last changed.' })
  @Property({ type: 'Date', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
