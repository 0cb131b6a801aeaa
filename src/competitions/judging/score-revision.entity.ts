import { DecimalType, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, Float, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { Node } from '../../common/relay.js';
import type { User } from '../../auth/user.entity.js';
import type { Competition } from '../setup/competition.entity.js';
import type { Score } from './score.entity.js';
import type { Appeal } from '../appeals/appeal.entity.js';
import { RevisionReasonKind } from '../enums.js';

/** The audit trail of a mark: every correction keeps the old value, who changed it and why. */
@ObjectType({ implements: Node, description: 'A correction of a mark: old value, new value, who, why.' })
@Entity()
@Index({ properties: ['competition', 'at'] })
export class ScoreRevision extends Node {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne('Score', { ref: true, deleteRule: 'cascade' }) @Index() score!: Ref<Score>;
  @ManyToOne('Competition', { ref: true, deleteRule: 'cascade' }) competition!: Ref<Competition>;
  @ManyToOne('User', { ref: true, deleteRule: 'restrict' }) judge!: Ref<User>;
  @Field(() => Float, { description: 'The mark before this correction, in points.' }) @Property({ type: new DecimalType('number'), precision: 7, scale: 2 }) oldValue!: number;
  @Field(() => Float, { description: 'The mark after this correction, in points.' }) @Property({ type: new DecimalType('number'), precision: 7, scale: 2 }) newValue!: number;
  @Field({ description: 'Why the mark changed, as the corrector wrote it.' }) @Property({ type: 'string', length: 1000 }) reason!: string;
  @Field(() => RevisionReasonKind, { description: 'Why the mark changed, beside the free-text reason.' })
  @Enum({ items: () => RevisionReasonKind, default: RevisionReasonKind.CORRECTION }) reasonKind: RevisionReasonKind = RevisionReasonKind.CORRECTION;
  @Field({ description: 'When the correction was made.' }) @Property({ type: 'Date' }) at: Date = new Date();
  @Field({ description: 'True when the judge made this correction after the panel’s marks on the entry became visible to them (independent marking, issue 12 §2): such a correction needs the chief judge’s approval.' })
  @Property({ type: 'boolean', default: false }) afterPanelVisible: boolean = false;
  /** The chief judge who approved a correction made after the panel's marks were visible (themself for their own). */
  @ManyToOne('User', { ref: true, deleteRule: 'restrict', nullable: true }) approvedBy: Ref<User> | null = null;
  /** The upheld appeal whose re-mark this is (reason kind APPEAL); null otherwise. */
  @ManyToOne('Appeal', { ref: true, nullable: true, deleteRule: 'set null' }) appeal: Ref<Appeal> | null = null;
}
