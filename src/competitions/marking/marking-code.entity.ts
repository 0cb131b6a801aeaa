import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import type { User } from '../../auth/user.entity.js';
import type { Competition } from '../setup/competition.entity.js';
import type { Entry } from '../entries/entry.entity.js';
import type { Stage } from '../setup/stage.entity.js';

/**
 * A marking code (加密号) of one entry in one anonymous stage, issued by the competition's encryption
 * officer. `id` is the marking ID judges mark by: random, unrelated to the entry's id, and of a type
 * node() does not resolve. `code` is what is written on the paper or workpiece. Neither is derived
 * from the start number or the entry, so only this row links them.
 */
@ObjectType({ description: 'One line of an anonymous stage’s code map (加密号对照): which entry a marking code stands for. Read by the encryption officer, and by the jury once the stage is signed off.' })
@Entity()
@Unique({ properties: ['stage', 'entry'] })
@Unique({ properties: ['stage', 'code'] })
@Index({ properties: ['competition'] })
export class MarkingCode {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne('Competition', { ref: true, deleteRule: 'cascade' }) competition!: Ref<Competition>;
  @ManyToOne('Stage', { ref: true, deleteRule: 'cascade' }) stage!: Ref<Stage>;
  @ManyToOne('Entry', { ref: true, deleteRule: 'cascade' }) @Index() entry!: Ref<Entry>;
  @Field({ description: 'The marking code (加密号) written on the paper or workpiece: six characters of 23456789ABCDEFGHJKLMNPQRSTUVWXYZ.' })
  @Property({ type: 'string', length: 16 }) code!: string;
  @ManyToOne('User', { ref: true, deleteRule: 'restrict' }) issuedBy!: Ref<User>;
  @Field({ description: 'When the encryption officer issued it.' }) @Property({ type: 'Date' }) issuedAt: Date = new Date();
}
