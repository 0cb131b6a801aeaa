import { Migration } from '@mikro-orm/migrations';

/** `npm run seed` notes when it starts and finishes, so that a run cut short is rebuilt by the next (src/seed/progress.ts). */
export class Migration20261206160119 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "seed_run" ("name" varchar(40) not null, "started_at" timestamptz not null, "finished_at" timestamptz null, constraint "seed_run_pkey" primary key ("name"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "seed_run" cascade;`);
  }

}
