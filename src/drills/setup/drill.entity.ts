import { DecimalType, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { Node } from '../../common/relay.js';
import type { User } from '../../auth/user.entity.js';
import type { Enterprise } from '../../registry/enterprise.entity.js';
import { SkillLevel } from '../../registry/enums.js';
import { DrillCounting, DrillPhase, DrillResultRelease, DrillStatus } from '../enums.js';
import type { PaperRule } from './paper-rule.js';

@ObjectType({ implements: Node, description: 'An online drill (网上练兵): a timed theory paper drawn per taker from the question bank, marked automatically.' })
@Entity({ tableName: 'drill' })
export class Drill extends Node {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  /** Collated "pinyin" in PostgreSQL (its migration), so lists order it 李 before 张. */
  @Field({ description: 'Title, e.g. 2027年电工安全知识网上练兵.' }) @Property({ type: 'string', length: 200 }) title!: string;
  @Field(() => String, { nullable: true, description: 'What it is about, for takers; null when none was given.' }) @Property({ type: 'text', nullable: true }) description: string | null = null;
  @Field(() => [String], { description: 'The trades (工种) whose banks the papers draw from and whose workers may take it (1–20).' })
  @Property({ type: 'text[]' }) trades: string[] = [];

  // Eligibility beyond the trades (exposed as `eligibility` by the resolver); empty = no limit.
  @Property({ type: 'uuid[]' }) eligibleEnterpriseIds: string[] = [];
  @Property({ type: 'text[]' }) eligibleDistricts: string[] = [];
  @Property({ type: 'text[]' }) eligibleOwnerships: string[] = [];
  @Enum({ items: () => SkillLevel, nullable: true }) minSkillLevel: SkillLevel | null = null;
  @Enum({ items: () => SkillLevel, nullable: true }) maxSkillLevel: SkillLevel | null = null;

  @Field({ description: 'When attempts may start.' }) @Property({ type: 'Date' }) @Index() opensAt!: Date;
  @Field({ description: 'When the window closes: no attempt starts after it, and every attempt’s deadline is at the latest this.' })
  @Property({ type: 'Date' }) closesAt!: Date;
  @Field(() => Int, { description: 'Minutes an attempt may take from its start (its deadline is the earlier of start + limit and closesAt).' })
  @Property({ type: 'integer' }) timeLimitMinutes!: number;
  @Field(() => Int, { description: 'Attempts a taker may make: 1 for a contest, several for practice.' }) @Property({ type: 'integer' }) attemptsAllowed: number = 1;
  @Field(() => DrillCounting, { description: 'Which attempt counts when several are allowed.' }) @Enum({ items: () => DrillCounting }) counting: DrillCounting = DrillCounting.BEST;
  @Field(() => DrillResultRelease, { description: 'When takers see results, answers and explanations.' })
  @Enum({ items: () => DrillResultRelease }) resultRelease: DrillResultRelease = DrillResultRelease.AFTER_WINDOW;
  @Field({ description: 'Whether anyone, without logging in, may read the leaderboard (Drill.publicLeaderboard) once the window has closed: ranks, names, enterprises, scores and time used. Off by default; set before the window opens, so takers know.' })
  @Property({ type: 'boolean', default: false }) publicBoard: boolean = false;
  /** Exposed as `paperRule` by the resolver (PaperRule's GraphQL shape lists the points per type). */
  @Property({ type: 'json' }) paperRule!: PaperRule;
  @Field(() => Float, { description: 'Points needed to pass (及格分).' }) @Property({ type: new DecimalType('number'), precision: 8, scale: 2 }) passMark!: number;
  @Field(() => DrillStatus, { description: 'Where it stands as set by its organizer; see phase for the window.' })
  @Enum({ items: () => DrillStatus }) @Index() status: DrillStatus = DrillStatus.DRAFT;
  /** The organizer who created it and may change it. */
  @ManyToOne('User', { ref: true, deleteRule: 'restrict' }) @Index() organizer!: Ref<User>;
  /** An enterprise's own drill; null for a union's. */
  @ManyToOne('Enterprise', { ref: true, nullable: true, deleteRule: 'set null' }) hostEnterprise: Ref<Enterprise> | null = null;
  @Field({ description: 'When it was created.' }) @Property({ type: 'Date' }) @Index() createdAt: Date = new Date();
  @Field({ description: 'When its settings last changed.' }) @Property({ type: 'Date', onUpdate: () => new Date() }) updatedAt: Date = new Date();
  @Field(() => Int, { description: 'Raised by every change; give it back to updateDrill to refuse a stale edit.' }) @Property({ version: true }) version!: number;

  // `phase` (UPCOMING, OPEN, CLOSED by the clock) is the resolver's: it tells the response cache when it turns.
}

export function drillPhase(d: { opensAt: Date; closesAt: Date; status: DrillStatus }, now: Date): DrillPhase {
  if (d.status === DrillStatus.CANCELLED || now >= d.closesAt) return DrillPhase.CLOSED;
  return now < d.opensAt ? DrillPhase.UPCOMING : DrillPhase.OPEN;
}

/** The next instant drillPhase changes by the clock alone: the opening, then the close; null once CLOSED. */
export function nextPhaseChange(d: { opensAt: Date; closesAt: Date; status: DrillStatus }, now: Date): Date | null {
  const phase = drillPhase(d, now);
  return phase === DrillPhase.UPCOMING ? d.opensAt : phase === DrillPhase.OPEN ? d.closesAt : null;
}
