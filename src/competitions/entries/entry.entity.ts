import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { Node } from '../../common/relay.js';
import type { User } from '../../auth/user.entity.js';
import type { Competition } from '../setup/competition.entity.js';
import { EntryStatus } from '../enums.js';

@ObjectType({ implements: Node, description: 'A worker or team entered in a competition (参赛).' })
@Entity()
@Unique({ properties: ['competition', 'startNumber'] })
export class Entry extends Node {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne('Competition', { ref: true, deleteRule: 'cascade' }) @Index() competition!: Ref<Competition>;
  /** Hidden from judges until the competition is finalized (anonymous marking); see entry-visibility.ts. */
  @Property({ type: 'string', length: 100, nullable: true }) teamName: string | null = null;
  @Field(() => EntryStatus, { description: 'Whether the entry still competes (参赛状态).' }) @Enum({ items: () => EntryStatus }) status: EntryStatus = EntryStatus.ACTIVE;
  @Field(() => Int, { nullable: true, description: 'From the draw of lots.' }) @Property({ type: 'integer', nullable: true }) startNumber: number | null = null;
  @Field(() => String, { nullable: true, description: 'Workshop station (工位), from the draw of lots.' })
  @Property({ type: 'string', length: 50, nullable: true }) station: string | null = null;
  @Field(() => String, { nullable: true, description: 'Why it was withdrawn, disqualified or marked absent, as the organizer wrote it; null while ACTIVE or when no reason was given.' })
  @Property({ type: 'string', length: 1000, nullable: true }) statusReason: string | null = null;
  @ManyToOne('User', { ref: true, deleteRule: 'restrict' }) registeredBy!: Ref<User>;
  @Field({ description: 'When it was registered.' }) @Property({ type: 'Date' }) createdAt: Date = new Date();
}
