import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { Node } from '../../common/relay.js';
import type { User } from '../../auth/user.entity.js';
import type { Competition } from '../setup/competition.entity.js';
import type { Criterion } from '../setup/criterion.entity.js';
import type { Entry } from '../entries/entry.entity.js';
import type { Stage } from '../setup/stage.entity.js';
import { AppealDecision, AppealStatus } from './appeal.enums.js';

/**
 * An entrant's appeal (申诉) against one criterion or one whole stage of their entry, filed while the
 * provisional results are public (公示), and its arbitration (仲裁). The row is its own history: who
 * filed when and why, who ruled when and why; the re-marks of an upheld appeal are AppealRemark rows
 * and ScoreRevisions of reason kind APPEAL pointing here.
 */
@ObjectType({ implements: Node, description: 'An appeal (申诉) against the marks of one criterion, or of one whole stage, of an entry; and its ruling (仲裁).' })
@Entity()
@Index({ properties: ['competition', 'filedAt'] })
@Index({ properties: ['entry'] })
// One open appeal per entry and criterion, and per entry and stage for a stage-level one: a retry finds the first.
@Index({ name: 'appeal_open_criterion_unique', expression: `create unique index "appeal_open_criterion_unique" on "appeal" ("entry_id", "criterion_id") where "status" in ('FILED', 'UPHELD') and "criterion_id" is not null` })
@Index({ name: 'appeal_open_stage_unique', expression: `create unique index "appeal_open_stage_unique" on "appeal" ("entry_id", "stage_id") where "status" in ('FILED', 'UPHELD') and "criterion_id" is null` })
export class Appeal extends Node {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne('Competition', { ref: true, deleteRule: 'cascade' }) competition!: Ref<Competition>;
  @ManyToOne('Entry', { ref: true, deleteRule: 'cascade' }) entry!: Ref<Entry>;
  /** The contested stage; for a criterion-level appeal, the criterion's stage. */
  @ManyToOne('Stage', { ref: true, deleteRule: 'cascade' }) stage!: Ref<Stage>;
  /** The contested criterion; null when the whole stage is contested. */
  @ManyToOne('Criterion', { ref: true, nullable: true, deleteRule: 'cascade' }) criterion: Ref<Criterion> | null = null;
  @Field(() => AppealStatus, { description: 'Where the appeal stands: FILED (awaiting the arbitrators), DISMISSED, UPHELD (being re-marked, 复评) or RESOLVED (re-marked).' }) @Enum({ items: () => AppealStatus }) status: AppealStatus = AppealStatus.FILED;
  /** Why the entrant contests the marks; private to the parties, the organizer and the arbitrators. */
  @Property({ type: 'string', length: 2000 }) grounds!: string;
  @ManyToOne('User', { ref: true, deleteRule: 'restrict' }) filedBy!: Ref<User>;
  @Field({ description: 'When it was filed (within the appeal window).' }) @Property({ type: 'Date' }) filedAt: Date = new Date();
  @Field({ description: 'By when the arbitrators are to rule: filedAt + the competition’s arbitrationDeadlineMinutes.' })
  @Property({ type: 'Date' }) deadline!: Date;
  @Field(() => AppealDecision, { nullable: true, description: 'The ruling; null until ruled.' })
  @Enum({ items: () => AppealDecision, nullable: true }) ruling: AppealDecision | null = null;
  /** The arbitrator's reason; exposed to the parties, the organizer, the arbitrators and the re-markers. */
  @Property({ type: 'string', length: 2000, nullable: true }) rulingReason: string | null = null;
  @ManyToOne('User', { ref: true, nullable: true, deleteRule: 'restrict' }) ruledBy: Ref<User> | null = null;
  @Field(() => Date, { nullable: true, description: 'When ruled.' }) @Property({ type: 'Date', nullable: true }) ruledAt: Date | null = null;
  /** Users named to re-mark the contested marks of an upheld appeal. */
  @Property({ type: 'uuid[]' }) remarkJudgeIds: string[] = [];
  @Field(() => Date, { nullable: true, description: 'When the last contested mark was re-marked (RESOLVED).' })
  @Property({ type: 'Date', nullable: true }) resolvedAt: Date | null = null;
  @Field(() => Int, { description: 'Re-marks that changed a mark’s value (0 until RESOLVED). An entry whose RESOLVED appeal changed a mark “changed on appeal”.' })
  @Property({ type: 'integer' }) marksChanged: number = 0;
}
