import { Migration } from '@mikro-orm/migrations';

/** Single-use links to a results CSV (createResultsDownload): the hash of the token, its expiry and when it was used. */
export class Migration20261206172200 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "results_download" ("id" uuid not null, "competition_id" uuid not null, "token_hash" varchar(64) not null, "created_by_id" uuid not null, "expires_at" timestamptz not null, "used_at" timestamptz null, "created_at" timestamptz not null, constraint "results_download_pkey" primary key ("id"));`);
    this.addSql(`create index "results_download_competition_id_index" on "results_download" ("competition_id");`);
    this.addSql(`alter table "results_download" add constraint "results_download_token_hash_unique" unique ("token_hash");`);

    this.addSql(`alter table "results_download" add constraint "results_download_competition_id_foreign" foreign key ("competition_id") references "competition" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "results_download" add constraint "results_download_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "results_download" cascade;`);
  }

}
