import { Entity, ManyToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { User } from '../auth/user.entity.js';
import type { OperatingMethod } from './operating-method.entity.js';

/** An expert assigned to review a method; only they may review it. Not a GraphQL type of its own. */
@Entity()
@Unique({ properties: ['method', 'reviewer'] })
export class MethodReviewer {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne('OperatingMethod', { ref: true, deleteRule: 'cascade' }) method!: Ref<OperatingMethod>;
  @ManyToOne('User', { ref: true, deleteRule: 'restrict' }) reviewer!: Ref<User>;
  @ManyToOne('User', { ref: true, deleteRule: 'restrict' }) assignedBy!: Ref<User>;
  @Property({ type: 'Date' }) assignedAt: Date = new Date();
}
