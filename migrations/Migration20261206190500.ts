import { Migration } from '@mikro-orm/migrations';

/** Competition officials (加密裁判, 监督仲裁, 领队): users named to a duty in one competition (issue 12). */
export class Migration20261206190500 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "competition_official" ("id" uuid not null, "competition_id" uuid not null, "user_id" uuid not null, "duty" text check ("duty" in ('ENCRYPTION_OFFICER', 'ARBITRATOR', 'TEAM_LEADER')) not null, "enterprise_id" uuid null, "reason" varchar(1000) null, "appointed_at" timestamptz not null, "removed_at" timestamptz null, "removed_reason" varchar(1000) null, constraint "competition_official_pkey" primary key ("id"));`);
    this.addSql(`create unique index "competition_official_one_leader" on "competition_official" ("competition_id", "enterprise_id") where "removed_at" is null and "duty" = 'TEAM_LEADER';`);
    this.addSql(`create unique index "competition_official_one_officer" on "competition_official" ("competition_id") where "removed_at" is null and "duty" = 'ENCRYPTION_OFFICER';`);
    this.addSql(`create unique index "competition_official_active_unique" on "competition_official" ("competition_id", "user_id", "duty") where "removed_at" is null;`);
    this.addSql(`create index "competition_official_user_id_index" on "competition_official" ("user_id");`);
    this.addSql(`create index "competition_official_competition_id_duty_index" on "competition_official" ("competition_id", "duty");`);
    this.addSql(`alter table "competition_official" add constraint "competition_official_competition_id_foreign" foreign key ("competition_id") references "competition" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "competition_official" add constraint "competition_official_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "competition_official" cascade;`);
  }

}
