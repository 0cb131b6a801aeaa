import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { Node } from '../../common/relay.js';
import type { User } from '../../auth/user.entity.js';
import type { Competition } from '../setup/competition.entity.js';
import { OfficialDuty } from '../enums.js';

/**
 * A user named to a duty in one competition (加密裁判, 监督仲裁, 领队). Removal keeps the row
 * (removedAt), so who held a duty when stays on record, as the judges' panel does.
 */
@ObjectType({ implements: Node, description: 'A user named to a duty in a competition: encryption officer (加密裁判), arbitrator (监督仲裁) or team leader (领队).' })
@Entity()
@Index({ properties: ['competition', 'duty'] })
@Index({ properties: ['user'] })
// A retry or a double click never names the same user twice to the same duty.
@Index({ name: 'competition_official_active_unique', expression: `create unique index "competition_official_active_unique" on "competition_official" ("competition_id", "user_id", "duty") where "removed_at" is null` })
// One encryption officer per competition: the map from code to entry has one keeper.
@Index({ name: 'competition_official_one_officer', expression: `create unique index "competition_official_one_officer" on "competition_official" ("competition_id") where "removed_at" is null and "duty" = 'ENCRYPTION_OFFICER'` })
// One team leader per enterprise in a competition.
@Index({ name: 'competition_official_one_leader', expression: `create unique index "competition_official_one_leader" on "competition_official" ("competition_id", "enterprise_id") where "removed_at" is null and "duty" = 'TEAM_LEADER'` })
export class CompetitionOfficial extends Node {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne('Competition', { ref: true, deleteRule: 'cascade' }) competition!: Ref<Competition>;
  @ManyToOne('User', { ref: true, deleteRule: 'restrict' }) user!: Ref<User>;
  @Field(() => OfficialDuty, { description: 'The duty held (加密裁判, 监督仲裁 or 领队).' }) @Enum({ items: () => OfficialDuty }) duty!: OfficialDuty;
  /** A team leader's enterprise: whose entrants they lead. Null for other duties. */
  @Property({ type: 'uuid', nullable: true }) enterpriseId: string | null = null;
  @Field(() => String, { nullable: true, description: 'Why named (required once the competition is IN_PROGRESS).' })
  @Property({ type: 'string', length: 1000, nullable: true }) reason: string | null = null;
  @Field({ description: 'When named.' }) @Property({ type: 'Date' }) appointedAt: Date = new Date();
  @Field(() => Date, { nullable: true, description: 'When relieved of the duty; null while holding it.' })
  @Property({ type: 'Date', nullable: true }) removedAt: Date | null = null;
  @Field(() => String, { nullable: true, description: 'Why relieved.' })
  @Property({ type: 'string', length: 1000, nullable: true }) removedReason: string | null = null;
}
