import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 15 §0, what the registry must know first: a worker's front-line flag (一线职工), the year they
 * started in their trade and their education (学历); a user's enterprise scope (the enterprise a
 * NOMINATOR or APPRAISER acts for). Existing workers are not front-line and have neither year nor
 * education until someone records them; existing users are city-wide.
 */
export class Migration20261207013000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "worker" add column "front_line" boolean not null default false, add column "trade_start_year" int null, add column "education" text check ("education" in ('JUNIOR_HIGH_OR_BELOW', 'SENIOR_HIGH', 'SECONDARY_VOCATIONAL', 'JUNIOR_COLLEGE', 'BACHELOR', 'POSTGRADUATE')) null;`);
    this.addSql(`alter table "app_user" add column "enterprise_id" uuid null;`);
    this.addSql(`alter table "app_user" add constraint "app_user_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "app_user" drop constraint "app_user_enterprise_id_foreign";`);
    this.addSql(`alter table "app_user" drop column "enterprise_id";`);
    this.addSql(`alter table "worker" drop column "front_line", drop column "trade_start_year", drop column "education";`);
  }
}
