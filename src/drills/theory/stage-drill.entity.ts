import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { Node } from '../../common/relay.js';
import type { User } from '../../auth/user.entity.js';
import type { Competition } from '../../competitions/setup/competition.entity.js';
import type { Criterion } from '../../competitions/setup/criterion.entity.js';
import type { Stage } from '../../competitions/setup/stage.entity.js';
import type { Drill } from '../setup/drill.entity.js';

/** What the last fill did, entry by entry (fillStageFromDrill's counts). */
export interface FillCounts {
  filled: number;
  revised: number;
  unchanged: number;
  absent: number;
  skipped: number;
}

/**
 * A competition's theory stage fed by an online drill (issue 16, "Results"): the stage's one
 * MEASUREMENT criterion is filled from each entrant's attempt once the drill's window has closed.
 * The competitions side reads this table by SQL only (a judge may not mark a drill-fed criterion);
 * it never imports this room.
 */
@ObjectType({ implements: Node, description: 'A competition stage filled from an online drill (理论赛段由网上练兵计分): its one MEASUREMENT criterion takes each entrant’s drill points, scaled to the criterion’s maximum.' })
@Entity({ tableName: 'stage_drill' })
@Unique({ properties: ['stage'] })
export class StageDrill extends Node {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne('Competition', { ref: true, deleteRule: 'cascade' }) @Index() competition!: Ref<Competition>;
  @ManyToOne('Stage', { ref: true, deleteRule: 'cascade' }) stage!: Ref<Stage>;
  @ManyToOne('Criterion', { ref: true, deleteRule: 'cascade' }) @Index() criterion!: Ref<Criterion>;
  @ManyToOne('Drill', { ref: true, deleteRule: 'restrict' }) @Index() drill!: Ref<Drill>;
  /** The organizer who linked the drill: the accountable person, written as the judge of every mark it fills. */
  @ManyToOne('User', { ref: true, deleteRule: 'restrict' }) linkedBy!: Ref<User>;
  @Field({ description: 'When the drill was linked to the stage.' }) @Property({ type: 'Date' }) linkedAt: Date = new Date();
  @Field(() => Date, { nullable: true, description: 'When the stage was first filled from the drill (after its window closed); null until then.' })
  @Property({ type: 'Date', nullable: true }) filledAt: Date | null = null;
  @Field(() => Date, { nullable: true, description: 'When a fill last ran (automatic or fillStageFromDrill); null until the first.' })
  @Property({ type: 'Date', nullable: true }) lastFillAt: Date | null = null;
  /** The last fill's counts; exposed as `lastFill`. */
  @Property({ type: 'json', nullable: true }) lastFill: FillCounts | null = null;
  @Field({ description: 'True when attempts were re-marked or voided after the fill and the marks are not revised yet: while the stage’s marking is closed (or the competition not IN_PROGRESS) nothing is written; they are revised once it is open again (automatically, or by fillStageFromDrill).' })
  @Property({ type: 'boolean', default: false }) refillPending: boolean = false;
  @Field(() => String, { nullable: true, description: 'Why a refill is pending (the corrected question or the voided attempt); it becomes the reason of the marks’ revisions. Null when none is.' })
  @Property({ type: 'string', length: 1000, nullable: true }) pendingReason: string | null = null;
  @Field(() => Int, { description: 'Raised by every change of the link.' }) @Property({ version: true }) version!: number;
}
