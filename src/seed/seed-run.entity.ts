import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One row per seed (`demo`): written when `npm run seed` starts building, finished when the whole city
 * is there. A row without `finishedAt` is a seed that died half-way, which the next run replaces.
 */
@Entity({ tableName: 'seed_run' })
export class SeedRun {
  @PrimaryKey({ type: 'string', length: 40 })
  name!: string;

  @Property({ type: 'Date' })
  startedAt: Date = new Date();

  @Property({ type: 'Date', nullable: true })
  finishedAt: Date | null = null;
}
