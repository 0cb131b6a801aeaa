import { DecimalType, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Float, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { Node } from '../../common/relay.js';
import type { User } from '../../auth/user.entity.js';
import type { Competition } from '../setup/competition.entity.js';
import type { Criterion } from '../setup/criterion.entity.js';
import type { Entry } from '../entries/entry.entity.js';
import { MarkSource } from '../enums.js';

/**
 * One judge's current mark for one entry on one criterion (评分). `slot` makes the uniqueness rule
 * one index: the judge's id for JUDGEMENT criteria (one mark per judge), 'M' for MEASUREMENT
 * criteria (one mark per entry, whoever gave it). Corrections update the row and keep a revision.
 */
@ObjectType({ implements: Node, description: 'A judge’s mark for one entry on one criterion (评分), or one filled from an online drill (source DRILL).' })
@Entity()
@Unique({ properties: ['entry', 'criterion', 'slot'] })
@Index({ properties: ['competition', 'updatedAt'] })
export class Score extends Node {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne('Competition', { ref: true, deleteRule: 'cascade' }) competition!: Ref<Competition>;
  @ManyToOne('Entry', { ref: true, deleteRule: 'cascade' }) @Index() entry!: Ref<Entry>;
  @ManyToOne('Criterion', { ref: true, deleteRule: 'cascade' }) criterion!: Ref<Criterion>;
  /** The judge who gave the mark; for a mark filled from a drill (source DRILL), the organizer who linked the drill: the accountable person. */
  @ManyToOne('User', { ref: true, deleteRule: 'restrict' }) judge!: Ref<User>;
  @Property({ type: 'string', length: 40 }) slot!: string;
  @Field(() => MarkSource, { description: 'Who gave the mark: a JUDGE, or the online DRILL linked to the stage (filled from the entrant’s attempt).' })
  @Enum({ items: () => MarkSource, default: MarkSource.JUDGE }) source: MarkSource = MarkSource.JUDGE;
  /** Source DRILL: the attempt the value was taken from (for a team, the first member's counted one); null when no attempt counted (voided or none). Competitions code holds it as an id only. */
  @Property({ type: 'uuid', nullable: true }) sourceId: string | null = null;
  @Field(() => Float, { description: 'The mark, in points: 0 to the criterion’s maxScore, at most two decimals.' }) @Property({ type: new DecimalType('number'), precision: 7, scale: 2 }) value!: number;
  @Field(() => String, { nullable: true, description: 'The judge’s remark on the mark; null when none.' }) @Property({ type: 'string', length: 2000, nullable: true }) comment: string | null = null;
  @Field({ description: 'When the mark was first given.' }) @Property({ type: 'Date' }) createdAt: Date = new Date();
  @Field({ description: 'When the mark was last given or corrected.' }) @Property({ type: 'Date' }) updatedAt: Date = new Date();
  @Property({ version: true }) version!: number;
}
