import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { Node } from '../common/relay.js';
import { Enterprise } from '../registry/enterprise.entity.js';
import { Worker } from '../registry/worker.entity.js';
import { Role } from './role.js';

@ObjectType({ implements: Node, description: 'Someone who logs in.' })
@Entity({ tableName: 'app_user' })
export class User extends Node {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Stored lower-cased and trimmed, which makes the unique index case-insensitive. */
  @Field({ description: 'Login email, lower-case. Seen by the user themself and by ADMINs.' })
  @Property({ type: 'string', length: 254, unique: true })
  email!: string;

  /** Collated "pinyin" in PostgreSQL (Migration20261206200000), so lists order it 李 before 张. */
  @Field({ description: 'The name shown to other staff (显示名称); lists sort it by pinyin.' })
  @Property({ type: 'string', length: 200 })
  displayName!: string;

  @Field(() => [Role], { description: 'What the user may do (ADMIN, ORGANIZER, JUDGE, STUDIO_MANAGER, REVIEWER, NOMINATOR, APPRAISER, INSPECTOR); see docs/authorization.md.' })
  @Enum({ items: () => Role, array: true })
  roles: Role[] = [];

  @Property({ type: 'string', length: 300, hidden: true, lazy: true })
  passwordHash!: string;

  @Field({ description: 'A disabled account cannot log in, and its tokens stop working at once.' })
  @Property({ type: 'boolean' })
  disabled: boolean = false;

  /** Part of every token; bumping it (disable, password change) makes earlier tokens stop working. */
  @Property({ type: 'integer' })
  tokenVersion: number = 0;

  /** Judges and reviewers are linked to their registry record: their enterprise decides conflicts of interest. */
  @ManyToOne(() => Worker, { ref: true, nullable: true, deleteRule: 'set null' })
  worker: Ref<Worker> | null = null;

  /**
   * The enterprise this user acts for (scope): a NOMINATOR nominates its workers, an APPRAISER runs the
   * appraisal body it is. Null = city-wide. Set by an ADMIN (createUser, setUserEnterprise); read through
   * enterpriseScopeOf (scope.ts). The GraphQL field is resolved in auth.resolver.ts through a loader.
   */
  @ManyToOne(() => Enterprise, { ref: true, nullable: true, deleteRule: 'restrict' })
  enterprise: Ref<Enterprise> | null = null;

  @Field({ description: 'When the account was created.' })
  @Property({ type: 'Date' })
  createdAt: Date = new Date();
}
