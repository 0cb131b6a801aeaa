import { DecimalType, Entity, Index, ManyToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Float, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { Node } from '../../common/relay.js';
import type { User } from '../../auth/user.entity.js';
import type { Criterion } from '../setup/criterion.entity.js';
import type { Score } from '../judging/score.entity.js';
import type { ScoreRevision } from '../judging/score-revision.entity.js';
import type { Appeal } from './appeal.entity.js';

/**
 * One contested mark of an upheld appeal, to be re-marked by one of the named judges (复评). Made when
 * the appeal is upheld, one per score row of the contested criteria; filled in by submitAppealMark.
 */
@ObjectType({ implements: Node, description: 'One contested mark of an upheld appeal and its re-mark (复评).' })
@Entity()
@Unique({ properties: ['appeal', 'score'] })
@Index({ properties: ['score'] })
export class AppealRemark extends Node {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne('Appeal', { ref: true, deleteRule: 'cascade' }) appeal!: Ref<Appeal>;
  @ManyToOne('Score', { ref: true, deleteRule: 'cascade' }) score!: Ref<Score>;
  @ManyToOne('Criterion', { ref: true, deleteRule: 'cascade' }) criterion!: Ref<Criterion>;
  @Field(() => Float, { description: 'The contested value, as it stood when the appeal was upheld.' })
  @Property({ type: new DecimalType('number'), precision: 7, scale: 2 }) contestedValue!: number;
  /** Who re-marked it; null while waiting. */
  @ManyToOne('User', { ref: true, nullable: true, deleteRule: 'restrict' }) judge: Ref<User> | null = null;
  @Field(() => Float, { nullable: true, description: 'The re-mark; null while waiting.' })
  @Property({ type: new DecimalType('number'), precision: 7, scale: 2, nullable: true }) value: number | null = null;
  @Field(() => Date, { nullable: true, description: 'When re-marked.' }) @Property({ type: 'Date', nullable: true }) markedAt: Date | null = null;
  /** The revision (reason kind APPEAL) the re-mark wrote. */
  @ManyToOne('ScoreRevision', { ref: true, nullable: true, deleteRule: 'set null' }) revision: Ref<ScoreRevision> | null = null;
}
