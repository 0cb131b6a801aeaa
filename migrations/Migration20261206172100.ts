import { Migration } from '@mikro-orm/migrations';

/**
 * Backstops for finalize's worker row locks (issue 11 item 10): one competition promotion per worker per
 * calendar year (China Standard Time), one honor per worker, kind, level and year.
 */
export class Migration20261206172100 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create unique index "skill_level_change_competition_year_unique" on "skill_level_change" ("worker_id", (extract(year from ("at" at time zone 'UTC') + interval '8 hours'))) where "source_competition_id" is not null;`);

    this.addSql(`alter table "honor" add constraint "honor_worker_kind_level_year_unique" unique ("worker_id", "kind", "level", "year");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "honor" drop constraint "honor_worker_kind_level_year_unique";`);

    this.addSql(`drop index "skill_level_change_competition_year_unique";`);
  }

}
